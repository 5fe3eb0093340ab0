"""Helpers the UI tests share: settings pointing at a sandbox, and rows for the log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from epages_sync.config import Settings
from epages_sync.sandbox.app import Sandbox
from epages_sync.store import Direction, LogRow, Outcome


def demo_settings(sandbox: Sandbox, url: str, **changes: Any) -> Settings:
    world = sandbox.world
    values: dict[str, Any] = dict(
        store_name="demo-shop", client_id="sandbox-client", afosto_channel_id=world.default_channel.channel_id,
        location_map=dict(world.default_location_map), stock_locations=list(world.feeding_location_ids),
        start_date=dt.date.today() - dt.timedelta(days=3), sandbox_url=url, poll_interval=15, push_interval=2)
    values.update(changes)
    return Settings.checked(**values)


def log_rows(n: int, *, start_order: int = 10000, flow: str = "orders",
             outcome: Outcome = Outcome.OK, direction: Direction = Direction.EPAGES_TO_AFOSTO,
             parked_id: int | None = None) -> list[LogRow]:
    return [LogRow(direction=direction, outcome=outcome, flow=flow, epages_ref=str(start_order + i),
                   afosto_ref=f"A{start_order + i}", message=f"Order {start_order + i} imported.",
                   parked_id=parked_id) for i in range(n)]
