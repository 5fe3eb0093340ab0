"""Stock: the shop's figure is what the feeding Afosto locations have available, less what ePages sold
and Afosto does not know of yet. ePages only takes relative changes, so every push is computed from a
fresh read: read the shop's figure first, then the orders not yet in Afosto, then send the difference.

The decisions are pure (``stock_to_check``, ``plan_stock``); the stock check reads, plans and applies.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..clients.afosto import Read, first_inventory_read
from ..clients.epages_models import Availability, Order
from ..clients.http import OutcomeUnknown
from ..config import Flow
from ..errors import Conflict, SyncError
from ..store.models import Outcome
from ..texts import PRESS_RETRY, Text, join
from .context import SyncContext
from .order_window import OrderWindow
from .poller import ORDER, PARK_ORDER
from .shared_stock import OtherStores, SharedStock
from .steps import (
    CheckStock,
    HoldDrops,
    SetStock,
    SkipStockPush,
    StockCheckStep,
    StockNotManaged,
    StockStep,
    StockUnchanged,
    WaitForStores,
)

log = logging.getLogger(__name__)

CATALOG_MAX_AGE = dt.timedelta(minutes=30)
FULL_CHECK_EVERY = dt.timedelta(minutes=10)
PARK_STOCK_DROP = "stock_drop"
LAST_GOOD_STOCK = "push.last_good.inventory"


@dataclass(frozen=True)
class ShopProduct:
    """Where one SKU's stock lives in ePages: a product, or a variation of a variation product."""

    sku: str
    product_id: str
    variation_id: str | None
    managed: bool


def held_in_shop(order: Order) -> Counter[str]:
    """Units an ePages order holds in the shop's stock while Afosto does not have it (returns do not put
    stock back in ePages; cancellations do)."""
    units: Counter[str] = Counter()
    if order.canceled:
        return units
    for li in order.product_line_items:
        if li.sku:
            units[li.sku] += li.ordered_quantity - li.counts.canceled
    return units


def stock_targets(skus: Sequence[str], afosto: Mapping[str, int], pending: Mapping[str, int]) -> dict[str, int]:
    """The stock rule: what the feeding locations have available, less the units of ePages orders Afosto
    does not know yet; never below zero."""
    return {s: max(0, afosto.get(s, 0) - pending.get(s, 0)) for s in skus}


def large_drops(skus: Sequence[str], current: Mapping[str, int | None], targets: Mapping[str, int],
                share: float) -> list[str]:
    """SKUs whose figure would fall by more than ``share`` of what the shop shows."""
    return [s for s in skus if (shown := current.get(s)) and targets[s] < shown * (1 - share)]


def _first_ten(items: Sequence[str]) -> str:
    """Up to ten of ``items`` for a log row, and how many more there are."""
    shown = ", ".join(items[:10])
    return shown if len(items) <= 10 else Text("{products} and {more} more", products=shown, more=len(items) - 10)


def drop_guard(products: int) -> int:
    """How many large drops at once hold the push for a person (a wrong mapping must not sell out a shop)."""
    return max(3, math.ceil(0.1 * products))


def stock_to_check(skus: Sequence[str], *, full: bool, dirty: Collection[str], due: Sequence[tuple[str, str]],
                   afosto: Mapping[str, int], last_afosto: Mapping[str, int], others: Mapping[str, int],
                   last_others: Mapping[str, int]) -> list[StockCheckStep]:
    """The first half of a stock check, before the shop's figures are read (one request per SKU): which SKUs
    to check (all on a full check; else those marked changed, those with a push waiting, and those whose
    Afosto figure or other stores' units changed since they were last set), and the waiting pushes of SKUs
    no longer synced, closed. ``skus``: the SKUs synced; ``due``: waiting stock pushes as (key, SKU);
    ``last_*``: what each SKU's figure was last computed from."""
    steps: list[StockCheckStep] = []
    synced = set(skus)
    waiting: set[str] = set()
    for key, sku in due:
        if sku in synced:
            waiting.add(sku)
        else:
            steps.append(SkipStockPush(key, sku))
    candidates = tuple(
        s for s in skus
        if full or s in dirty or s in waiting or afosto.get(s) != last_afosto.get(s)
        or others.get(s, 0) != last_others.get(s, 0))
    if candidates:
        steps.append(CheckStock(candidates))
    return steps


