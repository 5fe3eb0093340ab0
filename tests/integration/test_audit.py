"""Compare both systems: the product's comparison, made through the public APIs only, finds exactly what the
sandbox's own verdict finds, in a busy shop half-way through a sync and once all is in step."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from both_worlds import audit, audit_and_verdict, audit_keys, verdict_keys
from engine_rig import TEST_POLICY, rig

from epages_sync.clients.afosto import AfostoClient
from epages_sync.clients.afosto_models import NewOrder, NewOrderLine
from epages_sync.engine.audit import PARK_AUDIT, DifferenceKind

pytestmark = [pytest.mark.timeout(300)]
REPO = Path(__file__).resolve().parents[2]


async def _second_copy_in_afosto(r) -> str:
    """An Afosto order made for an ePages order that has one already (as a second app would make it)."""
    original = r.sandbox.afosto.ledger.orders[0]
    meta = original.meta_data
    async with AfostoClient.from_settings(r.settings, "sandbox-afosto-key", policy=TEST_POLICY) as afosto:
        copy = await afosto.create_order(NewOrder(channel_id=r.settings.afosto_channel_id, currency="EUR",
                                                  meta_data=dict(meta)))
        sku = original.items[0].sku
        await afosto.add_items_to_order(copy.id, [NewOrderLine(sku=sku, quantity=1, unit_price=Decimal("1"))])
    return str(meta["epages_order_number"])


async def test_audit_finds_exactly_what_the_sandbox_verdict_finds_in_a_busy_shop() -> None:
    with rig(orders=20, seed=4) as r:
        await r.service.run_once()
        for _ in range(6):  # the shop and the warehouse go on while the sync is half-way
            r.sandbox.step(8)
            await r.service.poller.poll_once()
        r.sandbox.step(10)
        twice = await _second_copy_in_afosto(r)
        found, verdict = await audit_and_verdict(r)
        kinds = {key[0] for key in verdict}
        assert {"missing_in_afosto", "units", "in_afosto_more_than_once"} <= kinds  # a busy, unsynced moment
        assert found == verdict
        # Every difference is an attention item with what to do; the duplicate names a second copy of the app.
        items = [i for i in r.store.open_parked() if i.kind == PARK_AUDIT]
        assert len(items) == len(found)
        duplicate = next(i for i in items if i.reference == twice)
        assert "second copy of this app" in duplicate.message

        await r.settle()
        found, verdict = await audit_and_verdict(r)
        assert found == verdict == {("in_afosto_more_than_once", twice, 2)}
        # Settled differences are no longer waiting for a person.
        assert [i.reference for i in r.store.open_parked() if i.kind == PARK_AUDIT] == [twice]
        await r.service.close()


async def test_a_shop_in_step_has_no_differences_and_new_activity_shows_up() -> None:
    with rig(orders=8, seed=6) as r:
        await r.settle()
        assert await audit(r.settings, r.store) == []
        r.sandbox.step(12)
        differences = await audit(r.settings, r.store)
        assert differences and all(d.kind != DifferenceKind.NOT_IN_SHOP for d in differences)
        # The sync carries the changes over; Retry on one of the items compares again and settles what is in
        # step now (what is left is what the sandbox's verdict still finds: a conflict for a person).
        await r.settle()
        waiting = [i.id for i in r.store.open_parked() if i.kind == PARK_AUDIT]
        assert len(waiting) == len(differences)
        assert r.service.retry_items(waiting[:1]) == waiting[:1]
        compare = r.service._tasks.get("engine.compare")
        assert compare is not None
        await compare
        left = [i for i in r.store.open_parked() if i.kind == PARK_AUDIT]
        verdict = verdict_keys(r.consistency()["differences"])
        assert len(left) == len(verdict) < len(waiting)
        assert audit_keys([i.data for i in left]) == verdict
        await r.service.close()


def test_the_audit_command_exits_non_zero_on_differences_and_prints_json(tmp_path: Path) -> None:
    import json

    from epages_sync.sandbox.app import Sandbox
    from epages_sync.sandbox.server import run_in_thread

    sandbox = Sandbox(seed=9, orders=6)
    w = sandbox.world
    env = {**os.environ, "EPAGES_SYNC_CLIENT_SECRET": "sandbox-secret",
           "EPAGES_SYNC_AFOSTO_KEY": "sandbox-afosto-key", "PYTHONPATH": str(REPO)}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "epages_sync", "--data-dir", str(tmp_path), *args],
                              env=env, cwd=REPO, capture_output=True, text=True, timeout=240)

    with run_in_thread(sandbox) as url:
        args = ["configure", "--store", "demo-shop", "--client-id", "sandbox-client", "--sandbox", url,
                "--channel", w.default_channel.channel_id, "--start-date", "2020-01-01"]
        for ep, af in w.default_location_map.items():
            args += ["--map", f"{ep}={af}"]
        for loc in w.feeding_location_ids:
            args += ["--stock-from", loc]
        assert cli(*args).returncode in (0, 3)
        before = cli("audit", "--json")
        assert before.returncode == 1, before.stderr
        listed = json.loads(before.stdout)["differences"]
        missing = {d["order_number"] for d in listed if d["kind"] == "missing_in_afosto"}
        assert len(missing) >= 5  # nothing imported yet: every order the sync can import is missing
        parked = cli("parked", "--json")
        assert len([i for i in json.loads(parked.stdout) if i["kind"] == PARK_AUDIT]) == len(listed)
        assert cli("run", "--headless", "--once").returncode == 0
        after = cli("audit")
        assert after.returncode == 0, after.stdout
        assert "no differences" in after.stdout
        assert cli("audit", "--since", "2020-13-01").returncode == 2  # a clear word about the date
