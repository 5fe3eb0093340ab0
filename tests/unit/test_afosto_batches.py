"""Mutations of one kind sent together: one GraphQL request with aliases, against the Afosto simulator.

GraphQL runs the root fields of a mutation one after the other; a field that fails is null with an error
whose path names its alias, and the others stand. The client hands each alias's result back on its own.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from epages_sync.clients.afosto import (
    AfostoClient,
    batch_document,
    create_order_variables,
    first_inventory_read,
    first_orders_read,
)
from epages_sync.clients.afosto_models import AfostoOrder, NewCustomer, NewOrder, NewOrderLine
from epages_sync.errors import NotFound, SyncError, ValidationFailed
from epages_sync.sandbox.afosto import AfostoWorld
from epages_sync.sandbox.seed import build_world


@pytest.fixture
def world() -> AfostoWorld:
    return AfostoWorld(build_world(7), clock=lambda: 1_760_000_000.0)


@pytest.fixture
async def client(world: AfostoWorld):
    app = Starlette(routes=[Route("/graphql", world.handle_graphql, methods=["POST"])])
    async with AfostoClient("http://afosto.test/graphql", AfostoWorld.API_KEY,
                            transport=httpx.ASGITransport(app=app)) as afosto:
        yield afosto


def new_order(world: AfostoWorld, epages_id: str, *, channel_id: str | None = None) -> NewOrder:
    return NewOrder(channel_id=channel_id or world.seed_world.default_channel.channel_id, currency="EUR",
                    country_code="DE", customer=NewCustomer(email=f"{epages_id}@example.com"),
                    meta_data={"epages_order_id": epages_id})


def lines(world: AfostoWorld, sku: str | None = None, quantity: int = 2) -> list[NewOrderLine]:
    sku = sku or next(iter(world.ledger.catalogue))
    return [NewOrderLine(sku=sku, quantity=quantity, unit_price=Decimal("9.95"))]


def test_a_batch_document_aliases_each_copy_and_names_its_variables_apart() -> None:
    document = batch_document("CreateOrder", 3)
    assert document.startswith("mutation CreateOrderBatch($input_0: CreateOrderInput!, "
                               "$input_1: CreateOrderInput!, $input_2: CreateOrderInput!)")
    for i in range(3):
        assert f"a{i}: createOrder(input: $input_{i})" in document
    assert document.count("fragment OrderState on Order") == 1


async def test_a_refused_order_in_the_middle_of_a_batch_leaves_the_others_created(
        client: AfostoClient, world: AfostoWorld) -> None:
    orders = [new_order(world, "ep-1"), new_order(world, "ep-2", channel_id="no-such-channel"),
              new_order(world, "ep-3")]
    results = await client.create_orders(orders)
    assert world.requests_by_operation == {"CreateOrderBatch": 1}
    first, refused, third = results
    assert isinstance(first, AfostoOrder) and isinstance(third, AfostoOrder)
    assert isinstance(refused, ValidationFailed) and refused.field == "channel_id"
    # Run in the order sent: the numbers follow each other, the refused one took none.
    assert int(third.number) == int(first.number) + 1
    assert [o.meta_data["epages_order_id"] for o in world.ledger.orders] == ["ep-1", "ep-3"]


async def test_one_unknown_sku_refuses_the_lines_of_its_order_alone(client: AfostoClient,
                                                                   world: AfostoWorld) -> None:
    created = await client.create_orders([new_order(world, f"ep-{i}") for i in range(3)])
    ids = [o.id for o in created if isinstance(o, AfostoOrder)]
    results = await client.add_items_to_orders([(ids[0], lines(world)), (ids[1], lines(world, "NO-SUCH-SKU")),
                                                (ids[2], lines(world, quantity=3))])
    assert isinstance(results[1], ValidationFailed) and results[1].field == "items.sku"
    assert [len(r.units) for r in results if isinstance(r, AfostoOrder)] == [2, 3]
    assert [len(world.ledger.orders_by_id[i].items) for i in ids] == [2, 0, 3]


async def test_an_unknown_order_in_a_batch_is_not_found_for_that_order_only(client: AfostoClient,
                                                                          world: AfostoWorld) -> None:
    [order] = await client.create_orders([new_order(world, "ep-1")])
    assert isinstance(order, AfostoOrder)
    results = await client.add_items_to_orders([("missing-order", lines(world)), (order.id, lines(world))])
    assert isinstance(results[0], NotFound)
    assert isinstance(results[1], AfostoOrder) and len(results[1].units) == 2


async def test_a_batch_over_the_size_limit_is_halved_and_nothing_is_created_twice(
        client: AfostoClient, world: AfostoWorld) -> None:
    orders = [new_order(world, f"ep-{i}") for i in range(10)]

    def body_size(count: int) -> int:
        variables = {f"input_{i}": create_order_variables(o) for i, o in enumerate(orders[:count])}
        return len(json.dumps({"query": batch_document("CreateOrder", count), "variables": variables,
                               "operationName": "CreateOrderBatch"}))

    world.max_request_bytes = (body_size(5) + body_size(6)) // 2  # room for five orders, not for six
    client.batch_size = 16
    results = await client.create_orders(orders)
    assert all(isinstance(r, AfostoOrder) for r in results)
    assert sorted(o.meta_data["epages_order_id"] for o in world.ledger.orders) == sorted(
        f"ep-{i}" for i in range(10))
    assert client.batch_size == 5  # the ten orders did not fit, twice five did; it stays there
    assert world.requests_by_operation == {"too large": 1, "CreateOrderBatch": 2}


async def test_input_refused_for_the_whole_request_is_narrowed_to_the_order_at_fault(
        client: AfostoClient, world: AfostoWorld) -> None:
    """Variables are checked before anything runs: a bad one refuses the whole request. The client splits
    the batch until the refused input stands alone, so the others are still created, once."""
    bad = new_order(world, "ep-2").model_copy(update={"currency": "E"})
    results = await client.create_orders([new_order(world, "ep-1"), bad, new_order(world, "ep-3"),
                                          new_order(world, "ep-4")])
    assert isinstance(results[1], ValidationFailed)
    assert [isinstance(r, AfostoOrder) for r in results] == [True, False, True, True]
    assert sorted(o.meta_data["epages_order_id"] for o in world.ledger.orders) == ["ep-1", "ep-3", "ep-4"]


async def test_a_failure_of_the_whole_request_raises_instead_of_blaming_each_order(world: AfostoWorld) -> None:
    app = Starlette(routes=[Route("/graphql", world.handle_graphql, methods=["POST"])])
    async with AfostoClient("http://afosto.test/graphql", "wrong-key",
                            transport=httpx.ASGITransport(app=app)) as afosto:
        with pytest.raises(SyncError) as raised:
            await afosto.create_orders([new_order(world, "ep-1"), new_order(world, "ep-2")])
    assert "API key" in str(raised.value)
    assert world.ledger.orders == []


async def test_the_simulator_runs_aliased_mutations_in_order_and_keeps_what_ran_before_a_failure(
        world: AfostoWorld) -> None:
    """Straight GraphQL, without the client: the second addItemsToOrder fails, the first and third stand,
    the error's path is the alias."""
    channel = world.seed_world.default_channel.channel_id
    sku = next(iter(world.ledger.catalogue))
    document = """
        mutation Three($c: CreateOrderInput!) {
          first: createOrder(input: $c) { order { id number } }
          second: createOrder(input: {channel_id: "nope", currency: "EUR"}) { order { id } }
          third: createOrder(input: $c) { order { id number } }
        }"""
    answer: dict[str, Any] = await world.execute(document, {"c": {"channel_id": channel, "currency": "EUR"}})
    assert answer["data"]["second"] is None
    assert [e["path"] for e in answer["errors"]] == [["second"]]
    assert answer["errors"][0]["extensions"] == {"code": "VALIDATION_ERROR", "field": "channel_id"}
    numbers = [answer["data"][k]["order"]["number"] for k in ("first", "third")]
    assert int(numbers[1]) == int(numbers[0]) + 1
    add = """
        mutation Add($a: AddItemsToOrderInput!, $b: AddItemsToOrderInput!) {
          x: addItemsToOrder(input: $a) { order { id } }
          y: addItemsToOrder(input: $b) { order { id } }
        }"""
    first_id = answer["data"]["first"]["order"]["id"]
    answer = await world.execute(add, {
        "a": {"order_id": first_id, "items": [{"sku": "NO-SUCH", "quantity": 1, "price": 100}]},
        "b": {"order_id": first_id, "items": [{"sku": sku, "quantity": 1, "price": 100}]}})
    assert answer["data"]["x"] is None and answer["data"]["y"] is not None
    assert [e["path"] for e in answer["errors"]] == [["x"]]
    assert len(world.ledger.orders_by_id[first_id].items) == 1


