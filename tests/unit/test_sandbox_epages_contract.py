"""The simulated ePages shop answers with the fields of Beyond's official examples, endpoint by endpoint.

The sync is written against the sandbox; if a field name differed from the real shop, the sync would work in
tests and fail in a real shop. So every implemented endpoint's answer is compared with the example answer in
the official API description (key sets, recursively; ``_links`` depend on state and are checked apart).
"""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from official_reference import OPENAPI_PATH
from starlette.responses import JSONResponse

from epages_sync.sandbox.app import Sandbox

pytestmark = pytest.mark.skipif(not OPENAPI_PATH.exists(),
                                reason=f"official Beyond API description not found at {OPENAPI_PATH}")


class QuietWarehouse:
    """An Afosto side that does nothing: these tests are about the ePages half alone."""

    API_KEY = "unused"

    async def handle_graphql(self, request: Any) -> JSONResponse:
        return JSONResponse({"data": None})

    def warehouse_step(self, rng: Any) -> None:
        return None

    def order_figures(self) -> dict[str, Any]:
        return {}

    def available_stock(self, sku: str, location_ids: Any) -> None:
        return None

    def snapshot(self) -> dict[str, Any]:
        return {}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with OPENAPI_PATH.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)  # type: ignore[no-any-return]


def example(spec: dict[str, Any], path: str, method: str, status: str) -> Any:
    response = spec["paths"][path][method]["responses"][status]
    raw = next(iter(response["examples"].values()))
    return json.loads(raw) if isinstance(raw, str) else raw


def key_differences(ours: Any, theirs: Any, where: str = "$") -> list[str]:
    """Where the two shapes have different keys; values that are null on either side are not compared."""
    out: list[str] = []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if where.endswith("._links"):
            if "self" in theirs and "self" not in ours:
                out.append(f"{where}: no self link")
            return out
        missing, extra = set(theirs) - set(ours), set(ours) - set(theirs)
        if missing:
            out.append(f"{where}: missing {sorted(missing)}")
        if extra:
            out.append(f"{where}: not in Beyond {sorted(extra)}")
        for key in set(ours) & set(theirs):
            out += key_differences(ours[key], theirs[key], f"{where}.{key}")
    elif isinstance(ours, list) and isinstance(theirs, list) and ours and theirs:
        out += key_differences(ours[0], theirs[0], f"{where}[0]")
    return out


def assert_like(spec: dict[str, Any], response: httpx.Response, path: str, method: str, status: int) -> Any:
    assert response.status_code == status, response.text
    ours = response.json(parse_float=Decimal)
    theirs = example(spec, path, method, str(status))
    assert key_differences(ours, theirs) == []
    if isinstance(theirs, dict) and "errorId" in theirs:
        assert ours["errorId"] == theirs["errorId"]
    return ours


@pytest.fixture
async def shop() -> Any:
    sandbox = Sandbox(seed=3, orders=12, clock=lambda: 1_760_000_000.0,
                      afosto_factory=lambda world, clock: QuietWarehouse())
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shop") as client:
        token = (await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                                   auth=("sandbox-client", "sandbox-secret"))).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        yield sandbox, client


def _open_shipping_order(sandbox: Sandbox) -> Any:
    return next(o for o in sandbox.epages.orders if not o.is_pickup and o.cancelable)


def _open_pickup_order(sandbox: Sandbox) -> Any:
    return next(o for o in sandbox.epages.orders if o.is_pickup and not o.pickups and not o.canceled)


async def test_token_answer_and_jwt_claims_match_the_official_example(spec: dict[str, Any],
                                                                       shop: Any) -> None:
    _, client = shop
    r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                          auth=("sandbox-client", "sandbox-secret"))
    theirs = example(spec, "/oauth/token", "post", "200")
    ours = r.json()
    # A client-credentials token has no refresh token; everything else is as in the example.
    assert set(ours) == set(theirs) - {"refresh_token"}
    assert ours["token_type"] == "bearer" and ours["expires_in"] == 43199
    assert "prda:ru" in ours["scope"].split()

    def claims(token: str) -> dict[str, Any]:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))

    header = json.loads(base64.urlsafe_b64decode(ours["access_token"].split(".")[0] + "=="))
    assert header["alg"] == "RS256"
    assert set(claims(ours["access_token"])) == set(claims(theirs["access_token"]))
    assert isinstance(claims(ours["access_token"])["scope"], list)


