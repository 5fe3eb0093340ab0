"""One store of the installation as the window holds it: its data folder, its database once open, its sync (or,
while watching a service, what the service writes), and why it does not run when it does not.

Each store reports its health on its own; one store's trouble (a damaged database, a secret not saved, a revoked
app) stays in its own slot and never stops another store's sync.
"""

from __future__ import annotations

import logging

import httpx
from PySide6.QtCore import QObject, Signal

from ..engine.service import EngineState, Health
from ..engine.shared_stock import SharedStock
from ..paths import AppPaths
from ..store import Store
from .service_watch import ServiceWatch
from .sync_control import SyncControl

log = logging.getLogger(__name__)


class StoreSlot(QObject):
    """Emits ``health_changed(name, Health)`` after every change of this store's health."""

    health_changed = Signal(str, object)

    def __init__(self, name: str, paths: AppPaths, *, shared: SharedStock,
                 transport: httpx.AsyncBaseTransport | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.paths = paths
        self.store: Store | None = None
        self.control: SyncControl | None = None
        self.watch: ServiceWatch | None = None
        self._shared = shared
        self._transport = transport
        # Why the store's database could not be opened (then there is no control): said as its health.
        self.problem = ""

    def opened(self, store: Store) -> SyncControl:
        """The store's database is open: from now on its sync can be started."""
        self.store = store
        self.problem = ""
        control = SyncControl(store, transport=self._transport, shared=self._shared, parent=self)
        control.health_changed.connect(self._on_health)
        self.control = control
        return control

    def watching(self, watch: ServiceWatch) -> None:
        self.watch = watch
        watch.health_changed.connect(self._on_health)

    # A method rather than a lambda: Qt holds no Python closure around this object.
    def _on_health(self, health: Health) -> None:
        self.health_changed.emit(self.name, health)

    def cannot_open(self, problem: str) -> None:
        """The database could not be opened: the store shows why, and the others go on."""
        self.problem = problem
        self.health_changed.emit(self.name, self.health())

    def not_running(self, reason: str, stock_locations: list[str] | None = None) -> None:
        """The store is open but its sync cannot start (a secret missing): say why. Its shop goes on selling,
        so the other stores count it in their shared stock from its settings (``stock_locations``)."""
        if stock_locations is not None:
            self._shared.join(self.name, stock_locations)
        if self.control is not None:
            self.control.set_not_running(reason)
        else:
            self.cannot_open(reason)

    def health(self) -> Health:
        if self.watch is not None:
            return self.watch.health()
        if self.control is not None:
            return self.control.health()
        return Health(state=EngineState.STOPPED, message=self.problem or self.tr("The sync is not running."))

    @property
    def is_running(self) -> bool:
        return self.control is not None and self.control.is_running

    def rename(self, name: str) -> None:
        self.name = name
