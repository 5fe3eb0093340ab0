"""A sandbox on a loopback port and an engine pointed at it (or several stores of one installation, each with
its engine), as the engine tests use them."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from epages_sync.clients.http import HttpPolicy
from epages_sync.config import Settings
from epages_sync.engine.service import SyncService
from epages_sync.engine.store_set import StoreSet
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread
from epages_sync.store import Store


@dataclass
class _Listing:
    value: str = "sorted"


# How the sandbox lists orders in this test: modules marked ``both_order_listings`` run every test twice,
# once honouring ``sort`` and once strictly as documented (sort ignored, pages shuffled); see conftest.py.
ORDER_LISTING = _Listing()

# Tests want failures fast: short waits between the client's own retries.
TEST_POLICY = HttpPolicy(max_attempts=4, backoff_base=0.01, backoff_cap=0.05, longest_wait=0.5,
                         breaker_threshold=1000, read_timeout=5.0)


@dataclass
class Rig:
    sandbox: Sandbox
    url: str
    store: Store
    settings: Settings
    service: SyncService

    def consistency(self) -> dict[str, Any]:
        return httpx.get(f"{self.url}/_sandbox/state", timeout=30).json()["consistency"]

    async def settle(self, rounds: int = 3) -> None:
        """Run the engine until nothing is left to do."""
        for _ in range(rounds):
            await self.service.run_once()


def sandbox_settings(sandbox: Sandbox, url: str, **changes: Any) -> Settings:
    w = sandbox.world
    values: dict[str, Any] = dict(store_name="demo-shop", client_id="sandbox-client",
                                  afosto_channel_id=w.default_channel.channel_id,
                                  location_map=dict(w.default_location_map),
                                  stock_locations=list(w.feeding_location_ids),
                                  start_date=dt.date(2020, 1, 1), sandbox_url=url)
    values.update(changes)
    return Settings.checked(**values)


@contextmanager
def rig(*, seed: int = 1, orders: int = 20, faults: str | None = None, store: Store | None = None,
        client_id: str = "sandbox-client", order_listing: str | None = None, **settings: Any) -> Iterator[Rig]:
    sandbox = Sandbox(seed=seed, orders=orders, faults=faults, order_listing=order_listing or ORDER_LISTING.value)
    with run_in_thread(sandbox) as url:
        s = sandbox_settings(sandbox, url, client_id=client_id, **settings)
        st = store or Store.memory()
        service = SyncService(s, st, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                              policy=TEST_POLICY, retry_base_seconds=0.05)
        yield Rig(sandbox, url, st, s, service)


@dataclass
class StoreRig:
    """One store of a sandbox serving several: its shop, settings, database and engine."""

    name: str
    shop: Any  # the sandbox's Shop: its ePages world, token desk and sales channel
    settings: Settings
    store: Store
    service: SyncService


@dataclass
class StoresRig:
    sandbox: Sandbox
    url: str
    stores: dict[str, StoreRig]
    engines: StoreSet

    def consistency(self) -> dict[str, Any]:
        """Per store: its orders in its own channel, its stock by the rule that counts every store's orders."""
        return httpx.get(f"{self.url}/_sandbox/state", timeout=30).json()["stores"]

    async def settle(self, rounds: int = 3) -> None:
        """Run every store's engine, side by side, until nothing is left to do."""
        for _ in range(rounds):
            await asyncio.gather(*(s.service.run_once() for s in self.stores.values()))


@contextmanager
def stores_rig(names: tuple[str, ...] = ("shop-a", "shop-b"), *, seed: int = 1, orders: int = 0,
               faults: str | None = None, **settings: Any) -> Iterator[StoresRig]:
    """A sandbox serving several stores and an engine for each, in one store set (their stock shared)."""
    sandbox = Sandbox(seed=seed, orders=orders, faults=faults, order_listing=ORDER_LISTING.value, stores=names)
    with run_in_thread(sandbox) as url:
        engines = StoreSet()
        stores: dict[str, StoreRig] = {}
        for name in names:
            shop = sandbox.shops[name]
            s = sandbox_settings(sandbox, f"{url}/stores/{name}", store_name=name,
                                 afosto_channel_id=shop.channel_id, **settings)
            st = Store.memory()
            service = engines.add(s, st, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                                  policy=TEST_POLICY, retry_base_seconds=0.05)
            stores[name] = StoreRig(name, shop, s, st, service)
        yield StoresRig(sandbox, url, stores, engines)
