"""The planner of the parcels an order's ePages shipments and pickups become in Afosto, on plain data: which
units each parcel holds, the statuses it moves through, and when an order is left to the order-by-order way
(the shared-shipment and conflict cases the integration tests found)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from epages_sync.clients.afosto_models import AfostoOrder, ParcelStatus
from epages_sync.clients.epages_models import Order, OrderProcesses
from epages_sync.config import Flow
from epages_sync.engine.parcels import (
    EpagesParcel,
    ParcelLinks,
    ShipmentPlan,
    epages_changes,
    parcel_processes,
    part_key,
    plan_afosto_picked_up,
    plan_afosto_pickup,
    plan_afosto_shipment,
    plan_epages_parcel,
    plan_new_parcels,
    shared_parcel_key,
)
from epages_sync.engine.steps import (
    CompleteClaim,
    CreatePickup,
    CreateShipment,
    DeliverShipments,
    DropClaim,
    FollowChanges,
    LinkParcel,
    MarkPickedUp,
    MarkShipped,
    MoveParcel,
    PackParcel,
    PickupNotKnown,
    ProcessGone,
    RefuseShipment,
    SameUnitsNote,
    ShippedButCancelled,
    TrackingAgreed,
    TrackingConflict,
)
from epages_sync.store.models import Link, LinkKind, Origin

ALL_FLOWS = set(Flow)


def shop_order(cancelable: bool = False, **counts: int) -> Order:
    """One line of 3 units, with these ePages counts (shipped, delivered, canceled, returned...)."""
    shipping = {k: {"quantity": counts[k]} for k in ("unshipped", "shipped", "delivered", "pending") if k in counts}
    return Order.model_validate({
        "_id": "o-1", "orderNumber": "10001", "currency": "EUR",
        "_links": {"cancel": {"href": "https://shop.example/api/orders/o-1/cancel"}} if cancelable else {},
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


# --- one process's parcel, with the links as plain data (the order-by-order way) ----------------------------

NOW = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)


def link(epages_id: str, afosto_id: str | None, *, status: str = "linked", **data: Any) -> Link:
    return Link(id=1, kind=LinkKind.SHIPPING, epages_id=epages_id, afosto_id=afosto_id, status=status,
                parent="o-1", origin="epages", data=data, created_at=NOW, updated_at=NOW)


def links(*known: Link) -> ParcelLinks:
    return ParcelLinks(by_process={k.epages_id: k for k in known}, by_parcel={k.afosto_id: k for k in known
                                                                              if k.afosto_id},
                       of_order=list(known))


def parcel(pid: str, units: list[str], status: str = "IN_TRANSIT", code: str | None = "T1") -> dict[str, Any]:
    return {"id": pid, "status": status, "tracking_code": code, "items": [{"item_id": u} for u in units]}


def shipment(qty: int, *, status: str = "SHIPPED", code: str | None = "T1") -> EpagesParcel:
    [one] = parcel_processes(processes(shipping_processes=[ship("s-1", qty, status, code)]))
    return one


def test_a_claim_left_by_a_crash_is_linked_to_the_parcel_made_for_it_and_moved_on() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"], status="PENDING")], packed={"u0": "p-1", "u1": "p-1"})
    steps = plan_epages_parcel(shop_order(delivered=2), afosto, shipment(2, status="DELIVERED"),
                               links(link("s-1", None, status="pending")))
    assert steps == [CompleteClaim(LinkKind.SHIPPING, "s-1", "p-1"), MoveParcel("p-1", ParcelStatus.IN_TRANSIT),
                     MoveParcel("p-1", ParcelStatus.DELIVERED, told=True)]


def test_a_claim_whose_parcel_afosto_never_made_is_dropped_and_the_units_packed() -> None:
    steps = plan_epages_parcel(shop_order(shipped=2), warehouse_order(), shipment(2),
                               links(link("s-1", None, status="pending")))
    assert [type(s) for s in steps] == [DropClaim, PackParcel]
    pack = steps[1]
    assert isinstance(pack, PackParcel) and pack.items == ("u0", "u1") and pack.moves == (ParcelStatus.IN_TRANSIT,)


def test_our_own_push_whose_link_was_lost_is_linked_not_imported_back() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"])], packed={"u0": "p-1", "u1": "p-1"})
    assert plan_epages_parcel(shop_order(shipped=2), afosto, shipment(2), links()) == [
        LinkParcel(LinkKind.SHIPPING, "s-1", "p-1", Origin.AFOSTO)]


def test_shipped_in_both_systems_at_once_under_two_codes_is_one_shipment_and_a_conflict() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"], code="W9")], packed={"u0": "p-1", "u1": "p-1"})
    steps = plan_epages_parcel(shop_order(shipped=2), afosto, shipment(2), links())
    assert steps == [LinkParcel(LinkKind.SHIPPING, "s-1", "p-1", Origin.EPAGES,
                                {"shipped_in_both": True, "tracking_conflict": True}),
                     TrackingConflict("T1", "W9")]


def test_a_cockpit_shipment_inside_a_bigger_warehouse_parcel_is_a_share_of_it() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1", "u2"])], packed=dict.fromkeys(("u0", "u1", "u2"), "p-1"))
    steps = plan_epages_parcel(shop_order(shipped=1), afosto, shipment(1), links())
    assert steps == [LinkParcel(LinkKind.SHIPPING, "s-1", shared_parcel_key("p-1", "s-1"), Origin.EPAGES,
                                {"parcel": "p-1", "lines": {"l-1": 1}, "shipped_in_both": True,
                                 "tracking_conflict": False}),
                     SameUnitsNote("covering")]


def test_a_cockpit_shipment_bigger_than_the_warehouse_parcel_takes_its_units_and_packs_the_rest() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0"], code="W9")], packed={"u0": "p-1"})
    steps = plan_epages_parcel(shop_order(delivered=3), afosto, shipment(3, status="DELIVERED"), links())
    assert steps[0] == LinkParcel(LinkKind.SHIPPING, part_key("s-1", "p-1"), shared_parcel_key("p-1", "s-1"),
                                  Origin.EPAGES, {"parcel": "p-1", "process": "s-1", "lines": {"l-1": 1},
                                                  "shipped_in_both": True})
    assert steps[1:3] == [TrackingConflict("T1", "W9"), SameUnitsNote("parts")]
    pack = steps[3]
    assert isinstance(pack, PackParcel) and pack.items == ("u1", "u2")
    assert pack.claim_data == {"tracking_conflict": True}
    # Delivered as a whole: the warehouse's part too; the codes still differ, so the conflict stays.
    assert steps[4:] == [MoveParcel("p-1", ParcelStatus.DELIVERED),
                         TrackingConflict("T1", "T1, W9", again=True),
                         MoveParcel(None, ParcelStatus.DELIVERED, told=True)]


def test_a_tracking_conflict_settles_once_the_codes_agree() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"], code="T1")], packed={"u0": "p-1", "u1": "p-1"})
    steps = plan_epages_parcel(shop_order(shipped=2), afosto, shipment(2),
                               links(link("s-1", "p-1", shipped_in_both=True, tracking_conflict=True)))
    assert steps == [TrackingAgreed(LinkKind.SHIPPING, "s-1")]


def test_units_shipped_in_epages_that_the_warehouse_cancelled_are_a_conflict_not_a_refusal() -> None:
    cancelled = warehouse_order(["CANCELLED", "CANCELLED", "OPEN"])
    # Two shipped in the cockpit, one of them still open in Afosto: the other is the one to ask about.
    assert plan_epages_parcel(shop_order(shipped=2), cancelled, shipment(2), links()) == [
        ShippedButCancelled({"CF-1": 1})]
    # Cancelled in ePages too: Afosto's cancellations do not explain the shipment; it is refused.
    assert plan_epages_parcel(shop_order(shipped=2, canceled=2), cancelled, shipment(2), links()) == [
        RefuseShipment()]


def test_a_linked_shipment_delivered_in_epages_is_delivered_in_afosto_once() -> None:
    afosto = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"])], packed={"u0": "p-1", "u1": "p-1"})
    done = links(link("s-1", "p-1"))
    assert plan_epages_parcel(shop_order(delivered=2), afosto, shipment(2, status="DELIVERED"), done) == [
        MoveParcel("p-1", ParcelStatus.DELIVERED, told=True)]
    delivered = warehouse_order(parcels=[parcel("p-1", ["u0", "u1"], status="DELIVERED")],
                                packed={"u0": "p-1", "u1": "p-1"})
    assert plan_epages_parcel(shop_order(delivered=2), delivered, shipment(2, status="DELIVERED"), done) == []


# --- an Afosto parcel the warehouse shipped, as an ePages shipment (the shipment pusher) ----------------------

def warehouse_parcel(units: list[str], status: str = "IN_TRANSIT", code: str | None = "W1") -> AfostoOrder:
    return warehouse_order(parcels=[parcel("p-1", units, status=status, code=code)], packed=dict.fromkeys(units, "p-1"))


def ship_plan(order: Order, afosto: AfostoOrder, existing: list[dict[str, Any]] | None = None, *,
              link: Link | None = None, linked: set[str] | None = None, shares: list[Link] | None = None
              ) -> ShipmentPlan:
    return plan_afosto_shipment(order, afosto, afosto.parcels[0],
                                processes(shipping_processes=existing or []).shippings, link=link,
                                linked_processes=linked or set(), shares=shares or [])


def test_a_parcel_the_warehouse_shipped_becomes_an_epages_shipment_marked_shipped() -> None:
    plan = ship_plan(shop_order(unshipped=3), warehouse_parcel(["u0", "u1"]))
    assert plan.steps == [CreateShipment("p-1", {"l-1": 2}, "W1", None, {"lines": {"l-1": 2}, "tracking_conflict": False}),
                          MarkShipped(None, "W1", None)]
    assert plan.sent == plan.lines == {"l-1": 2}
    delivered = ship_plan(shop_order(unshipped=3), warehouse_parcel(["u0", "u1"], status="DELIVERED"))
    assert delivered.steps[-1] == DeliverShipments("p-1")


def test_our_own_shipment_whose_link_was_lost_is_linked_and_marked_not_made_again() -> None:
    plan = ship_plan(shop_order(unshipped=1, pending=2), warehouse_parcel(["u0", "u1"]),
                     [ship("s-1", 2, "PENDING", code="W1")])
    assert plan.steps == [LinkParcel(LinkKind.SHIPPING, "s-1", "p-1", Origin.AFOSTO,
                                     {"lines": {"l-1": 2}, "tracking_conflict": False}),
                          MarkShipped("s-1", "W1", None)]


def test_an_earlier_try_is_finished_and_a_process_a_person_removed_is_said() -> None:
    made = link("s-1", "p-1", lines={"l-1": 2})
    assert ship_plan(shop_order(shipped=2, unshipped=1), warehouse_parcel(["u0", "u1"]),
                     [ship("s-1", 2, "SHIPPED", code="W1")], link=made).steps == []
    assert ship_plan(shop_order(unshipped=3), warehouse_parcel(["u0", "u1"]), [], link=made).steps == [
        ProcessGone("s-1")]


def test_shipped_in_both_systems_at_once_under_two_codes_is_linked_and_asked_about() -> None:
    plan = ship_plan(shop_order(shipped=2, unshipped=1), warehouse_parcel(["u0", "u1"]),
                     [ship("s-1", 2, "SHIPPED", code="T1")])
    assert plan.steps == [LinkParcel(LinkKind.SHIPPING, "s-1", "p-1", Origin.AFOSTO,
                                     {"lines": {"l-1": 2}, "tracking_conflict": True}),
                          TrackingConflict("T1", "W1")]


def test_a_cockpit_shipment_inside_the_parcel_is_a_share_and_epages_gets_the_rest() -> None:
    plan = ship_plan(shop_order(shipped=1, unshipped=2), warehouse_parcel(["u0", "u1", "u2"]),
                     [ship("s-1", 1, "SHIPPED", code="W1x")])
    assert plan.steps == [
        LinkParcel(LinkKind.SHIPPING, "s-1", shared_parcel_key("p-1", "s-1"), Origin.EPAGES,
                   {"parcel": "p-1", "lines": {"l-1": 1}, "shipped_in_both": True, "tracking_conflict": True}),
        TrackingConflict("W1x", "W1"),
        CreateShipment("p-1", {"l-1": 2}, "W1", None, {"lines": {"l-1": 2}, "tracking_conflict": False}),
        MarkShipped(None, "W1", None)]
    assert plan.sent == {"l-1": 2} and plan.lines == {"l-1": 3}


def test_a_parcel_whose_units_all_left_in_cockpit_shipments_is_covered_and_nothing_is_sent() -> None:
    plan = ship_plan(shop_order(shipped=2, unshipped=1), warehouse_parcel(["u0", "u1"]),
                     [ship("s-1", 1, "SHIPPED", code="W1"), ship("s-2", 1, "SHIPPED", code=None)],
                     linked={"s-1"}, shares=[link("s-1", shared_parcel_key("p-1", "s-1"), parcel="p-1",
                                                  lines={"l-1": 1})])
    assert plan.steps == [
        LinkParcel(LinkKind.SHIPPING, "s-2", shared_parcel_key("p-1", "s-2"), Origin.EPAGES,
                   {"parcel": "p-1", "lines": {"l-1": 1}, "shipped_in_both": True, "tracking_conflict": False}),
        LinkParcel(LinkKind.SHIPPING, "covered:p-1", "p-1", Origin.AFOSTO, {"lines": {}, "covered_by_epages": True})]


# --- an Afosto parcel ready for pickup, as the ePages pickup process (the pickup pushers) ---------------------

def pickup_parcel(status: str = "READY_FOR_PICKUP") -> AfostoOrder:
    return warehouse_order(parcels=[parcel("p-1", ["u0", "u1"], status=status, code=None)],
                           packed={"u0": "p-1", "u1": "p-1"})


def pickup_link(process_id: str = "k-1") -> Link:
    return Link(id=2, kind=LinkKind.PICKUP, epages_id=process_id, afosto_id="p-1", status="linked", parent="o-1",
                origin="afosto", data={}, created_at=NOW, updated_at=NOW)


def pickup_plan(status: str = "READY_FOR_PICKUP", existing: list[dict[str, Any]] | None = None, *,
                link: Link | None = None, linked: set[str] | None = None) -> list[Any]:
    return plan_afosto_pickup(pickup_parcel(status).parcels[0], processes(pickup_processes=existing or []).pickups,
                              link=link, linked_processes=linked or set())


def test_a_parcel_ready_for_pickup_becomes_the_orders_new_pickup_process_marked_once_picked_up() -> None:
    assert pickup_plan() == [CreatePickup("p-1")]
    assert pickup_plan("PICKED_UP") == [CreatePickup("p-1"), MarkPickedUp(None)]


def test_a_pickup_process_nobody_linked_is_ours_from_an_earlier_try_and_is_not_made_again() -> None:
    """ePages keeps one pickup process per order: one no link names was made by this push before the app
    stopped; it is linked, and marked picked up only if ePages does not show it so already."""
    linked_by_other = pickup("k-0", 1, "PICKED_UP")
    assert pickup_plan(existing=[linked_by_other, pickup("k-1", 2)], linked={"k-0"}) == [
        LinkParcel(LinkKind.PICKUP, "k-1", "p-1", Origin.AFOSTO)]
    assert pickup_plan("PICKED_UP", [pickup("k-1", 2, "PICKED_UP")]) == [
        LinkParcel(LinkKind.PICKUP, "k-1", "p-1", Origin.AFOSTO), MarkPickedUp("k-1", already=True)]


def test_a_pickup_linked_on_an_earlier_try_is_finished_and_one_a_person_removed_parks_the_push() -> None:
    assert pickup_plan(existing=[pickup("k-1", 2)], link=pickup_link()) == []
    assert pickup_plan("PICKED_UP", [pickup("k-1", 2)], link=pickup_link()) == [MarkPickedUp("k-1")]
    assert pickup_plan("PICKED_UP", [pickup("k-2", 2)], link=pickup_link(), linked={"k-1"}) == [
        ProcessGone("k-1")]


def test_a_parcel_picked_up_later_marks_its_linked_process_unless_epages_shows_it_so_already() -> None:
    assert plan_afosto_picked_up("p-1", processes(pickup_processes=[pickup("k-1", 2)]).pickups,
                                 link=pickup_link()) == [MarkPickedUp("k-1")]
    assert plan_afosto_picked_up("p-1", processes(pickup_processes=[pickup("k-1", 2, "PICKED_UP")]).pickups,
                                 link=pickup_link()) == [MarkPickedUp("k-1", already=True)]
    # A person removed the process meanwhile; the ready-for-pickup push has not gone through yet.
    assert plan_afosto_picked_up("p-1", [], link=pickup_link()) == [ProcessGone("k-1")]
    assert plan_afosto_picked_up("p-1", [], link=None) == [PickupNotKnown("p-1")]
