"""Several stores of one installation in one process: each store's engine runs in the same event loop with its
own tasks, clients and database, and one store's trouble (a revoked app, no network, a damaged database) is
that store's alone. Their stock is shared (see shared_stock.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..errors import SyncError
from ..store import Store
from .service import EngineState, Health, SyncService
from .shared_stock import SharedStock

log = logging.getLogger(__name__)


@dataclass
class StoreEngine:
    """One store of the set: its running engine, or why it cannot run (then ``service`` is None)."""

    name: str
    service: SyncService | None = None
    problem: SyncError | None = None

    @property
    def running(self) -> bool:
        return self.service is not None and self.service.state != EngineState.STOPPED

    def health(self) -> Health | None:
        return self.service.health() if self.service is not None else None


class StoreSet:
    """Every store that runs in this process, in the order they were added, and the stock they share."""

    def __init__(self, shared: SharedStock | None = None) -> None:
        self.shared = shared or SharedStock()
        self._engines: dict[str, StoreEngine] = {}

    def add(self, settings: Settings, store: Store, *, client_secret: str, afosto_key: str,
            **options: Any) -> SyncService:
        """A store that can run; ``options`` go to its SyncService (transport, policy, retry_base_seconds)."""
        name = settings.store_name or ""
        service = SyncService(settings, store, client_secret=client_secret, afosto_key=afosto_key,
                              shared=self.shared, **options)
        self._engines[name] = StoreEngine(name, service)
        return service

    def add_problem(self, name: str, problem: SyncError, *, stock_locations: Iterable[str] | None = None) -> None:
        """A store that cannot run now. When its settings are known (``stock_locations``), the others count
        it as sharing their stock: its shop goes on selling, and until it answers, their figures for what it
        may sell do not go up."""
        self._engines[name] = StoreEngine(name, problem=problem)
        if stock_locations is not None:
            self.shared.join(name, stock_locations)

    @property
    def engines(self) -> list[StoreEngine]:
        return list(self._engines.values())

    @property
    def services(self) -> list[SyncService]:
        return [e.service for e in self._engines.values() if e.service is not None]

    def engine(self, name: str) -> StoreEngine | None:
        return self._engines.get(name)

    async def start(self) -> None:
        """Start every store that can run; a store that fails to start is recorded and the others go on."""
        for engine in self._engines.values():
            if engine.service is None:
                continue
            try:
                await engine.service.start()
            except SyncError as exc:
                log.warning("store %s did not start: %s", engine.name, exc)
                engine.problem = exc

    async def stop(self) -> None:
        """Stop every store; one that fails to stop cleanly does not keep the others running."""
        for engine in self._engines.values():
            if engine.service is None:
                continue
            try:
                await engine.service.stop()
            except Exception:  # every other store must still be stopped
                log.exception("store %s did not stop cleanly", engine.name)

    async def close(self) -> None:
        """After ``run_once``: close every store's clients."""
        for service in self.services:
            try:
                await service.close()
            except Exception:  # every other store must still be closed
                log.exception("store %s did not close cleanly", service.settings.store_name)
