"""Both clients against the sandbox over real loopback sockets, with faults switched on: every call still
returns the right data or the right error, and a change whose answer was lost is applied exactly once when
the caller reads state before resending.

The clients run on a ManualClock, so their back-off and Retry-After waits cost no real time.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

import pytest

from epages_sync.clients.afosto import AfostoClient
from epages_sync.clients.afosto_models import NewCustomer, NewOrder, NewOrderLine, ParcelStatus
from epages_sync.clients.epages import EpagesClient
from epages_sync.clients.epages_models import Order, ProcessLine, ReturnLine
from epages_sync.clients.http import HttpPolicy, ManualClock, OutcomeUnknown
from epages_sync.clients.schema_check import check_schema
from epages_sync.config import Flow, Settings
from epages_sync.connection_check import run_check
from epages_sync.errors import (
    AuthenticationError,
    Conflict,
    MissingScope,
    NotFound,
    RevokedError,
    ValidationFailed,
)

sandbox_app = pytest.importorskip("epages_sync.sandbox.app", reason="the sandbox is not in the tree")
sandbox_server = pytest.importorskip("epages_sync.sandbox.server", reason="the sandbox is not in the tree")

AFOSTO_KEY = "sandbox-afosto-key"
# Many attempts and no breaker: the faults below are dense on purpose, and ManualClock waits are free.
PATIENT = HttpPolicy(max_attempts=12, breaker_threshold=10_000, read_timeout=10)
EPAGES_FAULTS = "epages:5xx=0.2,epages:rate=0.1,all:drop=0.1,all:cut=0.05,stock:409=0.3"
AFOSTO_FAULTS = "afosto:rate=0.15,afosto:error=0.15,afosto:5xx=0.1,all:drop=0.1,all:cut=0.05"

T = TypeVar("T")


class SandboxClock:
    """The sandbox's own time, moved by the test (token expiry)."""

    def __init__(self) -> None:
        self.now = 1_767_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Any, str, SandboxClock]]:
    clock = SandboxClock()
    sandbox = sandbox_app.Sandbox(seed=11, orders=24, clock=clock)
    with sandbox_server.run_in_thread(sandbox) as base:
        yield sandbox, base, clock


@pytest.fixture
def sandbox(served: tuple[Any, str, SandboxClock]) -> Iterator[Any]:
    yield served[0]
    served[0].set_faults(None)
    served[0].restore_client("sandbox-client")


@pytest.fixture
def base(served: tuple[Any, str, SandboxClock]) -> str:
    return served[1]


def epages(base: str, client_id: str = "sandbox-client", secret: str = "sandbox-secret") -> EpagesClient:
    return EpagesClient(base + "/api", client_id, secret, clock=ManualClock(), policy=PATIENT)


def afosto(base: str, key: str = AFOSTO_KEY) -> AfostoClient:
    return AfostoClient(base + "/graphql", key, clock=ManualClock(), policy=PATIENT)


async def exactly_once(send: Callable[[], Awaitable[T]], arrived: Callable[[], Awaitable[T | None]], *,
                       after_loss: bool = False) -> T:
    """What the engine does with a change: send; if the answer was lost, read state, and resend only when
    the change did not arrive. ``after_loss``: an earlier answer was already lost, so read first."""
    if after_loss:
        found = await arrived()
        if found is not None:
            return found
    for _ in range(30):
        try:
            return await send()
        except (OutcomeUnknown, Conflict):
            found = await arrived()
            if found is not None:
                return found
    raise AssertionError("the change never arrived")


async def lose_the_answer(sandbox: Any, send: Callable[[], Awaitable[object]], then: str) -> None:
    """Send once while every answer is dropped after the change was applied; then switch to ``then``."""
    sandbox.set_faults("all:drop=1")
    try:
        with pytest.raises(OutcomeUnknown):
            await send()
    finally:
        sandbox.set_faults(then)


async def all_orders(client: EpagesClient) -> list[Order]:
    return [o async for page in client.iter_order_pages(size=7) for o in page.items]


