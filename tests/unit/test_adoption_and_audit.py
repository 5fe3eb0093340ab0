"""The pure parts of adoption (which pairs both sides already agree on) and of the comparison of both systems."""

from __future__ import annotations

from typing import Any

from epages_sync.clients.afosto_models import AfostoOrder
from epages_sync.clients.epages_models import Order, OrderProcesses
from epages_sync.engine.adoption import match_processes
from epages_sync.engine.audit import BothSides, DifferenceKind, compare
from epages_sync.engine.poller import CANCEL_ITEM, RETURN, RMA, SHIPPING


def shop_order(counts: dict[str, int] | None = None, quantity: int = 3) -> Order:
    c = counts or {}
    return Order.model_validate({
        "_id": "o-1", "orderNumber": "10001", "currency": "EUR",
        "productLineItems": [{
            "_id": "l-1", "product": {"sku": "CF-1"}, "quantity": quantity, "initialQuantity": quantity,
            "shippingStatus": {k: {"quantity": c[k]} for k in ("shipped", "delivered") if k in c},
            "returnStatus": {k: {"quantity": c[k]} for k in ("returned", "broken") if k in c},
            "cancelationStatus": {"canceled": {"quantity": c.get("canceled", 0)}}}]})


def warehouse_order(statuses: list[str], parcels: list[dict[str, Any]] = (), rma: list[dict[str, Any]] = (),
                    order_id: str = "a-1") -> AfostoOrder:
    details = [{"id": f"u{n}", "status": s, "meta_data": {"epages_line_id": "l-1"}} for n, s in enumerate(statuses)]
    return AfostoOrder.model_validate({
        "id": order_id, "number": "A-1", "meta_data": {"epages_order_id": "o-1", "epages_order_number": "10001"},
        "items": [{"ids": [d["id"] for d in details], "sku": "CF-1", "quantity": len(details),
                   "details": details}],
        "parcels": list(parcels), "rma_items": list(rma)})


def processes(**kinds: list[dict[str, Any]]) -> OrderProcesses:
    return OrderProcesses.model_validate({k.replace("_", "-"): v for k, v in kinds.items()})


def ship(pid: str, qty: int, status: str = "SHIPPED", code: str | None = "T1") -> dict[str, Any]:
    return {"_id": pid, "status": status, "trackingCode": code,
            "lineItems": [{"productLineItemId": "l-1", "quantity": qty}]}


def test_a_shipment_and_a_parcel_of_the_same_units_are_linked_with_their_delivery() -> None:
    afosto = warehouse_order(["OPEN"] * 3, parcels=[
        {"id": "p-1", "status": "DELIVERED", "tracking_code": "T1", "items": [{"item_id": "u0"}, {"item_id": "u1"}]}])
    matched = match_processes(shop_order({"delivered": 2}), processes(shipping_processes=[ship("s-1", 2, "DELIVERED")]),
                              afosto, linked_epages=set(), linked_afosto=set())
    assert [(n.kind, n.epages_id, n.afosto_id, n.data) for n in matched.links] == [
        (SHIPPING, "s-1", "p-1", {"lines": {"l-1": 2}, "delivered": True})]


def test_a_shipment_not_yet_shipped_in_epages_stays_unlinked_for_the_sync_to_carry_over() -> None:
    # The app's own shipment of this parcel, made but not marked shipped when it stopped: the shipment push
    # finds it and marks it shipped.
    afosto = warehouse_order(["OPEN"] * 3, parcels=[
        {"id": "p-1", "status": "IN_TRANSIT", "items": [{"item_id": "u0"}, {"item_id": "u1"}]}])
    matched = match_processes(shop_order({"shipped": 1}), processes(shipping_processes=[ship("s-1", 2, "PENDING")]),
                              afosto, linked_epages=set(), linked_afosto=set())
    assert matched.links == []


def test_cancelled_units_are_linked_as_many_as_both_sides_cancelled() -> None:
    afosto = warehouse_order(["CANCELLED", "CANCELLED", "OPEN"])
    matched = match_processes(shop_order({"canceled": 1}), processes(), afosto, linked_epages=set(),
                              linked_afosto=set())
    assert [(n.kind, n.afosto_id) for n in matched.links] == [(CANCEL_ITEM, "u0")]
    # One linked already: nothing more to link.
    again = match_processes(shop_order({"canceled": 1}), processes(), afosto, linked_epages=set(),
                            linked_afosto={(CANCEL_ITEM, "u0")})
    assert again.links == []


def test_a_return_is_linked_only_when_its_contents_match_line_by_line_and_outcome_by_outcome() -> None:
    parcel = {"id": "p-1", "status": "DELIVERED", "items": [{"item_id": f"u{n}"} for n in range(3)]}
    rma = [{"id": "r-1", "item_id": "u0", "status": "AUTHORIZED"}, {"id": "r-2", "item_id": "u1", "status": "REJECTED"}]
    afosto = warehouse_order(["OPEN"] * 3, parcels=[parcel], rma=rma)
    good = {"_id": "ret-1", "lineItems": [{"productLineItemId": "l-1", "quantity": 1, "status": "RETURNED"},
                                           {"productLineItemId": "l-1", "quantity": 1, "status": "BROKEN"}]}
    matched = match_processes(shop_order({"delivered": 3, "returned": 1, "broken": 1}),
                              processes(return_processes=[good]), afosto, linked_epages=set(), linked_afosto=set())
    assert [(n.kind, n.epages_id, n.afosto_id) for n in matched.links] == [
        (RETURN, "ret-1", "r-1,r-2"), (RMA, "ret-1:r-1", "r-1"), (RMA, "ret-1:r-2", "r-2")]
    # Two accepted in ePages, one accepted and one defect in Afosto: a real difference, nothing linked.
    other = {"_id": "ret-2", "lineItems": [{"productLineItemId": "l-1", "quantity": 2, "status": "RETURNED"}]}
    assert match_processes(shop_order({"delivered": 3, "returned": 2}), processes(return_processes=[other]), afosto,
                           linked_epages=set(), linked_afosto=set()).links == []


def test_the_comparison_names_missing_doubled_and_differing_orders_and_stock_off_the_rule() -> None:
    order = shop_order({"canceled": 1})
    both = BothSides(shop_orders=[order], warehouse_orders=[warehouse_order(["OPEN"] * 3)],
                     afosto_skus={"CF-1"}, shop_stock={"CF-1": 7}, available={"CF-1": 7})
    [units] = compare(both)
    assert (units.kind, units.counter, units.epages, units.afosto) == (DifferenceKind.UNITS, "canceled", 1, 0)
    assert "10001" in units.message and "cancelled" in units.message
    both.warehouse_orders.append(warehouse_order(["OPEN"] * 3, order_id="a-2"))
    [twice] = compare(both)
    assert twice.kind == DifferenceKind.DUPLICATE and "second copy of this app" in twice.message
    # Not in Afosto: missing, and its two units still open hold stock back (7 available -> 5 for the shop).
    both.warehouse_orders = []
    kinds = {d.kind: d for d in compare(both)}
    assert set(kinds) == {DifferenceKind.MISSING, DifferenceKind.STOCK}
    assert (kinds[DifferenceKind.STOCK].epages, kinds[DifferenceKind.STOCK].afosto) == (7, 5)
    # An order no sync can import (a SKU Afosto does not know) is the sync's attention item, not a difference.
    both.afosto_skus = set()
    assert compare(both) == []
