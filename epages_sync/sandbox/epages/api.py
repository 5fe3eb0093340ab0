"""The ePages Beyond REST endpoints the sync uses, under ``/api`` as on ``{store}.beyondshop.cloud/api``.

Each endpoint checks the bearer token and its scope first (401/403 with Beyond's error body), then reads
the request and hands it to the shop (``EpagesWorld``), whose refusals become Beyond's error answers.
"""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import wire
from .auth import OAuthRefusal, TokenDesk
from .catalogue import ShopProduct
from .orders import ShopOrder
from .refusals import BeyondError, conversion_failed, not_found, unreadable, validation_failed
from .world import EpagesWorld, iso_to_ms

Reply = tuple[int, Any, dict[str, str]]
Guard = Callable[[], AbstractAsyncContextManager[None]]

DEFAULT_PAGE_SIZE = 20
# Beyond documents no largest page; ePages' own client asks for 200, so that is what is honoured.
MAX_PAGE_SIZE = 200
# How GET /orders lists: honouring ``sort`` (what the sandbox did first), or strictly only what ePages'
# description promises: the parameter ignored ("unsorted"), and also any order within a page ("shuffled").
ORDER_LISTINGS = ("sorted", "unsorted", "shuffled")

_ORDER_SORTS = {
    "createdAt": lambda o: o.created_ms, "updatedAt": lambda o: o.updated_ms,
    "entryDate": lambda o: o.created_ms, "orderNumber": lambda o: int(o.number),
}
_PRODUCT_SORTS = {"sku": lambda p: p.sku or "", "name": lambda p: p.name,
                  "lastModifiedAt": lambda p: p.modified_ms, "salesPrice": lambda p: p.price}


@asynccontextmanager
async def no_guard() -> AsyncIterator[None]:
    yield


@dataclass
class Call:
    request: Request
    body: Any
    base: str

    @property
    def query(self) -> QueryParams:
        return self.request.query_params

    def param(self, name: str) -> str:
        return str(self.request.path_params[name])


def _error(e: BeyondError) -> Response:
    trace = secrets.token_hex(8)
    headers = {"X-B3-TraceId": trace, **e.headers}
    return Response(wire.encode(e.body(trace)), e.status, headers=headers, media_type=wire.HAL)


def beyond_error_response(e: BeyondError) -> Response:
    return _error(e)


