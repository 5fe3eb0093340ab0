"""What the sync would do now, read from both systems and planned but not applied: the preview before going
live (``run --dry-run``, the wizard's last step). It runs the same planners as the sync and writes nothing
to ePages or Afosto.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..clients.epages_models import Order
from ..config import Flow
from ..texts import Text, join, template
from .adoption import Adoption
from .context import SyncContext
from .order_window import OrderWindow
from .poller import ORDER, PARK_ORDER, OrderPoller
from .shared_stock import OtherStores
from .steps import AddItems, CreateOrder, FollowChanges, HoldDrops, Park, SetStock, StockUnchanged
from .stock import StockSync, held_in_shop, plan_stock

# How many rows of each kind the preview lists; the counts always cover everything.
SHOWN = 20
_THEN = {
    "cancelled": template("{n} cancelled"),
    "shipped": template("{n} shipped"),
    "pickup": template("{n} ready for pickup or picked up"),
    "returned": template("{n} returned"),
    "defect": template("{n} defect"),
}


@dataclass(frozen=True)
class OrderPreview:
    """An ePages order the sync would create in Afosto, and what it would carry over right after."""

    number: str
    units: int
    then: dict[str, int] = field(default_factory=dict)  # "cancelled"/"shipped"/... -> units


@dataclass(frozen=True)
class StockPreview:
    sku: str
    shop: int  # what the shop shows now
    target: int  # what the sync would set

    @property
    def change(self) -> int:
        return self.target - self.shop


@dataclass
class Preview:
    """The first sync (or the next one), planned: nothing of it was done."""

    imports: list[OrderPreview] = field(default_factory=list)
    # Orders Afosto has already (a new, restored or second copy of the database): linked, not created.
    adopted: list[str] = field(default_factory=list)
    parked: list[tuple[str, str]] = field(default_factory=list)  # order number, why it would wait
    to_follow: list[str] = field(default_factory=list)  # linked orders with changes to carry over
    stock: list[StockPreview] = field(default_factory=list)  # changes, biggest first
    stock_unchanged: int = 0
    stock_held: bool = False  # so many large drops that the push would wait for a person
    stock_off: bool = False

    @property
    def carried_over(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for order in self.imports:
            total.update(order.then)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "orders_to_import": len(self.imports),
            "units_to_import": sum(o.units for o in self.imports),
            "carried_over_after_import": dict(self.carried_over),
            "imports": [{"order": o.number, "units": o.units, "then": o.then} for o in self.imports],
            "orders_already_in_afosto": self.adopted,
            "orders_waiting_for_a_person": [{"order": n, "reason": r} for n, r in self.parked],
            "linked_orders_with_changes": self.to_follow,
            "stock_changes": [{"sku": s.sku, "shop": s.shop, "target": s.target, "change": s.change}
                              for s in self.stock],
            "stock_unchanged": self.stock_unchanged,
            "stock_push_held_for_a_person": self.stock_held,
            "stock_not_synced": self.stock_off,
        }

    def lines(self) -> list[Text]:
        """The preview in sentences, most important first (the command line and the wizard show these)."""
        out: list[Text] = []
        units = sum(o.units for o in self.imports)
        out.append(Text("Orders to import into Afosto: {orders} ({units} units).", orders=len(self.imports),
                        units=units))
        for o in self.imports[:SHOWN]:
            then = join([Text(_THEN[what], n=n) for what, n in sorted(o.then.items())], ", ")
            out.append(Text("  {number}: {units} units, then {then}", number=o.number, units=o.units, then=then)
                       if then else Text("  {number}: {units} units", number=o.number, units=o.units))
        if len(self.imports) > SHOWN:
            out.append(Text("  ... and {more} more.", more=len(self.imports) - SHOWN))
        if self.adopted:
            out.append(Text("Orders Afosto has already, to be linked, not created again: {orders}.",
                            orders=len(self.adopted)))
        carried = self.carried_over
        if carried:
            out.append(Text("Carried over to Afosto after the import: {cancelled} cancelled, {shipped} shipped, "
                            "{pickup} ready for pickup or picked up, {returned} returned, {defect} defect.",
                            cancelled=carried["cancelled"], shipped=carried["shipped"],
                            pickup=carried["pickup"], returned=carried["returned"], defect=carried["defect"]))
        if self.to_follow:
            out.append(Text("Orders already linked with changes to carry over: {orders}.",
                            orders=len(self.to_follow)))
        if self.parked:
            out.append(Text("Orders that would wait for a person: {orders}.", orders=len(self.parked)))
            for number, reason in self.parked[:SHOWN]:
                out.append(Text("  {reason}", reason=reason) if number in reason
                           else Text("  {number}: {reason}", number=number, reason=reason))
        if self.stock_off:
            out.append(Text("Stock is not synced (switched off in the settings or not permitted in ePages)."))
        else:
            out.append(Text("Stock figures the shop would get now, counting the orders not yet in Afosto as sold: "
                            "{changed} changed, {same} unchanged.", changed=len(self.stock),
                            same=self.stock_unchanged))
            for s in self.stock[:SHOWN]:
                out.append(Text("  {sku}: {shop} -> {target}", sku=s.sku, shop=s.shop, target=s.target))
            if len(self.stock) > SHOWN:
                out.append(Text("  ... and {more} more.", more=len(self.stock) - SHOWN))
            if self.stock_held:
                out.append(Text("So many figures would drop sharply that the stock push would wait for a "
                                "person to confirm it (check the location mapping)."))
        return out


def _then(order: Order) -> dict[str, int]:
    """What an order's import would be followed by: the changes made in ePages before it reached Afosto."""
    counts: Counter[str] = Counter()
    for li in order.product_line_items:
        c = li.counts
        counts["cancelled"] += c.canceled
        counts["shipped"] += c.shipped + c.delivered
        counts["pickup"] += c.ready_for_pickup + c.picked_up
        counts["returned"] += c.returned
        counts["defect"] += c.broken
    return {k: v for k, v in counts.items() if v}


