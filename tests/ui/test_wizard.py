"""The setup wizard against the sandbox: the happy path, refused credentials, missing permissions, an unmatched
pickup location, a flow without its permission, and a computer without a password store."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import socket

import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot
from ui_support import demo_settings

from epages_sync.config import Flow
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages.auth import CLIENT_SECRET, FULL_SCOPES
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend
from epages_sync.store import Store
from epages_sync.ui.language import Language, WindowLanguage
from epages_sync.ui.wizard import SetupContext, SetupWizard

WAIT = 15_000


def _wizard(qtbot: QtBot, store: Store, url: str, **context: object) -> SetupWizard:
    wizard = SetupWizard(SetupContext(store=store, sandbox_url=url, **context))  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _next(qtbot: QtBot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _connect(qtbot: QtBot, wizard: SetupWizard, store_text: str, client_id: str, secret: str) -> None:
    page = wizard.epages_page
    for edit, text in ((page.store_edit, store_text), (page.client_id_edit, client_id), (page.secret_edit, secret)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.tasks.is_running("setup.epages"), timeout=WAIT)


def _to_afosto_and_check(qtbot: QtBot, wizard: SetupWizard) -> None:
    _next(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.AFOSTO
    qtbot.keyClicks(wizard.afosto_page.key_edit, "sandbox-afosto-key")
    qtbot.mouseClick(wizard.afosto_page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.afosto_page.channel_combo.isVisible(), timeout=WAIT)


def _to_locations(qtbot: QtBot, wizard: SetupWizard) -> None:
    """From the welcome page to Locations with the sandbox's full app, key and first sales channel."""
    _next(qtbot, wizard)
    _connect(qtbot, wizard, "demo-shop", "sandbox-client", CLIENT_SECRET)
    _to_afosto_and_check(qtbot, wizard)
    wizard.afosto_page.channel_combo.setCurrentIndex(1)
    _next(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.LOCATIONS


def test_happy_path_from_welcome_to_a_saved_setup(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store,
                                                  memory_keyring: MemoryKeyring, sandbox: Sandbox,
                                                  sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    saved: list[tuple[object, str, str]] = []
    wizard.setup_saved.connect(lambda s, secret, key: saved.append((s, secret, key)))
    assert wizard.currentId() == SetupWizard.WELCOME
    assert "Eigene App hinzufügen" in wizard.welcome_page.findChildren(type(wizard.epages_page.store_hint))[0].text()
    _next(qtbot, wizard)

    page = wizard.epages_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(page.store_edit, "https://demo-shop.beyondshop.cloud/cockpit/login")
    assert "Store: demo-shop" in page.store_hint.text()  # the pasted address is reduced to the name, live
    assert not next_button.isEnabled()
    _connect(qtbot, wizard, "https://demo-shop.beyondshop.cloud/cockpit/login", "sandbox-client", "sandbox-secret")
    assert next_button.isEnabled()
    rows = page.scope_rows()
    assert len(rows) == 15 and rows[0][0].startswith("Produkte lesen")
    assert all(r[3].startswith("✓") for r in rows)
    assert "The app has all 15 permissions in the table below." in page.verdict.text()

    _to_afosto_and_check(qtbot, wizard)
    afosto = wizard.afosto_page
    assert "fits this Afosto account" in afosto.result.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no channel chosen yet
    channel = sandbox.world.default_channel
    afosto.channel_combo.setCurrentIndex(afosto.channel_combo.findData(channel.channel_id))
    _next(qtbot, wizard)

    locations = wizard.locations_page
    assert set(locations.map_combos) == {loc.location_id for loc in sandbox.world.shop_locations}
    for shop_id, afosto_id in sandbox.world.default_location_map.items():
        locations.choose(shop_id, afosto_id)
    for loc_id in sandbox.world.feeding_location_ids:
        locations.stock_boxes[loc_id].setChecked(True)
    _next(qtbot, wizard)

    flows = wizard.flows_page
    assert all(box.isEnabled() and box.isChecked() for box in flows.flow_boxes.values())
    flows.start_date.setDate(flows.start_date.date().addDays(-3))
    qtbot.waitUntil(lambda: "will be taken over" in flows.preview.text(), timeout=WAIT)
    assert "20 orders created" in flows.preview.text()
    _next(qtbot, wizard)

    summary = wizard.summary_page
    qtbot.waitUntil(lambda: summary.pickup_result.isVisible(), timeout=WAIT)
    assert "No pickup order waits" in summary.pickup_result.text()
    assert "Webshop (ePages)" in summary.summary.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=WAIT)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT)

    assert wizard.result() == QWizard.DialogCode.Accepted
    settings = store.load_settings()
    assert settings is not None and settings.is_configured
    assert settings.store_name == "demo-shop" and settings.client_id == "sandbox-client"
    assert settings.afosto_channel_id == channel.channel_id
    assert settings.location_map == sandbox.world.default_location_map
    assert settings.stock_locations == sandbox.world.feeding_location_ids
    assert settings.flows == set(Flow) and settings.start_date == dt.date.today() - dt.timedelta(days=3)
    assert "secret" not in settings.model_dump_json().lower().replace("client_secret", "")
    secrets = Secrets("demo-shop")
    assert secrets.client_secret() == "sandbox-secret" and secrets.afosto_key() == "sandbox-afosto-key"
    assert saved[0][1:] == ("sandbox-secret", "sandbox-afosto-key")


