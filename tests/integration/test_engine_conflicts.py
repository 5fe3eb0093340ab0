"""Where the shop and the warehouse did incompatible things to the same order at the same moment, the sync
cannot decide alone: the order waits for a person with what differs and what to do, a log row says so, and
the sync does not write anything it would have to take back."""

from __future__ import annotations

import random
from typing import Any

import pytest
from engine_rig import Rig, rig

from epages_sync.sandbox.seed import random_customer

pytestmark = [pytest.mark.timeout(120)]


def _afosto_order(r: Rig, order_id: str) -> Any:
    return next(o for o in r.sandbox.afosto.ledger.orders
                if (o.meta_data or {}).get("epages_order_id") == order_id)


async def _imported_order(r: Rig) -> str:
    order = r.sandbox.epages.place_order(random_customer(random.Random(5)), [("CF-1003", 2), ("CF-1004", 1)])
    await r.settle(1)
    return order.order_id


def _warehouse_packs(r: Rig, order_id: str, sku: str) -> str:
    ledger = r.sandbox.afosto.ledger
    units = [i.id for i in _afosto_order(r, order_id).items if i.sku == sku and i.parcel_id is None]
    parcel, _ = ledger.add_parcel({"items": units, "tracking_code": "WAREHOUSE-3"})
    return parcel.id


def _conflicts(r: Rig) -> list[Any]:
    return [item for item in r.store.open_parked() if item.kind.startswith("conflict_")]


async def test_units_cancelled_in_epages_after_the_warehouse_packed_them_wait_for_a_person() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _imported_order(r)
        order = r.sandbox.epages.order(order_id)
        first = order.lines[0]
        _warehouse_packs(r, order_id, first.sku)  # both units of the first line are in a parcel now
        r.sandbox.epages.create_cancelation(order_id, [(first.line_id, 1)])  # the shop cancels one of them
        await r.settle()
        conflicts = _conflicts(r)
        assert [c.kind for c in conflicts] == ["conflict_cancellation"]
        assert "cancelled in ePages after the warehouse had packed them" in conflicts[0].message
        assert first.sku in conflicts[0].message and "Stop the parcel" in conflicts[0].message
        rows = [e for e in r.store.log_for_order(order.number) if e.outcome == "parked"]
        assert rows and "cancelled in ePages" in rows[0].message
        # Afosto was not asked to cancel a packed unit, and nothing else of the order was touched.
        afosto = _afosto_order(r, order_id)
        assert not any(i.status == "CANCELLED" for i in afosto.items)
        # The difference the person has to settle is exactly this one.
        assert r.consistency()["differences"] == [
            f"Order {order.number}: canceled quantity of {first.sku} is 1 in ePages but 0 in Afosto."]
        # Seen again on every poll, it stays one item; dismissed, it does not come back for the same units.
        await r.settle()
        assert len(_conflicts(r)) == 1 and _conflicts(r)[0].times == 1
        # Retried while nothing changed: it asks the same again.
        r.service.retry_items([conflicts[0].id])
        await r.settle()
        assert [c.id for c in _conflicts(r)] == [conflicts[0].id]
        r.service.dismiss_items([conflicts[0].id])
        # Another change to the order makes it be read again: the dismissed conflict stays dismissed.
        r.sandbox.epages.create_cancelation(order_id, [(order.lines[1].line_id, 1)])
        await r.settle()
        assert _conflicts(r) == []
        await r.service.close()


async def test_a_cancellation_of_open_units_still_goes_through_beside_a_conflict() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _imported_order(r)
        order = r.sandbox.epages.order(order_id)
        first, second = order.lines[0], order.lines[1]
        _warehouse_packs(r, order_id, first.sku)
        r.sandbox.epages.create_cancelation(order_id, [(first.line_id, 1), (second.line_id, 1)])
        await r.settle()
        assert [c.kind for c in _conflicts(r)] == ["conflict_cancellation"]
        afosto = _afosto_order(r, order_id)
        assert [i.sku for i in afosto.items if i.status == "CANCELLED"] == [second.sku]
        await r.service.close()