def plan_stock(candidates: Sequence[str], current: Mapping[str, int | None], afosto: Mapping[str, int],
               pending: Mapping[str, int], *, share: float, products: int, drop_confirmed: bool,
               others: OtherStores) -> list[StockStep]:
    """The second half: what to do with each SKU checked, from the shop's figures (``current``, read first),
    what Afosto has available and the units of orders it does not have yet (``pending``, every store's).
    Too many large drops at once are held for a person (unless one confirmed them), all together; a figure
    the shop no longer gives is left alone; a figure that would go up while a store sharing the stock has
    not answered since the start waits for it; the rest is unchanged or set to the target, in SKU order.
    ``products``: how many SKUs are synced (the drop guard)."""
    targets = stock_targets(candidates, afosto, pending)
    steps: list[StockStep] = []
    drops = large_drops(candidates, current, targets, share)
    held: set[str] = set()
    if len(drops) >= drop_guard(products) and not drop_confirmed:
        held = set(drops)
        steps.append(HoldDrops({s: (current.get(s) or 0, targets[s]) for s in drops}))  # never None: a drop
    waiting: list[str] = []
    for sku in candidates:
        if sku in held:
            continue
        figure = current.get(sku)
        if figure is None:  # stock management was switched off meanwhile
            steps.append(StockNotManaged(sku))
        elif targets[sku] > figure and others.holds(sku):
            waiting.append(sku)
        elif targets[sku] == figure:
            steps.append(StockUnchanged(sku))
        else:
            steps.append(SetStock(sku, figure, targets[sku]))
    if waiting:
        steps.append(WaitForStores(tuple(waiting), others.silent))
    return steps


@dataclass
class StockReport:
    checked: int = 0
    pushed: int = 0
    held: int = 0
    unchanged: int = 0


