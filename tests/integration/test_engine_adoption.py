"""The local database is a cache: a second data folder, an emptied database and a restored older copy each
find what Afosto already has and create nothing twice; stock comes out exact. Counted through the APIs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from both_worlds import count
from engine_rig import TEST_POLICY, rig

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
