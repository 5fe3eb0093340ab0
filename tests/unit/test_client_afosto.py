"""The Afosto client: errors in a 200 answer, retries, Relay paging, exact cents and milliseconds."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import httpx
import pytest
import respx

from epages_sync.clients.afosto import AfostoClient, OperationMismatch, load_document
from epages_sync.clients.afosto_models import (
    AfostoAddress,
    NewCustomer,
    NewOrder,
    NewOrderLine,
    cents_to_decimal,
    datetime_to_ms,
    decimal_to_cents,
    ms_to_datetime,
)
from epages_sync.clients.http import HttpPolicy, ManualClock, OutcomeUnknown
from epages_sync.errors import (
    AuthenticationError,
    MissingScope,
    NotFound,
    RateLimited,
    SyncError,
    Unavailable,
    ValidationFailed,
)

URL = "https://afosto.test/graphql"


def err(code: str, message: str = "nope", field: str | None = None) -> httpx.Response:
    ext = {"code": code, **({"field": field} if field else {})}
    return httpx.Response(200, json={"errors": [{"message": message, "extensions": ext}]})


def data(payload: dict) -> httpx.Response:
    return httpx.Response(200, json={"data": payload})


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def client(clock: ManualClock):
    c = AfostoClient(URL, "afosto-key-123456", clock=clock, policy=HttpPolicy(max_attempts=3))
    yield c
    await c.aclose()


@pytest.mark.parametrize("code,expected", [
    ("UNAUTHORIZED", AuthenticationError), ("FORBIDDEN", MissingScope), ("NOT_FOUND", NotFound),
    ("VALIDATION_ERROR", ValidationFailed), ("GRAPHQL_VALIDATION_FAILED", OperationMismatch),
    ("SOMETHING_NEW", SyncError)])
@respx.mock
async def test_error_codes_become_the_project_errors(code, expected, client) -> None:
    respx.post(URL).mock(return_value=err(code, "refused", field="items.sku"))
    with pytest.raises(expected) as exc:
        await client.execute("GetOrder", {"id": "x"})
    assert type(exc.value) is expected
    if expected is ValidationFailed:
        assert exc.value.field == "items.sku"
    assert "afosto-key-123456" not in str(exc.value)


@respx.mock
async def test_rate_limited_backs_off_then_continues(client, clock) -> None:
    route = respx.post(URL).mock(side_effect=[err("RATE_LIMITED"), err("RATE_LIMITED"),
                                              data({"channels": {"edges": []}})])
    assert await client.connection_test()
    assert route.call_count == 3
    assert len(clock.sleeps) == 2 and clock.sleeps[1] > clock.sleeps[0] * 0.9


@respx.mock
async def test_still_rate_limited_after_all_attempts_is_rate_limited(client) -> None:
    respx.post(URL).mock(return_value=err("RATE_LIMITED"))
    with pytest.raises(RateLimited):
        await client.connection_test()


@respx.mock
async def test_a_server_failure_is_retried_for_reads_but_not_for_a_new_order(client) -> None:
    route = respx.post(URL).mock(side_effect=[err("INTERNAL_SERVER_ERROR"), data({"order": {"id": "a1"}})])
    assert (await client.get_order("a1")).id == "a1"
    assert route.call_count == 2

    route.mock(side_effect=[err("INTERNAL_SERVER_ERROR"), data({"createOrder": {"order": {"id": "a2"}}})])
    with pytest.raises(OutcomeUnknown):
        await client.create_order(NewOrder(channel_id="c1", currency="EUR"))
    assert route.call_count == 3  # one more, not two

    # Cancelling with the same contra ids again changes nothing, so it is repeated.
    route.mock(side_effect=[err("INTERNAL_SERVER_ERROR"),
                            data({"cancelOrderItems": {"order": {"id": "a1"}}})])
    await client.cancel_order_items("a1", [("i1", "c1")])
    assert route.call_count == 5

    respx.post(URL).mock(return_value=err("INTERNAL_SERVER_ERROR"))
    with pytest.raises(Unavailable):
        await client.list_channels()


@respx.mock
async def test_documents_go_out_as_written_with_variables_and_the_key_as_bearer(client) -> None:
    route = respx.post(URL).mock(return_value=data({"createOrder": {"order": {
        "id": "a1", "number": 1042, "status": "CONCEPT", "created_at": 1714000000123,
        "meta_data": {"epages_order_id": "e1"}}}}))
    new = NewOrder(
        channel_id="c1", currency="EUR", country_code="DE",
        customer=NewCustomer(email="anna@example.com", given_name="Anna", family_name="Müller",
                             organisation="Kaffee GmbH", reference="10001"),
        billing_address=AfostoAddress(country_code="DE", locality="Hamburg", thoroughfare="Lange Reihe",
                                      premise_number="12"),
        pickup_location_id="loc-hh", meta_data={"epages_order_id": "e1", "epages_order_number": "10001"},
        shipping_fee=Decimal("4.95"), payment_fee=Decimal("0"))
    made = await client.create_order(new)
    sent = route.calls[0].request
    assert sent.headers["Authorization"] == "Bearer afosto-key-123456"
    body = json.loads(sent.content)
    assert body["query"] == load_document("CreateOrder") and body["operationName"] == "CreateOrder"
    assert body["variables"]["input"] == {
        "channel_id": "c1", "currency": "EUR", "country_code": "DE",
        "customer": {"contact": {"email": "anna@example.com", "given_name": "Anna", "family_name": "Müller"},
                     "organisation": {"name": "Kaffee GmbH"}, "reference": "10001"},
        "billing": {"address": {"country_code": "DE", "locality": "Hamburg", "thoroughfare": "Lange Reihe",
                                "premise_number": "12"}},
        "delivery": {"pickup_point": {"location_id": "loc-hh"}},
        "meta_data": {"epages_order_id": "e1", "epages_order_number": "10001"},
        "fees": {"shipping": 495, "payment": 0}}
    assert made.number == "1042" and made.epages_order_id == "e1"
    assert made.created_at == dt.datetime(2024, 4, 24, 23, 6, 40, 123000, tzinfo=dt.UTC)


@respx.mock
async def test_order_lines_are_sent_in_cents_and_answered_in_decimal(client) -> None:
    route = respx.post(URL).mock(return_value=data({"addItemsToOrder": {
        "order": {"id": "a1", "status": "OPEN", "actions": [], "updated_at": 1},
        "items": [{"id": f"u{i}", "sku": "CF-1001", "quantity": 1, "status": "OPEN", "price": 1990}
                  for i in range(2)]}}))
    order, units = await client.add_items_to_order(
        "a1", [NewOrderLine(sku="CF-1001", quantity=2, unit_price=Decimal("19.90"), label="Beans")])
    assert json.loads(route.calls[0].request.content)["variables"]["input"] == {
        "order_id": "a1", "items": [{"sku": "CF-1001", "quantity": 2, "price": 1990, "label": "Beans"}]}
    assert [u.price for u in units] == [Decimal("19.90"), Decimal("19.90")]
    assert order.status == "OPEN"
    with pytest.raises(ValueError):
        await client.add_items_to_order("a1", [NewOrderLine(sku="X", quantity=1,
                                                            unit_price=Decimal("2.997"))])


@respx.mock
async def test_lists_are_paged_by_cursor_until_the_last_page(client) -> None:
    def page(names: list[str], more: bool, cursor: str | None) -> httpx.Response:
        nodes = [{"id": n, "name": n.upper(), "currency": "EUR"} for n in names]
        return data({"channels": {"edges": [{"cursor": n["id"], "node": n} for n in nodes],
                                  "pageInfo": {"hasNextPage": more, "endCursor": cursor}}})
    route = respx.post(URL).mock(side_effect=[page(["a", "b"], True, "b"), page(["c"], False, "c")])
    channels = await client.list_channels()
    assert [c.name for c in channels] == ["A", "B", "C"] and channels[0].currency == "EUR"
    first, second = (json.loads(c.request.content)["variables"] for c in route.calls)
    assert first == {"first": 100} and second == {"first": 100, "after": "b"}


@respx.mock
async def test_stock_is_asked_in_groups_of_at_most_100_skus(client) -> None:
    route = respx.post(URL).mock(return_value=data({"inventory": {
        "edges": [{"cursor": "1", "node": {"sku": "S1", "location_id": "L1", "available": 5}}],
        "pageInfo": {"hasNextPage": False, "endCursor": "1"}}}))
    skus = [f"S{i}" for i in range(150)]
    rows = await client.inventory(skus, ["L1", "L2"])
    assert route.call_count == 2
    groups = [json.loads(c.request.content)["variables"]["filters"] for c in route.calls]
    assert [len(g["skus"]) for g in groups] == [100, 50]
    assert groups[0]["location_ids"] == ["L1", "L2"]
    assert rows[0].available == 5


@respx.mock
async def test_an_unknown_status_from_afosto_is_kept(client) -> None:
    respx.post(URL).mock(return_value=data({"order": {
        "id": "a1", "status": "ARCHIVED", "actions": ["HANDLE_SOMETHING_NEW"],
        "parcels": [{"id": "p1", "status": "LOST_AT_SEA", "items": [{"item_id": "u1", "quantity": 1}]}]}}))
    order = await client.get_order("a1")
    assert order.status == "ARCHIVED" and order.actions == ["HANDLE_SOMETHING_NEW"]
    assert order.parcels[0].status == "LOST_AT_SEA"


def test_cents_and_milliseconds_convert_exactly() -> None:
    assert cents_to_decimal(1999) == Decimal("19.99") and str(cents_to_decimal(5)) == "0.05"
    assert cents_to_decimal(-250) == Decimal("-2.50")
    assert decimal_to_cents(Decimal("19.99")) == 1999 and decimal_to_cents("0.1") == 10
    for bad in (Decimal("0.005"), Decimal("NaN")):
        with pytest.raises(ValueError):
            decimal_to_cents(bad)
    with pytest.raises(TypeError):
        decimal_to_cents(19.99)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        cents_to_decimal(19.99)  # type: ignore[arg-type]
    moment = dt.datetime(2024, 4, 25, 1, 6, 40, 123000, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert datetime_to_ms(moment) == 1714000000123
    assert ms_to_datetime(1714000000123) == moment
    with pytest.raises(ValueError):
        datetime_to_ms(dt.datetime(2024, 1, 1))
