"""Adoption: what Afosto already has is found and linked before anything is created.

The local database is a cache of what is synced. When it is new, emptied, restored from an older copy or
kept by a second installation in another data folder, its links miss orders that are in Afosto already.
Before the sync creates anything, it reads the Afosto orders of the sales channel (created since the start
date, or since the last look this database remembers) and links every one that carries an ePages order id
no link names yet. For such an order the shipments, pickups, cancellations and returns both sides already
agree on are linked too, by comparing their contents, so the pushers and the poller carry over only what
really differs.

The matching itself (``match_processes``) is pure: it takes both sides' states and the links there are,
and says which pairs to write. ``Adoption`` reads and writes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field

from ..clients.afosto import OperationMismatch
from ..clients.afosto_models import AfostoOrder, RmaItemStatus, datetime_to_ms
from ..clients.epages_models import (
    Order,
    OrderProcesses,
    PickupProcessStatus,
    ReturnLineStatus,
    ShippingProcessStatus,
)
from ..errors import NotFound, ValidationFailed
from ..store import Store
from ..store.models import LinkStatus, Origin, Outcome
from ..texts import Text
from .afosto_steps import returned_by_us
from .context import SyncContext
from .order_view import PICKUP_PARCEL, SHIPPED_PARCEL, AfostoOrderView
from .parcels import shared_parcel_key
from .poller import CANCEL_ITEM, ORDER, PICKUP, RETURN, RMA, SHIPPING
from .pushers import AFOSTO_MARK

log = logging.getLogger(__name__)

# Afosto creation time (ms) up to which every order of the channel has been looked at by this database.
ADOPTED_UNTIL = "adoption.afosto_since"
# An order that changed while a look was under way may sit on a page already passed: the next look starts
# before the newest change seen by the look's length and this margin (all in Afosto's clock).
_MARGIN = dt.timedelta(seconds=60)
_SHIPPED_PROCESS = (ShippingProcessStatus.SHIPPED, ShippingProcessStatus.DELIVERED)
_DECIDED = (RmaItemStatus.AUTHORIZED, RmaItemStatus.REJECTED)


@dataclass(frozen=True)
class NewLink:
    """One link adoption writes: kind, ePages id, Afosto id, and its data."""

    kind: str
    epages_id: str
    afosto_id: str
    data: dict[str, object] = field(default_factory=dict)


@dataclass
class Matched:
    links: list[NewLink] = field(default_factory=list)
    shipments: int = 0
    cancelled_units: int = 0
    returns: int = 0


def _lines(process_lines: Iterable[object]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for pl in process_lines:
        out[str(pl.product_line_item_id)] += int(pl.quantity)  # type: ignore[attr-defined]
    return dict(out)


def match_processes(order: Order, processes: OrderProcesses, afosto: AfostoOrder, *,
                    linked_epages: set[tuple[str, str]], linked_afosto: set[tuple[str, str]]) -> Matched:
    """The links of what both sides already agree on for one order: pure, from both states.

    ``linked_epages`` / ``linked_afosto``: (kind, id) pairs that have a link already (left alone).
    Whatever does not match stays unlinked, and the poller or the pushers carry it over as a change.
    """
    view = AfostoOrderView(afosto)
    result = Matched()
    oid = order.id

    # Cancelled units: as many per line as both sides have cancelled.
    for li in order.product_line_items:
        free = [i for i in view.canceled(li.id) if (CANCEL_ITEM, i.id) not in linked_afosto]
        already = len(view.canceled(li.id)) - len(free)
        for item in free[: max(0, li.counts.canceled - already)]:
            result.links.append(NewLink(CANCEL_ITEM, f"{oid}:{item.id}", item.id))
            result.cancelled_units += 1

    # Shipments: an ePages shipment and an Afosto parcel with the same units (the same tracking code first).
    parcels = [p for p in afosto.parcels if p.status in SHIPPED_PARCEL and (SHIPPING, p.id) not in linked_afosto]
    shipments = [sp for sp in processes.shippings
                 if sp.status in _SHIPPED_PROCESS and (SHIPPING, sp.id) not in linked_epages]
    for same_code in (True, False):
        for sp in list(shipments):
            lines = _lines(sp.line_items)
            parcel = next((p for p in parcels if view.lines_of(i.item_id for i in p.items) == lines
                           and (not same_code or p.tracking_code == sp.tracking_code)), None)
            if parcel is None:
                continue
            delivered = sp.status == ShippingProcessStatus.DELIVERED
            result.links.append(NewLink(SHIPPING, sp.id, parcel.id, {"lines": lines, "delivered": delivered}
                                        if delivered else {"lines": lines}))
            result.shipments += 1
            parcels.remove(parcel)
            shipments.remove(sp)
    # Cockpit shipments whose units are all in a bigger parcel: they count as part of it.
    for parcel in parcels:
        have = Counter(view.lines_of(i.item_id for i in parcel.items))
        rest = Counter(have)
        for sp in list(shipments):
            own = _lines(sp.line_items)
            if own and all(rest.get(k, 0) >= v for k, v in own.items()):
                result.links.append(NewLink(SHIPPING, sp.id, shared_parcel_key(parcel.id, sp.id),
                                            {"parcel": parcel.id, "lines": own, "shipped_in_both": True}))
                result.shipments += 1
                rest.subtract(own)
                shipments.remove(sp)
        if rest != have and not +rest:  # every unit of the parcel is in ePages' own shipments
            result.links.append(NewLink(SHIPPING, f"covered:{parcel.id}", parcel.id,
                                        {"lines": {}, "covered_by_epages": True}))

    # Pickups: ePages keeps one pickup process per order.
    pickup_parcels = [p for p in afosto.parcels
                      if p.status in PICKUP_PARCEL and (PICKUP, p.id) not in linked_afosto]
    pickups = [pp for pp in processes.pickups if (PICKUP, pp.id) not in linked_epages]
    for pp in list(pickups):
        lines = _lines(pp.line_items)
        parcel = next((p for p in pickup_parcels if view.lines_of(i.item_id for i in p.items) == lines), None)
        if parcel is None and len(pickups) == 1 and len(pickup_parcels) == 1:
            parcel = pickup_parcels[0]
        if parcel is None:
            continue
        picked = pp.status == PickupProcessStatus.PICKED_UP
        result.links.append(NewLink(PICKUP, pp.id, parcel.id, {"picked_up": True} if picked else {}))
        result.shipments += 1
        pickup_parcels.remove(parcel)
        pickups.remove(pp)

    # Returns: an ePages return and decided Afosto returns of the same units, line by line and outcome by
    # outcome.
    free_rma = [r for r in afosto.rma_items if r.status in _DECIDED and (RMA, r.id) not in linked_afosto]
    for rp in processes.returns:
        if (RETURN, rp.id) in linked_epages:
            continue
        wanted: Counter[tuple[str, str]] = Counter()
        for rl in rp.line_items:
            outcome = RmaItemStatus.REJECTED if rl.status == ReturnLineStatus.BROKEN else RmaItemStatus.AUTHORIZED
            wanted[(rl.product_line_item_id, str(outcome))] += rl.quantity
        found = []
        for rma in free_rma:
            key = (view.line_of_item.get(rma.item_id) or "", str(rma.status))
            if wanted[key] > 0:
                wanted[key] -= 1
                found.append(rma)
        if not found or +wanted:
            continue
        rma_ids = sorted(r.id for r in found)
        result.links.append(NewLink(RETURN, rp.id, ",".join(rma_ids), {"rma_ids": rma_ids}))
        result.links.extend(NewLink(RMA, f"{rp.id}:{r}", r) for r in rma_ids)
        result.returns += 1
        free_rma = [r for r in free_rma if r not in found]
    return result


@dataclass
class AdoptionReport:
    orders: int = 0
    shipments: int = 0
    cancelled_units: int = 0
    returns: int = 0


class Adoption:
    """Finds the Afosto orders this database has no link for, and links them with what they carry."""

    def __init__(self, ctx: SyncContext) -> None:
        self.ctx = ctx
        self._lock = asyncio.Lock()
        self._fresh = False  # looked at Afosto since the current poll began
        self._since = ctx.now()  # claims made from now on are imports of this run
        self._updated_refused = False  # the account refused the updated_at filter (then: by creation)
        self._by_update = True  # the look under way reads by last change (its mark follows that)

    def new_round(self) -> None:
        """A poll begins: the first order without a link makes adoption look at Afosto once more."""
        self._fresh = False

    async def before_import(self) -> None:
        """Called before orders without a link are created in Afosto (once per poll it looks)."""
        async with self._lock:
            if not self._fresh:
                await self._run()

    async def run(self) -> AdoptionReport:
        """Look at Afosto now (at every start, before the first poll)."""
        async with self._lock:
            return await self._run()

    async def orders_in_afosto(self) -> set[str]:
        """The ePages order ids that Afosto orders of the channel carry and this database has no link for:
        what the next look would adopt (read only; the preview shows it)."""
        mark = self.ctx.store.get_state(ADOPTED_UNTIL)
        found: set[str] = set()
        async for afosto in self._orders_to_look_at(int(mark) if mark else None):
            epages_id = afosto.epages_order_id
            if epages_id and self.ctx.store.link_by_epages(ORDER, epages_id) is None:
                found.add(epages_id)
        return found

    async def _run(self) -> AdoptionReport:
        ctx = self.ctx
        store = ctx.store
        report = AdoptionReport()
        mark = store.get_state(ADOPTED_UNTIL)
        newest: int | None = None
        loop = asyncio.get_running_loop()
        started = loop.time()
        async for afosto in self._orders_to_look_at(int(mark) if mark else None):
            await ctx.checkpoint()
            stamp = afosto.updated_at if self._by_update else afosto.created_at
            if stamp is not None:
                newest = max(newest or 0, datetime_to_ms(stamp))
            await self._adopt(afosto, report)
        if newest is not None:
            next_mark = newest - int((loop.time() - started + _MARGIN.total_seconds()) * 1000)
            if mark is None or next_mark > int(mark):
                store.set_state(ADOPTED_UNTIL, str(next_mark))
        self._fresh = True
        if report.orders:
            ctx.journal.system(
                Outcome.INFO,
                Text("1 order adopted from Afosto: it was there already (a new, restored or second copy of this "
                     "app's database), so it was linked, not created again.") if report.orders == 1 else
                Text("{n} orders adopted from Afosto: they were there already (a new, restored or second copy "
                     "of this app's database), so they were linked, not created again.", n=report.orders))
        if report.shipments or report.cancelled_units or report.returns:
            ctx.journal.system(
                Outcome.INFO,
                Text("Matched on both sides and linked, not carried over again: {shipments} shipments or "
                     "pickups, {units} cancelled units, {returns} returns.", shipments=report.shipments,
                     units=report.cancelled_units, returns=report.returns))
        return report

    async def _orders_to_look_at(self, mark: int | None) -> AsyncIterator[AfostoOrder]:
        """Every Afosto order of the channel since the start date; after the first look, those changed since
        (an older copy of the database remembers an older time, so it looks further back). Where Afosto
        refuses the ``updated_at`` filter, those created since."""
        ctx = self.ctx
        start = dt.datetime.combine(ctx.settings.start_date, dt.time(), dt.UTC) - dt.timedelta(days=1)
        since = dt.datetime.fromtimestamp(mark / 1000, dt.UTC) if mark is not None else None
        channel = ctx.settings.afosto_channel_id
        self._by_update = not self._updated_refused
        if since is not None and self._by_update:
            try:
                async for page in ctx.afosto.iter_orders(channel_id=channel, updated_after=since, page_size=100):
                    for order in page:
                        yield order
                return
            except (ValidationFailed, OperationMismatch) as exc:
                if "updated_at" not in f"{getattr(exc, 'field', None) or ''} {exc}":
                    raise
                self._updated_refused = True
                self._by_update = False
                log.info("Afosto refused the updated_at filter (%s); adoption reads by creation", exc)
        async for page in ctx.afosto.iter_orders(channel_id=channel, created_after=since or start,
                                                 page_size=100):
            for order in page:
                yield order

    async def _adopt(self, afosto: AfostoOrder, report: AdoptionReport) -> None:
        """Link one Afosto order (and what both sides agree on) when no link names it yet. The links are
        written together, after every read, so the poller never meets an order half adopted."""
        store = self.ctx.store
        epages_id = afosto.epages_order_id
        if not epages_id:
            return
        if not self._unlinked(epages_id, afosto.id):
            await self._relink_lost_returns(epages_id, afosto, report)
            return
        matched = Matched()
        if afosto.parcels or afosto.rma_items or any(str(i.status) == "CANCELLED" for i in afosto.units):
            try:
                order = await self.ctx.epages.get_order(epages_id)
                processes = await self.ctx.epages.get_processes(epages_id)
            except NotFound:
                pass  # gone from the shop: the comparison of both systems lists it
            else:
                matched = match_processes(order, processes, afosto,
                                          linked_epages=_linked_epages(store, epages_id),
                                          linked_afosto=_linked_afosto(store, epages_id))
        if not self._unlinked(epages_id, afosto.id):  # linked by an import meanwhile
            return
        number = str((afosto.meta_data or {}).get("epages_order_number") or epages_id)
        data = {"stage": "items" if afosto.units else "created", "afosto_number": afosto.number,
                "number": number, "adopted": True}
        if store.link_by_epages(ORDER, epages_id) is not None:  # claimed by an import that reached Afosto
            store.complete_link(ORDER, epages_id, afosto.id, data=data)
        else:
            store.add_link(ORDER, epages_id, afosto.id, origin=Origin.APP, data=data)
        for new in matched.links:
            self._write(epages_id, new)
        self._look_again_in_afosto(afosto)
        report.orders += 1
        report.shipments += matched.shipments
        report.cancelled_units += matched.cancelled_units
        report.returns += matched.returns

    async def _relink_lost_returns(self, epages_id: str, afosto: AfostoOrder, report: AdoptionReport) -> None:
        """A linked order with returns this app booked in Afosto (from ePages returns) that no link names: the
        links were lost (an older copy of the database). The ePages returns they came from are matched by
        content, so the poller does not book them a second time."""
        store = self.ctx.store
        link = store.link_by_epages(ORDER, epages_id)
        if link is None or link.afosto_id != afosto.id:
            return
        if any(lk.status == LinkStatus.PENDING for lk in store.links_for_parent(RETURN, epages_id)):
            return  # a return under way when the app stopped: the poller resumes it with its own units
        ours = returned_by_us(afosto)
        if not any(r.item_id in ours and r.status in _DECIDED and store.link_by_afosto(RMA, r.id) is None
                   for r in afosto.rma_items):
            return
        try:
            order = await self.ctx.epages.get_order(epages_id)
            processes = await self.ctx.epages.get_processes(epages_id)
        except NotFound:
            return
        matched = match_processes(order, processes, afosto, linked_epages=_linked_epages(store, epages_id),
                                  linked_afosto=_linked_afosto(store, epages_id))
        for new in matched.links:
            if new.kind in (RETURN, RMA):
                self._write(epages_id, new)
        report.returns += matched.returns

    def _look_again_in_afosto(self, afosto: AfostoOrder) -> None:
        """The watcher of Afosto changes passed this order while it had no link (it looks at linked orders
        only): it reads again from the order's last change, so what the warehouse did reaches ePages."""
        if afosto.updated_at is None:
            return
        store = self.ctx.store
        stamp = datetime_to_ms(afosto.updated_at) - 1
        mark = store.get_state(AFOSTO_MARK)
        if mark is not None and int(mark) > stamp:
            store.set_state(AFOSTO_MARK, str(stamp))

    def _write(self, order_id: str, new: NewLink) -> None:
        store = self.ctx.store
        if store.link_by_epages(new.kind, new.epages_id) is None \
                and store.link_by_afosto(new.kind, new.afosto_id) is None:
            store.add_link(new.kind, new.epages_id, new.afosto_id, parent=order_id, origin=Origin.APP,
                           data=dict(new.data))

    def _unlinked(self, epages_id: str, afosto_id: str) -> bool:
        """No link names this order yet (a pending claim without an Afosto id does not count)."""
        store = self.ctx.store
        link = store.link_by_epages(ORDER, epages_id)
        if link is not None and (link.status == LinkStatus.LINKED or link.afosto_id):
            return False  # linked already (to this order, or to another copy the comparison reports)
        if link is not None and link.created_at >= self._since:
            return False  # an import of this run, under way: it writes its own link
        return store.link_by_afosto(ORDER, afosto_id) is None


def _linked_epages(store: Store, order_id: str) -> set[tuple[str, str]]:
    return {(kind, link.epages_id) for kind in (SHIPPING, PICKUP, RETURN, CANCEL_ITEM, RMA)
            for link in store.links_for_parent(kind, order_id)}


def _linked_afosto(store: Store, order_id: str) -> set[tuple[str, str]]:
    return {(kind, link.afosto_id) for kind in (SHIPPING, PICKUP, RETURN, CANCEL_ITEM, RMA)
            for link in store.links_for_parent(kind, order_id) if link.afosto_id}
