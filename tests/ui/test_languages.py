"""The window in German and Dutch: the committed translations are complete, the check catches what is not,
compiled and uncompiled catalogues read the same, and the main window, Settings and the wizard show no
English text that has a translation. Pictures of each (as large as the screen) go to ``screenshots/`` for the eye."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import pathlib
import shutil
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot
from ui_support import shown_texts, untranslated

from epages_sync.clients.scopes import KNOWN_SCOPES, ScopeRow
from epages_sync.errors import AuthenticationError
from epages_sync.paths import app_paths
from epages_sync.sandbox.epages.auth import CLIENT_SECRET
from epages_sync.store import Direction, LogRow, Outcome, Store
from epages_sync.texts import Text
from epages_sync.ui.app import DesktopApp
from epages_sync.ui.demo import DemoShop
from epages_sync.ui.language import Language, WindowLanguage, language_of_system, read_ts
from epages_sync.ui.log_model import LogTableModel
from epages_sync.ui.wizard import SetupContext, SetupWizard
from epages_sync.ui.wizard.epages_page import scope_meaning

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
WAIT = 15_000


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


tool = _tool()


# -- the catalogues -----------------------------------------------------------------------------------

def test_the_committed_translations_are_complete() -> None:
    files = [tool.ts_file(language) for language in tool.LANGUAGES]
    assert tool.check(files, sources=tool.source_files()) == []


def test_the_check_names_each_text_without_translation_and_each_lost_placeholder(tmp_path: pathlib.Path) -> None:
    ts = tmp_path / "epages_sync_de.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>HealthBar</name>
    <message><source>Running</source><translation>Läuft</translation></message>
    <message><source>Paused</source><translation type="unfinished"></translation></message>
    <message><source>Paused until {time}</source><translation>Pausiert</translation></message>
    <message><source>&lt;b&gt;Your store name&lt;/b&gt;</source><translation>Ihr Shopname</translation></message>
    <message><source>Old text</source><translation type="vanished">Alter Text</translation></message>
</context>
</TS>
""", encoding="utf-8")
    found = tool.check([ts])
    assert len(found) == 3, found
    assert "no de text" in found[0] and "'Paused'" in found[0]
    assert "placeholders differ (missing {time})" in found[1]
    assert "markup differ" in found[2] and "<b>" in found[2]
    # A text in the sources that nobody extracted yet is as untranslated as an empty one.
    assert any("not extracted yet" in line for line in tool.check([ts], sources=tool.source_files()))


def test_the_check_names_texts_lupdate_cannot_see(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "page.py"
    source.write_text("""
class Page:
    def _setup_ui(self, n, text):
        self.a = self.tr("Seen")
        self.b = f"<b>{self.tr('Inside an f-string')}</b>"
        self.c = self.tr(text)
""", encoding="utf-8")
    found = tool.hidden_from_lupdate([source])
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in found] == ["5", "6"], found
    assert "f-string" in found[0] and "plain string" in found[1]


def test_the_engines_templates_are_collected_and_an_f_string_template_is_named(
        tmp_path: pathlib.Path) -> None:
    source = tmp_path / "engine.py"
    source.write_text("""from epages_sync.texts import Text, template
LATER = template("Order {number}: kept for later.")
def park(number, exc):
    a = Text("Order {number}: parked.", number=number)
    b = Text(f"Order {number}: parked.")
    c = Text("Order " + number)
""", encoding="utf-8")
    assert tool.engine_templates([source]) == ["Order {number}: kept for later.", "Order {number}: parked."]
    found = tool.unreadable_templates([source])
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in found] == ["5", "6"], found
    # The project's own engine sentences are all in the extraction that update and check use.
    listed = tool.engine_texts_file(tmp_path / "listed").read_text(encoding="utf-8")
    assert '"Credentials refused"' in listed and '"Sync paused until {time}."' in listed
    assert "\"'{raw}' is not a store name." in listed