def test_a_wrong_secret_says_the_credentials_were_refused(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          store: Store, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _next(qtbot, wizard)
    _connect(qtbot, wizard, "demo-shop", "sandbox-client", "not-the-secret")
    page = wizard.epages_page
    assert page.problem.isVisible() and page.problem.headline == "Client id or secret refused"
    assert "Client credentials" in page.problem.text()
    assert not page.scope_table.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    page.secret_edit.clear()
    qtbot.keyClicks(page.secret_edit, CLIENT_SECRET)
    qtbot.keyClick(page.secret_edit, Qt.Key.Key_Return)  # Enter in a field connects
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled, timeout=WAIT)
    assert not page.problem.isVisible()


def test_a_revoked_app_and_an_invalid_store_name_get_their_own_messages(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _next(qtbot, wizard)
    sandbox.revoke_client("sandbox-client")
    _connect(qtbot, wizard, "demo-shop", "sandbox-client", CLIENT_SECRET)
    assert wizard.epages_page.problem.headline == "The app was removed in the cockpit"
    _connect(qtbot, wizard, "https://example.com/shop", "sandbox-client", CLIENT_SECRET)
    assert wizard.epages_page.problem.headline == "Please check your entry"
    assert "not a store name" in wizard.epages_page.problem.text()


def test_the_limited_app_names_the_missing_permissions_and_next_stays_off(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _next(qtbot, wizard)
    _connect(qtbot, wizard, "demo-shop", "sandbox-limited", CLIENT_SECRET)
    page = wizard.epages_page
    missing = [r[0] for r in page.scope_rows() if r[3].startswith("✗")]
    assert missing == ["Produktverfügbarkeit aktualisieren  (prda:u)", "Versandprozesse erstellen  (shpr:c)",
                       "Standorte lesen  (loca:r)"]
    verdict = page.verdict.text().replace("&#x27;", "'")
    to_tick, _, rest = verdict.partition("click Speichern")
    assert "tick 'Produktverfügbarkeit aktualisieren', 'Versandprozesse erstellen'," in to_tick
    assert "Standorte lesen" not in to_tick  # only the eight required ones stop the setup ...
    assert "Single flows also need 'Standorte lesen'" in rest  # ... the others are named apart
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_flow_without_its_permission_is_off_with_the_reason(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                              store: Store, sandbox: Sandbox,
                                                              sandbox_url: str) -> None:
    # An app with the eight required permissions but without the two for returns.
    sandbox.tokens.clients["no-returns"] = (CLIENT_SECRET, FULL_SCOPES.replace("rtpr:cr ", ""))
    wizard = _wizard(qtbot, store, sandbox_url)
    _next(qtbot, wizard)
    _connect(qtbot, wizard, "demo-shop", "no-returns", CLIENT_SECRET)
    verdict = wizard.epages_page.verdict.text()
    assert "The 8 permissions every flow needs are there" in verdict and "Returns stays off" in verdict
    _to_afosto_and_check(qtbot, wizard)
    wizard.afosto_page.channel_combo.setCurrentIndex(1)
    _next(qtbot, wizard)
    wizard.locations_page.stock_boxes[sandbox.world.feeding_location_ids[0]].setChecked(True)
    _next(qtbot, wizard)
    flows = wizard.flows_page
    returns = flows.flow_boxes[Flow.RETURNS]
    assert not returns.isEnabled() and not returns.isChecked()
    reason = flows.flow_reasons[Flow.RETURNS]
    assert reason.isVisible() and "'Retourenprozesse erstellen' (rtpr:c)" in reason.text()
    assert all(flows.flow_boxes[f].isEnabled() for f in (Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS,
                                                        Flow.INVENTORY))


def test_an_unmatched_pickup_location_with_orders_blocks_finish(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                                store: Store, memory_keyring: MemoryKeyring,
                                                                sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_locations(qtbot, wizard)
    hamburg, utrecht = sandbox.world.shop_locations
    wizard.locations_page.choose(utrecht.location_id, sandbox.world.default_location_map[utrecht.location_id])
    wizard.locations_page.choose(hamburg.location_id, None)  # Hamburg has pickup orders but no match
    _next(qtbot, wizard)
    wizard.flows_page.start_date.setDate(wizard.flows_page.start_date.date().addDays(-3))
    _next(qtbot, wizard)
    summary = wizard.summary_page
    qtbot.waitUntil(summary.pickup_result.isVisible, timeout=WAIT)
    text = summary.pickup_result.text()
    assert "Finish is not possible yet" in text and "Kaffeerösterei Hamburg has" in text
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    wizard.back()
    wizard.back()
    wizard.locations_page.choose(hamburg.location_id, sandbox.world.default_location_map[hamburg.location_id])
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.FinishButton).isEnabled, timeout=WAIT)


def _to_summary(qtbot: QtBot, wizard: SetupWizard, sandbox: Sandbox) -> None:
    _to_locations(qtbot, wizard)
    for shop_id, afosto_id in sandbox.world.default_location_map.items():
        wizard.locations_page.choose(shop_id, afosto_id)
    wizard.locations_page.stock_boxes[sandbox.world.feeding_location_ids[0]].setChecked(True)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.SUMMARY


def test_without_a_password_store_the_summary_says_so_before_finish(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, sandbox: Sandbox, sandbox_url: str) -> None:
    with keyring_backend(keyring.backends.fail.Keyring()):
        wizard = _wizard(qtbot, store, sandbox_url)
        _to_summary(qtbot, wizard, sandbox)
        summary = wizard.summary_page
        qtbot.waitUntil(summary.secret_store_problem.isVisible, timeout=WAIT)
        qtbot.waitUntil(summary.pickup_result.isVisible, timeout=WAIT)
        assert summary.secret_store_problem.headline == "No secure password store on this computer"
        assert "cannot finish on this computer" in summary.secret_store_problem.text()
        text = summary.summary.text()
        assert "Cannot be saved: this computer has no secure password store" in text
        assert "go into this computer's password store" not in text.replace("&#x27;", "'")  # nothing promised
        assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert store.load_settings() is None


def test_a_password_store_that_refuses_at_finish_leaves_the_setup_unfinished(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_summary(qtbot, wizard, sandbox)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=WAIT)
    summary = html.unescape(wizard.summary_page.summary.text())
    assert "The client secret and the API key go into this computer's password store" in summary
    assert not wizard.summary_page.secret_store_problem.isVisible()
    with keyring_backend(keyring.backends.fail.Keyring()):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(wizard.summary_page.problem.isVisible, timeout=WAIT)
    assert wizard.summary_page.problem.headline == "No secure password store on this computer"
    assert wizard.isVisible() and wizard.currentId() == SetupWizard.SUMMARY
    assert store.load_settings() is None or not store.load_settings().is_configured  # type: ignore[union-attr]


def test_stock_is_on_again_once_a_stock_location_is_ticked_after_a_visit_to_what_to_sync(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_locations(qtbot, wizard)
    for shop_id, afosto_id in sandbox.world.default_location_map.items():
        wizard.locations_page.choose(shop_id, afosto_id)
    _next(qtbot, wizard)  # no stock location ticked yet
    flows = wizard.flows_page
    stock = flows.flow_boxes[Flow.INVENTORY]
    assert not stock.isEnabled() and not stock.isChecked()
    assert "no Afosto location is ticked" in flows.flow_reasons[Flow.INVENTORY].text()
    _next(qtbot, wizard)
    summary = wizard.summary_page.summary.text()
    assert "Stock is not synced" in summary and "Stock," not in summary and not summary.endswith("Stock")

    wizard.back()
    wizard.back()
    feeding = sandbox.world.feeding_location_ids[0]
    wizard.locations_page.stock_boxes[feeding].setChecked(True)
    _next(qtbot, wizard)
    assert stock.isEnabled() and stock.isChecked()  # the wish to sync stock was kept
    assert not flows.flow_reasons[Flow.INVENTORY].isVisible()
    _next(qtbot, wizard)
    summary = wizard.summary_page.summary.text()
    feeding_name = next(loc.name for loc in wizard.draft.afosto.locations if loc.id == feeding)  # type: ignore[union-attr]
    assert "Stock is not synced" not in summary and feeding_name in summary
    assert "Stock" in summary.split("Synced")[1]
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=WAIT)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=WAIT)
    settings = store.load_settings()
    assert settings is not None and Flow.INVENTORY in settings.flows and settings.stock_locations == [feeding]


