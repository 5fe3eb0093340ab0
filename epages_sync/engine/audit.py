"""Compare both systems: what ePages and Afosto say, read through their public APIs only, set side by side.

The local database plays no part in finding a difference (it may be new, old or another installation's):
orders of the shop missing in Afosto, orders in Afosto more than once, Afosto orders naming a shop order
that does not exist, per-SKU unit counts of an order that differ (ordered, cancelled, shipped, delivered,
ready for pickup, picked up, returned, returned as defect), and shop stock figures that differ from the
stock rule (what the shop's Afosto locations have available, less what ePages sold and Afosto does not have).

``compare`` is pure; ``read_both_sides`` reads; ``record`` turns the differences into attention items
(parked items of kind ``audit``) and settles the ones no longer found.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..clients.afosto import AfostoClient
from ..clients.afosto_models import AfostoOrder, OrderItemStatus, ParcelStatus, RmaItemStatus
from ..clients.epages import EpagesClient
from ..clients.epages_models import Order
from ..config import Settings
from ..errors import NotFound
from ..store import Store
from ..store.models import Outcome
from ..texts import Text
from .context import Journal

PARK_AUDIT = "audit"
LAST_AUDIT = "audit.last_run"
AUDIT_DUE = "audit.due"  # when the sync compares by itself next
AUDIT_EVERY = dt.timedelta(days=1)

# The unit counts compared per order and SKU, as the sentences name them.
COUNTERS: dict[str, Text] = {
    "ordered": Text("ordered"),
    "canceled": Text("cancelled"),
    "shipped": Text("shipped"),
    "delivered": Text("delivered"),
    "ready_for_pickup": Text("ready for pickup"),
    "picked_up": Text("picked up"),
    "returned": Text("returned"),
    "broken": Text("returned as defect"),
}


class DifferenceKind(enum.StrEnum):
    MISSING = "missing_in_afosto"
    DUPLICATE = "in_afosto_more_than_once"
    NOT_IN_SHOP = "not_in_shop"
    UNITS = "units"
    STOCK = "stock"


@dataclass(frozen=True)
class Difference:
    kind: DifferenceKind
    reference: str  # what the attention item is about: an order number, "10002 KB-RED returned", a SKU
    message: Text  # what differs and what to do
    order_id: str | None = None  # the ePages order, where there is one
    order_number: str | None = None
    sku: str | None = None
    counter: str | None = None
    epages: int | None = None  # the figure on each side, where the difference is one of figures
    afosto: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "reference": self.reference, "message": str(self.message),
                "epages_order_id": self.order_id, "order_number": self.order_number, "sku": self.sku, "counter": self.counter,
                "epages": self.epages, "afosto": self.afosto, "text": self.message.to_json()}


@dataclass
class BothSides:
    """What the two public APIs said."""

    shop_orders: list[Order] = field(default_factory=list)
    warehouse_orders: list[AfostoOrder] = field(default_factory=list)
    afosto_skus: set[str] = field(default_factory=set)  # SKUs Afosto knows
    shop_stock: dict[str, int] = field(default_factory=dict)  # SKU -> ePages figure, where stock is managed
    available: dict[str, int] = field(default_factory=dict)  # SKU -> available in the shop's Afosto locations
    not_in_shop: set[str] = field(default_factory=set)  # ePages ids Afosto names that ePages does not have
    # Units of the other stores' orders not in Afosto yet, where they sell from the same stock (several stores).
    held_elsewhere: Counter[str] = field(default_factory=Counter)


def shop_units(order: Order) -> dict[str, Counter[str]]:
    """ePages' unit counts of one order, per counter and SKU."""
    out: dict[str, Counter[str]] = {name: Counter() for name in COUNTERS}
    for li in order.product_line_items:
        sku, c = li.sku or li.id, li.counts
        out["ordered"][sku] += li.ordered_quantity
        out["canceled"][sku] += c.canceled
        out["shipped"][sku] += c.shipped + c.delivered
        out["delivered"][sku] += c.delivered
        out["ready_for_pickup"][sku] += c.ready_for_pickup + c.picked_up
        out["picked_up"][sku] += c.picked_up
        out["returned"][sku] += c.returned
        out["broken"][sku] += c.broken
    return out


def warehouse_units(order: AfostoOrder) -> dict[str, Counter[str]]:
    """Afosto's unit counts of one order, per counter and SKU (from the units, parcels and returns)."""
    out: dict[str, Counter[str]] = {name: Counter() for name in COUNTERS}
    parcel = {p.id: p.status for p in order.parcels}
    rma = {r.item_id: r.status for r in order.rma_items}
    for unit in order.units:
        sku = unit.sku or "?"
        out["ordered"][sku] += 1
        if unit.status == OrderItemStatus.CANCELLED:
            out["canceled"][sku] += 1
        status = parcel.get(unit.parcel_id or "")
        out["shipped"][sku] += status in (ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED)
        out["delivered"][sku] += status == ParcelStatus.DELIVERED
        out["ready_for_pickup"][sku] += status in (ParcelStatus.READY_FOR_PICKUP, ParcelStatus.PICKED_UP)
        out["picked_up"][sku] += status == ParcelStatus.PICKED_UP
        out["returned"][sku] += rma.get(unit.id) == RmaItemStatus.AUTHORIZED
        out["broken"][sku] += rma.get(unit.id) == RmaItemStatus.REJECTED
    return out


