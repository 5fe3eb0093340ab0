"""Pictures of every wizard page (in English, German and Dutch) and of the main window (screen-sized) in
``screenshots/`` (ignored by git), for a person to look at; with EPAGES_SYNC_README_SHOTS=1 also the two
pictures the README shows, in docs/screenshots. The main window in German and Dutch is in test_languages.

The test checks that each picture was taken and is not blank; whether it reads well is for the eye.
"""

from __future__ import annotations

import asyncio
import os
import pathlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget, QWizard
from pytestqt.qtbot import QtBot

from epages_sync.paths import app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages.auth import CLIENT_SECRET
from epages_sync.secrets import MemoryKeyring
from epages_sync.store import Store
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.demo import DEMO_STORE, DemoShop
from epages_sync.ui.language import Language, WindowLanguage
from epages_sync.ui.wizard import SetupContext, SetupWizard

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
README_SHOTS = ROOT / "docs" / "screenshots"
WAIT = 15_000


@pytest.fixture
def shots() -> Iterator[pathlib.Path]:
    SHOTS.mkdir(exist_ok=True)
    yield SHOTS


def _save_picture(widget: QWidget, path: pathlib.Path, *, readme_name: str | None = None) -> None:
    image = widget.grab().toImage()
    assert image.width() >= 600 and image.height() >= 400
    # A picture of one flat colour would mean nothing was painted.
    corner = image.pixel(2, 2)
    assert any(image.pixel(x, y) != corner for x in range(0, image.width(), 37) for y in range(0, image.height(), 29))
    assert image.save(str(path))
    if readme_name and os.environ.get("EPAGES_SYNC_README_SHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(README_SHOTS / readme_name))
    assert QImage(str(path)).size() == image.size()


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture(params=[Language.ENGLISH, Language.GERMAN, Language.DUTCH], ids=["en", "de", "nl"])
def speaking(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The language of the pictures, and the end of their file names ("" for English, as before)."""
    language = WindowLanguage()
    assert language.install(request.param) == request.param
    try:
        yield "" if request.param == Language.ENGLISH else f"-{request.param.value}"
    finally:
        language.remove()


def test_every_wizard_page(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store,
                           memory_keyring: MemoryKeyring, sandbox: Sandbox, sandbox_url: str,
                           shots: pathlib.Path, speaking: str) -> None:
    wizard = SetupWizard(SetupContext(store=store, sandbox_url=sandbox_url, demo=True))
    qtbot.addWidget(wizard)
    wizard.show()  # at the size it opens at on this screen (1366x768 for the README's picture)

    def _save(widget: QWidget, path: pathlib.Path, *, readme_name: str | None = None) -> None:
        _save_picture(widget, path.with_name(path.stem + speaking + path.suffix),
                      readme_name=None if speaking else readme_name)

    _save(wizard, shots / "wizard-1-welcome.png")
    _next(qtbot, wizard)

    page = wizard.epages_page
    qtbot.keyClicks(page.store_edit, "https://demo-shop.beyondshop.cloud/cockpit/login")
    qtbot.keyClicks(page.client_id_edit, "sandbox-limited")
    qtbot.keyClicks(page.secret_edit, CLIENT_SECRET)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.verdict.isVisible, timeout=WAIT)
    _save(wizard, shots / "wizard-2-epages-missing-permissions.png", readme_name="wizard-permissions.png")

    page.client_id_edit.clear()
    qtbot.keyClicks(page.client_id_edit, "sandbox-client")
    page.secret_edit.clear()
    qtbot.keyClicks(page.secret_edit, "wrong")
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.problem.isVisible, timeout=WAIT)
    _save(wizard, shots / "wizard-2-epages-refused.png")

    page.secret_edit.clear()
    qtbot.keyClicks(page.secret_edit, CLIENT_SECRET)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.verdict.isVisible, timeout=WAIT)
    _save(wizard, shots / "wizard-2-epages.png")
    _next(qtbot, wizard)

    qtbot.keyClicks(wizard.afosto_page.key_edit, "sandbox-afosto-key")
    qtbot.mouseClick(wizard.afosto_page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.afosto_page.channel_combo.isVisible, timeout=WAIT)
    wizard.afosto_page.channel_combo.setCurrentIndex(1)
    _save(wizard, shots / "wizard-3-afosto.png")
    _next(qtbot, wizard)

    hamburg = sandbox.world.shop_locations[0]
    for shop_id, afosto_id in sandbox.world.default_location_map.items():
        if shop_id != hamburg.location_id:
            wizard.locations_page.choose(shop_id, afosto_id)
    wizard.locations_page.stock_boxes[sandbox.world.feeding_location_ids[0]].setChecked(True)
    _save(wizard, shots / "wizard-4-locations.png")
    _next(qtbot, wizard)

    flows = wizard.flows_page
    flows.start_date.setDate(flows.start_date.date().addDays(-3))
    counting = QCoreApplication.translate("FlowsPage", "Counting orders…")
    qtbot.waitUntil(lambda: flows.preview.text() not in ("", counting), timeout=WAIT)
    _save(wizard, shots / "wizard-5-flows.png")
    _next(qtbot, wizard)

    qtbot.waitUntil(wizard.summary_page.pickup_result.isVisible, timeout=WAIT)
    _save(wizard, shots / "wizard-6-summary-blocked.png")
    wizard.back()
    wizard.back()
    wizard.locations_page.choose(hamburg.location_id, sandbox.world.default_location_map[hamburg.location_id])
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.FinishButton).isEnabled, timeout=WAIT)
    _save(wizard, shots / "wizard-6-summary.png")

    # The preview of the first sync, further down the same page.
    preview = wizard.summary_page.preview
    qtbot.waitUntil(preview.result.isVisible, timeout=WAIT)
    scroll = wizard.summary_page.findChild(QScrollArea)
    assert scroll is not None
    qtbot.wait(50)  # let the layout settle before scrolling to the preview
    scroll.verticalScrollBar().setValue(preview.y() - 8)
    _save(wizard, shots / "wizard-7-preview.png", readme_name="wizard-preview.png")


def test_the_main_window_in_demo_mode(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path,
                                      shots: pathlib.Path) -> None:
    demo = DemoShop(activity="off", stores=(DEMO_STORE,))  # the window of a single store, as most shops have it
    with demo.running():
        desktop = DesktopApp(app_paths(tmp_path / "demo", demo=True), demo=demo)
        desktop.begin()
        qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
        window = desktop.window
        assert window is not None
        # As large as the screen lets it be (1366x768 for the README's picture, under xvfb-run).
        window.setGeometry(window.screen().availableGeometry())
        model = window.log_model
        qtbot.waitUntil(lambda: window.health_bar.figures["parked"].text() not in ("0", "–"), timeout=WAIT)
        demo.sandbox.step(12)  # some life after the first import: shipments, stock, a new order
        desktop.actions.sync_now.trigger()
        qtbot.waitUntil(lambda: model.rowCount() > 40, timeout=WAIT)
        qtbot.waitUntil(lambda: window.health_bar.figures["last_poll"].text() != "not yet", timeout=WAIT)
        qtbot.waitUntil(lambda: not model.is_busy, timeout=WAIT)
        qtbot.waitUntil(lambda: sum(h.orders_imported for h in window.day_chart.hours) > 0, timeout=WAIT)
        waiting = next(r for r in range(model.rowCount()) if (e := model.entry(r)) and e.needs_attention)
        entry = model.entry(waiting)
        assert entry is not None
        window.log_panel.select_entry(entry.id)
        qtbot.waitUntil(window.log_panel.detail.retry_button.isVisible, timeout=WAIT)
        window.log_panel.table.scrollToTop()
        _save_picture(window, shots / "main-window.png", readme_name="main-window-demo.png")

        dialog = window.open_timeline(entry.epages_ref or "")
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
        _save_picture(dialog, shots / "order-timeline.png")
        dialog.close()

        stop = asyncio.ensure_future(desktop.shutdown())
        qtbot.waitUntil(stop.done, timeout=WAIT)
        window.deleteLater()


def test_the_main_window_with_two_stores(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: pathlib.Path,
                                         shots: pathlib.Path, speaking: str) -> None:
    """The demo's German and Dutch shops in one window, the Dutch one chosen, in each language."""
    demo = DemoShop(activity="off")
    with demo.running():
        desktop = DesktopApp(app_paths(tmp_path / "demo", demo=True), demo=demo)
        desktop.begin()
        qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
        window = desktop.window
        assert window is not None
        window.setGeometry(window.screen().availableGeometry())
        names = list(demo.stores)
        assert list(window.store_strip.buttons) == names
        qtbot.waitUntil(lambda: all(h.last_good_poll is not None for h in desktop.healths.values())
                        and len(desktop.healths) == 2, timeout=WAIT)
        demo.sandbox.step(16)  # life in both shops: shipments, stock, new orders
        desktop.actions.sync_all_now.trigger()
        qtbot.mouseClick(window.store_strip.buttons[names[1]], Qt.MouseButton.LeftButton)
        model = window.log_model
        qtbot.waitUntil(lambda: model.rowCount() > 20 and not model.is_busy, timeout=WAIT)
        qtbot.waitUntil(lambda: sum(h.orders_imported for h in window.day_chart.hours) > 0, timeout=WAIT)
        window.log_panel.table.scrollToTop()
        qtbot.wait(200)
        _save_picture(window, shots / f"main-window-two-stores{speaking}.png",
                      readme_name=None if speaking else "main-window-two-stores.png")

        stop = asyncio.ensure_future(desktop.shutdown())
        qtbot.waitUntil(stop.done, timeout=WAIT)
        window.deleteLater()