async def test_epages_reads_give_the_same_data_with_faults_on(sandbox: Any, base: str) -> None:
    async with epages(base) as client:
        orders = await all_orders(client)
        some = [o.id for o in orders[:6]]
        truth = {
            "orders": [o.model_dump() for o in orders],
            "one": [(await client.get_order(i)).model_dump() for i in some],
            "processes": [(await client.get_processes(i)).model_dump() for i in some],
            "shippings": [[p.model_dump() for p in await client.list_shipping_processes(i)] for i in some],
            "products": [p.model_dump() for p in await client.list_products(size=4)],
            "locations": [x.model_dump() for x in await client.list_shop_locations()],
            "pickup": [x.model_dump() for x in await client.list_pickup_options()],
        }
    assert len(truth["orders"]) == 24 and truth["locations"] and truth["pickup"]
    products = truth["products"]
    simple = next(p for p in products if p["sku"] and p["availability"]["available_stock"] is not None)
    parent = next(p for p in products if p["is_variation_product"])

    sandbox.set_faults(EPAGES_FAULTS)
    async with epages(base) as client:
        assert [o.model_dump() for o in await all_orders(client)] == truth["orders"]
        assert [(await client.get_order(i)).model_dump() for i in some] == truth["one"]
        assert [(await client.get_processes(i)).model_dump() for i in some] == truth["processes"]
        shippings = [[p.model_dump() for p in await client.list_shipping_processes(i)] for i in some]
        assert shippings == truth["shippings"]
        assert [p.model_dump() for p in await client.list_products(size=4)] == products
        assert [x.model_dump() for x in await client.list_shop_locations()] == truth["locations"]
        assert [x.model_dump() for x in await client.list_pickup_options()] == truth["pickup"]
        found = await client.find_product_by_sku(simple["sku"])
        assert found is not None and found.id == simple["id"]
        assert await client.find_product_by_sku("NO-SUCH-SKU") is None
        stock = await client.get_availability(simple["id"])
        assert stock.available_stock == simple["availability"]["available_stock"]
        variations = await client.list_variations(parent["id"])
        assert variations and all(v.sku for v in variations)
        v_stock = await client.get_availability(parent["id"], variations[0].id)
        assert variations[0].availability is not None
        assert v_stock.available_stock == variations[0].availability.available_stock
        with pytest.raises(NotFound):
            await client.get_order(str(uuid.uuid4()))
    counted = sandbox.requests.as_dict()["epages"]["total"]
    assert counted > 40  # the faults really were in the way


async def test_epages_changes_arrive_exactly_once_through_faults(sandbox: Any, base: str) -> None:
    async with epages(base) as client:
        orders = await all_orders(client)
        open_shipping = [o for o in orders if not o.is_pickup and not o.canceled
                         and any(li.counts.unshipped >= 1 for li in o.product_line_items)]
        pickup = next(o for o in orders
                      if o.is_pickup and not o.canceled and o.shipping_status == "NOT_PICKED_UP")
        to_ship, to_cancel = open_shipping[0], open_shipping[1]
        products = await client.list_products(size=50)
        managed = next(p for p in products if p.sku and p.availability and p.availability.stock_managed)

        # Shipping: create (its first answer lost on purpose), mark shipped; then return one unit as a defect.
        line = next(li for li in to_ship.product_line_items if li.counts.unshipped >= 1)
        code = f"3S{uuid.uuid4().hex[:10].upper()}"

        async def shipped_process():
            found = await client.list_shipping_processes(to_ship.id)
            return next((p for p in found if p.tracking_code == code), None)

        def ship():
            return client.create_shipping_process(
                to_ship.id, [ProcessLine(product_line_item_id=line.id, quantity=1)], tracking_code=code,
                tracking_link=f"https://track.example/{code}")

        await lose_the_answer(sandbox, ship, then=EPAGES_FAULTS)
        process = await exactly_once(ship, shipped_process, after_loss=True)

        async def is_shipped():
            p = await shipped_process()
            return p if p is not None and p.status == "SHIPPED" else None

        await exactly_once(lambda: client.mark_shipped(to_ship.id, process.id, tracking_code=code),
                           is_shipped)
        mine = [p for p in await client.list_shipping_processes(to_ship.id) if p.tracking_code == code]
        assert len(mine) == 1 and mine[0].status == "SHIPPED"
        after = (await client.get_order(to_ship.id)).line(line.id)
        assert after is not None and after.counts.shipped == line.counts.shipped + 1

        returns_before = len(await client.list_return_processes(to_ship.id))

        async def returned():
            found = await client.list_return_processes(to_ship.id)
            return found[-1] if len(found) > returns_before else None

        made = await exactly_once(lambda: client.create_return_process(
            to_ship.id, [ReturnLine(product_line_item_id=line.id, quantity=1, status="BROKEN")],
            comment="Defect", shipping_process_id=process.id), returned)
        assert made.line_items[0].status == "BROKEN"
        assert len(await client.list_return_processes(to_ship.id)) == returns_before + 1

        # Cancelling one unit of another order.
        cancel_line = next(li for li in to_cancel.product_line_items if li.counts.unshipped >= 1)
        cancels_before = len(await client.list_cancel_processes(to_cancel.id))

        async def canceled():
            found = await client.list_cancel_processes(to_cancel.id)
            return found[-1] if len(found) > cancels_before else None

        await exactly_once(lambda: client.create_cancel_process(
            to_cancel.id, [ProcessLine(product_line_item_id=cancel_line.id, quantity=1)]), canceled)
        assert len(await client.list_cancel_processes(to_cancel.id)) == cancels_before + 1
        got = (await client.get_order(to_cancel.id)).line(cancel_line.id)
        assert got is not None and got.counts.canceled == cancel_line.counts.canceled + 1

        # Pickup: ready, then picked up.
        async def pickup_process():
            found = await client.list_pickup_processes(pickup.id)
            return found[0] if found else None

        ready = await exactly_once(lambda: client.create_pickup_process(pickup.id), pickup_process)

        async def picked_up():
            p = await pickup_process()
            return p if p is not None and p.status == "PICKED_UP" else None

        await exactly_once(lambda: client.mark_picked_up(pickup.id, ready.id), picked_up)
        assert [p.status for p in await client.list_pickup_processes(pickup.id)] == ["PICKED_UP"]

        # Stock: reach a target by relative steps, re-reading after every lost answer or 409.
        target = (managed.availability.available_stock or 0) + 5  # type: ignore[union-attr]
        for _ in range(40):
            current = (await client.get_availability(managed.id)).available_stock
            assert current is not None
            if current == target:
                break
            try:
                await client.adjust_stock(managed.id, target - current)
            except (OutcomeUnknown, Conflict):
                continue
        sandbox.set_faults(None)
        assert (await client.get_availability(managed.id)).available_stock == target


