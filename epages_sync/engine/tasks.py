"""Background tasks with an owner: a name, a strong reference, one place that cancels them all."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskOwner:
    """Keeps every task the engine starts, so none is garbage-collected mid-flight or forgotten at stop.

    A task that fails is logged and reported through ``on_failure`` (the engine turns it into a log row and,
    when a person must act, into attention); it never vanishes silently.
    """

    def __init__(self, on_failure: Callable[[str, BaseException], None] | None = None) -> None:
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._on_failure = on_failure

    def start(self, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start ``coro`` under ``name``; a task already running under that name is cancelled first."""
        old = self._tasks.pop(name, None)
        if old is not None and not old.done():
            old.cancel()
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks[name] = task
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        name = task.get_name()
        if self._tasks.get(name) is task:
            del self._tasks[name]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("background task %s failed: %r", name, exc, exc_info=exc)
            if self._on_failure is not None:
                self._on_failure(name, exc)

    def running(self) -> list[str]:
        return sorted(n for n, t in self._tasks.items() if not t.done())

    def get(self, name: str) -> asyncio.Task[Any] | None:
        return self._tasks.get(name)

    async def wait_prefix(self, prefix: str) -> None:
        """Wait until the tasks whose names start with ``prefix`` are done (their failures are reported)."""
        tasks = [t for n, t in self._tasks.items() if n.startswith(prefix) and not t.done()]
        if tasks:
            await asyncio.wait(tasks)

    async def cancel_all(self, timeout: float = 10.0) -> None:
        """Cancel every task and wait until each has run its cleanup (or the timeout passes)."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        for t in tasks:
            t.cancel()
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for t in pending:
                log.error("background task %s did not stop within %.0f s", t.get_name(), timeout)
        self._tasks.clear()
