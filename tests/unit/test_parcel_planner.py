"""The planner of the parcels an order's ePages shipments and pickups become in Afosto, on plain data: which
units each parcel holds, the statuses it moves through, and when an order is left to the order-by-order way
(the shared-shipment and conflict cases the integration tests found)."""

from __future__ import annotations

from typing import Any

from epages_sync.clients.afosto_models import AfostoOrder, ParcelStatus
from epages_sync.clients.epages_models import Order, OrderProcesses
from epages_sync.config import Flow
from epages_sync.engine.parcels import epages_changes, plan_new_parcels
from epages_sync.engine.steps import FollowChanges, PackParcel
from epages_sync.store.models import LinkKind

ALL_FLOWS = set(Flow)


def shop_order(**counts: int) -> Order:
    """One line of 3 units, with these ePages counts (shipped, delivered, canceled, returned...)."""
    shipping = {k: {"quantity": counts[k]} for k in ("shipped", "delivered", "pending") if k in counts}
    return Order.model_validate({
        "_id": "o-1", "orderNumber": "10001", "currency": "EUR",
        "productLineItems": [{
            "_id": "l-1", "product": {"sku": "CF-1"}, "quantity": 3, "initialQuantity": 3,
            "shippingStatus": shipping,
            "returnStatus": {k: {"quantity": counts[k]} for k in ("returned", "broken") if k in counts},
            "cancelationStatus": {"canceled": {"quantity": counts.get("canceled", 0)}}}]})


def warehouse_order(statuses: list[str] | None = None, parcels: list[dict[str, Any]] | None = None,
                    packed: dict[str, str] | None = None) -> AfostoOrder:
    """The Afosto order of ``shop_order``: units u0.. with these statuses (``packed``: unit -> parcel)."""
    statuses = statuses or ["OPEN"] * 3
    details = [{"id": f"u{n}", "status": s, "meta_data": {"epages_line_id": "l-1"},
                "parcel_id": (packed or {}).get(f"u{n}")} for n, s in enumerate(statuses)]
    return AfostoOrder.model_validate({
        "id": "a-1", "number": "A-1", "meta_data": {"epages_order_id": "o-1"},
        "items": [{"ids": [d["id"] for d in details], "sku": "CF-1", "quantity": len(details), "details": details}],
        "parcels": parcels or []})


def processes(**kinds: list[dict[str, Any]]) -> OrderProcesses:
    return OrderProcesses.model_validate({k.replace("_", "-"): v for k, v in kinds.items()})


def ship(pid: str, qty: int, status: str = "SHIPPED", code: str | None = "T1") -> dict[str, Any]:
    return {"_id": pid, "status": status, "trackingCode": code, "trackingLink": f"https://track/{code}",
            "lineItems": [{"productLineItemId": "l-1", "quantity": qty}]}


def pickup(pid: str, qty: int, status: str = "READY_FOR_PICKUP") -> dict[str, Any]:
    return {"_id": pid, "status": status, "lineItems": [{"productLineItemId": "l-1", "quantity": qty}]}


def plan(order: Order, procs: OrderProcesses, afosto: AfostoOrder, *, linked: set[str] | None = None,
         flows: set[Flow] | None = None) -> list[PackParcel | FollowChanges]:
    return plan_new_parcels(order, procs, afosto, linked_processes=linked or set(),
                            flows=ALL_FLOWS if flows is None else flows)


def test_a_shipment_becomes_one_parcel_of_the_first_open_units_with_its_tracking() -> None:
    [step] = plan(shop_order(shipped=2), processes(shipping_processes=[ship("s-1", 2)]), warehouse_order())
    assert isinstance(step, PackParcel)
    assert (step.kind, step.process_id, step.afosto_order_id, step.items) == (LinkKind.SHIPPING, "s-1", "a-1",
                                                                             ("u0", "u1"))
    assert (step.tracking_code, step.tracking_url) == ("T1", "https://track/T1")
    assert step.moves == (ParcelStatus.IN_TRANSIT,)


