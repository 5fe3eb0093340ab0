"""Settings on this computer: the language is saved for the next start, the start-at-login switch writes and
removes the login entry, and "Disconnect and remove all data" asks for a typed word, then leaves nothing."""

from __future__ import annotations

import asyncio
import pathlib
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot
from ui_support import demo_settings

from epages_sync.instance import InstanceLock
from epages_sync.logs import setup_logging
from epages_sync.paths import AppPaths, app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages.auth import CLIENT_SECRET
from epages_sync.secrets import MemoryKeyring, Secrets
from epages_sync.store import Store
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.language import Language
from epages_sync.ui.preferences import WindowPreferences, preferences_file
from epages_sync.ui.settings_dialog import RemoveAllDialog, SettingsDialog
from epages_sync.ui.this_computer import ThisComputer

WAIT = 15_000
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the login entry checked here is the XDG autostart file")


@pytest.fixture
def home(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """A home of the test's own, so no login entry of the person running the tests is ever touched."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture
def configured(tmp_path: pathlib.Path, memory_keyring: MemoryKeyring, sandbox: Sandbox,
               sandbox_url: str) -> Iterator[AppPaths]:
    """A data folder set up for the sandbox's shop, with its secrets in the (in-memory) password store."""
    paths = app_paths(tmp_path / "data").ensure()
    store = Store.open(paths.database)
    store.save_settings(demo_settings(sandbox, sandbox_url))
    store.close()
    secrets = Secrets("demo-shop")
    secrets.set_client_secret(CLIENT_SECRET)
    secrets.set_afosto_key("sandbox-afosto-key")
    yield paths


def _click_box(qtbot: QtBot, box: QCheckBox) -> None:
    # On the tick box itself: a click in the empty part of a wide row does not toggle it.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


@linux_only
def test_the_start_at_login_switch_writes_and_removes_the_login_entry(qtbot: QtBot, tmp_path: pathlib.Path,
                                                                     home: pathlib.Path) -> None:
    paths = app_paths(tmp_path / "data").ensure()
    dialog = SettingsDialog(ThisComputer.for_paths(paths), None)
    qtbot.addWidget(dialog)
    dialog.show()
    entry = home / ".config" / "autostart" / "epages-sync.desktop"
    assert not dialog.start_at_login.isChecked() and not entry.exists()

    _click_box(qtbot, dialog.start_at_login)
    assert dialog.start_at_login.isChecked()
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    # It starts in the tray, on this very data folder.
    assert "--minimized" in exec_line and str(paths.data_dir) in exec_line

    _click_box(qtbot, dialog.start_at_login)
    assert not dialog.start_at_login.isChecked() and not entry.exists()


def test_the_chosen_language_is_kept_for_the_next_start(qtbot: QtBot, tmp_path: pathlib.Path) -> None:
    paths = app_paths(tmp_path / "data").ensure()
    dialog = SettingsDialog(ThisComputer(paths, autostart=None), None)
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert combo.currentData() == Language.SYSTEM
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Deutsch", "Nederlands", "English"]
    combo.setCurrentIndex(combo.findData(Language.DUTCH))
    assert WindowPreferences.load(preferences_file(paths)).language == Language.DUTCH
    reopened = SettingsDialog(ThisComputer(paths, autostart=None), None)
    qtbot.addWidget(reopened)
    assert reopened.language_combo.currentData() == Language.DUTCH
    assert not reopened.start_at_login.isEnabled()  # nothing to switch where no login entry can be made


def test_removing_needs_the_typed_word_and_cancel_is_the_default(qtbot: QtBot, tmp_path: pathlib.Path) -> None:
    dialog = RemoveAllDialog(app_paths(tmp_path / "data"), store_name="demo-shop", start_at_login=True)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.explanation.text()
    assert "demo-shop" in text and str(tmp_path / "data") in text and "cannot be undone" in text
    assert not dialog.remove_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, "remov")
    assert not dialog.remove_button.isEnabled()
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)  # Enter is Cancel, never Remove
    assert dialog.result() == RemoveAllDialog.DialogCode.Rejected


@linux_only
def test_remove_all_from_the_window_leaves_nothing_behind(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          home: pathlib.Path, configured: AppPaths,
                                                          memory_keyring: MemoryKeyring) -> None:
    paths = configured
    setup_logging(paths.log_dir)
    lock = InstanceLock(paths.lock_file).acquire()
    desktop = DesktopApp(paths, lock=lock)
    try:
        desktop.begin()
        qtbot.waitUntil(lambda: desktop.control is not None and desktop.control.is_running, timeout=WAIT)
        desktop.computer.set_start_at_login(True)
        entry = home / ".config" / "autostart" / "epages-sync.desktop"
        assert entry.exists() and memory_keyring.items and paths.database.exists()

        desktop.actions.settings.trigger()
        dialog = desktop.settings_dialog
        assert dialog is not None and dialog.start_at_login.isChecked()
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        confirm = dialog.remove_dialog
        assert confirm is not None
        qtbot.keyClicks(confirm.confirm_edit, "REMOVE")
        with qtbot.waitSignal(desktop.data_removed, timeout=WAIT) as removed:
            qtbot.mouseClick(confirm.remove_button, Qt.MouseButton.LeftButton)
        report = removed.args[0]
        assert report.complete, report.text()
        assert not paths.data_dir.exists()  # database, logs, lock and preferences, and the folder itself
        assert memory_keyring.items == {}
        assert not entry.exists()
        assert desktop.control is not None and not desktop.control.is_running
        assert desktop.window is not None and not desktop.window.isVisible()
        assert desktop.last_word is not None and "removed" in desktop.last_word.text()
        assert not lock.held
    finally:
        setup_logging(None)
        if not desktop._shut_down.is_set():
            stop = asyncio.ensure_future(desktop.shutdown())
            qtbot.waitUntil(stop.done, timeout=WAIT)
        if desktop.last_word is not None:
            desktop.last_word.deleteLater()  # closing it would quit the app, and with it the test's application
        if desktop.window is not None:
            desktop.window.deleteLater()
        lock.release()