async def _orders_to_look_at(ctx: SyncContext, poller: OrderPoller) -> list[Order]:
    """Every order the next poll would read (since the start date on a first sync), read whole."""
    mark = poller.watermark()
    window = OrderWindow(ctx.epages, created_after=ctx.settings.start_date,
                         after=(mark - dt.timedelta(seconds=ctx.settings.overlap_seconds)) if mark else None,
                         page_size=poller.page_size)
    by_id: dict[str, Order] = {}
    async for page in window.whole(Text("Try the preview again in a moment.")):
        by_id.update((o.id, o) for o in page.items)
    return list(by_id.values())


async def build_preview(ctx: SyncContext, poller: OrderPoller, stock: StockSync, adoption: Adoption) -> Preview:
    """Read both systems and plan what the sync would do, without doing any of it."""
    preview = Preview()
    in_afosto = await adoption.orders_in_afosto() if ctx.on(Flow.ORDERS) else set()
    orders = await _orders_to_look_at(ctx, poller)
    held: Counter[str] = Counter()  # units of orders Afosto does not have yet (the stock rule)
    for start in range(0, len(orders), poller.page_size):
        page = orders[start:start + poller.page_size]
        by_id = {o.id: o for o in page}
        for step in await poller.plan_page(page):
            order = by_id[step.epages_order_id]
            if isinstance(step, CreateOrder) and order.id in in_afosto:
                preview.adopted.append(step.number)
            elif isinstance(step, CreateOrder | AddItems):
                preview.imports.append(OrderPreview(step.number, step.units, _then(order)))
            elif isinstance(step, Park):
                preview.parked.append((step.number, step.reason))  # a Text: the window translates it
            elif isinstance(step, FollowChanges):
                link = ctx.store.link_by_epages(ORDER, order.id)
                if link is not None and link.data.get("stage") == "items":  # not the follow-up of an import
                    preview.to_follow.append(step.number)
        for order in page:
            link = ctx.store.link_by_epages(ORDER, order.id)
            if (link is None and order.id not in in_afosto) or (link is not None
                                                              and link.data.get("stage") != "items"):
                held.update(held_in_shop(order))
    preview.imports.sort(key=lambda o: o.number)
    preview.adopted.sort()
    if not ctx.on(Flow.INVENTORY):
        preview.stock_off = True
        return preview
    for item in ctx.store.open_parked():
        if item.kind == PARK_ORDER and item.data.get("epages_order_id") not in {o.id for o in orders}:
            held.update({str(k): int(v) for k, v in (item.data.get("lines") or {}).items()})
    await stock.load_catalog()
    skus = sorted(stock.products)
    if not skus:
        return preview
    current = await stock.shop_figures(skus)
    # The stock rule as it stands now: orders not yet in Afosto count as sold. Their import then moves the
    # figures again as Afosto books them (a pickup order reserves at its pickup point, a return restocks).
    # The stock check's own plan, shown instead of sent: held drops are listed too, with the hold said.
    for planned in plan_stock(skus, current, await stock.afosto_available(skus), held,
                              share=float(ctx.settings.stock_safety_share), products=len(stock.products),
                              drop_confirmed=False, others=OtherStores()):
        if isinstance(planned, HoldDrops):
            preview.stock_held = True
            preview.stock.extend(StockPreview(sku, shown, target) for sku, (shown, target) in planned.drops.items())
        elif isinstance(planned, SetStock):
            preview.stock.append(StockPreview(planned.sku, planned.figure, planned.target))
        elif isinstance(planned, StockUnchanged):
            preview.stock_unchanged += 1
    preview.stock.sort(key=lambda s: (-abs(s.change), s.sku))
    return preview
