"""The window's handle on the sync: starts and stops the engine's facade and hands its health to Qt.

The engine runs in a thread of its own (``engine_thread``), so its steps never hold up the window; every call
here is carried over to it. The engine reports health from inside its loop; this object keeps only the latest
report and passes it on once per short tick, so a busy import never floods the window with repaints.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import httpx
from PySide6.QtCore import QObject, QTimer, Signal

from ..config import Settings
from ..engine.audit import Difference
from ..engine.service import EngineState, Health, SyncService
from ..engine.shared_stock import SharedStock
from ..store import Store
from .engine_thread import EngineThread, engine_thread

log = logging.getLogger(__name__)


class SyncControl(QObject):
    """Start, stop, pause, resume and "sync now" for one store; ``health_changed(Health)`` after each change."""

    health_changed = Signal(object)
    # The engine's health reports, from its thread to this object's (a queued connection).
    _engine_health = Signal(object)

    def __init__(self, store: Store, *, transport: httpx.AsyncBaseTransport | None = None,
                 shared: SharedStock | None = None, engine: EngineThread | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._engine = engine or engine_thread()
        self._transport = transport
        # The installation's stores share their stock through this (None: the only store).
        self._shared = shared
        self._service: SyncService | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._latest: Health | None = None
        self._not_running = ""
        # Set while the window only watches a service: then nothing here may change the store.
        self.read_only = False
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.timeout.connect(self._on_tick)
        self._engine_health.connect(self._on_engine_health)

    @property
    def service(self) -> SyncService | None:
        return self._service

    @property
    def settings(self) -> Settings | None:
        return self._service.settings if self._service is not None else None

    @property
    def is_running(self) -> bool:
        return self._service is not None

    def health(self) -> Health:
        if self._service is not None:
            return self._service.health()
        return Health(state=EngineState.STOPPED,
                      message=self._not_running or self.tr("The sync is not running."),
                      parked_count=self.store.parked_count(), outbox_depth=self.store.outbox_depth())

    def set_not_running(self, reason: str) -> None:
        """Why there is no sync (no secret saved, setup not finished); shown as the health message."""
        self._not_running = reason
        self._announce_now()

    async def start(self, settings: Settings, *, client_secret: str, afosto_key: str) -> None:
        if self.read_only:
            raise RuntimeError("this window only watches the service: it starts no sync")
        await self.stop()
        service = SyncService(settings, self.store, client_secret=client_secret, afosto_key=afosto_key,
                              transport=self._transport, shared=self._shared)
        self._service = service
        self._not_running = ""
        self._unsubscribe = service.on_health(self._engine_health.emit)
        await self._engine.run(service.start())
        self._announce_now()

    async def stop(self) -> None:
        """Stop the engine (every task cancelled, clients closed); safe to call when nothing runs."""
        service = self._service
        if service is None:
            return
        try:
            await self._engine.run(service.stop())
        finally:
            if self._unsubscribe is not None:
                self._unsubscribe()
                self._unsubscribe = None
            self._service = None
            self._announce_now()

    def pause(self, until: dt.datetime | None = None) -> None:
        if self._service is not None:
            self._engine.call(self._service.pause, until)
            self._announce_now()

    def resume(self) -> None:
        if self._service is not None:
            self._engine.call(self._service.resume)
            self._announce_now()

    def sync_now(self) -> None:
        if self._service is not None:
            self._engine.call(self._service.sync_now)
            self._announce_now()

    def retry_parked(self, parked_id: int) -> bool:
        return bool(self.retry_items([parked_id]))

    def retry_items(self, parked_ids: list[int]) -> list[int]:
        """Hand parked items back for a retry; returns the ids that were still open."""
        if self.read_only:
            return []
        if self._service is not None:
            done = self._engine.call(self._service.retry_items, parked_ids)
        else:  # the engine picks them up at its next start
            done = [item.id for item in self.store.retry_parked_many(parked_ids)]
        self._announce_now()
        return done

    def dismiss_parked(self, parked_id: int) -> bool:
        return bool(self.dismiss_items([parked_id]))

    def dismiss_items(self, parked_ids: list[int]) -> list[int]:
        if self.read_only:
            return []
        done = (self._engine.call(self._service.dismiss_items, parked_ids) if self._service is not None
                else self.store.dismiss_parked_many(parked_ids))
        self._announce_now()
        return done

    async def compare_both_systems(self) -> list[Difference]:
        """Compare both systems now (see ``SyncService.compare_both_systems``); the sync must be running."""
        if self._service is None:
            raise RuntimeError("the sync is not running")
        return await self._engine.run(self._service.compare_both_systems())

    def _on_engine_health(self, health: Health) -> None:
        self._latest = health
        if not self._tick.isActive():
            self._tick.start(50)

    def _announce_now(self) -> None:
        self._latest = None
        self._tick.start(0)

    def _on_tick(self) -> None:
        health = self._latest if self._latest is not None else self.health()
        self._latest = None
        self.health_changed.emit(health)
