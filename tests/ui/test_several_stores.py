"""One window for several stores, as a shop clerk sees it: every store's health at once, the log of the chosen
store only, one store paused while the other syncs, one store's damaged database or missing secret leaving the
other running, a store added through the setup pages starting at once, and the tray showing the worst store."""

from __future__ import annotations

import asyncio
import pathlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from ui_support import demo_settings

from epages_sync.data_folder import open_store
from epages_sync.engine.service import EngineState, Health
from epages_sync.paths import AppPaths, app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages.auth import CLIENT_SECRET
from epages_sync.sandbox.server import run_in_thread
from epages_sync.secrets import MemoryKeyring, Secrets
from epages_sync.store import Direction, LogRow, Outcome
from epages_sync.store_folders import add_store_folder, store_folders
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.log_model import LogTableModel
from epages_sync.ui.main_window import MainWindow
from epages_sync.ui.tray import tray_summary, worst_state
from epages_sync.ui.wizard import SetupWizard

WAIT = 20_000
WORKING = ("Running", "Needs attention")


@pytest.fixture
def shops() -> Iterator[dict[str, tuple[Sandbox, str]]]:
    """A German and a Dutch shop, each with its simulated shop and warehouse."""
    german, dutch = Sandbox(seed=1, orders=6), Sandbox(seed=2, orders=6)
    with run_in_thread(german) as de_url, run_in_thread(dutch) as nl_url:
        yield {"shop-de": (german, de_url), "shop-nl": (dutch, nl_url)}


def _set_up(paths: AppPaths, name: str, shop: tuple[Sandbox, str], *, secrets: bool = True) -> AppPaths:
    """A store of the installation, set up for its sandbox, with a line of its own in its log."""
    folder = paths if not store_folders(paths) else add_store_folder(paths, name).paths
    store = open_store(folder)
    store.save_settings(demo_settings(shop[0], shop[1], store_name=name))
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=f"Noted in {name} only."))
    store.close()
    if secrets:
        saved = Secrets.of_folder(folder, name)
        saved.set_client_secret(CLIENT_SECRET)
        saved.set_afosto_key("sandbox-afosto-key")
    return folder


@pytest.fixture
def installation(tmp_path: pathlib.Path, memory_keyring: MemoryKeyring,
                 shops: dict[str, tuple[Sandbox, str]]) -> AppPaths:
    paths = app_paths(tmp_path / "data").ensure()
    for name, shop in shops.items():
        _set_up(paths, name, shop)
    return paths


@pytest.fixture
def started(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> Iterator[list[DesktopApp]]:
    """DesktopApps a test starts; stopped after it. Quitting is recorded instead of ending the test's Qt."""
    made: list[DesktopApp] = []
    yield made
    for app in made:
        if not app._shut_down.is_set():
            stop = asyncio.ensure_future(app.shutdown())
            qtbot.waitUntil(stop.done, timeout=WAIT)
        if app.window is not None:
            app.window.deleteLater()


def _start(qtbot: QtBot, started: list[DesktopApp], paths: AppPaths) -> DesktopApp:
    desktop = DesktopApp(paths)
    quits: list[bool] = []
    desktop.request_quit = lambda: quits.append(True)  # type: ignore[method-assign]
    desktop.quits = quits  # type: ignore[attr-defined]
    started.append(desktop)
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
    return desktop


def _window(desktop: DesktopApp) -> MainWindow:
    assert desktop.window is not None
    return desktop.window


def _state(window: MainWindow, name: str) -> str:
    """The state word the store's button in the row of stores shows."""
    return window.store_strip.store_text(name).split("\n")[0].split(" · ")[1]


def _messages(model: LogTableModel) -> list[str]:
    return [model.index(r, LogTableModel.MESSAGE).data() for r in range(model.rowCount())]


def _choose(qtbot: QtBot, window: MainWindow, name: str) -> None:
    qtbot.mouseClick(window.store_strip.buttons[name], Qt.MouseButton.LeftButton)
    assert window.current_name == name


def test_both_stores_health_shows_at_once_and_choosing_one_shows_its_log_only(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp]) -> None:
    desktop = _start(qtbot, started, installation)
    window = _window(desktop)
    strip = window.store_strip
    assert strip.isVisible() and list(strip.buttons) == ["shop-de", "shop-nl"]
    assert all(b.isVisible() for b in strip.buttons.values())
    qtbot.waitUntil(lambda: all(_state(window, n) in WORKING for n in ("shop-de", "shop-nl")), timeout=WAIT)
    for name in ("shop-de", "shop-nl"):
        text = strip.buttons[name].text()
        assert text.startswith(f"{name} · ") and "last order check" in text
    qtbot.waitUntil(lambda: "not yet" not in strip.buttons["shop-nl"].text(), timeout=WAIT)
    assert all(slot.is_running for slot in desktop.slots)

    # The first store is chosen: its health in the bar, with its name, and its log alone.
    assert window.health_bar.store_label.isVisible() and window.health_bar.store_label.text() == "shop-de ·"
    qtbot.waitUntil(lambda: "Noted in shop-de only." in _messages(window.log_model), timeout=WAIT)
    assert "Noted in shop-nl only." not in _messages(window.log_model)
    assert window.folder_label.text() == f"Data folder: {installation.data_dir}"

    _choose(qtbot, window, "shop-nl")
    assert window.health_bar.store_label.text() == "shop-nl ·"
    qtbot.waitUntil(lambda: "Noted in shop-nl only." in _messages(window.log_model), timeout=WAIT)
    assert "Noted in shop-de only." not in _messages(window.log_model)
    assert str(installation.store_dir("shop-nl")) in window.folder_label.text()
    assert "shop-nl" in window.sync_now_button.toolTip()  # Sync now says which store it asks
    assert desktop.store is desktop.slots[1].store  # the commands act on the chosen store


