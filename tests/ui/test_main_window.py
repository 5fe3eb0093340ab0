"""The main window follows the engine: the demo's first rows, pause and resume, sync now, a parked item retried
from the detail pane, an order's timeline, the CSV export, the comparison of both systems, and an orderly stop."""

from __future__ import annotations

import asyncio
import csv
import pathlib
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from epages_sync.engine.audit import PARK_AUDIT
from epages_sync.engine.service import EngineState
from epages_sync.paths import app_paths
from epages_sync.store import Outcome
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.demo import DemoShop
from epages_sync.ui.log_model import LogTableModel
from epages_sync.ui.main_window import MainWindow

WAIT = 15_000
SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"


@pytest.fixture
def demo() -> Iterator[DemoShop]:
    shop = DemoShop(activity="off")
    with shop.running():
        yield shop


@pytest.fixture
def desktop(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path,
            demo: DemoShop) -> Iterator[DesktopApp]:
    app = DesktopApp(app_paths(tmp_path / "demo", demo=True), demo=demo)
    app.begin()
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=WAIT)
    assert app.window is not None
    try:
        yield app
    finally:
        stop = asyncio.ensure_future(app.shutdown())
        qtbot.waitUntil(stop.done, timeout=WAIT)
        stop.result()
        app.window.deleteLater()


def _window(desktop: DesktopApp) -> MainWindow:
    assert desktop.window is not None
    return desktop.window


def _messages(model: LogTableModel) -> list[str]:
    return [model.index(r, LogTableModel.MESSAGE).data() for r in range(model.rowCount())]


def test_the_demo_shows_synced_orders_within_seconds(qtbot: QtBot, desktop: DesktopApp) -> None:
    started = time.monotonic()
    window = _window(desktop)
    model = window.log_model

    def imported() -> bool:
        return any("imported into Afosto" in m for m in _messages(model))

    qtbot.waitUntil(imported, timeout=WAIT)
    assert time.monotonic() - started < 5
    assert window.demo_banner.isVisible() and window.demo_banner.text().startswith("DEMO")
    assert "DEMO" in window.windowTitle()
    qtbot.waitUntil(lambda: window.health_bar.state_label.text() in ("Running", "Needs attention"), timeout=WAIT)
    qtbot.waitUntil(lambda: window.health_bar.figures["linked"].text() not in ("", "0", "–"), timeout=WAIT)
    row = next(r for r in range(model.rowCount()) if "imported into Afosto" in (model.index(r, 6).data() or ""))
    assert model.index(row, LogTableModel.FLOW).data() == "Orders"
    assert model.index(row, LogTableModel.DIRECTION).data() == "ePages → Afosto"
    assert model.index(row, LogTableModel.ORDER).data().startswith("100")


