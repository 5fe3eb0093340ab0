"""Several stores selling from the same Afosto stock: a unit sold in one shop lowers every other shop's figure
before the order reaches Afosto, concurrent orders for the last units never leave a shop showing stock that is
gone, and a store that cannot answer never stops the others (nor lets them oversell)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import pytest
from engine_rig import StoresRig, stores_rig

from epages_sync.engine.audit import DifferenceKind
from epages_sync.sandbox.seed import random_customer

pytestmark = pytest.mark.timeout(300)

SKU = "CF-1001"  # a simple product, stock managed, known on both sides


def set_afosto_available(r: StoresRig, sku: str, units: int) -> None:
    """The warehouse has ``units`` of the SKU available in the online locations (the first one holds them)."""
    ledger = r.sandbox.afosto.ledger  # type: ignore[attr-defined]
    with r.sandbox.lock:
        for n, location in enumerate(r.sandbox.world.feeding_location_ids):
            row = ledger._stock_row(sku, location)
            row.on_hand = row.reserved + (units if n == 0 else 0)


def shop_figure(r: StoresRig, name: str, sku: str = SKU) -> int | None:
    with r.sandbox.lock:
        return r.stores[name].shop.epages.available_stock(sku)


def buy(r: StoresRig, name: str, units: int, seed: int) -> str:
    with r.sandbox.lock:
        order = r.stores[name].shop.epages.place_order(random_customer(random.Random(seed)), [(SKU, units)])
    return str(order.order_id)


def in_afosto(r: StoresRig, order_id: str) -> bool:
    with r.sandbox.lock:
        return order_id in r.sandbox.afosto.epages_order_ids()


def log_texts(r: StoresRig, name: str) -> list[str]:
    return [str(row.message) for row in r.stores[name].store.log_after(0, limit=10_000)]


@pytest.fixture
def two_shops() -> Iterator[StoresRig]:
    with stores_rig(("shop-a", "shop-b"), seed=5, orders=0) as r:
        yield r


def pushed_figures(r: StoresRig) -> dict[str, list[int | None]]:
    """Record each shop's figure of SKU after every stock change the sync sends it."""
    seen: dict[str, list[int | None]] = {name: [] for name in r.stores}
    for name, one in r.stores.items():
        catalogue = one.shop.epages.catalogue
        adjust = catalogue.adjust

        def recorded(product: Any, amount: object, now_ms: int, *, _adjust: Any = adjust,
                     _name: str = name) -> None:
            _adjust(product, amount, now_ms)
            if product.sku == SKU:
                seen[_name].append(product.available_stock)

        catalogue.adjust = recorded
    return seen


async def close_all(r: StoresRig) -> None:
    await r.engines.close()


async def test_a_unit_sold_in_one_shop_lowers_the_others_figure_before_it_reaches_afosto(
        two_shops: StoresRig) -> None:
    r = two_shops
    set_afosto_available(r, SKU, 1)
    await r.settle(2)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 1

    order_id = buy(r, "shop-a", 1, seed=1)
    assert shop_figure(r, "shop-a") == 0
    # Only shop B's engine checks its stock: shop A's order is not imported yet.
    await r.stores["shop-b"].service.push_round()
    assert not in_afosto(r, order_id)
    assert shop_figure(r, "shop-b") == 0, "the last unit, sold in shop A, is still for sale in shop B"
    # Shop B's own comparison of both systems agrees: its figure follows the rule across the stores.
    compared = await r.stores["shop-b"].service.compare_both_systems()
    assert [d.as_dict() for d in compared if d.kind == DifferenceKind.STOCK] == []

    await r.settle()
    assert in_afosto(r, order_id)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 0
    for name, found in r.consistency().items():
        assert found["consistency"]["differences"] == [], name
    await close_all(r)