async def test_epages_refusals_are_the_right_errors(sandbox: Any, base: str, served) -> None:
    sandbox.set_faults("epages:5xx=0.1,all:drop=0.05")
    async with epages(base, secret="wrong-secret") as client:
        with pytest.raises(AuthenticationError) as exc:
            await client.authenticate()
        assert not isinstance(exc.value, RevokedError)

    async with epages(base, client_id="sandbox-limited") as limited:
        granted = await limited.authenticate()
        assert granted.has("prda:r") and not granted.has("prda:u")
        product = next(p for p in await limited.list_products(size=50) if p.sku and p.availability
                       and p.availability.stock_managed)
        with pytest.raises(MissingScope) as no_locations:
            await limited.list_shop_locations()
        assert no_locations.value.scope == "loca:r"
        sandbox.set_faults(None)  # refused changes are checked without faults: a lost answer would hide them
        with pytest.raises(MissingScope) as missing:
            await limited.adjust_stock(product.id, 1)
        assert (missing.value.scope, missing.value.label) == ("prda:u", "Produktverfügbarkeit aktualisieren")

    async with epages(base) as client:
        order = next(o for o in await all_orders(client) if not o.is_pickup and not o.canceled
                     and any(li.counts.unshipped for li in o.product_line_items))
        line = next(li for li in order.product_line_items if li.counts.unshipped)
        with pytest.raises(ValidationFailed) as too_many:
            await client.create_shipping_process(order.id, [ProcessLine(product_line_item_id=line.id,
                                                                        quantity=line.counts.unshipped + 50)])
        assert too_many.value.field == "lineItems[0].quantity"

        # A token that runs out on the shop's side is renewed once, without the caller noticing.
        sandbox_clock: SandboxClock = served[2]
        sandbox_clock.now += 50_000
        assert (await client.get_order(order.id)).id == order.id

        sandbox.revoke_client("sandbox-client")
        sandbox_clock.now += 50_000
        with pytest.raises(RevokedError):
            await client.get_order(order.id)


async def test_afosto_reads_give_the_same_data_with_faults_on(sandbox: Any, base: str) -> None:
    async with afosto(base) as client:
        channels = await client.list_channels()
        locations = await client.list_locations()
        skus = [*[i.sku for i in sandbox.world.items if i.in_afosto][:30], "EP-ONLY-1"]
        stock = await client.inventory(skus, [loc.id for loc in locations])
        orders = [o async for page in client.iter_orders(page_size=3) for o in page]
    assert [c.name for c in channels] == ["Webshop (ePages)", "Marketplace"]
    assert len(locations) == 4 and stock and all(r.sku != "EP-ONLY-1" for r in stock)

    sandbox.set_faults(AFOSTO_FAULTS)
    async with afosto(base) as client:
        assert await client.list_channels() == channels
        assert await client.list_locations() == locations
        assert await client.inventory(skus, [loc.id for loc in locations]) == stock
        assert [o async for page in client.iter_orders(page_size=3) for o in page] == orders
        with pytest.raises(NotFound):
            await client.get_order(str(uuid.uuid4()))
    async with afosto(base, key="wrong-key") as wrong:
        with pytest.raises(AuthenticationError):
            await wrong.connection_test()


