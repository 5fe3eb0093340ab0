"""Afosto -> ePages: what the warehouse did (parcels, pickups, cancellations, returns) reaches the shop.

Detection writes each push to the outbox under an identity key; the sender takes it from there. Every
handler reads the ePages state before it writes, so a push sent again after a crash or a lost answer finds
its own earlier effect and does not apply it twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..clients.afosto import FILTER_LIMIT, OperationMismatch, Read, first_orders_read
from ..clients.afosto_contract import ChangesPath
from ..clients.afosto_models import AfostoOrder, ParcelStatus, RmaItemStatus, datetime_to_ms
from ..clients.epages_models import (
    Order,
    PickupProcess,
    PickupProcessStatus,
    ProcessLine,
    ReturnLineStatus,
    ShippingProcess,
    ShippingProcessStatus,
)
from ..clients.http import OutcomeUnknown
from ..config import Flow
from ..errors import AuthenticationError, Conflict, NotFound, SyncError, ValidationFailed
from ..store.models import LinkStatus, Origin, OutboxPush, Outcome
from ..texts import Text, join
from .afosto_steps import returned_by_us
from .cancellations import plan_epages_cancellation
from .conflicts import CONFLICT_CANCELLATION, CONFLICT_RETURN, park_conflict, tracking_conflict
from .context import AFOSTO_MARK, SyncContext, ids_digest, recording_exchanges
from .order_view import PICKUP_PARCEL, SHIPPED_PARCEL
from .parcels import ParcelLinks, plan_afosto_picked_up, plan_afosto_pickup, plan_afosto_shipment
from .poller import (
    CANCEL_ITEM,
    ORDER,
    PICKUP,
    RETURN,
    RMA,
    SHIPPING,
)
from .returns import missing_return_lines, plan_afosto_return
from .steps import (
    CreatePickup,
    CreateReturn,
    CreateShipment,
    DeliverShipments,
    LinkParcel,
    LinkReturn,
    MarkPickedUp,
    MarkShipped,
    PickupNotKnown,
    PickupStep,
    ProcessGone,
    ReturnBookedInEpages,
    ReturnCountedApart,
    TrackingConflict,
)

log = logging.getLogger(__name__)

P = TypeVar("P", ShippingProcess, PickupProcess)

SWEEP_MARGIN_S = 2.0
LAST_GOOD_PUSH = "push.last_good"
PARK_PUSH = "push"
_FLOW_OF_KIND = {
    "ship": Flow.SHIPMENTS,
    "deliver": Flow.SHIPMENTS,
    "pickup": Flow.SHIPMENTS,
    "picked_up": Flow.SHIPMENTS,
    "cancel": Flow.CANCELLATIONS,
    "return": Flow.RETURNS,
    "stock": Flow.INVENTORY,
}


def backoff_seconds(attempts: int, *, base: float = 2.0, cap: float = 300.0) -> float:
    """Growing, jittered wait before the next try: 2 s, 4 s, 8 s ... up to five minutes."""
    raw = min(cap, base * (2 ** max(0, attempts - 1)))
    return raw * random.uniform(0.75, 1.25)


def flow_of(kind: str) -> Flow | None:
    return _FLOW_OF_KIND.get(kind)


class AfostoWatcher:
    """Finds what changed in Afosto on linked orders and queues the pushes for ePages.

    Two ways to find the changes (afosto_contract.ChangesPath): the orders list filtered by last change
    (``updated_at``, assumed: one request when nothing changed), or, on an account that refuses that filter,
    every linked unfinished order re-read by id, 100 per request (slower; needs only the documented id
    filter). The watcher starts with the filter and switches for good the first time Afosto refuses it.
    """

    def __init__(self, ctx: SyncContext) -> None:
        self.ctx = ctx
        self.changes_path = ChangesPath.UPDATED_FILTER
        # The orders the last look saw, with their change times (this run only).
        self._last_sweep: dict[str, int | None] = {}

    def _since(self) -> int | None:
        text = self.ctx.store.get_state(AFOSTO_MARK)
        return int(text) if text else None

    async def check_once(self) -> int:
        """One look at Afosto's orders changed since the last look; returns the number of pushes queued."""
        if self.changes_path == ChangesPath.REREAD_LINKED:
            return await self._reread_linked()
        try:
            return await self._changed_since()
        except (ValidationFailed, OperationMismatch) as exc:
            if "updated_at" not in f"{getattr(exc, 'field', None) or ''} {exc}":
                raise
            self.changes_path = ChangesPath.REREAD_LINKED
            log.info("Afosto refused the updated_at filter (%s); re-reading linked orders instead", exc)
            self.ctx.journal.system(
                Outcome.INFO,
                Text("This Afosto account does not take the updated_at filter (an assumption of the sync). "
                     "Changes made in Afosto are found by re-reading the linked orders instead: slower, but "
                     "nothing is missed."))
            return await self._reread_linked()

    async def _reread_linked(self) -> int:
        """Every linked, unfinished order read again by id, 100 per request: the slower way that needs only
        Afosto's documented id filter. An order whose change time is the one seen last queues nothing."""
        ctx = self.ctx
        queued = 0
        after = 0
        while links := ctx.store.unfinished_orders(limit=FILTER_LIMIT, after=after):
            after = links[-1].id
            ids = [link.afosto_id for link in links if link.afosto_id and link.data.get("stage") == "items"]
            if not ids:
                continue
            async for page in ctx.afosto.iter_orders(ids=ids, page_size=FILTER_LIMIT):
                for order in page:
                    await ctx.checkpoint()
                    queued += await self._check_order(order)
        return queued

    def _window(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """Orders created after / changed after what: the next look's filters."""
        since = self._since()
        created_after = None if since else dt.datetime.combine(self.ctx.settings.start_date, dt.time(), dt.UTC)
        updated_after = dt.datetime.fromtimestamp(since / 1000, dt.UTC) if since else None
        return created_after, updated_after

    def first_read(self) -> Read | None:
        """The request the next look starts with, to be read ahead with others; None on the slower path."""
        if self.changes_path != ChangesPath.UPDATED_FILTER:
            return None
        created_after, updated_after = self._window()
        return first_orders_read(channel_id=self.ctx.settings.afosto_channel_id, created_after=created_after,
                                 updated_after=updated_after, page_size=100)

    async def _changed_since(self) -> int:
        ctx = self.ctx
        since = self._since()
        created_after, updated_after = self._window()
        loop = asyncio.get_running_loop()
        started = loop.time()
        queued = 0
        newest: int | None = None
        seen: dict[str, int | None] = {}
        async for page in ctx.afosto.iter_orders(
            channel_id=ctx.settings.afosto_channel_id,
            updated_after=updated_after,
            created_after=created_after,
            page_size=100,
        ):
            for order in page:
                await ctx.checkpoint()
                queued += await self._check_order(order)
                stamp = datetime_to_ms(order.updated_at) if order.updated_at else None
                seen[order.id] = stamp
                if stamp is not None and (newest is None or stamp > newest):
                    newest = stamp
        unchanged = bool(seen) and all(self._last_sweep.get(i, -1) == stamp for i, stamp in seen.items())
        self._last_sweep = seen
        if newest is not None:
            # An order changed while we paged may sit on a page we had passed. Its Afosto time is at least the
            # sweep's start, which is no earlier than the newest time seen minus the sweep's length (both in
            # Afosto's clock), so the next look starts there, with a little margin. When every order seen
            # was seen so by the last look too, all of them changed before that look: anything changed since
            # is newer than the newest of them, and the next look starts right there (the margin's orders
            # are not read again and again while nothing happens).
            sweep_ms = 0 if unchanged else int((loop.time() - started + SWEEP_MARGIN_S) * 1000)
            next_since = newest - sweep_ms
            # Moved back meanwhile by an import that completed (see ImportApplier): the next look starts there.
            rewound = self._since() != since
            if not rewound and (since is None or next_since > since):
                ctx.store.set_state(AFOSTO_MARK, str(next_since))
        return queued

    async def _check_order(self, order: AfostoOrder) -> int:
        ctx = self.ctx
        epages_id = order.epages_order_id
        if not epages_id:
            return 0
        link = ctx.store.link_by_epages(ORDER, epages_id)
        if link is None or link.afosto_id != order.id or link.data.get("stage") != "items":
            return 0
        stamp = str(datetime_to_ms(order.updated_at)) if order.updated_at else ""
        if link.data.get("afosto_seen") == stamp:
            return 0
        async with ctx.order_lock(epages_id):
            # The poller is half-way through writing one of its own changes into Afosto: let it finish first.
            for kind in (SHIPPING, PICKUP, RETURN):
                if any(lk.status == LinkStatus.PENDING for lk in ctx.store.links_for_parent(kind, epages_id)):
                    return 0
            queued = self._detect(order, epages_id, link.data.get("number") or epages_id)
            ctx.store.update_link_data(ORDER, epages_id, {"afosto_seen": stamp})
        return queued

    def _detect(self, order: AfostoOrder, epages_id: str, number: str) -> int:
        ctx = self.ctx
        store = ctx.store
        queued = 0

        def enqueue(key: str, kind: str, payload: dict[str, object]) -> None:
            nonlocal queued
            payload = {"afosto_order_id": order.id, "afosto_number": order.number, **payload}
            if store.enqueue(key, kind, payload, epages_order_id=epages_id, epages_order_number=number):
                queued += 1

        if ctx.on(Flow.CANCELLATIONS):
            new = [
                i.id
                for i in order.units
                if str(i.status) == "CANCELLED" and store.link_by_afosto(CANCEL_ITEM, i.id) is None
            ]
            if new:
                enqueue(f"cancel:{order.id}:{ids_digest(new)}", "cancel", {"items": new})
        if ctx.on(Flow.SHIPMENTS):
            for parcel in order.parcels:
                link = store.link_by_afosto(SHIPPING, parcel.id) or store.link_by_afosto(PICKUP, parcel.id)
                if link is None:
                    if parcel.status in SHIPPED_PARCEL:
                        enqueue(f"ship:{parcel.id}", "ship", {"parcel_id": parcel.id})
                    elif parcel.status in PICKUP_PARCEL:
                        enqueue(f"pickup:{parcel.id}", "pickup", {"parcel_id": parcel.id})
                    continue
                if parcel.status == ParcelStatus.DELIVERED and not link.data.get("delivered"):
                    enqueue(f"deliver:{parcel.id}", "deliver", {"parcel_id": parcel.id})
                if parcel.status == ParcelStatus.PICKED_UP and not link.data.get("picked_up"):
                    enqueue(f"picked_up:{parcel.id}", "picked_up", {"parcel_id": parcel.id})
        if ctx.on(Flow.RETURNS):
            ours = returned_by_us(order)
            decided = [
                r.id
                for r in order.rma_items
                if r.status in (RmaItemStatus.AUTHORIZED, RmaItemStatus.REJECTED)
                and r.item_id not in ours
                and store.link_by_afosto(RMA, r.id) is None
            ]
            if decided:
                enqueue(f"return:{ids_digest(decided)}", "return", {"rma_ids": decided})
        return queued


class OutboxSender:
    """Sends due pushes one order at a time; transient failures wait and retry, permanent ones are parked."""

    def __init__(self, ctx: SyncContext) -> None:
        self.ctx = ctx
        self._handlers: dict[str, Callable[[OutboxPush], Awaitable[Text]]] = {
            "ship": self._ship,
            "deliver": self._deliver,
            "pickup": self._pickup,
            "picked_up": self._picked_up,
            "cancel": self._cancel,
            "return": self._return,
        }

    async def send_due(self, *, limit: int = 50) -> int:
        """Send what is due now; returns how many pushes completed."""
        done = 0
        for push in self.ctx.store.due(limit=limit):
            if push.kind not in self._handlers:
                continue  # stock pushes are sent by the stock sync, in one batch with fresh reads
            await self.ctx.checkpoint()
            if await self.send(push):
                done += 1
        return done

    async def send(self, push: OutboxPush) -> bool:
        ctx = self.ctx
        number = push.epages_order_number or push.epages_order_id
        flow = flow_of(push.kind)
        async with ctx.order_lock(push.epages_order_id):
            with recording_exchanges():
                return await self._send(push, number, flow)

    async def _send(self, push: OutboxPush, number: str | None, flow: Flow | None) -> bool:
        ctx = self.ctx
        store = ctx.store
        store.mark_in_flight(push.key)
        try:
            message = await self._handlers[push.kind](push)
        except (OutcomeUnknown, Conflict) as exc:
            return self._retry(push, exc, number, flow)
        except AuthenticationError as exc:
            # The credentials, not this push: the round stops (the window asks a person to look at them)
            # and the push waits its turn; parked, it would be lost to the sync until someone pressed Retry.
            self._retry(push, exc, number, flow)
            raise
        except SyncError as exc:
            if exc.transient:
                return self._retry(push, exc, number, flow)
            text = Text("Order {number}: {problem}", number=number, problem=exc.with_action())
            parked_id = store.park(
                PARK_PUSH,
                push.key,
                text,
                data={"key": push.key, **push.payload},
                outbox_key=push.key,
                response={"error": str(exc)},
            )
            store.record_attempt(push.key, Outcome.PARKED, text)
            ctx.journal.to_epages(
                Outcome.PARKED,
                text,
                flow=flow,
                epages_ref=number,
                afosto_ref=str(push.payload.get("afosto_number") or ""),
                parked_id=parked_id,
            )
            return False
        store.complete(push.key)
        store.record_attempt(push.key, Outcome.OK, message)
        store.set_state(LAST_GOOD_PUSH, ctx.now().isoformat())
        if flow is not None:
            store.set_state(f"push.last_good.{flow.value}", ctx.now().isoformat())
        ctx.journal.to_epages(
            Outcome.OK,
            message,
            flow=flow,
            epages_ref=number,
            afosto_ref=str(push.payload.get("afosto_number") or ""),
        )
        return True

    def _retry(self, push: OutboxPush, exc: SyncError, number: str | None, flow: Flow | None) -> bool:
        ctx = self.ctx
        wait = backoff_seconds(push.attempts + 1, base=ctx.retry_base_seconds)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after:
            wait = max(wait, float(retry_after))
        ctx.store.record_attempt(
            push.key, Outcome.RETRYING, str(exc), next_attempt_at=ctx.now() + dt.timedelta(seconds=wait)
        )
        # One row for the first failure and then every fifth, so a long outage does not flood the log.
        if push.attempts % 5 == 0:
            ctx.journal.to_epages(
                Outcome.RETRYING,
                Text("Order {number}: {problem}; trying again in {seconds} s.", number=number,
                     problem=exc.title, seconds=f"{wait:.0f}"),
                flow=flow,
                epages_ref=number,
            )
        return False

    # --- reading both sides ------------------------------------------------------------------------------

    async def _both(self, push: OutboxPush) -> tuple[AfostoOrder, Order]:
        afosto = await self.ctx.afosto.get_order(str(push.payload["afosto_order_id"]))
        order = await self.ctx.epages.get_order(push.epages_order_id or "")
        return afosto, order

    @staticmethod
    def _parcel(afosto: AfostoOrder, parcel_id: str):
        parcel = next((p for p in afosto.parcels if p.id == parcel_id), None)
        if parcel is None:
            raise NotFound(Text("Afosto parcel {parcel} no longer exists.", parcel=parcel_id),
                           concerns=Text("parcel {parcel}", parcel=parcel_id))
        return parcel

    @staticmethod
    def _linked(processes: list[P], epages_id: str, what: Text) -> P:
        """The ePages process a link names, from a fresh list; gone means a person changed the order."""
        process = next((p for p in processes if p.id == epages_id), None)
        if process is None:
            raise OutboxSender._gone(epages_id, what)
        return process

    @staticmethod
    def _gone(epages_id: str, what: Text) -> NotFound:
        """A process a link names is gone: a person changed the order, the push waits for a person."""
        return NotFound(Text("ePages {what} process {process} no longer exists.", what=what, process=epages_id))

    # --- handlers ----------------------------------------------------------------------------------------

    async def _ship(self, push: OutboxPush) -> Text:
        """An Afosto parcel the warehouse shipped becomes an ePages shipment: read both sides, plan (see
        ``plan_afosto_shipment``), carry the steps out."""
        ctx = self.ctx
        store = ctx.store
        order_id = push.epages_order_id or ""
        afosto, order = await self._both(push)
        parcel = self._parcel(afosto, str(push.payload["parcel_id"]))
        existing = await ctx.epages.list_shipping_processes(order_id)
        plan = plan_afosto_shipment(
            order, afosto, parcel, existing, link=store.link_by_afosto(SHIPPING, parcel.id),
            linked_processes={sp.id for sp in existing if store.link_by_epages(SHIPPING, sp.id) is not None},
            shares=ParcelLinks(of_order=store.links_for_parent(SHIPPING, order.id)).shares(parcel.id))
        number = order.order_number or order_id
        created: ShippingProcess | None = None
        delivered = False
        for step in plan.steps:
            if isinstance(step, ProcessGone):
                raise self._gone(step.process_id, Text("shipping"))
            elif isinstance(step, LinkParcel):
                store.add_link(step.kind, step.epages_key, step.afosto_key, parent=order_id, origin=step.origin,
                               data=dict(step.data) if step.data is not None else None)
            elif isinstance(step, TrackingConflict):
                tracking_conflict(ctx, order_id, number, epages_code=step.epages_code,
                                  afosto_code=step.afosto_code, afosto_ref=afosto.number)
            elif isinstance(step, CreateShipment):
                created = await ctx.epages.create_shipping_process(
                    order_id, [ProcessLine(product_line_item_id=k, quantity=v) for k, v in step.lines.items()],
                    tracking_code=step.tracking_code, tracking_link=step.tracking_url,
                    comment=f"Afosto parcel {step.parcel_id}")
                store.add_link(SHIPPING, created.id, step.parcel_id, parent=order_id, origin=Origin.AFOSTO,
                               data=dict(step.link_data))
            elif isinstance(step, MarkShipped):
                process_id = step.process_id or (created.id if created is not None else "")
                if step.process_id is None and created is not None and created.status not in (
                        None, ShippingProcessStatus.PENDING):
                    continue
                await ctx.epages.mark_shipped(order_id, process_id, tracking_code=step.tracking_code,
                                              tracking_link=step.tracking_url)
            elif isinstance(step, DeliverShipments):
                await self._mark_parcel_delivered(order_id, step.parcel_id)
                delivered = True
        text = Text("Order {number}: shipped in ePages ({units} units, tracking {code}).",
                    number=order.order_number, units=sum(plan.sent.values()), code=parcel.tracking_code or "-")
        if plan.sent != plan.lines:
            text = join([text, Text("The other units of this parcel were shipped in ePages already.")])
        if delivered:
            text = join([text, Text("Delivered.")])
        return text

    async def _mark_parcel_delivered(self, order_id: str, parcel_id: str) -> None:
        """Every ePages shipment that stands for the parcel is marked delivered: ours and the cockpit's.
        The shipments are read afresh: one may have been made or marked shipped a moment ago.

        A cockpit shipment whose units lie only partly in this parcel is one shipment in ePages: it is
        delivered as a whole, and its other parcels in Afosto are marked delivered with it, so both systems
        count the same units as delivered."""
        ctx = self.ctx
        processes = await ctx.epages.list_shipping_processes(order_id)
        link = ctx.store.link_by_afosto(SHIPPING, parcel_id)
        shares = ParcelLinks(of_order=ctx.store.links_for_parent(SHIPPING, order_id)).shares(parcel_id)
        ids = [share.epages_id for share in shares if not share.data.get("process")]
        spanning = [str(share.data["process"]) for share in shares if share.data.get("process")]
        if spanning:
            await self._deliver_pieces(order_id, spanning, parcel_id)
            ids.extend(spanning)
        if link is not None and not link.data.get("covered_by_epages"):
            ids.insert(0, link.epages_id)
        for process_id in ids:
            process = self._linked(processes, process_id, Text("shipping"))
            if process.status == ShippingProcessStatus.PENDING:
                process = await ctx.epages.mark_shipped(order_id, process.id)
            if process.status != ShippingProcessStatus.DELIVERED:
                await ctx.epages.mark_delivered(order_id, process.id)
        if link is not None:
            ctx.store.update_link_data(SHIPPING, link.epages_id, {"delivered": True})

    async def _deliver_pieces(self, order_id: str, process_ids: list[str], delivered: str) -> None:
        """The other Afosto parcels of cockpit shipments spanning several parcels are marked delivered."""
        ctx = self.ctx
        link = ctx.store.link_by_epages(ORDER, order_id)
        if link is None or not link.afosto_id:
            return
        afosto = await ctx.afosto.get_order(link.afosto_id)
        pieces: set[str] = set()
        for process_id in process_ids:
            own = ctx.store.link_by_epages(SHIPPING, process_id)
            if own is not None and own.afosto_id and not own.data.get("parts_only"):
                pieces.add(own.afosto_id)
            links = ParcelLinks(of_order=ctx.store.links_for_parent(SHIPPING, order_id))
            pieces.update(str(part.data.get("parcel")) for part in links.parts(process_id))
        for parcel in afosto.parcels:
            if parcel.id in pieces and parcel.id != delivered and parcel.status != ParcelStatus.DELIVERED:
                await ctx.afosto.set_parcel_status(parcel.id, ParcelStatus.DELIVERED)

    async def _deliver(self, push: OutboxPush) -> Text:
        ctx = self.ctx
        order_id = push.epages_order_id or ""
        parcel_id = str(push.payload["parcel_id"])
        if ctx.store.link_by_afosto(SHIPPING, parcel_id) is None:
            raise NotFound(Text("The shipment of this parcel is not known in ePages yet."))
        await self._mark_parcel_delivered(order_id, parcel_id)
        return Text("Order {number}: marked delivered in ePages.", number=push.epages_order_number)

    async def _pickup(self, push: OutboxPush) -> Text:
        """An Afosto parcel ready for pickup becomes the order's ePages pickup process: read both sides, plan
        (see ``plan_afosto_pickup``), carry the steps out."""
        ctx = self.ctx
        order_id = push.epages_order_id or ""
        afosto = await ctx.afosto.get_order(str(push.payload["afosto_order_id"]))
        parcel = self._parcel(afosto, str(push.payload["parcel_id"]))
        existing = await ctx.epages.list_pickup_processes(order_id)
        steps = plan_afosto_pickup(
            parcel, existing, link=ctx.store.link_by_afosto(PICKUP, parcel.id),
            linked_processes={p.id for p in existing if ctx.store.link_by_epages(PICKUP, p.id) is not None})
        text = Text("Order {number}: ready for pickup in ePages.", number=push.epages_order_number)
        if await self._apply_pickup(order_id, steps):
            text = join([text, Text("Picked up.")])
        return text

    async def _picked_up(self, push: OutboxPush) -> Text:
        """A parcel picked up in Afosto: its linked ePages pickup process is marked picked up (see
        ``plan_afosto_picked_up``)."""
        ctx = self.ctx
        order_id = push.epages_order_id or ""
        link = ctx.store.link_by_afosto(PICKUP, str(push.payload["parcel_id"]))
        existing = await ctx.epages.list_pickup_processes(order_id) if link is not None else []
        await self._apply_pickup(order_id, plan_afosto_picked_up(str(push.payload["parcel_id"]), existing,
                                                                 link=link))
        return Text("Order {number}: marked picked up in ePages.", number=push.epages_order_number)

    async def _apply_pickup(self, order_id: str, steps: list[PickupStep]) -> bool:
        """Carries out a pickup plan; returns whether the pickup was marked picked up."""
        ctx = self.ctx
        created: PickupProcess | None = None
        picked_up = False
        for step in steps:
            if isinstance(step, PickupNotKnown):
                raise NotFound(Text("The pickup of this parcel is not known in ePages yet."))
            if isinstance(step, ProcessGone):
                raise self._gone(step.process_id, Text("pickup"))
            if isinstance(step, CreatePickup):
                created = await ctx.epages.create_pickup_process(order_id, comment=f"Afosto parcel {step.parcel_id}")
                ctx.store.add_link(PICKUP, created.id, step.parcel_id, parent=order_id, origin=Origin.AFOSTO)
            elif isinstance(step, LinkParcel):
                ctx.store.add_link(step.kind, step.epages_key, step.afosto_key, parent=order_id,
                                   origin=step.origin)
            elif isinstance(step, MarkPickedUp):
                process_id = step.process_id or (created.id if created is not None else "")
                # A process made just now is marked only if ePages did not answer it picked up already.
                already = step.already or (step.process_id is None and created is not None
                                           and created.status == PickupProcessStatus.PICKED_UP)
                if not already:
                    await ctx.epages.mark_picked_up(order_id, process_id)
                ctx.store.update_link_data(PICKUP, process_id, {"picked_up": True})
                picked_up = True
        return picked_up

    async def _cancel(self, push: OutboxPush) -> Text:
        ctx = self.ctx
        order_id = push.epages_order_id or ""
        afosto, order = await self._both(push)
        cancel, after_shipping = plan_epages_cancellation(order, afosto)
        if after_shipping is not None:
            self._cancelled_after_shipping(order, afosto, dict(after_shipping.gone))
        if cancel is not None:
            units = sum(cancel.lines.values())
            if cancel.whole_order:
                await ctx.epages.cancel_order(order_id, comment="Cancelled in Afosto")
                text = Text("Order {number}: cancelled in ePages (all units cancelled in Afosto).",
                            number=order.order_number)
            else:
                await ctx.epages.create_cancel_process(
                    order_id,
                    [ProcessLine(product_line_item_id=k, quantity=v) for k, v in cancel.lines.items()],
                    comment="Cancelled in Afosto",
                )
                text = (Text("Order {number}: 1 unit cancelled in ePages, as in Afosto.", number=order.order_number)
                        if units == 1 else
                        Text("Order {number}: {units} units cancelled in ePages, as in Afosto.",
                             number=order.order_number, units=units))
        else:
            text = Text("Order {number}: cancellation was already in ePages.", number=order.order_number)
        for item in afosto.units:
            if str(item.status) == "CANCELLED" and ctx.store.link_by_afosto(CANCEL_ITEM, item.id) is None:
                ctx.store.add_link(
                    CANCEL_ITEM, f"{order_id}:{item.id}", item.id, parent=order_id, origin=Origin.AFOSTO
                )
        return text

    def _cancelled_after_shipping(self, order: Order, afosto: AfostoOrder, gone: dict[str, int]) -> None:
        """Units the warehouse cancelled in Afosto that ePages shows shipped or picked up already (a person
        in the cockpit was quicker): ePages cannot cancel them, so a person decides; the rest is cancelled."""
        number = order.order_number or order.id
        park_conflict(
            self.ctx, CONFLICT_CANCELLATION, epages_order_id=order.id, number=number, afosto_ref=afosto.number,
            message=Text("Order {number}: {units} unit(s) ({skus}) were cancelled in Afosto, but ePages shows them "
                         "shipped or handed out already, so ePages cannot cancel them. Check whether they left, "
                         "correct the order in the system that is wrong, then dismiss this item.",
                         number=number, units=sum(gone.values()), skus=sorted(gone)),
            facts={"shipped_in_epages": dict(gone)})

    async def _return(self, push: OutboxPush) -> Text:
        """Returns decided in Afosto become an ePages return process: read both sides (and the order's ePages
        returns when ePages counts the units already), plan (see ``plan_afosto_return``), carry the steps
        out."""
        ctx = self.ctx
        store = ctx.store
        order_id = push.epages_order_id or ""
        afosto, order = await self._both(push)
        number = order.order_number or order.id
        rma_ids = [str(r) for r in push.payload.get("rma_ids") or []]
        booked = [] if missing_return_lines(order, afosto) else await ctx.epages.list_return_processes(order.id)
        steps = plan_afosto_return(
            order, afosto, rma_ids, booked=booked,
            linked={link.epages_id: [str(r) for r in link.data.get("rma_ids") or []]
                    for link in store.links_for_parent(RETURN, order.id)},
            linked_rmas={r for r in rma_ids if store.link_by_afosto(RMA, r) is not None})
        created = ""
        text = Text("Order {number}: return was already in ePages.", number=number)
        for step in steps:
            if isinstance(step, CreateReturn):
                created = (await ctx.epages.create_return_process(
                    order_id, list(step.lines), comment="Return handled in Afosto")).id
                text = Text("Order {number}: return recorded in ePages ({good} returned, {bad} defect).",
                            number=order.order_number, good=step.units(ReturnLineStatus.RETURNED),
                            bad=step.units(ReturnLineStatus.BROKEN))
            elif isinstance(step, ReturnBookedInEpages):
                text = Text("Order {number}: the return was booked in ePages at the same moment; the two "
                            "count as one.", number=number)
            elif isinstance(step, ReturnCountedApart):
                self._return_counted_apart(order, afosto, list(step.rma_ids))
            elif isinstance(step, LinkReturn):
                process_id = step.process_id or created
                # One commit: the return and its return items are linked together or not at all. The same pair
                # again is harmless: a link written by an earlier try stays as it is.
                with store.transaction():
                    store.add_link(RETURN, process_id, ",".join(sorted(step.rma_ids)) or process_id,
                                   parent=order_id, origin=Origin.AFOSTO, data={"rma_ids": list(step.rma_ids)})
                    for rma_id in step.new_rma_ids:
                        store.add_link(RMA, f"{process_id}:{rma_id}", rma_id, parent=order_id,
                                       origin=Origin.AFOSTO)
        return text

    def _return_counted_apart(self, order: Order, afosto: AfostoOrder, rma_ids: list[str]) -> None:
        """An Afosto return whose units ePages counts as returned already, but no return booked in ePages
        holds the same units: the two systems disagree on what came back, parked for a person."""
        number = order.order_number or order.id
        park_conflict(
            self.ctx, CONFLICT_RETURN, epages_order_id=order.id, number=number, afosto_ref=afosto.number,
            message=Text("Order {number}: a return decided in Afosto is counted in ePages already, but no return "
                         "booked in ePages holds the same units. Compare the returns in both systems and correct "
                         "the one that is wrong (stock may have been put back twice); then dismiss this item.",
                         number=number),
            facts={"rma_ids": sorted(rma_ids)})
