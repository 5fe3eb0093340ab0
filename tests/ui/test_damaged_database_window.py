"""The window on a damaged database: it says what happened and asks before it moves the file aside; agreed, a
fresh database starts with the settings kept; declined, nothing is changed and the app ends."""

from __future__ import annotations

import asyncio
import pathlib
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from epages_sync.config import Settings
from epages_sync.data_folder import open_store
from epages_sync.instance import InstanceLock
from epages_sync.paths import AppPaths, app_paths
from epages_sync.secrets import MemoryKeyring
from epages_sync.ui.app import DesktopApp

WAIT = 15_000


@pytest.fixture
def emptied(tmp_path: pathlib.Path, memory_keyring: MemoryKeyring) -> AppPaths:
    """A folder whose database became 0 bytes after it was set up (the setup not finished: the wizard opens)."""
    paths = app_paths(tmp_path / "data")
    store = open_store(paths)
    store.save_settings(Settings(store_name="my-shop", client_id="cid"))
    store.close()
    paths.database.write_bytes(b"")
    return paths


@pytest.fixture
def desktop(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, emptied: AppPaths) -> Iterator[DesktopApp]:
    lock = InstanceLock(emptied.lock_file).acquire()
    app = DesktopApp(emptied, lock=lock)
    quits: list[bool] = []
    app.request_quit = lambda: quits.append(True)  # type: ignore[method-assign]  # the test's Qt app stays
    app.quits = quits  # type: ignore[attr-defined]
    try:
        yield app
    finally:
        if not app._shut_down.is_set():
            stop = asyncio.ensure_future(app.shutdown())
            qtbot.waitUntil(stop.done, timeout=WAIT)
        lock.release()


@pytest.fixture
def stopped_after(qtbot: QtBot) -> Iterator[list[DesktopApp]]:
    """DesktopApps a test made, shut down after it (their collector pacing freezes objects until then)."""
    made: list[DesktopApp] = []
    yield made
    for app in made:
        if not app._shut_down.is_set():
            stop = asyncio.ensure_future(app.shutdown())
            qtbot.waitUntil(stop.done, timeout=WAIT)


def _button(box: QMessageBox, text: str) -> object:
    return next(b for b in box.buttons() if b.text() == text)


def test_agreed_the_damaged_database_is_moved_aside_and_the_settings_are_kept(
        qtbot: QtBot, desktop: DesktopApp, emptied: AppPaths) -> None:
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.rebuild_question is not None, timeout=WAIT)
    box = desktop.rebuild_question
    assert box is not None
    assert "is empty (0 bytes)" in box.text() and "Nothing was changed yet" in box.text()
    assert emptied.database.read_bytes() == b""  # asked first

    qtbot.mouseClick(_button(box, "Move aside and start fresh"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.wizard is not None, timeout=WAIT)
    aside = [p for p in emptied.data_dir.iterdir() if p.name.startswith("epages-sync.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b""
    assert desktop.store is not None
    settings = desktop.store.load_settings()
    assert settings is not None and settings.store_name == "my-shop" and settings.client_id == "cid"
    assert desktop.quits == []  # type: ignore[attr-defined]


def test_declined_nothing_is_changed_and_the_app_ends(qtbot: QtBot, desktop: DesktopApp,
                                                     emptied: AppPaths) -> None:
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.rebuild_question is not None, timeout=WAIT)
    box = desktop.rebuild_question
    assert box is not None
    qtbot.mouseClick(_button(box, "Quit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.quits == [True], timeout=WAIT)  # type: ignore[attr-defined]
    assert emptied.database.read_bytes() == b""
    assert not [p for p in emptied.data_dir.iterdir() if ".damaged-" in p.name]
    assert desktop.store is None and desktop.wizard is None


def test_a_folder_that_cannot_be_written_is_said_in_a_dialog(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                            tmp_path: pathlib.Path,
                                                            stopped_after: list[DesktopApp]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    paths = app_paths(blocker / "data")
    app = DesktopApp(paths)
    stopped_after.append(app)
    quits: list[bool] = []
    app.request_quit = lambda: quits.append(True)  # type: ignore[method-assign]
    app.begin()
    qtbot.waitUntil(lambda: bool(app.problems_shown), timeout=WAIT)
    title, message = app.problems_shown[0]
    assert title == "The data folder cannot be made" and "is a file, not a folder" in message
    assert "--data-dir" in message


def test_a_full_disk_is_said_in_a_dialog(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path,
                                         monkeypatch: pytest.MonkeyPatch, stopped_after: list[DesktopApp]) -> None:
    from epages_sync.store import store as store_module

    original = store_module.connect

    def no_room(target: str) -> sqlite3.Connection:
        conn = original(target)
        conn.execute("PRAGMA max_page_count = 2")  # a disk with room for two pages of the database
        return conn

    monkeypatch.setattr(store_module, "connect", no_room)
    app = DesktopApp(app_paths(tmp_path / "data"))
    stopped_after.append(app)
    quits: list[bool] = []
    app.request_quit = lambda: quits.append(True)  # type: ignore[method-assign]
    app.begin()
    qtbot.waitUntil(lambda: bool(app.problems_shown), timeout=WAIT)
    title, message = app.problems_shown[0]
    assert title == "The disk is full" and "Free some space" in message
    assert app.rebuild_question is None  # nothing to move aside: the database is not damaged