def test_compiled_and_uncompiled_catalogues_read_the_same_and_none_means_english(qapp: QApplication,
                                                                                 tmp_path: pathlib.Path) -> None:
    compiled = tmp_path / "compiled"
    tool.compile_all(out=compiled)  # the build step
    fresh_checkout = tmp_path / "ts-only"
    fresh_checkout.mkdir()
    for language in tool.LANGUAGES:
        shutil.copy(tool.ts_file(language), fresh_checkout)
    for folder, suffix in ((compiled, ".qm"), (fresh_checkout, ".ts")):
        language = WindowLanguage(folder)
        try:
            assert language.install(Language.GERMAN) == Language.GERMAN
            assert language.source is not None and language.source.suffix == suffix
            assert QCoreApplication.translate("SyncActions", "S&ettings…") == "&Einstellungen…"
            assert QCoreApplication.translate("LogWords", "Stock") == "Bestand"
            assert QCoreApplication.translate("QWizard", "&Next >") != "&Next >"  # Qt's own words come along
        finally:
            language.remove()
        assert QCoreApplication.translate("SyncActions", "S&ettings…") == "S&ettings…"
    # A checkout updated after the last compile: the newer .ts wins over the stale .qm beside it.
    both = tmp_path / "both"
    both.mkdir()
    for qm in compiled.glob("*.qm"):
        shutil.copy(qm, both)
        os.utime(both / qm.name, (1_000_000, 1_000_000))
    for language_code in tool.LANGUAGES:
        shutil.copy(tool.ts_file(language_code), both)
    language = WindowLanguage(both)
    try:
        assert language.install(Language.GERMAN) == Language.GERMAN
        assert language.source is not None and language.source.suffix == ".ts"
    finally:
        language.remove()
    empty = WindowLanguage(tmp_path / "nothing")
    assert empty.install(Language.DUTCH) == Language.ENGLISH
    assert QCoreApplication.translate("SyncActions", "S&ettings…") == "S&ettings…"
    empty.remove()


def test_the_computers_display_languages_decide_when_nothing_was_chosen() -> None:
    assert language_of_system(["de-CH", "en-US"]) == Language.GERMAN
    assert language_of_system(["fr-BE", "nl-BE"]) == Language.DUTCH
    assert language_of_system(["en-GB", "de-DE"]) == Language.ENGLISH
    assert language_of_system(["fr-FR"]) == Language.ENGLISH


def test_every_permission_says_what_it_allows_in_the_windows_words() -> None:
    for info in KNOWN_SCOPES.values():
        row = ScopeRow(scope=info.scope, label_de=info.label_de, meaning_en=info.meaning_en, required_for=["all"],
                       present=True)
        assert scope_meaning(row) == info.meaning_en  # listed in the window, so it is translated


# -- the windows in German and Dutch ------------------------------------------------------------------

EXPECTED = {
    Language.GERMAN: {"settings": "Einstellungen", "time": "Zeit", "connect": "&Verbinden",
                      "remove": "&Trennen und alle Daten entfernen…"},
    Language.DUTCH: {"settings": "Instellingen", "time": "Tijd", "connect": "&Verbinden",
                     "remove": "&Ontkoppelen en alle gegevens verwijderen…"},
}


@pytest.fixture(params=[Language.GERMAN, Language.DUTCH], ids=["de", "nl"])
def speaking(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Language]:
    language = WindowLanguage()
    assert language.install(request.param) == request.param
    try:
        yield request.param
    finally:
        language.remove()


@pytest.fixture
def demo() -> Iterator[DemoShop]:
    shop = DemoShop(activity="off")
    with shop.running():
        yield shop


def _catalogue(language: Language) -> dict[tuple[str, str], str]:
    return read_ts(tool.ts_file(language.value))


