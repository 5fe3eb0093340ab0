"""When Python's cycle collector runs in the window's process, so that it never freezes the window.

Python frees most objects the moment nobody uses them. Only groups of objects that point at each other need
the cycle collector, and its full pass walks every object the process holds: in the demo that includes the
whole simulated shop, and even in a real shop an import holds pages of orders, so a full pass that starts in
the middle of an import stops everything for 20 to 100 ms, in whichever thread allocated last.

The pacing here:
- quick collections of young objects stay automatic (they walk a few thousand objects, under a millisecond);
- automatic full passes are switched off;
- every quarter second, whatever lives is moved out of the collector's sight (``gc.freeze``, which costs
  nothing and walks nothing): it is either long-lived or freed by its reference count anyway;
- what was moved aside is looked at again in a full pass (a *sweep*) when the sync has been quiet for a while
  and 10 minutes have passed since the last one; after an hour without one, at the first moment the sync is
  no more than calm (a few log rows, not an import's hundreds), and after two hours in any case. That finds
  the groups that became garbage after being moved aside, so a window left open for weeks does not grow.

The headless service does not use this: nobody waits on its loop, and Python's own policy suits it.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

FREEZE_MS = 250
SWEEP_CHECK_MS = 15_000
SWEEP_WHEN_QUIET_S = 600.0
SWEEP_WHEN_CALM_S = 3600.0
SWEEP_AT_LEAST_S = 7200.0
# New log rows between two checks (15 s) that still count as calm: the demo's activity, a shop's single
# orders; an import writes hundreds.
CALM_ROWS = 20
# Gen-1 collections between automatic full passes: so many that one never comes.
_NO_AUTOMATIC_FULL_PASS = 1 << 30

_active = 0
_saved_thresholds: tuple[int, int, int] | None = None


class CollectorPacing(QObject):
    """Drives the collector from two timers of the window's thread; see the module text."""

    def __init__(self, activity: Callable[[], int | None], *, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic, freeze_ms: int = FREEZE_MS,
                 sweep_check_ms: int = SWEEP_CHECK_MS, sweep_when_quiet_s: float = SWEEP_WHEN_QUIET_S,
                 sweep_when_calm_s: float = SWEEP_WHEN_CALM_S, sweep_at_least_s: float = SWEEP_AT_LEAST_S) -> None:
        """``activity`` returns a number that grows with what the sync does (the newest log id), or None
        before there is a store: quiet is two checks in a row that see the same number."""
        super().__init__(parent)
        self._activity = activity
        self._clock = clock
        self._sweep_when_quiet_s = sweep_when_quiet_s
        self._sweep_when_calm_s = sweep_when_calm_s
        self._sweep_at_least_s = sweep_at_least_s
        self._last_sweep = clock()
        self._last_activity: int | None = None
        self._running = False
        self.sweeps: list[tuple[float, int]] = []  # (milliseconds, objects freed) of each sweep
        self._freezer = QTimer(self, interval=freeze_ms)
        self._freezer.timeout.connect(gc.freeze)
        self._sweeper = QTimer(self, interval=sweep_check_ms)
        self._sweeper.timeout.connect(self.check)

    def start(self) -> None:
        global _active, _saved_thresholds
        if self._running:
            return
        self._running = True
        if _active == 0:
            _saved_thresholds = gc.get_threshold()
            young, middle, _full = _saved_thresholds
            gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL_PASS)
        _active += 1
        gc.freeze()  # what exists at start-up (modules, the demo's simulated shop) lives as long as the app
        self._last_sweep = self._clock()
        self._freezer.start()
        self._sweeper.start()

    def stop(self) -> None:
        """Hand the collector back to Python's own policy (the last pacing to stop does it)."""
        global _active, _saved_thresholds
        if not self._running:
            return
        self._running = False
        self._freezer.stop()
        self._sweeper.stop()
        _active -= 1
        if _active == 0:
            gc.unfreeze()
            if _saved_thresholds is not None:
                gc.set_threshold(*_saved_thresholds)
            _saved_thresholds = None

    def check(self) -> None:
        """Sweep when the sync is quiet and a sweep is due, calm and one is late, or whatever it does when
        one is overdue."""
        try:
            activity = self._activity()
        except Exception:  # noqa: BLE001 - a store being closed: unknown, so neither quiet nor calm
            activity = None
        last, self._last_activity = self._last_activity, activity
        known = activity is not None and last is not None
        quiet = known and activity == last
        calm = known and 0 <= activity - last < CALM_ROWS  # type: ignore[operator]
        since = self._clock() - self._last_sweep
        if (since >= self._sweep_at_least_s or (calm and since >= self._sweep_when_calm_s)
                or (quiet and since >= self._sweep_when_quiet_s)):
            self.sweep()

    def sweep(self) -> None:
        """One full pass over everything, then everything alive is moved aside again."""
        started = time.perf_counter()
        gc.unfreeze()
        freed = gc.collect()
        gc.freeze()
        took_ms = (time.perf_counter() - started) * 1000
        self._last_sweep = self._clock()
        self.sweeps.append((took_ms, freed))
        log.debug("memory sweep: %d unreachable objects freed in %.0f ms", freed, took_ms)
