"""Several stores running side by side in one event loop: one store's trouble is its own. Store A's app is
revoked in its cockpit while store B keeps syncing; once A's app is allowed again, A catches up."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable

import pytest
from engine_rig import StoresRig, stores_rig

from epages_sync.engine.service import EngineState
from epages_sync.sandbox.seed import random_customer

pytestmark = pytest.mark.timeout(300)


async def until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "waited in vain"
        await asyncio.sleep(0.1)


def buy(r: StoresRig, name: str, seed: int) -> str:
    with r.sandbox.lock:
        order = r.stores[name].shop.epages.place_order(random_customer(random.Random(seed)), [("CF-1003", 1)])
    return str(order.order_id)


def in_afosto(r: StoresRig, order_id: str) -> bool:
    with r.sandbox.lock:
        return order_id in r.sandbox.afosto.epages_order_ids()


async def test_one_store_revoked_while_the_other_keeps_syncing() -> None:
    with stores_rig(("shop-a", "shop-b"), seed=8, orders=3) as r:
        a, b = r.stores["shop-a"].service, r.stores["shop-b"].service
        await r.engines.start()
        try:
            await until(lambda: a.health().orders_linked == 3 and b.health().orders_linked == 3)

            r.sandbox.revoke_client("sandbox-client", store="shop-a")
            a_order, b_order = buy(r, "shop-a", 1), buy(r, "shop-b", 2)
            a.sync_now()
            b.sync_now()
            await until(lambda: in_afosto(r, b_order))
            await until(lambda: a.health().state == EngineState.ATTENTION)
            assert "ePages" in a.health().attention[0]
            assert not in_afosto(r, a_order)
            b_health = b.health()
            assert b_health.state == EngineState.RUNNING, b_health.attention
            assert b_health.orders_linked == 4

            # More orders in B while A stays revoked: B goes on.
            later = buy(r, "shop-b", 3)
            b.sync_now()
            await until(lambda: in_afosto(r, later))

            r.sandbox.restore_client("sandbox-client", store="shop-a")
            # The engine asks again on its own after a refusal; a person pressing "Sync now" makes it now.
            a.sync_now()
            await until(lambda: in_afosto(r, a_order), seconds=120)
            await until(lambda: a.health().state == EngineState.RUNNING, seconds=120)
        finally:
            await r.engines.stop()
        await r.settle()
        for name, found in r.consistency().items():
            assert found["consistency"]["differences"] == [], name


async def test_a_large_drop_confirmed_on_the_command_line_goes_out_while_the_sync_runs() -> None:
    """'epages-sync retry ID' beside a running sync (for a store of several, or the only one): the held figures
    are sent at the next stock check, not held again."""
    with stores_rig(("shop-a", "shop-b"), seed=8, orders=0) as r:
        a = r.stores["shop-a"]
        skus = ["CF-1002", "CF-1004", "CF-1005", "CF-1006"]
        ledger = r.sandbox.afosto.ledger  # type: ignore[attr-defined]
        await r.engines.start()
        try:
            await until(lambda: a.store.get_state("push.last_good.inventory") is not None)
            with r.sandbox.lock:  # the warehouse's count finds most of them gone
                for sku in skus:
                    for location in r.sandbox.world.feeding_location_ids:
                        row = ledger._stock_row(sku, location)
                        row.on_hand = row.reserved
            a.service.sync_now()
            await until(lambda: any(i.kind == "stock_drop" for i in a.store.open_parked()))
            held = next(i for i in a.store.open_parked() if i.kind == "stock_drop")
            a.store.retry_parked_many([held.id])  # what 'epages-sync retry' does, beside the running sync

            def figures() -> list[int | None]:
                with r.sandbox.lock:
                    return [a.shop.epages.available_stock(sku) for sku in skus]

            await until(lambda: figures() == [0, 0, 0, 0], seconds=30)
        finally:
            await r.engines.stop()
