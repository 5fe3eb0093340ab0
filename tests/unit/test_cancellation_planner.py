"""The planner of cancellations made in ePages, on plain data: which Afosto units are cancelled, that a repeat
cancels nothing more, and the units the warehouse packed first (a conflict for a person, never silent)."""

from __future__ import annotations

from test_parcel_planner import shop_order, warehouse_order

from epages_sync.engine.cancellations import plan_cancellations
from epages_sync.engine.context import contra_id


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