def test_a_flow_unticked_by_the_person_stays_unticked(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store,
                                                     sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_summary(qtbot, wizard, sandbox)
    wizard.back()
    wizard.flows_page.flow_boxes[Flow.RETURNS].setChecked(False)
    wizard.back()
    _next(qtbot, wizard)
    assert not wizard.flows_page.flow_boxes[Flow.RETURNS].isChecked()
    _next(qtbot, wizard)
    assert "Returns" not in wizard.summary_page.summary.text()


@pytest.mark.parametrize("language", [Language.ENGLISH, Language.GERMAN], ids=["en", "de"])
def test_a_refused_afosto_key_is_reported_as_afostos_with_the_pages_own_button(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, sandbox_url: str, language: Language) -> None:
    words = WindowLanguage()
    assert words.install(language) == language
    try:
        wizard = _wizard(qtbot, store, sandbox_url)
        _next(qtbot, wizard)
        _connect(qtbot, wizard, "demo-shop", "sandbox-client", CLIENT_SECRET)
        _next(qtbot, wizard)
        page = wizard.afosto_page
        qtbot.keyClicks(page.key_edit, "not-the-afosto-key")
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.problem.isVisible, timeout=WAIT)
        text = html.unescape(page.problem.text())
        button = page.check_button.text().replace("&", "")
        connect = wizard.epages_page.connect_button.text().replace("&", "")
        assert button in text and connect not in text  # the button on this page, not the shop page's
        assert "Afosto" in text and "ePages" not in text  # the system that refused the key
        assert "Client" not in text  # no client id or secret on this page
        expected = {Language.ENGLISH: ("API key refused", "Check"), Language.GERMAN: ("API-Schlüssel abgelehnt",
                                                                                    "Prüfen")}[language]
        assert page.problem.headline == expected[0] and button == expected[1]
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    finally:
        words.remove()


