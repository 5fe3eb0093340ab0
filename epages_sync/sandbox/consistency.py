"""Where the two simulated systems disagree, in plain sentences: the yardstick for a sync that did its job.

Three kinds of difference: an ePages order with no Afosto order (or with more than one), per-SKU counters
of a linked pair that differ, and an online stock figure that is not what Afosto's stock says it should be.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .figures import OrderFigures


class EpagesSide(Protocol):
    def order_figures(self, since_ms: int | None = None) -> dict[str, OrderFigures]: ...
    def available_stock(self, sku: str) -> int | None: ...
    def skus(self) -> list[str]: ...


class AfostoSide(Protocol):
    def order_figures(self) -> dict[str, list[OrderFigures]]: ...
    def available_stock(self, sku: str, location_ids: Iterable[str]) -> int | None: ...


@dataclass
class Consistency:
    differences: list[str] = field(default_factory=list)
    # Orders no sync can import as they are (a SKU Afosto does not know): a person must act, so these are
    # listed apart and do not count as the sync's failure.
    cannot_sync: list[str] = field(default_factory=list)

    @property
    def in_sync(self) -> bool:
        return not self.differences

    def as_dict(self) -> dict[str, object]:
        return {"in_sync": self.in_sync, "differences": list(self.differences),
                "cannot_sync": list(self.cannot_sync)}


def _ref(fig: OrderFigures) -> str:
    return fig.order_number or fig.epages_order_id


def check_consistency(epages: EpagesSide, afosto: AfostoSide, *, stock_from: Sequence[str],
                      since_ms: int | None = None) -> Consistency:
    """Compare both sides. ``stock_from`` are the Afosto locations that feed the online shop; orders created
    before ``since_ms`` are left out (the sync never imports them)."""
    result = Consistency()
    not_imported = _orders(epages, afosto.order_figures(), afosto, stock_from, since_ms, None, result)
    _stock(epages, afosto, stock_from, not_imported, Counter(), result)
    return result


def check_stores(shops: Sequence[tuple[str, EpagesSide, str]], afosto: AfostoSide, *, stock_from: Sequence[str],
                 since_ms: int | None = None) -> dict[str, Consistency]:
    """Compare several shops (name, shop, its Afosto sales channel) with the one Afosto they share: each
    shop's orders in its own channel exactly once, and each shop's stock figure what Afosto has available
    less the units of every shop's orders Afosto does not have yet."""
    warehouse = afosto.order_figures()
    results: dict[str, Consistency] = {}
    held: dict[str, Counter[str]] = {}
    for name, epages, channel in shops:
        results[name] = Consistency()
        held[name] = _orders(epages, warehouse, afosto, stock_from, since_ms, channel, results[name])
    for name, epages, _channel in shops:
        elsewhere: Counter[str] = Counter()
        for other, units in held.items():
            if other != name:
                elsewhere.update({sku: n for sku, n in units.items() if n > 0})
        _stock(epages, afosto, stock_from, held[name], elsewhere, results[name])
    return results


def _orders(epages: EpagesSide, warehouse: Mapping[str, list[OrderFigures]], afosto: AfostoSide,
            stock_from: Sequence[str], since_ms: int | None, channel: str | None,
            result: Consistency) -> Counter[str]:
    """The order differences of one shop (with ``channel``: only Afosto orders of that sales channel are its
    own); returns the units of its orders Afosto does not have."""
    shop = epages.order_figures(since_ms)
    not_imported: Counter[str] = Counter()
    for order_id, mine in shop.items():
        found = warehouse.get(order_id, [])
        theirs = found if channel is None else [f for f in found if f.channel_id == channel]
        unknown = sorted(sku for sku in mine.ordered if afosto.available_stock(sku, stock_from) is None)
        if not theirs and found:
            channels = ", ".join(sorted({f.channel_id or "?" for f in found}))
            result.differences.append(f"Order {_ref(mine)} is in Afosto in another sales channel ({channels}).")
        elif not theirs and unknown:
            result.cannot_sync.append(f"Order {_ref(mine)} cannot be imported: {', '.join(unknown)} is unknown "
                                      "in Afosto.")
            not_imported.update(mine.ordered)
            not_imported.subtract(mine.canceled)
        elif not theirs:
            result.differences.append(f"Order {_ref(mine)} is in ePages but not in Afosto.")
            not_imported.update(mine.ordered)
            not_imported.subtract(mine.canceled)
        elif len(theirs) > 1:
            ids = ", ".join(t.afosto_order_id or "?" for t in theirs)
            result.differences.append(f"Order {_ref(mine)} is in Afosto {len(theirs)} times ({ids}).")
        else:
            result.differences.extend(mine.differences(theirs[0]))
    if since_ms is None:
        for order_id, theirs in warehouse.items():
            mine_in_channel = [t for t in theirs if channel is None or t.channel_id == channel]
            if mine_in_channel and order_id not in shop:
                result.differences.append(
                    f"Afosto order {mine_in_channel[0].afosto_order_id or '?'} refers to ePages order {order_id}, "
                    "which the shop does not have.")
    return not_imported


def _stock(epages: EpagesSide, afosto: AfostoSide, stock_from: Sequence[str], not_imported: Counter[str],
           elsewhere: Counter[str], result: Consistency) -> None:
    for sku in sorted(epages.skus()):
        online = epages.available_stock(sku)
        stock = afosto.available_stock(sku, stock_from)
        if online is None or stock is None:
            continue
        # ePages already lowered its stock for orders Afosto has not seen yet, so those are held back; so are
        # the units of the other shops' orders Afosto has not seen yet.
        target = max(0, stock - max(0, not_imported[sku]) - elsewhere[sku])
        if online != target:
            held = ""
            if not_imported[sku] > 0:
                held = f", minus {not_imported[sku]} in ePages orders not yet in Afosto"
            if elsewhere[sku] > 0:
                held += f", minus {elsewhere[sku]} in the other shops' orders not yet in Afosto"
            result.differences.append(
                f"Stock of {sku} is {online} in ePages but should be {target} (Afosto has {stock} available "
                f"in the online locations{held}).")
