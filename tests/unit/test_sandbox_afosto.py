"""The Afosto simulator over HTTP, driven by the project's own operation documents: auth, paging, order
import, refusals with Afosto's codes and fields, cancel / parcel / return flows and stock reservations."""

from __future__ import annotations

import pathlib
import uuid
from typing import Any

import httpx
import pytest
from graphql import (
    ArgumentNode,
    ObjectFieldNode,
    OperationDefinitionNode,
    VariableNode,
    parse,
    validate,
    visit,
)
from graphql.language import Visitor
from starlette.applications import Starlette
from starlette.routing import Route

import epages_sync.clients
from epages_sync.clients.afosto import load_document
from epages_sync.sandbox.afosto import AfostoWorld, afosto_schema
from epages_sync.sandbox.seed import build_world

OPS_DIR = pathlib.Path(epages_sync.clients.__file__).parent / "afosto_ops"
OPERATIONS = ("ConnectionTest", "ListChannels", "ListLocations", "CreateOrder", "AddItemsToOrder",
              "CancelOrderItems", "ApproveOrderItems", "RestockOrderItems", "FinishOrderItems",
              "ReceiveOrderItems", "AddTrackTraceToItems", "SetParcelStatus", "GetOrder", "ListOrders",
              "Inventory", "CreateOrderBrief", "AddTrackTraceToItemsBrief", "SetParcelStatusBrief")
T0 = 1_760_000_000.0  # a fixed "now" in seconds; Afosto answers in milliseconds


