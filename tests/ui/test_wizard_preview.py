"""The setup's preview of the first sync, against the sandbox: the figures a clerk reads before Finish (in English
and German), a refused key and a silent sandbox with "Try again" and a Finish that does not wait for them, in Settings
the orders synced before counted, and both systems and the data folder's database unchanged."""

from __future__ import annotations

import asyncio
import html
import json
import re
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from test_wizard import WAIT, _next, _to_locations, _wizard
from ui_support import demo_settings

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.epages.auth import CLIENT_SECRET
from epages_sync.secrets import MemoryKeyring
from epages_sync.store import Store
from epages_sync.ui.language import Language, WindowLanguage
from epages_sync.ui.wizard import SetupWizard

_TAG = re.compile(r"<[^>]+>")
_FIRST_SYNC = """
import asyncio, sys
from epages_sync.engine.service import SyncService
from epages_sync.store import Store

async def main(path, secret, key):
    store = Store.open(path)
    service = SyncService(store.load_settings(), store, client_secret=secret, afosto_key=key)
    try:
        await service.run_once(max_wait=30)
    finally:
        await service.close()
        store.close()

asyncio.run(main(*sys.argv[1:]))
"""


def _worlds(sandbox: Sandbox) -> str:
    """Both systems' whole state (the Afosto side's count of the requests it served left out)."""
    afosto = {k: v for k, v in sandbox.afosto.snapshot().items() if k != "requests_by_operation"}
    return json.dumps([sandbox.epages.snapshot(), afosto], sort_keys=True, default=str)


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text))


