"""Watching the sync that runs as a service (``run --headless``) from the window, without taking part in it.

The service is another process, so the store's announcements of new log rows never reach this one: the
watch reads the newest log id and the engine's figures (``engine_figures``) from the shared database every
second, off the GUI thread, and hands them on as "rows stored up to id N" and as a ``Health`` report. It
never writes: the connection is switched to SQLite's query-only mode, so even a slip cannot change the
service's data. Whether the service still runs is seen from the data folder's lock.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..config import Flow
from ..engine.service import EngineState, FlowHealth, Health, engine_figures
from ..instance import InstanceLock
from ..store import Store
from .background import UiTasks, off_thread

log = logging.getLogger(__name__)

WATCH_MS = 1000
# Looking at the lock opens a file: every few reads is enough to notice a stop or a restart of the service.
LOCK_EVERY = 3


def keep_from_writing(store: Store) -> None:
    """From now on this connection only reads: a write raises instead of changing the service's data.

    The store's checkpoint thread stops too: copying the service's write-ahead log into its database is the
    service's business."""
    if store.checkpointer is not None:
        store.checkpointer.stop()
        store.checkpointer = None
    store._one("PRAGMA query_only = ON")  # the store has no public switch for this


def service_runs(lock_file: Path) -> bool:
    """True while some other process holds the data folder's lock (the service)."""
    # Nobody holds it: the probe lets go at once (a service starting in that moment tries again).
    return InstanceLock(lock_file).held_elsewhere()


def _when(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


class ServiceWatch(QObject):
    """Reads what the service left in the store, once a second; emits ``rows_stored(newest_id)`` when new log
    rows are there and ``health_changed(Health)`` after every read."""

    health_changed = Signal(object)
    rows_stored = Signal(int)

    def __init__(self, store: Store, lock_file: Path, tasks: UiTasks, *, interval_ms: int = WATCH_MS,
                 name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One watch per store of the installation, each reading its own store's database.
        self._task = f"watch.read.{name}" if name else "watch.read"
        self.store = store
        self.lock_file = lock_file
        self._tasks = tasks
        self._newest_id = 0
        self._reads = 0
        self._service_runs = True
        self._health: Health | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)

    @property
    def service_running(self) -> bool:
        return self._service_runs

    def start(self) -> None:
        self._timer.start()
        self._on_tick()

    def stop(self) -> None:
        self._timer.stop()
        self._tasks.cancel(self._task)

    def health(self) -> Health:
        return self._health or self._make_health({}, None)

    def _on_tick(self) -> None:
        if not self._tasks.is_running(self._task):
            self._tasks.start(self._task, self._read())

    def _read_store(self, look_at_lock: bool) -> tuple[int, dict[str, Any], Any, bool | None]:
        runs = service_runs(self.lock_file) if look_at_lock else None
        return self.store.newest_log_id(), engine_figures(self.store), self.store.load_settings(), runs

    async def _read(self) -> None:
        look_at_lock = self._reads % LOCK_EVERY == 0
        self._reads += 1
        newest, figures, settings, runs = await off_thread(self._read_store, look_at_lock)
        if runs is not None and runs != self._service_runs:
            self._service_runs = runs
            log.info("the service on this data folder %s", "runs again" if runs else "has stopped")
        if newest > self._newest_id:
            self._newest_id = newest
            self.rows_stored.emit(newest)
        self._health = self._make_health(figures, settings)
        self.health_changed.emit(self._health)

    def _make_health(self, figures: dict[str, Any], settings: Any) -> Health:
        chosen = set(settings.flows) if settings is not None else set()
        parked = int(figures.get("parked_items") or 0)
        if self._service_runs:
            message = self.tr("Watching the sync that runs as a service on this computer. This window only "
                              "shows what the service does; it changes nothing.")
        else:
            message = self.tr("The service has stopped: nothing is synced now. Start the service again, or "
                              "close this window and open epages-sync to run the sync in the window.")
        if parked:
            message += " " + (self.tr("1 item waits for a person; Retry and Dismiss are in the window that "
                                      "runs the sync.") if parked == 1 else
                              self.tr("{n} items wait for a person; Retry and Dismiss are in the window that "
                                      "runs the sync.").format(n=parked))
        return Health(
            state=EngineState.RUNNING if self._service_runs else EngineState.STOPPED, message=message,
            last_good_poll=_when(figures.get("last_good_poll")), last_good_push=_when(figures.get("last_good_push")),
            outbox_depth=int(figures.get("outbox_depth") or 0), parked_count=parked,
            orders_linked=int(figures.get("orders_linked") or 0),
            flows=[FlowHealth(flow=f, enabled=f in chosen) for f in Flow])
