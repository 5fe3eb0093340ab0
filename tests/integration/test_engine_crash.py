"""Crash safety: the headless engine killed with SIGKILL at random moments of a busy run, again and again."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from both_worlds import audit_keys, unexplained, verdict_keys

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
    sandbox = Sandbox(seed=17, orders=10, order_listing="shuffled")  # only what ePages documents
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

        # The app's own comparison of both systems (through the public APIs) finds exactly what the sandbox's
        # verdict finds in what the killed runs left.
        audit = _cli(tmp_path, "audit", "--json")
        listed, _ = audit.communicate(timeout=300)
        verdict = verdict_keys(sandbox.state()["consistency"]["differences"])
        assert audit.returncode == (1 if verdict else 0), listed[-3000:]
        assert audit_keys(json.loads(listed)["differences"]) == verdict

        # Quiet shop: one last complete run finishes what the killed ones left.
        final = _cli(tmp_path, "run", "--headless", "--once")
        out, _ = final.communicate(timeout=300)
        assert final.returncode == 0, out
        after = _cli(tmp_path, "audit", "--json")
        listed, _ = after.communicate(timeout=300)
        verdict = verdict_keys(sandbox.state()["consistency"]["differences"])
        assert audit_keys(json.loads(listed)["differences"]) == verdict
        assert after.returncode == (1 if verdict else 0)

        state = sandbox.state()["consistency"]
        # Every difference left is one the shop and the warehouse made at the same moment and that waits for
        # a person as a conflict on that order; none is left silently.
        listing = _cli(tmp_path, "parked", "--json")
        parked, _ = listing.communicate(timeout=60)
        assert unexplained(state["differences"], json.loads(parked)) == [], out[-3000:]
        assert kills_mid_work >= KILLS // 2  # most kills hit a process that was busy syncing
        # Not one duplicate: every ePages order is in Afosto at most once (shipped, delivered and returned
        # units twice would show above, SKU by SKU).
        assert all(len(v) == 1 for v in sandbox.afosto.order_figures().values())


@pytest.mark.parametrize("older_link", [False, True], ids=["link-with-units", "link-of-an-older-version"])
async def test_a_return_that_reached_afosto_just_before_a_crash_is_not_returned_again(
        older_link: bool) -> None:
    """The app stopped after Afosto took an ePages return but before the link was complete: the next run
    finds the return's units already returned and links them, instead of returning other units of the line.
    A pending link keeps the units it chose; one written by an older version (without them) is resolved
    from the returned units no link claims."""
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
                if older_link:
                    conn.execute("UPDATE links SET data = json_remove(data, '$.units') WHERE kind = 'return' "
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


async def _three_units_shipped(r: Any) -> Any:
    """An order of three units of one line, imported and shipped in ePages (and so in Afosto)."""
    from epages_sync.sandbox.seed import random_customer

    shop = r.sandbox.epages
    order = shop.place_order(random_customer(random.Random(9)), [("CF-1003", 3)])
    await r.settle(1)
    line_id = order.lines[0].line_id
    shipping = shop.create_shipping(order.order_id, [(line_id, 3)], tracking_code="T-1")
    shop.mark_shipped(order.order_id, shipping.process_id)
    await r.settle()
    return order


async def test_two_returns_of_one_line_both_cut_short_by_a_crash_return_each_unit_once() -> None:
    """Two ePages returns of the same line, each of one unit, both reached Afosto and both links were still
    pending when the app stopped. The next run must count each return's own unit, not the other's."""
    import tempfile

    from engine_rig import rig

    from epages_sync.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "db.sqlite3")
        with rig(orders=0, seed=3, store=store) as r:
            shop = r.sandbox.epages
            order = await _three_units_shipped(r)
            line_id = order.lines[0].line_id
            first = shop.create_return(order.order_id, [(line_id, 1, "RETURNED")])
            second = shop.create_return(order.order_id, [(line_id, 1, "BROKEN")])
            await r.settle()
            assert r.consistency()["differences"] == []
            # The crash, for both: Afosto has both returns, the links are pending, the RMA links are missing.
            with store._transaction() as conn:
                for process in (first, second):
                    conn.execute("UPDATE links SET status = 'pending', afosto_id = NULL "
                                 "WHERE kind = 'return' AND epages_id = ?", (process.process_id,))
                    conn.execute("DELETE FROM links WHERE kind = 'rma' AND epages_id LIKE ?",
                                 (f"{process.process_id}:%",))
                conn.execute("UPDATE links SET data = json_remove(data, '$.seen') WHERE kind = 'order' "
                             "AND epages_id = ?", (order.order_id,))
                conn.execute("DELETE FROM engine_state WHERE key = 'poll.watermark'")
            await r.settle()
            assert r.consistency()["differences"] == []
            for process in (first, second):
                link = store.link_by_epages("return", process.process_id)
                assert link is not None and link.status == "linked"
            await r.service.close()
        store.close()


async def test_a_chosen_unit_the_warehouse_returned_meanwhile_is_replaced_not_sent_again() -> None:
    """The app stopped after choosing the unit of an ePages return and before telling Afosto; meanwhile the
    warehouse booked that very unit as returned. The next run returns another unit of the line for the ePages
    return, and the warehouse's own return reaches ePages as a return of its own: both sides agree."""
    import tempfile
    import uuid

    from engine_rig import rig

    from epages_sync.store import Origin, Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "db.sqlite3")
        with rig(orders=0, seed=3, store=store) as r:
            shop, ledger = r.sandbox.epages, r.sandbox.afosto.ledger
            order = await _three_units_shipped(r)
            line_id = order.lines[0].line_id
            returned = shop.create_return(order.order_id, [(line_id, 1, "RETURNED")])
            afosto = next(o for o in ledger.orders
                          if (o.meta_data or {}).get("epages_order_id") == order.order_id)
            chosen = afosto.items[0].id
            # What the stopped run had written: the pending link with the unit it chose.
            assert store.add_pending_link("return", returned.process_id, parent=order.order_id,
                                          origin=Origin.EPAGES, data={"units": [[chosen, "ACCEPTED"]]})
            ledger.receive_items({"order_id": afosto.id, "items": [
                {"item_id": chosen, "contra_item_id": str(uuid.uuid4()), "outcome": "ACCEPTED"}]})
            await r.settle()
            assert r.consistency()["differences"] == []
            assert store.parked_count() == 0
            assert sum(1 for i in afosto.items if i.status == "RETURNED") == 2
            await r.service.close()
        store.close()