def test_pausing_one_store_leaves_the_other_syncing(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp],
        shops: dict[str, tuple[Sandbox, str]]) -> None:
    desktop = _start(qtbot, started, installation)
    window = _window(desktop)
    qtbot.waitUntil(lambda: all(_state(window, n) in WORKING for n in ("shop-de", "shop-nl")), timeout=WAIT)
    qtbot.waitUntil(lambda: "not yet" not in window.store_strip.buttons["shop-nl"].text(), timeout=WAIT)

    _choose(qtbot, window, "shop-nl")
    desktop.actions.pause.trigger()
    qtbot.waitUntil(lambda: _state(window, "shop-nl") == "Paused", timeout=WAIT)
    assert window.health_bar.state_label.text() == "Paused"
    assert window.health_bar.store_label.text() == "shop-nl ·"
    assert window.resume_button.isVisible()
    assert _state(window, "shop-de") in WORKING

    def order_reads(name: str) -> int:
        return int(shops[name][0].requests.as_dict()["epages"]["paths"].get("GET /api/orders", 0))

    # Sync now on the German shop asks its shop at once; the paused Dutch shop is left alone.
    _choose(qtbot, window, "shop-de")
    assert window.pause_button.isVisible() and not window.resume_button.isVisible()
    de_before, nl_before = order_reads("shop-de"), order_reads("shop-nl")
    qtbot.mouseClick(window.sync_now_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: order_reads("shop-de") > de_before, timeout=5000)
    qtbot.wait(500)
    assert order_reads("shop-nl") == nl_before
    assert _state(window, "shop-nl") == "Paused" and _state(window, "shop-de") in WORKING

    # The tray shows the worst store: paused beats running, and the tooltip names both.
    assert desktop.tray is not None
    states = {n: h.state for n, h in desktop.healths.items()}
    assert desktop.tray.state == worst_state(list(desktop.healths.values()))
    assert desktop.tray.state in (EngineState.PAUSED, EngineState.ATTENTION)
    assert states["shop-nl"] == EngineState.PAUSED
    tooltip = desktop.tray.icon.toolTip()
    assert "shop-nl: Paused" in tooltip and "shop-de: " in tooltip
    # The tray's commands are for all stores now.
    assert desktop.actions.resume_all in desktop.tray.menu.actions()
    assert desktop.actions.pause not in desktop.tray.menu.actions()
    desktop.actions.resume_all.trigger()
    qtbot.waitUntil(lambda: _state(window, "shop-nl") in WORKING, timeout=WAIT)


