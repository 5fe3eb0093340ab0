"""The ePages client against exact exchanges: login, token renewal, errors a person sees, paging, bodies."""

from __future__ import annotations

import base64
import json
import socket
from decimal import Decimal

import httpx
import pytest
import respx

from epages_sync.clients.epages import EpagesClient, money, wire_time
from epages_sync.clients.epages_models import ProcessLine, ReturnLine, ShippingStatus
from epages_sync.clients.http import HttpPolicy, ManualClock, OutcomeUnknown
from epages_sync.config import Settings
from epages_sync.errors import (
    AuthenticationError,
    Conflict,
    DomainRejected,
    MissingScope,
    NotFound,
    RevokedError,
    StoreNotFound,
    ValidationFailed,
)

API = "https://kaffee.beyondshop.cloud/api"
ALL = "prod:r prda:ru ordr:ru shpr:cru clpr:cr rtpr:cr ordp:r loca:r shpz:r"


def token(value: str = "tok-1111111111", scope: str = ALL, expires_in: int = 43199) -> httpx.Response:
    return httpx.Response(200, json={"access_token": value, "token_type": "bearer", "expires_in": expires_in,
                                     "scope": scope, "tenantId": 1, "iat": 1, "jti": "j"})


def order(order_id: str = "o1", **extra: object) -> dict:
    return {"_id": order_id, "orderNumber": "10001", "currency": "EUR", "canceled": False,
            "shippingStatus": "UNSHIPPED", "productLineItems": [
                {"_id": "li1", "product": {"_id": "p1", "sku": "CF-1001"}, "quantity": 2,
                 "unitPrice": {"currency": "EUR", "amount": 19.9}}], **extra}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def client(clock: ManualClock):
    c = EpagesClient(API, "client-id", "client-secret-xyz", clock=clock, policy=HttpPolicy(max_attempts=3))
    yield c
    await c.aclose()


@respx.mock(base_url=API)
async def test_login_uses_basic_auth_and_a_form_body_and_reads_the_scopes(respx_mock, client) -> None:
    login = respx_mock.post("/oauth/token").mock(return_value=token(scope="ordr:ru prod:cr"))
    api = respx_mock.get("/orders/o1").mock(return_value=httpx.Response(200, json=order()))
    got = await client.get_order("o1")
    sent = login.calls[0].request
    expected = "Basic " + base64.b64encode(b"client-id:client-secret-xyz").decode()
    assert sent.headers["Authorization"] == expected
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.content == b"grant_type=client_credentials"
    assert api.calls[0].request.headers["Authorization"] == "Bearer tok-1111111111"
    assert client.granted.has("ordr:u") and client.granted.has("prod:c") and not client.granted.has("prda:r")
    assert got.product_line_items[0].unit_price.amount == Decimal("19.9")


@respx.mock(base_url=API)
async def test_a_401_renews_the_token_once_and_repeats_the_call(respx_mock, client) -> None:
    login = respx_mock.post("/oauth/token").mock(side_effect=[token("tok-old-000000"),
                                                              token("tok-new-000000")])
    api = respx_mock.get("/orders/o1").mock(side_effect=[httpx.Response(401),
                                                         httpx.Response(200, json=order())])
    assert (await client.get_order("o1")).id == "o1"
    assert login.call_count == 2
    assert [c.request.headers["Authorization"] for c in api.calls] == ["Bearer tok-old-000000",
                                                                       "Bearer tok-new-000000"]