async def test_bad_credentials_answer_in_oauth_style(spec: dict[str, Any], shop: Any) -> None:
    _, client = shop
    r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                          auth=("sandbox-client", "wrong"))
    assert r.status_code == 401
    assert set(r.json()) == set(example(spec, "/oauth/token", "post", "401"))


async def test_order_list_and_order_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    shipping = _open_shipping_order(sandbox)
    r = await client.get("/api/orders", params={"orderNumber": shipping.number})
    ours = assert_like(spec, r, "/orders", "get", 200)
    assert ours["_embedded"]["orders"][0]["_id"] == shipping.order_id
    pickup = _open_pickup_order(sandbox)
    r = await client.get(f"/api/orders/{pickup.order_id}")
    ours = assert_like(spec, r, "/orders/{orderId}", "get", 200)
    assert ours["shippingLineItem"] is None and ours["shippingStatus"] == "NOT_PICKED_UP"
    location = ours["pickupLineItem"]["pickupOption"]["_embedded"]["location"]
    assert location["_id"] == pickup.pickup_option.location_id


async def test_processes_of_an_order_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    returned = next(o for o in sandbox.epages.orders if o.returns and o.cancelations == [] and o.shippings)
    r = await client.get(f"/api/orders/{returned.order_id}/processes")
    ours = assert_like(spec, r, "/orders/{orderId}/processes", "get", 200)
    assert len(ours["_embedded"]["return-processes"]) == 1
    canceled = next(o for o in sandbox.epages.orders if o.cancelations)
    r = await client.get(f"/api/orders/{canceled.order_id}/processes")
    assert_like(spec, r, "/orders/{orderId}/processes", "get", 200)


async def test_shipping_process_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    order = _open_shipping_order(sandbox)
    line = order.lines[0]
    base = f"/api/orders/{order.order_id}/processes/shippings"
    r = await client.post(base, json={"trackingCode": "LZ1", "trackingLink": "https://t.example/LZ1",
                                      "lineItems": [{"productLineItemId": line.line_id, "quantity": 1}]})
    created = assert_like(spec, r, "/orders/{orderId}/processes/shippings", "post", 201)
    assert r.headers["location"] == created["_links"]["self"]["href"]
    pid = created["_id"]
    assert_like(spec, await client.get(base), "/orders/{orderId}/processes/shippings", "get", 200)
    assert_like(spec, await client.get(f"{base}/{pid}"),
                "/orders/{orderId}/processes/shippings/{shipping-process-id}", "get", 200)
    one = "/orders/{orderId}/processes/shippings/{shipping-process-id}"
    r = await client.post(f"{base}/{pid}/mark-shipped", json={"comment": "Shipped by #12"})
    shipped = assert_like(spec, r, one + "/mark-shipped", "post", 200)
    assert shipped["status"] == "SHIPPED" and "mark-shipped" not in shipped["_links"]
    r = await client.post(f"{base}/{pid}/mark-delivered", json={})
    delivered = assert_like(spec, r, one + "/mark-delivered", "post", 200)
    assert delivered["status"] == "DELIVERED"


async def test_shipping_refusals_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    pickup = _open_pickup_order(sandbox)
    r = await client.post(f"/api/orders/{pickup.order_id}/processes/shippings",
                          json={"lineItems": [{"productLineItemId": pickup.lines[0].line_id, "quantity": 1}]})
    ours = assert_like(spec, r, "/orders/{orderId}/processes/shippings", "post", 400)
    assert ours["details"]["reasonId"] == "order-has-pickup-line-item"
    order = _open_shipping_order(sandbox)
    r = await client.post(f"/api/orders/{order.order_id}/processes/shippings",
                          json={"lineItems": [{"productLineItemId": pickup.lines[0].line_id, "quantity": 1}]})
    assert_like(spec, r, "/orders/{orderId}/processes/shippings", "post", 409)


