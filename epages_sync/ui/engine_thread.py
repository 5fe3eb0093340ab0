"""The thread the window's sync engines run in: an asyncio loop of their own, beside Qt's.

The engine does its work in steps between two requests: a page of 50 orders planned, its links, parked
items and log rows written, the next batch's document built. On Qt's loop each such step is a moment the
window cannot paint or answer a click: during an import that was 100-400 ms, again and again. In a thread
of its own the same steps share the processor with the window instead: Python hands its interpreter lock
over every quarter of a millisecond (``GUI_SWITCH_INTERVAL_S`` in app.py), so the window gets its turn
in the middle of them.

Every store's engine runs in the one loop here (the stores share their stock through one object); the
window talks to them through ``SyncControl``, which brings each call over. The engine itself knows nothing
of this: it runs here as it runs in the headless service's own loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

THREAD_NAME = "sync-engine"


class EngineThread:
    """An asyncio loop in a daemon thread, started at its first use."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None or self._thread is None or not self._thread.is_alive():
                loop = asyncio.new_event_loop()
                started = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(started.set)
                    loop.run_forever()

                self._thread = threading.Thread(target=run, name=THREAD_NAME, daemon=True)
                self._loop = loop
                self._thread.start()
                started.wait()
            return self._loop

    def in_thread(self) -> bool:
        return self._thread is not None and threading.current_thread() is self._thread

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` run in the engine's loop (from any other loop: the window's)."""
        if self.in_thread():
            return await coro
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` run in the engine's loop, waiting for its result (for a person's click: the
        wait is for the engine's step under way, at most a few hundred milliseconds)."""
        if self.in_thread():
            return function(*args)
        done: concurrent.futures.Future[T] = concurrent.futures.Future()

        def once() -> None:
            try:
                done.set_result(function(*args))
            except BaseException as exc:  # noqa: BLE001 (raised again in the caller's thread)
                done.set_exception(exc)

        self.loop.call_soon_threadsafe(once)
        return done.result()

    def stop(self) -> None:
        """End the loop and its thread (what still runs there is dropped: stop the engines first)."""
        with self._lock:
            loop, thread, self._loop, self._thread = self._loop, self._thread, None, None
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        if not thread.is_alive():
            loop.close()


_shared = EngineThread()


def engine_thread() -> EngineThread:
    """The process's one engine thread."""
    return _shared
