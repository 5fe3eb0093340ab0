"""Carries out the import steps of a page of orders, kind by kind, with as few requests and commits as the
crash safety allows.

For the whole page: the parked orders and the claims (pending links) of the orders about to be created are
written in one transaction; then one batched ``createOrder`` request (aliases, see the Afosto client) and one
batched ``addItemsToOrder`` request go out; then the links are completed, refused orders parked and the log
rows written, again in one transaction. A crash anywhere in between leaves pending links, which the next poll
resolves against Afosto's orders (``meta_data.epages_order_id``): no order is created twice, none is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..clients.afosto import add_items_variables, create_order_variables
from ..clients.afosto_models import AfostoOrder, datetime_to_ms
from ..config import Flow
from ..errors import DomainRejected, NotFound, SyncError, ValidationFailed
from ..store.models import LinkKind, Outcome
from ..texts import Text
from .context import AFOSTO_MARK, SyncContext
from .steps import AddItems, CreateOrder, ImportStep, Park

# Afosto errors that will not go away by trying again: the order is parked for a person.
PERMANENT = (ValidationFailed, NotFound, DomainRejected)
PARK_ORDER = "order"


@dataclass
class ImportReport:
    """What the import steps of a page came to."""

    imported: list[str] = field(default_factory=list)  # ePages order ids imported now
    parked: list[str] = field(default_factory=list)  # ePages order ids parked now
    # The Afosto order each import ended with (Afosto's answer to adding the lines): who carries the
    # order's changes over next need not read it again.
    afosto: dict[str, AfostoOrder] = field(default_factory=dict)


# Called at the moments a crash would hurt most (tests stop the applier there); no-op otherwise.
Hook = Callable[[str], None]


def _no_hook(_moment: str) -> None:
    return None


class ImportApplier:
    """Runs ``CreateOrder``, ``AddItems`` and ``Park`` steps; other steps are not its business."""

    def __init__(self, ctx: SyncContext, *, hook: Hook = _no_hook) -> None:
        self.ctx = ctx
        self.hook = hook
        # Per order, its part of the batched requests and of their answers: the detail of its log row.
        self._exchanges: dict[str, list[dict[str, Any]]] = {}

    def _record(self, epages_order_id: str, operation: str, variables: dict[str, Any],
                result: AfostoOrder | SyncError) -> None:
        answer: dict[str, Any]
        if isinstance(result, SyncError):
            answer = {"error": str(result)}
        else:
            answer = {"order": {"id": result.id, "number": result.number, "units": len(result.units)}}
        self._exchanges.setdefault(epages_order_id, []).append({
            "method": "POST", "url": self.ctx.afosto.graphql_url, "status": 200,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "request": {"operationName": f"{operation}Batch", "variables": variables}, "response": answer})

    def _detail(self, epages_order_id: str) -> dict[str, Any] | None:
        exchanges = self._exchanges.get(epages_order_id)
        return {"exchanges": exchanges} if exchanges else None

    async def apply(self, steps: Sequence[ImportStep]) -> ImportReport:
        ctx = self.ctx
        store = ctx.store
        report = ImportReport()
        parks = [s for s in steps if isinstance(s, Park)]
        creates = [s for s in steps if isinstance(s, CreateOrder)]
        resumed = [s for s in steps if isinstance(s, AddItems)]
        if not (parks or creates or resumed):
            return report
        ids = [c.epages_order_id for c in creates] + [a.epages_order_id for a in resumed]
        async with ctx.order_locks(ids):
            with store.transaction():
                for park in parks:
                    self._park(park, report)
                # Claimed before Afosto is asked: only an order claimed here may be created.
                claimed = [c for c in creates
                           if store.add_pending_link(LinkKind.ORDER, c.epages_order_id, data={"number": c.number})]
            self.hook("claimed")
            created: list[AfostoOrder | SyncError] = []
            if claimed:
                created = await ctx.afosto.create_orders([c.order for c in claimed])
                for step, result in zip(claimed, created, strict=True):
                    self._record(step.epages_order_id, "CreateOrder", create_order_variables(step.order), result)
            self.hook("created")
            have_units = await self._with_units(resumed)
            to_fill: list[CreateOrder | AddItems] = []
            afosto_ids: list[str] = []
            for step, result in zip(claimed, created, strict=True):
                if isinstance(result, AfostoOrder):
                    to_fill.append(step)
                    afosto_ids.append(result.id)
            for add in resumed:
                if add.epages_order_id not in have_units:
                    to_fill.append(add)
                    afosto_ids.append(add.afosto_id)
            filled: list[AfostoOrder | SyncError] = []
            failure: SyncError | None = None
            if to_fill:
                try:
                    filled = await ctx.afosto.add_items_to_orders(
                        [(afosto_id, step.lines) for afosto_id, step in zip(afosto_ids, to_fill, strict=True)])
                except SyncError as exc:
                    # The orders were created: say so now, and let the next poll add their lines (it reads
                    # each order first, so lines are never added twice).
                    failure = exc
                    filled = [exc] * len(to_fill)
            self.hook("filled")
            lines_of = {step.epages_order_id: result for step, result in zip(to_fill, filled, strict=True)}
            for afosto_id, filling, result in zip(afosto_ids, to_fill, filled, strict=True):
                self._record(filling.epages_order_id, "AddItemsToOrder",
                             add_items_variables(afosto_id, filling.lines), result)
            with store.transaction():
                for step, result in zip(claimed, created, strict=True):
                    self._created(step, result, lines_of.get(step.epages_order_id), report)
                for add in resumed:
                    if add.epages_order_id in have_units:
                        self._filled(add, have_units[add.epages_order_id], report, fresh=False)
                    elif add.epages_order_id in lines_of:
                        self._filled(add, lines_of[add.epages_order_id], report, fresh=False)
                self._show_to_watcher(list(report.afosto.values()))
        if failure is not None:
            raise failure
        return report

    def _show_to_watcher(self, orders: list[AfostoOrder]) -> None:
        """The watcher passes over Afosto orders whose import is not complete. Should it have looked past one
        of these (a change the warehouse made while the import was cut short by a crash, or under way), it
        looks again from there: nothing made in Afosto meanwhile is missed, and what it saw already it
        recognises (``afosto_seen``)."""
        stamps = [datetime_to_ms(o.updated_at) for o in orders if o.updated_at is not None]
        mark = self.ctx.store.get_state(AFOSTO_MARK)
        if stamps and mark and int(mark) >= min(stamps):
            self.ctx.store.set_state(AFOSTO_MARK, str(min(stamps) - 1))

    async def _with_units(self, resumed: Sequence[AddItems]) -> dict[str, AfostoOrder]:
        """The Afosto orders of imports cut short that have their units already (read in one go)."""
        if not resumed:
            return {}
        by_afosto = {s.afosto_id: s.epages_order_id for s in resumed}
        found: dict[str, AfostoOrder] = {}
        async for page in self.ctx.afosto.iter_orders(ids=list(by_afosto), page_size=100):
            for order in page:
                if order.id in by_afosto and order.units:
                    found[by_afosto[order.id]] = order
        return found

    # --- writing what happened (inside the page's transaction) ------------------------------------------

    def _created(self, step: CreateOrder, created: AfostoOrder | SyncError,
                 filled: AfostoOrder | SyncError | None, report: ImportReport) -> None:
        store = self.ctx.store
        if isinstance(created, PERMANENT):
            store.delete_link(LinkKind.ORDER, step.epages_order_id)
            self._refused(step, Text("Afosto refused order {number}: {problem}", number=step.number,
                                     problem=created.with_action()), created, report)
            return
        if isinstance(created, SyncError):
            # Not known whether Afosto made it: the claim stays, and the next poll looks for the order.
            self.ctx.journal.to_afosto(
                Outcome.RETRYING, Text("Order {number}: {problem}", number=step.number,
                                       problem=created.with_action()),
                flow=Flow.ORDERS, epages_ref=step.number, detail=self._detail(step.epages_order_id))
            return
        store.complete_link(LinkKind.ORDER, step.epages_order_id, created.id,
                            data={"stage": "created", "afosto_number": created.number})
        if filled is not None:
            self._filled(step, filled, report, fresh=True)

    def _filled(self, step: CreateOrder | AddItems, filled: AfostoOrder | SyncError, report: ImportReport, *,
                fresh: bool) -> None:
        ctx = self.ctx
        if isinstance(filled, PERMANENT):
            self._refused(step, Text("Afosto refused the lines of order {number}: {problem}",
                                     number=step.number, problem=filled.with_action()), filled, report)
            return
        if isinstance(filled, SyncError):
            return  # the order stays at its first stage; the next poll reads it and adds what is missing
        data: dict[str, Any] = {"stage": "items"}
        if step.settled:
            data["seen"] = step.stamp  # nothing else happened to it in ePages: it is in sync now
        ctx.store.update_link_data(LinkKind.ORDER, step.epages_order_id, data)
        report.afosto[step.epages_order_id] = filled
        if fresh:
            report.imported.append(step.epages_order_id)
            ctx.journal.to_afosto(
                Outcome.OK,
                Text("Order {number} imported into Afosto as {afosto_number} ({lines} lines, {units} units).",
                     number=step.number, afosto_number=filled.number, lines=len(step.lines), units=step.units),
                flow=Flow.ORDERS, epages_ref=step.number, afosto_ref=filled.number,
                detail=self._detail(step.epages_order_id))
            ctx.store.resolve_parked(PARK_ORDER, step.number)

    def _refused(self, step: CreateOrder | AddItems, reason: Text, error: SyncError, report: ImportReport) -> None:
        self._park(Park(step.epages_order_id, step.number, reason, step.stamp, step.held), report, error=error)

    def _park(self, park: Park, report: ImportReport, *, error: SyncError | None = None) -> None:
        """Put an order that cannot be imported aside for a person, with its log row."""
        ctx = self.ctx
        parked_id = ctx.store.park(
            PARK_ORDER, park.number, park.reason,
            data={"epages_order_id": park.epages_order_id, "order_number": park.number,
                  "lines": dict(park.lines), "stamp": park.stamp},
            response=None if error is None else {"error": str(error)})
        ctx.journal.to_afosto(Outcome.PARKED, park.reason, flow=Flow.ORDERS, epages_ref=park.number,
                              parked_id=parked_id, detail=self._detail(park.epages_order_id))
        report.parked.append(park.epages_order_id)