async def test_pickup_process_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    order = _open_pickup_order(sandbox)
    base = f"/api/orders/{order.order_id}/processes/pickups"
    created = assert_like(spec, await client.post(base, json={"comment": "ready", "sendMail": True}),
                          "/orders/{orderId}/processes/pickups", "post", 201)
    assert {li["productLineItemId"] for li in created["lineItems"]} == {li.line_id for li in order.lines}
    assert_like(spec, await client.post(base, json={}), "/orders/{orderId}/processes/pickups", "post", 409)
    assert_like(spec, await client.get(base), "/orders/{orderId}/processes/pickups", "get", 200)
    pid = created["_id"]
    assert_like(spec, await client.get(f"{base}/{pid}"),
                "/orders/{orderId}/processes/pickups/{pickup-process-id}", "get", 200)
    assert_like(spec, await client.post(f"{base}/{pid}/mark-picked-up", json={}),
                "/orders/{orderId}/processes/pickups/{pickup-process-id}/mark-picked-up", "post", 200)
    canceled = next(o for o in sandbox.epages.orders if o.canceled)
    r = await client.post(f"/api/orders/{canceled.order_id}/processes/pickups", json={})
    assert r.status_code == 400 and r.json()["errorId"] == "cannot-create-pickup-process"


async def test_cancelation_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    order = next(o for o in sandbox.epages.orders if o.cancelable and len(o.lines) > 1)
    base = f"/api/orders/{order.order_id}/processes/cancelations"
    created = assert_like(spec, await client.post(base, json={
        "comment": "Customer requested cancelation via email",
        "lineItems": [{"productLineItemId": order.lines[0].line_id, "quantity": 1}]}),
        "/orders/{orderId}/processes/cancelations", "post", 201)
    assert_like(spec, await client.get(base), "/orders/{orderId}/processes/cancelations", "get", 200)
    assert_like(spec, await client.get(f"{base}/{created['_id']}"),
                "/orders/{orderId}/processes/cancelations/{cancelation-process-id}", "get", 200)
    r = await client.post(f"/api/orders/{order.order_id}/cancel", json={"comment": "all"})
    whole = assert_like(spec, r, "/orders/{orderId}/cancel", "post", 200)
    assert whole["canceled"] is True and whole["shippingStatus"] == "CANCELED"
    assert "cancel" not in whole["_links"]


async def test_return_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    order = next(o for o in sandbox.epages.orders if o.shippings and any(
        c.returnable for c in o.counts().values()))
    line = next(li for li in order.lines if order.counts()[li.line_id].returnable)
    base = f"/api/orders/{order.order_id}/processes/returns"
    created = assert_like(spec, await client.post(base, json={
        "comment": "The screen has cracks.", "sendMail": True,
        "lineItems": [{"productLineItemId": line.line_id, "quantity": 1, "status": "BROKEN"}],
        "shippingPriceRefund": {"currency": "EUR", "amount": 4.99}, "pickupPriceRefund": None,
        "shippingProcessId": order.shippings[0].process_id, "pickupProcessId": None}),
        "/orders/{orderId}/processes/returns", "post", 201)
    assert created["shippingPriceRefund"]["amount"] == Decimal("4.99")
    assert created["_embedded"]["shippingProcess"]["_id"] == order.shippings[0].process_id
    assert_like(spec, await client.get(base), "/orders/{orderId}/processes/returns", "get", 200)
    assert_like(spec, await client.get(f"{base}/{created['_id']}"),
                "/orders/{orderId}/processes/returns/{return-process-id}", "get", 200)


