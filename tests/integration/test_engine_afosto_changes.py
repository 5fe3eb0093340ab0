"""The watcher on an Afosto account without the assumed updated_at order filter: it says so once, falls back to
re-reading the linked orders by id, and every flow from Afosto to ePages still ends in agreement."""

from __future__ import annotations

import pytest
from engine_rig import rig

from epages_sync.clients.afosto_contract import ChangesPath

pytestmark = pytest.mark.timeout(240)


async def test_without_the_updated_at_filter_the_linked_orders_are_reread_and_both_sides_agree() -> None:
    with rig(orders=15, seed=3) as r:
        r.sandbox.afosto.api.serve_without_changed_orders_filter()
        await r.settle(1)
        for _ in range(12):
            r.sandbox.step(6)
            await r.service.run_once()
        await r.settle()
        assert r.consistency()["differences"] == []
        assert r.service.watcher is not None and r.service.watcher.changes_path == ChangesPath.REREAD_LINKED
        rows = r.store.log_page(limit=3000)
        switched = [row for row in rows if "does not take the updated_at filter" in row.message]
        assert len(switched) == 1  # said once, not on every round
        # What the warehouse did reached the shop by the slower path.
        pushed = [row.message for row in rows if str(row.outcome) == "ok" and " in ePages" in row.message]
        assert any("shipped in ePages" in m for m in pushed)
        assert any("cancelled in ePages" in m for m in pushed)
        assert any("return recorded in ePages" in m for m in pushed)
        await r.service.close()


async def test_with_the_filter_the_watcher_keeps_its_one_request_look() -> None:
    with rig(orders=4, seed=2) as r:
        await r.settle()
        assert r.service.watcher is not None and r.service.watcher.changes_path == ChangesPath.UPDATED_FILTER
        assert not any("updated_at" in row.message for row in r.store.log_page(limit=500))
        await r.service.close()