class Afosto:
    """Calls the simulator over HTTP the way the client does: one document per operation, variables only."""

    def __init__(self, client: httpx.AsyncClient, world: AfostoWorld) -> None:
        self.client = client
        self.world = world
        self.seed = world.seed_world

    async def call(self, operation: str, variables: dict[str, Any] | None = None, *,
                   key: str | None = AfostoWorld.API_KEY) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        response = await self.client.post("/graphql", headers=headers, json={
            "query": load_document(operation), "variables": variables,
            "operationName": operation})
        assert response.status_code == 200  # Afosto answers 200 even for errors
        return response.json()

    async def data(self, operation: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.call(operation, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]

    async def refusal(self, operation: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.call(operation, variables)
        assert body.get("errors"), body
        return body["errors"][0]["extensions"]

    async def import_order(self, lines: list[tuple[str, int, int]], *, pickup_at: str | None = None,
                           epages_id: str = "ep-1", number: str = "1001") -> dict[str, Any]:
        delivery = ({"pickup_point": {"location_id": pickup_at}} if pickup_at else
                    {"address": {"country_code": "DE", "locality": "Hamburg", "thoroughfare": "Lange Reihe",
                                 "premise_number": "12", "postal_code": "20099"}})
        created = await self.data("CreateOrder", {"input": {
            "channel_id": self.seed.default_channel.channel_id, "currency": "EUR", "country_code": "DE",
            "customer": {"contact": {"email": "anna@example.com", "given_name": "Anna"}, "reference": number},
            "delivery": delivery, "fees": {"shipping": 495, "payment": 150},
            "meta_data": {"epages_order_id": epages_id, "epages_order_number": number}}})
        order_id = created["createOrder"]["order"]["id"]
        await self.data("AddItemsToOrder", {"input": {"order_id": order_id, "items": [
            {"sku": sku, "quantity": quantity, "price": cents} for sku, quantity, cents in lines]}})
        return await self.order(order_id)

    async def move(self, parcel_id: str, status: str) -> dict[str, Any]:
        return await self.call("SetParcelStatus", {"input": {"parcel_id": parcel_id, "status": status}})

    async def order(self, order_id: str) -> dict[str, Any]:
        return with_units((await self.data("GetOrder", {"id": order_id}))["order"])

    def available(self, sku: str, location_id: str) -> int:
        found = self.world.available_stock(sku, [location_id])
        assert found is not None
        return found


@pytest.fixture
def clock() -> list[float]:
    return [T0]


@pytest.fixture
def world(clock: list[float]) -> AfostoWorld:
    return AfostoWorld(build_world(7), clock=lambda: clock[0])


@pytest.fixture
async def afosto(world: AfostoWorld):
    app = Starlette(routes=[Route("/graphql", world.handle_graphql, methods=["POST"])])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://afosto.test") as client:
        yield Afosto(client, world)


def with_units(order: dict[str, Any]) -> dict[str, Any]:
    """An order as Afosto answers it (aggregated lines under "items"), with its units under "items" for the
    checks below and the lines kept under "lines"."""
    units = [{"id": d["id"], "sku": line["sku"], "quantity": 1, "status": d["status"],
              "price": d["pricing"]["amount"], "meta_data": d["meta_data"]}
             for line in order["items"] for d in line["details"]]
    assert [u["id"] for u in units] == [i for line in order["items"] for i in line["ids"]]
    return {**order, "lines": order["items"], "items": units}


def refused(field: str) -> dict[str, str]:
    return {"code": "VALIDATION_ERROR", "field": field}


def _feeding_warehouse_with_most(world: AfostoWorld, sku: str) -> str:
    seed = world.seed_world
    return max(seed.feeding_location_ids, key=lambda loc: world.available_stock(sku, [loc]) or 0)


# -- the documents ---------------------------------------------------------------------------------------

def test_the_operation_documents_are_exactly_the_expected_files() -> None:
    assert sorted(p.stem for p in OPS_DIR.glob("*.graphql")) == sorted([*OPERATIONS, "OrderState.fragment", "PackedParcel.fragment"])


@pytest.mark.parametrize("operation", OPERATIONS)
def test_every_document_fits_the_schema_and_uses_variables_only(operation: str) -> None:
    document = parse(load_document(operation))
    assert validate(afosto_schema(), document) == []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert [o.name.value for o in operations if o.name] == [operation]  # the client calls it by file name

    literals: list[str] = []

    class FindLiterals(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
            if not isinstance(node.value, VariableNode):
                literals.append(node.name.value)

        def enter_object_field(self, node: ObjectFieldNode, *_: Any) -> None:
            if not isinstance(node.value, VariableNode):
                literals.append(node.name.value)

    visit(document, FindLiterals())
    assert literals == []


# -- transport and errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("key", [None, "wrong-key", "sandbox-afosto-key-old"])
async def test_a_missing_or_wrong_key_is_refused_and_nothing_is_written(afosto: Afosto,
                                                                        key: str | None) -> None:
    body = await afosto.call("CreateOrder", {"input": {
        "channel_id": afosto.seed.default_channel.channel_id, "currency": "EUR"}}, key=key)
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHORIZED"
    assert afosto.world.snapshot()["orders"] == []


async def test_basic_auth_with_the_right_key_is_still_refused(afosto: Afosto) -> None:
    response = await afosto.client.post("/graphql", headers={"Authorization": "Basic sandbox-afosto-key"},
                                        json={"query": "{ channels { edges { cursor } } }"})
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHORIZED"


async def test_broken_and_unfitting_documents_get_their_own_codes(afosto: Afosto) -> None:
    headers = {"Authorization": f"Bearer {AfostoWorld.API_KEY}"}
    broken = await afosto.client.post("/graphql", headers=headers, json={"query": "query { channels { "})
    unfitting = await afosto.client.post("/graphql", headers=headers,
                                         json={"query": "query { channels { edges { node { colour } } } }"})
    not_json = await afosto.client.post("/graphql", headers=headers, content=b"{nope")
    assert broken.status_code == unfitting.status_code == not_json.status_code == 200
    assert broken.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    assert unfitting.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "colour" in unfitting.json()["errors"][0]["message"]
    assert not_json.json()["errors"][0]["extensions"] == refused("body")


async def test_requests_are_counted_per_operation(afosto: Afosto) -> None:
    await afosto.call("ConnectionTest")
    await afosto.call("ConnectionTest", key="wrong")
    await afosto.call("ListChannels")
    assert afosto.world.requests_by_operation == {"ConnectionTest": 2, "ListChannels": 1}


async def test_an_unknown_order_id_is_not_found(afosto: Afosto) -> None:
    body = await afosto.call("GetOrder", {"id": str(uuid.uuid4())})
    assert body["data"] == {"order": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert body["errors"][0]["path"] == ["order"]


# -- paging ----------------------------------------------------------------------------------------------

async def test_channels_page_with_cursors_until_the_last(afosto: Afosto) -> None:
    names, after, pages = [], None, 0
    while True:
        page = (await afosto.data("ListChannels", {"first": 1, "after": after}))["channels"]
        pages += 1
        names += [e["node"]["name"] for e in page["edges"]]
        assert [e["node"]["pricing"]["currency"] for e in page["edges"]] == ["EUR"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == [c.name for c in afosto.seed.channels]
    assert pages == len(afosto.seed.channels)


async def test_connection_test_reads_the_first_sales_channel(afosto: Afosto) -> None:
    edges = (await afosto.data("ConnectionTest"))["channels"]["edges"]
    assert [e["node"]["id"] for e in edges] == [afosto.seed.default_channel.channel_id]


async def test_locations_list_warehouses_and_stores(afosto: Afosto) -> None:
    nodes = [e["node"] for e in (await afosto.data("ListLocations"))["locations"]["edges"]]
    assert [(n["id"], n["type"]) for n in nodes] == [(loc.location_id, loc.type)
                                                     for loc in afosto.seed.afosto_locations]
    assert nodes[0]["address"]["locality"] == "Venlo"


async def test_orders_page_by_ten_and_refuse_pages_over_a_hundred(afosto: Afosto, clock: list[float]) -> None:
    ids = []
    for n in range(12):
        clock[0] = T0 + n
        created = await afosto.data("CreateOrder", {"input": {
            "channel_id": afosto.seed.default_channel.channel_id, "currency": "EUR",
            "meta_data": {"epages_order_id": f"ep-{n}"}}})
        ids.append(created["createOrder"]["order"]["id"])

    first = (await afosto.data("ListOrders"))["orders"]
    assert [e["node"]["id"] for e in first["edges"]] == ids[:10]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = (await afosto.data("ListOrders", {"after": first["pageInfo"]["endCursor"]}))["orders"]
    assert [e["node"]["id"] for e in rest["edges"]] == ids[10:]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][-1]["cursor"]}

    assert await afosto.refusal("ListOrders", {"first": 101}) == refused("first")
    assert await afosto.refusal("ListOrders", {"after": "not-a-cursor"}) == refused("after")


async def test_orders_page_backwards_from_the_newest(afosto: Afosto) -> None:
    channel_id = afosto.seed.default_channel.channel_id
    ids = [(await afosto.data("CreateOrder", {"input": {"channel_id": channel_id, "currency": "EUR"}})
            )["createOrder"]["order"]["id"] for _ in range(5)]
    query = "query($last: Int, $before: String) { orders(last: $last, before: $before) { " \
            "edges { node { id } } pageInfo { hasPreviousPage hasNextPage startCursor } } }"
    newest = (await afosto.world.execute(query, {"last": 2}))["data"]["orders"]
    assert [e["node"]["id"] for e in newest["edges"]] == ids[3:]
    assert (newest["pageInfo"]["hasPreviousPage"], newest["pageInfo"]["hasNextPage"]) == (True, False)
    before = (await afosto.world.execute(query, {"last": 2, "before": newest["pageInfo"]["startCursor"]}))
    assert [e["node"]["id"] for e in before["data"]["orders"]["edges"]] == ids[1:3]


async def test_orders_filter_by_ids_channel_and_creation_time(afosto: Afosto, clock: list[float]) -> None:
    ids = []
    for n, channel in enumerate([afosto.seed.channels[0], afosto.seed.channels[1], afosto.seed.channels[0]]):
        clock[0] = T0 + 60 * n
        created = await afosto.data("CreateOrder", {"input": {"channel_id": channel.channel_id,
                                                              "currency": "EUR"}})
        ids.append(created["createOrder"]["order"]["id"])

    async def found(filters: dict[str, Any]) -> list[str]:
        page = (await afosto.data("ListOrders", {"filters": filters}))["orders"]
        return [e["node"]["id"] for e in page["edges"]]

    assert await found({"id": {"values": [ids[2], ids[0], str(uuid.uuid4())]}}) == [ids[0], ids[2]]
    assert await found({"channel_id": {"values": [afosto.seed.channels[1].channel_id]}}) == [ids[1]]
    t0_ms = int(T0 * 1000)
    assert await found({"created_at": {"gte": t0_ms + 60_000}}) == ids[1:]
    assert await found({"created_at": {"gt": t0_ms, "lt": t0_ms + 120_000}}) == [ids[1]]


# -- importing an order ----------------------------------------------------------------------------------

async def test_an_imported_order_reads_back_with_meta_data_cents_and_millisecond_times(
        afosto: Afosto, clock: list[float]) -> None:
    meta = {"epages_order_id": "5f3c-ep", "epages_order_number": "10042",
            "note": {"gift": True, "tags": ["a"]}}
    created = await afosto.data("CreateOrder", {"input": {
        "channel_id": afosto.seed.default_channel.channel_id, "currency": "EUR", "country_code": "NL",
        "customer": {"contact": {"email": "jan@example.com"}, "reference": "10042"},
        "delivery": {"address": {"country_code": "NL", "premise_number": 150}},
        "fees": {"shipping": 495, "payment": 150}, "meta_data": meta}})
    order = created["createOrder"]["order"]
    assert order["status"] == "CONCEPT"
    assert order["meta_data"] == meta
    assert order["created_at"] == int(T0 * 1000)

    clock[0] = T0 + 2.5
    added = with_units((await afosto.data("AddItemsToOrder", {"input": {"order_id": order["id"], "items": [
        {"sku": "CF-1001", "quantity": 2, "price": 1990, "meta_data": {"epages_line_item_id": "li-1"}},
        {"sku": "CF-1003", "quantity": 1, "price": 1200}]}}))["addItemsToOrder"]["order"])
    # One line per SKU and price, with one unit id and one detail per unit.
    assert [(li["sku"], li["quantity"], len(li["ids"])) for li in added["lines"]] == [
        ("CF-1001", 2, 2), ("CF-1003", 1, 1)]
    units = added["items"]
    assert [(u["sku"], u["quantity"], u["price"]) for u in units] == [
        ("CF-1001", 1, 1990), ("CF-1001", 1, 1990), ("CF-1003", 1, 1200)]
    assert len({u["id"] for u in units}) == 3  # each unit with its own id
    assert units[0]["meta_data"] == {"epages_line_item_id": "li-1"}

    read = await afosto.order(order["id"])
    assert read["status"] == "OPEN"
    assert read["meta_data"] == meta
    assert read["number"] == order["number"]
    assert read["updated_at"] == int((T0 + 2.5) * 1000) > read["created_at"]
    assert [(kind, [f["total"] for f in fees]) for kind, fees in read["fees"].items()] == [
        ("shipping", [495]), ("payment", [150])]
    assert read["subtotal"] == 5180 and read["total"] == 5180 + 495 + 150
    assert read["customer"] == {"reference": "10042"}
    assert read["delivery"] == {"pickup_point": None}
    assert [i["id"] for i in read["items"]] == [u["id"] for u in units]


async def test_an_unknown_sku_is_refused_with_its_field_and_nothing_is_added(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1001", 1, 1990)])
    before = afosto.world.snapshot()["stock"]
    refusal = await afosto.refusal("AddItemsToOrder", {"input": {"order_id": order["id"], "items": [
        {"sku": "CF-1002", "quantity": 1, "price": 849},
        {"sku": "EP-ONLY-1", "quantity": 1, "price": 2500}]}})
    assert refusal == refused("items.sku")
    assert [i["sku"] for i in (await afosto.order(order["id"]))["items"]] == ["CF-1001"]
    assert afosto.world.snapshot()["stock"] == before


async def test_another_currency_or_channel_is_refused_with_its_field(afosto: Afosto) -> None:
    channel_id = afosto.seed.default_channel.channel_id
    for channel, currency, field in [(channel_id, "USD", "currency"), (channel_id, "euro", "currency"),
                                     (str(uuid.uuid4()), "EUR", "channel_id")]:
        order = {"input": {"channel_id": channel, "currency": currency}}
        assert await afosto.refusal("CreateOrder", order) == refused(field)
    assert afosto.world.snapshot()["orders"] == []


async def test_a_price_that_is_not_whole_cents_is_refused(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1001", 1, 1990)])
    refusal = await afosto.refusal("AddItemsToOrder", {"input": {"order_id": order["id"], "items": [
        {"sku": "CF-1002", "quantity": 1, "price": 8.49}]}})
    assert refusal == refused("items.price")


# -- cancellations ---------------------------------------------------------------------------------------

async def test_a_cancellation_steps_through_approval_and_finish(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1004", 2, 3495)])
    unit = order["items"][0]
    contra = str(uuid.uuid4())
    steps = {"input": {"order_id": order["id"], "items": [{"item_id": contra}]}}

    cancelled = (await afosto.data("CancelOrderItems", {"input": {
        "order_id": order["id"], "items": [{"item_id": unit["id"], "contra_item_id": contra}]}}))
    after_cancel = with_units(cancelled["cancelOrderItems"]["order"])
    assert after_cancel["actions"] == ["HANDLE_APPROVAL"]
    assert [i["status"] for i in after_cancel["items"]] == ["CANCELLED", "OPEN"]

    assert await afosto.refusal("FinishOrderItems", steps) == refused("items.item_id")
    approved = (await afosto.data("ApproveOrderItems", steps))["approveOrderItems"]["order"]
    assert approved["actions"] == ["HANDLE_FINISH"]
    assert approved["updated_at"] > after_cancel["updated_at"]  # moves on even when the clock stands still
    # Nothing left the shelf, so there is nothing to restock.
    assert await afosto.refusal("RestockOrderItems", steps) == refused("items.item_id")
    finished = (await afosto.data("FinishOrderItems", steps))["finishOrderItems"]["order"]
    assert finished["actions"] == []
    assert finished["contra_items"] == [{"id": contra, "item_id": unit["id"], "type": "CANCELLATION",
                                         "step": "FINISHED"}]
    figures = afosto.world.order_figures()["ep-1"][0]
    assert figures.canceled == {"CF-1004": 1}
    assert figures.ordered == {"CF-1004": 2}


async def test_the_same_cancel_repeated_cancels_only_once(afosto: Afosto, clock: list[float]) -> None:
    order = await afosto.import_order([("CF-1005", 1, 5900)])
    unit = order["items"][0]
    location = (await afosto.world.execute("query($id: String!) { order(id: $id) { items { details { inventory { "
                                           "location_id } } } } }", {"id": order["id"]}))
    location_id = location["data"]["order"]["items"][0]["details"][0]["inventory"]["location_id"]
    reserved = afosto.available(unit["sku"], location_id)
    cancel = {"input": {"order_id": order["id"],
                        "items": [{"item_id": unit["id"], "contra_item_id": str(uuid.uuid4())}]}}

    first = (await afosto.data("CancelOrderItems", cancel))["cancelOrderItems"]["order"]
    clock[0] += 10
    again = (await afosto.data("CancelOrderItems", cancel))["cancelOrderItems"]["order"]
    assert len(again["contra_items"]) == 1
    assert again["updated_at"] == first["updated_at"]  # nothing changed
    assert afosto.available(unit["sku"], location_id) == reserved + 1  # released once

    other_contra = {"input": {"order_id": order["id"],
                              "items": [{"item_id": unit["id"], "contra_item_id": str(uuid.uuid4())}]}}
    assert await afosto.refusal("CancelOrderItems", other_contra) == refused("items.item_id")
    assert afosto.world.order_figures()["ep-1"][0].canceled == {"CF-1005": 1}


async def test_a_packed_item_can_no_longer_be_cancelled(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1001", 1, 1990)])
    unit_id = order["items"][0]["id"]
    await afosto.data("AddTrackTraceToItems", {"input": {"items": [unit_id], "tracking_code": "3S1"}})
    refusal = await afosto.refusal("CancelOrderItems", {"input": {
        "order_id": order["id"], "items": [{"item_id": unit_id, "contra_item_id": str(uuid.uuid4())}]}})
    assert refusal == refused("items.item_id")


# -- parcels ---------------------------------------------------------------------------------------------

async def test_a_parcel_goes_pending_in_transit_delivered_and_stock_leaves(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1002", 2, 849)])
    units = [i["id"] for i in order["items"]]
    warehouse = _feeding_warehouse_with_most(afosto.world, "CF-1002")
    total_before = afosto.world.ledger.stock[("CF-1002", warehouse)].on_hand

    parcel = (await afosto.data("AddTrackTraceToItems", {"input": {
        "items": units[:1], "tracking_code": "3SABC123",
        "tracking_url": "https://track.example.com/3SABC123"}}))["addTrackTraceToItems"]["parcel"]
    assert parcel["status"] == "PENDING"
    assert parcel["items"] == [{"item_id": units[0], "quantity": 1}]

    # One unit cannot be in two parcels.
    assert await afosto.refusal("AddTrackTraceToItems", {"input": {"items": units}}) == refused("items")
    for wrong in ("DELIVERED", "READY_FOR_PICKUP"):
        assert (await afosto.move(parcel["id"], wrong))["errors"][0]["extensions"] == refused("status")

    available_before = afosto.world.available_stock("CF-1002", [warehouse])
    await afosto.move(parcel["id"], "IN_TRANSIT")
    assert afosto.world.ledger.stock[("CF-1002", warehouse)].on_hand == total_before - 1
    # The reservation became a deduction: what is for sale does not drop a second time.
    assert afosto.world.available_stock("CF-1002", [warehouse]) == available_before
    assert afosto.world.order_figures()["ep-1"][0].shipped == {"CF-1002": 1}

    await afosto.move(parcel["id"], "DELIVERED")
    again = await afosto.move(parcel["id"], "DELIVERED")
    assert "errors" not in again  # a retry of the same move is harmless
    read = await afosto.order(order["id"])
    assert [(p["status"], p["tracking_code"], p["tracking_url"]) for p in read["parcels"]] == [
        ("DELIVERED", "3SABC123", "https://track.example.com/3SABC123")]
    assert read["status"] == "OPEN"  # the second unit is still to ship
    figures = afosto.world.order_figures()["ep-1"][0]
    assert (figures.shipped, figures.delivered) == ({"CF-1002": 1}, {"CF-1002": 1})


async def test_a_pickup_order_reserves_at_its_store_and_is_readied_then_picked_up(afosto: Afosto) -> None:
    store = afosto.seed.afosto_locations[2].location_id
    for_sale = afosto.available("CF-1003", store)
    order = await afosto.import_order([("CF-1003", 1, 1200)], pickup_at=store)
    assert order["delivery"] == {"pickup_point": {"id": store}}
    assert afosto.available("CF-1003", store) == max(0, for_sale - 1)

    parcel = (await afosto.data("AddTrackTraceToItems", {"input": {"items": [order["items"][0]["id"]]}}
                                ))["addTrackTraceToItems"]["parcel"]
    assert (await afosto.move(parcel["id"], "IN_TRANSIT"))["errors"][0]["extensions"] == refused("status")
    await afosto.move(parcel["id"], "READY_FOR_PICKUP")
    assert afosto.world.order_figures()["ep-1"][0].ready_for_pickup == {"CF-1003": 1}
    done = await afosto.move(parcel["id"], "PICKED_UP")
    assert done["data"]["setParcelStatus"]["order"]["status"] == "CLOSED"
    figures = afosto.world.order_figures()["ep-1"][0]
    assert (figures.ready_for_pickup, figures.picked_up) == ({"CF-1003": 1}, {"CF-1003": 1})
    assert figures.shipped == {}


# -- returns ---------------------------------------------------------------------------------------------

async def _delivered(afosto: Afosto, lines: list[tuple[str, int, int]]) -> dict[str, Any]:
    order = await afosto.import_order(lines)
    packed = await afosto.data("AddTrackTraceToItems", {"input": {
        "items": [i["id"] for i in order["items"]], "tracking_code": "3SRET"}})
    for status in ("IN_TRANSIT", "DELIVERED"):
        await afosto.move(packed["addTrackTraceToItems"]["parcel"]["id"], status)
    return await afosto.order(order["id"])


async def test_a_return_is_accepted_or_rejected_and_only_accepted_units_are_restocked(afosto: Afosto) -> None:
    order = await _delivered(afosto, [("CF-1006", 2, 4450)])
    assert order["status"] == "CLOSED"
    good, broken = order["items"]
    location_id = afosto.world.ledger.items_by_id[good["id"]].location_id
    on_hand = afosto.world.ledger.stock[("CF-1006", location_id)].on_hand
    good_contra, broken_contra = str(uuid.uuid4()), str(uuid.uuid4())

    received = (await afosto.data("ReceiveOrderItems", {"input": {"order_id": order["id"], "items": [
        {"item_id": good["id"], "contra_item_id": good_contra, "outcome": "ACCEPTED"},
        {"item_id": broken["id"], "contra_item_id": broken_contra, "outcome": "REJECTED",
         "reason": "DEFECTIVE"}]}}
    ))["receiveOrderItems"]["order"]
    received = with_units(received)
    assert received["status"] == "OPEN"  # a return reopens the order
    assert [(r["item_id"], r["status"]) for r in received["rma_items"]] == [
        (good["id"], "AUTHORIZED"), (broken["id"], "REJECTED")]
    assert [i["status"] for i in received["items"]] == ["RETURNED", "RETURNED"]
    assert received["actions"] == ["HANDLE_APPROVAL"]

    both = {"input": {"order_id": order["id"],
                      "items": [{"item_id": good_contra}, {"item_id": broken_contra}]}}
    approved = (await afosto.data("ApproveOrderItems", both))["approveOrderItems"]["order"]
    assert approved["actions"] == ["HANDLE_RESTOCK", "HANDLE_FINISH"]
    assert await afosto.refusal("FinishOrderItems", both) == refused("items.item_id")
    assert (await afosto.refusal("RestockOrderItems", {"input": {
        "order_id": order["id"], "items": [{"item_id": broken_contra}]}}))["code"] == "VALIDATION_ERROR"
    await afosto.data("RestockOrderItems", {"input": {"order_id": order["id"],
                                                      "items": [{"item_id": good_contra}]}})
    assert afosto.world.ledger.stock[("CF-1006", location_id)].on_hand == on_hand + 1
    finished = (await afosto.data("FinishOrderItems", both))["finishOrderItems"]["order"]
    assert (finished["actions"], finished["status"]) == ([], "CLOSED")

    figures = afosto.world.order_figures()["ep-1"][0]
    assert (figures.returned, figures.broken) == ({"CF-1006": 1}, {"CF-1006": 1})


async def test_a_return_repeated_with_its_contra_id_is_received_once(afosto: Afosto) -> None:
    order = await _delivered(afosto, [("CF-1006", 1, 4450)])
    receive = {"input": {"order_id": order["id"], "items": [
        {"item_id": order["items"][0]["id"], "contra_item_id": str(uuid.uuid4()), "outcome": "ACCEPTED"}]}}
    await afosto.data("ReceiveOrderItems", receive)
    again = (await afosto.data("ReceiveOrderItems", receive))["receiveOrderItems"]["order"]
    assert len(again["rma_items"]) == len(again["contra_items"]) == 1


async def test_a_unit_that_never_left_cannot_be_returned(afosto: Afosto) -> None:
    order = await afosto.import_order([("CF-1001", 1, 1990)])
    refusal = await afosto.refusal("ReceiveOrderItems", {"input": {"order_id": order["id"], "items": [
        {"item_id": order["items"][0]["id"], "contra_item_id": str(uuid.uuid4()), "outcome": "ACCEPTED"}]}})
    assert refusal == refused("items.item_id")


# -- stock -----------------------------------------------------------------------------------------------

async def test_items_reserve_stock_at_the_fullest_feeding_warehouse_and_a_cancel_releases_it(
        afosto: Afosto) -> None:
    world = afosto.world
    feeding = afosto.seed.feeding_location_ids
    online = world.available_stock("CF-1008", feeding)
    fullest = _feeding_warehouse_with_most(world, "CF-1008")
    assert online and online >= 3

    order = await afosto.import_order([("CF-1008", 3, 1575)])
    assert world.available_stock("CF-1008", feeding) == online - 3
    assert all(world.ledger.items_by_id[i["id"]].location_id in feeding for i in order["items"])
    assert world.ledger.items_by_id[order["items"][0]["id"]].location_id == fullest

    inventory = (await afosto.data("Inventory", {"filters": {"skus": ["CF-1008", "NO-SUCH-SKU"],
                                                             "location_ids": feeding}}))["inventory"]
    assert sum(e["node"]["available"] for e in inventory["edges"]) == online - 3
    assert {e["node"]["sku"] for e in inventory["edges"]} == {"CF-1008"}

    await afosto.data("CancelOrderItems", {"input": {"order_id": order["id"], "items": [
        {"item_id": i["id"], "contra_item_id": str(uuid.uuid4())} for i in order["items"]]}})
    assert world.available_stock("CF-1008", feeding) == online


async def test_available_stock_never_goes_below_zero(afosto: Afosto) -> None:
    world = afosto.world
    store = afosto.seed.afosto_locations[3].location_id
    on_shelf = afosto.available("CF-1002", store)
    await afosto.import_order([("CF-1002", on_shelf + 2, 849)], pickup_at=store)
    assert afosto.available("CF-1002", store) == 0
    world.receive_stock("CF-1002", store, 1)
    assert afosto.available("CF-1002", store) == 0  # the backordered units take the delivery first
    world.receive_stock("CF-1002", store, 5)
    assert afosto.available("CF-1002", store) == 4


async def test_unknown_skus_and_locations_in_stock_questions(afosto: Afosto) -> None:
    world = afosto.world
    assert world.available_stock("EP-ONLY-1", afosto.seed.feeding_location_ids) is None
    with pytest.raises(ValueError):
        world.receive_stock("EP-ONLY-1", afosto.seed.feeding_location_ids[0], 3)
    unknown_location = {"filters": {"location_ids": [str(uuid.uuid4())]}}
    assert await afosto.refusal("Inventory", unknown_location) == refused("filters.location_ids")


async def test_orders_changed_since_a_moment_are_found_by_the_updated_at_filter(afosto: Afosto,
                                                                                 clock: list[float]) -> None:
    clock[0] = T0
    old = await afosto.import_order([("CF-1001", 1, 1990)], epages_id="ep-old", number="1")
    clock[0] = T0 + 60
    new = await afosto.import_order([("CF-1002", 1, 849)], epages_id="ep-new", number="2")
    since = int((T0 + 30) * 1000)
    found = (await afosto.data("ListOrders", {"filters": {"updated_at": {"gt": since}}}))["orders"]
    assert [e["node"]["id"] for e in found["edges"]] == [new["id"]]
    # A change to the old order brings it into the window.
    clock[0] = T0 + 90
    parcel = await afosto.data("AddTrackTraceToItems", {"input": {"items": [old["items"][0]["id"]],
                                                                  "tracking_code": "T1"}})
    assert parcel["addTrackTraceToItems"]["parcel"]["status"] == "PENDING"
    found = (await afosto.data("ListOrders", {"filters": {"updated_at": {"gt": since}}}))["orders"]
    assert {e["node"]["id"] for e in found["edges"]} == {old["id"], new["id"]}
