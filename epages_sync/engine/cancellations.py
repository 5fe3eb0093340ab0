"""Cancellations made in ePages, carried over to Afosto: the pure planner (no I/O) of which Afosto units a
cancellation takes, and of the units that cannot be cancelled there any more (packed meanwhile)."""

from __future__ import annotations

from ..clients.afosto_models import AfostoOrder
from ..clients.epages_models import Order
from .context import contra_id
from .order_view import AfostoOrderView
from .steps import CancelledAfterPacking, CancelUnits


def plan_cancellations(order: Order, afosto: AfostoOrder) -> tuple[CancelUnits | None, CancelledAfterPacking]:
    """For every ePages line with more units cancelled than Afosto has cancelled: its first open, unpacked
    units (each with the contra id derived from it, so a repeat changes nothing). What Afosto has packed
    already cannot be cancelled: those units per SKU are the conflict's facts (none: the systems agree)."""
    view = AfostoOrderView(afosto)
    units: list[tuple[str, str]] = []
    skus: list[str] = []
    packed: dict[str, int] = {}
    for li in order.product_line_items:
        missing = li.counts.canceled - len(view.canceled(li.id))
        if missing > 0:
            open_units = view.open_unpacked(li.id)[:missing]
            for item in open_units:
                units.append((item.id, contra_id("cancel", item.id)))
                skus.append(li.sku or "?")
            if missing > len(open_units):
                packed[li.sku or li.id] = packed.get(li.sku or li.id, 0) + missing - len(open_units)
    cancel = CancelUnits(units=tuple(units), skus=tuple(sorted(set(skus)))) if units else None
    return cancel, CancelledAfterPacking(packed)
