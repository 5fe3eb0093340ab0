"""Cancellations, both ways: the pure planners (no I/O) of which Afosto units an ePages cancellation takes (and
of the units that cannot be cancelled there any more, packed meanwhile), and of what ePages cancels for units
the warehouse cancelled in Afosto (and of those ePages shipped already)."""

from __future__ import annotations

from ..clients.afosto_models import AfostoOrder
from ..clients.epages_models import Order
from .context import contra_id
from .order_view import AfostoOrderView
from .steps import CancelInEpages, CancelledAfterPacking, CancelledAfterShipping, CancelUnits


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


def plan_epages_cancellation(order: Order, afosto: AfostoOrder
                             ) -> tuple[CancelInEpages | None, CancelledAfterShipping | None]:
    """For every line with more units cancelled in Afosto than in ePages: those of them ePages still has
    unshipped are cancelled there (the whole order when Afosto cancelled all of it); the others ePages shows
    shipped or handed out already, a conflict for a person."""
    view = AfostoOrderView(afosto)
    need = {li.id: len(view.canceled(li.id)) - li.counts.canceled for li in order.product_line_items}
    need = {k: v for k, v in need.items() if v > 0}
    gone: dict[str, int] = {}
    for li in order.product_line_items:
        extra = need.get(li.id, 0) - li.counts.unshipped
        if extra > 0:
            gone[li.sku or li.id] = gone.get(li.sku or li.id, 0) + extra
    left = {li.id: li.counts.unshipped for li in order.product_line_items}
    need = {k: min(v, left.get(k, 0)) for k, v in need.items() if left.get(k, 0) > 0}
    cancel = None
    if need:
        cancel = CancelInEpages(need, whole_order=view.all_cancelled and not order.canceled
                                and bool(order.cancelable))
    return cancel, CancelledAfterShipping(gone) if gone else None
