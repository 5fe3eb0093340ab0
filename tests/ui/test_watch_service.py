"""The window on a data folder a service (``run --headless``) holds: it watches, starts no sync of its own,
follows the service's log and figures, keeps the service's commands off, and leaves the service alone."""

from __future__ import annotations

import asyncio
import os
import pathlib
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from epages_sync.engine.service import engine_figures
from epages_sync.paths import app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread
from epages_sync.store import Direction, LogRow, Outcome
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.service_watch import service_runs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stops the service with SIGTERM")

ROOT = pathlib.Path(__file__).resolve().parents[2]
WAIT = 20_000


def _cli(data_dir: pathlib.Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EPAGES_SYNC_CLIENT_SECRET": "sandbox-secret",
           "EPAGES_SYNC_AFOSTO_KEY": "sandbox-afosto-key", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "epages_sync", "--data-dir", str(data_dir), *args],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _configure(data_dir: pathlib.Path, sandbox: Sandbox, name: str, url: str, channel: str) -> None:
    """Set up a store for the service with the command line, as an admin would."""
    w = sandbox.world
    args = ["configure", "--store", name, "--client-id", "sandbox-client", "--sandbox", url, "--channel", channel,
            "--start-date", "2020-01-01", "--push-interval", "2", "--poll-interval", "15"]
    for ep, af in w.default_location_map.items():
        args += ["--map", f"{ep}={af}"]
    for loc in w.feeding_location_ids:
        args += ["--stock-from", loc]
    configured = _cli(data_dir, *args)
    out, _ = configured.communicate(timeout=60)
    assert configured.returncode in (0, 3), out  # 3: no password store here; the service reads the environment


@pytest.fixture
def shop() -> Iterator[tuple[Sandbox, str]]:
    sandbox = Sandbox(seed=5, orders=8)
    with run_in_thread(sandbox) as url:
        yield sandbox, url


@pytest.fixture
def service(shop: tuple[Sandbox, str], tmp_path: pathlib.Path, qtbot: QtBot) -> Iterator[subprocess.Popen[str]]:
    sandbox, url = shop
    _configure(tmp_path, sandbox, "demo-shop", url, sandbox.world.default_channel.channel_id)
    proc = _cli(tmp_path, "run", "--headless")
    try:
        qtbot.waitUntil(lambda: service_runs(tmp_path / "epages-sync.lock") or proc.poll() is not None,
                        timeout=WAIT)
        assert proc.poll() is None, proc.communicate()[0]
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_the_window_watches_the_service_without_taking_part(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path,
        shop: tuple[Sandbox, str], service: subprocess.Popen[str]) -> None:
    sandbox, _url = shop
    paths = app_paths(tmp_path)
    assert paths.lock_file == tmp_path / "epages-sync.lock"
    desktop = DesktopApp(paths, watch_only=True)
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
    window = desktop.window
    assert window is not None and desktop.control is not None and desktop.store is not None
    assert desktop.wizard is None and not desktop.control.is_running  # no sync of its own

    # The service's rows show within a few seconds, and the figures are the service's.
    qtbot.waitUntil(lambda: any("imported into Afosto" in (window.log_model.entry(r) or LogRowStub).message
                                for r in range(window.log_model.rowCount())), timeout=WAIT)
    bar = window.health_bar
    assert bar.state_label.text() == "Runs as a service"
    assert "Watching the sync that runs as a service on this computer" in bar.message_label.text()
    assert window.demo_banner.isVisible() and "service" in window.windowTitle()
    qtbot.waitUntil(lambda: bar.figures["linked"].text() == str(engine_figures(desktop.store)["orders_linked"])
                    and bar.figures["linked"].text() != "0", timeout=WAIT)

    # Every command that belongs to the service is off and says why, also in the tray's menu.
    a = desktop.actions
    for action in (a.pause, a.pause_hour, a.sync_now, a.settings, a.resume):
        assert not action.isEnabled()
        assert "stop the service" in action.toolTip()
    for button in (window.pause_button, window.sync_now_button, window.settings_button):
        assert not button.isEnabled() and "systemctl --user stop epages-sync" in button.toolTip()
    detail = window.log_panel.detail
    assert not detail.retry_button.isEnabled() and not detail.dismiss_button.isEnabled()
    a.sync_now.trigger()
    desktop.open_settings()
    assert desktop.settings_dialog is None and desktop.wizard is None
    with pytest.raises(Exception, match="readonly"):  # the watching window cannot write the service's data
        desktop.store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="x"))
    assert desktop.store.checkpointer is None  # nor copy the service's log into its database

    # New rows arrive as the service writes them; search and the order timeline work on them.
    before = window.log_model.total_count
    sandbox.step(8)
    qtbot.waitUntil(lambda: window.log_model.total_count > before, timeout=WAIT)
    number = next(e.epages_ref for r in range(window.log_model.rowCount())
                  if (e := window.log_model.entry(r)) is not None and e.epages_ref)
    window.log_panel.search.setText(number)
    window.log_panel.search.returnPressed.emit()
    qtbot.waitUntil(lambda: window.log_model.is_loaded and window.log_model.rowCount() > 0, timeout=WAIT)
    found = [e for r in range(window.log_model.rowCount()) if (e := window.log_model.entry(r)) is not None]
    assert all(number in f"{e.epages_ref} {e.afosto_ref}" for e in found)
    assert window.log_model.total_count < before
    window.log_panel.table.selectRow(0)
    assert detail.entry is not None and detail.entry.epages_ref == number
    timeline = window.open_timeline(number)
    qtbot.waitUntil(lambda: timeline.model.rowCount() > 0, timeout=WAIT)
    export = tmp_path / "log.csv"
    with qtbot.waitSignal(window.log_panel.export_finished, timeout=WAIT):
        window.log_panel.export_to(export)
    assert number in export.read_text(encoding="utf-8")

    # The service was left alone, and stops cleanly; the window notices.
    assert service.poll() is None
    service.send_signal(signal.SIGTERM)
    out, _ = service.communicate(timeout=60)
    assert service.returncode == 0, out[-3000:]
    assert "Summary:" in out
    # The sandbox's quick answer to "which orders are in the warehouse" (asked at every step of its activity)
    # is the same as the keys of its full figures.
    in_warehouse = sandbox.afosto.epages_order_ids()
    assert in_warehouse and in_warehouse == set(sandbox.afosto.order_figures())
    qtbot.waitUntil(lambda: bar.state_label.text() == "The service has stopped", timeout=WAIT)

    stop = asyncio.ensure_future(desktop.shutdown())
    qtbot.waitUntil(stop.done, timeout=WAIT)
    window.deleteLater()


