"""The consistency check finds each kind of disagreement between the two simulated systems, in plain words.

First against hand-made figures (every kind of difference on its own), then against the real Afosto
simulator, importing ePages orders through its GraphQL API the way the sync will.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

import httpx

from epages_sync.clients.afosto import load_document
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.consistency import check_consistency
from epages_sync.sandbox.figures import OrderFigures
from epages_sync.sandbox.seed import random_customer


def figures(order_id: str, number: str | None = None, afosto_id: str | None = None, **counters: dict[str, int]
            ) -> OrderFigures:
    fig = OrderFigures(order_id, order_number=number, afosto_order_id=afosto_id)
    for name, values in counters.items():
        getattr(fig, name).update(values)
    return fig


class Shop:
    def __init__(self, orders: dict[str, OrderFigures], stock: dict[str, int | None]) -> None:
        self.orders, self.stock = orders, stock

    def order_figures(self, since_ms: int | None = None) -> dict[str, OrderFigures]:
        return dict(self.orders)

    def available_stock(self, sku: str) -> int | None:
        return self.stock.get(sku)

    def skus(self) -> list[str]:
        return list(self.stock)


class Warehouse:
    def __init__(self, orders: dict[str, list[OrderFigures]], stock: dict[str, dict[str, int]]) -> None:
        self.orders, self.stock = orders, stock

    def order_figures(self) -> dict[str, list[OrderFigures]]:
        return self.orders

    def available_stock(self, sku: str, location_ids: Iterable[str]) -> int | None:
        per_location = self.stock.get(sku)
        return None if per_location is None else sum(per_location.get(loc, 0) for loc in location_ids)


def test_agreeing_sides_are_in_sync() -> None:
    shop = Shop({"e1": figures("e1", "10001", ordered={"A": 2}, shipped={"A": 2})}, {"A": 5})
    warehouse = Warehouse({"e1": [figures("e1", "10001", "a1", ordered={"A": 2}, shipped={"A": 2})]},
                          {"A": {"wh1": 3, "wh2": 2, "store": 9}})
    result = check_consistency(shop, warehouse, stock_from=["wh1", "wh2"])
    assert result.in_sync and result.as_dict() == {"in_sync": True, "differences": [], "cannot_sync": []}


def test_each_kind_of_difference_is_named() -> None:
    shop = Shop({
        "e1": figures("e1", "10001", ordered={"A": 2}),  # not imported
        "e2": figures("e2", "10002", ordered={"A": 1}),  # imported twice
        "e3": figures("e3", "10003", ordered={"B": 3}, canceled={"B": 1}, shipped={"B": 2}),
    }, {"A": 4, "B": 7, "C": None})
    warehouse = Warehouse({
        "e2": [figures("e2", "10002", "a2"), figures("e2", "10002", "a2b")],
        "e3": [figures("e3", "10003", "a3", ordered={"B": 3}, canceled={"B": 1}, shipped={"B": 1})],
        "e9": [figures("e9", "10009", "a9", ordered={"A": 1})],
    }, {"A": {"wh": 10}, "B": {"wh": 7}, "C": {"wh": 3}})
    differences = check_consistency(shop, warehouse, stock_from=["wh"]).differences
    assert "Order 10001 is in ePages but not in Afosto." in differences
    assert "Order 10002 is in Afosto 2 times (a2, a2b)." in differences
    assert "Order 10003: shipped quantity of B is 2 in ePages but 1 in Afosto." in differences
    assert any("Afosto order a9 refers to ePages order e9" in d for d in differences)
    # A is held back by the 2 items of order 10001 that Afosto has not seen: 10 - 2 = 8, not 4.
    assert ("Stock of A is 4 in ePages but should be 8 (Afosto has 10 available in the online locations, "
            "minus 2 in ePages orders not yet in Afosto).") in differences
    assert not any("Stock of B" in d or "Stock of C" in d for d in differences)  # B agrees, C is not counted
    assert len(differences) == 5


def test_stock_target_never_goes_below_zero_and_ignores_skus_on_one_side() -> None:
    shop = Shop({"e1": figures("e1", "10001", ordered={"A": 5}, canceled={"A": 1})}, {"A": 0, "Z": 3})
    warehouse = Warehouse({}, {"A": {"wh": 3}})
    result = check_consistency(shop, warehouse, stock_from=["wh"])
    assert result.differences == ["Order 10001 is in ePages but not in Afosto."]  # 3 - 4 held back -> 0


# -- against the real Afosto simulator ------------------------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.now = 1_760_000_000.0

    def __call__(self) -> float:
        return self.now


async def import_into_afosto(client: httpx.AsyncClient, sandbox: Sandbox, order_id: str) -> str:
    """What the sync does for a new ePages order: createOrder with the ePages reference, then the lines."""
    order = sandbox.epages.by_id[order_id]
    headers = {"Authorization": f"Bearer {sandbox.afosto.API_KEY}"}
    create = load_document("CreateOrder")
    add = load_document("AddItemsToOrder")
    r = await client.post("/graphql", headers=headers, json={"query": create, "variables": {"input": {
        "channel_id": sandbox.world.default_channel.channel_id, "currency": "EUR",
        "country_code": order.customer.country,
        "meta_data": {"epages_order_id": order.order_id, "epages_order_number": order.number}}}})
    body = r.json()
    assert "errors" not in body, body
    afosto_id = body["data"]["createOrder"]["order"]["id"]
    items = [{"sku": li.sku, "quantity": li.initial_quantity, "price": int(li.unit_price * 100)}
             for li in order.lines]
    r = await client.post("/graphql", headers=headers,
                          json={"query": add,
                                "variables": {"input": {"order_id": afosto_id, "items": items}}})
    assert "errors" not in r.json(), r.json()
    return str(afosto_id)


async def test_the_real_simulators_disagree_until_orders_are_imported_and_stock_is_pushed() -> None:
    sandbox = Sandbox(seed=1, orders=8, clock=FakeClock())
    epages = sandbox.epages
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sb") as client:
        state = (await client.get("/_sandbox/state")).json()
        assert state["consistency"]["in_sync"] is False
        missing = [d for d in state["consistency"]["differences"]
                   if d.endswith("is in ePages but not in Afosto.")]
        cannot = state["consistency"]["cannot_sync"]
        # Orders with the ePages-only SKU are listed apart: no sync can import them as they are.
        assert len(missing) + len(cannot) == 8 and all("EP-ONLY-1" in c for c in cannot)
        rng = random.Random(9)
        plain = epages.place_order(random_customer(rng), [("CF-1003", 1), ("ST-M-BLA", 2)])
        canceled = epages.place_order(random_customer(rng), [("CF-1004", 2)])
        await import_into_afosto(client, sandbox, plain.order_id)
        differences = sandbox.consistency().differences
        assert f"Order {plain.number} is in ePages but not in Afosto." not in differences
        assert not any(d.startswith(f"Order {plain.number}") for d in differences)
        await import_into_afosto(client, sandbox, plain.order_id)
        assert any(d.startswith(f"Order {plain.number} is in Afosto 2 times")
                   for d in sandbox.consistency().differences)
        epages.cancel_order(canceled.order_id)
        await import_into_afosto(client, sandbox, canceled.order_id)
        sku = canceled.lines[0].sku
        assert any(d.startswith(f"Order {canceled.number}: canceled quantity of {sku}")
                   for d in sandbox.consistency().differences)

        # Push stock as the sync would: Afosto's available stock over the feeding locations, minus what
        # ePages orders not yet in Afosto hold.
        feeding = sandbox.world.feeding_location_ids
        figures_now = epages.order_figures()
        in_afosto = sandbox.afosto.order_figures()
        held: Counter[str] = Counter()
        for order_id, fig in figures_now.items():
            if order_id not in in_afosto:
                held.update(fig.ordered)
                held.subtract(fig.canceled)
        for sku in epages.skus():
            online, stock = epages.available_stock(sku), sandbox.afosto.available_stock(sku, feeding)
            if online is None or stock is None:
                continue
            target = max(0, stock - held[sku])
            epages.catalogue.adjust(epages.catalogue.by_sku[sku], target - online, epages.now_ms())
        assert not any(d.startswith("Stock of") for d in sandbox.consistency().differences)

        sandbox.afosto.receive_stock("CF-1003", feeding[0], 7)
        stock_lines = [d for d in sandbox.consistency().differences if d.startswith("Stock of")]
        assert len(stock_lines) == 1 and stock_lines[0].startswith("Stock of CF-1003 is ")
        # Counted from the shop's stores instead, the figures disagree differently: the choice is the query's.
        stores = [loc.location_id for loc in sandbox.world.afosto_locations if loc.type == "STORE"]
        r = await client.get("/_sandbox/state", params={"stock_from": ",".join(stores)})
        assert r.json()["consistency"]["differences"] != sandbox.consistency().differences


async def test_since_leaves_out_orders_the_sync_never_imports() -> None:
    clock = FakeClock()
    sandbox = Sandbox(seed=1, orders=5, clock=clock)
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sb") as client:
        clock.now += 86_400 * 2
        sandbox.epages.place_random_order(random.Random(3))
        newest = sandbox.epages.orders[-1]
        r = await client.get("/_sandbox/state", params={"since": "2025-10-10"})  # after the seeded history
        missing = [d for d in r.json()["consistency"]["differences"] if "not in Afosto" in d]
        assert missing == [f"Order {newest.number} is in ePages but not in Afosto."]
        r = await client.get("/_sandbox/state", params={"since": "last tuesday"})
        assert r.status_code == 400