async def _delivered_order(r: Rig) -> str:
    order_id = await _imported_order(r)
    parcel_id = _warehouse_packs(r, order_id, "CF-1003")
    r.sandbox.afosto.ledger.set_parcel_status({"parcel_id": parcel_id, "status": "IN_TRANSIT"})
    r.sandbox.afosto.ledger.set_parcel_status({"parcel_id": parcel_id, "status": "DELIVERED"})
    await r.settle()
    return order_id


def _returns_in_afosto(r: Rig, order_id: str) -> list[tuple[str, str]]:
    return sorted((rma.sku, rma.status) for rma in _afosto_order(r, order_id).rma_items)


@pytest.mark.parametrize("first", ["pusher", "poller"])
async def test_a_return_booked_in_both_systems_at_once_counts_once(first: str) -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _delivered_order(r)
        order = r.sandbox.epages.order(order_id)
        line = order.lines[0]
        unit = next(i for i in _afosto_order(r, order_id).items if i.sku == line.sku)
        stock_before = r.sandbox.epages.available_stock(line.sku)
        # The warehouse accepts one unit back, and at the same moment the shop books it as returned.
        r.sandbox.afosto.warehouse._walk_contra(_afosto_order(r, order_id), "receive",
                                                {"item_id": unit.id, "outcome": "ACCEPTED"}, restock=True)
        r.sandbox.epages.create_return(order_id, [(line.line_id, 1, "RETURNED")])
        if first == "pusher":
            await r.service.push_round()
        else:
            await r.service.poller.poll_once()
        await r.settle()
        # One return on each side, the ePages one linked to the Afosto one: nothing put back on stock twice.
        assert _returns_in_afosto(r, order_id) == [(line.sku, "AUTHORIZED")]
        assert len(r.sandbox.epages.order(order_id).returns) == 1
        assert r.consistency()["differences"] == []
        assert r.sandbox.epages.available_stock(line.sku) is not None
        assert r.sandbox.epages.available_stock(line.sku) - (stock_before or 0) <= 1
        assert _conflicts(r) == [] and r.store.outbox_depth() == 0
        await r.service.close()


async def test_a_return_that_epages_counts_differently_waits_for_a_person() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _delivered_order(r)
        order = r.sandbox.epages.order(order_id)
        line = order.lines[0]
        unit = next(i for i in _afosto_order(r, order_id).items if i.sku == line.sku)
        # The warehouse accepts one unit; the shop books both units of the line as returned: not the same
        # return, and ePages counts the warehouse's unit already.
        r.sandbox.afosto.warehouse._walk_contra(_afosto_order(r, order_id), "receive",
                                                {"item_id": unit.id, "outcome": "ACCEPTED"}, restock=True)
        r.sandbox.epages.create_return(order_id, [(line.line_id, 2, "RETURNED")])
        await r.service.push_round()
        await r.settle()
        conflicts = _conflicts(r)
        assert [c.kind for c in conflicts] == ["conflict_return"], [c.message for c in r.store.open_parked()]
        assert "Compare the returns in both systems" in conflicts[0].message
        await r.service.close()


@pytest.mark.parametrize("first", ["pusher", "poller"])
async def test_units_shipped_in_epages_while_the_warehouse_cancelled_them_wait_for_a_person(first: str) -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _imported_order(r)
        order = r.sandbox.epages.order(order_id)
        first_line = order.lines[0]
        unit = next(i for i in _afosto_order(r, order_id).items if i.sku == first_line.sku)
        # The warehouse cancels one unit of the first line while the shop ships both in the cockpit.
        r.sandbox.afosto.warehouse._walk_contra(_afosto_order(r, order_id), "cancel", {"item_id": unit.id},
                                                restock=False)
        process = r.sandbox.epages.create_shipping(order_id, [(first_line.line_id, 2)], tracking_code="COCKPIT-5")
        r.sandbox.epages.mark_shipped(order_id, process.process_id)
        if first == "pusher":
            await r.service.push_round()
        else:
            await r.service.poller.poll_once()
        await r.settle()
        # One item saying what happened and what to do; no technical refusal parked, nothing sent that
        # ePages would refuse.
        kinds = [item.kind for item in r.store.open_parked()]
        assert kinds == ["conflict_cancellation"], [i.message for i in r.store.open_parked()]
        message = r.store.open_parked()[0].message
        assert first_line.sku in message and "Check whether they left" in message
        assert r.store.outbox_depth() == 0
        await r.service.close()