def _still(order: Order) -> Counter[str]:
    """Units the shop sold in an order Afosto does not have (they hold stock back)."""
    held: Counter[str] = Counter()
    if not order.canceled:
        for li in order.product_line_items:
            if li.sku:
                held[li.sku] += li.ordered_quantity - li.counts.canceled
    return held


def held_back(both: BothSides) -> Counter[str]:
    """Units the shop sold in orders Afosto does not have: they hold the stock back (in every store that sells
    from the same locations)."""
    in_afosto = {a.epages_order_id for a in both.warehouse_orders if a.epages_order_id}
    held: Counter[str] = Counter()
    for order in both.shop_orders:
        if order.id not in in_afosto:
            held.update(_still(order))
    return held


def compare(both: BothSides) -> list[Difference]:
    """Every difference between the two sides, in the order a person would go through them."""
    out: list[Difference] = []
    copies: dict[str, list[AfostoOrder]] = {}
    for afosto in both.warehouse_orders:
        if afosto.epages_order_id:
            copies.setdefault(afosto.epages_order_id, []).append(afosto)
    held = held_back(both)
    shop_ids = set()
    for order in both.shop_orders:
        shop_ids.add(order.id)
        number = order.order_number or order.id
        theirs = copies.get(order.id, [])
        if not theirs:
            if any(not li.sku or li.sku not in both.afosto_skus for li in order.product_line_items):
                continue  # cannot be imported as it is: parked by the sync with what to do
            out.append(Difference(DifferenceKind.MISSING, number, Text(
                "Order {number} is in ePages but not in Afosto. The sync imports it at its next order check; "
                "if it stays missing, look for an attention item about this order, or start the sync.",
                number=number), order_id=order.id, order_number=number))
        elif len(theirs) > 1:
            out.append(Difference(DifferenceKind.DUPLICATE, number, Text(
                "Order {number} is in Afosto {count} times ({afosto_numbers}). A second copy of this app (on "
                "another computer, or with another data folder) may be syncing the same shop: keep only one "
                "running. Then cancel the extra Afosto orders by hand.", number=number, count=len(theirs),
                afosto_numbers=[a.number or a.id for a in theirs]), order_id=order.id, order_number=number,
                epages=1, afosto=len(theirs)))
        else:
            out.extend(_unit_differences(order, theirs[0]))
    for epages_id in sorted(set(copies) - shop_ids):
        if epages_id not in both.not_in_shop:
            continue  # an order from before the compared period
        for afosto in copies[epages_id]:
            out.append(Difference(DifferenceKind.NOT_IN_SHOP, afosto.number or afosto.id, Text(
                "Afosto order {afosto_number} refers to ePages order {order}, which the shop does not have. "
                "Check whether it was deleted in ePages; cancel the Afosto order if it must not be delivered.",
                afosto_number=afosto.number or afosto.id, order=epages_id), order_id=epages_id))
    for sku in sorted(both.shop_stock):
        if sku not in both.afosto_skus:
            continue
        shown, stock = both.shop_stock[sku], both.available.get(sku, 0)
        held[sku] = max(0, held[sku]) + max(0, both.held_elsewhere[sku])
        target = max(0, stock - held[sku])
        if shown == target:
            continue
        message = Text(
            "Stock of {sku} is {shown} in ePages but should be {target} (Afosto has {stock} available in the "
            "shop's locations, less {held} in ePages orders not in Afosto). The stock sync sets it at its next "
            "check; if it stays, check the Afosto locations that feed the shop in Settings.", sku=sku,
            shown=shown, target=target, stock=stock, held=max(0, held[sku]))
        out.append(Difference(DifferenceKind.STOCK, sku, message, sku=sku, epages=shown, afosto=target))
    return out


def _unit_differences(order: Order, afosto: AfostoOrder) -> list[Difference]:
    number = order.order_number or order.id
    mine, theirs = shop_units(order), warehouse_units(afosto)
    out = []
    for name, words in COUNTERS.items():
        for sku in sorted(set(mine[name]) | set(theirs[name])):
            here, there = mine[name][sku], theirs[name][sku]
            if here == there:
                continue
            out.append(Difference(DifferenceKind.UNITS, f"{number} {sku} {name}", Text(
                "Order {number}: {counted} units of {sku}: {shop} in ePages, {warehouse} in Afosto "
                "(Afosto order {afosto_number}). Compare the order in the ePages cockpit and in Afosto and "
                "correct the side that is wrong; the sync carries changes over, not differences that are "
                "there already.", number=number, counted=words, sku=sku, shop=here, warehouse=there,
                afosto_number=afosto.number or afosto.id), order_id=order.id, order_number=number, sku=sku, counter=name,
                epages=here, afosto=there))
    return out


