"""Afosto's item flows: cancel and return units, then step through order.actions until they are finished."""

from __future__ import annotations

from collections.abc import Sequence

from ..clients.afosto import AfostoClient
from ..clients.afosto_models import AfostoOrder, ContraItemStep, ReturnedUnit
from .context import contra_id

_MAX_STEPS = 6


def returned_by_us(order: AfostoOrder) -> set[str]:
    """The order's items this app returned: their contra items carry the id derived from the item."""
    return {c.item_id for c in order.contra_items if c.id == contra_id("return", c.item_id)}


async def finish_contra_items(
    afosto: AfostoClient,
    order: AfostoOrder,
    contra_ids: Sequence[str],
    *,
    restock_location: str | None = None,
) -> AfostoOrder:
    """Take our contra items through approval, restock (where asked) and finish.

    Every step is safe to repeat (Afosto ignores a step already done), so after a crash this simply picks
    up where the contra items stand.
    """
    wanted = set(contra_ids)
    for _ in range(_MAX_STEPS):
        steps = {c.id: str(c.step) for c in order.contra_items if c.id in wanted}
        waiting = {s for s in steps.values() if s != ContraItemStep.FINISHED}
        if not waiting:
            return order
        if ContraItemStep.AWAITING_APPROVAL in waiting:
            ids = [i for i, s in steps.items() if s == ContraItemStep.AWAITING_APPROVAL]
            order = await afosto.approve_order_items(order.id, ids)
        elif ContraItemStep.AWAITING_RESTOCK in waiting:
            ids = [i for i, s in steps.items() if s == ContraItemStep.AWAITING_RESTOCK]
            order = await afosto.restock_order_items(order.id, ids, location_id=restock_location)
        else:
            ids = [i for i, s in steps.items() if s == ContraItemStep.AWAITING_FINISH]
            order = await afosto.finish_order_items(order.id, ids)
    return order


async def cancel_units(
    afosto: AfostoClient, order: AfostoOrder, units: Sequence[tuple[str, str]]
) -> AfostoOrder:
    """Cancel (item id, contra id) units and finish the flow."""
    if not units:
        return order
    order = await afosto.cancel_order_items(order.id, units)
    return await finish_contra_items(afosto, order, [c for _, c in units])


async def return_units(
    afosto: AfostoClient, order: AfostoOrder, units: Sequence[ReturnedUnit]
) -> AfostoOrder:
    """Receive returned units with their outcome (accepted / rejected) and finish the flow."""
    if not units:
        return order
    order = await afosto.receive_order_items(order.id, units)
    return await finish_contra_items(afosto, order, [u.contra_item_id for u in units])