@respx.mock(base_url=API)
async def test_a_second_401_is_an_authentication_error(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    api = respx_mock.get("/orders/o1").mock(return_value=httpx.Response(401))
    with pytest.raises(AuthenticationError) as exc:
        await client.get_order("o1")
    assert api.call_count == 2
    assert exc.value.title == "Credentials refused"
    assert "tok-1111111111" not in str(exc.value) and "client-secret-xyz" not in str(exc.value)


@respx.mock(base_url=API)
async def test_login_errors_say_what_is_wrong(respx_mock, client) -> None:
    route = respx_mock.post("/oauth/token")
    route.mock(return_value=httpx.Response(401, json={"error": "unauthorized",
                                                      "error_description": "The client was revoked."}))
    with pytest.raises(RevokedError):
        await client.authenticate()
    route.mock(return_value=httpx.Response(401, json={"error": "invalid_client",
                                                      "error_description": "Bad credentials"}))
    with pytest.raises(AuthenticationError) as exc:
        await client.authenticate()
    assert not isinstance(exc.value, RevokedError)
    route.mock(return_value=httpx.Response(404))
    with pytest.raises(StoreNotFound) as exc2:
        await client.authenticate()
    assert exc2.value.concerns == "kaffee"


async def test_a_store_name_that_does_not_exist_is_store_not_found(clock: ManualClock) -> None:
    def no_such_host(request: httpx.Request) -> httpx.Response:
        err = httpx.ConnectError("dns")
        err.__cause__ = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        raise err

    settings = Settings(store_name="no-such-shop", client_id="cid")
    c = EpagesClient.from_settings(settings, "secret-123456", clock=clock,
                                   transport=httpx.MockTransport(no_such_host))
    with pytest.raises(StoreNotFound) as exc:
        await c.authenticate()
    assert "no-such-shop" in str(exc.value)
    await c.aclose()


@respx.mock(base_url=API)
async def test_the_token_is_renewed_shortly_before_it_runs_out(respx_mock, client, clock) -> None:
    login = respx_mock.post("/oauth/token").mock(side_effect=[token("tok-a-00000000", expires_in=3600),
                                                              token("tok-b-00000000", expires_in=3600)])
    api = respx_mock.get("/orders/o1").mock(return_value=httpx.Response(200, json=order()))
    await client.get_order("o1")
    clock.advance(3000)  # still well inside the hour
    await client.get_order("o1")
    assert login.call_count == 1
    clock.advance(300)  # six minutes before the end: renew now rather than risk an expired token
    await client.get_order("o1")
    assert login.call_count == 2
    assert api.calls[-1].request.headers["Authorization"] == "Bearer tok-b-00000000"


@respx.mock(base_url=API)
async def test_a_403_names_the_permission_and_its_cockpit_label(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token(scope="prod:r prda:r ordr:ru"))
    respx_mock.post("/products/p1/availability/adjust-available-stock").mock(return_value=httpx.Response(403))
    with pytest.raises(MissingScope) as exc:
        await client.adjust_stock("p1", -1)
    assert exc.value.scope == "prda:u"
    assert exc.value.label == "Produktverfügbarkeit aktualisieren"
    assert "Produktverfügbarkeit aktualisieren" in str(exc.value)


@respx.mock(base_url=API)
async def test_a_permission_ticked_meanwhile_is_picked_up_with_a_new_token(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(side_effect=[token("tok-a-00000000", scope="prda:r"),
                                                      token("tok-b-00000000", scope="prda:ru")])
    respx_mock.post("/products/p1/availability/adjust-available-stock").mock(side_effect=[
        httpx.Response(403),
        httpx.Response(200, json={"availabilityState": "IN_STOCK", "availableStock": 4})])
    assert (await client.adjust_stock("p1", -1)).available_stock == 4


@respx.mock(base_url=API)
async def test_an_unknown_status_is_kept_as_text_and_does_not_crash(respx_mock, client, caplog) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    respx_mock.get("/orders/o1").mock(return_value=httpx.Response(
        200, json=order(shippingStatus="PARTIALLY_TELEPORTED", brandNewField={"x": 1})))
    got = await client.get_order("o1")
    assert got.shipping_status == "PARTIALLY_TELEPORTED"
    assert not isinstance(got.shipping_status, ShippingStatus)
    assert "PARTIALLY_TELEPORTED" in caplog.text
    again = await client.get_order("o1")  # logged once, not on every read
    assert again.shipping_status == "PARTIALLY_TELEPORTED"
    assert caplog.text.count("PARTIALLY_TELEPORTED") == 1


@respx.mock(base_url=API)
async def test_order_pages_follow_next_links_and_never_send_the_token_elsewhere(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    first = {"_embedded": {"orders": [order("o1")]}, "page": {"number": 0, "totalPages": 2},
             "_links": {"next": {"href": f"{API}/orders?page=1&size=1&sort=updatedAt,asc"}}}
    # The second page's next link names another host: only its page query may be used.
    second = {"_embedded": {"orders": [order("o2")]},
              "_links": {"next": {"href": "https://evil.example/orders?page=2&size=1"}}}
    third = {"_embedded": {"orders": []}, "_links": {}}
    route = respx_mock.get("/orders").mock(side_effect=[httpx.Response(200, json=first),
                                                        httpx.Response(200, json=second),
                                                        httpx.Response(200, json=third)])
    import datetime as dt
    pages = [p async for p in client.iter_order_pages(created_after=dt.date(2024, 5, 1),
                                                      updated_after=dt.datetime(2024, 5, 2, 10, 30), size=1)]
    assert [[o.id for o in p.items] for p in pages] == [["o1"], ["o2"], []]
    q = route.calls[0].request.url.params
    assert q["createdAfter"] == "2024-05-01T00:00:00" and q["updatedAfter"] == "2024-05-02T10:30:00.000"
    assert "sort" not in q and q["size"] == "1"  # no sort unless asked: the list does not document one
    assert route.calls[1].request.url.params["page"] == "1"
    assert route.calls[2].request.url.host == "kaffee.beyondshop.cloud"
    assert route.calls[2].request.url.params["page"] == "2"


def test_times_go_out_in_epages_form() -> None:
    import datetime as dt
    aware = dt.datetime(2024, 5, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert wire_time(aware) == "2024-05-02T10:00:00.000"


@respx.mock(base_url=API)
async def test_find_by_sku_gives_none_when_epages_has_no_such_product(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    route = respx_mock.get("/products/search/find-by-sku").mock(return_value=httpx.Response(
        404, json={"errorId": "resource-not-found", "message": "Resource not found!"}))
    assert await client.find_product_by_sku("CF 1001/x") is None
    assert route.calls[0].request.url.params["sku"] == "CF 1001/x"
    respx_mock.get("/orders/nope").mock(return_value=httpx.Response(
        404, json={"errorId": "resource-not-found"}))
    with pytest.raises(NotFound):
        await client.get_order("nope")


@respx.mock(base_url=API)
async def test_refusals_become_the_right_errors(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    route = respx_mock.post("/orders/o1/processes/shippings")
    route.mock(return_value=httpx.Response(400, json={
        "errorId": "input-validation-failed", "message": "Validation failed",
        "details": {"validationErrors": [{"entity": "shippingProcess", "property": "lineItems[0].quantity",
                                          "invalidValue": -1, "message": "must be greater than 0"}]}}))
    lines = [ProcessLine(product_line_item_id="li1", quantity=1)]
    with pytest.raises(ValidationFailed) as exc:
        await client.create_shipping_process("o1", lines)
    assert exc.value.field == "lineItems[0].quantity" and "greater than 0" in str(exc.value)
    route.mock(return_value=httpx.Response(400, json={"errorId": "cannot-create-shipping-process",
                                                      "details": {"reasonId": "order-has-pickup-line-item"},
                                                      "message": "Cannot create a shipping process."}))
    with pytest.raises(DomainRejected) as exc2:
        await client.create_shipping_process("o1", lines)
    assert exc2.value.error_id == "cannot-create-shipping-process" and exc2.value.concerns == "order o1"
    respx_mock.post("/products/p1/availability/adjust-available-stock").mock(return_value=httpx.Response(
        409, json={"errorId": "optimistic-locking-failure", "message": "Concurrent modification"}))
    with pytest.raises(Conflict) as exc3:
        await client.adjust_stock("p1", 3)
    assert exc3.value.transient


@respx.mock(base_url=API)
async def test_a_stock_change_is_never_resent_on_its_own(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    adjust = respx_mock.post("/products/p1/variations/v1/availability/adjust-available-stock").mock(
        return_value=httpx.Response(504))
    with pytest.raises(OutcomeUnknown):
        await client.adjust_stock("p1", -2, variation_id="v1")
    assert adjust.call_count == 1
    assert json.loads(adjust.calls[0].request.content) == {"relativeAmount": -2}
    # A caller that knows repeating is harmless may say so.
    delivered = respx_mock.post("/orders/o1/processes/shippings/s1/mark-delivered").mock(side_effect=[
        httpx.Response(502), httpx.Response(200, json={"_id": "s1", "status": "DELIVERED"})])
    assert (await client.mark_delivered("o1", "s1", idempotent=True)).status == "DELIVERED"
    assert delivered.call_count == 2


@respx.mock(base_url=API)
async def test_process_bodies_are_the_ones_epages_documents(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    ret = respx_mock.post("/orders/o1/processes/returns").mock(return_value=httpx.Response(201, json={
        "_id": "r1", "lineItems": [{"productLineItemId": "li1", "quantity": 1, "status": "BROKEN"}],
        "_embedded": {"shippingProcess": {"_id": "s1", "status": "SHIPPED"}, "pickupProcess": None}}))
    made = await client.create_return_process(
        "o1", [ReturnLine(product_line_item_id="li1", quantity=1, status="BROKEN")], comment="Defect",
        shipping_price_refund=money("4.99", "EUR"), shipping_process_id="s1")
    assert made.shipping_process is not None and made.shipping_process.id == "s1"
    raw = ret.calls[0].request.content.decode()
    assert '"amount": 4.99' in raw  # exact, never through float
    assert json.loads(raw) == {"comment": "Defect", "sendMail": False, "lineItems": [
        {"productLineItemId": "li1", "quantity": 1, "status": "BROKEN"}],
        "shippingPriceRefund": {"currency": "EUR", "amount": 4.99}, "shippingProcessId": "s1"}

    shipped = respx_mock.post("/orders/o1/processes/shippings/s1/mark-shipped").mock(
        return_value=httpx.Response(200, json={"_id": "s1", "status": "SHIPPED"}))
    await client.mark_shipped("o1", "s1", tracking_code="3S1", tracking_link="https://t/3S1", send_mail=True)
    assert json.loads(shipped.calls[0].request.content) == {
        "details": {"sendMail": True, "trackingCode": "3S1", "trackingLink": "https://t/3S1"}}

    cancel = respx_mock.post("/orders/o1/processes/cancelations").mock(
        return_value=httpx.Response(201, json={"_id": "c1", "lineItems": [
            {"productLineItemId": "li1", "quantity": 1}]}))
    await client.create_cancel_process("o1", [ProcessLine(product_line_item_id="li1", quantity=1)],
                                       comment="Canceled in Afosto")
    assert json.loads(cancel.calls[0].request.content) == {
        "comment": "Canceled in Afosto", "lineItems": [{"productLineItemId": "li1", "quantity": 1}]}

    pickup = respx_mock.post("/orders/o1/processes/pickups").mock(
        return_value=httpx.Response(201, json={"_id": "pk1", "status": "READY_FOR_PICKUP"}))
    await client.create_pickup_process("o1")
    assert json.loads(pickup.calls[0].request.content) == {"sendMail": False, "createPackingSlip": False}


@respx.mock(base_url=API)
async def test_ids_cannot_reach_another_resource(respx_mock, client) -> None:
    respx_mock.post("/oauth/token").mock(return_value=token())
    route = respx_mock.get(url__regex=r".*/orders/.*").mock(return_value=httpx.Response(200, json=order()))
    await client.get_order("../products/p1")
    assert route.calls[0].request.url.raw_path == b"/api/orders/..%2Fproducts%2Fp1"
