"""ePages may send ``null`` where its examples show a value. Every official example order, with each field
the sync reads set to null in turn, is read (a null list as empty, a null flag as its default) or, where a
null leaves the order without something it needs, set apart with the field named: never a crash that stops
the whole page."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import respx
from official_reference import OPENAPI_PATH

from epages_sync.clients.epages import EpagesClient
from epages_sync.clients.epages_models import Order, OrderProcesses, parse_json
from epages_sync.clients.http import HttpPolicy, ManualClock, encode_json

pytestmark = pytest.mark.skipif(not OPENAPI_PATH.exists(),
                                reason=f"the official ePages API description is not at {OPENAPI_PATH}")

API = "https://kaffee.beyondshop.cloud/api"
# The fields named when this was found: a null in any of them stopped the whole poll.
NULLED = ["variationAttributeValues", "productLineItems", "lineItemTaxes", "displayAddressLines",
          "canceled", "testOrder", "quantity", "initialQuantity", "amount", "unitPrice", "product", "sku",
          "billingAddress", "shippingAddress", "shippingLineItem", "_links", "orderNumber", "updatedAt"]
# Where a null leaves nothing to import correctly: the order is set apart, with the field named.
MUST_REFUSE = {"amount"}


@pytest.fixture(scope="module")
def example_orders() -> list[dict[str, Any]]:
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with OPENAPI_PATH.open(encoding="utf-8") as fh:
        spec = yaml.load(fh, Loader=loader)
    orders: list[dict[str, Any]] = []
    for path, key in (("/orders", "orders"), ("/orders/{orderId}", None)):
        for answer in spec["paths"][path]["get"]["responses"].values():
            for text in (answer.get("examples") or {}).values():
                body = parse_json(text) if isinstance(text, str) else text
                orders.extend(body["_embedded"][key] if key else [body])
    assert len(orders) >= 2
    return orders


def nulled(value: Any, key: str) -> tuple[Any, int]:
    """A copy with every occurrence of ``key`` (at any depth) set to null, and how many there were."""
    count = 0

    def walk(v: Any) -> Any:
        nonlocal count
        if isinstance(v, dict):
            out = {}
            for k, inner in v.items():
                if k == key:
                    count += 1
                    out[k] = None
                else:
                    out[k] = walk(inner)
            return out
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(copy.deepcopy(value)), count


def page_of(orders: list[dict[str, Any]]) -> dict[str, Any]:
    return {"_embedded": {"orders": orders}, "_links": {},
            "page": {"size": 50, "totalElements": len(orders), "totalPages": 1, "number": 0}}


async def read_page(orders: list[dict[str, Any]]) -> tuple[list[Order], list[Any]]:
    async with EpagesClient(API, "cid", "secret-123456", clock=ManualClock(),
                            policy=HttpPolicy(max_attempts=1)) as client:
        with respx.mock(base_url=API) as mock:
            mock.post("/oauth/token").respond(200, json={"access_token": "t-123456", "expires_in": 600,
                                                         "scope": "ordr:ru"})
            mock.get("/orders").respond(200, content=encode_json(page_of(orders)).encode(),
                                        headers={"Content-Type": "application/hal+json"})
            pages = [p async for p in client.iter_order_pages(created_after=dt.date(2020, 1, 1))]
    assert len(pages) == 1
    return pages[0].items, pages[0].unreadable


@pytest.mark.parametrize("key", NULLED)
async def test_a_null_in_an_official_example_order_is_read_or_set_apart_never_a_crash(
        key: str, example_orders: list[dict[str, Any]]) -> None:
    touched = 0
    for raw in example_orders:
        poisoned, count = nulled(raw, key)
        touched += count
        if not count:
            continue
        fine = example_orders[0] if raw is not example_orders[0] else example_orders[-1]
        items, unreadable = await read_page([fine, poisoned, fine])
        assert [o.id for o in items][:1] == [fine["_id"]] and len(items) + len(unreadable) == 3
        if key in MUST_REFUSE:
            [apart] = unreadable
            assert apart.id == raw["_id"] and apart.number == raw["orderNumber"]
            assert ".amount is missing" in apart.problem
        elif unreadable:
            pytest.fail(f"a null {key} set the order apart: {unreadable[0].problem}")
        else:
            order = items[1]
            assert order.id == raw["_id"]
            if key == "productLineItems":
                assert order.product_line_items == []
            if key == "canceled":
                assert order.canceled is False
    assert touched, f"no official example order has the field {key}"


async def test_the_reason_names_the_field_and_never_a_customers_data(example_orders: list[dict[str, Any]]) -> None:
    raw = copy.deepcopy(example_orders[0])
    raw["productLineItems"][0]["unitPrice"]["amount"] = "Anna Müller, Hauptstraße 1"
    _, [apart] = await read_page([raw])
    assert apart.problem == "productLineItems[0].unitPrice.amount is not a number"
    assert apart.units == {li["product"]["sku"]: li["quantity"] for li in raw["productLineItems"]}


def test_a_null_list_of_process_lines_in_the_official_examples_is_read_as_empty() -> None:
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with OPENAPI_PATH.open(encoding="utf-8") as fh:
        spec = yaml.load(fh, Loader=loader)
    answers = spec["paths"]["/orders/{orderId}/processes"]["get"]["responses"]
    raw = next(parse_json(t) for a in answers.values() for t in (a.get("examples") or {}).values())
    poisoned, count = nulled(raw, "lineItems")
    assert count
    processes = OrderProcesses.model_validate(poisoned)
    assert all(p.line_items == [] for p in [*processes.shippings, *processes.returns, *processes.cancelations])
