"""Returns, both ways: the pure planners (no I/O) of the Afosto units an ePages return gives back (of the units a
return cut short by a crash chose before, and of our own return whose link was lost: linked, never sent
twice), and of the ePages return process that returns decided in Afosto become (carried out by the return
pusher)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..clients.afosto_models import AfostoOrder, ReturnedUnit, ReturnOutcome, RmaItemStatus
from ..clients.epages_models import Order, ReturnLine, ReturnLineStatus, ReturnProcess
from ..store.models import Link, LinkStatus
from .afosto_steps import returned_by_us
from .context import contra_id, ids_digest
from .order_view import AfostoOrderView
from .steps import CreateReturn, LinkReturn, ReturnBookedInEpages, ReturnCountedApart, ReturnPushStep


@dataclass(frozen=True)
class ReturnUnits:
    """Return these Afosto units (each with its outcome and the contra id derived from it) for an ePages
    return; ``claim``: the return's pending link is written now ("new"), rewritten with replaced units
    ("update") or kept as it is ("keep"); ``older_claim``: a pending link of an older version, without its
    units (our own returned units no link claims yet count as this return's)."""

    process_id: str
    units: tuple[ReturnedUnit, ...]
    claim: Literal["new", "update", "keep"]
    older_claim: bool = False


@dataclass(frozen=True)
class LinkReturnEcho:
    """Decided Afosto returns matching this ePages return, that no link claims: our own push whose link was
    lost in a crash. Linked, not returned again."""

    process_id: str
    rma_ids: tuple[str, ...]


def units_data(units: Sequence[ReturnedUnit]) -> list[list[str]]:
    """A return's chosen units as its pending link keeps them: [item id, outcome] each."""
    return [[u.item_id, u.outcome.value] for u in units]


def resume_return(stored: list[Any], afosto: AfostoOrder) -> list[ReturnedUnit]:
    """The units a pending return chose before it went to Afosto, to send again with the same contra ids
    (Afosto takes them as the same return): a unit that arrived is not returned twice, and no other return's
    unit is taken for this one's. A chosen unit that can no longer be returned and did not arrive (the
    warehouse took it meanwhile) is replaced by another returnable unit of its line."""
    view = AfostoOrderView(afosto)
    arrived = {c.id for c in afosto.contra_items}
    kept: list[ReturnedUnit] = []
    lost: Counter[tuple[str, str]] = Counter()
    for item_id, outcome in stored:
        unit = ReturnedUnit(item_id=str(item_id), contra_item_id=contra_id("return", str(item_id)),
                            outcome=ReturnOutcome(outcome))
        line = view.line_of_item.get(unit.item_id) or ""
        if unit.contra_item_id in arrived or any(i.id == unit.item_id for i in view.returnable(line)):
            kept.append(unit)
        else:
            lost[(line, unit.outcome.value)] += 1
    for (line, outcome), count in lost.items():
        taken = {u.item_id for u in kept}
        for item in [i for i in view.returnable(line) if i.id not in taken][:count]:
            kept.append(ReturnedUnit(item_id=item.id, contra_item_id=contra_id("return", item.id),
                                     outcome=ReturnOutcome(outcome)))
    return kept


def returned_units(rp: ReturnProcess, afosto: AfostoOrder, *, resumed: bool,
                   linked_rmas: Collection[str]) -> list[ReturnedUnit]:
    """The Afosto units an ePages return gives back: the first returnable ones of each line."""
    view = AfostoOrderView(afosto)
    # A pending link written by an older version, without its units: the return may have reached Afosto
    # before the app stopped, and its units are then no longer returnable; our own returned units that no
    # link claims yet count as this return's.
    done: Counter[str] = Counter()
    if resumed:
        ours_before = returned_by_us(afosto)
        done.update(view.line_of_item.get(r.item_id) or "" for r in afosto.rma_items
                    if r.item_id in ours_before and r.id not in linked_rmas)
    planned: list[ReturnedUnit] = []
    for rl in rp.line_items:
        broken = rl.status == ReturnLineStatus.BROKEN
        outcome = ReturnOutcome.REJECTED if broken else ReturnOutcome.ACCEPTED
        already = min(done[rl.product_line_item_id], rl.quantity)
        done[rl.product_line_item_id] -= already
        # One ePages line may come twice (some units returned, some defect): each unit is given back once.
        taken = {u.item_id for u in planned}
        free = [i for i in view.returnable(rl.product_line_item_id) if i.id not in taken]
        for item in free[: rl.quantity - already]:
            planned.append(ReturnedUnit(item_id=item.id, contra_item_id=contra_id("return", item.id),
                                        outcome=outcome))
    return planned


def unlinked_decided_returns(afosto: AfostoOrder, rp: ReturnProcess, linked_rmas: Collection[str]) -> list[str]:
    """Decided Afosto returns that no link claims and that match this ePages return line by line and
    outcome by outcome: our own push whose link was lost in a crash, not a second return."""
    view = AfostoOrderView(afosto)
    wanted: Counter[tuple[str, str]] = Counter()
    for rl in rp.line_items:
        outcome = "REJECTED" if rl.status == ReturnLineStatus.BROKEN else "AUTHORIZED"
        wanted[(rl.product_line_item_id, outcome)] += rl.quantity
    found: list[str] = []
    ours = returned_by_us(afosto)
    for rma in afosto.rma_items:
        if str(rma.status) not in ("AUTHORIZED", "REJECTED") or rma.id in linked_rmas:
            continue
        if rma.item_id in ours:  # made by this app from an ePages return
            continue
        key = (view.line_of_item.get(rma.item_id) or "", str(rma.status))
        if wanted[key] > 0:
            wanted[key] -= 1
            found.append(rma.id)
    return found if found and sum(wanted.values()) == 0 else []


def plan_epages_return(rp: ReturnProcess, afosto: AfostoOrder, link: Link | None,
                       linked_rmas: Collection[str]) -> list[ReturnUnits | LinkReturnEcho]:
    """What one ePages return needs in Afosto (``link``: its link, if any; ``linked_rmas``: the Afosto return
    items some link claims): nothing (carried over already, or nothing returnable), the units it gives back,
    or our own return found again."""
    if link is not None and link.status == LinkStatus.LINKED:
        return []
    pending = link is not None and link.status == LinkStatus.PENDING
    stored = link.data.get("units") if link is not None else None
    claim: Literal["new", "update", "keep"] = "keep" if link is not None else "new"
    if pending and isinstance(stored, list):
        planned = resume_return(stored, afosto)
        if units_data(planned) != stored:
            claim = "update"
    else:
        planned = returned_units(rp, afosto, resumed=pending, linked_rmas=linked_rmas)
    if link is None:
        echo = unlinked_decided_returns(afosto, rp, linked_rmas)
        if echo:
            return [LinkReturnEcho(rp.id, tuple(echo))]
        if not planned:
            return []
    return [ReturnUnits(rp.id, tuple(planned), claim, older_claim=pending and not isinstance(stored, list))]


# --- Afosto -> ePages: the return pusher ----------------------------------------------------------------------

def missing_return_lines(order: Order, afosto: AfostoOrder) -> list[ReturnLine]:
    """The units Afosto took back that ePages does not count yet, per ePages line: accepted ones as returned,
    rejected ones as defect (every decided return of the order, so what ePages counts already is not sent
    again)."""
    view = AfostoOrderView(afosto)
    accepted: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    for rma in afosto.rma_items:
        line = view.line_of_item.get(rma.item_id)
        if line is None:
            continue
        if rma.status == RmaItemStatus.AUTHORIZED:
            accepted[line] += 1
        elif rma.status == RmaItemStatus.REJECTED:
            rejected[line] += 1
    lines: list[ReturnLine] = []
    for li in order.product_line_items:
        for counter, have, status in (
            (accepted, li.counts.returned, ReturnLineStatus.RETURNED),
            (rejected, li.counts.broken, ReturnLineStatus.BROKEN),
        ):
            missing = counter[li.id] - have
            if missing > 0:
                lines.append(ReturnLine(product_line_item_id=li.id, quantity=missing, status=status))
    return lines


def _booked_return(afosto: AfostoOrder, rma_ids: Collection[str], booked: Sequence[ReturnProcess],
                   linked: Collection[str]) -> str | None:
    """The ePages return nobody linked that holds exactly the push's units, line by line, returned or
    defect: the same return booked in ePages at the same moment."""
    view = AfostoOrderView(afosto)
    wanted: Counter[tuple[str, str]] = Counter()
    for rma in afosto.rma_items:
        if rma.id in rma_ids:
            status = ReturnLineStatus.BROKEN if rma.status == RmaItemStatus.REJECTED else ReturnLineStatus.RETURNED
            wanted[(view.line_of_item.get(rma.item_id) or "", str(status))] += 1
    for rp in booked:
        if rp.id in linked:
            continue
        have: Counter[tuple[str, str]] = Counter()
        for rl in rp.line_items:
            have[(rl.product_line_item_id, str(rl.status))] += rl.quantity
        if have == wanted:
            return rp.id
    return None


def plan_afosto_return(order: Order, afosto: AfostoOrder, rma_ids: Sequence[str], *,
                       booked: Sequence[ReturnProcess], linked: Mapping[str, Collection[str]],
                       linked_rmas: Collection[str]) -> list[ReturnPushStep]:
    """The ePages side of returns decided in Afosto (``rma_ids``: the push's return items): a return process
    of the units ePages does not count yet (see ``missing_return_lines``); when it counts them all already, the
    return an earlier try of this push linked (the app stopped before the push was done), the return a person
    booked in ePages at the same moment (linked, nothing sent), or, without one holding the same units, a
    conflict for a person. Then the links, so neither side brings the return back.
    ``booked``: the order's ePages return processes, read only when ePages counts every unit already (see
    ``missing_return_lines``); ``linked``: the order's return links, as the ePages key of each and the
    Afosto return items it claims; ``linked_rmas``: the push's return items a link claims."""
    rma_ids = tuple(rma_ids)
    new_rmas = tuple(r for r in rma_ids if r not in linked_rmas)
    lines = missing_return_lines(order, afosto)
    if lines:
        return [CreateReturn(tuple(lines)), LinkReturn(None, rma_ids, new_rmas)]
    earlier = next((key for key, claimed in linked.items() if rma_ids and set(claimed) == set(rma_ids)), None)
    if earlier is not None:
        return [LinkReturn(earlier, rma_ids, new_rmas)]
    found = _booked_return(afosto, rma_ids, booked, linked)
    if found is not None:
        return [ReturnBookedInEpages(found), LinkReturn(found, rma_ids, new_rmas)]
    return [ReturnCountedApart(tuple(sorted(rma_ids))), LinkReturn(counted_apart_key(rma_ids), rma_ids, new_rmas)]


def counted_apart_key(rma_ids: Collection[str]) -> str:
    """The ePages side of the link of Afosto returns that ePages counts without a return process holding
    them (a conflict for a person): no process stands for them there."""
    return f"applied:{ids_digest(rma_ids)}"
