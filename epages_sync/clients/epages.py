"""ePages Beyond REST client: login with client credentials, every call the sync rules need, paging by
``_links.next``, and ePages' answers turned into the models of ``epages_models`` and the project's errors.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import parse_qsl, quote, urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from ..config import Settings
from ..errors import (
    AuthenticationError,
    ConfigError,
    Conflict,
    DomainRejected,
    MissingScope,
    NotFound,
    RevokedError,
    StoreNotFound,
    SyncError,
    ValidationFailed,
)
from ..texts import Text
from .epages_models import (
    Availability,
    CancelProcess,
    Money,
    Order,
    OrderProcesses,
    Page,
    PageInfo,
    PickupOption,
    PickupProcess,
    ProcessLine,
    Product,
    ReturnLine,
    ReturnProcess,
    ShippingProcess,
    ShopLocation,
    Unreadable,
    Variation,
    parse_json,
)
from .http import Clock, ExchangeHook, HostNotFound, HttpPolicy, HttpSession
from .scopes import GrantedScopes, label_for, scope_for_call

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

_STORE_HOST_SUFFIX = ".beyondshop.cloud"
_DEFAULT_TOKEN_LIFETIME = 43199  # what ePages hands out (12 h) when an answer omits expires_in


_PROBLEMS = {
    "missing": "is missing",
    "int_parsing": "is not a whole number", "int_type": "is not a whole number",
    "int_from_float": "is not a whole number",
    "decimal_parsing": "is not a number", "decimal_type": "is not a number",
    "bool_parsing": "is not true or false", "bool_type": "is not true or false",
    "string_type": "is not text", "list_type": "is not a list", "dict_type": "is not an object",
    "model_type": "is not an object", "datetime_parsing": "is not a date and time",
    "datetime_from_date_parsing": "is not a date and time", "datetime_type": "is not a date and time",
}


def unreadable_field(exc: ValidationError) -> str:
    """Which field of an answer could not be read, and why, in words; never the value itself (it may be a
    customer's name or address)."""
    first = exc.errors()[0]
    where = ""
    for part in first.get("loc", ()):
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    what = _PROBLEMS.get(first.get("type", ""), "has a value this version cannot read")
    return f"{where or 'the answer'} {what}"


def unreadable_order(row: Any, problem: str) -> Unreadable:
    """What can still be told of an order that could not be read: its id and number, and the units of
    its lines as far as they are readable (they still count against the shop's stock)."""
    data = row if isinstance(row, dict) else {}
    units: dict[str, int] = {}
    for line in data.get("productLineItems") or []:
        if not isinstance(line, dict):
            continue
        product = line.get("product")
        sku = product.get("sku") if isinstance(product, dict) else None
        quantity = line.get("initialQuantity") if isinstance(line.get("initialQuantity"), int) else \
            line.get("quantity")
        if isinstance(sku, str) and isinstance(quantity, int) and quantity > 0:
            units[sku] = units.get(sku, 0) + quantity

    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) and value else None

    return Unreadable(id=text("_id"), number=text("orderNumber"), updated_at=text("updatedAt"),
                      problem=problem, units=units)


@dataclass
class _Token:
    value: str
    renew_at: float  # monotonic seconds


