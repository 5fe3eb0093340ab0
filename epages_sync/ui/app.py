"""Starting and stopping the desktop app: one asyncio loop inside Qt's, the wizard or the main window, the
tray, and an orderly stop of the sync when the app quits or the person logs out."""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import gc
import logging
import signal
import sys
import time
import traceback
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
import qasync
from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QSessionManager
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_NAME, __version__
from ..config import Settings
from ..data_folder import check_folders, open_store
from ..engine.service import Health
from ..engine.shared_stock import SharedStock
from ..errors import AlreadyRunning, SecretStoreUnavailable, SyncError
from ..instance import InstanceLock
from ..logs import setup_logging
from ..paths import AppPaths
from ..removal import RemovalReport
from ..secrets import Secrets
from ..store import Direction, LogRow, Outcome, Store
from ..store.errors import DatabaseDamaged
from ..store_folders import StoreFolder, add_store_folder, remove_store_folder, store_folders
from .background import UiTasks, off_thread
from .demo import DemoShop
from .gc_pacing import CollectorPacing
from .icons import icon
from .language import WindowLanguage
from .log_words import engine_words
from .main_window import MainWindow
from .notices import AttentionNotices
from .preferences import WindowPreferences, preferences_file
from .service_watch import ServiceWatch, keep_from_writing
from .settings_dialog import SettingsDialog
from .store_slot import StoreSlot
from .sync_actions import SyncActions
from .sync_control import SyncControl
from .this_computer import ThisComputer
from .tray import SyncTray
from .wizard import SetupContext, SetupWizard
from .wizard.draft import save_setup

if TYPE_CHECKING:
    from .second_launch import LaunchListener

log = logging.getLogger(__name__)

SHUTDOWN_SECONDS = 15.0
GUI_SWITCH_INTERVAL_S = 0.00025  # see DesktopApp.__init__


