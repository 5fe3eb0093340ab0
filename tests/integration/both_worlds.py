"""Both worlds counted the way a person could count them: through the public APIs (Afosto's GraphQL
ListOrders, ePages' REST orders and products) with the app's clients, not through the sandbox's insides."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from engine_rig import TEST_POLICY

from epages_sync.clients.afosto import AfostoClient
from epages_sync.clients.epages import EpagesClient
from epages_sync.config import Settings
from epages_sync.engine.audit import Difference, DifferenceKind, compare_both_systems
from epages_sync.store import Store


@dataclass
class Counted:
    shop_orders: set[str] = field(default_factory=set)  # ePages order ids since the start date
    copies: Counter[str] = field(default_factory=Counter)  # ePages order id -> Afosto orders carrying it
    stock_wrong: dict[str, tuple[int, int]] = field(default_factory=dict)  # SKU -> (shop figure, rule)
    # ePages orders no sync can import: a SKU of theirs is unknown in Afosto.
    unimportable: set[str] = field(default_factory=set)

    @property
    def duplicated(self) -> dict[str, int]:
        return {k: v for k, v in self.copies.items() if v > 1}

    @property
    def missing(self) -> set[str]:
        return {o for o in self.shop_orders if self.copies[o] == 0} - self.unimportable


async def count(settings: Settings) -> Counted:
    found = Counted()
    async with EpagesClient.from_settings(settings, "sandbox-secret", policy=TEST_POLICY) as shop, \
            AfostoClient.from_settings(settings, "sandbox-afosto-key", policy=TEST_POLICY) as warehouse:
        async for page in warehouse.iter_orders(channel_id=settings.afosto_channel_id, page_size=100):
            for order in page:
                if order.epages_order_id:
                    found.copies[order.epages_order_id] += 1
        held: Counter[str] = Counter()
        order_skus: dict[str, set[str]] = {}
        async for epage in shop.iter_order_pages(created_after=settings.start_date, size=100):
            for o in epage.items:
                found.shop_orders.add(o.id)
                order_skus[o.id] = {li.sku or "" for li in o.product_line_items}
                if found.copies[o.id] == 0 and not o.canceled:
                    for li in o.product_line_items:
                        if li.sku:
                            held[li.sku] += li.ordered_quantity - li.counts.canceled
        figures: dict[str, int] = {}
        for product in await shop.list_products():
            if product.is_variation_product:
                for v in await shop.list_variations(product.id):
                    if v.sku and v.availability and v.availability.available_stock is not None:
                        figures[v.sku] = v.availability.available_stock
            elif product.sku and product.availability and product.availability.available_stock is not None:
                figures[product.sku] = product.availability.available_stock
        every_sku = set(figures).union(*order_skus.values()) - {""}
        rows = await warehouse.inventory(sorted(every_sku), settings.stock_locations or None)
        available: Counter[str] = Counter()
        known = set()
        for row in rows:
            known.add(row.sku)
            available[row.sku] += max(0, row.available)
        found.unimportable = {o for o, skus in order_skus.items() if not skus <= known}
        for sku, shown in figures.items():
            if sku not in known:
                continue
            rule = max(0, available[sku] - max(0, held[sku]))
            if shown != rule:
                found.stock_wrong[sku] = (shown, rule)
    return found


# --- the product's comparison next to the sandbox's own verdict --------------------------------------------

_VERDICT = [
    (re.compile(r"Order (?P<ref>\S+) is in ePages but not in Afosto\."), "missing_in_afosto"),
    (re.compile(r"Order (?P<ref>\S+) is in Afosto (?P<n>\d+) times"), "in_afosto_more_than_once"),
    (re.compile(r"Order (?P<ref>\S+): (?P<counter>[a-z ]+) quantity of (?P<sku>\S+) is (?P<a>\d+) in ePages "
                r"but (?P<b>\d+) in Afosto\."), "units"),
    (re.compile(r"Afosto order \S+ refers to ePages order (?P<ref>\S+), which"), "not_in_shop"),
    (re.compile(r"Stock of (?P<sku>\S+) is (?P<a>\d+) in ePages but should be (?P<b>\d+)"), "stock"),
]


def verdict_keys(differences: list[str]) -> set[tuple[object, ...]]:
    """The sandbox's sentences as comparable keys; a sentence this does not know fails the test."""
    keys: set[tuple[object, ...]] = set()
    for sentence in differences:
        for pattern, kind in _VERDICT:
            m = pattern.match(sentence)
            if m is None:
                continue
            g = m.groupdict()
            if kind == "units":
                keys.add((kind, g["ref"], g["sku"], g["counter"].replace(" ", "_"), int(g["a"]), int(g["b"])))
            elif kind == "stock":
                keys.add((kind, g["sku"], int(g["a"]), int(g["b"])))
            elif kind == "in_afosto_more_than_once":
                keys.add((kind, g["ref"], int(g["n"])))
            else:
                keys.add((kind, g["ref"]))
            break
        else:
            raise AssertionError(f"unknown verdict sentence: {sentence}")
    return keys


def audit_keys(differences: list[Difference] | list[dict[str, Any]]) -> set[tuple[object, ...]]:
    """The product's differences (or the JSON 'epages-sync audit --json' prints) as the same keys."""
    keys: set[tuple[object, ...]] = set()
    for d in differences:
        f = d.as_dict() if isinstance(d, Difference) else d
        kind = f["kind"]
        ref = f["epages_order_id"] if kind == DifferenceKind.NOT_IN_SHOP else f["order_number"]
        if kind == DifferenceKind.UNITS:
            keys.add((kind, ref, f["sku"], f["counter"], f["epages"], f["afosto"]))
        elif kind == DifferenceKind.STOCK:
            keys.add((kind, f["sku"], f["epages"], f["afosto"]))
        elif kind == DifferenceKind.DUPLICATE:
            keys.add((kind, ref, f["afosto"]))
        else:
            keys.add((kind, ref))
    return keys


async def audit(settings: Settings, store: Store) -> list[Difference]:
    async with EpagesClient.from_settings(settings, "sandbox-secret", policy=TEST_POLICY) as shop, \
            AfostoClient.from_settings(settings, "sandbox-afosto-key", policy=TEST_POLICY) as warehouse:
        return await compare_both_systems(shop, warehouse, settings, store)


async def audit_and_verdict(r: Any) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """The product's comparison and the sandbox's verdict of the same moment, as comparable keys."""
    found = await audit(r.settings, r.store)
    return audit_keys(found), verdict_keys(r.consistency()["differences"])


_ORDER_OF = re.compile(r"^Order (\S+?):")


def unexplained(differences: list[str], parked: list[dict[str, Any]] | list[Any]) -> list[str]:
    """The differences no conflict waits for a person about: a divergence the sync left silently.

    Shop staff and the warehouse sometimes do incompatible things to one order at the same moment (ship in the
    cockpit what the warehouse cancelled); no sync can decide those, so they are parked as conflicts naming
    the order. Every other difference is the sync's failure."""
    def kind(item: Any) -> str:
        return str(item["kind"] if isinstance(item, dict) else item.kind)

    def reference(item: Any) -> str:
        return str(item["reference"] if isinstance(item, dict) else item.reference)

    conflicted = {reference(i) for i in parked if kind(i).startswith("conflict_")}
    out = []
    for difference in differences:
        match = _ORDER_OF.match(difference)
        if match is None or match.group(1) not in conflicted:
            out.append(difference)
    return out
