"""The window's own background work: named asyncio tasks with an owner, and blocking calls sent off the GUI thread.

The engine's tasks belong to the engine (``engine.tasks.TaskOwner``); these are the window's: connection checks
in the wizard, log pages read from SQLite, keyring calls. A failure is logged and announced through
``UiTasks.failed``, so the app can put it in the log and, when a person must act, in a dialog.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ..engine.tasks import TaskOwner

log = logging.getLogger(__name__)

T = TypeVar("T")


async def off_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking call (keyring, a page of SQLite rows, a file) on the loop's executor thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(fn, *args, **kwargs))


class UiTasks(QObject):
    """Owns the window's asyncio tasks: a name, a strong reference, and starting a name again cancels the old one.

    A task that raises is reported once through ``failed(name, exception)``; a cancelled one is not.
    """

    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owner = TaskOwner(on_failure=self._on_task_failed)

    def start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        return self._owner.start(name, coro)

    def cancel(self, name: str) -> None:
        task = self._owner.get(name)
        if task is not None and not task.done():
            task.cancel()

    def get(self, name: str) -> asyncio.Task[Any] | None:
        return self._owner.get(name)

    def is_running(self, name: str) -> bool:
        task = self._owner.get(name)
        return task is not None and not task.done()

    def running(self) -> list[str]:
        return self._owner.running()

    async def cancel_all(self, timeout: float = 5.0) -> None:
        await self._owner.cancel_all(timeout)

    def _on_task_failed(self, name: str, exc: BaseException) -> None:
        self.failed.emit(name, exc)