async def test_concurrent_orders_for_the_last_units_never_leave_a_shop_showing_them(two_shops: StoresRig) -> None:
    r = two_shops
    set_afosto_available(r, SKU, 2)
    await r.settle(2)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 2
    seen = pushed_figures(r)

    # Both customers buy at the same moment, before either engine has looked: the last two units.
    a_order, b_order = buy(r, "shop-a", 1, seed=2), buy(r, "shop-b", 1, seed=3)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 1
    # Both engines check their stock at once, before either order reaches Afosto.
    await asyncio.gather(r.stores["shop-a"].service.push_round(), r.stores["shop-b"].service.push_round())
    assert not in_afosto(r, a_order) and not in_afosto(r, b_order)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 0, "a unit sold in the other shop is for sale"
    for _ in range(3):
        await asyncio.gather(r.stores["shop-a"].service.run_once(), r.stores["shop-b"].service.run_once())

    assert in_afosto(r, a_order) and in_afosto(r, b_order)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 0
    # Not once did the sync put a unit that is gone back on sale, nor a figure below zero.
    assert all(figure == 0 for figures in seen.values() for figure in figures), seen
    for name, found in r.consistency().items():
        assert found["consistency"]["differences"] == [], name
    await close_all(r)


async def test_more_ordered_than_there_is_ends_at_zero_in_both_shops(two_shops: StoresRig) -> None:
    r = two_shops
    set_afosto_available(r, SKU, 2)
    await r.settle(2)
    seen = pushed_figures(r)
    # Both shops showed 2, and both sold 2: two units more than there are.
    a_order, b_order = buy(r, "shop-a", 2, seed=4), buy(r, "shop-b", 2, seed=5)
    await asyncio.gather(r.stores["shop-a"].service.push_round(), r.stores["shop-b"].service.push_round())
    for _ in range(3):
        await asyncio.gather(r.stores["shop-a"].service.run_once(), r.stores["shop-b"].service.run_once())
    assert in_afosto(r, a_order) and in_afosto(r, b_order)
    assert shop_figure(r, "shop-a") == shop_figure(r, "shop-b") == 0
    assert all(figure == 0 for figures in seen.values() for figure in figures), seen
    await close_all(r)


async def test_a_store_that_stops_answering_counts_with_its_last_reading(two_shops: StoresRig) -> None:
    r = two_shops
    set_afosto_available(r, SKU, 5)
    await r.settle(2)
    assert shop_figure(r, "shop-b") == 5
    buy(r, "shop-a", 2, seed=6)
    await r.stores["shop-b"].service.push_round()  # shop A answers: its 2 units count
    assert shop_figure(r, "shop-b") == 3

    r.sandbox.revoke_client("sandbox-client", store="shop-a")
    set_afosto_available(r, SKU, 8)  # goods arrive
    await r.stores["shop-b"].service.push_round()
    assert shop_figure(r, "shop-b") == 6, "shop A's last reading (2 units) must still count"
    assert any("The orders of store shop-a could not be read for the stock figures" in t
               for t in log_texts(r, "shop-b"))
    await close_all(r)


async def test_a_store_that_never_answered_holds_the_figures_that_would_go_up() -> None:
    with stores_rig(("shop-a", "shop-b"), seed=5, orders=0) as r:
        set_afosto_available(r, SKU, 5)
        with r.sandbox.lock:
            product = r.stores["shop-b"].shop.epages.catalogue.by_sku[SKU]
            product.stock = 1  # shop B shows too little: the sync would raise it to 5
        r.sandbox.revoke_client("sandbox-client", store="shop-a")

        service_a, service_b = r.stores["shop-a"].service, r.stores["shop-b"].service
        with pytest.raises(Exception, match=r"(?i)token|credential|client|auth"):
            await service_a.run_once()
        await service_b.run_once()  # shop B syncs on: its orders, its other figures
        assert shop_figure(r, "shop-b") == 1, "raised while shop A's orders were unknown"
        assert any("Stock of" in t and "not raised yet: store shop-a" in t for t in log_texts(r, "shop-b"))

        r.sandbox.restore_client("sandbox-client", store="shop-a")
        await r.settle()
        assert shop_figure(r, "shop-b") == 5
        assert any("The orders of store shop-a are read again" in t for t in log_texts(r, "shop-b"))
        for name, found in r.consistency().items():
            assert found["consistency"]["differences"] == [], name
        await r.engines.close()