def test_a_local_sandbox_that_does_not_answer_is_not_called_an_internet_problem(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    with socket.socket() as probe:  # a port on this computer where nothing listens
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    wizard = _wizard(qtbot, store, url)
    _next(qtbot, wizard)
    _connect(qtbot, wizard, "demo-shop", "sandbox-client", CLIENT_SECRET)
    page = wizard.epages_page
    qtbot.waitUntil(page.problem.isVisible, timeout=WAIT)
    assert page.problem.headline == "The local sandbox is not running"
    text = html.unescape(page.problem.text())
    assert url in text and "press Connect" in text
    assert "internet" not in text


def test_settings_open_filled_in_and_connect_on_their_own(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          store: Store, sandbox: Sandbox, sandbox_url: str) -> None:
    settings = demo_settings(sandbox, sandbox_url)
    wizard = _wizard(qtbot, store, sandbox_url, initial=settings, client_secret=CLIENT_SECRET,
                     afosto_key="sandbox-afosto-key")
    assert wizard.windowTitle() == "epages-sync settings"
    _next(qtbot, wizard)
    assert wizard.epages_page.store_edit.text() == "demo-shop"
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled, timeout=WAIT)
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled, timeout=WAIT)
    assert wizard.afosto_page.channel_combo.currentData() == settings.afosto_channel_id
    _next(qtbot, wizard)
    combos = wizard.locations_page.map_combos
    assert {k: c.currentData() for k, c in combos.items()} == settings.location_map


