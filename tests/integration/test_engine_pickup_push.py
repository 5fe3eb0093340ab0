"""A parcel the warehouse made ready for pickup reaches the shop as the order's one ePages pickup process, and
its pickup follows; a pickup process made by an earlier try whose link was lost is taken, not made again
(ePages refuses a second one)."""

from __future__ import annotations

import random

import pytest
from engine_rig import Rig, rig
from test_engine_conflicts import _afosto_order

from epages_sync.sandbox.seed import random_customer

pytestmark = [pytest.mark.timeout(120)]


async def _pickup_order(r: Rig) -> str:
    shop = r.sandbox.epages
    order = shop.place_order(random_customer(random.Random(7)), [("CF-1003", 2)],
                             pickup_option_id=shop.pickup_options[0].pickup_option_id)
    await r.settle(1)
    return order.order_id


def _warehouse_readies(r: Rig, order_id: str) -> str:
    ledger = r.sandbox.afosto.ledger
    parcel, _ = ledger.add_parcel({"items": [i.id for i in _afosto_order(r, order_id).items]})
    ledger.set_parcel_status({"parcel_id": parcel.id, "status": "READY_FOR_PICKUP"})
    return parcel.id


def _pushed(r: Rig, number: str) -> list[str]:
    return [row.message for row in r.store.log_for_order(number) if str(row.outcome) == "ok"]


async def test_a_parcel_ready_for_pickup_becomes_the_orders_pickup_process_and_its_pickup_follows() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _pickup_order(r)
        number = r.sandbox.epages.order(order_id).number
        parcel_id = _warehouse_readies(r, order_id)
        await r.settle()
        assert [p.status for p in r.sandbox.epages.order(order_id).pickups] == ["READY_FOR_PICKUP"]
        assert f"Order {number}: ready for pickup in ePages." in _pushed(r, number)
        r.sandbox.afosto.ledger.set_parcel_status({"parcel_id": parcel_id, "status": "PICKED_UP"})
        await r.settle()
        assert [p.status for p in r.sandbox.epages.order(order_id).pickups] == ["PICKED_UP"]
        assert f"Order {number}: marked picked up in ePages." in _pushed(r, number)
        assert r.store.open_parked() == [] and r.store.outbox_depth() == 0
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_a_pickup_process_made_by_an_earlier_try_is_taken_not_made_again() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _pickup_order(r)
        number = r.sandbox.epages.order(order_id).number
        parcel_id = _warehouse_readies(r, order_id)
        r.sandbox.afosto.ledger.set_parcel_status({"parcel_id": parcel_id, "status": "PICKED_UP"})
        # The earlier try made the process in ePages; the app stopped before it wrote the link.
        r.sandbox.epages.create_pickup(order_id, comment=f"Afosto parcel {parcel_id}")
        await r.service.push_round()
        pickups = r.sandbox.epages.order(order_id).pickups
        assert [p.status for p in pickups] == ["PICKED_UP"]
        assert f"Order {number}: ready for pickup in ePages. Picked up." in _pushed(r, number)
        await r.settle()
        assert r.store.open_parked() == [] and r.store.outbox_depth() == 0
        assert r.consistency()["differences"] == []
        await r.service.close()
