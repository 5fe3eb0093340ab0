"""ePages -> Afosto: new orders become Afosto orders; cancellations, shipments and returns made in ePages
follow them into Afosto.

The watermark advances page by page, only after every order of the page is handled (imported, updated,
or parked for a person). Re-reading an order is harmless: links say what is synced already.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections import Counter
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..clients.afosto_models import AfostoOrder, Parcel, ReturnOutcome
from ..clients.epages_models import (
    Order,
    OrderProcesses,
    Page,
    Unreadable,
)
from ..config import Flow
from ..errors import Conflict, DomainRejected, SyncError, ValidationFailed
from ..store.models import Link, LinkKind, LinkStatus, Origin, Outcome, ParkedStatus
from ..texts import PRESS_RETRY, Text
from .afosto_steps import cancel_units, return_units, returned_by_us
from .applier import PARK_ORDER, PERMANENT, ImportApplier, ParcelBatch
from .cancellations import plan_cancellations
from .conflicts import (
    CONFLICT_CANCELLATION,
    CONFLICT_SHIPMENT,
    park_conflict,
    settle_conflict,
    tracking_conflict,
    worth_telling,
)
from .context import SyncContext, recording_exchanges
from .order_import import ImportFacts, order_stamp, plan_order_import
from .order_window import OrderWindow
from .parcels import (
    EpagesParcel,
    ParcelLinks,
    changes_afosto,
    epages_changes,
    parcel_processes,
    plan_epages_parcel,
)
from .returns import LinkReturnEcho, plan_epages_return, units_data
from .steps import (
    CompleteClaim,
    CreateOrder,
    DropClaim,
    FollowChanges,
    ImportStep,
    LinkParcel,
    MoveParcel,
    PackParcel,
    ParcelStep,
    Park,
    RefuseShipment,
    SameUnitsNote,
    ShippedButCancelled,
    TrackingAgreed,
    TrackingConflict,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

WATERMARK = "poll.watermark"
LAST_GOOD_POLL = "poll.last_good"
# Link kinds by their short names here; the vocabulary itself is the store's (LinkKind).
ORDER = LinkKind.ORDER
SHIPPING = LinkKind.SHIPPING
PICKUP = LinkKind.PICKUP
RETURN = LinkKind.RETURN
RMA = LinkKind.RMA
CANCEL_ITEM = LinkKind.CANCEL_ITEM
PARK_ORDER_UPDATE = "order_update"
# How long a page's closing writes may wait for the next page's claims before they are committed anyway.
LINGER_LIMIT_S = 2.0
LINGER_CHECK_S = 0.5


def _same_units(how: str, number: str) -> Text:
    """The log row of units shipped in both systems at once (see ``SameUnitsNote``)."""
    if how == "twin":
        return Text("Order {number} was shipped in ePages and in Afosto at the same moment; the units count once.",
                    number=number)
    if how == "covering":
        return Text("Order {number}: units shipped in ePages were packed by the warehouse at the same time; they "
                    "are counted once.", number=number)
    return Text("Order {number}: some units shipped in ePages were shipped by the warehouse at the same time; "
                "they are counted once, and the rest is recorded in Afosto.", number=number)


@dataclass
class PollSummary:
    orders_seen: int = 0
    imported: int = 0
    updated: int = 0
    parked: int = 0
    pages: int = 0
    skus_seen: Counter[str] = field(default_factory=Counter)


_stamp = order_stamp


class OrderPoller:
    def __init__(self, ctx: SyncContext, *, page_size: int = 100, parallel: int = 4) -> None:
        self.ctx = ctx
        self.page_size = page_size
        self.parallel = parallel
        # The flow a change from ePages belongs to while it is carried over (for the log row if it fails).
        self._step: Flow = Flow.ORDERS
        # Looks in Afosto (adoption) before a page with an order without a link is imported.
        self.before_import: Callable[[], Awaitable[None]] | None = None

    # --- the poll ----------------------------------------------------------------------------------------

    def watermark(self) -> dt.datetime | None:
        text = self.ctx.store.get_state(WATERMARK)
        return dt.datetime.fromisoformat(text) if text else None

    async def poll_once(self) -> PollSummary:
        """Read every order changed since the watermark (minus the overlap) and handle it.

        The watermark moves (to the newest change read) only once the whole window was read (see
        ``OrderWindow``), so no order is skipped whatever order ePages lists them in. A window cut short is
        read again from its start by the next poll; orders already synced cost one look at their links.
        """
        watch = asyncio.ensure_future(self._settle_slow_waits())
        try:
            return await self._poll()
        finally:
            watch.cancel()
            self.ctx.store.settle()  # a page's closing writes wait for the next page's claims; there is none

    async def _settle_slow_waits(self) -> None:
        """A page's closing writes wait for the next page's claims, but not for long: when the next page is
        slow to come (answers retried, a slow service), they are committed after a few seconds anyway, so
        another program writing to the database (a command line run beside the app) never waits long."""
        while True:
            await asyncio.sleep(LINGER_CHECK_S)
            self.ctx.store.settle(older_than=LINGER_LIMIT_S)

    async def _poll(self) -> PollSummary:
        ctx = self.ctx
        summary = PollSummary()
        ctx.absent_skus.clear()  # asked again once per poll: a person may have created the product meanwhile
        await self.resolve_pending_orders()
        mark = self.watermark()
        window = OrderWindow(
            ctx.epages, created_after=ctx.settings.start_date,
            after=(mark - dt.timedelta(seconds=ctx.settings.overlap_seconds)) if mark else None,
            page_size=self.page_size)
        handled: set[tuple[str, str]] = set()
        while not window.complete and not window.exhausted:
            async with aclosing(self._read_ahead(window.pages())) as pages:
                async for page, ahead in pages:
                    summary.pages += 1
                    fresh = [o for o in page.items if (o.id, _stamp(o)) not in handled]
                    await self._handle_page(fresh, summary, ahead=ahead)
                    ctx.page_read(page, since=window.after)
                    handled.update((o.id, _stamp(o)) for o in fresh)
                    for unreadable in page.unreadable:
                        summary.parked += int(self._park_unreadable(unreadable))
        if not window.complete:
            ctx.journal.to_afosto(
                Outcome.RETRYING,
                Text("Orders kept changing in ePages while they were read ({passes} times); the next order "
                     "check reads them again.", passes=window.passes), flow=Flow.ORDERS)
            return summary
        with ctx.store.transaction():
            if window.newest is not None and (mark is None or window.newest > mark):
                ctx.store.set_state(WATERMARK, window.newest.isoformat())
            ctx.store.set_state(LAST_GOOD_POLL, ctx.now().isoformat())
        return summary

    async def _read_ahead(self, source: AsyncIterator[Page[Order]]
                          ) -> AsyncGenerator[tuple[Page[Order], dict[str, asyncio.Task[OrderProcesses]]], None]:
        """The window's pages, each with the processes of its new orders shipped in the shop before their
        import (see ``_parcel_batch``) being read. Up to two pages ahead are listed and their processes read
        while a page is handled (reads only: a page is still handled whole before the next), so the reads,
        which a first import is mostly made of, never wait for the page's writes to Afosto. Reads not used
        are cancelled."""
        gate = asyncio.Semaphore(self.parallel)

        async def read(order_id: str) -> OrderProcesses:
            async with gate:
                return await self.ctx.epages.get_processes(order_id)

        def start(page: Page[Order]) -> dict[str, asyncio.Task[OrderProcesses]]:
            return {o.id: asyncio.ensure_future(read(o.id)) for o in page.items if self._batches_parcels(o)
                    and self.ctx.store.link_by_epages(ORDER, o.id) is None}

        def retire(reads: dict[str, asyncio.Task[OrderProcesses]]) -> None:
            for task in reads.values():
                if not task.done():
                    task.cancel()
                elif not task.cancelled():
                    task.exception()  # a failure of a read never used is not the poll's failure

        # One page waits here while the next is listed (its reads under way): two ahead of the one handled.
        ready: asyncio.Queue[tuple[Page[Order], dict[str, asyncio.Task[OrderProcesses]]] | Exception | None] = (
            asyncio.Queue(maxsize=1))
        unhandled: list[dict[str, asyncio.Task[OrderProcesses]]] = []

        async def produce() -> None:
            try:
                async for page in source:
                    unhandled.append(start(page))
                    await ready.put((page, unhandled[-1]))
                await ready.put(None)
            except Exception as exc:  # noqa: BLE001  (handed over: raised where the pages are taken)
                await ready.put(exc)

        producer = asyncio.ensure_future(produce())
        try:
            while True:
                item = await ready.get()
                if item is None:
                    return
                if isinstance(item, Exception):
                    raise item
                yield item
                unhandled.remove(item[1])
                retire(item[1])
        finally:
            producer.cancel()
            with contextlib.suppress(BaseException):
                await producer  # the listing under way ends before the source is closed
            closing = getattr(source, "aclose", None)
            if closing is not None:
                await closing()
            for reads in unhandled:
                retire(reads)

    def _batches_parcels(self, order: Order) -> bool:
        """An order shipped or picked up in the shop, nothing else done to it there: when new, its parcels are
        carried over with its import, for the whole page at once."""
        changes = epages_changes(order, self.ctx.flows)
        return changes.processes and not (changes.cancellations or changes.returns)

    def _park_unreadable(self, order: Unreadable) -> bool:
        """An order ePages sent that this version cannot read waits for a person (or for a change in
        ePages); its units still count against the shop's stock. True when it was parked just now."""
        ctx = self.ctx
        reference = order.number or order.id or "?"
        parked = ctx.store.open_parked_for(PARK_ORDER, reference)
        if parked is not None and parked.data.get("stamp") == (order.updated_at or ""):
            return False
        message = Text("Order {number} could not be read: {problem}. Nothing of it was imported; the other "
                       "orders go on. Check the order in the ePages cockpit, then {retry}.",
                       number=reference, problem=order.problem, retry=PRESS_RETRY)
        parked_id = ctx.store.park(PARK_ORDER, reference, message, data={
            "epages_order_id": order.id, "order_number": reference, "lines": dict(order.units),
            "stamp": order.updated_at or ""})
        ctx.journal.to_afosto(Outcome.PARKED, message, flow=Flow.ORDERS, epages_ref=reference,
                              parked_id=parked_id)
        return True

    async def _handle_page(self, orders: list[Order], summary: PollSummary,
                           afosto: dict[str, AfostoOrder] | None = None, *,
                           ahead: dict[str, asyncio.Task[OrderProcesses]] | None = None) -> None:
        """Handle the orders of one page: plan their imports, apply the plan for the page as a whole, then
        carry the changes of linked orders over, side by side (as many as the APIs take at once). The page
        counts as done only when every order of it is."""
        ctx = self.ctx
        summary.orders_seen += len(orders)
        await self._resolve_claims([o.id for o in orders])
        if self.before_import is not None and any(ctx.store.link_by_epages(ORDER, o.id) is None for o in orders):
            await self.before_import()  # what Afosto has already is adopted (linked), never created twice
        steps = await self.plan_page(orders)
        by_id = {o.id: o for o in orders}
        for step in steps:
            if isinstance(step, CreateOrder | Park):
                for li in by_id[step.epages_order_id].product_line_items:
                    if li.sku:
                        summary.skus_seen[li.sku] += li.ordered_quantity
                        ctx.dirty_skus.add(li.sku)
        carry = await self._parcel_batch(steps, by_id, ahead or {})
        report = await ImportApplier(ctx).apply(steps, carry)
        summary.imported += len(report.imported)
        summary.parked += len(report.parked)
        summary.updated += len(report.carried)
        # The imports' answers are brief (their units, not the whole order): a new order with more to carry
        # over is read again, whole.
        known = dict(afosto or {})
        read: dict[str, OrderProcesses] = {}
        if carry is not None:
            read = carry.processes
            for order_id in carry.planned:
                known.pop(order_id, None)  # parcels were (or may have been) packed since: read the order again
        gate = asyncio.Semaphore(self.parallel)

        async def one(order: Order) -> None:
            async with gate:
                await ctx.checkpoint()
                with recording_exchanges():
                    await self._follow(order, summary, known.get(order.id), read.get(order.id))

        follow = [by_id[s.epages_order_id] for s in steps if isinstance(s, FollowChanges)]
        results = await asyncio.gather(*(one(o) for o in follow), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def _parcel_batch(self, steps: list[ImportStep], by_id: dict[str, Order],
                            ahead: dict[str, asyncio.Task[OrderProcesses]]) -> ParcelBatch | None:
        """For the new orders that were shipped or picked up in ePages before their import (and had nothing
        else done to them there): their processes (read ahead, or now, side by side), for the import to carry
        over at once."""
        wanted = [by_id[s.epages_order_id] for s in steps if isinstance(s, CreateOrder) and not s.settled]
        wanted = [o for o in wanted if self._batches_parcels(o)]
        if not wanted:
            return None
        gate = asyncio.Semaphore(self.parallel)

        async def read(order: Order) -> tuple[str, OrderProcesses]:
            if order.id in ahead:
                return order.id, await ahead[order.id]
            async with gate:
                return order.id, await self.ctx.epages.get_processes(order.id)

        return ParcelBatch(self.ctx, by_id, dict(await asyncio.gather(*(read(o) for o in wanted))))

    async def plan_page(self, orders: list[Order]) -> list[ImportStep]:
        """The import steps for a page of orders, from what the store and Afosto say now (no writes)."""
        ctx = self.ctx
        store = ctx.store
        links = {o.id: link for o in orders if (link := store.link_by_epages(ORDER, o.id)) is not None}
        parked_stamps: dict[str, str] = {}
        new = [o for o in orders if o.id not in links]
        for order in new:
            parked = store.open_parked_for(PARK_ORDER, order.order_number or order.id)
            if parked is not None and parked.status == "open":
                parked_stamps[parked.reference] = str(parked.data.get("stamp") or "")
        unfinished = [o for o in orders if links.get(o.id) is None or links[o.id].data.get("stage") != "items"]
        skus = sorted({li.sku for o in unfinished for li in o.product_line_items if li.sku})
        known = await self._known_skus(skus) if unfinished and ctx.on(Flow.ORDERS) else ctx.afosto_skus
        return plan_order_import(orders, ImportFacts(
            links=links, parked_stamps=parked_stamps, afosto_skus=known,
            channel_id=ctx.settings.afosto_channel_id or "", channel_currency=ctx.channel_currency,
            location_map=ctx.settings.location_map, start_date=ctx.settings.start_date,
            importing=ctx.on(Flow.ORDERS)))

    # --- one order ---------------------------------------------------------------------------------------

    async def handle_order(self, order: Order, summary: PollSummary | None = None) -> None:
        """Import one order, or carry its changes over: the page's way, for a page of one. What it wrote is
        committed before it returns (a person's Retry: its log row shows at once)."""
        try:
            await self._handle_page([order], summary if summary is not None else PollSummary())
        finally:
            self.ctx.store.settle()

    async def _follow(self, order: Order, summary: PollSummary, afosto: AfostoOrder | None,
                      processes: OrderProcesses | None = None) -> None:
        """Carry the changes made in ePages to a linked order over to Afosto (``afosto``: its Afosto order
        as just answered, if the import of this page made it; ``processes``: its processes, if read already
        in this poll)."""
        ctx = self.ctx
        async with ctx.order_lock(order.id):
            link = ctx.store.link_by_epages(ORDER, order.id)
            if link is None or link.status != LinkStatus.LINKED or link.data.get("seen") == _stamp(order):
                return
            # Cancellations in ePages put stock back there: the stock sync takes another look at these SKUs.
            ctx.dirty_skus.update(li.sku for li in order.product_line_items if li.sku)
            try:
                changed = await self._reconcile(order, link.afosto_id or "", afosto, processes)
            except PERMANENT as exc:
                self._park_update(order, exc)
                summary.parked += 1
                return
            summary.updated += int(changed)
            # Written now, committed with the next write (the next page's claims, the poll's end): lost in a
            # crash, the order is looked at again, and what was carried over is found in Afosto.
            with ctx.store.lingering():
                ctx.store.update_link_data(ORDER, order.id, {"seen": _stamp(order)})
                if ctx.store.resolve_parked(PARK_ORDER_UPDATE, order.order_number or order.id):
                    ctx.journal.to_afosto(
                        Outcome.OK,
                        Text("Order {number}: the change that was waiting went through.",
                             number=order.order_number or order.id),
                        flow=self._step,
                        epages_ref=order.order_number,
                    )

    def _park_update(self, order: Order, exc: SyncError) -> None:
        ctx = self.ctx
        number = order.order_number or order.id
        message = Text("Order {number}: a change made in ePages could not be applied in Afosto. "
                       "{problem} {action}", number=number, problem=exc.as_text(), action=exc.action)
        parked_id = ctx.store.park(
            PARK_ORDER_UPDATE, number, message, data={"epages_order_id": order.id, "order_number": number}
        )
        ctx.journal.to_afosto(
            Outcome.PARKED, message, flow=self._step, epages_ref=number, parked_id=parked_id
        )

    async def _known_skus(self, skus: list[str]) -> set[str]:
        """SKUs Afosto knows among ``skus``; asks Afosto only for those not seen before."""
        ctx = self.ctx
        unknown = [s for s in skus if s not in ctx.afosto_skus and s not in ctx.absent_skus]
        if unknown:
            rows = await ctx.afosto.inventory(unknown)
            ctx.afosto_skus.update(r.sku for r in rows)
            ctx.absent_skus.update(s for s in unknown if s not in ctx.afosto_skus)
        return ctx.afosto_skus

    # --- changes made in ePages ---------------------------------------------------------------------------

    async def _reconcile(self, order: Order, afosto_id: str, known: AfostoOrder | None = None,
                         read: OrderProcesses | None = None) -> bool:
        """Carry cancellations, shipments, pickups and returns made in ePages over to Afosto (``known``: the
        Afosto order as Afosto just answered it, so it need not be read again)."""
        ctx = self.ctx
        changes = epages_changes(order, ctx.flows)
        wants_cancel, wants_processes, wants_returns = changes.cancellations, changes.processes, changes.returns
        if not changes.any:
            return False
        await ctx.checkpoint()
        afosto = known if known is not None and known.id == afosto_id else await ctx.afosto.get_order(afosto_id)
        changed = False
        self._step = Flow.CANCELLATIONS
        if wants_cancel:
            afosto, did = await self._cancel_in_afosto(order, afosto)
            changed |= did
        if wants_processes or wants_returns:
            processes = read if read is not None else await ctx.epages.get_processes(order.id)
            if wants_processes:
                self._step = Flow.SHIPMENTS
                afosto, did = await self._parcels_in_afosto(order, processes, afosto)
                changed |= did
            if wants_returns:
                self._step = Flow.RETURNS
                afosto, did = await self._return_in_afosto(order, processes, afosto)
                changed |= did
        return changed

    async def _cancel_in_afosto(self, order: Order, afosto: AfostoOrder) -> tuple[AfostoOrder, bool]:
        ctx = self.ctx
        cancel, after_packing = plan_cancellations(order, afosto)
        self._cancelled_after_packing(order, afosto, dict(after_packing.packed))
        if cancel is None:
            return afosto, False
        units, skus = list(cancel.units), list(cancel.skus)
        with ctx.store.transaction():
            for item_id, _ in units:
                # Linked before Afosto is told, so the pushers never send this cancellation back to ePages.
                if ctx.store.link_by_afosto(CANCEL_ITEM, item_id) is None:
                    ctx.store.add_link(
                        CANCEL_ITEM, f"{order.id}:{item_id}", item_id, parent=order.id, origin=Origin.EPAGES
                    )
        afosto = await cancel_units(ctx.afosto, afosto, units)
        number = order.order_number or order.id
        with ctx.store.lingering():  # what Afosto did: committed with the next write (see _follow)
            ctx.journal.to_afosto(
                Outcome.OK,
                Text("Order {number}: 1 unit cancelled in Afosto ({skus}), as in ePages.", number=number,
                     skus=sorted(set(skus))) if len(units) == 1 else
                Text("Order {number}: {units} units cancelled in Afosto ({skus}), as in ePages.",
                     number=number, units=len(units), skus=sorted(set(skus))),
                flow=Flow.CANCELLATIONS,
                epages_ref=number,
                afosto_ref=afosto.number,
            )
        return afosto, True

    def _cancelled_after_packing(self, order: Order, afosto: AfostoOrder, packed: dict[str, int]) -> None:
        """Units cancelled in ePages while the warehouse packed (or shipped) them: Afosto cannot cancel a
        packed unit, so a person decides (stop the parcel, or take the cancellation back with the customer).
        Parked once for the same units; settled when the two systems agree again."""
        ctx = self.ctx
        number = order.order_number or order.id
        facts: list[list[object]] = sorted([sku, n] for sku, n in packed.items())
        if not worth_telling(ctx, CONFLICT_CANCELLATION, epages_order_id=order.id, number=number,
                             memory="cancel_conflict", facts=facts):
            return
        if not facts:
            settle_conflict(ctx, CONFLICT_CANCELLATION, number,
                            Text("Order {number}: the cancellation is now the same in ePages and Afosto.",
                                 number=number))
            return
        units = sum(packed.values())
        park_conflict(
            ctx, CONFLICT_CANCELLATION, epages_order_id=order.id, number=number, afosto_ref=afosto.number,
            message=Text("Order {number}: {units} unit(s) ({skus}) were cancelled in ePages after the warehouse "
                         "had packed them in Afosto, so Afosto cannot cancel them. Stop the parcel and cancel "
                         "the units in Afosto, or settle it with the customer; then dismiss this item.",
                         number=number, units=units, skus=sorted(packed)),
            facts={"packed": dict(packed)})

    async def _parcels_in_afosto(self, order: Order, processes: OrderProcesses,
                                 afosto: AfostoOrder) -> tuple[AfostoOrder, bool]:
        """The Afosto parcel of each ePages shipping and pickup process: found, shared, packed or moved on,
        one process after the other (each planned from the order as the one before left it)."""
        changed = False
        for process in parcel_processes(processes):
            links = self._parcel_links(process.how.kind, order.id, process.process_id, afosto)
            steps = plan_epages_parcel(order, afosto, process, links)
            afosto = await self._apply_parcel_steps(order, afosto, process, steps)
            changed |= changes_afosto(steps)
        return afosto, changed

    def _parcel_links(self, kind: LinkKind, order_id: str, process_id: str, afosto: AfostoOrder) -> ParcelLinks:
        store = self.ctx.store
        by_process = {process_id: link} if (link := store.link_by_epages(kind, process_id)) is not None else {}
        by_parcel = {p.id: link for p in afosto.parcels if (link := store.link_by_afosto(kind, p.id)) is not None}
        return ParcelLinks(by_process=by_process, by_parcel=by_parcel, of_order=store.links_for_parent(kind, order_id))

    async def _apply_parcel_steps(self, order: Order, afosto: AfostoOrder, process: EpagesParcel,
                                  steps: list[ParcelStep]) -> AfostoOrder:
        """Carry out the plan for one process's parcel, step by step (a pack waits for Afosto's answer)."""
        ctx = self.ctx
        store = ctx.store
        how = process.how
        number = order.order_number or order.id
        code = process.tracking_code
        packed: str | None = None
        for step in steps:
            if isinstance(step, DropClaim):
                store.delete_link(step.kind, step.process_id)
            elif isinstance(step, CompleteClaim):
                store.complete_link(step.kind, step.process_id, step.parcel_id)
            elif isinstance(step, LinkParcel):
                store.add_link(step.kind, step.epages_key, step.afosto_key, parent=order.id, origin=step.origin,
                               data=dict(step.data) if step.data is not None else None)
            elif isinstance(step, SameUnitsNote):
                ctx.journal.to_afosto(Outcome.OK, _same_units(step.how, number), flow=Flow.SHIPMENTS,
                                      epages_ref=number, afosto_ref=afosto.number)
            elif isinstance(step, TrackingConflict):
                item = store.open_parked_for(CONFLICT_SHIPMENT, number) if step.again else None
                if item is None or item.status == ParkedStatus.RETRIED:
                    tracking_conflict(ctx, order.id, number, epages_code=step.epages_code,
                                      afosto_code=step.afosto_code, afosto_ref=afosto.number)
            elif isinstance(step, TrackingAgreed):
                store.update_link_data(step.kind, step.process_id, {"tracking_conflict": False})
                settle_conflict(ctx, CONFLICT_SHIPMENT, number,
                                Text("Order {number}: the tracking codes in ePages and Afosto agree again.",
                                     number=number))
            elif isinstance(step, ShippedButCancelled):
                self._shipped_after_cancelling(order, afosto, step.cancelled)
            elif isinstance(step, RefuseShipment):
                raise DomainRejected(
                    Text("Order {number}: ePages shipped units that are not open in Afosto.", number=number),
                    concerns=Text("order {number}", number=number))
            elif isinstance(step, PackParcel):
                store.add_pending_link(step.kind, step.process_id, parent=order.id, origin=Origin.EPAGES,
                                       data=dict(step.claim_data) if step.claim_data else None)
                parcel, afosto = await self._pack(list(step.items), step.tracking_code, step.tracking_url,
                                                  step.kind, step.process_id)
                # What Afosto did is written now and committed with the next write (see _follow).
                with store.lingering():
                    store.complete_link(step.kind, step.process_id, parcel.id)
                packed = parcel.id
                for status in step.moves:
                    _, afosto = await ctx.afosto.set_parcel_status(parcel.id, status)
                with store.lingering():
                    ctx.journal.to_afosto(Outcome.OK, Text(how.recorded, number=number, code=code or "-"),
                                          flow=Flow.SHIPMENTS, epages_ref=number, afosto_ref=afosto.number)
            elif isinstance(step, MoveParcel):
                _, afosto = await ctx.afosto.set_parcel_status(step.parcel_id or packed or "", step.status)
                if step.told:
                    with store.lingering():
                        ctx.journal.to_afosto(Outcome.OK, Text(how.finished, number=number),
                                              flow=Flow.SHIPMENTS, epages_ref=number, afosto_ref=afosto.number)
        return afosto

    def _shipped_after_cancelling(self, order: Order, afosto: AfostoOrder, cancelled: Mapping[str, int]) -> None:
        """A cockpit shipment of units the warehouse cancelled in Afosto at the same moment: which is true only
        a person can tell. Parked once as a conflict for the same units."""
        ctx = self.ctx
        number = order.order_number or order.id
        facts: list[list[object]] = sorted([sku, n] for sku, n in cancelled.items())
        if not worth_telling(ctx, CONFLICT_CANCELLATION, epages_order_id=order.id, number=number,
                             memory="ship_cancel_conflict", facts=facts):
            return
        park_conflict(
            ctx, CONFLICT_CANCELLATION, epages_order_id=order.id, number=number, afosto_ref=afosto.number,
            message=Text("Order {number}: {units} unit(s) ({skus}) were shipped in ePages, but the warehouse "
                         "cancelled them in Afosto at the same time. Check whether they left, correct the order "
                         "in the system that is wrong, then dismiss this item.",
                         number=number, units=sum(cancelled.values()), skus=sorted(cancelled)),
            facts={"cancelled_in_afosto": dict(cancelled)})

    async def _pack(
        self, items: list[str], code: str | None, url: str | None, kind: str, process_id: str
    ) -> tuple[Parcel, AfostoOrder]:
        """Pack units for a process made in ePages. The warehouse may pack the same units at this very
        moment; then this try is given up (nothing was packed) and the next poll links the two."""
        try:
            return await self.ctx.afosto.add_track_trace_to_items(items, tracking_code=code, tracking_url=url)
        except ValidationFailed as exc:
            self.ctx.store.delete_link(kind, process_id)
            raise Conflict(
                Text("Afosto packed these units at the same moment ({problem}); trying again.",
                     problem=exc.message)
            ) from None

    async def _return_in_afosto(
        self, order: Order, processes: OrderProcesses, afosto: AfostoOrder
    ) -> tuple[AfostoOrder, bool]:
        """Each ePages return not carried over yet: planned (see ``plan_epages_return``), claimed with the
        units it chose, sent, and linked to the Afosto return items it became."""
        ctx = self.ctx
        store = ctx.store
        changed = False
        number = order.order_number or order.id
        for rp in processes.returns:
            linked_rmas = {r.id for r in afosto.rma_items if not self._rma_free(r.id)}
            for step in plan_epages_return(rp, afosto, store.link_by_epages(RETURN, rp.id), linked_rmas):
                if isinstance(step, LinkReturnEcho):
                    self._link_return(order.id, rp.id, list(step.rma_ids), Origin.AFOSTO)
                    continue
                planned = list(step.units)
                if step.claim == "update":  # a chosen unit was replaced
                    store.update_link_data(RETURN, rp.id, {"units": units_data(planned)})
                elif step.claim == "new":
                    store.add_pending_link(RETURN, rp.id, parent=order.id, origin=Origin.EPAGES,
                                           data={"units": units_data(planned)})
                if planned:
                    afosto = await return_units(ctx.afosto, afosto, planned)
                ours = {u.item_id for u in planned}
                if step.older_claim:
                    ours |= returned_by_us(afosto)  # a link from an older version: what it returned is unknown
                rma_ids = [r.id for r in afosto.rma_items if r.item_id in ours and self._rma_free(r.id)]
                accepted = sum(1 for u in planned if u.outcome == ReturnOutcome.ACCEPTED)
                # What Afosto did is written now and committed with the next write (see _follow).
                with store.lingering():
                    self._link_return(order.id, rp.id, rma_ids, Origin.EPAGES)
                    ctx.journal.to_afosto(
                        Outcome.OK,
                        Text("Order {number}: return from ePages recorded in Afosto ({accepted} accepted, "
                             "{defect} defect).", number=number, accepted=accepted,
                             defect=len(planned) - accepted),
                        flow=Flow.RETURNS,
                        epages_ref=number,
                        afosto_ref=afosto.number,
                    )
                changed = True
        return afosto, changed

    def _rma_free(self, rma_id: str) -> bool:
        return self.ctx.store.link_by_afosto(RMA, rma_id) is None

    def _link_return(self, order_id: str, process_id: str, rma_ids: list[str], origin: Origin) -> None:
        with self.ctx.store.transaction():
            self._link_return_items(order_id, process_id, rma_ids, origin)

    def _link_return_items(self, order_id: str, process_id: str, rma_ids: list[str], origin: Origin) -> None:
        store = self.ctx.store
        key = ",".join(sorted(rma_ids)) or f"none:{process_id}"
        existing = store.link_by_epages(RETURN, process_id)
        if existing is None:
            store.add_link(RETURN, process_id, key, parent=order_id, origin=origin, data={"rma_ids": rma_ids})
        elif existing.status == LinkStatus.PENDING:
            store.complete_link(RETURN, process_id, key, data={"rma_ids": rma_ids})
        for rma_id in rma_ids:
            if store.link_by_afosto(RMA, rma_id) is None:
                store.add_link(RMA, f"{process_id}:{rma_id}", rma_id, parent=order_id, origin=origin)

    # --- after a crash -------------------------------------------------------------------------------------

    async def resolve_pending_orders(self) -> None:
        """Orders whose creation in Afosto was under way when the app stopped: find them or forget the claim."""
        await self._resolve_claims(None)

    async def _resolve_claims(self, order_ids: list[str] | None) -> None:
        """Pending order links (of these orders; all with None): each Afosto order made for one is found by
        its ``meta_data.epages_order_id`` among the channel's orders since the claim (one listing for all of
        them) and linked; a claim Afosto has no order for is dropped, so the order is imported again."""
        ctx = self.ctx
        store = ctx.store
        if order_ids is None:
            claims = store.pending_links(ORDER)
        else:
            claims = [link for i in order_ids if (link := store.link_by_epages(ORDER, i)) is not None
                      and link.status == LinkStatus.PENDING]
        if not claims:
            return
        async with ctx.order_locks([c.epages_id for c in claims]):
            claims = [link for c in claims if (link := store.link_by_epages(ORDER, c.epages_id)) is not None
                      and link.status == LinkStatus.PENDING]
            if not claims:
                return
            wanted = {c.epages_id for c in claims}
            since = min(c.created_at for c in claims) - dt.timedelta(minutes=10)
            found: dict[str, AfostoOrder] = {}
            async for page in ctx.afosto.iter_orders(channel_id=ctx.settings.afosto_channel_id,
                                                     created_after=since):
                for order in page:
                    if order.epages_order_id in wanted:
                        found[order.epages_order_id] = order
            with store.transaction():
                for link in claims:
                    self._settle_claim(link, found.get(link.epages_id))

    def _settle_claim(self, link: Link, found: AfostoOrder | None) -> None:
        ctx = self.ctx
        number = link.data.get("number") or link.epages_id
        if found is not None:
            ctx.store.complete_link(
                ORDER, link.epages_id, found.id, data={"stage": "created", "afosto_number": found.number}
            )
            ctx.journal.system(
                Outcome.INFO,
                Text("Order {number}: found the Afosto order {afosto_number} that was being created when the "
                     "app stopped; it is not created twice.", number=number, afosto_number=found.number),
                epages_ref=number,
                afosto_ref=found.number,
            )
        else:
            ctx.store.delete_link(ORDER, link.epages_id)
            ctx.journal.system(
                Outcome.INFO,
                Text("Order {number}: its import was interrupted before Afosto created it; it is imported "
                     "again.", number=number),
                epages_ref=number,
            )