class LogRowStub:
    message = ""


def _read(path: pathlib.Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_starting_the_app_while_the_service_runs_opens_a_watching_window(
        qtbot: QtBot, tmp_path: pathlib.Path, service: subprocess.Popen[str]) -> None:
    """The whole start as a person does it: the folder's lock is held and nobody answers the hand-over, so
    the window watches (no second sync), writes a log file of its own, and quits leaving the service alone."""
    paths = app_paths(tmp_path)
    database_rows = tmp_path / "epages-sync.sqlite3"
    assert database_rows.exists()
    window = _cli(tmp_path)  # no command: the window
    try:
        qtbot.waitUntil(lambda: "watching the service" in _read(paths.watch_log_file) or window.poll() is not None,
                        timeout=WAIT)
        assert window.poll() is None, window.communicate()[0][-3000:]  # it stays open, watching
        qtbot.wait(1500)  # time enough to have started a sync, had it wrongly done so
        assert "watching the service" not in _read(paths.log_file)  # the service's file is the service's
        window.send_signal(signal.SIGINT)
        out, _ = window.communicate(timeout=30)
        assert window.returncode == 0, out[-3000:]
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate()
    assert service.poll() is None  # the service runs on, its lock untouched
    assert service_runs(paths.lock_file)
    with sqlite3.connect(f"file:{database_rows}?mode=ro", uri=True) as conn:
        starts = [m for (m,) in conn.execute("SELECT message FROM log WHERE message LIKE 'Sync started%'")]
    assert len(starts) == 1  # the service's own start, and no second sync from the window


def test_watching_a_service_of_two_stores_shows_each_stores_log_and_health(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path) -> None:
    names = ("shop-de", "shop-nl")
    sandbox = Sandbox(seed=5, orders=6, stores=names)
    with run_in_thread(sandbox) as url:
        for name in names:
            _configure(tmp_path, sandbox, name, f"{url}/stores/{name}", sandbox.shops[name].channel_id)
        proc = _cli(tmp_path, "run", "--headless")
        try:
            qtbot.waitUntil(lambda: service_runs(tmp_path / "epages-sync.lock") or proc.poll() is not None,
                            timeout=WAIT)
            assert proc.poll() is None, proc.communicate()[0]
            desktop = DesktopApp(app_paths(tmp_path), watch_only=True)
            desktop.begin()
            qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
            window = desktop.window
            assert window is not None
            assert window.store_strip.isVisible() and list(window.store_strip.buttons) == list(names)
            assert not any(slot.is_running for slot in desktop.slots)  # no sync of its own

            def imported(number_prefix: str) -> bool:
                model = window.log_model
                return any("imported into Afosto" in e.message and (e.epages_ref or "").startswith(number_prefix)
                           for r in range(model.rowCount()) if (e := model.entry(r)) is not None)

            for name in names:
                qtbot.mouseClick(window.store_strip.buttons[name], Qt.MouseButton.LeftButton)
                assert window.current_name == name
                qtbot.waitUntil(lambda: imported(""), timeout=WAIT)
                assert window.health_bar.state_label.text() == "Runs as a service"
                rows = [e for r in range(window.log_model.rowCount()) if (e := window.log_model.entry(r))]
                numbers = {e.epages_ref for e in rows if e.epages_ref}
                assert numbers <= {o.number for o in sandbox.shops[name].epages.by_id.values()}
                assert "Runs as a service" in window.store_strip.buttons[name].text()
            assert not desktop.actions.sync_now.isEnabled() and not desktop.actions.add_store.isEnabled()
            stop = asyncio.ensure_future(desktop.shutdown())
            qtbot.waitUntil(stop.done, timeout=WAIT)
            window.deleteLater()
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
