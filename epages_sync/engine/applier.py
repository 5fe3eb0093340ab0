"""Carries out the import steps of a page of orders, kind by kind, with as few requests and commits as the
crash safety allows; and the parcels of the orders that were shipped or picked up in ePages before their import.

For the whole page: the parked orders and the claims (pending links) of the orders about to be created are
written in one transaction; then one batched ``createOrder`` request (aliases, see the Afosto client) and one
batched ``addItemsToOrder`` request go out; then the links are completed, refused orders parked and the log
rows written, in one block that commits with the next page's claims (``Store.lingering``): one commit a page.
A crash anywhere in between leaves pending links, which the next poll resolves against Afosto's orders
(``meta_data.epages_order_id``): no order is created twice, none is lost.

Orders shipped or picked up in ePages before their import get their parcels in the same two transactions: the
processes are claimed (pending links) with the orders, one batched ``addTrackTraceToItems`` and one batched
``setParcelStatus`` request follow the lines, and the parcels are linked with the orders. A parcel left
pending by a crash is found by its units and tracking code before anything is packed again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..clients.afosto import (
    add_items_variables,
    create_order_variables,
    parcel_status_variables,
    track_trace_variables,
)
from ..clients.afosto_models import AfostoOrder, Parcel, datetime_to_ms
from ..clients.epages_models import Order, OrderProcesses
from ..config import Flow
from ..errors import DomainRejected, NotFound, SyncError, ValidationFailed
from ..store.models import LinkKind, LinkStatus, Origin, Outcome
from ..texts import Text
from .context import AFOSTO_MARK, SyncContext
from .order_import import order_stamp
from .parcels import FLOW_OF_KIND, parcel_processes, plan_new_parcels
from .steps import AddItems, CreateOrder, FollowChanges, ImportStep, PackParcel, Park

# Afosto errors that will not go away by trying again: the order is parked for a person.
PERMANENT = (ValidationFailed, NotFound, DomainRejected)
PARK_ORDER = "order"
# Orders whose closing writes are done between two turns of the loop.
CLOSING_SLICE = 10


@dataclass
class ImportReport:
    """What the import steps of a page came to."""

    imported: list[str] = field(default_factory=list)  # ePages order ids imported now
    parked: list[str] = field(default_factory=list)  # ePages order ids parked now
    # The Afosto order each import ended with (Afosto's answer to adding the lines): who carries the
    # order's changes over next need not read it again.
    afosto: dict[str, AfostoOrder] = field(default_factory=dict)
    # ePages order ids whose shipments and pickups were carried over with the import (nothing left to follow).
    carried: list[str] = field(default_factory=list)


# Called at the moments a crash would hurt most (tests stop the applier there); no-op otherwise.
Hook = Callable[[str], None]


def _no_hook(_moment: str) -> None:
    return None


def record_exchange(ctx: SyncContext, exchanges: dict[str, list[dict[str, Any]]], epages_order_id: str,
                    operation: str, variables: dict[str, Any], result: object,
                    answer: dict[str, Any] | None) -> None:
    """An order's part of a batched request and of its answer: the detail of the order's log row."""
    exchanges.setdefault(epages_order_id, []).append({
        "method": "POST", "url": ctx.afosto.graphql_url, "status": 200,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "request": {"operationName": f"{operation}Batch", "variables": variables},
        "response": {"error": str(result)} if isinstance(result, SyncError) else answer})


class ImportApplier:
    """Runs ``CreateOrder``, ``AddItems`` and ``Park`` steps; other steps are not its business."""

    def __init__(self, ctx: SyncContext, *, hook: Hook = _no_hook) -> None:
        self.ctx = ctx
        self.hook = hook
        # Per order, its part of the batched requests and of their answers: the detail of its log row.
        self._exchanges: dict[str, list[dict[str, Any]]] = {}

    def _record(self, epages_order_id: str, operation: str, variables: dict[str, Any],
                result: AfostoOrder | SyncError) -> None:
        answer: dict[str, Any] | None = None
        if isinstance(result, AfostoOrder):
            answer = {"order": {"id": result.id, "number": result.number, "units": len(result.units)}}
        record_exchange(self.ctx, self._exchanges, epages_order_id, operation, variables, result, answer)

    def _detail(self, epages_order_id: str) -> dict[str, Any] | None:
        exchanges = self._exchanges.get(epages_order_id)
        return {"exchanges": exchanges} if exchanges else None

    async def apply(self, steps: Sequence[ImportStep], carry: ParcelBatch | None = None) -> ImportReport:
        """Apply a page's import steps; ``carry``: the parcels of orders shipped or picked up in ePages before
        their import, carried over in the same requests' wake and the same transactions."""
        ctx = self.ctx
        store = ctx.store
        report = ImportReport()
        parks = [s for s in steps if isinstance(s, Park)]
        creates = [s for s in steps if isinstance(s, CreateOrder)]
        resumed = [s for s in steps if isinstance(s, AddItems)]
        if not (parks or creates or resumed):
            return report
        ids = [c.epages_order_id for c in creates] + [a.epages_order_id for a in resumed]
        self.hook("planned")  # the page before's closing writes are not on disk yet (see Store.lingering)
        async with ctx.order_locks(ids):
            with store.transaction():
                for park in parks:
                    self._park(park, report)
                # Claimed before Afosto is asked: only an order claimed here may be created.
                claimed = [c for c in creates
                           if store.add_pending_link(LinkKind.ORDER, c.epages_order_id, data={"number": c.number})]
                if carry is not None:
                    carry.claim([c.epages_order_id for c in claimed])
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
            if carry is not None:
                fresh = {c.epages_order_id for c in claimed}
                await carry.run({i: order for i, order in lines_of.items()
                                 if i in fresh and isinstance(order, AfostoOrder)}, self.hook)
            for afosto_id, filling, result in zip(afosto_ids, to_fill, filled, strict=True):
                self._record(filling.epages_order_id, "AddItemsToOrder",
                             add_items_variables(afosto_id, filling.lines), result)
            # What happened goes to disk with the next page's claims (or the poll's end): one commit a page.
            # Lost in a crash, the claims above are resolved against Afosto's orders and parcels.
            # Written a few orders at a time, the loop taking its turn in between (the answers of the reads
            # under way, the window): each slice joins the same waiting transaction.
            for index, (step, result) in enumerate(zip(claimed, created, strict=True)):
                if index and index % CLOSING_SLICE == 0:
                    await asyncio.sleep(0)
                with store.lingering():
                    self._created(step, result, lines_of.get(step.epages_order_id), report)
            with store.lingering():
                for add in resumed:
                    if add.epages_order_id in have_units:
                        self._filled(add, have_units[add.epages_order_id], report, fresh=False)
                    elif add.epages_order_id in lines_of:
                        self._filled(add, lines_of[add.epages_order_id], report, fresh=False)
                if carry is not None:
                    carry.complete(report)
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


