"""Every example answer of ePages' official API description, for the calls the client makes, parses into
the models without losing a field the sync reads; every example refusal becomes the right error.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import pytest
import respx
from official_reference import OPENAPI_PATH
from pydantic import BaseModel

from epages_sync.clients.epages import EpagesClient
from epages_sync.clients.epages_models import (
    Availability,
    CancelProcess,
    Order,
    OrderProcesses,
    PickupOption,
    PickupProcess,
    Product,
    ReturnProcess,
    ShippingProcess,
    ShopLocation,
    Variation,
    parse_json,
)
from epages_sync.clients.http import HttpPolicy, ManualClock
from epages_sync.clients.scopes import GrantedScopes
from epages_sync.errors import Conflict, DomainRejected, NotFound, RevokedError, SyncError, ValidationFailed

pytestmark = pytest.mark.skipif(not OPENAPI_PATH.exists(),
                                reason=f"the official ePages API description is not at {OPENAPI_PATH}")

P = "/orders/{orderId}/processes"
# (method, path) -> (model, key of the list in _embedded, or None for a single resource)
SUCCESS: dict[tuple[str, str], tuple[type[BaseModel], str | None]] = {
    ("get", "/orders"): (Order, "orders"),
    ("get", "/orders/{orderId}"): (Order, None),
    ("post", "/orders/{orderId}/cancel"): (Order, None),
    ("get", P): (OrderProcesses, None),
    ("get", P + "/shippings"): (ShippingProcess, "shipping-processes"),
    ("post", P + "/shippings"): (ShippingProcess, None),
    ("post", P + "/shippings/{shipping-process-id}/mark-shipped"): (ShippingProcess, None),
    ("post", P + "/shippings/{shipping-process-id}/mark-delivered"): (ShippingProcess, None),
    ("get", P + "/pickups"): (PickupProcess, "pickup-processes"),
    ("post", P + "/pickups"): (PickupProcess, None),
    ("post", P + "/pickups/{pickup-process-id}/mark-picked-up"): (PickupProcess, None),
    ("get", P + "/cancelations"): (CancelProcess, "cancel-processes"),
    ("post", P + "/cancelations"): (CancelProcess, None),
    ("get", P + "/returns"): (ReturnProcess, "return-processes"),
    ("post", P + "/returns"): (ReturnProcess, None),
    ("get", "/products"): (Product, "products"),
    ("get", "/products/{productId}"): (Product, None),
    ("get", "/products/search/find-by-sku"): (Product, None),
    ("get", "/products/{productId}/variations"): (Variation, "variations"),
    ("get", "/products/{productId}/availability"): (Availability, None),
    ("post", "/products/{productId}/availability/adjust-available-stock"): (Availability, None),
    ("post", "/products/{productId}/availability/enable-stock-management"): (Availability, None),
    ("post", "/products/{productId}/availability/disable-stock-management"): (Availability, None),
    ("get", "/products/{productId}/variations/{variationId}/availability"): (Availability, None),
    ("post", "/products/{productId}/variations/{variationId}/availability/adjust-available-stock"):
        (Availability, None),
    ("get", "/shop/locations"): (ShopLocation, "locations"),
    ("get", "/pickup-options"): (PickupOption, "pickup-options"),
}

# Wire names a model reads from somewhere else than its own key (embedded resources, links).
_INDIRECT = {"_links", "_embedded"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with OPENAPI_PATH.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def examples(spec: dict[str, Any], method: str, path: str, status_prefix: str) -> list[tuple[str, Any]]:
    op = spec["paths"][path][method]
    out = []
    for status, answer in op["responses"].items():
        if str(status).startswith(status_prefix):
            for text in (answer.get("examples") or {}).values():
                out.append((str(status), parse_json(text) if isinstance(text, str) else text))
    return out


def _same(kept: Any, raw: Any, where: str) -> None:
    if isinstance(kept, BaseModel):
        assert isinstance(raw, dict), where
        assert_kept(kept, raw, where)
    elif isinstance(kept, list):
        assert isinstance(raw, list) and len(kept) == len(raw), where
        for i, (k, r) in enumerate(zip(kept, raw, strict=False)):
            _same(k, r, f"{where}[{i}]")
    elif isinstance(kept, Decimal):
        assert kept == Decimal(str(raw)), where
    elif isinstance(kept, dt.datetime):
        assert kept == dt.datetime.fromisoformat(raw), where
    elif isinstance(kept, enum.Enum):
        assert kept.value == raw, where
    else:
        assert kept == raw, where


def assert_kept(model: BaseModel, raw: dict[str, Any], where: str = "") -> None:
    """Every field the model declares and the answer carries arrives with the same value."""
    for name, field in type(model).model_fields.items():
        key = field.alias or name
        if key in _INDIRECT or key not in raw:
            continue
        _same(getattr(model, name), raw[key], f"{where}.{key}")


def test_every_example_answer_parses_without_losing_what_the_sync_reads(spec: dict[str, Any]) -> None:
    checked = 0
    for (method, path), (model, key) in SUCCESS.items():
        found = examples(spec, method, path, "2")
        assert found, f"no example for {method.upper()} {path}"
        for status, body in found:
            items = body["_embedded"][key] if key else [body]
            if key:
                assert items, f"empty example list for {path}"
            for raw in items:
                parsed = model.model_validate(raw)
                assert_kept(parsed, raw, f"{method.upper()} {path} {status}")
                checked += 1
    assert checked >= len(SUCCESS)


def test_the_order_examples_give_the_sync_what_it_needs(spec: dict[str, Any]) -> None:
    raw = examples(spec, "get", "/orders/{orderId}", "2")[0][1]
    order = Order.model_validate(raw)
    line = order.product_line_items[0]
    assert line.sku == "EB001" and line.unit_price is not None and line.unit_price.amount == Decimal("9.99")
    assert line.counts.not_picked_up == 5 and line.counts.canceled == 0
    assert line.product.variation_product_id == "0dfed139-6bbb-4570-b314-7fd2af9e177f"
    assert order.is_pickup and order.pickup_line_item is not None
    assert order.pickup_line_item.location_id == "78bc1877-018d-4d1a-8498-69a744e05cc7"
    assert order.payment_line_item and order.payment_line_item.payment_method
    assert order.payment_line_item.payment_method.refund == "PARTIAL_REFUND"
    assert order.coupon_line_item and order.coupon_line_item.code == "SUMMER-SALE-SHOES"
    assert order.billing_address and order.billing_address.vat_id == "DE123456789"
    assert order.cancelable

    shipped = Order.model_validate(examples(spec, "get", "/orders", "2")[0][1]["_embedded"]["orders"][0])
    assert shipped.shipping_line_item and shipped.shipping_line_item.shipping_method
    assert shipped.shipping_line_item.line_item_price.amount == Decimal("4.99")  # type: ignore[union-attr]
    assert shipped.shipping_address and shipped.shipping_address.door_code == "456"

    canceled = Order.model_validate(examples(spec, "post", "/orders/{orderId}/cancel", "2")[0][1])
    assert canceled.canceled and not canceled.cancelable

    processes = OrderProcesses.model_validate(examples(spec, "get", P, "2")[0][1])
    assert processes.returns[0].line_items[0].status == "RETURNED"
    assert processes.returns[0].shipping_process is not None
    assert processes.cancelations[0].line_items[0].quantity == 2

    token = examples(spec, "post", "/oauth/token", "2")[0][1]
    assert GrantedScopes.from_token_response(token).has("user:r")
    options = examples(spec, "get", "/pickup-options", "2")[0][1]["_embedded"]["pickup-options"]
    assert PickupOption.model_validate(options[0]).location_id == "001b318a-ade9-43d2-8baf-1e06c7e7540c"
    disabled = Availability.model_validate(
        examples(spec, "post", "/products/{productId}/availability/disable-stock-management", "2")[0][1])
    assert not disabled.stock_managed


REFUSALS = [
    ("post", P + "/shippings", "/orders/o/processes/shippings"),
    ("post", P + "/pickups", "/orders/o/processes/pickups"),
    ("post", P + "/cancelations", "/orders/o/processes/cancelations"),
    ("post", P + "/returns", "/orders/o/processes/returns"),
    ("post", "/products/{productId}/availability/adjust-available-stock",
     "/products/p/availability/adjust-available-stock"),
    ("post", "/products/{productId}/availability/enable-stock-management",
     "/products/p/availability/enable-stock-management"),
    ("post", "/products/{productId}/availability/disable-stock-management",
     "/products/p/availability/disable-stock-management"),
]


async def test_every_example_refusal_becomes_the_right_error(spec: dict[str, Any]) -> None:
    api = "https://kaffee.beyondshop.cloud/api"
    seen = 0
    for method, spec_path, real_path in REFUSALS:
        for status, body in examples(spec, method, spec_path, "4"):
            async with EpagesClient(api, "cid", "secret-123456", clock=ManualClock(),
                                    policy=HttpPolicy(max_attempts=1)) as client:
                with respx.mock(base_url=api) as mock:
                    mock.post("/oauth/token").respond(200, json={
                        "access_token": "t-123456", "expires_in": 600,
                        "scope": "shpr:cru clpr:cr rtpr:cr prda:ru"})
                    mock.route(method=method.upper(), path=real_path).respond(int(status), json=body)
                    with pytest.raises(SyncError) as exc:
                        await client._call(method.upper(), api + real_path, json_body={})
            err = exc.value
            expected: type[SyncError] = {404: NotFound}.get(int(status), DomainRejected)
            if body.get("errorId") == "optimistic-locking-failure":
                expected = Conflict
            if body.get("errorId") == "input-validation-failed":
                expected = ValidationFailed
            assert isinstance(err, expected), (spec_path, status, err)
            if isinstance(err, DomainRejected):
                assert err.error_id == body["errorId"]
            seen += 1
    assert seen >= 8

    revoked = examples(spec, "post", "/oauth/token", "4")[0][1]
    async with EpagesClient(api, "cid", "secret-123456", clock=ManualClock()) as client:
        with respx.mock(base_url=api) as mock:
            mock.post("/oauth/token").respond(401, json=revoked)
            with pytest.raises(RevokedError):
                await client.authenticate()