def test_pause_resume_and_pause_for_an_hour_follow_the_engine(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = _window(desktop)
    state = window.health_bar.state_label
    qtbot.waitUntil(lambda: state.text() in ("Running", "Needs attention"), timeout=WAIT)
    assert window.pause_button.isVisible() and not window.resume_button.isVisible()

    desktop.actions.pause.trigger()
    qtbot.waitUntil(lambda: state.text() == "Paused", timeout=WAIT)
    assert desktop.control is not None and desktop.control.health().state == EngineState.PAUSED
    assert window.resume_button.isVisible() and not window.pause_button.isVisible()
    assert window.health_bar.figures["next_poll"].text() == "after resuming"
    qtbot.waitUntil(lambda: "Sync paused until resumed." in _messages(window.log_model), timeout=WAIT)

    qtbot.mouseClick(window.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state.text() in ("Running", "Needs attention"), timeout=WAIT)
    qtbot.waitUntil(lambda: "Sync resumed." in _messages(window.log_model), timeout=WAIT)

    desktop.actions.pause_hour.trigger()
    qtbot.waitUntil(lambda: state.text().startswith("Paused until "), timeout=WAIT)
    assert desktop.control.health().paused_until is not None


def test_sync_now_asks_ePages_at_once(qtbot: QtBot, desktop: DesktopApp, demo: DemoShop) -> None:
    window = _window(desktop)
    qtbot.waitUntil(lambda: window.health_bar.figures["last_poll"].text() not in ("–", "not yet"), timeout=WAIT)

    def order_reads() -> int:
        return int(demo.sandbox.requests.as_dict()["epages"]["paths"].get("GET /api/orders", 0))

    before = order_reads()
    assert window.sync_now_button.isEnabled()
    qtbot.mouseClick(window.sync_now_button, Qt.MouseButton.LeftButton)
    # The next regular check is 15 s away: a read within a few seconds can only be Sync now's.
    qtbot.waitUntil(lambda: order_reads() > before, timeout=5000)


def test_a_parked_item_is_retried_from_the_detail_pane(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = _window(desktop)
    panel = window.log_panel
    model = window.log_model

    def waiting_row() -> int | None:
        return next((r for r in range(model.rowCount())
                     if (e := model.entry(r)) is not None and e.needs_attention), None)

    qtbot.waitUntil(lambda: waiting_row() is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.health_bar.figures["parked"].text() not in ("0", "–"), timeout=WAIT)
    entry = model.entry(waiting_row() or 0)
    assert entry is not None and entry.parked_id is not None and entry.outcome == Outcome.PARKED
    assert panel.select_entry(entry.id)
    detail = panel.detail
    qtbot.waitUntil(lambda: detail.retry_button.isVisible(), timeout=WAIT)
    assert "Waiting for a person" in detail.parked_text.text()
    assert detail.dismiss_button.isVisible()

    qtbot.mouseClick(detail.retry_button, Qt.MouseButton.LeftButton)
    assert "Settled (retried)" in detail.parked_text.text()
    assert not detail.retry_button.isVisible()
    row = model.row_of(entry.id)
    assert row is not None and not model.entry(row).needs_attention  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: any(m.startswith("Retry asked for") for m in _messages(model)), timeout=WAIT)
    assert desktop.store is not None
    item = desktop.store.get_parked(entry.parked_id)
    assert item is not None and (item.status != "open" or item.times > 1)  # retried (and maybe parked again)


def test_an_orders_timeline_lists_everything_for_that_order_oldest_first(qtbot: QtBot,
                                                                         desktop: DesktopApp) -> None:
    window = _window(desktop)
    model = window.log_model
    qtbot.waitUntil(lambda: any("imported into Afosto" in m for m in _messages(model)), timeout=WAIT)
    row = next(r for r in range(model.rowCount()) if "imported into Afosto" in _messages(model)[r])
    number = model.index(row, LogTableModel.ORDER).data()
    window.log_panel.table.doubleClicked.emit(model.index(row, 0))
    assert window.timelines, "double-clicking a row opens the order's timeline"
    dialog = window.timelines[-1]
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
    assert number in dialog.windowTitle()
    entries = [dialog.model.entry(r) for r in range(dialog.model.rowCount())]
    assert all(e is not None and e.epages_ref == number for e in entries)
    ids = [e.id for e in entries if e is not None]
    assert ids == sorted(ids)
    dialog.close()


def test_export_writes_every_matching_row_to_csv(qtbot: QtBot, desktop: DesktopApp,
                                                 tmp_path: pathlib.Path) -> None:
    window = _window(desktop)
    model = window.log_model
    qtbot.waitUntil(lambda: any("imported into Afosto" in m for m in _messages(model)), timeout=WAIT)
    window.log_panel.flow_filter.setCurrentIndex(window.log_panel.flow_filter.findData("orders"))
    qtbot.waitUntil(lambda: model.is_loaded and model.rowCount() > 0, timeout=WAIT)
    target = tmp_path / "log.csv"
    done: list[tuple[str, int]] = []
    window.log_panel.export_finished.connect(lambda path, n: done.append((path, n)))
    window.log_panel.export_to(target)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=(fh.readline().count(";") and ";") or ","))
    assert done[0][1] == len(rows) >= 1
    assert {r[2] for r in rows} == {"Orders"}


def test_closing_without_a_tray_quits_cleanly(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = _window(desktop)
    assert not window.closes_to_tray  # the offscreen test screen has no tray
    with qtbot.waitSignal(desktop.stopped, timeout=WAIT):
        window.close()
    assert desktop.control is not None and desktop.control.service is None
    assert not window.isVisible()


def test_started_minimized_without_a_tray_the_window_still_opens(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                                  tmp_path: pathlib.Path, demo: DemoShop) -> None:
    app = DesktopApp(app_paths(tmp_path / "demo", demo=True), demo=demo, minimized=True)
    app.begin()
    # The offscreen screen has no tray: hiding the window would leave no way to reach it.
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=WAIT)
    stop = asyncio.ensure_future(app.shutdown())
    qtbot.waitUntil(stop.done, timeout=WAIT)
    assert app.window is not None
    app.window.deleteLater()


def test_compare_now_lists_every_difference_with_what_to_do(qtbot: QtBot, desktop: DesktopApp,
                                                            demo: DemoShop) -> None:
    window = _window(desktop)
    assert desktop.store is not None
    qtbot.waitUntil(lambda: window.health_bar.figures["linked"].text() not in ("", "0", "–"), timeout=WAIT)
    # The shop and the warehouse move on before the sync's next look: now the two systems differ.
    demo.sandbox.step(25)
    assert window.compare_button.isVisible() and window.compare_button.isEnabled()
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)
    dialog = window.compare_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.status.text() == "Not compared yet: press Compare now."
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Compared "), timeout=WAIT)
    listed = [i for i in desktop.store.open_parked() if i.kind == PARK_AUDIT]
    assert listed and dialog.table.rowCount() == len(listed)
    kinds = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert kinds & {"Missing in Afosto", "Stock figure"} or any(k.startswith("Units ") for k in kinds)
    assert all(dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount()))
    assert dialog.status.text().endswith(f"{len(listed)} differences.") or len(listed) == 1
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "compare-both-systems.png"))
