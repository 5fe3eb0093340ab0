"""The planners of cancellations, both ways, on plain data: which units are cancelled, that a repeat cancels
nothing more, and the units the other side packed or shipped first (a conflict for a person, never silent)."""

from __future__ import annotations

from test_parcel_planner import shop_order, warehouse_order

from epages_sync.engine.cancellations import plan_cancellations, plan_epages_cancellation
from epages_sync.engine.context import contra_id
from epages_sync.engine.steps import CancelInEpages, CancelledAfterShipping


def test_the_first_open_units_are_cancelled_each_with_a_contra_id_of_its_own() -> None:
    cancel, after_packing = plan_cancellations(shop_order(canceled=2), warehouse_order())
    assert cancel is not None
    assert cancel.units == (("u0", contra_id("cancel", "u0")), ("u1", contra_id("cancel", "u1")))
    assert cancel.skus == ("CF-1",)
    assert after_packing.packed == {}


def test_units_afosto_cancelled_already_are_not_cancelled_again() -> None:
    cancel, after_packing = plan_cancellations(shop_order(canceled=2), warehouse_order(["CANCELLED", "CANCELLED",
                                                                                        "OPEN"]))
    assert cancel is None and after_packing.packed == {}


def test_units_the_warehouse_packed_before_the_cancellation_are_left_for_a_person() -> None:
    """Cancelled in ePages after the warehouse packed two of them: the open one is cancelled, the packed
    two are the conflict's facts."""
    packed = warehouse_order(parcels=[{"id": "p-1", "status": "PENDING", "items": [{"item_id": "u0"},
                                                                                   {"item_id": "u1"}]}],
                             packed={"u0": "p-1", "u1": "p-1"})
    cancel, after_packing = plan_cancellations(shop_order(canceled=3), packed)
    assert cancel is not None and [u for u, _ in cancel.units] == ["u2"]
    assert after_packing.packed == {"CF-1": 2}


# --- units the warehouse cancelled in Afosto, cancelled in ePages (the cancellation pusher) ------------------

def test_units_the_warehouse_cancelled_are_cancelled_in_epages_once() -> None:
    cancel, shipped = plan_epages_cancellation(shop_order(unshipped=3), warehouse_order(["CANCELLED", "OPEN", "OPEN"]))
    assert cancel == CancelInEpages({"l-1": 1}, whole_order=False) and shipped is None
    # ePages has that cancellation already: nothing more.
    assert plan_epages_cancellation(shop_order(unshipped=2, canceled=1),
                                    warehouse_order(["CANCELLED", "OPEN", "OPEN"])) == (None, None)


def test_a_whole_order_cancelled_in_afosto_is_cancelled_as_a_whole_where_epages_allows() -> None:
    all_cancelled = warehouse_order(["CANCELLED"] * 3)
    cancel, _ = plan_epages_cancellation(shop_order(unshipped=3, cancelable=True), all_cancelled)
    assert cancel == CancelInEpages({"l-1": 3}, whole_order=True)
    cancel, _ = plan_epages_cancellation(shop_order(unshipped=3, cancelable=False), all_cancelled)
    assert cancel == CancelInEpages({"l-1": 3}, whole_order=False)


def test_units_cancelled_in_afosto_that_epages_shipped_already_are_a_conflict_and_the_rest_goes_through() -> None:
    cancel, shipped = plan_epages_cancellation(shop_order(shipped=2, unshipped=1), warehouse_order(["CANCELLED"] * 3))
    assert cancel == CancelInEpages({"l-1": 1}, whole_order=False)
    assert shipped == CancelledAfterShipping({"CF-1": 2})
