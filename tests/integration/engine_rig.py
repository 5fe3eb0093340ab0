"""A sandbox on a loopback port and an engine pointed at it, as the engine tests use them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from epages_sync.clients.http import HttpPolicy
from epages_sync.config import Settings
from epages_sync.engine.service import SyncService
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
