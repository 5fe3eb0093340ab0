"""Crash safety: the headless engine killed with SIGKILL at random moments of a busy run, again and again."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread

pytestmark = [pytest.mark.timeout(600), pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

REPO = Path(__file__).resolve().parents[2]
KILLS = 20


def _cli(data_dir: Path, *args: str, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "EPAGES_SYNC_CLIENT_SECRET": "sandbox-secret",
           "EPAGES_SYNC_AFOSTO_KEY": "sandbox-afosto-key", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "epages_sync", "--data-dir", str(data_dir), *args],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            **kw)  # type: ignore[call-overload]


def test_killed_at_random_moments_twenty_times_nothing_is_lost_or_doubled(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=17, orders=10)
    w = sandbox.world
    rng = random.Random(17)
    with run_in_thread(sandbox) as url:
        args = ["configure", "--store", "demo-shop", "--client-id", "sandbox-client", "--sandbox", url,
                "--channel", w.default_channel.channel_id, "--start-date", "2020-01-01", "--push-interval", "2",
                "--poll-interval", "15"]
        for ep, af in w.default_location_map.items():
            args += ["--map", f"{ep}={af}"]
        for loc in w.feeding_location_ids:
            args += ["--stock-from", loc]
        configured = _cli(tmp_path, *args)
        configured.communicate(timeout=60)
        assert configured.returncode in (0, 3)  # 3: no keyring here; the secrets come from the environment

        kills_mid_work = 0
        for _ in range(KILLS):
            sandbox.step(6)
            proc = _cli(tmp_path, "run", "--headless")
            time.sleep(rng.uniform(0.8, 3.0))
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate(timeout=30)
            assert proc.returncode == -signal.SIGKILL
            kills_mid_work += bool(out.strip())

        # Quiet shop: one last complete run finishes what the killed ones left.
        final = _cli(tmp_path, "run", "--headless", "--once")
        out, _ = final.communicate(timeout=300)
        assert final.returncode == 0, out

        state = sandbox.state()["consistency"]
        assert state["differences"] == [], out[-3000:]
        assert kills_mid_work >= KILLS // 2  # most kills hit a process that was busy syncing
        # Not one duplicate: every ePages order is in Afosto at most once, every Afosto parcel has exactly
        # one ePages shipment.
        assert all(len(v) == 1 for v in sandbox.afosto.order_figures().values())
        for afosto_order in sandbox.afosto.ledger.orders:
            shop_order = sandbox.epages.by_id[afosto_order.meta_data["epages_order_id"]]
            parcels = [p for p in afosto_order.parcels if p.status in ("IN_TRANSIT", "DELIVERED")]
            shipments = [s for s in shop_order.shippings if s.status in ("SHIPPED", "DELIVERED")]
            assert len(parcels) == len(shipments), shop_order.number


async def test_a_return_that_reached_afosto_just_before_a_crash_is_not_returned_again() -> None:
    """The app stopped after Afosto took an ePages return but before the link was complete: the next run
    finds the return's units already returned and links them, instead of returning other units of the line."""
    import tempfile

    from engine_rig import rig

    from epages_sync.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "db.sqlite3")
        with rig(orders=15, seed=3, store=store) as r:
            await r.settle(1)
            pushed: list[tuple[str, str]] = []
            for _ in range(30):
                r.sandbox.step(6)
                await r.service.run_once()
                pushed = [(row["epages_id"], row["parent"]) for row in store._all(
                    "SELECT epages_id, parent FROM links WHERE kind = 'return' AND origin = 'epages' "
                    "AND status = 'linked'")]
                if pushed:
                    break
            assert pushed, "the shop's staff entered no return in 30 rounds"
            await r.settle()
            assert r.consistency()["differences"] == []
            process_id, order_id = pushed[0]
            # The crash: Afosto has the return, the app's link is still pending and the RMA links are missing.
            with store._transaction() as conn:
                conn.execute("UPDATE links SET status = 'pending', afosto_id = NULL WHERE kind = 'return' "
                             "AND epages_id = ?", (process_id,))
                conn.execute("DELETE FROM links WHERE kind = 'rma' AND epages_id LIKE ?", (f"{process_id}:%",))
                # The page with that order was not finished: its order is read and reconciled again.
                conn.execute("UPDATE links SET data = json_remove(data, '$.seen') WHERE kind = 'order' "
                             "AND epages_id = ?", (order_id,))
                conn.execute("DELETE FROM engine_state WHERE key = 'poll.watermark'")
            await r.settle()
            assert r.consistency()["differences"] == []
            link = store.link_by_epages("return", process_id)
            assert link is not None and str(link.status) in ("linked", "LinkStatus.LINKED")
            await r.service.close()
        store.close()
