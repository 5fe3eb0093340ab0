"""The window's own background work: named asyncio tasks with an owner, and blocking calls sent off the GUI thread.

The engine's tasks belong to the engine (``engine.tasks.TaskOwner``); these are the window's: connection checks
in the wizard, log pages read from SQLite, keyring calls. A failure is logged and announced through
``UiTasks.failed``, so the app can put it in the log and, when a person must act, in a dialog.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
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


async def in_worker_loop(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine on an event loop of its own in an executor thread.

    For checks that work the CPU between their requests (the Afosto schema check validates every operation
    against the account's schema), which would otherwise freeze the window while they run. Cancelling the
    caller cancels the coroutine there too, at its next await.
    """
    stop = threading.Event()

    async def watched() -> T:
        task = asyncio.ensure_future(make())
        while not task.done():
            if stop.is_set():
                task.cancel()
            await asyncio.wait([task], timeout=0.1)
        return task.result()

    try:
        return await off_thread(lambda: asyncio.run(watched()))
    except asyncio.CancelledError:
        stop.set()
        raise


class UiTasks(QObject):
    """Owns the window's asyncio tasks: a name, a strong reference, and starting a name again cancels the old one.

    A task that raises is reported once through ``failed(name, exception)``; a cancelled one is not.
    """

    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owner = TaskOwner(on_failure=self._on_task_failed)
        # The widgets these tasks report to go with their parent: a task must not outlive them. The slot
        # holds the task owner only, never this object, so it can run while Qt deletes it.
        self.destroyed.connect(functools.partial(_cancel_everything, self._owner))

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
        try:
            self.failed.emit(name, exc)
        except RuntimeError:  # the owner is already gone; TaskOwner has logged the failure
            pass


def _cancel_everything(owner: TaskOwner, *_args: object) -> None:
    for name in owner.running():
        task = owner.get(name)
        if task is not None:
            task.cancel()