async def read_both_sides(epages: EpagesClient, afosto: AfostoClient, settings: Settings, *,
                          since: dt.date | None = None) -> BothSides:
    """Both sides as their public APIs give them: the shop's orders created since ``since`` (the start
    date), the sales channel's Afosto orders of that time, stock figures and availability."""
    since = max(since or settings.start_date, settings.start_date)
    both = BothSides()
    async for page in epages.iter_order_pages(created_after=since, size=100):
        both.shop_orders.extend(page.items)
    created_after = dt.datetime.combine(since, dt.time(), dt.UTC) - dt.timedelta(days=1)
    async for orders in afosto.iter_orders(channel_id=settings.afosto_channel_id, created_after=created_after,
                                           page_size=100):
        both.warehouse_orders.extend(orders)
    for product in await epages.list_products():
        if product.is_variation_product:
            for variation in await epages.list_variations(product.id):
                if variation.sku and variation.availability and variation.availability.available_stock is not None:
                    both.shop_stock[variation.sku] = variation.availability.available_stock
        elif product.sku and product.availability and product.availability.available_stock is not None:
            both.shop_stock[product.sku] = product.availability.available_stock
    skus = set(both.shop_stock) | {li.sku for o in both.shop_orders for li in o.product_line_items if li.sku}
    available: Counter[str] = Counter()
    for row in await afosto.inventory(sorted(skus), settings.stock_locations or None):
        both.afosto_skus.add(row.sku)
        available[row.sku] += max(0, row.available)
    both.available = dict(available)
    shop_ids = {o.id for o in both.shop_orders}
    for epages_id in {a.epages_order_id for a in both.warehouse_orders if a.epages_order_id} - shop_ids:
        try:
            await epages.get_order(epages_id)  # older than the compared period, or gone from the shop
        except NotFound:
            both.not_in_shop.add(epages_id)
    return both


def leave_out_recent(both: BothSides, *, changed_after: dt.datetime) -> BothSides:
    """Orders changed in the shop after ``changed_after`` (and the stock of their SKUs) are left out: the
    running sync may be carrying them over at this very moment."""
    recent = [o for o in both.shop_orders if o.updated_at is not None and o.updated_at > changed_after]
    if not recent:
        return both
    ids = {o.id for o in recent}
    skus = {li.sku for o in recent for li in o.product_line_items if li.sku}
    return BothSides(
        shop_orders=[o for o in both.shop_orders if o.id not in ids],
        warehouse_orders=[a for a in both.warehouse_orders if a.epages_order_id not in ids],
        afosto_skus=both.afosto_skus, available=both.available, not_in_shop=both.not_in_shop,
        shop_stock={s: n for s, n in both.shop_stock.items() if s not in skus}, held_elsewhere=both.held_elsewhere)


def record(store: Store, journal: Journal, differences: Sequence[Difference]) -> tuple[int, int]:
    """Each difference becomes an attention item (new ones get a log row); items of earlier comparisons
    that are no longer found are settled. Returns (new items, settled items)."""
    found = {d.reference for d in differences}
    new = 0
    for d in differences:
        known = store.open_parked_for(PARK_AUDIT, d.reference)
        parked_id = store.park(PARK_AUDIT, d.reference, d.message, data=d.as_dict())
        if known is None:
            new += 1
            journal.system(Outcome.PARKED, d.message, epages_ref=d.reference, parked_id=parked_id)
    settled = 0
    for item in store.open_parked():
        if item.kind == PARK_AUDIT and item.reference not in found:
            settled += int(store.resolve_parked(PARK_AUDIT, item.reference))
    return new, settled


async def compare_both_systems(epages: EpagesClient, afosto: AfostoClient, settings: Settings, store: Store,
                               *, since: dt.date | None = None, changed_after: dt.datetime | None = None,
                               held_elsewhere: Mapping[str, int] | None = None) -> list[Difference]:
    """Read both sides, compare them and record what differs as attention items, with a summary row.
    ``changed_after``: leave out orders changed since then (the running sync may be at them right now).
    ``held_elsewhere``: the other stores' units not in Afosto yet, which hold this shop's stock back too."""
    both = await read_both_sides(epages, afosto, settings, since=since)
    both.held_elsewhere = Counter(held_elsewhere or {})
    if changed_after is not None:
        both = leave_out_recent(both, changed_after=changed_after)
    differences = compare(both)
    journal = Journal(store)
    record(store, journal, differences)
    journal.system(Outcome.INFO if differences else Outcome.OK, summary(differences))
    store.set_state(LAST_AUDIT, dt.datetime.now(dt.UTC).isoformat())
    return differences


def summary(differences: Iterable[Difference]) -> Text:
    counted = Counter(d.kind for d in differences)
    if not counted:
        return Text("Both systems compared: no differences.")
    return Text("Both systems compared: {n} differences ({missing} orders missing in Afosto, {twice} in Afosto "
                "more than once, {units} unit counts, {stock} stock figures, {gone} Afosto orders without a "
                "shop order).", n=sum(counted.values()), missing=counted[DifferenceKind.MISSING],
                twice=counted[DifferenceKind.DUPLICATE], units=counted[DifferenceKind.UNITS],
                stock=counted[DifferenceKind.STOCK], gone=counted[DifferenceKind.NOT_IN_SHOP])