def test_a_delivered_shipment_is_shipped_then_delivered_and_two_shipments_take_different_units() -> None:
    steps = plan(shop_order(delivered=2, shipped=1),
                 processes(shipping_processes=[ship("s-1", 2, "DELIVERED"), ship("s-2", 1, code="T2")]),
                 warehouse_order())
    assert [(s.process_id, s.items, s.moves) for s in steps if isinstance(s, PackParcel)] == [
        ("s-1", ("u0", "u1"), (ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED)),
        ("s-2", ("u2",), (ParcelStatus.IN_TRANSIT,))]


def test_a_shipment_not_shipped_yet_in_epages_is_no_parcel() -> None:
    assert plan(shop_order(pending=2), processes(shipping_processes=[ship("s-1", 2, "PENDING")]),
                warehouse_order()) == []


def test_pickups_are_ready_then_picked_up_and_take_what_is_left() -> None:
    steps = plan(shop_order(shipped=2), processes(shipping_processes=[ship("s-1", 2)],
                                                  pickup_processes=[pickup("k-1", 2, "PICKED_UP")]),
                 warehouse_order())
    assert [(s.kind, s.items, s.moves) for s in steps if isinstance(s, PackParcel)] == [
        (LinkKind.SHIPPING, ("u0", "u1"), (ParcelStatus.IN_TRANSIT,)),
        (LinkKind.PICKUP, ("u2",), (ParcelStatus.READY_FOR_PICKUP, ParcelStatus.PICKED_UP))]


def test_a_shipment_of_units_the_warehouse_packed_meanwhile_goes_the_careful_way() -> None:
    """Shipped in the cockpit while the warehouse packed the same units (the shared-shipment cases): only the
    order-by-order way links the two, so nothing is packed twice."""
    packed = warehouse_order(parcels=[{"id": "p-1", "status": "PENDING", "items": [{"item_id": "u0"}]}],
                             packed={"u0": "p-1"})
    assert plan(shop_order(shipped=1), processes(shipping_processes=[ship("s-1", 1)]), packed) == [
        FollowChanges("o-1", "10001")]


def test_a_shipment_of_units_cancelled_in_afosto_goes_the_careful_way() -> None:
    """Shipped in ePages, cancelled by the warehouse: a conflict for a person, decided order by order."""
    cancelled = warehouse_order(["CANCELLED", "CANCELLED", "OPEN"])
    assert plan(shop_order(shipped=2), processes(shipping_processes=[ship("s-1", 2)]), cancelled) == [
        FollowChanges("o-1", "10001")]


def test_a_process_linked_already_or_a_cancellation_or_return_to_carry_too_goes_the_careful_way() -> None:
    ships = processes(shipping_processes=[ship("s-1", 2)])
    careful = [FollowChanges("o-1", "10001")]
    assert plan(shop_order(shipped=2), ships, warehouse_order(), linked={"s-1"}) == careful
    assert plan(shop_order(shipped=2, canceled=1), ships, warehouse_order()) == careful
    assert plan(shop_order(delivered=2, returned=1), ships, warehouse_order()) == careful
    # ... unless that flow is off: then only the shipments are carried over.
    [step] = plan(shop_order(shipped=2, canceled=1), ships, warehouse_order(), flows=ALL_FLOWS - {Flow.CANCELLATIONS})
    assert isinstance(step, PackParcel)


def test_with_the_shipments_flow_off_nothing_is_packed() -> None:
    order = shop_order(shipped=2)
    assert not epages_changes(order, ALL_FLOWS - {Flow.SHIPMENTS}).any
    assert plan(order, processes(shipping_processes=[ship("s-1", 2)]), warehouse_order(),
                flows=ALL_FLOWS - {Flow.SHIPMENTS}) == []