def wire_time(value: dt.datetime | dt.date) -> str:
    """A filter time as ePages expects it: ISO 8601 local date-time, no offset.

    ePages sends its own times without an offset; a time read from an answer is naive and goes back
    unchanged, so a watermark never shifts by a time zone. An aware time is sent as UTC.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="milliseconds")
    return f"{value.isoformat()}T00:00:00"


def _seg(value: str) -> str:
    """An id as one path segment: never lets a value change which resource is addressed."""
    return quote(str(value), safe="")


def _money(value: Money | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"currency": value.currency, "amount": value.amount}


def _without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


LARGE_ANSWER = 32 * 1024


class EpagesClient:
    """One shop's API. Holds the access token in memory only; renews it before it runs out and after a 401."""

    def __init__(self, api_url: str, client_id: str, client_secret: str, *, policy: HttpPolicy | None = None,
                 transport: httpx.AsyncBaseTransport | None = None, clock: Clock | None = None,
                 on_exchange: ExchangeHook | None = None) -> None:
        self.api_url = api_url.rstrip("/")
        self._origin = urlsplit(self.api_url)
        self._client_id = client_id
        self._client_secret = client_secret
        self.session = HttpSession("ePages", policy=policy, transport=transport, clock=clock,
                                   on_exchange=on_exchange, secrets=[client_secret])
        self._token: _Token | None = None
        self._token_lock = asyncio.Lock()
        self.granted = GrantedScopes()

    @classmethod
    def from_settings(cls, settings: Settings, client_secret: str, **kw: Any) -> EpagesClient:
        if not settings.client_id:
            raise ConfigError(Text("No ePages client id is set."), concerns=Text("client id"))
        return cls(settings.epages_api_url, settings.client_id, client_secret, **kw)

    async def aclose(self) -> None:
        await self.session.aclose()

    async def __aenter__(self) -> EpagesClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- login ---------------------------------------------------------------------------------------

    async def authenticate(self, *, renew: bool = False) -> GrantedScopes:
        """Get a token (a fresh one with ``renew``) and return the scopes it grants."""
        if renew:
            self._token = None
        await self._access_token()
        return self.granted

    async def _access_token(self) -> str:
        async with self._token_lock:
            token = self._token
            if token is None or self.session.clock.monotonic() >= token.renew_at:
                token = self._token = await self._fetch_token()
            return token.value

    def _drop_token(self, value: str) -> None:
        # Only the token that failed: a concurrent call may already have fetched a fresh one.
        if self._token is not None and self._token.value == value:
            self._token = None

    async def _fetch_token(self) -> _Token:
        url = self.api_url + "/oauth/token"
        try:
            resp = await self.session.request(
                "POST", url, form={"grant_type": "client_credentials"},
                auth=httpx.BasicAuth(self._client_id, self._client_secret),
                headers={"Accept": "application/json"}, idempotent=True, concerns="ePages login")
        except HostNotFound as exc:
            raise self._store_missing(exc) from None
        if resp.status_code == 404:
            raise StoreNotFound(Text("There is no ePages shop at {host}.", host=self._origin.hostname),
                                concerns=self._store_name())
        body = self._json(resp)
        if resp.status_code in (400, 401, 403):
            text = " ".join(str(body.get(k, "")) for k in ("error", "error_description")) if body else ""
            if "revoked" in text.lower():
                raise RevokedError(Text("ePages says the app was revoked."),
                                   concerns=Text("ePages client id"))
            raise AuthenticationError(Text("ePages refused the client id and secret."),
                                      concerns=Text("ePages client id"))
        if not resp.is_success or not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise SyncError(Text("ePages login answered unexpectedly (HTTP {status}).",
                                 status=resp.status_code),
                            concerns=Text("ePages login"))
        value = body["access_token"]
        self.session.redaction.add_secret(value)
        try:
            lifetime = float(body.get("expires_in") or _DEFAULT_TOKEN_LIFETIME)
        except (TypeError, ValueError):
            lifetime = _DEFAULT_TOKEN_LIFETIME
        # Renew a little before the end so no call goes out with a token about to expire.
        margin = min(300.0, lifetime / 10)
        self.granted = GrantedScopes.from_token_response(body)
        log.info("ePages login ok; scopes: %s", " ".join(self.granted.as_list()) or "(none)")
        return _Token(value, self.session.clock.monotonic() + lifetime - margin)

    def _store_name(self) -> str:
        host = self._origin.hostname or ""
        return host[: -len(_STORE_HOST_SUFFIX)] if host.endswith(_STORE_HOST_SUFFIX) else host

    def _store_missing(self, exc: HostNotFound) -> SyncError:
        if exc.host.endswith(_STORE_HOST_SUFFIX):
            return StoreNotFound(Text("There is no ePages shop named '{store}'.", store=self._store_name()),
                                 concerns=self._store_name())
        return exc

    # --- one call --------------------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return self.api_url + path

    def _path_of(self, url: str) -> str:
        path = urlsplit(url).path
        base = self._origin.path.rstrip("/")
        return path[len(base):] if base and path.startswith(base) else path

    async def _call(self, method: str, url: str, *, params: Mapping[str, Any] | None = None,
                    json_body: Any = None, idempotent: bool | None = None,
                    concerns: str | None = None) -> Any:
        """Send one call with a valid token; 401 renews the token once, 403 re-reads the scopes once."""
        path = self._path_of(url)
        clean = {k: v for k, v in (params or {}).items() if v is not None} or None
        renewed_after_401 = renewed_after_403 = False
        while True:
            token = await self._access_token()
            try:
                resp = await self.session.request(
                    method, url, params=clean, json_body=json_body, idempotent=idempotent, concerns=concerns,
                    headers={"Authorization": f"Bearer {token}", "Accept": "application/hal+json"})
            except HostNotFound as exc:
                raise self._store_missing(exc) from None
            if resp.status_code == 401:
                self._drop_token(token)
                if not renewed_after_401:
                    renewed_after_401 = True
                    continue
                raise AuthenticationError(Text("ePages refused the access token twice in a row."),
                                          concerns=concerns)
            if resp.status_code == 403:
                scope = scope_for_call(method, path)
                if not renewed_after_403 and scope and not self.granted.has(scope):
                    # A box ticked after our token was issued shows up only in a new token.
                    renewed_after_403 = True
                    self._drop_token(token)
                    await self._access_token()
                    if self.granted.has(scope):
                        continue
                raise self._forbidden(resp, scope, concerns)
            if resp.is_success:
                if not resp.content:
                    return None
                if len(resp.content) > LARGE_ANSWER:  # a page of orders: parse it off the event loop
                    return await asyncio.to_thread(self._json, resp)
                return self._json(resp)
            raise self._error(resp, concerns)

    def _forbidden(self, resp: httpx.Response, scope: str | None, concerns: str | None) -> SyncError:
        if scope and not self.granted.has(scope):
            label = label_for(scope)
            return MissingScope(Text("The ePages app lacks the permission '{label}' ({scope}).",
                                     label=label or scope, scope=scope),
                                scope=scope, label=label)
        body = self._json(resp)
        detail = body.get("message") if isinstance(body, dict) else None
        error_id = body.get("errorId", "forbidden") if isinstance(body, dict) else "forbidden"
        text = Text("ePages refused the request: {reason}.",
                    reason=self.session.redaction.text(str(detail or "forbidden")))
        return DomainRejected(text, error_id=str(error_id), concerns=concerns)

    def _json(self, resp: httpx.Response) -> Any:
        try:
            return parse_json(resp.content)
        except ValueError:
            return None

    def _error(self, resp: httpx.Response, concerns: str | None) -> SyncError:
        body = self._json(resp)
        body = body if isinstance(body, dict) else {}
        error_id = str(body.get("errorId") or "")
        message = self.session.redaction.text(str(body.get("message") or f"HTTP {resp.status_code}"))
        details = body.get("details") if isinstance(body.get("details"), dict) else {}
        status = resp.status_code
        problems = details.get("validationErrors") if isinstance(details, dict) else None
        if status == 400 and (error_id == "input-validation-failed" or problems):
            listed = problems if isinstance(problems, list) else []
            first = listed[0] if listed and isinstance(listed[0], dict) else {}
            field = first.get("property") or first.get("entity")
            reason = first.get("message") or message
            return ValidationFailed(Text("ePages refused the value: {reason}",
                                         reason=self.session.redaction.text(str(reason))),
                                    field=str(field) if field else None, concerns=concerns or field)
        if status == 404:
            return NotFound(Text("ePages does not know it: {reason}", reason=message), concerns=concerns)
        if status == 409 and error_id == "optimistic-locking-failure":
            return Conflict(f"ePages: {message}", concerns=concerns)
        if status in (400, 409, 422):
            return DomainRejected(Text("ePages refused it: {reason}", reason=message),
                                  error_id=error_id or str(status),
                                  concerns=concerns)
        return SyncError(Text("ePages answered HTTP {status}: {reason}", status=status, reason=message),
                         concerns=concerns)

    def _model(self, model: type[M], data: Any, concerns: str | None) -> M:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise SyncError(Text("ePages sent an answer this version cannot read: {problem}.",
                                 problem=unreadable_field(exc)), concerns=concerns) from None

    def _models(self, model: type[M], rows: list[Any], concerns: str | None) -> tuple[list[M], list[Unreadable]]:
        """The items of a page. An order that cannot be read is set apart (it is parked on its own, and the
        orders after it go on); any other unreadable item fails the page, as nothing would park it."""
        items: list[M] = []
        unreadable: list[Unreadable] = []
        for row in rows:
            if model is not Order:
                items.append(self._model(model, row, concerns))
                continue
            try:
                items.append(model.model_validate(row))
            except ValidationError as exc:
                unreadable.append(unreadable_order(row, unreadable_field(exc)))
        return items, unreadable

    # --- paging ----------------------------------------------------------------------------------------

    def _next_url(self, data: Any, current: str) -> str | None:
        links = data.get("_links") if isinstance(data, dict) else None
        nxt = links.get("next") if isinstance(links, dict) else None
        href = nxt.get("href") if isinstance(nxt, dict) else None
        if not isinstance(href, str) or not href:
            return None
        parts = urlsplit(href)
        if (parts.scheme, parts.netloc) == (self._origin.scheme, self._origin.netloc):
            return href
        # The token must never travel to another host: keep our own address and take only the page query.
        query = dict(parse_qsl(parts.query))
        return str(httpx.URL(urlsplit(current)._replace(query="").geturl(), params=query))

    async def _pages(self, path: str, key: str, model: type[M], params: Mapping[str, Any] | None = None,
                     concerns: str | None = None) -> AsyncGenerator[Page[M], None]:
        url: str | None = self._url(path)
        call_params = params
        seen: set[str] = set()
        while url is not None:
            data = await self._call("GET", url, params=call_params, concerns=concerns)
            query = {k: v for k, v in (call_params or {}).items() if v is not None}
            seen.add(str(httpx.URL(url, params=query)) if query else url)
            embedded = data.get("_embedded") if isinstance(data, dict) else None
            raw = embedded.get(key) if isinstance(embedded, dict) else None
            rows = raw or []
            if len(rows) > 10:  # validating a page of orders takes tens of milliseconds: not on the loop
                items, unreadable = await asyncio.to_thread(self._models, model, rows, concerns)
            else:
                items, unreadable = self._models(model, rows, concerns)
            info = PageInfo.model_validate(data["page"]) if isinstance(data, dict) and isinstance(
                data.get("page"), dict) else None
            next_url = self._next_url(data, url)
            if next_url is not None and next_url in seen:
                log.warning("ePages paging link points back to a page already read; stopping there")
                next_url = None
            yield Page[model](items=items, info=info, next_url=next_url,  # type: ignore[valid-type]
                              unreadable=unreadable)
            url, call_params = next_url, None

    async def _all(self, path: str, key: str, model: type[M], params: Mapping[str, Any] | None = None,
                   concerns: str | None = None) -> list[M]:
        out: list[M] = []
        async for page in self._pages(path, key, model, params, concerns):
            out.extend(page.items)
        return out

    # --- orders ----------------------------------------------------------------------------------------

    def iter_order_pages(self, *, created_after: dt.datetime | dt.date | None = None,
                         updated_after: dt.datetime | dt.date | None = None,
                         updated_before: dt.datetime | dt.date | None = None,
                         sort: str | None = None, size: int = 50,
                         extra: Mapping[str, str] | None = None) -> AsyncGenerator[Page[Order], None]:
        """Orders page by page, so the caller can commit each page before reading the next.

        An async generator: close it (``contextlib.aclosing``) when stopping early.
        """
        params: dict[str, Any] = {
            "createdAfter": wire_time(created_after) if created_after is not None else None,
            "updatedAfter": wire_time(updated_after) if updated_after is not None else None,
            "updatedBefore": wire_time(updated_before) if updated_before is not None else None,
            "sort": sort, "size": size, **(extra or {})}
        return self._pages("/orders", "orders", Order, params, concerns="order list")

    async def get_order(self, order_id: str) -> Order:
        concerns = f"order {order_id}"
        return self._model(Order, await self._call("GET", self._url(f"/orders/{_seg(order_id)}"),
                                                   concerns=concerns), concerns)

    async def get_processes(self, order_id: str) -> OrderProcesses:
        """All processes of an order at once (shipping, pickup, return, cancel, refund, payment)."""
        concerns = f"order {order_id}"
        data = await self._call("GET", self._url(f"/orders/{_seg(order_id)}/processes"), concerns=concerns)
        return self._model(OrderProcesses, data, concerns)

    async def cancel_order(self, order_id: str, *, comment: str | None = None,
                           idempotent: bool = False) -> Order:
        """Cancel the whole order (creates a cancelation process for everything; answers the order)."""
        concerns = f"order {order_id}"
        data = await self._call("POST", self._url(f"/orders/{_seg(order_id)}/cancel"),
                                json_body=_without_none({"comment": comment}), idempotent=idempotent,
                                concerns=concerns)
        return self._model(Order, data, concerns)

    # --- shipping processes ----------------------------------------------------------------------------

    def _process_path(self, order_id: str, kind: str, process_id: str | None = None, action: str = "") -> str:
        path = f"/orders/{_seg(order_id)}/processes/{kind}"
        if process_id is not None:
            path += f"/{_seg(process_id)}"
        return path + (f"/{action}" if action else "")

    async def list_shipping_processes(self, order_id: str) -> list[ShippingProcess]:
        return await self._all(self._process_path(order_id, "shippings"), "shipping-processes",
                               ShippingProcess, concerns=f"order {order_id}")

    async def create_shipping_process(self, order_id: str, lines: Sequence[ProcessLine], *,
                                      tracking_code: str | None = None, tracking_link: str | None = None,
                                      comment: str | None = None, send_mail: bool = False,
                                      create_packing_slip: bool = False,
                                      idempotent: bool = False) -> ShippingProcess:
        concerns = f"order {order_id}"
        body = _without_none({
            "comment": comment, "sendMail": send_mail, "createPackingSlip": create_packing_slip,
            "trackingCode": tracking_code, "trackingLink": tracking_link,
            "lineItems": [{"productLineItemId": li.product_line_item_id, "quantity": li.quantity}
                          for li in lines]})
        data = await self._call("POST", self._url(self._process_path(order_id, "shippings")), json_body=body,
                                idempotent=idempotent, concerns=concerns)
        return self._model(ShippingProcess, data, concerns)

    async def mark_shipped(self, order_id: str, process_id: str, *, tracking_code: str | None = None,
                           tracking_link: str | None = None, comment: str | None = None,
                           send_mail: bool = False, idempotent: bool = False) -> ShippingProcess:
        concerns = f"order {order_id}"
        body = _without_none({"comment": comment, "details": _without_none({
            "sendMail": send_mail, "trackingCode": tracking_code, "trackingLink": tracking_link})})
        data = await self._call("POST", self._url(self._process_path(order_id, "shippings", process_id,
                                                                     "mark-shipped")),
                                json_body=body, idempotent=idempotent, concerns=concerns)
        return self._model(ShippingProcess, data, concerns)

    async def mark_delivered(self, order_id: str, process_id: str, *, comment: str | None = None,
                             idempotent: bool = False) -> ShippingProcess:
        concerns = f"order {order_id}"
        data = await self._call("POST", self._url(self._process_path(order_id, "shippings", process_id,
                                                                     "mark-delivered")),
                                json_body=_without_none({"comment": comment}), idempotent=idempotent,
                                concerns=concerns)
        return self._model(ShippingProcess, data, concerns)

    # --- pickup processes ------------------------------------------------------------------------------

    async def list_pickup_processes(self, order_id: str) -> list[PickupProcess]:
        return await self._all(self._process_path(order_id, "pickups"), "pickup-processes", PickupProcess,
                               concerns=f"order {order_id}")

    async def create_pickup_process(self, order_id: str, *, comment: str | None = None,
                                    send_mail: bool = False, create_packing_slip: bool = False,
                                    idempotent: bool = False) -> PickupProcess:
        """Creating the pickup process is what marks the whole order "ready for pickup"."""
        concerns = f"order {order_id}"
        body = _without_none({"comment": comment, "sendMail": send_mail,
                              "createPackingSlip": create_packing_slip})
        data = await self._call("POST", self._url(self._process_path(order_id, "pickups")), json_body=body,
                                idempotent=idempotent, concerns=concerns)
        return self._model(PickupProcess, data, concerns)

    async def mark_picked_up(self, order_id: str, process_id: str, *, comment: str | None = None,
                             send_mail: bool = False, idempotent: bool = False) -> PickupProcess:
        concerns = f"order {order_id}"
        data = await self._call("POST", self._url(self._process_path(order_id, "pickups", process_id,
                                                                     "mark-picked-up")),
                                json_body=_without_none({"comment": comment, "sendMail": send_mail}),
                                idempotent=idempotent, concerns=concerns)
        return self._model(PickupProcess, data, concerns)

    # --- cancelation and return processes ---------------------------------------------------------------

    async def list_cancel_processes(self, order_id: str) -> list[CancelProcess]:
        return await self._all(self._process_path(order_id, "cancelations"), "cancel-processes",
                               CancelProcess, concerns=f"order {order_id}")

    async def create_cancel_process(self, order_id: str, lines: Sequence[ProcessLine], *,
                                    comment: str | None = None, idempotent: bool = False) -> CancelProcess:
        concerns = f"order {order_id}"
        body = _without_none({"comment": comment, "lineItems": [
            {"productLineItemId": li.product_line_item_id, "quantity": li.quantity} for li in lines]})
        data = await self._call("POST", self._url(self._process_path(order_id, "cancelations")),
                                json_body=body, idempotent=idempotent, concerns=concerns)
        return self._model(CancelProcess, data, concerns)

    async def list_return_processes(self, order_id: str) -> list[ReturnProcess]:
        return await self._all(self._process_path(order_id, "returns"), "return-processes", ReturnProcess,
                               concerns=f"order {order_id}")

    async def create_return_process(self, order_id: str, lines: Sequence[ReturnLine], *,
                                    comment: str | None = None, send_mail: bool = False,
                                    shipping_price_refund: Money | None = None,
                                    pickup_price_refund: Money | None = None,
                                    shipping_process_id: str | None = None,
                                    pickup_process_id: str | None = None,
                                    idempotent: bool = False) -> ReturnProcess:
        """Each line is RETURNED (accepted, "return") or BROKEN (rejected, "Defect")."""
        concerns = f"order {order_id}"
        body = _without_none({
            "comment": comment, "sendMail": send_mail,
            "lineItems": [{"productLineItemId": li.product_line_item_id, "quantity": li.quantity,
                           "status": str(li.status)} for li in lines],
            "shippingPriceRefund": _money(shipping_price_refund),
            "pickupPriceRefund": _money(pickup_price_refund),
            "shippingProcessId": shipping_process_id, "pickupProcessId": pickup_process_id})
        data = await self._call("POST", self._url(self._process_path(order_id, "returns")), json_body=body,
                                idempotent=idempotent, concerns=concerns)
        return self._model(ReturnProcess, data, concerns)

    # --- products and stock ----------------------------------------------------------------------------

    def iter_product_pages(self, *, size: int = 100, sort: str | None = None) -> AsyncIterator[Page[Product]]:
        return self._pages("/products", "products", Product, {"size": size, "sort": sort},
                           concerns="product list")

    async def list_products(self, *, size: int = 100) -> list[Product]:
        out: list[Product] = []
        async for page in self.iter_product_pages(size=size):
            out.extend(page.items)
        return out

    async def find_product_by_sku(self, sku: str) -> Product | None:
        """The product with this SKU, or None when ePages has none."""
        concerns = f"SKU {sku}"
        try:
            data = await self._call("GET", self._url("/products/search/find-by-sku"), params={"sku": sku},
                                    concerns=concerns)
        except NotFound:
            return None
        return self._model(Product, data, concerns) if data else None

    async def list_variations(self, product_id: str, *, size: int = 100) -> list[Variation]:
        return await self._all(f"/products/{_seg(product_id)}/variations", "variations", Variation,
                               {"size": size}, concerns=f"product {product_id}")

    def _availability_path(self, product_id: str, variation_id: str | None, action: str = "") -> str:
        path = f"/products/{_seg(product_id)}"
        if variation_id is not None:
            path += f"/variations/{_seg(variation_id)}"
        return path + "/availability" + (f"/{action}" if action else "")

    async def get_availability(self, product_id: str, variation_id: str | None = None) -> Availability:
        concerns = f"product {product_id}" + (f" variation {variation_id}" if variation_id else "")
        data = await self._call("GET", self._url(self._availability_path(product_id, variation_id)),
                                concerns=concerns)
        return self._model(Availability, data, concerns)

    async def adjust_stock(self, product_id: str, relative_amount: int, *,
                           variation_id: str | None = None) -> Availability:
        """Change the stock figure by ``relative_amount``.

        Never repeated automatically: sent twice it would count twice. A lost answer raises OutcomeUnknown,
        and the caller reads the availability again before deciding.
        """
        concerns = f"product {product_id}" + (f" variation {variation_id}" if variation_id else "")
        data = await self._call("POST", self._url(self._availability_path(product_id, variation_id,
                                                                          "adjust-available-stock")),
                                json_body={"relativeAmount": int(relative_amount)}, idempotent=False,
                                concerns=concerns)
        return self._model(Availability, data, concerns)

    async def enable_stock_management(self, product_id: str, *, initial_stock: int,
                                      stock_threshold: int | None = None,
                                      idempotent: bool = False) -> Availability:
        concerns = f"product {product_id}"
        body = _without_none({"initialAvailableStock": int(initial_stock), "stockThreshold": stock_threshold})
        data = await self._call("POST", self._url(self._availability_path(product_id, None,
                                                                          "enable-stock-management")),
                                json_body=body, idempotent=idempotent, concerns=concerns)
        return self._model(Availability, data, concerns)

    async def disable_stock_management(self, product_id: str, *, idempotent: bool = False) -> Availability:
        concerns = f"product {product_id}"
        data = await self._call("POST", self._url(self._availability_path(product_id, None,
                                                                          "disable-stock-management")),
                                idempotent=idempotent, concerns=concerns)
        return self._model(Availability, data, concerns)

    # --- locations -------------------------------------------------------------------------------------

    async def list_shop_locations(self) -> list[ShopLocation]:
        return await self._all("/shop/locations", "locations", ShopLocation, {"size": 100},
                               concerns="shop locations")

    async def list_pickup_options(self) -> list[PickupOption]:
        return await self._all("/pickup-options", "pickup-options", PickupOption, {"size": 100},
                               concerns="pickup options")


def money(amount: Decimal | str, currency: str) -> Money:
    """A Money value for request bodies (e.g. the shipping refund of a return)."""
    return Money(amount=Decimal(amount), currency=currency)