def test_one_stores_damaged_database_leaves_the_other_running(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp]) -> None:
    installation.store_dir("shop-nl").joinpath("epages-sync.sqlite3").write_bytes(b"")
    desktop = DesktopApp(installation)
    quits: list[bool] = []
    desktop.request_quit = lambda: quits.append(True)  # type: ignore[method-assign]
    started.append(desktop)
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.rebuild_question is not None and desktop.window is not None, timeout=WAIT)
    window = _window(desktop)
    box = desktop.rebuild_question
    assert box is not None and "shop-nl" in box.windowTitle() and "is empty (0 bytes)" in box.text()
    qtbot.waitUntil(lambda: _state(window, "shop-de") in WORKING, timeout=WAIT)
    assert _state(window, "shop-nl") == "Not running"

    stay = next(b for b in box.buttons() if b.text() == "Leave this store stopped")
    qtbot.mouseClick(stay, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    assert quits == [] and desktop.slots[0].is_running
    assert "1 needs a person" in window.store_strip.buttons["shop-nl"].text()
    _choose(qtbot, window, "shop-nl")
    view = window.current
    assert view.problem_label.isVisible() and "is empty (0 bytes)" in view.problem_label.text()
    assert not window.compare_button.isEnabled()
    assert installation.store_dir("shop-nl").joinpath("epages-sync.sqlite3").read_bytes() == b""  # untouched


def test_a_damaged_database_agreed_to_start_fresh_starts_that_store_beside_the_other(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp]) -> None:
    installation.store_dir("shop-nl").joinpath("epages-sync.sqlite3").write_bytes(b"")
    desktop = _start(qtbot, started, installation)
    window = _window(desktop)
    qtbot.waitUntil(lambda: desktop.rebuild_question is not None, timeout=WAIT)
    box = desktop.rebuild_question
    assert box is not None
    fresh = next(b for b in box.buttons() if b.text() == "Move aside and start fresh")
    qtbot.mouseClick(fresh, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.slots[1].is_running, timeout=WAIT)
    qtbot.waitUntil(lambda: _state(window, "shop-nl") in WORKING, timeout=WAIT)
    assert list(window.store_strip.buttons) == ["shop-de", "shop-nl"]
    assert desktop.slots[0].is_running


def test_a_stores_settings_cannot_turn_it_into_another_store(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp]) -> None:
    desktop = _start(qtbot, started, installation)
    window = _window(desktop)
    _choose(qtbot, window, "shop-nl")
    qtbot.waitUntil(lambda: desktop.slots[1].is_running, timeout=WAIT)
    desktop.open_setup()  # Settings > Change connection, locations and flows…
    qtbot.waitUntil(lambda: desktop.wizard is not None, timeout=WAIT)
    wizard = desktop.wizard
    assert wizard is not None
    _next(qtbot, wizard)
    assert wizard.epages_page.store_edit.text() == "shop-nl"
    # Filled in, the page connects by itself; the store is its own.
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(), timeout=WAIT)
    _connect(qtbot, wizard, "shop-at")
    assert "belong to the store shop-nl" in wizard.epages_page.problem.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _connect(qtbot, wizard, "shop-de")
    assert "has the store shop-de already" in wizard.epages_page.problem.text()
    _connect(qtbot, wizard, "shop-nl")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()


def test_one_stores_missing_secret_leaves_the_other_running(
        qtbot: QtBot, tmp_path: pathlib.Path, memory_keyring: MemoryKeyring,
        shops: dict[str, tuple[Sandbox, str]], started: list[DesktopApp]) -> None:
    paths = app_paths(tmp_path / "data").ensure()
    _set_up(paths, "shop-de", shops["shop-de"])
    _set_up(paths, "shop-nl", shops["shop-nl"], secrets=False)
    desktop = _start(qtbot, started, paths)
    window = _window(desktop)
    qtbot.waitUntil(lambda: _state(window, "shop-de") in WORKING, timeout=WAIT)
    qtbot.waitUntil(lambda: _state(window, "shop-nl") == "Not running", timeout=WAIT)
    assert desktop.wizard is None  # nothing pops up over the running store; the Dutch shop says what to do
    _choose(qtbot, window, "shop-nl")
    assert "is not saved on this computer" in window.health_bar.message_label.text()
    assert desktop.slots[0].is_running and not desktop.slots[1].is_running


def test_one_stores_revoked_app_leaves_the_other_running(
        qtbot: QtBot, installation: AppPaths, started: list[DesktopApp],
        shops: dict[str, tuple[Sandbox, str]]) -> None:
    shops["shop-nl"][0].revoke_client("sandbox-client")  # someone deleted the Dutch shop's app in its cockpit
    desktop = _start(qtbot, started, installation)
    window = _window(desktop)
    qtbot.waitUntil(lambda: _state(window, "shop-nl") == "Needs attention", timeout=WAIT)
    qtbot.waitUntil(lambda: _state(window, "shop-de") in WORKING
                    and "not yet" not in window.store_strip.buttons["shop-de"].text(), timeout=WAIT)
    assert "1 needs a person" in window.store_strip.buttons["shop-nl"].text()
    assert desktop.tray is not None and desktop.tray.state == EngineState.ATTENTION
    assert "shop-nl: Needs attention" in desktop.tray.icon.toolTip().splitlines()
    # The problem is told once, naming its store.
    assert any(title.startswith("Store shop-nl: ") for title, _text in desktop.problems_shown)


