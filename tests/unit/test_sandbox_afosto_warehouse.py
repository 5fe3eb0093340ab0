"""The Afosto sandbox's warehouse at work on imported orders, the per-order figures it reports, determinism,
and the cost of a simple read."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from epages_sync.clients.afosto import load_document
from epages_sync.sandbox.afosto import AfostoWorld
from epages_sync.sandbox.seed import build_world

T0 = 1_760_000_000.0


async def run(world: AfostoWorld, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
    answer = await world.execute(load_document(operation), variables, operation)
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


async def import_order(world: AfostoWorld, epages_id: str, lines: list[tuple[str, int]], *,
                       pickup_at: str | None = None) -> str:
    seed = world.seed_world
    delivery = ({"pickup_point": {"location_id": pickup_at}} if pickup_at
                else {"address": {"country_code": "DE"}})
    created = await run(world, "CreateOrder", {"input": {
        "channel_id": seed.default_channel.channel_id, "currency": "EUR", "delivery": delivery,
        "meta_data": {"epages_order_id": epages_id, "epages_order_number": epages_id.upper()}}})
    order_id = created["createOrder"]["order"]["id"]
    await run(world, "AddItemsToOrder", {"input": {"order_id": order_id, "items": [
        {"sku": sku, "quantity": quantity, "price": 1000} for sku, quantity in lines]}})
    return order_id


async def busy_world(seed: int = 3) -> AfostoWorld:
    clock = [T0]

    def tick() -> float:
        clock[0] += 0.25
        return clock[0]

    world = AfostoWorld(build_world(seed), clock=tick)
    store = world.seed_world.afosto_locations[2].location_id
    await import_order(world, "ep-a", [("CF-1001", 2), ("CF-1002", 1)])
    await import_order(world, "ep-b", [("ST-S-BLA", 3)])
    await import_order(world, "ep-c", [("CF-1003", 1)], pickup_at=store)
    await import_order(world, "ep-d", [("KB-RED", 1), ("CF-1009", 4)])
    return world


def steps(world: AfostoWorld, rng: random.Random, count: int) -> list[str]:
    return [s for s in (world.warehouse_step(rng) for _ in range(count)) if s]


async def test_the_warehouse_settles_every_unit_of_imported_orders() -> None:
    world = await busy_world()
    said = steps(world, random.Random(11), 400)
    assert any("shipped" in s for s in said) and any("delivered" in s for s in said)
    assert any("ready for pickup" in s for s in said) and any("picked up" in s for s in said)

    for epages_id, (figures,) in world.order_figures().items():
        for sku, ordered in figures.ordered.items():
            # Every unit is either cancelled or has left (shipped, or handed over at the store).
            assert figures.canceled[sku] + figures.shipped[sku] + figures.picked_up[sku] == ordered, epages_id
            assert figures.delivered[sku] <= figures.shipped[sku]
            came_back = figures.returned[sku] + figures.broken[sku]
            assert came_back <= figures.shipped[sku] + figures.picked_up[sku]
    for order in world.snapshot()["orders"]:
        for parcel in order["parcels"]:
            if order["delivery"]["type"] == "ADDRESS":
                assert parcel["tracking_code"] and parcel["tracking_url"].startswith("https://")
            else:
                assert parcel["status"] in ("READY_FOR_PICKUP", "PICKED_UP")


async def test_customer_returns_wait_as_pending_until_the_warehouse_decides() -> None:
    world = await busy_world()
    for n in range(12):  # only some units ever come back, so give the customers plenty
        await import_order(world, f"ep-r{n}", [("CF-1004", 2), ("KB-NAV", 2)])
    rng = random.Random(11)
    seen_pending: set[str] = set()
    for _ in range(600):
        world.warehouse_step(rng)
        seen_pending |= {r.id for r in world.ledger.rma_by_id.values() if r.status == "PENDING"}
    decided = [rma for rma in (world.ledger.rma_by_id[r] for r in sorted(seen_pending))
               if rma.status != "PENDING"]
    assert decided, "no return request was decided in 600 steps"
    figures = [f for fs in world.order_figures().values() for f in fs]
    assert sum(sum(f.returned.values()) + sum(f.broken.values()) for f in figures) == sum(
        1 for r in world.ledger.rma_by_id.values() if r.status != "PENDING")
    for rma in decided:
        order = world.ledger.orders_by_id[rma.order_id]
        assert order.actions == []  # staff take a return through every step
        assert world.ledger.items_by_id[rma.item_id].status == "RETURNED"


async def test_the_same_seed_and_steps_give_the_same_world() -> None:
    first, second, other = await busy_world(), await busy_world(), await busy_world()
    said_first = steps(first, random.Random(21), 250)
    said_second = steps(second, random.Random(21), 250)
    steps(other, random.Random(22), 250)
    assert said_first == said_second
    assert first.snapshot() == second.snapshot()
    assert other.snapshot() != first.snapshot()


async def test_with_no_orders_the_warehouse_only_receives_stock() -> None:
    world = AfostoWorld(build_world(1), clock=lambda: T0)
    locations = [loc.location_id for loc in world.seed_world.afosto_locations]
    skus = [i.sku for i in world.seed_world.afosto_items()]
    before = sum(world.available_stock(sku, locations) or 0 for sku in skus)
    said = world.warehouse_step(random.Random(1))
    assert said and "received" in said
    received = int(said.split(" received ")[1].split(" x ")[0])
    assert sum(world.available_stock(sku, locations) or 0 for sku in skus) == before + received


async def test_two_afosto_orders_for_one_epages_order_show_as_a_duplicate() -> None:
    world = AfostoWorld(build_world(1), clock=lambda: T0)
    first = await import_order(world, "ep-dup", [("CF-1001", 1)])
    second = await import_order(world, "ep-dup", [("CF-1001", 1)])
    await import_order(world, "ep-single", [("CF-1002", 2)])
    figures = world.order_figures()
    assert [f.afosto_order_id for f in figures["ep-dup"]] == [first, second]
    assert [(f.order_number, f.ordered) for f in figures["ep-single"]] == [("EP-SINGLE", {"CF-1002": 2})]


async def test_a_snapshot_is_plain_json() -> None:
    import json

    world = await busy_world()
    steps(world, random.Random(5), 50)
    snapshot = world.snapshot()
    assert json.loads(json.dumps(snapshot)) == snapshot
    assert {o["meta_data"]["epages_order_id"] for o in snapshot["orders"]} == {"ep-a", "ep-b", "ep-c", "ep-d"}


@pytest.mark.parametrize("orders", [2000])
async def test_a_simple_read_costs_microseconds_beyond_graphql_core(orders: int) -> None:
    world = AfostoWorld(build_world(1), clock=lambda: T0)
    for n in range(orders):
        world.ledger.create_order({"channel_id": world.seed_world.default_channel.channel_id,
                                   "currency": "EUR", "meta_data": {"epages_order_id": f"ep-{n}"}})
    ids = [o.id for o in world.ledger.orders]
    page = world.api.orders(first=10)
    started = time.process_time()
    for order_id in ids:
        world.api.order(order_id)
        info = page["pageInfo"]
        page = world.api.orders(first=10, after=info["endCursor"] if info["hasNextPage"] else None)
    per_call = (time.process_time() - started) / (2 * orders)
    # Lookups by id and cursor pages must not scan all orders: far below the 1 ms budget.
    assert per_call < 0.0002

    query = load_document("GetOrder")
    assert world.api.document(query) is world.api.document(query)  # parsed and validated once