async def _read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        return None
    kind = request.headers.get("content-type", "")
    if kind and "json" not in kind:
        raise BeyondError(415, "unsupported-media-type", f"Content type '{kind}' not supported")
    try:
        return json.loads(raw, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as e:
        raise unreadable(f"JSON parse error: {e}") from None


def _paging(q: QueryParams) -> tuple[int, int]:
    def whole(name: str, default: int) -> int:
        text = q.get(name)
        if text is None or text == "":
            return default
        try:
            return int(text)
        except ValueError:
            raise conversion_failed(name, text, "int") from None

    number = max(0, whole("page", 0))
    size = whole("size", DEFAULT_PAGE_SIZE)
    if size < 1:
        size = DEFAULT_PAGE_SIZE
    return number, min(size, MAX_PAGE_SIZE)


def _sorted(items: list[Any], q: QueryParams, keys: dict[str, Callable[[Any], Any]], what: str) -> list[Any]:
    # Spring applies the last sort key first when sorting stably, so go through them in reverse.
    for spec in reversed(q.getlist("sort")):
        prop, _, direction = spec.partition(",")
        if prop not in keys:
            raise BeyondError(400, "invalid-sort-property",
                              f"The property '{prop}' is no valid sort property. {what} can only be sorted "
                              f"by the following properties: '[{', '.join(keys)}]'.")
        items = sorted(items, key=keys[prop], reverse=direction.strip().upper() == "DESC")
    return items


def _kept(q: QueryParams) -> list[tuple[str, str]]:
    return [(k, v) for k, v in q.multi_items() if k not in ("page", "size")]


def _paged(key: str, items: list[Any], render: Callable[[Any], dict[str, Any]], call: Call, url: str,
           extra_links: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    number, size = _paging(call.query)
    chunk = items[number * size:(number + 1) * size]
    return wire.page(key, [render(x) for x in chunk], url, _kept(call.query), number, size, len(items),
                     extra_links)


def _text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    return value if isinstance(value, str) else None


def _object(body: Any, entity: str) -> dict[str, Any]:
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise unreadable("JSON parse error: expected an object")
    return body


def _line_items(body: dict[str, Any], entity: str, *, with_status: bool = False) -> list[tuple[Any, ...]]:
    items = body.get("lineItems")
    if not isinstance(items, list):
        raise validation_failed(entity, "lineItems", items, "must not be null")
    out: list[tuple[Any, ...]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise validation_failed(entity, f"lineItems[{index}]", item, "must be an object")
        line_id = item.get("productLineItemId")
        qty = item.get("quantity")
        if not isinstance(line_id, str) or not line_id:
            raise validation_failed(entity, f"lineItems[{index}].productLineItemId", line_id,
                                    "must not be null")
        if isinstance(qty, bool) or not isinstance(qty, (int, Decimal)) or qty != int(qty):
            raise validation_failed(entity, f"lineItems[{index}].quantity", qty, "must be a whole number")
        if with_status:
            status = item.get("status")
            if status not in ("RETURNED", "BROKEN"):
                raise validation_failed(entity, f"lineItems[{index}].status", status,
                                        "Can be one of RETURNED or BROKEN.")
            out.append((line_id, int(qty), status))
        else:
            out.append((line_id, int(qty)))
    return out


def _refund(body: dict[str, Any], name: str) -> Decimal | None:
    value = body.get(name)
    if value is None:
        return None
    amount = value.get("amount") if isinstance(value, dict) else None
    try:
        return Decimal(str(amount)) if amount is not None else None
    except InvalidOperation:
        raise validation_failed("returnProcess", f"{name}.amount", amount, "must be a number") from None


def _flag(q: QueryParams, name: str) -> bool | None:
    text = q.get(name)
    if text is None or text == "":
        return None
    if text.lower() not in ("true", "false"):
        raise conversion_failed(name, text, "boolean")
    return text.lower() == "true"


def _when(q: QueryParams, name: str) -> int | None:
    text = q.get(name)
    if not text:
        return None
    try:
        return iso_to_ms(text)
    except ValueError:
        raise conversion_failed(name, text, "LocalDateTime") from None


class EpagesApi:
    """Routes of the simulated shop; ``guard`` keeps other threads out of the world while a call works."""

    def __init__(self, world: EpagesWorld, tokens: TokenDesk, guard: Guard = no_guard, *,
                 order_listing: str = "sorted") -> None:
        if order_listing not in ORDER_LISTINGS:
            raise ValueError(f"order_listing must be one of {', '.join(ORDER_LISTINGS)}, not {order_listing!r}")
        self.world = world
        self.tokens = tokens
        self.guard = guard
        self.order_listing = order_listing
        self._shuffle = random.Random(0)
        # Rendering an order is the costliest part of a poll; every change of an order moves its
        # updatedAt, so (updatedAt, base URL) tells whether the last rendering still holds.
        self._rendered: dict[str, tuple[int, str, dict[str, Any]]] = {}

    def _order(self, order: ShopOrder, base: str) -> dict[str, Any]:
        hit = self._rendered.get(order.order_id)
        if hit is not None and hit[0] == order.updated_ms and hit[1] == base:
            return hit[2]
        rendered = wire.order(order, base)
        self._rendered[order.order_id] = (order.updated_ms, base, rendered)
        return rendered

    # -- plumbing -------------------------------------------------------------------------------------
    def _endpoint(self, scope: str, action: Callable[[Call], Reply], *,
                  body: bool = False) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            try:
                grant = self.tokens.check(request.headers.get("authorization"))
                TokenDesk.require(grant, scope)
                payload = await _read_json(request) if body else None
                url = request.url
                # A store of a sandbox serving several answers below its own prefix (the ASGI root path).
                call = Call(request, payload, f"{url.scheme}://{url.netloc}{request.scope.get('root_path', '')}/api")
                async with self.guard():
                    status, answer, headers = action(call)
                    content = wire.encode(answer)
            except BeyondError as e:
                return _error(e)
            return Response(content, status, headers=headers, media_type=wire.HAL)
        return handle

    def routes(self) -> list[Route]:
        e = self._endpoint
        o = "/api/orders/{orderId}"
        p = "/api/products/{productId}"
        v = p + "/variations/{variationId}"
        return [
            Route("/api/oauth/token", self.token, methods=["POST"]),
            Route("/api/orders", e("ordr:r", self.list_orders), methods=["GET"]),
            Route(o, e("ordr:r", self.show_order), methods=["GET"]),
            Route(o + "/cancel", e("clpr:c", self.cancel_order, body=True), methods=["POST"]),
            Route(o + "/processes", e("ordp:r", self.order_processes), methods=["GET"]),
            Route(o + "/processes/shippings", e("shpr:r", self.list_shippings), methods=["GET"]),
            Route(o + "/processes/shippings", e("shpr:c", self.create_shipping, body=True), methods=["POST"]),
            Route(o + "/processes/shippings/{processId}", e("shpr:r", self.show_shipping), methods=["GET"]),
            Route(o + "/processes/shippings/{processId}/mark-shipped",
                  e("shpr:u", self.mark_shipped, body=True), methods=["POST"]),
            Route(o + "/processes/shippings/{processId}/mark-delivered",
                  e("shpr:u", self.mark_delivered, body=True), methods=["POST"]),
            Route(o + "/processes/pickups", e("shpr:r", self.list_pickups), methods=["GET"]),
            Route(o + "/processes/pickups", e("shpr:c", self.create_pickup, body=True), methods=["POST"]),
            Route(o + "/processes/pickups/{processId}", e("shpr:r", self.show_pickup), methods=["GET"]),
            Route(o + "/processes/pickups/{processId}/mark-picked-up",
                  e("shpr:u", self.mark_picked_up, body=True), methods=["POST"]),
            Route(o + "/processes/cancelations", e("clpr:r", self.list_cancelations), methods=["GET"]),
            Route(o + "/processes/cancelations", e("clpr:c", self.create_cancelation, body=True),
                  methods=["POST"]),
            Route(o + "/processes/cancelations/{processId}", e("clpr:r", self.show_cancelation),
                  methods=["GET"]),
            Route(o + "/processes/returns", e("rtpr:r", self.list_returns), methods=["GET"]),
            Route(o + "/processes/returns", e("rtpr:c", self.create_return, body=True), methods=["POST"]),
            Route(o + "/processes/returns/{processId}", e("rtpr:r", self.show_return), methods=["GET"]),
            Route("/api/products", e("prod:r", self.list_products), methods=["GET"]),
            Route("/api/products/search/find-by-sku", e("prod:r", self.find_by_sku), methods=["GET"]),
            Route(p, e("prod:r", self.show_product), methods=["GET"]),
            Route(p + "/variations", e("prod:r", self.list_variations), methods=["GET"]),
            Route(v, e("prod:r", self.show_variation), methods=["GET"]),
            Route(p + "/availability", e("prda:r", self.product_availability), methods=["GET"]),
            Route(p + "/availability/adjust-available-stock", e("prda:u", self.adjust_product, body=True),
                  methods=["POST"]),
            Route(p + "/availability/enable-stock-management",
                  e("prda:u", self.enable_stock_management, body=True), methods=["POST"]),
            Route(p + "/availability/disable-stock-management",
                  e("prda:u", self.disable_stock_management, body=True), methods=["POST"]),
            Route(v + "/availability", e("prda:r", self.variation_availability), methods=["GET"]),
            Route(v + "/availability/adjust-available-stock", e("prda:u", self.adjust_variation, body=True),
                  methods=["POST"]),
            Route("/api/shop/locations", e("loca:r", self.list_locations), methods=["GET"]),
            Route("/api/pickup-options", e("shpz:r", self.list_pickup_options), methods=["GET"]),
        ]

    # -- token ----------------------------------------------------------------------------------------
    async def token(self, request: Request) -> Response:
        grant_type = request.query_params.get("grant_type")
        if grant_type is None and "x-www-form-urlencoded" in request.headers.get("content-type", ""):
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            grant_type = next(iter(form.get("grant_type") or []), None)
        try:
            answer: Any = self.tokens.issue(request.headers.get("authorization"), grant_type)
            status = 200
        except OAuthRefusal as e:
            answer, status = e.body(), e.status
        return Response(json.dumps(answer).encode(), status, media_type="application/json;charset=UTF-8",
                        headers={"Cache-Control": "no-store", "Pragma": "no-cache"})

    # -- orders ---------------------------------------------------------------------------------------
    def list_orders(self, call: Call) -> Reply:
        q = call.query
        orders: list[ShopOrder] = list(self.world.orders)
        windows = (("createdAfter", "created_ms", True), ("createdBefore", "created_ms", False),
                   ("updatedAfter", "updated_ms", True), ("updatedBefore", "updated_ms", False))
        for name, attr, later in windows:
            limit = _when(q, name)
            if limit is not None:
                orders = [o for o in orders
                          if (getattr(o, attr) > limit if later else getattr(o, attr) < limit)]
        canceled = _flag(q, "canceled")
        if canceled is not None:
            orders = [o for o in orders if o.canceled == canceled]
        for name, status_of in (("shippingStatus", ShopOrder.shipping_status),
                                ("paymentStatus", ShopOrder.payment_status)):
            wanted = {s.strip().upper() for value in q.getlist(name) for s in value.split(",") if s.strip()}
            if wanted:
                orders = [o for o in orders if status_of(o) in wanted]
        if q.get("orderNumber"):
            orders = [o for o in orders if q["orderNumber"] in o.number]
        if q.get("pickupOptionId"):
            orders = [o for o in orders
                      if o.pickup_option and o.pickup_option.pickup_option_id == q["pickupOptionId"]]
        if q.get("customerEmail"):
            orders = [o for o in orders if o.customer.email.lower() == q["customerEmail"].lower()]
        if self.order_listing == "sorted":
            if not q.getlist("sort"):
                orders.sort(key=lambda o: o.created_ms, reverse=True)  # newest first, as the cockpit lists them
            orders = _sorted(orders, q, _ORDER_SORTS, "Orders")
        else:
            # ePages documents no sort for this list: the strict sandbox ignores the parameter and lists by
            # number, the oldest last (an order changed meanwhile keeps its place).
            orders.sort(key=lambda o: int(o.number), reverse=True)
        base = call.base
        body = _paged("orders", orders, lambda o: self._order(o, base), call, f"{base}/orders",
                      {"unviewed": wire.link(f"{base}/orders/unviewed")})
        if self.order_listing == "shuffled":
            self._shuffle.shuffle(body["_embedded"]["orders"])  # and in any order within a page
        return 200, body, {}

    def show_order(self, call: Call) -> Reply:
        return 200, self._order(self.world.order(call.param("orderId")), call.base), {}

    def cancel_order(self, call: Call) -> Reply:
        body = _object(call.body, "cancelOrder")
        order = self.world.cancel_order(call.param("orderId"), comment=_text(body, "comment"))
        return 200, self._order(order, call.base), {}

    def order_processes(self, call: Call) -> Reply:
        return 200, wire.processes(self.world.order(call.param("orderId")), call.base), {}

    def _process_list(self, call: Call, kind: str, key: str, attr: str,
                      render: Callable[[ShopOrder, Any, str], dict[str, Any]]) -> Reply:
        order = self.world.order(call.param("orderId"))
        url = f"{call.base}/orders/{order.order_id}/processes/{kind}"
        return 200, _paged(key, getattr(order, attr), lambda p: render(order, p, call.base), call, url,
                           {key: wire.link(url)}), {}

    def _process(self, call: Call, kind: str, attr: str,
                 render: Callable[[ShopOrder, Any, str], dict[str, Any]], status: int = 200,
                 process: Any = None) -> Reply:
        order = self.world.order(call.param("orderId"))
        if process is None:
            process_id = call.param("processId")
            process = next((p for p in getattr(order, attr) if p.process_id == process_id), None)
            if process is None:
                raise not_found(f"/orders/{order.order_id}/processes/{kind}/{process_id}")
        answer = render(order, process, call.base)
        headers = {"Location": answer["_links"]["self"]["href"]} if status == 201 else {}
        return status, answer, headers

    def list_shippings(self, call: Call) -> Reply:
        return self._process_list(call, "shippings", "shipping-processes", "shippings", wire.shipping_process)

    def show_shipping(self, call: Call) -> Reply:
        return self._process(call, "shippings", "shippings", wire.shipping_process)

    def create_shipping(self, call: Call) -> Reply:
        body = _object(call.body, "shippingProcess")
        order = self.world.order(call.param("orderId"))
        if order.is_pickup:  # Beyond says this before it looks at the line items
            self.world.create_shipping(order.order_id, [])
        process = self.world.create_shipping(
            order.order_id, _line_items(body, "shippingProcess"),
            tracking_code=_text(body, "trackingCode"), tracking_link=_text(body, "trackingLink"),
            comment=_text(body, "comment"))
        return self._process(call, "shippings", "shippings", wire.shipping_process, 201, process)

    def mark_shipped(self, call: Call) -> Reply:
        body = _object(call.body, "markShipped")
        raw = body.get("details")
        details = raw if isinstance(raw, dict) else {}
        process = self.world.mark_shipped(call.param("orderId"), call.param("processId"),
                                          tracking_code=_text(details, "trackingCode"),
                                          tracking_link=_text(details, "trackingLink"))
        return self._process(call, "shippings", "shippings", wire.shipping_process, 200, process)

    def mark_delivered(self, call: Call) -> Reply:
        process = self.world.mark_delivered(call.param("orderId"), call.param("processId"))
        return self._process(call, "shippings", "shippings", wire.shipping_process, 200, process)

    def list_pickups(self, call: Call) -> Reply:
        return self._process_list(call, "pickups", "pickup-processes", "pickups", wire.pickup_process)

    def show_pickup(self, call: Call) -> Reply:
        return self._process(call, "pickups", "pickups", wire.pickup_process)

    def create_pickup(self, call: Call) -> Reply:
        body = _object(call.body, "pickupProcess")
        process = self.world.create_pickup(call.param("orderId"), comment=_text(body, "comment"))
        return self._process(call, "pickups", "pickups", wire.pickup_process, 201, process)

    def mark_picked_up(self, call: Call) -> Reply:
        process = self.world.mark_picked_up(call.param("orderId"), call.param("processId"))
        return self._process(call, "pickups", "pickups", wire.pickup_process, 200, process)

    def list_cancelations(self, call: Call) -> Reply:
        return self._process_list(call, "cancelations", "cancel-processes", "cancelations",
                                  wire.cancel_process)

    def show_cancelation(self, call: Call) -> Reply:
        return self._process(call, "cancelations", "cancelations", wire.cancel_process)

    def create_cancelation(self, call: Call) -> Reply:
        body = _object(call.body, "cancelProcess")
        process = self.world.create_cancelation(call.param("orderId"),
                                                _line_items(body, "cancelProcess"),
                                                comment=_text(body, "comment"))
        return self._process(call, "cancelations", "cancelations", wire.cancel_process, 201, process)

    def list_returns(self, call: Call) -> Reply:
        return self._process_list(call, "returns", "return-processes", "returns", wire.return_process)

    def show_return(self, call: Call) -> Reply:
        return self._process(call, "returns", "returns", wire.return_process)

    def create_return(self, call: Call) -> Reply:
        body = _object(call.body, "returnProcess")
        process = self.world.create_return(
            call.param("orderId"),
            _line_items(body, "returnProcess", with_status=True),
            shipping_price_refund=_refund(body, "shippingPriceRefund"),
            pickup_price_refund=_refund(body, "pickupPriceRefund"),
            shipping_process_id=_text(body, "shippingProcessId"),
            pickup_process_id=_text(body, "pickupProcessId"),
            comment=_text(body, "comment"))
        return self._process(call, "returns", "returns", wire.return_process, 201, process)

    # -- products -------------------------------------------------------------------------------------
    def list_products(self, call: Call) -> Reply:
        products = _sorted(list(self.world.catalogue.products), call.query, _PRODUCT_SORTS, "Products")
        base = call.base
        return 200, _paged("products", products, lambda p: wire.product(p, base), call, f"{base}/products",
                           {"search": wire.link(f"{base}/products/search")}), {}

    def show_product(self, call: Call) -> Reply:
        return 200, wire.product(self.world.product(call.param("productId")), call.base), {}

    def find_by_sku(self, call: Call) -> Reply:
        sku = call.query.get("sku")
        if not sku:
            raise BeyondError(400, "missing-request-parameter",
                              "Required String parameter 'sku' is not present", {"parameter": "sku"})
        # Only products answer here; a variation's SKU is found through its variation product's variations.
        product = self.world.catalogue.by_sku.get(sku)
        if product is None or product.is_variation:
            raise not_found("/products/search/find-by-sku")
        return 200, wire.product(product, call.base), {}

    def list_variations(self, call: Call) -> Reply:
        product = self.world.product(call.param("productId"))
        base = call.base
        variations = _sorted(list(product.variations), call.query, _PRODUCT_SORTS, "Variations")
        return 200, _paged("variations", variations, lambda v: wire.variation(v, base), call,
                           f"{base}/products/{product.product_id}/variations"), {}

    def show_variation(self, call: Call) -> Reply:
        found = self.world.variation(call.param("productId"), call.param("variationId"))
        return 200, wire.variation(found, call.base), {}

    def product_availability(self, call: Call) -> Reply:
        return 200, wire.availability(self.world.product(call.param("productId")), call.base), {}

    def variation_availability(self, call: Call) -> Reply:
        found = self.world.variation(call.param("productId"), call.param("variationId"))
        return 200, wire.availability(found, call.base), {}

    def _adjust(self, call: Call, product: ShopProduct) -> Reply:
        body = _object(call.body, "adjustAvailableStock")
        amount = body.get("relativeAmount")
        if isinstance(amount, Decimal) and amount == int(amount):
            amount = int(amount)
        if amount is None:
            raise validation_failed("adjustAvailableStock", "relativeAmount", None, "must not be null")
        self.world.catalogue.adjust(product, amount, self.world.now_ms())
        return 200, wire.availability(product, call.base), {}

    def adjust_product(self, call: Call) -> Reply:
        return self._adjust(call, self.world.product(call.param("productId")))

    def adjust_variation(self, call: Call) -> Reply:
        return self._adjust(call, self.world.variation(call.param("productId"), call.param("variationId")))

    def enable_stock_management(self, call: Call) -> Reply:
        product = self.world.product(call.param("productId"))
        body = _object(call.body, "enableStockManagement")
        self.world.catalogue.enable_stock_management(product, body.get("initialAvailableStock"),
                                                     body.get("stockThreshold"), self.world.now_ms())
        return 200, wire.availability(product, call.base), {}

    def disable_stock_management(self, call: Call) -> Reply:
        product = self.world.product(call.param("productId"))
        self.world.catalogue.disable_stock_management(product, self.world.now_ms())
        return 200, wire.availability(product, call.base), {}

    # -- shop -----------------------------------------------------------------------------------------
    def list_locations(self, call: Call) -> Reply:
        base = call.base
        return 200, _paged("locations", self.world.locations, lambda loc: wire.location(loc, base), call,
                           f"{base}/shop/locations"), {}

    def list_pickup_options(self, call: Call) -> Reply:
        base = call.base
        locations = {loc.location_id: loc for loc in self.world.locations}
        numbered = list(enumerate(self.world.pickup_options, start=1))
        return 200, _paged("pickup-options", numbered,
                           lambda pair: wire.pickup_option(pair[1], pair[0], locations, base), call,
                           f"{base}/pickup-options"), {}