def test_a_store_added_through_the_setup_pages_starts_at_once(
        qtbot: QtBot, tmp_path: pathlib.Path, memory_keyring: MemoryKeyring,
        shops: dict[str, tuple[Sandbox, str]], started: list[DesktopApp]) -> None:
    paths = app_paths(tmp_path / "data").ensure()
    _set_up(paths, "shop-de", shops["shop-de"])
    desktop = _start(qtbot, started, paths)
    window = _window(desktop)
    assert not window.store_strip.isVisible()  # one store: the window as it always was
    assert not window.health_bar.store_label.isVisible()
    qtbot.waitUntil(lambda: window.health_bar.state_label.text() in WORKING, timeout=WAIT)

    desktop.actions.settings.trigger()
    dialog = desktop.settings_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.add_store_button, Qt.MouseButton.LeftButton)
    wizard = desktop.wizard
    assert wizard is not None and "add a store" in wizard.windowTitle()
    _next(qtbot, wizard)

    page = wizard.epages_page
    _connect(qtbot, wizard, "shop-de")
    assert page.problem.isVisible() and "has the store shop-de already" in page.problem.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    _connect(qtbot, wizard, "shop-nl")
    _next(qtbot, wizard)
    qtbot.keyClicks(wizard.afosto_page.key_edit, "sandbox-afosto-key")
    qtbot.mouseClick(wizard.afosto_page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.afosto_page.channel_combo.isVisible, timeout=WAIT)
    world = shops["shop-de"][0].world
    wizard.afosto_page.channel_combo.setCurrentIndex(1)
    _next(qtbot, wizard)
    for shop_id, afosto_id in world.default_location_map.items():
        wizard.locations_page.choose(shop_id, afosto_id)
    wizard.locations_page.stock_boxes[world.feeding_location_ids[0]].setChecked(True)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=WAIT)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(desktop.slots) == 2 and desktop.slots[1].is_running, timeout=WAIT)
    assert window.store_strip.isVisible() and list(window.store_strip.buttons) == ["shop-de", "shop-nl"]
    assert window.current_name == "shop-nl"  # the new store is shown
    qtbot.waitUntil(lambda: _state(window, "shop-nl") in WORKING, timeout=WAIT)
    assert desktop.slots[0].is_running
    assert [f.name for f in store_folders(paths)] == ["shop-de", "shop-nl"]
    nl = paths.store_dir("shop-nl")
    assert Secrets.of_folder(app_paths(nl), "shop-nl").afosto_key() == "sandbox-afosto-key"


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _connect(qtbot: QtBot, wizard: SetupWizard, store_name: str) -> None:
    page = wizard.epages_page
    for edit, text in ((page.store_edit, store_name), (page.client_id_edit, "sandbox-client"),
                       (page.secret_edit, CLIENT_SECRET)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.tasks.is_running("setup.epages"), timeout=WAIT)


# -- the tray -----------------------------------------------------------------------------------------

def _health(state: EngineState) -> Health:
    return Health(state=state, message="")


def test_the_tray_shows_the_worst_stores_state_and_every_store_in_its_tooltip() -> None:
    words = {EngineState.RUNNING: "Running", EngineState.PAUSED: "Paused", EngineState.ATTENTION: "Needs attention",
             EngineState.STOPPED: "Not running", EngineState.STARTING: "Connecting…"}

    def text(health: Health) -> str:
        return words[health.state]

    state, tooltip = tray_summary([("shop-de", _health(EngineState.RUNNING))], text)
    assert (state, tooltip) == (EngineState.RUNNING, "epages-sync: Running")  # one store: as it always was
    state, tooltip = tray_summary([("shop-de", _health(EngineState.RUNNING)),
                                   ("shop-nl", _health(EngineState.PAUSED))], text)
    assert state == EngineState.PAUSED
    assert tooltip.splitlines() == ["epages-sync", "shop-nl: Paused", "shop-de: Running"]
    state, tooltip = tray_summary([("a", _health(EngineState.PAUSED)), ("b", _health(EngineState.STOPPED)),
                                   ("c", _health(EngineState.ATTENTION)), ("d", _health(EngineState.STARTING))], text)
    assert state == EngineState.ATTENTION and tooltip.splitlines()[1] == "c: Needs attention"
    assert worst_state([_health(EngineState.STARTING), _health(EngineState.STOPPED)]) == EngineState.STOPPED
    assert worst_state([]) == EngineState.STOPPED
