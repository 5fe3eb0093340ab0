"""The window's "Compare both systems" view: opened from its button, it reads both systems on request and
lists each difference with what to do (the same items the command line's 'audit' lists)."""

from __future__ import annotations

import asyncio
import pathlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from epages_sync.engine.audit import PARK_AUDIT
from epages_sync.paths import app_paths
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.demo import DemoShop

WAIT = 20_000
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
    try:
        yield app
    finally:
        stop = asyncio.ensure_future(app.shutdown())
        qtbot.waitUntil(stop.done, timeout=WAIT)
        stop.result()
        assert app.window is not None
        app.window.deleteLater()


def test_compare_now_lists_every_difference_with_what_to_do(qtbot: QtBot, desktop: DesktopApp,
                                                            demo: DemoShop) -> None:
    window = desktop.window
    assert window is not None and desktop.store is not None
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