class StockSync:
    """The stock check of one store. With ``shared`` (several stores of one installation), the units of the
    other stores' orders not yet in Afosto count too, wherever they draw from the same locations."""

    def __init__(self, ctx: SyncContext, shared: SharedStock | None = None) -> None:
        self.ctx = ctx
        self.shared = shared
        self.products: dict[str, ShopProduct] = {}
        self.unknown_in_afosto: list[str] = []
        self.ambiguous: list[str] = []
        self.unmanaged: list[str] = []
        self._catalog_at: dt.datetime | None = None
        self._full_at: dt.datetime | None = None
        self._last_afosto: dict[str, int] = {}
        self._last_others: dict[str, int] = {}
        self._told_others: dict[str, str] = {}  # per other store: what the log last said about its answer
        self.drop_confirmed = False

    # --- the catalogue -----------------------------------------------------------------------------------

    async def load_catalog(self) -> None:
        """Map every ePages SKU to its product or variation; list the ones that cannot be synced."""
        ctx = self.ctx
        found: dict[str, list[ShopProduct]] = defaultdict(list)
        for product in await ctx.epages.list_products():
            if product.is_variation_product:
                for variation in await ctx.epages.list_variations(product.id):
                    if variation.sku:
                        managed = bool(variation.availability and variation.availability.stock_managed)
                        found[variation.sku].append(
                            ShopProduct(variation.sku, product.id, variation.id, managed)
                        )
            elif product.sku:
                managed = bool(product.availability and product.availability.stock_managed)
                found[product.sku].append(ShopProduct(product.sku, product.id, None, managed))
        rows = await ctx.afosto.inventory(list(found))
        ctx.afosto_skus.update(r.sku for r in rows)
        known = {r.sku for r in rows}
        self.ambiguous = sorted(s for s, refs in found.items() if len(refs) > 1)
        self.unknown_in_afosto = sorted(s for s in found if s not in known)
        self.unmanaged = sorted(s for s, refs in found.items() if len(refs) == 1 and not refs[0].managed)
        self.products = {
            s: refs[0] for s, refs in found.items() if len(refs) == 1 and refs[0].managed and s in known
        }
        self._catalog_at = ctx.now()
        listing = {
            "unknown_in_afosto": self.unknown_in_afosto,
            "ambiguous": self.ambiguous,
            "stock_management_off": self.unmanaged,
        }
        if ctx.store.get_state("stock.unsynced_skus") != json.dumps(listing, sort_keys=True):
            ctx.store.set_state("stock.unsynced_skus", json.dumps(listing, sort_keys=True))
            parts = []
            if self.unknown_in_afosto:
                parts.append(Text("unknown in Afosto: {skus}", skus=self.unknown_in_afosto))
            if self.ambiguous:
                parts.append(Text("used by more than one ePages product: {skus}", skus=self.ambiguous))
            if self.unmanaged:
                parts.append(Text("stock management off in ePages: {skus}", skus=self.unmanaged))
            if parts:
                ctx.journal.to_epages(
                    Outcome.SKIPPED,
                    Text("Stock is not synced for these SKUs ({reasons}). Correct them if they should be "
                         "synced.",
                         reasons=join(parts, "; ")),
                    flow=Flow.INVENTORY,
                )

    # --- one round ---------------------------------------------------------------------------------------

    def first_read(self) -> Read | None:
        """The Afosto request the next round starts with, to be read ahead with others; None when the round
        starts elsewhere (it reads the shop's catalogue first) or needs more than one request."""
        if self._catalog_at is None or self.ctx.now() - self._catalog_at > CATALOG_MAX_AGE:
            return None
        return first_inventory_read(sorted(self.products), self.ctx.settings.stock_locations or None)

    async def check_once(self, *, full: bool = False) -> StockReport:
        ctx = self.ctx
        report = StockReport()
        now = ctx.now()
        if self._catalog_at is None or now - self._catalog_at > CATALOG_MAX_AGE:
            await ctx.checkpoint()
            await self.load_catalog()
        await ctx.checkpoint()
        if self._full_at is None or now - self._full_at > FULL_CHECK_EVERY:
            full = True
        skus = sorted(self.products)
        if not skus:
            return report
        afosto = await self.afosto_available(skus)
        # The other stores' units are read before Afosto is read again below: an order one of them imports
        # meanwhile is then counted twice (a lower figure), never not at all.
        others = await self._other_stores()
        due = [(push.key, str(push.payload.get("sku"))) for push in ctx.store.due(limit=1000) if push.kind == "stock"]
        candidates: tuple[str, ...] = ()
        for first in stock_to_check(skus, full=full, dirty=ctx.dirty_skus, due=due, afosto=afosto,
                                    last_afosto=self._last_afosto, others=others.units,
                                    last_others=self._last_others):
            if isinstance(first, SkipStockPush):
                if ctx.store.complete(first.key):
                    ctx.store.record_attempt(first.key, Outcome.SKIPPED, f"{first.sku} is no longer synced.")
            else:
                candidates = first.skus
        report.checked = len(candidates)
        if not candidates:
            return report
        await ctx.checkpoint()
        current = await self.shop_figures(list(candidates))
        # Only now the orders: one placed after this read is not yet in ``current`` and may be in
        # ``pending``, which can only make the figure lower, never higher than what is there.
        pending = await self.units_not_in_afosto()
        pending.update(others.units)
        afosto = await self.afosto_available(list(candidates))
        steps = plan_stock(candidates, current, afosto, pending, share=float(ctx.settings.stock_safety_share),
                           products=len(self.products), drop_confirmed=self.drop_confirmed, others=others)
        self.drop_confirmed = False
        held: set[str] = set()
        waiting: list[str] = []  # figures that would go up while a store sharing them has not answered yet
        for step in steps:
            if isinstance(step, HoldDrops):
                held.update(step.drops)
                self._hold(step)
                report.held = len(held)
                continue
            if isinstance(step, WaitForStores):
                waiting = list(step.skus)
                self._tell_waiting(waiting, step.stores)
                held.update(waiting)
                report.held += len(waiting)
                continue
            await ctx.checkpoint()
            key = f"stock:{step.sku}:{self._seq(step.sku)}"
            if isinstance(step, StockNotManaged):
                if ctx.store.complete(key):
                    self._next_seq(step.sku)
            elif isinstance(step, StockUnchanged):
                report.unchanged += 1
                if ctx.store.complete(key):  # an earlier push did arrive after all
                    self._next_seq(step.sku)
                self._remember(step.sku, afosto, others)
            elif isinstance(step, SetStock):
                # The push is stored before it is sent; the sending itself reads nothing stale (see above).
                ctx.store.enqueue(key, "stock", {"sku": step.sku, "target": step.target})
                if await self._adjust(step, key):
                    report.pushed += 1
                    self._remember(step.sku, afosto, others)
        ctx.dirty_skus.difference_update(s for s in candidates if s not in held)
        ctx.dirty_skus.update(waiting)
        if full and not held:
            self._full_at = now
        ctx.store.set_state(LAST_GOOD_STOCK, ctx.now().isoformat())
        return report

    def _remember(self, sku: str, afosto: Mapping[str, int], others: OtherStores) -> None:
        """What the figure was computed from, so the next round checks the SKU again only when that changed."""
        self._last_afosto[sku] = afosto.get(sku, 0)
        self._last_others[sku] = others.units.get(sku, 0)

    async def _other_stores(self) -> OtherStores:
        """The units of the other stores sharing this store's stock, and a log row when one cannot answer."""
        if self.shared is None:
            return OtherStores()
        me = self.ctx.settings.store_name or ""
        others = await self.shared.others(me)
        told: dict[str, str] = {}
        for name, problem, at in others.stale:
            told[name] = "stale"
            if self._told_others.get(name) != "stale":
                self.ctx.journal.to_epages(Outcome.RETRYING, Text(
                    "The orders of store {store} could not be read for the stock figures ({problem}). Its "
                    "reading of {time} counts instead until it answers again.", store=name, problem=problem,
                    time=at.astimezone().strftime("%H:%M:%S")), flow=Flow.INVENTORY)
        for name, _problem in others.silent:  # said with the figures it holds back, see _tell_waiting
            told[name] = "silent told" if self._told_others.get(name) == "silent told" else "silent"
        for name, before in self._told_others.items():
            if name not in told and before in ("stale", "silent told"):
                self.ctx.journal.to_epages(Outcome.INFO, Text(
                    "The orders of store {store} are read again for the stock figures.", store=name),
                    flow=Flow.INVENTORY)
        self._told_others = told
        return others

    def _tell_waiting(self, skus: list[str], stores: Sequence[tuple[str, Text]]) -> None:
        """Once per store that keeps silent: which figures wait for it, and why."""
        for name, problem in stores:
            if self._told_others.get(name) == "silent told":
                continue
            self._told_others[name] = "silent told"
            shown = _first_ten(skus)
            self.ctx.journal.to_epages(Outcome.RETRYING, Text(
                "Stock of {skus} not raised yet: store {store} sells from the same stock and has not told its "
                "orders since the start ({problem}), so a higher figure could sell the same units twice. Lower "
                "figures are sent; the others follow as soon as it answers.", skus=shown, store=name,
                problem=problem), flow=Flow.INVENTORY)

    def _seq(self, sku: str) -> str:
        return self.ctx.store.get_state(f"stock.seq.{sku}") or "1"

    def _next_seq(self, sku: str) -> None:
        self.ctx.store.set_state(f"stock.seq.{sku}", str(int(self._seq(sku)) + 1))

    async def afosto_available(self, skus: list[str]) -> dict[str, int]:
        ctx = self.ctx
        rows = await ctx.afosto.inventory(skus, ctx.settings.stock_locations or None)
        totals: Counter[str] = Counter()
        for row in rows:
            totals[row.sku] += max(0, row.available)
        return {s: totals.get(s, 0) for s in skus}

    async def shop_figures(self, skus: list[str]) -> dict[str, int | None]:
        ctx = self.ctx

        async def one(sku: str) -> tuple[str, Availability]:
            ref = self.products[sku]
            return sku, await ctx.epages.get_availability(ref.product_id, ref.variation_id)

        answers = await asyncio.gather(*(one(s) for s in skus))
        return {sku: avail.available_stock for sku, avail in answers}

    async def units_not_in_afosto(self) -> Counter[str]:
        """Units of ePages orders the sync has seen (or can see now) that Afosto does not have yet; also this
        store's answer to the other stores that share its stock (see shared_stock.py)."""
        ctx = self.ctx
        units: Counter[str] = Counter()
        counted: set[str] = set()
        for item in ctx.store.open_parked():
            if item.kind == PARK_ORDER and item.data.get("epages_order_id"):
                counted.add(str(item.data["epages_order_id"]))
                units.update({str(k): int(v) for k, v in (item.data.get("lines") or {}).items()})
        mark = ctx.store.get_state("poll.watermark")
        since = (
            dt.datetime.fromisoformat(mark) - dt.timedelta(seconds=ctx.settings.overlap_seconds)
            if mark
            else None
        )
        # Every order since the last poll, read whole (a window cut short is read again): one missed here
        # would let its units be sold twice.
        window = OrderWindow(ctx.epages, created_after=ctx.settings.start_date, after=since)
        async for page in window.whole(Text("The stock check tries again shortly.")):
            for order in page.items:
                if order.id in counted or order.canceled:
                    continue
                link = ctx.store.link_by_epages(ORDER, order.id)
                if link is not None and link.data.get("stage") == "items":
                    continue
                counted.add(order.id)
                units.update(held_in_shop(order))
            for unreadable in page.unreadable:
                if unreadable.id and unreadable.id not in counted:
                    counted.add(unreadable.id)
                    units.update(unreadable.units)
        return units

    def _hold(self, step: HoldDrops) -> None:
        ctx = self.ctx
        drops = list(step.drops)
        shown = _first_ten([f"{s} {figure} -> {target}" for s, (figure, target) in step.drops.items()])
        share = int(ctx.settings.stock_safety_share * 100)
        message = Text(
            "Stock push held: {count} products would lose more than {share} % of their stock at once "
            "({shown}). Check the Afosto locations that feed the shop; if the figures are right, {retry} "
            "to send them.",
            count=len(drops), share=share, shown=shown, retry=PRESS_RETRY)
        parked_id = ctx.store.park(PARK_STOCK_DROP, "stock", message, data={"skus": drops})
        ctx.journal.to_epages(Outcome.PARKED, message, flow=Flow.INVENTORY, parked_id=parked_id)

    async def _adjust(self, step: SetStock, key: str) -> bool:
        ctx = self.ctx
        sku, figure, target = step.sku, step.figure, step.target
        ref = self.products[sku]
        ctx.store.mark_in_flight(key)
        try:
            await ctx.epages.adjust_stock(ref.product_id, step.delta, variation_id=ref.variation_id)
        except (OutcomeUnknown, Conflict) as exc:
            # The next round reads the figure again, so a change that did arrive is not sent twice.
            ctx.store.record_attempt(key, Outcome.RETRYING, str(exc), next_attempt_at=ctx.now())
            ctx.dirty_skus.add(sku)
            return False
        except SyncError as exc:
            if exc.transient:
                ctx.store.record_attempt(key, Outcome.RETRYING, str(exc), next_attempt_at=ctx.now())
                ctx.dirty_skus.add(sku)
                return False
            message = Text("Stock of {sku} could not be set in ePages: {problem}", sku=sku,
                           problem=exc.with_action())
            parked_id = ctx.store.park("push", key, message, outbox_key=key, data={"sku": sku})
            ctx.journal.to_epages(Outcome.PARKED, message, flow=Flow.INVENTORY, parked_id=parked_id)
            self._next_seq(sku)
            return False
        ctx.store.complete(key)
        ctx.store.record_attempt(key, Outcome.OK, f"{figure} -> {target}")
        self._next_seq(sku)
        ctx.journal.to_epages(
            Outcome.OK,
            Text("Stock of {sku} set to {target} in ePages (was {figure}).", sku=sku, target=target,
                 figure=figure),
            flow=Flow.INVENTORY,
            afosto_ref=sku,
        )
        return True