class DesktopApp(QObject):
    """Owns the stores, their syncs, the windows and the tray of one installation (data folder).

    Each store of the installation has a slot (``StoreSlot``): its database, its sync, its health. The window
    shows them all; one store's trouble never stops another's sync.
    """

    started = Signal()
    stopped = Signal()
    data_removed = Signal(object)  # the RemovalReport, once "remove all data" has run

    def __init__(self, paths: AppPaths, *, demo: DemoShop | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 secrets_for: Callable[[AppPaths, str], Secrets] | None = None, minimized: bool = False,
                 lock: InstanceLock | None = None, computer: ThisComputer | None = None,
                 watch_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The GUI thread lets go of the interpreter lock at every database call and many Qt calls, and each
        # time another busy thread (page parsing, the demo's simulated shop) holds it, the GUI thread waits
        # up to this interval to get it back: dozens of waits in one step of the sync. At 1 ms, steps with
        # 5 ms of work took 20 ms and more while the demo imported; at 0.25 ms the window keeps its turn
        # (benchmarks/bench_ui.py: the 99th percentile of the loop's lateness from about 17 ms to 13 ms).
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
        self.paths = paths
        # The data folder's lock, held by whoever started this copy; "remove all data" hands it over.
        self.computer = computer or ThisComputer.for_paths(paths, lock=lock, parent=self)
        self.minimized = minimized  # started at login: only the tray icon, the window on demand
        self.demo = demo
        # The folder's lock is held by a service (run --headless): this window only watches what it does.
        self.watch_only = watch_only
        self._transport = transport
        # Each store folder's own saved passwords (see secrets.py).
        self._secrets_of = secrets_for or Secrets.of_folder
        # One per installation: every store's stock counts the others' orders not yet in Afosto.
        self.shared_stock = SharedStock()
        self.slots: list[StoreSlot] = []
        self.chosen: StoreSlot | None = None  # the store the window shows and its commands act on
        self.healths: dict[str, Health] = {}
        self.tasks = UiTasks(self)
        self.tasks.failed.connect(self._on_task_failed)
        self.actions = SyncActions(self)
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self._wizard_slot: StoreSlot | None = None  # the store the open wizard sets up; None: a new one
        self._added: tuple[StoreFolder, Store] | None = None  # a new store, saved by the wizard's Finish
        self.settings_dialog: SettingsDialog | None = None
        self.tray: SyncTray | None = None
        self.removal_report: RemovalReport | None = None
        self.last_word: QMessageBox | None = None  # the message that ends the app, after "remove all data"
        self.rebuild_question: QMessageBox | None = None  # open while a damaged database waits for an answer
        self.dialog_notices: dict[str, AttentionNotices] = {}
        self.problems_shown: list[tuple[str, str]] = []
        self._shutting_down = False
        self._shut_down = asyncio.Event()
        self._tray_hint_given = False
        self._connect_actions()
        # The cycle collector's full passes wait for quiet moments (see gc_pacing.py).
        self.gc_pacing = CollectorPacing(self._sync_activity, parent=self)
        self.gc_pacing.start()

    # -- the stores ------------------------------------------------------------------------------------

    @property
    def store(self) -> Store | None:
        """The chosen store's database (the only store's, in a single-store installation)."""
        return self.chosen.store if self.chosen is not None else None

    @property
    def control(self) -> SyncControl | None:
        return self.chosen.control if self.chosen is not None else None

    @property
    def several_stores(self) -> bool:
        return len(self.slots) > 1

    def slot(self, name: str) -> StoreSlot | None:
        return next((s for s in self.slots if s.name == name), None)

    def _new_slot(self, name: str, paths: AppPaths) -> StoreSlot:
        slot = StoreSlot(name, paths, shared=self.shared_stock, transport=self._transport, parent=self)
        slot.health_changed.connect(self._on_health)
        self.slots.append(slot)
        if self.chosen is None:
            self.chosen = slot
        return slot

    def _sync_activity(self) -> int | None:
        # Where the sync runs here, the ids it announced, not a query: its thread may hold the store for a
        # page's writes. A service elsewhere announces nothing here; its rows are read.
        newest = [s.store.announced_id if s.control is not None and s.control.is_running
                  else s.store.newest_log_id() for s in self.slots if s.store is not None]
        return sum(newest) if newest else None

    def _connect_actions(self) -> None:
        a = self.actions
        a.open_window.triggered.connect(self.show_window)
        a.pause_hour.triggered.connect(self._on_pause_hour)
        a.pause.triggered.connect(self._on_pause)
        a.resume.triggered.connect(self._on_resume)
        a.sync_now.triggered.connect(self._on_sync_now)
        a.pause_all_hour.triggered.connect(self._on_pause_all_hour)
        a.pause_all.triggered.connect(self._on_pause_all)
        a.resume_all.triggered.connect(self._on_resume_all)
        a.sync_all_now.triggered.connect(self._on_sync_all_now)
        a.add_store.triggered.connect(self.open_add_store)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(self.request_quit)

    def _controls(self) -> list[SyncControl]:
        return [slot.control for slot in self.slots if slot.control is not None]

    def _on_pause_all_hour(self) -> None:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        for control in self._controls():
            control.pause(until)

    def _on_pause_all(self) -> None:
        for control in self._controls():
            control.pause()

    def _on_resume_all(self) -> None:
        for control in self._controls():
            control.resume()

    def _on_sync_all_now(self) -> None:
        for control in self._controls():
            control.sync_now()

    # -- starting ------------------------------------------------------------------------------------

    def begin(self) -> None:
        self.tasks.start("app.start", self.start())

    async def start(self) -> None:
        """Open every store; then the wizard if nothing is set up, else the main window and the syncs."""
        try:
            if self.demo is not None:
                await off_thread(DemoShop.clear_previous_run, self.paths)
                folders = await off_thread(self.demo.make_folders, self.paths)
            else:
                folders = await off_thread(store_folders, self.paths)
        except SyncError as exc:
            self._say_and_quit(exc)
            return
        # Nothing set up yet: the setup saves into the installation's own folder, the first store's.
        for folder in folders or [StoreFolder("", self.paths)]:
            self._new_slot(folder.name, folder.paths)
        opened = [await self._open_slot(slot) for slot in list(self.slots)]
        if not any(opened) and not self.several_stores:
            return  # the only store could not be opened: its dialog says why
        await self._started_on_stores()

    async def _open_slot(self, slot: StoreSlot) -> bool:
        """Open one store's database; what stands in the way is that store's problem (or, with a single store,
        the app's, as it always was)."""
        try:
            # A window watching a service changes nothing in the folder: the service keeps it.
            store = await off_thread(lambda: open_store(slot.paths, settle=not self.watch_only))
        except DatabaseDamaged as exc:
            if self.watch_only:  # the service holds the folder: only it may move the database aside
                self._store_failed(slot, exc)
            else:
                self._offer_rebuild(slot, exc)
            return False
        except SyncError as exc:
            self._store_failed(slot, exc)
            return False
        slot.opened(store)
        return True

    def _store_failed(self, slot: StoreSlot, exc: SyncError) -> None:
        if not self.several_stores:
            self._say_and_quit(exc)
            return
        log.warning("store %s cannot be opened: %s", slot.name, exc)
        slot.cannot_open(f"{engine_words(exc.message)} {engine_words(exc.action)}")

    def _say_and_quit(self, exc: SyncError) -> None:
        # Quit only once the person has read why.
        box = self.show_problem(engine_words(exc.title),
                                f"{engine_words(exc.message)}\n\n{engine_words(exc.action)}",
                                critical=True)
        box.finished.connect(self.request_quit)

    def _offer_rebuild(self, slot: StoreSlot, exc: DatabaseDamaged) -> None:
        """Ask before the damaged database is moved aside and a fresh one started. Declined, the app quits when
        this is its only store; otherwise the store stays stopped, saying why, and the others go on."""
        self.problems_shown.append((engine_words(exc.title), engine_words(exc.message)))
        title = engine_words(exc.title)
        if self.several_stores:
            slot.cannot_open(f"{engine_words(exc.message)} {engine_words(exc.action)}")
            title = self.tr("Store {store}: {title}").format(store=slot.name, title=title)
        box = QMessageBox(QMessageBox.Icon.Critical, title, self.tr(
            "{problem}\n\nepages-sync can move the damaged file aside (it is kept, renamed with today's date) and "
            "start a fresh database. Your settings and saved passwords are kept; the sync then finds again what "
            "both systems already have. Nothing was changed yet.").format(problem=engine_words(exc.message)),
            QMessageBox.StandardButton.NoButton, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowIcon(icon("app"))
        rebuild = box.addButton(self.tr("Move aside and start fresh"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Leave this store stopped") if self.several_stores else self.tr("Quit"),
                      QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(rebuild)
        self.rebuild_question = box

        def answered(_result: int) -> None:
            self.rebuild_question = None
            if box.clickedButton() is rebuild:
                self.tasks.start(f"app.rebuild.{slot.name}", self._rebuild(slot))
            elif not self.several_stores:
                self.request_quit()

        box.finished.connect(answered)
        box.open()

    async def _rebuild(self, slot: StoreSlot) -> None:
        try:
            store = await off_thread(lambda: open_store(slot.paths, rebuild=True))
        except SyncError as exc:
            self._store_failed(slot, exc)
            return
        slot.opened(store)
        if self.window is None:
            await self._started_on_stores()
            return
        self.window.remove_store(slot.name)
        self._add_view(slot)
        await self._start_store(slot)

    async def _started_on_stores(self) -> None:
        if self.watch_only:
            await self._start_watching()
            return
        only = self.slots[0]
        if not self.several_stores and only.store is not None:
            settings = await self._settings_of(only)
            if settings is None or not settings.is_configured:
                self.open_wizard(first_run=True, initial=settings, slot=only)
                self.started.emit()
                return
        if not any(s.store is not None for s in self.slots):
            self._say_none_opened()
            return
        window = self._ensure_window()
        # Without a tray icon a hidden window could not be reached: then it opens anyway.
        if not (self.minimized and self.tray is not None and self.tray.available):
            self.show_window()
        else:
            window.hide()
        for slot in self.slots:
            if slot.store is not None:
                await self._start_store(slot)
        self.started.emit()

    def _say_none_opened(self) -> None:
        lines = "\n".join(f"• {s.name}: {engine_words(s.problem)}" for s in self.slots)
        box = self.show_problem(self.tr("No store can be opened"), self.tr(
            "None of the stores of this installation could be opened:\n{stores}").format(stores=lines),
            critical=True)
        box.finished.connect(self.request_quit)

    async def _settings_of(self, slot: StoreSlot) -> Settings | None:
        assert slot.store is not None
        if self.demo is not None:
            return await off_thread(self.demo.prepare, slot.store, slot.name,
                                    lambda name: self._secrets_of(slot.paths, name))
        return slot.store.load_settings()

    async def _start_store(self, slot: StoreSlot) -> None:
        """Start one store's sync; what keeps it from running is said in its own health."""
        settings = await self._settings_of(slot)
        if settings is None or not settings.is_configured:
            slot.not_running(self.tr("The setup of this store was not finished. Choose it, then open Settings."))
            return
        try:
            await self._start_sync(slot, settings)
        except SyncError as exc:
            log.warning("store %s did not start: %s", slot.name, exc)
            slot.not_running(f"{engine_words(exc.message)} {engine_words(exc.action)}", settings.stock_locations)

    async def _start_watching(self) -> None:
        """The window on a service's data: no engine, no wizard, nothing written; each store's log and figures
        follow the service."""
        opened = [s for s in self.slots if s.store is not None]
        if not opened:
            self._say_none_opened()
            return
        for slot in opened:
            assert slot.store is not None and slot.control is not None
            await off_thread(keep_from_writing, slot.store)
            slot.control.read_only = True
            slot.watching(ServiceWatch(slot.store, self.paths.lock_file, self.tasks, name=slot.name, parent=slot))
        window = self._ensure_window()
        window.set_watch_only(self.tr(
            "Watching the sync that runs as a service on this computer. The log, the order timelines and the "
            "export work as usual; pausing, Sync now, Retry, Dismiss and settings belong to the service."),
            self.watch_reason())
        for slot in opened:
            assert slot.watch is not None
            view = window.views[slot.name]
            assert view.log_model is not None
            slot.watch.rows_stored.connect(view.log_model.rows_stored)
            window.follow(slot.watch.health(), slot.name)
        if not (self.minimized and self.tray is not None and self.tray.available):
            self.show_window()
        for slot in opened:
            assert slot.watch is not None
            slot.watch.start()
        self.started.emit()

    def watch_reason(self) -> str:
        """Why a command is off while watching, and how to get it back."""
        return self.tr(
            "The sync runs as a service on this computer, so this belongs to the service. To change it, stop "
            "the service (Linux: systemctl --user stop epages-sync; Windows: nssm stop epages-sync, or End in "
            "Task Scheduler), then open epages-sync again: the window then runs the sync itself.")

    async def _start_sync(self, slot: StoreSlot, settings: Settings) -> None:
        assert slot.control is not None
        secrets = self._secrets_of(slot.paths, settings.store_name or "")
        try:
            client_secret, afosto_key = await off_thread(lambda: (secrets.client_secret(), secrets.afosto_key()))
            available = await off_thread(lambda: secrets.available)
        except SecretStoreUnavailable as exc:
            client_secret = afosto_key = None
            available = False
            log.warning("password store unavailable: %s", exc)
        if not client_secret or not afosto_key:
            reason = (self.tr("This computer has no secure password store, so the client secret and the API key "
                              "cannot be kept. Install or unlock one, then open Settings.") if not available
                      else self.tr("The ePages client secret or the Afosto API key is not saved on this computer. "
                                   "Enter them again under Settings."))
            slot.not_running(reason, settings.stock_locations)
            if not self.several_stores:  # several: the store says so, and Settings opens when it is chosen
                self.open_setup()
            return
        await slot.control.start(settings, client_secret=client_secret, afosto_key=afosto_key)

    # -- windows ---------------------------------------------------------------------------------------

    def _ensure_window(self) -> MainWindow:
        if self.window is None:
            first = next(s for s in self.slots if s.store is not None)
            assert first.store is not None and first.control is not None
            note = None
            if self.demo is not None:
                note = self.tr("DEMO — a simulated shop and warehouse running inside this app. Nothing reaches a "
                               "real shop, and the demo starts over each time it is opened.")
            self.window = MainWindow(first.store, first.control, self.actions, self.tasks,
                                     data_dir=str(first.paths.data_dir), demo_note=note, store_name=first.name)
            for slot in self.slots:
                if slot is not first:
                    self._add_view(slot)
            self.window.quit_requested.connect(self.request_quit)
            self.window.hidden_to_tray.connect(self._on_hidden_to_tray)
            self.window.store_chosen.connect(self._on_store_chosen)
            self.tray = SyncTray(self.actions, parent=self)
            self.tray.show()
            self.window.closes_to_tray = self.tray.available
            self.window.choose_store(first.name)
            for slot in self.slots:
                self._on_health(slot.name, slot.health())
        return self.window

    def _add_view(self, slot: StoreSlot) -> None:
        assert self.window is not None
        self.window.add_store(slot.name, slot.store, slot.control, data_dir=str(slot.paths.data_dir),
                              index=self.slots.index(slot))
        self.window.follow(slot.health(), slot.name)

    def _on_store_chosen(self, name: str) -> None:
        slot = self.slot(name)
        if slot is not None:
            self.chosen = slot

    def show_window(self) -> None:
        if self.window is None and not any(s.store is not None for s in self.slots):
            return
        window = self._ensure_window()
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()

    @property
    def quitting(self) -> bool:
        return self._shutting_down

    def bring_to_front(self) -> None:
        """The app was started again: show what this copy has open, rather than a second copy."""
        if self._shutting_down:
            return
        self.minimized = False  # still starting: the window opens when it is ready
        if self.window is None and self.wizard is None:
            return
        if self.window is not None:
            self.show_window()
        for dialog in (self.settings_dialog, self.wizard):
            if dialog is not None:
                dialog.show()
                dialog.setWindowState(dialog.windowState() & ~Qt.WindowState.WindowMinimized)
                dialog.raise_()
                dialog.activateWindow()

    def open_wizard(self, *, first_run: bool, initial: Settings | None, client_secret: str = "",
                    afosto_key: str = "", slot: StoreSlot | None = None, new_store: bool = False) -> SetupWizard:
        """The setup pages for ``slot`` (the chosen store by default), or for a store the installation does
        not have yet (``new_store``)."""
        if self.wizard is not None:
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        slot = None if new_store else (slot or self.chosen)
        store = slot.store if slot is not None else None
        folder = slot.paths if slot is not None else self.paths
        # A store added to an installation that runs against a sandbox talks to that sandbox too.
        like = initial or (self.chosen.control.settings if self.chosen and self.chosen.control else None)
        context = SetupContext(
            store=store, initial=initial, client_secret=client_secret, afosto_key=afosto_key,
            sandbox_url=like.sandbox_url if like is not None and like.sandbox_url else (
                self.demo.url if self.demo is not None else None),
            transport=self._transport, demo=self.demo is not None,
            save_draft=store.save_settings if first_run and store is not None else None,
            secrets_for=lambda name: self._secrets_of(folder, name),
            taken_names=frozenset(s.name for s in self.slots if s is not slot and s.name),
            fixed_name=slot.name if slot is not None and slot.name and self.several_stores else None,
            save_new=self._save_new_store if new_store else None)
        wizard = SetupWizard(context, parent=self.window if self.window is not None else None)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.setup_saved.connect(self._on_setup_saved)
        wizard.finished.connect(lambda result: self._on_wizard_closed(first_run, result))
        self.wizard = wizard
        self._wizard_slot = slot
        wizard.show()
        return wizard

    def open_add_store(self) -> SetupWizard | None:
        """"Add store…": the same setup pages for a store this installation does not have yet; Finish makes
        its folder and starts its sync beside the others."""
        if self.wizard is not None:
            self.wizard.raise_()
            return self.wizard
        if self.watch_only or self._shutting_down or not self.slots:
            return None
        if self.settings_dialog is not None:
            self.settings_dialog.accept()
        return self.open_wizard(first_run=False, initial=None, new_store=True)

    def _save_new_store(self, settings: Settings, client_secret: str, afosto_key: str,
                        names: dict[str, str]) -> None:
        """Finish of "Add store…" (blocking: the wizard runs it off the GUI thread). The store's folder, then
        its secrets and settings; when anything fails, the folder goes again and the error is the wizard's."""
        folder = add_store_folder(self.paths, settings.store_name or "")
        try:
            store = open_store(folder.paths)
            try:
                save_setup(store, settings, client_secret, afosto_key,
                           lambda name: self._secrets_of(folder.paths, name), names)
            except BaseException:
                store.close()
                raise
        except BaseException:
            remove_store_folder(self.paths, folder.name)  # nothing half made stays behind
            raise
        self._added = (folder, store)

    def open_settings(self) -> None:
        """Settings of the chosen store: this computer's choices and the way to the setup; the setup itself
        while nothing is set up."""
        for dialog in (self.wizard, self.settings_dialog):
            if dialog is not None:
                dialog.raise_()
                dialog.activateWindow()
                return
        slot = self.chosen
        if slot is None or self._shutting_down or self.watch_only:
            return
        if slot.store is None or slot.control is None:
            self.show_problem(self.tr("Store {store} is not open").format(store=slot.name),
                              engine_words(slot.problem))
            return
        settings = slot.control.settings or slot.store.load_settings()
        if settings is None or not settings.is_configured:
            self.open_setup()
            return
        dialog = SettingsDialog(self.computer, settings, demo=self.demo is not None, parent=self.window,
                                other_stores=[s.name for s in self.slots if s is not slot and s.name])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.change_setup_requested.connect(self.open_setup)
        dialog.add_store_requested.connect(self.open_add_store)
        dialog.remove_all_confirmed.connect(self.remove_all_data)
        dialog.destroyed.connect(lambda: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.show()

    def open_setup(self) -> None:
        """The wizard's pages for the chosen store, filled in with what is set up (the secrets read off the GUI
        thread)."""
        if self.wizard is not None:
            self.wizard.raise_()
            return
        if self.watch_only or self.chosen is None:
            return
        self.tasks.start("app.settings", self._open_setup(self.chosen))

    async def _open_setup(self, slot: StoreSlot) -> None:
        if slot.store is None or slot.control is None:
            return
        settings = slot.control.settings or slot.store.load_settings()
        secrets = self._secrets_of(slot.paths, settings.store_name or "") if settings is not None else None
        client_secret = afosto_key = ""
        if secrets is not None:
            client_secret, afosto_key = await off_thread(
                lambda: (secrets.client_secret() or "", secrets.afosto_key() or ""))
        self.open_wizard(first_run=False, initial=settings, client_secret=client_secret, afosto_key=afosto_key,
                         slot=slot)

    def _on_setup_saved(self, settings: Settings, client_secret: str, afosto_key: str) -> None:
        slot = self._wizard_slot
        if slot is None:  # a new store: its folder and database were made at Finish
            added, self._added = self._added, None
            if added is None:
                return
            folder, store = added
            slot = self._new_slot(folder.name, folder.paths)
            slot.opened(store)
            if self.window is not None:
                self._add_view(slot)
                self.window.choose_store(slot.name)
            self._show_tray_state()
        elif not slot.name:  # the first setup of the installation
            slot.rename(settings.store_name or "")
        self.show_window()
        control = slot.control
        assert control is not None
        self.tasks.start(f"app.restart_sync.{slot.name}", control.start(settings, client_secret=client_secret,
                                                                        afosto_key=afosto_key))

    def _on_wizard_closed(self, first_run: bool, result: int) -> None:
        self.wizard = None
        self._wizard_slot = None
        if first_run and result != SetupWizard.DialogCode.Accepted and self.window is None:
            # Nothing to show without a setup; what was typed (but no secret) is kept for the next start.
            self.request_quit()

    # -- following the sync ------------------------------------------------------------------------------

    def _on_health(self, name: str, health: Health) -> None:
        self.healths[name] = health
        if self.window is not None:
            self.window.follow(health, name)
            self._show_tray_state()
            if self.tray is not None:
                self.tray.consider(name, health)
        notices = self.dialog_notices.setdefault(name, AttentionNotices())
        for notice in notices.consider(health):
            if notice.kind == "attention":
                title = self.tr("epages-sync needs you")
                if self.several_stores:
                    title = self.tr("Store {store}: {title}").format(store=name, title=title)
                self.show_problem(title, engine_words(notice.message))

    def _show_tray_state(self) -> None:
        """The tray shows the worst store's state; its commands act on all stores when there are several."""
        if self.window is None or self.tray is None:
            return
        stores = [(s.name, self.healths.get(s.name) or s.health()) for s in self.slots]
        self.tray.set_several_stores(self.several_stores)
        self.tray.follow_stores(stores, self.window.health_bar.state_text)
        self.actions.follow_all([health.state for _name, health in stores])

    def _on_pause_hour(self) -> None:
        if self.control is not None:
            self.control.pause(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))

    def _on_pause(self) -> None:
        if self.control is not None:
            self.control.pause()

    def _on_resume(self) -> None:
        if self.control is not None:
            self.control.resume()

    def _on_sync_now(self) -> None:
        if self.control is not None:
            self.control.sync_now()

    def _folder_of(self, store_name: str) -> AppPaths:
        """The data folder of a store of this installation (the installation's own for one it does not know)."""
        slot = next((s for s in self.slots if s.name == store_name), None)
        return slot.paths if slot is not None else self.paths

    def _on_hidden_to_tray(self) -> None:
        if self.tray is not None and not self._tray_hint_given:
            self._tray_hint_given = True
            self.tray.say(self.tr("epages-sync keeps running"), self.tr(
                "The sync goes on in the background. Open the window again from the tray icon; quit from its "
                "menu."))

    # -- problems --------------------------------------------------------------------------------------

    def show_problem(self, title: str, message: str, *, critical: bool = False) -> QMessageBox:
        """A dialog that does not block the sync (the loop keeps running while it is open)."""
        self.problems_shown.append((title, message))
        parent: QWidget | None = self.window
        box = QMessageBox(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowIcon(icon("app"))
        box.open()
        return box

    def report_failure(self, where: str, exc: BaseException) -> None:
        """Something failed that nobody expected: into the log file, the log view, and a dialog."""
        log.error("%s failed", where, exc_info=exc)
        text = f"{type(exc).__name__}: {exc}"
        if self.store is not None and not self.watch_only:  # a watching window never writes the service's log
            try:
                self.store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.ERROR,
                                          message=f"The window's work '{where}' failed: {text}. "
                                                  "Send the log file to support if it happens again."))
            except Exception:  # the store itself may be what failed
                log.exception("could not log the failure of %s", where)
        self.show_problem(self.tr("Something went wrong"), self.tr(
            "{where} failed: {error}\n\nThe sync itself goes on. The details are in the log file in {folder}."
        ).format(where=where, error=text, folder=self.paths.log_dir))

    def _on_task_failed(self, name: str, exc: object) -> None:
        if isinstance(exc, BaseException):
            self.report_failure(name, exc)

    # -- removing everything ---------------------------------------------------------------------------

    def remove_all_data(self) -> None:
        """Confirmed in Settings: stop the sync, remove all data, say what went, then quit."""
        if self._shutting_down or self.watch_only:
            return
        self.tasks.start("app.remove_all", self._remove_all_data())

    async def _remove_all_data(self) -> None:
        await self.shutdown()  # the sync stopped, the windows closed and the database closed: files can go
        for slot in self.slots:
            slot.store = None
        try:
            report = await off_thread(self.computer.remove_all_data,
                                      lambda name: self._secrets_of(self._folder_of(name), name))
        except AlreadyRunning as exc:
            box = self._last_word(QMessageBox.Icon.Warning, self.tr("Nothing was removed"), self.tr(
                "Another copy of epages-sync uses this data. Quit it first (tray icon > Quit, or stop the "
                "service), then start epages-sync again and remove the data.") + "\n\n" + exc.message)
        else:
            self.removal_report = report
            if report.complete:
                box = self._last_word(QMessageBox.Icon.Information, self.tr("All data removed"), self.tr(
                    "Everything epages-sync kept on this computer was removed. epages-sync closes now; it is "
                    "still installed and can be set up again."), details=report.text())
            else:
                failed = "\n".join(f"• {what}: {why}" for what, why in report.failed)
                box = self._last_word(QMessageBox.Icon.Warning, self.tr("Not everything could be removed"),
                                      self.tr("These could not be removed; delete them by hand:") + "\n" + failed,
                                      details=report.text())
            self.data_removed.emit(report)
        box.finished.connect(self._on_last_word_read)

    def _last_word(self, kind: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
        """A message shown after the windows closed; reading it ends the app."""
        self.problems_shown.append((title, text))
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowIcon(icon("app"))
        if details:
            box.setDetailedText(details)
        self.last_word = box
        box.open()
        return box

    def _on_last_word_read(self, _result: int) -> None:
        self.last_word = None
        app = QApplication.instance()
        if app is not None:
            app.quit()

    # -- stopping --------------------------------------------------------------------------------------

    def request_quit(self) -> None:
        """Quit from the menu, the window or Ctrl+C: stop the sync first, then end Qt's loop."""
        if self._shutting_down:
            return
        self.tasks.start("app.quit", self._quit())

    async def _quit(self) -> None:
        await self.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    async def shutdown(self) -> None:
        """Stop the sync (every engine task cancelled, clients closed), then close the windows and the store."""
        if self._shutting_down:
            await self._shut_down.wait()
            return
        self._shutting_down = True
        try:
            for slot in self.slots:
                if slot.watch is not None:
                    slot.watch.stop()
            # First the window's own work (a start still under way must not start the sync after this).
            pending = [t for name in self.tasks.running() if name != "app.quit"
                       and (t := self.tasks.get(name)) is not None and t is not asyncio.current_task()]
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=SHUTDOWN_SECONDS)
            # Every store stops, whatever another store's stop does.
            controls = [(s.name, s.control) for s in self.slots if s.control is not None]
            results = await asyncio.gather(*(asyncio.wait_for(c.stop(), SHUTDOWN_SECONDS) for _n, c in controls),
                                           return_exceptions=True)
            for (name, _control), result in zip(controls, results, strict=True):
                if isinstance(result, BaseException):
                    log.error("the sync of %s did not stop cleanly: %r", name, result)
            if self.wizard is not None:
                self.wizard.reject()
            if self.rebuild_question is not None:
                self.rebuild_question.reject()
            if self.settings_dialog is not None:
                self.settings_dialog.reject()
            if self.window is not None:
                self.window.allow_close()
                self.window.close()
            if self.tray is not None:
                self.tray.hide()
            for slot in self.slots:
                if slot.store is not None:
                    await off_thread(slot.store.close)
        finally:
            self.gc_pacing.stop()
            self._shut_down.set()
            self.stopped.emit()

    def finish_before_quit(self) -> None:
        """Qt is quitting (or the session ends) without going through request_quit: stop the sync here,
        running the loop until it is done, so no task is cut off mid-write."""
        if self._shut_down.is_set():
            return
        run_until_done(self.shutdown(), SHUTDOWN_SECONDS + 5)

    def _on_commit_data(self, manager: QSessionManager) -> None:
        log.info("the session ends: stopping the sync")
        self.finish_before_quit()


def run_until_done(coro: Coroutine[Any, Any, Any], timeout: float) -> None:
    """Drive the asyncio loop through Qt's event processing until ``coro`` is done (or the time is up)."""
    task = asyncio.ensure_future(coro)
    deadline = time.monotonic() + timeout
    app = QApplication.instance()
    while not task.done() and time.monotonic() < deadline and app is not None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if not task.done():
        log.error("stopping took longer than %.0f s; quitting anyway", timeout)
        task.cancel()


def speak_chosen_language(paths: AppPaths) -> WindowLanguage:
    """Install the language chosen in Settings (or the system's) before any window is built."""
    language = WindowLanguage()
    language.install(WindowPreferences.load(preferences_file(paths)).language)
    return language


def answer_second_launches(desktop: DesktopApp) -> LaunchListener | None:
    """While this copy runs, starting the app again on the same data shows this copy's window."""
    try:
        from .second_launch import LaunchListener
    except ImportError:  # Qt's network module left out of a bundle: each start then stands alone, as before
        log.warning("QtNetwork is missing: a second start cannot bring this window forward")
        return None
    listener = LaunchListener(desktop.paths.data_dir, quitting=lambda: desktop.quitting, parent=desktop)
    listener.show_requested.connect(desktop.bring_to_front)
    listener.listen()
    return listener


def _hand_over(lock: InstanceLock, paths: AppPaths, *, show: bool, starting_seconds: float | None = None) -> bool:
    """True when the copy holding ``lock`` showed its window; False when this copy now holds the lock itself.

    Raises AlreadyRunning when the holder does not answer (the service) or does not let go.
    """
    try:
        from .second_launch import Answer, hand_over
    except ImportError:
        answer = None
    else:
        answer = hand_over(paths.data_dir, show=show) if starting_seconds is None else \
            hand_over(paths.data_dir, show=show, starting_seconds=starting_seconds)
        if answer == Answer.SHOWN:
            return True
    # The holder may have quit in the meantime, or be quitting (then it said so): start once it has gone.
    deadline = time.monotonic() + (SHUTDOWN_SECONDS + 5 if answer == Answer.QUITTING else 0)
    while True:
        try:
            lock.acquire()
            return False
        except AlreadyRunning:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


def run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    """The window: wizard on a first start, otherwise the main window with the sync running."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(icon("app"))
    # The tray keeps the sync going with no window open; quitting is explicit.
    app.setQuitOnLastWindowClosed(False)
    try:
        check_folders(paths)
    except SyncError as exc:  # nowhere to keep the log or the lock: say so and stop
        QMessageBox.critical(None, engine_words(exc.title),
                             f"{engine_words(exc.message)}\n\n{engine_words(exc.action)}")
        return 1
    setup_logging(paths.log_dir)
    language = speak_chosen_language(paths)
    minimized = bool(getattr(args, "minimized", False))
    lock = InstanceLock(paths.lock_file)
    watch_only = False
    try:
        lock.acquire()
    except AlreadyRunning:
        try:
            if _hand_over(lock, paths, show=not minimized):
                log.info("already running on %s: the window there was asked to come forward", paths.data_dir)
                return 0
        except AlreadyRunning as exc:
            # Taken by a copy without a window (the service): watch it, never run a second sync. The service
            # writes the folder's log file; this window writes one of its own (see AppPaths.watch_log_file).
            setup_logging(paths.log_dir, file_name=paths.watch_log_file.name)
            log.info("watching the service: %s", exc)
            watch_only = True
    log.info("window language: %s", language.language.value)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # Keyring calls and pages of the log run here; two cores are shared with the engine's own work.
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="epages-sync"))
    try:
        with contextlib.ExitStack() as stack:
            demo: DemoShop | None = None
            if getattr(args, "demo", False) and not watch_only:  # a watching window leaves the folder as it is
                demo = DemoShop()
                stack.enter_context(demo.running())
            desktop = DesktopApp(paths, demo=demo, minimized=minimized, lock=None if watch_only else lock,
                                 watch_only=watch_only)
            listener = answer_second_launches(desktop)
            _route_unexpected_errors(loop, desktop)
            app.aboutToQuit.connect(desktop.finish_before_quit)
            app.commitDataRequest.connect(desktop._on_commit_data)
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, desktop.request_quit)
            loop.call_soon(desktop.begin)
            with loop:
                code = loop.run_forever()
            # Free the windows now, on this thread and while Qt still runs, rather than in the interpreter's
            # final collection, where the binding has been seen to trip over its own reference counts.
            sys.excepthook = sys.__excepthook__
            if listener is not None:
                listener.close()
            if desktop.window is not None:
                desktop.window.deleteLater()
            desktop.deleteLater()
            del desktop
            app.processEvents()
            gc.collect()
        return int(code or 0)
    finally:
        lock.release()
        asyncio.set_event_loop(None)


def _route_unexpected_errors(loop: asyncio.AbstractEventLoop, desktop: DesktopApp) -> None:
    """Errors nobody caught (a Qt slot, a stray callback) go to the log and a dialog, never only to stderr."""

    def on_loop_error(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError):
            desktop.report_failure(str(context.get("message") or "background work"), exc)
        else:
            log.error("event loop: %s", context.get("message"))

    def on_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            desktop.request_quit()
            return
        log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        desktop.report_failure("The window", exc)

    loop.set_exception_handler(on_loop_error)
    sys.excepthook = on_uncaught
