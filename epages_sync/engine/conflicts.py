"""Where ePages and Afosto say different things that the sync cannot put right alone: a parked conflict for a
person, saying what differs and what to do, and a log row. Nothing that is not carried over stays silent.

A conflict is raised once for the facts it names (the caller remembers that in its link); when the two
systems agree again (a person corrected one side), the sync settles it by itself.
"""

from __future__ import annotations

from ..config import Flow
from ..store.models import LinkKind, Outcome, ParkedStatus
from ..texts import Text
from .context import SyncContext

# Kinds of parked conflicts, by what the two systems disagree on.
CONFLICT_SHIPMENT = "conflict_shipment"
CONFLICT_CANCELLATION = "conflict_cancellation"
CONFLICT_RETURN = "conflict_return"
CONFLICT_KINDS = (CONFLICT_SHIPMENT, CONFLICT_CANCELLATION, CONFLICT_RETURN)

_FLOW = {
    CONFLICT_SHIPMENT: Flow.SHIPMENTS,
    CONFLICT_CANCELLATION: Flow.CANCELLATIONS,
    CONFLICT_RETURN: Flow.RETURNS,
}


def worth_telling(ctx: SyncContext, kind: str, *, epages_order_id: str, number: str, memory: str,
                  facts: list[list[object]]) -> bool:
    """Whether a conflict's facts on an order are news: not what the order's link remembers under ``memory``
    (then they are remembered now), or the same again after a person pressed Retry. Seen on every poll, the
    same facts are told once."""
    order = LinkKind.ORDER.value
    link = ctx.store.link_by_epages(order, epages_order_id)
    item = ctx.store.open_parked_for(kind, number)
    retried = bool(facts) and item is not None and item.status == ParkedStatus.RETRIED
    if (link is None or (link.data.get(memory) or []) == facts) and not retried:
        return False
    ctx.store.update_link_data(order, epages_order_id, {memory: facts})
    return True


def park_conflict(ctx: SyncContext, kind: str, *, epages_order_id: str, number: str, message: Text,
                  afosto_ref: str | None = None, facts: dict[str, object] | None = None) -> int:
    """Park a conflict on one order for a person and say so in the log; returns the parked item's id."""
    parked_id = ctx.store.park(
        kind, number, message,
        data={"epages_order_id": epages_order_id, "order_number": number, "facts": facts or {}})
    ctx.journal.to_afosto(Outcome.PARKED, message, flow=_FLOW[kind], epages_ref=number, afosto_ref=afosto_ref,
                          parked_id=parked_id)
    return parked_id


def settle_conflict(ctx: SyncContext, kind: str, number: str, message: Text) -> bool:
    """Both systems agree again: close the conflict (if one is open) and say so in the log."""
    if not ctx.store.resolve_parked(kind, number):
        return False
    ctx.journal.to_afosto(Outcome.OK, message, flow=_FLOW[kind], epages_ref=number)
    return True


def codes_differ(epages_code: str | None, afosto_codes: list[str | None]) -> bool:
    """Whether the tracking code of a shipment in ePages is not the one (or ones) Afosto holds for the same
    units; a side without a code says nothing."""
    theirs = {c for c in afosto_codes if c}
    return bool(epages_code) and bool(theirs) and theirs != {epages_code}


def tracking_conflict(ctx: SyncContext, epages_order_id: str, number: str, *, epages_code: str, afosto_code: str,
                      afosto_ref: str | None) -> int:
    """The same units shipped in both systems at once, under two tracking codes."""
    return park_conflict(
        ctx, CONFLICT_SHIPMENT, epages_order_id=epages_order_id, number=number, afosto_ref=afosto_ref,
        message=Text("Order {number} was shipped in ePages (tracking {epages_code}) and in Afosto (tracking "
                     "{afosto_code}) at the same moment; the units count once. Check which parcel really left, "
                     "correct the tracking code in the other system, then dismiss this item.",
                     number=number, epages_code=epages_code, afosto_code=afosto_code),
        facts={"epages_code": epages_code, "afosto_code": afosto_code})
