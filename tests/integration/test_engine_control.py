"""Pause, resume, sync now and stop at awkward moments: mid-page and mid-outbox."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from engine_rig import rig

from epages_sync.engine.service import EngineState
from epages_sync.store import Store

pytestmark = pytest.mark.timeout(240)


def _requests(r) -> int:
    counts = r.sandbox.requests.as_dict()
    return counts["epages"]["total"] + counts["afosto"]["total"]


async def _until(condition, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)


async def test_pause_mid_page_stops_new_requests_and_resume_finishes_the_work() -> None:
    with rig(orders=40, seed=8) as r:
        r.sandbox.set_faults("all:latency=15")
        await r.service.start()
        await _until(lambda: r.store.count_links("order") >= 3)  # part-way through the first page
        r.service.pause()
        assert r.service.health().state == EngineState.PAUSED
        # What was in flight finishes (each order under way completes its step): wait until that is over.
        deadline = asyncio.get_running_loop().time() + 10
        last = -1
        while _requests(r) != last:
            assert asyncio.get_running_loop().time() < deadline, "work in flight never came to rest"
            last = _requests(r)
            await asyncio.sleep(0.4)
        frozen = _requests(r)
        linked = r.store.count_links("order")
        await asyncio.sleep(1.0)
        assert _requests(r) == frozen, "requests went on while paused"
        assert r.store.count_links("order") == linked
        r.service.resume()
        assert r.service.health().state in (EngineState.RUNNING, EngineState.ATTENTION)
        await _until(lambda: r.store.get_state("poll.last_good") is not None, timeout=60)
        r.sandbox.set_faults(None)
        await r.service.stop()
        assert r.service.state == EngineState.STOPPED
        await r.settle()
        assert r.consistency()["differences"] == []


async def test_pause_for_an_hour_resumes_on_its_own_and_sync_now_works_while_paused() -> None:
    with rig(orders=3, seed=9) as r:
        await r.service.start()
        await _until(lambda: r.store.get_state("poll.last_good") is not None)
        r.service.pause(until=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=0.5))
        assert r.service.health().paused_until is not None
        await _until(lambda: r.service.health().state != EngineState.PAUSED, timeout=5)
        r.service.pause()
        first = r.store.get_state("poll.last_good")
        r.sandbox.step(3)
        r.service.sync_now()  # a person asked: it runs although the sync was paused
        await _until(lambda: r.store.get_state("poll.last_good") != first, timeout=10)
        await r.service.stop()


async def test_stop_mid_outbox_leaves_nothing_half_done_and_a_restart_finishes(tmp_path) -> None:
    store = Store.open(tmp_path / "sync.sqlite3")
    with rig(orders=12, seed=10, store=store) as r:
        await r.settle(1)
        r.sandbox.step(30)
        r.sandbox.set_faults("epages:latency=40")
        await r.service.start()
        await _until(lambda: r.store.outbox_depth() > 0 or r.store.log_count() > 80, timeout=30)
        await r.service.stop()
        assert r.service.state == EngineState.STOPPED
        r.sandbox.set_faults(None)
        store.close()
        again = Store.open(tmp_path / "sync.sqlite3")
        from engine_rig import TEST_POLICY

        from epages_sync.engine.service import SyncService
        restarted = SyncService(r.settings, again, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                                policy=TEST_POLICY, retry_base_seconds=0.05)
        for _ in range(3):
            await restarted.run_once()
        assert r.consistency()["differences"] == []
        assert again.outbox_depth() == 0
        await restarted.close()
        again.close()