async def test_product_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    assert_like(spec, await client.get("/api/products"), "/products", "get", 200)
    parent = next(p for p in sandbox.epages.catalogue.products if p.is_variation_product)
    r = await client.get(f"/api/products/{parent.product_id}")
    ours = assert_like(spec, r, "/products/{productId}", "get", 200)
    assert ours["sku"] is None and ours["isVariationProduct"] is True
    simple = sandbox.epages.catalogue.by_sku["CF-1001"]
    ours = assert_like(spec, await client.get("/api/products/search/find-by-sku", params={"sku": "CF-1001"}),
                       "/products/search/find-by-sku", "get", 200)
    assert ours["_id"] == simple.product_id
    assert_like(spec, await client.get(f"/api/products/{parent.product_id}/variations"),
                "/products/{productId}/variations", "get", 200)
    variation = parent.variations[0]
    r = await client.get(f"/api/products/{parent.product_id}/variations/{variation.product_id}")
    ours = assert_like(spec, r, "/products/{productId}/variations/{variationId}", "get", 200)
    assert ours["sku"] == variation.sku


async def test_availability_endpoints_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    simple = sandbox.epages.catalogue.by_sku["CF-1001"]
    base = f"/api/products/{simple.product_id}/availability"
    assert_like(spec, await client.get(base), "/products/{productId}/availability", "get", 200)
    r = await client.post(f"{base}/adjust-available-stock", json={"relativeAmount": -1})
    adjusted = assert_like(spec, r, "/products/{productId}/availability/adjust-available-stock", "post", 200)
    assert adjusted["availableStock"] == simple.stock
    assert_like(spec, await client.post(f"{base}/disable-stock-management"),
                "/products/{productId}/availability/disable-stock-management", "post", 200)
    assert_like(spec, await client.post(f"{base}/disable-stock-management"),
                "/products/{productId}/availability/disable-stock-management", "post", 409)
    assert_like(spec, await client.post(f"{base}/adjust-available-stock", json={"relativeAmount": 1}),
                "/products/{productId}/availability/adjust-available-stock", "post", 409)
    enabled = assert_like(spec, await client.post(f"{base}/enable-stock-management",
                                                  json={"initialAvailableStock": 100, "stockThreshold": 2}),
                          "/products/{productId}/availability/enable-stock-management", "post", 200)
    assert enabled["availableStock"] == 100
    assert_like(spec, await client.post(f"{base}/enable-stock-management", json={"initialAvailableStock": 1}),
                "/products/{productId}/availability/enable-stock-management", "post", 409)
    parent = next(p for p in sandbox.epages.catalogue.products if p.is_variation_product)
    r = await client.post(f"/api/products/{parent.product_id}/availability/adjust-available-stock",
                          json={"relativeAmount": 1})
    assert_like(spec, r, "/products/{productId}/availability/adjust-available-stock", "post", 400)
    variation = parent.variations[0]
    vbase = f"/api/products/{parent.product_id}/variations/{variation.product_id}/availability"
    documented = "/products/{productId}/variations/{variationId}/availability"
    assert_like(spec, await client.get(vbase), documented, "get", 200)
    r = await client.post(f"{vbase}/adjust-available-stock", json={"relativeAmount": -1})
    assert_like(spec, r, documented + "/adjust-available-stock", "post", 200)


async def test_locations_and_pickup_options_look_like_beyond(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    ours = assert_like(spec, await client.get("/api/shop/locations"), "/shop/locations", "get", 200)
    assert [loc["_id"] for loc in ours["_embedded"]["locations"]] == [
        loc.location_id for loc in sandbox.world.shop_locations]
    ours = assert_like(spec, await client.get("/api/pickup-options"), "/pickup-options", "get", 200)
    assert {o["_embedded"]["location"]["_id"] for o in ours["_embedded"]["pickup-options"]} == {
        loc.location_id for loc in sandbox.world.shop_locations}


async def test_input_validation_errors_have_beyonds_shape(spec: dict[str, Any], shop: Any) -> None:
    sandbox, client = shop
    order = _open_shipping_order(sandbox)
    r = await client.post(f"/api/orders/{order.order_id}/processes/shippings", json={"lineItems": [
        {"productLineItemId": order.lines[0].line_id, "quantity": order.lines[0].initial_quantity + 1}]})
    theirs = example(spec, "/products", "post", "400")
    assert r.status_code == 400
    assert key_differences(r.json(), theirs) == []
    assert r.json()["details"]["validationErrors"][0]["property"] == "lineItems[0].quantity"