async def test_queries_read_ahead_together_are_answered_once_each_from_that_request(
        client: AfostoClient, world: AfostoWorld) -> None:
    await client.create_orders([new_order(world, "ep-1")])
    sku = next(iter(world.ledger.catalogue))
    orders_read = first_orders_read(channel_id=world.seed_world.default_channel.channel_id, page_size=100)
    stock_read = first_inventory_read([sku])
    assert stock_read is not None
    world.requests_by_operation.clear()
    await client.read_ahead([orders_read, stock_read])
    assert world.requests_by_operation == {"ListOrdersAndInventory": 1}
    pages = [page async for page in client.iter_orders(channel_id=world.seed_world.default_channel.channel_id,
                                                       page_size=100)]
    rows = await client.inventory([sku])
    assert [o.meta_data["epages_order_id"] for o in pages[0]] == ["ep-1"] and rows and rows[0].sku == sku
    assert world.requests_by_operation == {"ListOrdersAndInventory": 1}
    # Each answer is handed out once: the same read again goes to Afosto.
    await client.inventory([sku])
    assert world.requests_by_operation == {"ListOrdersAndInventory": 1, "Inventory": 1}


async def test_queries_of_a_refused_read_ahead_are_asked_again_on_their_own(client: AfostoClient,
                                                                          world: AfostoWorld) -> None:
    """A root field that cannot be null and fails takes the whole answer's data with it (as GraphQL
    answers): nothing is kept, each read goes to Afosto again and gets its own answer."""
    sku = next(iter(world.ledger.catalogue))
    bad = first_inventory_read([sku], ["no-such-location"])
    good = first_inventory_read([sku])
    assert bad is not None and good is not None
    await client.read_ahead([bad, good])
    with pytest.raises(ValidationFailed):
        await client.inventory([sku], ["no-such-location"])
    await client.inventory([sku])
    assert world.requests_by_operation == {"InventoryAndInventory": 1, "Inventory": 2}
