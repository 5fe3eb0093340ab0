"""The simulated ePages shop keeps Beyond's rules: scopes, tokens, process quantities, stock, paging, money.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import httpx
import pytest
from starlette.responses import JSONResponse

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages import FULL_SCOPES, BeyondError, iso_to_ms
from epages_sync.sandbox.seed import random_customer


class QuietWarehouse:
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


class FakeClock:
    def __init__(self, now: float = 1_760_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_sandbox(clock: FakeClock | None = None, **kwargs: Any) -> Sandbox:
    return Sandbox(seed=5, orders=kwargs.pop("orders", 12), clock=clock or FakeClock(),
                   afosto_factory=lambda world, clock: QuietWarehouse(), **kwargs)


async def token_for(client: httpx.AsyncClient, client_id: str = "sandbox-client") -> str:
    r = await client.post("/api/oauth/token", data={"grant_type": "client_credentials"},
                          auth=(client_id, "sandbox-secret"))
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


@pytest.fixture
async def shop() -> Any:
    clock = FakeClock()
    sandbox = make_sandbox(clock)
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shop") as client:
        client.headers["Authorization"] = f"Bearer {await token_for(client)}"
        yield sandbox, client, clock


def _shipping_order(sandbox: Sandbox) -> Any:
    return next(o for o in sandbox.epages.orders if not o.is_pickup and o.cancelable)


def _pickup_order(sandbox: Sandbox) -> Any:
    return next(o for o in sandbox.epages.orders if o.is_pickup and not o.pickups and not o.canceled)


# -- scopes and tokens ----------------------------------------------------------------------------------
ENDPOINTS = [
    ("GET", "/api/orders", "ordr:r"),
    ("GET", "/api/orders/{order}", "ordr:r"),
    ("GET", "/api/orders/{order}/processes", "ordp:r"),
    ("GET", "/api/orders/{order}/processes/shippings", "shpr:r"),
    ("POST", "/api/orders/{order}/processes/shippings", "shpr:c"),
    ("POST", "/api/orders/{order}/processes/shippings/{shipping}/mark-shipped", "shpr:u"),
    ("POST", "/api/orders/{order}/processes/shippings/{shipping}/mark-delivered", "shpr:u"),
    ("GET", "/api/orders/{pickup_order}/processes/pickups", "shpr:r"),
    ("POST", "/api/orders/{pickup_order}/processes/pickups", "shpr:c"),
    ("GET", "/api/orders/{order}/processes/cancelations", "clpr:r"),
    ("POST", "/api/orders/{order}/processes/cancelations", "clpr:c"),
    ("POST", "/api/orders/{order}/cancel", "clpr:c"),
    ("GET", "/api/orders/{order}/processes/returns", "rtpr:r"),
    ("POST", "/api/orders/{order}/processes/returns", "rtpr:c"),
    ("GET", "/api/products", "prod:r"),
    ("GET", "/api/products/{product}", "prod:r"),
    ("GET", "/api/products/search/find-by-sku?sku=CF-1001", "prod:r"),
    ("GET", "/api/products/{parent}/variations", "prod:r"),
    ("GET", "/api/products/{product}/availability", "prda:r"),
    ("POST", "/api/products/{product}/availability/adjust-available-stock", "prda:u"),
    ("POST", "/api/products/{product}/availability/disable-stock-management", "prda:u"),
    ("POST", "/api/products/{parent}/variations/{variation}/availability/adjust-available-stock", "prda:u"),
    ("GET", "/api/shop/locations", "loca:r"),
    ("GET", "/api/pickup-options", "shpz:r"),
]


def without(scope: str) -> str:
    resource, _, letter = scope.partition(":")
    entries = []
    for entry in FULL_SCOPES.split():
        res, _, letters = entry.partition(":")
        if res == resource:
            letters = letters.replace(letter, "")
        if letters:
            entries.append(f"{res}:{letters}")
    return " ".join(entries)


@pytest.mark.parametrize(("method", "template", "scope"), ENDPOINTS)
async def test_each_endpoint_answers_403_without_its_scope(shop: Any, method: str, template: str,
                                                           scope: str) -> None:
    sandbox, client, _ = shop
    order = _shipping_order(sandbox)
    shipping = sandbox.epages.create_shipping(order.order_id, [(order.lines[0].line_id, 1)])
    parent = next(p for p in sandbox.epages.catalogue.products if p.is_variation_product)
    path = template.format(order=order.order_id, shipping=shipping.process_id,
                           pickup_order=_pickup_order(sandbox).order_id,
                           product=sandbox.epages.catalogue.by_sku["CF-1001"].product_id,
                           parent=parent.product_id, variation=parent.variations[0].product_id)
    app_name = "app-without-" + scope.replace(":", "-")
    sandbox.tokens.clients[app_name] = ("sandbox-secret", without(scope))
    lacking = await token_for(client, app_name)
    r = await client.request(method, path, json={} if method == "POST" else None,
                             headers={"Authorization": f"Bearer {lacking}"})
    assert r.status_code == 403
    assert r.json()["errorId"] == "access-denied" and scope in r.json()["message"]
    allowed = await client.request(method, path, json={} if method == "POST" else None)
    assert allowed.status_code != 403


async def test_limited_app_can_read_but_not_change_stock_ship_or_see_locations(shop: Any) -> None:
    sandbox, client, _ = shop
    r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                          auth=("sandbox-limited", "sandbox-secret"))
    granted = r.json()["scope"].split()
    assert "prda:r" in granted and "prda:ru" not in granted and "loca:r" not in granted
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    product = sandbox.epages.catalogue.by_sku["CF-1001"]
    order = _shipping_order(sandbox)
    assert (await client.get("/api/orders", headers=headers)).status_code == 200
    r = await client.get(f"/api/products/{product.product_id}/availability", headers=headers)
    assert r.status_code == 200
    before = product.stock
    r = await client.post(f"/api/products/{product.product_id}/availability/adjust-available-stock",
                          json={"relativeAmount": 5}, headers=headers)
    assert r.status_code == 403 and product.stock == before
    r = await client.post(f"/api/orders/{order.order_id}/processes/shippings", headers=headers,
                          json={"lineItems": [{"productLineItemId": order.lines[0].line_id, "quantity": 1}]})
    assert r.status_code == 403 and order.shippings == []
    assert (await client.get("/api/shop/locations", headers=headers)).status_code == 403


async def test_token_stops_working_when_it_expires_and_a_new_one_works() -> None:
    clock = FakeClock()
    sandbox = make_sandbox(clock, token_lifetime=60)
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shop") as client:
        r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                              auth=("sandbox-client", "sandbox-secret"))
        assert r.json()["expires_in"] == 60
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        assert (await client.get("/api/orders", headers=headers)).status_code == 200
        clock.now += 59
        assert (await client.get("/api/orders", headers=headers)).status_code == 200
        clock.now += 1
        r = await client.get("/api/orders", headers=headers)
        assert r.status_code == 401 and r.json()["errorId"] == "unauthorized"
        assert "invalid_token" in r.headers["www-authenticate"]
        fresh = await token_for(client)
        r = await client.get("/api/orders", headers={"Authorization": f"Bearer {fresh}"})
        assert r.status_code == 200


async def test_missing_forged_or_garbage_tokens_get_401(shop: Any) -> None:
    _, client, _ = shop
    real = client.headers["Authorization"].split()[1]
    head, payload, signature = real.split(".")
    for header in ("", "Bearer", "Bearer nonsense", f"Bearer {head}.{payload}.{signature[:-4]}AAAA",
                   f"Bearer {head}.{payload[:-2]}x.{signature}", "Basic c2FuZGJveA=="):
        r = await client.get("/api/orders", headers={"Authorization": header})
        assert r.status_code == 401, header
        assert set(r.json()) == {"errorId", "message", "details", "traceId"}


async def test_revoked_app_gets_no_token_and_its_tokens_stop_working(shop: Any) -> None:
    sandbox, client, _ = shop
    sandbox.revoke_client("sandbox-client")
    r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                          auth=("sandbox-client", "sandbox-secret"))
    assert r.status_code == 401
    assert r.json() == {"error": "unauthorized", "error_description": "The client was revoked."}
    assert (await client.get("/api/orders")).status_code == 401
    assert (await token_for(client, "sandbox-limited"))  # other apps of the shop keep working
    sandbox.restore_client("sandbox-client")
    assert (await client.get("/api/orders")).status_code == 200


async def test_token_endpoint_refuses_wrong_secret_and_other_grant_types(shop: Any) -> None:
    _, client, _ = shop
    r = await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                          auth=("sandbox-client", "guess"))
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    r = await client.post("/api/oauth/token", params={"grant_type": "password"},
                          auth=("sandbox-client", "sandbox-secret"))
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"


# -- process rules --------------------------------------------------------------------------------------
async def test_a_process_cannot_take_more_than_is_left_on_a_line(shop: Any) -> None:
    sandbox, client, _ = shop
    order = _shipping_order(sandbox)
    line = order.lines[0]
    base = f"/api/orders/{order.order_id}/processes/shippings"
    r = await client.post(base, json={"lineItems": [{"productLineItemId": line.line_id,
                                                     "quantity": line.initial_quantity + 1}]})
    assert r.status_code == 400 and r.json()["errorId"] == "input-validation-failed"
    assert order.shippings == []
    r = await client.post(base, json={"lineItems": [{"productLineItemId": line.line_id,
                                                     "quantity": line.initial_quantity}]})
    assert r.status_code == 201
    # Everything of the line is in a parcel now: neither a second parcel nor a cancelation can take it.
    one_more = {"lineItems": [{"productLineItemId": line.line_id, "quantity": 1}]}
    assert (await client.post(base, json=one_more)).status_code == 400
    r = await client.post(f"/api/orders/{order.order_id}/processes/cancelations", json=one_more)
    assert r.status_code == 400 and order.cancelations == []
    # Returns only take what was handed over, and the parcel is still pending.
    r = await client.post(f"/api/orders/{order.order_id}/processes/returns", json={"lineItems": [
        {"productLineItemId": line.line_id, "quantity": 1, "status": "RETURNED"}]})
    assert r.status_code == 400 and order.returns == []


async def test_unknown_line_item_and_bad_return_status_are_refused(shop: Any) -> None:
    sandbox, client, _ = shop
    order = _shipping_order(sandbox)
    r = await client.post(f"/api/orders/{order.order_id}/processes/cancelations",
                          json={"lineItems": [{"productLineItemId": "not-a-line", "quantity": 1}]})
    assert r.status_code == 409 and r.json()["errorId"] == "no-such-product-line-item"
    r = await client.post(f"/api/orders/{order.order_id}/processes/returns",
                          json={"lineItems": [{"productLineItemId": order.lines[0].line_id, "quantity": 1,
                                               "status": "DEFECTIVE"}]})
    assert r.status_code == 400 and "RETURNED or BROKEN" in r.text


async def test_pickup_can_be_made_ready_only_once_and_shipping_is_refused_on_pickup_orders(shop: Any) -> None:
    sandbox, client, _ = shop
    order = _pickup_order(sandbox)
    base = f"/api/orders/{order.order_id}/processes"
    assert (await client.post(f"{base}/pickups", json={})).status_code == 201
    r = await client.post(f"{base}/pickups", json={})
    assert r.status_code == 409 and r.json()["errorId"] == "pickup-process-already-exists"
    assert len(order.pickups) == 1
    r = await client.post(f"{base}/shippings",
                          json={"lineItems": [{"productLineItemId": order.lines[0].line_id, "quantity": 1}]})
    assert r.status_code == 400
    assert r.json()["details"] == {"reasonId": "order-has-pickup-line-item"}
    assert (await client.get(f"/api/orders/{order.order_id}")).json()["shippingStatus"] == "READY_FOR_PICKUP"


async def test_counters_and_statuses_follow_the_processes(shop: Any) -> None:
    sandbox, client, _ = shop
    order = next(o for o in sandbox.epages.orders if o.cancelable and not o.is_pickup
                 and o.lines[0].initial_quantity >= 2)
    line = order.lines[0]
    base = f"/api/orders/{order.order_id}/processes/shippings"

    async def line_state() -> tuple[str, dict[str, Any]]:
        body = (await client.get(f"/api/orders/{order.order_id}")).json(parse_float=Decimal)
        item = next(li for li in body["productLineItems"] if li["_id"] == line.line_id)
        return body["shippingStatus"], item

    one = {"lineItems": [{"productLineItemId": line.line_id, "quantity": 1}]}
    first = (await client.post(base, json=one)).json()
    status, item = await line_state()
    assert status == "PENDING" and item["shippingStatus"]["pending"]["quantity"] == 1
    assert item["shippingStatus"]["unshipped"]["quantity"] == line.initial_quantity - 1
    assert item["unshipped"] == item["shippingStatus"]["unshipped"]  # the flat duplicates agree
    await client.post(f"{base}/{first['_id']}/mark-shipped", json={"details": {"trackingCode": "T-1"}})
    status, item = await line_state()
    assert status == "PARTIALLY_SHIPPED" and item["shipped"]["quantity"] == 1
    assert item["shipped"]["amount"]["amount"] == line.unit_price
    counts = order.counts()
    rest = [{"productLineItemId": li.line_id, "quantity": counts[li.line_id].left_to_send}
            for li in order.lines if counts[li.line_id].left_to_send]
    second = (await client.post(base, json={"lineItems": rest})).json()
    await client.post(f"{base}/{second['_id']}/mark-shipped", json={})
    assert (await line_state())[0] == "SHIPPED"
    for pid in (first["_id"], second["_id"]):
        await client.post(f"{base}/{pid}/mark-delivered", json={})
    assert (await line_state())[0] == "DELIVERED"
    r = await client.post(f"/api/orders/{order.order_id}/processes/returns", json={"lineItems": [
        {"productLineItemId": line.line_id, "quantity": 1, "status": "BROKEN"}]})
    assert r.status_code == 201
    status, item = await line_state()
    assert status == "PARTIALLY_RETURNED"
    assert item["quantity"] == line.initial_quantity - 1 and item["returnStatus"]["broken"]["quantity"] == 1
    r = await client.post(f"{base}/{first['_id']}/mark-delivered", json={})
    assert r.status_code == 409 and r.json()["errorId"] == "illegal-status-transition"


async def test_updated_at_moves_on_every_change_even_with_a_stopped_clock(shop: Any) -> None:
    sandbox, client, _ = shop
    order = _shipping_order(sandbox)
    seen = [(await client.get(f"/api/orders/{order.order_id}")).json()["updatedAt"]]
    process = sandbox.epages.create_shipping(order.order_id, [(order.lines[0].line_id, 1)])
    seen.append((await client.get(f"/api/orders/{order.order_id}")).json()["updatedAt"])
    sandbox.epages.mark_shipped(order.order_id, process.process_id)
    seen.append((await client.get(f"/api/orders/{order.order_id}")).json()["updatedAt"])
    assert [iso_to_ms(s) for s in seen] == sorted({iso_to_ms(s) for s in seen})
    # A poller asking for what changed after the previous stamp finds exactly this order.
    r = await client.get("/api/orders", params={"updatedAfter": seen[1]})
    assert [o["_id"] for o in r.json()["_embedded"]["orders"]] == [order.order_id]
    assert "+" not in seen[-1] and "Z" not in seen[-1]  # local date-time without offset, as Beyond writes it


async def test_canceling_the_whole_order_puts_stock_back_and_removes_the_cancel_link(shop: Any) -> None:
    sandbox, client, _ = shop
    order = next(o for o in sandbox.epages.orders if o.cancelable and not o.is_pickup and all(
        sandbox.epages.catalogue.by_sku[li.sku].stock_managed for li in o.lines))
    before = {li.sku: sandbox.epages.available_stock(li.sku) for li in order.lines}
    assert "cancel" in (await client.get(f"/api/orders/{order.order_id}")).json()["_links"]
    body = (await client.post(f"/api/orders/{order.order_id}/cancel", json={"comment": "by phone"})).json()
    assert body["canceled"] is True and "cancel" not in body["_links"]
    assert body["paymentStatus"] in ("REFUND_PENDING", "VOIDED")
    for li in order.lines:
        assert sandbox.epages.available_stock(li.sku) == before[li.sku] + li.initial_quantity
    r = await client.post(f"/api/orders/{order.order_id}/cancel", json={})
    assert r.status_code == 400


# -- stock ----------------------------------------------------------------------------------------------
async def test_stock_changes_only_relatively_and_not_with_management_off(shop: Any) -> None:
    sandbox, client, _ = shop
    product = sandbox.epages.catalogue.by_sku["CF-1001"]
    base = f"/api/products/{product.product_id}/availability"
    start = product.stock
    body = (await client.post(f"{base}/adjust-available-stock", json={"relativeAmount": -2})).json()
    assert body["availableStock"] == start - 2
    r = await client.post(f"{base}/adjust-available-stock", json={"availableStock": 5})
    assert r.status_code == 400 and product.stock == start - 2
    r = await client.post(f"{base}/adjust-available-stock", json={"relativeAmount": 1.5})
    assert r.status_code == 400
    unmanaged = sandbox.epages.catalogue.by_sku["CF-1007"]  # paper filters: stock not counted
    r = await client.post(f"/api/products/{unmanaged.product_id}/availability/adjust-available-stock",
                          json={"relativeAmount": 3})
    assert r.status_code == 409 and r.json()["errorId"] == "product.availability.invalid-availability-state"
    assert r.json()["details"] == {"productId": unmanaged.product_id}
    assert sandbox.epages.available_stock("CF-1007") is None


async def test_availability_state_follows_stock_and_threshold(shop: Any) -> None:
    sandbox, client, _ = shop
    product = sandbox.epages.catalogue.by_sku["CF-1001"]
    base = f"/api/products/{product.product_id}/availability"

    async def set_stock(target: int) -> str:
        current = (await client.get(base)).json()["availableStock"]
        r = await client.post(f"{base}/adjust-available-stock", json={"relativeAmount": target - current})
        body = r.json()
        assert body["availableStock"] == target
        return str(body["availabilityState"])

    assert await set_stock(10) == "IN_STOCK"
    assert await set_stock(product.stock_threshold or 0) == "LOW_STOCK"
    assert await set_stock(0) == "OUT_OF_STOCK"


def test_placing_an_order_never_takes_stock_below_zero() -> None:
    sandbox = make_sandbox(orders=0)
    world = sandbox.epages
    product = world.catalogue.by_sku["CF-1002"]
    world.catalogue.adjust(product, 2 - (product.stock or 0), world.now_ms())
    rng = random.Random(7)
    with pytest.raises(BeyondError) as refused:
        world.place_order(random_customer(rng), [("CF-1001", 1), ("CF-1002", 3)])
    assert refused.value.status == 409 and product.stock == 2 and world.orders == []
    world.place_order(random_customer(rng), [("CF-1002", 2)])
    assert product.stock == 0 and product.availability_state == "OUT_OF_STOCK"
    for _ in range(200):  # customers never get a sold-out product into an order
        order = world.place_random_order(rng)
        if order is not None:
            assert "CF-1002" not in {li.sku for li in order.lines}
    assert all((p.stock or 0) >= 0 for p in world.catalogue.by_sku.values())


# -- lists, filters, money ------------------------------------------------------------------------------
async def test_paging_links_walk_every_order_exactly_once(shop: Any) -> None:
    sandbox, client, _ = shop
    first = (await client.get("/api/orders", params={"size": 5, "sort": "createdAt,asc"})).json()
    assert first["page"] == {"size": 5, "totalElements": 12, "totalPages": 3, "number": 0}
    assert "prev" not in first["_links"] and {"first", "next", "last"} <= set(first["_links"])
    seen, page = [], first
    while True:
        seen += [o["_id"] for o in page["_embedded"]["orders"]]
        if "next" not in page["_links"]:
            break
        page = (await client.get(page["_links"]["next"]["href"])).json()
    assert "prev" in page["_links"] and page["page"]["number"] == 2
    assert seen == [o.order_id for o in sorted(sandbox.epages.orders, key=lambda o: o.created_ms)]
    single = (await client.get("/api/orders", params={"size": 50})).json()
    assert set(single["_links"]) == {"self", "unviewed"}


async def test_order_list_filters_and_sorting(shop: Any) -> None:
    sandbox, client, _ = shop
    orders = sandbox.epages.orders
    middle = sorted(orders, key=lambda o: o.created_ms)[6]
    from epages_sync.sandbox.epages import ms_to_iso
    r = await client.get("/api/orders", params={"createdAfter": ms_to_iso(middle.created_ms), "size": 100})
    assert {o["_id"] for o in r.json()["_embedded"]["orders"]} == {
        o.order_id for o in orders if o.created_ms > middle.created_ms}
    r = await client.get("/api/orders", params={"canceled": "true"})
    assert {o["_id"] for o in r.json()["_embedded"]["orders"]} == {o.order_id for o in orders if o.canceled}
    r = await client.get("/api/orders", params={"shippingStatus": "UNSHIPPED", "sort": "orderNumber,desc"})
    numbers = [o["orderNumber"] for o in r.json()["_embedded"]["orders"]]
    assert numbers == sorted(numbers, reverse=True) and numbers
    assert all(o["shippingStatus"] == "UNSHIPPED" for o in r.json()["_embedded"]["orders"])
    r = await client.get("/api/orders", params={"sort": "color,asc"})
    assert r.status_code == 400 and r.json()["errorId"] == "invalid-sort-property"
    r = await client.get("/api/orders", params={"page": "two"})
    assert r.status_code == 400 and r.json()["errorId"] == "conversion-failed"
    r = await client.get("/api/orders", params={"createdAfter": "yesterday"})
    assert r.status_code == 400


async def test_amounts_are_exact_decimals_and_add_up(shop: Any) -> None:
    sandbox, client, _ = shop
    world = sandbox.epages
    order = world.place_order(random_customer(random.Random(1)), [("CF-1010", 3), ("CF-1001", 1)],
                              coupon_code="SUMMER15", discounts={"CF-1010": Decimal("-2.00")}, paid=True)
    r = await client.get(f"/api/orders/{order.order_id}")
    assert b'"amount":6.66' in r.content  # 6.66 stays 6.66 on the wire, never 6.6600000001
    body = r.json(parse_float=Decimal)
    lines = body["productLineItems"]
    subtotal = sum(li["lineItemPrice"]["amount"] + li["lineItemDiscount"]["amount"] for li in lines)
    assert body["subtotal"]["amount"] == subtotal
    grand = (subtotal + body["couponLineItem"]["lineItemPrice"]["amount"]
             + body["shippingLineItem"]["lineItemPrice"]["amount"]
             + body["paymentLineItem"]["lineItemPrice"]["amount"])
    assert body["grandTotal"]["amount"] == grand
    coupon = (subtotal * Decimal("-0.15")).quantize(Decimal("0.01"))
    assert body["couponLineItem"]["lineItemPrice"]["amount"] == coupon
    assert lines[0]["unitDiscount"]["amount"] == Decimal("-0.667")  # -2.00 over three units, rounded


async def test_unknown_paths_and_ids_answer_with_beyonds_404(shop: Any) -> None:
    _, client, _ = shop
    for path in ("/api/orders/00000000-0000-4000-8000-000000000000", "/api/nowhere",
                 "/api/products/00000000-0000-4000-8000-000000000000/availability"):
        r = await client.get(path)
        assert r.status_code == 404 and r.json()["errorId"] == "resource-not-found", path
    r = await client.get("/api/products/search/find-by-sku", params={"sku": "NO-SUCH"})
    assert r.status_code == 404


def test_every_timestamp_the_shop_writes_reads_back_to_the_same_millisecond() -> None:
    # A poller passes the updatedAt it saw back as updatedAfter; a millisecond lost would re-read or skip.
    from epages_sync.sandbox.epages import ms_to_iso

    rng = random.Random(11)
    for ms in [1_760_000_000_380, 1_760_000_000_000, *(rng.randint(1_600_000_000_000, 1_900_000_000_000)
                                                       for _ in range(2000))]:
        assert iso_to_ms(ms_to_iso(ms)) == ms
    assert ms_to_iso(1_760_000_000_380) == "2025-10-09T08:53:20.38"  # trailing zeros dropped, as Java does
