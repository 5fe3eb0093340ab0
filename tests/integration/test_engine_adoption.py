"""The local database is a cache: a second data folder, an emptied database and a restored older copy each
find what Afosto already has and create nothing twice; stock comes out exact. Counted through the APIs."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from both_worlds import count
from engine_rig import TEST_POLICY, rig

from epages_sync.clients.afosto import AfostoClient
from epages_sync.clients.afosto_models import ParcelStatus
from epages_sync.engine.pushers import SWEEP_MARGIN_S
from epages_sync.engine.service import SyncService
from epages_sync.store import Store

pytestmark = [pytest.mark.timeout(300)]


def _service(r, store: Store) -> SyncService:
    return SyncService(r.settings, store, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                       policy=TEST_POLICY, retry_base_seconds=0.05)


async def _busy(service: SyncService, sandbox, rounds: int) -> None:
    for _ in range(rounds):
        sandbox.step(6)
        await service.run_once()


async def _settle(service: SyncService, rounds: int = 3) -> None:
    for _ in range(rounds):
        await service.run_once()


def _adopted_rows(store: Store) -> list[str]:
    return [row.message for row in store.log_page(limit=5000)
            if "adopted from Afosto" in row.message]


def _remove_database(folder: Path) -> None:
    for leftover in folder.glob("sync.db*"):
        leftover.unlink()


async def _assert_each_order_once(r) -> None:
    counted = await count(r.settings)
    assert counted.duplicated == {}, f"{len(counted.duplicated)} orders in Afosto more than once"
    assert counted.missing == set()
    assert len(counted.copies) + len(counted.unimportable) == len(counted.shop_orders)
    assert counted.stock_wrong == {}
    differences = r.consistency()["differences"]
    assert differences == [], "\n".join(differences)


async def test_a_second_data_folder_for_the_same_shop_adopts_every_order() -> None:
    with rig(orders=20, seed=5) as r:
        await _busy(r.service, r.sandbox, 4)
        await _settle(r.service)
        await r.service.close()
        linked = r.store.count_links("order")
        assert linked >= 20
        second = Store.memory()
        other = _service(r, second)
        await _busy(other, r.sandbox, 3)
        await _settle(other)
        await other.close()
        await _assert_each_order_once(r)
        # The log says how many were found in Afosto: every order the first folder had imported.
        assert any(m.startswith(f"{linked} orders adopted from Afosto") for m in _adopted_rows(second))


async def test_an_emptied_database_configured_again_adopts_every_order(tmp_path: Path) -> None:
    path = tmp_path / "sync.db"
    with rig(orders=5, seed=8, store=Store.open(path)) as r:
        await _busy(r.service, r.sandbox, 2)
        await _settle(r.service)
        await r.service.close()
        r.store.close()
        _remove_database(tmp_path)
        fresh = Store.open(path)
        again = _service(r, fresh)
        await _busy(again, r.sandbox, 2)
        await _settle(again)
        await again.close()
        assert _adopted_rows(fresh)
        fresh.close()
        await _assert_each_order_once(r)


async def test_a_restored_older_copy_of_the_database_creates_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "sync.db"
    with rig(orders=20, seed=11, store=Store.open(path)) as r:
        await _busy(r.service, r.sandbox, 3)
        backup = tmp_path / "backup.db"
        with sqlite3.connect(backup) as copy:  # a backup taken while the app runs
            sqlite3.connect(path).backup(copy)
        await _busy(r.service, r.sandbox, 10)
        await _settle(r.service)
        await r.service.close()
        r.store.close()
        _remove_database(tmp_path)
        backup.rename(path)
        restored = Store.open(path)
        again = _service(r, restored)
        await _busy(again, r.sandbox, 3)
        await _settle(again)
        await again.close()
        restored.close()
        await _assert_each_order_once(r)


async def test_an_order_whose_import_was_cut_short_gets_what_the_warehouse_did_meanwhile() -> None:
    """The app stopped between creating an Afosto order and writing its link; the warehouse shipped it and the
    next run's watcher looked past it (it watches linked orders only). Adopted, it is looked at again."""
    with rig(orders=6, seed=21) as r:
        await _settle(r.service)
        store = r.store
        async with AfostoClient.from_settings(r.settings, "sandbox-afosto-key", policy=TEST_POLICY) as afosto:
            for shop_order in r.sandbox.epages.orders:
                link = store.link_by_epages("order", shop_order.order_id)
                if link is None or not link.afosto_id:
                    continue
                order = await afosto.get_order(link.afosto_id)
                units = [u.id for u in order.units if str(u.status) == "OPEN" and not u.parcel_id]
                if units and len(units) == len(order.units):
                    break
            else:
                pytest.fail("no order with every unit open")
            # As the database holds it when the app stopped there: a claim without the Afosto id.
            store._write("UPDATE links SET status = 'pending', afosto_id = NULL, data = '{}' "
                         "WHERE kind = 'order' AND epages_id = ?", (link.epages_id,))
            parcel, _ = await afosto.add_track_trace_to_items(units, tracking_code="T-1")
            await afosto.set_parcel_status(parcel.id, ParcelStatus.IN_TRANSIT)
            # Later, the warehouse ships a unit of another order: the watcher's next look starts after both.
            await asyncio.sleep(SWEEP_MARGIN_S + 1)
            for other in r.sandbox.epages.orders:
                other_link = store.link_by_epages("order", other.order_id)
                if other_link is None or not other_link.afosto_id or other_link.epages_id == link.epages_id:
                    continue
                later = await afosto.get_order(other_link.afosto_id)
                free = [u.id for u in later.units if str(u.status) == "OPEN" and not u.parcel_id]
                if free:
                    moved, _ = await afosto.add_track_trace_to_items(free[:1], tracking_code="T-2")
                    await afosto.set_parcel_status(moved.id, ParcelStatus.IN_TRANSIT)
                    break
        await r.service.push_round()  # the watcher passes the change: the order has no link
        await r.service.close()
        again = _service(r, store)
        await _settle(again)
        await again.close()
        await _assert_each_order_once(r)