async def test_an_afosto_import_cancel_and_parcel_happen_exactly_once_through_faults(sandbox: Any,
                                                                                      base: str) -> None:
    world = sandbox.world
    channel = world.channels[0].channel_id
    sku = next(i.sku for i in world.items if i.in_afosto and sum(i.afosto_stock.values()) > 5)
    epages_id = str(uuid.uuid4())
    async with afosto(base) as client:
        async def imported():
            async for page in client.iter_orders(channel_id=channel):
                for o in page:
                    if o.epages_order_id == epages_id:
                        return o
            return None

        new = NewOrder(channel_id=channel, currency="EUR", country_code="DE",
                       customer=NewCustomer(email="anna@example.com", given_name="Anna",
                                            family_name="Müller"),
                       meta_data={"epages_order_id": epages_id, "epages_order_number": "90001"})
        await lose_the_answer(sandbox, lambda: client.create_order(new), then=AFOSTO_FAULTS)
        order = await exactly_once(lambda: client.create_order(new), imported, after_loss=True)

        async def with_items():
            got = await client.get_order(order.id)
            return (got, got.items) if got.items else None

        async def add():
            return await client.add_items_to_order(
                order.id, [NewOrderLine(sku=sku, quantity=3, unit_price=Decimal("12.34"))])
        _, units = await exactly_once(add, with_items)
        assert len(units) == 3

        # Cancel one unit: contra id chosen first, every step safe to repeat.
        contra = str(uuid.uuid4())
        state = await client.cancel_order_items(order.id, [(units[0].id, contra)])
        for _ in range(5):
            if "HANDLE_APPROVAL" in state.actions:
                state = await client.approve_order_items(order.id, [contra])
            elif "HANDLE_FINISH" in state.actions:
                state = await client.finish_order_items(order.id, [contra])
            else:
                break

        # Ship the other two with a tracking code.
        code = f"3S{uuid.uuid4().hex[:8].upper()}"

        async def parcel():
            got = await client.get_order(order.id)
            found = next((p for p in got.parcels if p.tracking_code == code), None)
            return (found, got) if found else None

        made, _ = await exactly_once(lambda: client.add_track_trace_to_items(
            [u.id for u in units[1:]], tracking_code=code, tracking_url=f"https://t.example/{code}"), parcel)
        await client.set_parcel_status(made.id, ParcelStatus.IN_TRANSIT)

        sandbox.set_faults(None)  # a refused change is checked without faults: a lost answer would hide it
        with pytest.raises(ValidationFailed) as unknown_sku:
            await client.add_items_to_order(
                order.id, [NewOrderLine(sku="NO-SUCH-SKU", quantity=1, unit_price=Decimal("1.00"))])
        assert unknown_sku.value.field == "items.sku"
        mine = [o async for page in client.iter_orders(channel_id=channel) for o in page
                if o.epages_order_id == epages_id]
        assert len(mine) == 1
        final = await client.get_order(order.id)
        assert len(final.items) == 3
        assert [i.status for i in final.items] == ["CANCELLED", "OPEN", "OPEN"]
        assert all(i.price == units[0].price for i in final.items) and str(units[0].price) == "12.34"
        assert [(p.tracking_code, p.status, len(p.items)) for p in final.parcels] == [(code, "IN_TRANSIT", 2)]
        assert [c.step for c in final.contra_items] == ["FINISHED"] and final.actions == []


async def test_schema_check_and_connection_check_against_the_sandbox(sandbox: Any, base: str) -> None:
    sandbox.set_faults("all:drop=0.05,afosto:rate=0.1")
    async with afosto(base) as client:
        result = await check_schema(client)
    assert result.source == "introspection" and result.ok, result

    sandbox.set_faults(None)
    channel = sandbox.world.channels[0].channel_id
    full = Settings(sandbox_url=base, client_id="sandbox-client", afosto_channel_id=channel)
    report = await run_check(full, client_secret="sandbox-secret", afosto_key=AFOSTO_KEY)
    assert report.flows_runnable(), report.to_text()
    assert report.channel is not None and report.channel.currency == "EUR"
    assert report.epages_locations and report.pickup_options and report.afosto_locations

    limited = full.with_changes(client_id="sandbox-limited")
    report = await run_check(limited, client_secret="sandbox-secret", afosto_key=AFOSTO_KEY)
    blocked = report.blocked_flows()
    assert set(blocked) == set(Flow)  # prda:u and shpr:c are among the eight
    assert any("prda:u (Produktverfügbarkeit aktualisieren)" in r for r in blocked[Flow.INVENTORY])
    assert "MISSING" in report.to_text()
