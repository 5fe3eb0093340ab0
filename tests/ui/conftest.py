"""UI test setup: one QApplication (pytest-qt's), a qasync loop per test that fails the test when a background
task raised, a fresh store and an in-memory keyring per test, and the sandbox as the far side."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import os
import pathlib
import time
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread
from epages_sync.secrets import MemoryKeyring, keyring_backend
from epages_sync.store import Store

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop inside Qt's, as in the app; Qt's loop runs whenever qtbot waits."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=2))
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        deadline = time.monotonic() + 5
        while any(not t.done() for t in pending) and time.monotonic() < deadline:
            qapp.processEvents()
        # Collect the test's Qt objects here, on the GUI thread: left to the cyclic collector they may be
        # freed in a worker thread, where Qt cannot stop their timers.
        gc.collect()
        qapp.processEvents()
        asyncio.events._set_running_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # lets close() run
        loop.close()
        asyncio.set_event_loop(None)
    failures = [c for c in errors if not isinstance(c.get("exception"), asyncio.CancelledError)]
    if failures:
        raise AssertionError("a background task failed: " + "; ".join(
            f"{c.get('message')}: {c.get('exception')!r}" for c in failures))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with keyring_backend(backend):
        yield backend


@pytest.fixture
def store(tmp_path: pathlib.Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "data" / "epages-sync.sqlite3")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=1, orders=20)


@pytest.fixture
def sandbox_url(sandbox: Sandbox) -> Iterator[str]:
    with run_in_thread(sandbox) as url:
        yield url
