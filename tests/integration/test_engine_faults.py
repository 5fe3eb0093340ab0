"""Trouble on the line: errors, rate limits, dropped answers, slow answers and dying tokens lose nothing and
double nothing."""

from __future__ import annotations

import pytest
from both_worlds import audit_and_verdict, unexplained
from engine_rig import rig

from epages_sync.errors import SyncError

pytestmark = pytest.mark.timeout(300)

FAULTS = ("epages:5xx=0.1,afosto:5xx=0.05,afosto:rate=0.05,epages:rate=0.03@1,all:drop=0.03,"
          "all:cut=0.02,stock:409=0.2,token:expire=3,all:slow=0.01@6")


async def test_faults_mid_run_lose_nothing_and_double_nothing() -> None:
    # Strictly as ePages documents the order list (sort ignored, pages shuffled): the harder of the two.
    with rig(orders=12, seed=11, faults=FAULTS, order_listing="shuffled") as r:
        failures = 0
        for _ in range(25):
            r.sandbox.step(4)
            try:
                await r.service.run_once()
            except SyncError:
                failures += 1  # the running engine waits and tries again; so does this loop
        assert failures < 25
        r.sandbox.set_faults(None)
        # Half-way (the last steps not synced yet), the app's own comparison of both systems finds exactly
        # what the sandbox's verdict finds; and nothing once all is in step.
        found, verdict = await audit_and_verdict(r)
        assert found == verdict
        await r.settle()
        state = r.consistency()
        # What differs still is a conflict the shop and the warehouse made at the same moment, waiting for a
        # person on that order; the app's own comparison sees the same.
        assert unexplained(state["differences"], r.store.open_parked()) == []
        found, verdict = await audit_and_verdict(r)
        assert found == verdict
        figures = r.sandbox.afosto.order_figures()
        assert all(len(v) == 1 for v in figures.values()), "an ePages order was imported twice"
        # Pushes that met trouble were retried, not dropped: nothing is left in the outbox.
        assert r.store.outbox_depth() == 0
        await r.service.close()


async def test_a_token_expiring_mid_run_is_renewed_without_a_person() -> None:
    with rig(orders=5, seed=12, faults="token:expire=1") as r:
        await r.settle(1)
        import asyncio
        await asyncio.sleep(1.2)
        r.sandbox.step(5)
        await r.settle()
        assert r.consistency()["differences"] == []
        assert r.service.health().attention == [] or all("need a person" in a for a in r.service.health().attention)
        await r.service.close()


async def test_refused_credentials_hold_the_pushes_instead_of_parking_them() -> None:
    from epages_sync.errors import AuthenticationError

    with rig(orders=3, seed=13) as r:
        await r.settle(1)
        ledger = r.sandbox.afosto.ledger
        order = next(o for o in ledger.orders if any(i.parcel_id is None and i.status == "OPEN" for i in o.items))
        units = [i.id for i in order.items if i.parcel_id is None and i.status == "OPEN"]
        parcel, _ = ledger.add_parcel({"items": units, "tracking_code": "HELD-1"})
        ledger.set_parcel_status({"parcel_id": parcel.id, "status": "IN_TRANSIT"})
        r.sandbox.revoke_client("sandbox-client")
        with pytest.raises(AuthenticationError):
            await r.service.push_round()
        # Nothing parked for a person to find and retry one by one: the shipment waits in the outbox.
        assert r.store.open_parked() == []
        assert r.store.outbox_depth() >= 1
        r.sandbox.restore_client("sandbox-client")
        await r.settle()
        assert r.consistency()["differences"] == []
        assert r.store.outbox_depth() == 0
        await r.service.close()