def _to_summary_with_orders(qtbot: QtBot, wizard: SetupWizard, sandbox: Sandbox) -> None:
    """Through every page with the sandbox's locations, its stock location and the last three days' orders."""
    _to_locations(qtbot, wizard)
    for shop_id, afosto_id in sandbox.world.default_location_map.items():
        wizard.locations_page.choose(shop_id, afosto_id)
    for loc_id in sandbox.world.feeding_location_ids:
        wizard.locations_page.stock_boxes[loc_id].setChecked(True)
    _next(qtbot, wizard)
    flows = wizard.flows_page
    flows.start_date.setDate(flows.start_date.date().addDays(-3))
    _next(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.SUMMARY


def _shown(qtbot: QtBot, wizard: SetupWizard) -> str:
    box = wizard.summary_page.preview
    qtbot.waitUntil(lambda: box.result.isVisible() or box.problem.isVisible(), timeout=WAIT)
    return _plain(box.result.text()) if box.result.isVisible() else ""


def test_the_preview_shows_what_the_first_sync_would_do_and_writes_nothing(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    before = _worlds(sandbox)
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_summary_with_orders(qtbot, wizard, sandbox)
    box = wizard.summary_page.preview
    assert box.busy.isVisible() and "Nothing is written" in box.busy.label.text()
    text = _shown(qtbot, wizard)
    preview = box.preview
    assert preview is not None and not box.problem.isVisible() and not box.try_again.isVisible()

    # Every order of the shop since the start date is either to be imported or waits for a person.
    shop = sandbox.epages.snapshot()["orders"]
    assert len(preview.imports) + len(preview.parked) == len(shop) == 20
    units = sum(o.units for o in preview.imports)
    assert f"Orders to import into Afosto: {len(preview.imports)} ({units} units)." in text
    for order in preview.imports:
        assert f"{order.number}: {order.units} units" in text
    if preview.parked:
        assert f"Orders that would wait for a person: {len(preview.parked)}." in text
    biggest = preview.stock[0]
    assert f"{biggest.sku}: {biggest.shop} -> {biggest.target}" in text
    assert "Stock figures the shop would get now" in text
    assert "Nothing was written to ePages or Afosto yet" in wizard.summary_page.preview.nothing_written.text()

    # Nothing was written to either system, nor to the data folder's database; Finish is there as before.
    assert _worlds(sandbox) == before
    assert store.load_settings() is None and store.count_links("order") == 0
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_preview_in_german(qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store,
                               memory_keyring: MemoryKeyring, sandbox: Sandbox, sandbox_url: str) -> None:
    words = WindowLanguage()
    assert words.install(Language.GERMAN) == Language.GERMAN
    try:
        wizard = _wizard(qtbot, store, sandbox_url)
        _to_summary_with_orders(qtbot, wizard, sandbox)
        text = _shown(qtbot, wizard)
        preview = wizard.summary_page.preview.preview
        assert preview is not None
        units = sum(o.units for o in preview.imports)
        assert f"Bestellungen, die nach Afosto übernommen würden: {len(preview.imports)} ({units} Einheiten)." \
            in text
        assert "Orders to import" not in text and " units" not in text
        box = wizard.summary_page.preview
        assert box.title() != "Preview: what the first sync would do"
        assert "Nothing was written" not in box.nothing_written.text()
    finally:
        words.remove()


def test_a_refused_key_says_what_to_do_and_try_again_shows_the_preview(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    before = _worlds(sandbox)
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_summary_with_orders(qtbot, wizard, sandbox)
    _shown(qtbot, wizard)
    wizard.back()
    wizard.draft.afosto_key = "a-key-made-new-in-afosto-since"  # the checked key no longer works
    _next(qtbot, wizard)
    box = wizard.summary_page.preview
    qtbot.waitUntil(box.problem.isVisible, timeout=WAIT)
    shown = _plain(box.problem.text())
    assert box.problem.headline == "The preview could not be made"
    assert "API key refused" in shown and "press Try again" in shown
    assert "finish the setup without the preview" in shown and "Traceback" not in shown
    assert box.try_again.isVisible() and not box.result.isVisible() and box.preview is None
    # Finish does not wait for the preview.
    qtbot.waitUntil(wizard.button(QWizard.WizardButton.FinishButton).isEnabled, timeout=WAIT)

    wizard.draft.afosto_key = "sandbox-afosto-key"
    qtbot.mouseClick(box.try_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.result.isVisible, timeout=WAIT)
    assert not box.problem.isVisible() and not box.try_again.isVisible()
    assert "Orders to import into Afosto: " in _plain(box.result.text())
    assert _worlds(sandbox) == before


def test_a_sandbox_that_stopped_answering_is_a_message_not_a_traceback(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    wizard = _wizard(qtbot, store, sandbox_url)
    _to_summary_with_orders(qtbot, wizard, sandbox)
    _shown(qtbot, wizard)
    wizard.back()
    wizard.context.sandbox_url = "http://127.0.0.1:9"  # nothing answers there
    _next(qtbot, wizard)
    box = wizard.summary_page.preview
    qtbot.waitUntil(box.problem.isVisible, timeout=WAIT)
    shown = _plain(box.problem.text())
    assert "The local sandbox is not running" in shown and "press Try again" in shown
    assert box.try_again.isVisible()


def test_in_settings_the_orders_synced_before_count_and_the_database_is_left_as_it_was(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, memory_keyring: MemoryKeyring,
        sandbox: Sandbox, sandbox_url: str) -> None:
    settings = demo_settings(sandbox, sandbox_url)
    store.save_settings(settings)
    # The first sync, as the service would run it, in a process of its own (this one's Qt stays out of it).
    assert store.path is not None
    subprocess.run([sys.executable, "-c", _FIRST_SYNC, str(store.path), CLIENT_SECRET, "sandbox-afosto-key"],
                   check=True, timeout=180)
    linked = store.count_links("order")
    assert linked > 0
    database = (store.newest_log_id(), store.log_count(), linked, store.outbox_depth(), len(store.open_parked()))
    before = _worlds(sandbox)

    wizard = _wizard(qtbot, store, sandbox_url, initial=settings, client_secret=CLIENT_SECRET,
                     afosto_key="sandbox-afosto-key")
    while wizard.currentId() != SetupWizard.SUMMARY:
        _next(qtbot, wizard)
    text = _shown(qtbot, wizard)
    assert "Orders to import into Afosto: 0 (0 units)." in text
    preview = wizard.summary_page.preview.preview
    assert preview is not None and preview.imports == []
    assert (store.newest_log_id(), store.log_count(), store.count_links("order"), store.outbox_depth(),
            len(store.open_parked())) == database
    assert _worlds(sandbox) == before