class ParcelBatch:
    """The shipments and pickups of a page's new orders that ePages had before their import, carried over
    together (see the module's description): planned by ``plan_new_parcels`` once Afosto answered with each
    order's units, packed in one batched request, moved on in another. An order whose case is not plain, or
    one of whose parcels Afosto refused, is left to the order-by-order way (``needs_follow``), which finds
    what this batch did and does the rest."""

    def __init__(self, ctx: SyncContext, orders: dict[str, Order], processes: dict[str, OrderProcesses]) -> None:
        self.ctx = ctx
        self.orders = orders
        self.processes = processes  # read in ePages for the orders this batch may carry over
        self.claimed: dict[str, list[tuple[LinkKind, str]]] = {}  # order id -> (kind, process id) claimed
        self.steps: list[PackParcel] = []
        self.parcels: dict[tuple[LinkKind, str], Parcel] = {}  # packed, by (kind, process id)
        self.reached: dict[tuple[LinkKind, str], list[str]] = {}  # statuses each parcel reached
        self.unsure: set[tuple[LinkKind, str]] = set()  # packing may or may not have happened
        self.planned: set[str] = set()  # orders planned here (the rest of the claimed ones go order by order)
        self.failed: set[str] = set()  # orders with a step Afosto did not carry out
        self.needs_follow: set[str] = set()
        self._exchanges: dict[str, list[dict[str, Any]]] = {}

    def claim(self, order_ids: Sequence[str]) -> None:
        """Inside the page's first transaction: the processes to pack, claimed with their orders."""
        store = self.ctx.store
        for order_id in order_ids:
            processes = self.processes.get(order_id)
            if processes is None:
                continue
            claims: list[tuple[LinkKind, str]] = []
            for process in parcel_processes(processes):
                if store.add_pending_link(process.how.kind, process.process_id, parent=order_id,
                                          origin=Origin.EPAGES):
                    claims.append((process.how.kind, process.process_id))
            self.claimed[order_id] = claims

    async def run(self, imported: dict[str, AfostoOrder], hook: Hook = _no_hook) -> None:
        """Plan the parcels of the orders just imported (``imported``: each one's Afosto order with its units)
        and carry them out: one batched request to pack, one to move the parcels on."""
        ctx = self.ctx
        for order_id, claims in self.claimed.items():
            afosto = imported.get(order_id)
            if afosto is None:
                continue
            steps = plan_new_parcels(self.orders[order_id], self.processes[order_id], afosto,
                                     linked_processes=set(), flows=ctx.flows)
            if any(isinstance(s, FollowChanges) for s in steps):
                self.needs_follow.add(order_id)
                continue
            packs = [s for s in steps if isinstance(s, PackParcel)]
            if any((s.kind, s.process_id) not in claims for s in packs):
                self.needs_follow.add(order_id)  # claimed by someone else meanwhile: looked at order by order
                continue
            self.planned.add(order_id)
            self.steps.extend(packs)
        if not self.steps:
            return
        requests = [(s.items, s.tracking_code, s.tracking_url) for s in self.steps]
        try:
            packed = await ctx.afosto.add_track_trace_to_items_batch(requests)
        except SyncError:
            # Not known which parcels Afosto made: the claims stay, and the order-by-order way finds them.
            for s in self.steps:
                self.unsure.add((s.kind, s.process_id))
                self.failed.add(s.epages_order_id)
            return
        hook("packed")
        moves: list[tuple[PackParcel, str, str]] = []
        for step, result in zip(self.steps, packed, strict=True):
            self._record(step.epages_order_id, "AddTrackTraceToItems",
                         track_trace_variables(step.items, step.tracking_code, step.tracking_url), result)
            if isinstance(result, SyncError):
                if not isinstance(result, PERMANENT):
                    self.unsure.add((step.kind, step.process_id))
                self.failed.add(step.epages_order_id)
                continue
            parcel = result
            self.parcels[(step.kind, step.process_id)] = parcel
            moves.extend((step, parcel.id, str(status)) for status in step.moves)
        if not moves:
            return
        try:
            moved = await ctx.afosto.set_parcel_statuses([(parcel_id, status) for _, parcel_id, status in moves])
        except SyncError:
            self.failed.update(step.epages_order_id for step, _, _ in moves)
            return
        hook("moved")
        for (step, parcel_id, status), result in zip(moves, moved, strict=True):
            self._record(step.epages_order_id, "SetParcelStatus", parcel_status_variables(parcel_id, status),
                         result)
            if isinstance(result, SyncError):
                self.failed.add(step.epages_order_id)
            else:
                self.reached.setdefault((step.kind, step.process_id), []).append(status)

    def _record(self, epages_order_id: str, operation: str, variables: dict[str, Any], result: object) -> None:
        answer = None
        if isinstance(result, Parcel):
            parcel = result
            answer = {"parcel": {"id": parcel.id, "status": str(parcel.status)}}
        record_exchange(self.ctx, self._exchanges, epages_order_id, operation, variables, result, answer)

    def complete(self, report: ImportReport) -> None:
        """Inside the page's last transaction: the parcels linked, their log rows, the orders in sync."""
        ctx = self.ctx
        store = ctx.store
        for order_id, claims in self.claimed.items():
            for kind, process_id in claims:
                parcel = self.parcels.get((kind, process_id))
                if parcel is not None:
                    store.complete_link(kind, process_id, parcel.id)
                elif (kind, process_id) not in self.unsure:
                    store.delete_link(kind, process_id)  # nothing was packed for it
            if order_id not in report.afosto:
                continue  # not imported (refused, or its outcome unknown): nothing more to do now
            if order_id not in self.planned or order_id in self.failed:
                self.needs_follow.add(order_id)
        for step in self.steps:
            parcel = self.parcels.get((step.kind, step.process_id))
            reached = self.reached.get((step.kind, step.process_id), [])
            if parcel is None or not reached:
                continue
            how = FLOW_OF_KIND[step.kind]
            detail = self._exchanges.get(step.epages_order_id)
            rows = [Text(how.recorded, number=step.number, code=step.tracking_code or "-")]
            if str(how.final) in reached:
                rows.append(Text(how.finished, number=step.number))
            for row in rows:
                ctx.journal.to_afosto(Outcome.OK, row, flow=Flow.SHIPMENTS, epages_ref=step.number,
                                      afosto_ref=report.afosto[step.epages_order_id].number,
                                      detail={"exchanges": detail} if detail else None)
        for order_id in sorted(self.planned - self.failed):
            if order_id not in report.afosto:
                continue
            order = self.orders[order_id]
            link = store.link_by_epages(LinkKind.ORDER, order_id)
            if link is None or link.status != LinkStatus.LINKED:
                continue
            store.update_link_data(LinkKind.ORDER, order_id, {"seen": order_stamp(order)})
            report.carried.append(order_id)