def _save(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    image = widget.grab().toImage()
    assert image.width() >= 400 and image.height() >= 200
    assert image.save(str(SHOTS / name))


def test_the_main_window_and_settings_speak_the_language(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                        tmp_path: pathlib.Path, speaking: Language,
                                                        demo: DemoShop) -> None:
    expected = EXPECTED[speaking]
    desktop = DesktopApp(app_paths(tmp_path / "demo", demo=True), demo=demo)
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
    window = desktop.window
    assert window is not None
    try:
        # As large as the screen lets it be (1366x768 for the README's picture, under xvfb-run).
        window.setGeometry(window.screen().availableGeometry())
        model = window.log_model
        qtbot.waitUntil(lambda: window.health_bar.figures["parked"].text() not in ("0", "–"), timeout=WAIT)
        demo.sandbox.step(12)  # some life after the first import: shipments, stock, a new order
        desktop.actions.sync_now.trigger()
        qtbot.waitUntil(lambda: model.rowCount() > 40 and not model.is_busy, timeout=WAIT)
        qtbot.waitUntil(lambda: sum(h.orders_imported for h in window.day_chart.hours) > 0, timeout=WAIT)
        waiting = next(r for r in range(model.rowCount()) if (e := model.entry(r)) and e.needs_attention)
        entry = model.entry(waiting)
        assert entry is not None
        window.log_panel.select_entry(entry.id)
        qtbot.waitUntil(window.log_panel.detail.retry_button.isVisible, timeout=WAIT)
        window.log_panel.table.scrollToTop()

        assert window.settings_button.text() == expected["settings"]
        assert model.headerData(0, Qt.Orientation.Horizontal) == expected["time"]
        catalogue = _catalogue(speaking)
        assert untranslated(shown_texts(window, desktop.actions), catalogue) == []
        _save(window, f"main-window-{speaking.value}.png")

        desktop.actions.settings.trigger()
        dialog = desktop.settings_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert dialog.remove_button.text() == expected["remove"]
        dialog.remove_button.setEnabled(True)  # the demo keeps it off; the picture shows it as a real shop has it
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        confirm = dialog.remove_dialog
        assert confirm is not None
        qtbot.waitExposed(confirm)
        assert untranslated(shown_texts(dialog, confirm), catalogue) == []
        _save(dialog, f"settings-{speaking.value}.png")
        _save(confirm, f"remove-all-{speaking.value}.png")
        confirm.reject()
        dialog.reject()
    finally:
        stop = asyncio.ensure_future(desktop.shutdown())
        qtbot.waitUntil(stop.done, timeout=WAIT)
        window.deleteLater()


def test_the_engines_words_in_the_log_speak_the_language_old_rows_stay_english(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, speaking: Language) -> None:
    catalogue = _catalogue(speaking)

    def words(template: str) -> str:
        return catalogue[("engine", template)]

    refused = AuthenticationError(Text("ePages refused the client id and secret."),
                                  concerns=Text("ePages client id"))
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.ERROR,
                         message=Text("Could not connect: {problem}", problem=refused.with_action())))
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO,
                         message="Written before templates."))
    cancel = Text("Order {number}: {units} units cancelled in Afosto ({skus}), as in ePages.",
                  number="10013", units=2, skus=["CF-1", "CF-2"])
    store.add_log(LogRow(direction=Direction.EPAGES_TO_AFOSTO, outcome=Outcome.OK, epages_ref="10013",
                         message=cancel))
    model = LogTableModel(store)
    qtbot.waitUntil(lambda: model.is_loaded and not model.is_busy, timeout=WAIT)
    cancelled, old, failed = (model.index(r, LogTableModel.MESSAGE).data() for r in range(3))

    cancel_words = words("Order {number}: {units} units cancelled in Afosto ({skus}), as in ePages.")
    assert cancelled == cancel_words.format(number="10013", units=2, skus="CF-1, CF-2")
    assert old == "Written before templates."  # no template stored: its English as it was written
    for part in (words("Credentials refused"), words("ePages client id"),
                 words("ePages refused the client id and secret."),
                 words("Check the client id and secret (or API key) and enter them again.")):
        assert part in failed, (part, failed)
    assert "refused" not in failed and "Order" not in cancelled
    assert untranslated([cancelled, failed], catalogue) == []
    # The English is kept beside the template, for the log file, CSV of older versions and support.
    assert model.entry(2).message.startswith("Could not connect: Credentials refused (ePages client id)")


def test_the_wizard_speaks_the_language_up_to_the_permissions(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                             store: Store, speaking: Language,
                                                             demo: DemoShop) -> None:
    wizard = SetupWizard(SetupContext(store=store, sandbox_url=demo.url, demo=True))
    qtbot.addWidget(wizard)
    wizard.resize(1280, 800)
    wizard.show()
    catalogue = _catalogue(speaking)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.text() not in ("&Next >", "Next >")
    # Every page is built at the start: none of them may keep an English text.
    assert untranslated(shown_texts(wizard), catalogue) == []
    _save(wizard, f"wizard-1-welcome-{speaking.value}.png")

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    page = wizard.epages_page
    qtbot.keyClicks(page.store_edit, "https://demo-shop.beyondshop.cloud/cockpit/login")
    qtbot.keyClicks(page.client_id_edit, "sandbox-limited")
    qtbot.keyClicks(page.secret_edit, CLIENT_SECRET)
    assert page.connect_button.text() == EXPECTED[speaking]["connect"]
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.verdict.isVisible, timeout=WAIT)
    assert page.scope_table.isVisible()
    assert untranslated(shown_texts(wizard), catalogue) == []
    _save(wizard, f"wizard-2-permissions-{speaking.value}.png")


def test_the_language_check_itself_sees_english_text(qtbot: QtBot, store: Store) -> None:
    wizard = SetupWizard(SetupContext(store=store))  # no language installed: the English sources
    qtbot.addWidget(wizard)
    found = untranslated(shown_texts(wizard), _catalogue(Language.GERMAN))
    assert "&Connect" in found and "Welcome to epages-sync" in found
    assert any("Eigene App hinzufügen" in text for text in found)  # a sentence inside the welcome page's list
