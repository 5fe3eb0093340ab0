"""The window's process runs the cycle collector's full passes at quiet moments, and still frees what
became garbage: a window left open for weeks must not grow."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from epages_sync.ui import gc_pacing
from epages_sync.ui.gc_pacing import CollectorPacing


class Ring:
    """Two of these pointing at each other: garbage only the cycle collector can free."""

    def __init__(self) -> None:
        self.other: Ring | None = None


def _ring() -> weakref.ref[Ring]:
    a, b = Ring(), Ring()
    a.other, b.other = b, a
    return weakref.ref(a)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    gc_pacing._active = 0  # a test that failed half-way leaves no pacing behind for the next ones
    gc.unfreeze()
    gc.set_threshold(*before)


def test_full_passes_wait_for_a_quiet_sync_and_then_free_what_was_set_aside(
        qtbot: QtBot, clock: Clock, thresholds: tuple[int, int, int]) -> None:
    activity = {"newest log id": 1}
    pacing = CollectorPacing(lambda: activity["newest log id"], clock=clock)
    pacing.start()
    assert gc.get_threshold()[:2] == thresholds[:2]  # quick collections of young objects stay automatic
    assert gc.get_threshold()[2] > 1_000_000  # no automatic full pass in the middle of an import

    ring = _ring()
    gc.freeze()  # what the quarter-second timer does: the ring is set aside before it became garbage
    gc.collect()
    assert ring() is not None  # an ordinary collection no longer sees it

    # Importing: hundreds of log rows between checks, so no sweep for two hours, however often it is checked.
    for _ in range(10):
        clock.now += 700
        activity["newest log id"] += 500
        pacing.check()
    assert ring() is not None and pacing.sweeps == []  # 7,000 s of import
    clock.now += 700
    activity["newest log id"] += 500
    pacing.check()
    assert ring() is None  # 7,700 s: the overdue sweep came anyway
    assert len(pacing.sweeps) == 1

    # Calm (a few rows a check, as the demo's activity or a shop's single orders): never quiet, so the sweep
    # waits for the hour, and then takes the first calm check.
    ring = _ring()
    gc.freeze()
    for _ in range(5):
        clock.now += 700
        activity["newest log id"] += 3
        pacing.check()
    assert ring() is not None and len(pacing.sweeps) == 1  # 3,500 s
    clock.now += 700
    activity["newest log id"] += 3
    pacing.check()
    assert ring() is None and len(pacing.sweeps) == 2

    ring = _ring()
    gc.freeze()
    clock.now += 700
    activity["newest log id"] += 1
    pacing.check()  # something happened since the last check: not quiet
    assert ring() is not None and len(pacing.sweeps) == 2
    clock.now += 15
    pacing.check()  # the same newest log id twice, 10 minutes after the last sweep
    assert ring() is None and len(pacing.sweeps) == 3
    took_ms, freed = pacing.sweeps[-1]
    assert freed >= 2 and took_ms >= 0

    clock.now += 15
    pacing.check()  # quiet, but a sweep just ran
    assert len(pacing.sweeps) == 3

    pacing.stop()
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_the_timer_sets_living_objects_aside(qtbot: QtBot, thresholds: tuple[int, int, int]) -> None:
    pacing = CollectorPacing(lambda: 0, freeze_ms=10)
    pacing.start()
    keep = [Ring() for _ in range(1000)]
    gc.unfreeze()
    qtbot.waitUntil(lambda: gc.get_freeze_count() >= len(keep), timeout=2000)
    pacing.stop()
    assert gc.get_freeze_count() == 0


def test_two_windows_in_one_process_hand_the_collector_back_once_both_are_gone(
        qtbot: QtBot, clock: Clock, thresholds: tuple[int, int, int]) -> None:
    first = CollectorPacing(lambda: 0, clock=clock)
    second = CollectorPacing(lambda: 0, clock=clock)
    first.start()
    second.start()
    first.stop()
    assert gc.get_threshold()[2] > 1_000_000
    second.stop()
    second.stop()  # twice is harmless
    assert gc.get_threshold() == thresholds


def test_a_failing_activity_check_counts_as_activity(qtbot: QtBot, clock: Clock,
                                                     thresholds: tuple[int, int, int]) -> None:
    def closed_store() -> int:
        raise RuntimeError("the store is closed")

    pacing = CollectorPacing(closed_store, clock=clock)
    pacing.start()
    for _ in range(10):
        clock.now += 700
        pacing.check()
    assert pacing.sweeps == []  # 7,000 s without knowing whether the sync is quiet
    clock.now += 700
    pacing.check()
    assert len(pacing.sweeps) == 1  # the overdue one
    pacing.stop()