def _cut_or_outside(wizard: SetupWizard) -> list[str]:
    """What a person could not read whole on the current page: a line wider than its label, a label or button
    reaching past the window's right edge, a permission cell whose text does not fit its cell."""
    found = []
    page = wizard.currentPage()
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton) or not widget.text():
            continue
        text = widget.text()[:60]
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.sizeHint().width() > widget.width():
            found.append(f"cut at {widget.width()} of {widget.sizeHint().width()} px: {text!r}")
        if widget.mapTo(wizard, QPoint(widget.width(), 0)).x() > wizard.width():
            found.append(f"past the right edge: {text!r}")
    table = wizard.epages_page.scope_table
    if page is wizard.epages_page and table.isVisible():
        metrics = table.fontMetrics()
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                cell = table.visualItemRect(item).adjusted(3, 0, -3, 0)  # the cell's own padding
                needed = metrics.boundingRect(cell, int(Qt.TextFlag.TextWordWrap), item.text())
                if needed.height() > cell.height() or needed.width() > cell.width():
                    found.append(f"cell {row},{column} cut: {item.text()!r}")
    return found


@pytest.mark.parametrize("language", [Language.GERMAN, Language.DUTCH], ids=["de", "nl"])
@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1280, 720), QSize(800, 600)],
                         ids=["1366x768", "1280x720", "800x600"])
def test_on_a_small_screen_every_page_fits_and_nothing_is_cut(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str, language: Language, screen: QSize) -> None:
    words = WindowLanguage()
    assert words.install(language) == language
    try:
        free = QRect(QPoint(0, 0), screen - QSize(0, 40))  # a taskbar along the bottom
        wizard = _wizard(qtbot, store, sandbox_url)
        wizard.fit_to(free)
        fitted = wizard.size()
        seen: dict[int, list[str]] = {}

        def look() -> None:
            qtbot.wait(50)  # let the layouts settle
            # No page made the window grow past the screen: it keeps the size it opened at, inside the free area.
            assert wizard.size() == fitted and free.contains(wizard.frameGeometry()), (wizard.frameGeometry(), free)
            seen.setdefault(wizard.currentId(), []).extend(_cut_or_outside(wizard))

        look()
        _next(qtbot, wizard)
        _connect(qtbot, wizard, "demo-shop", "sandbox-limited", CLIENT_SECRET)  # the longest verdict and table
        look()
        _connect(qtbot, wizard, "demo-shop", "sandbox-client", CLIENT_SECRET)
        _to_afosto_and_check(qtbot, wizard)
        wizard.afosto_page.channel_combo.setCurrentIndex(1)
        look()
        _next(qtbot, wizard)
        for shop_id, afosto_id in sandbox.world.default_location_map.items():
            wizard.locations_page.choose(shop_id, afosto_id)
        look()
        _next(qtbot, wizard)  # no stock location: Stock has its reason below it
        look()
        _next(qtbot, wizard)
        qtbot.waitUntil(wizard.summary_page.pickup_result.isVisible, timeout=WAIT)
        look()
        qtbot.waitUntil(wizard.summary_page.preview.result.isVisible, timeout=WAIT)
        look()  # and once the preview of the first sync is shown below
        assert len(seen) == 6
        assert {page: found for page, found in seen.items() if found} == {}
    finally:
        words.remove()
