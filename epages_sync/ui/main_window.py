"""The main window: the sync's health and commands on top, the live log below."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import sqlite3

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..engine.service import Health
from ..store import Store
from .background import UiTasks
from .colours import Tone, box_style
from .compare_view import CompareDialog
from .day_chart import DayChart
from .health_bar import HealthBar
from .icons import icon
from .log_model import LogTableModel
from .log_panel import LogPanel
from .log_words import engine_words
from .store_strip import StoreStrip
from .sync_actions import SyncActions
from .sync_control import SyncControl
from .timeline import OrderTimelineDialog

log = logging.getLogger(__name__)

# Where the window's size and place are kept between runs (engine_state: it belongs to this data folder).
GEOMETRY_KEY = "window.geometry"
# The size the window would like; never more than the screen offers.
PREFERRED_SIZE = QSize(1280, 800)


class StoreView(QWidget):
    """One store's picture of the day and its log; for a store whose database could not be opened, only why."""

    def __init__(self, name: str, store: Store | None, control: SyncControl | None, tasks: UiTasks, *,
                 data_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.store = store
        self.control = control
        self.tasks = tasks
        self.data_dir = data_dir
        self.started = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.log_model: LogTableModel | None = None
        self.log_panel: LogPanel | None = None
        self.day_chart: DayChart | None = None
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setStyleSheet(box_style(Tone.ATTENTION))
        self.problem_label.setVisible(store is None)
        layout.addWidget(self.problem_label)
        if store is None or control is None:
            layout.addStretch(1)
            return
        self.log_model = LogTableModel(store, tasks=tasks, parent=self)
        self.day_chart = DayChart(store, tasks)
        self.log_model.rows_arrived.connect(self._on_rows_arrived)
        self.log_model.first_page_loaded.connect(self.day_chart.rows_arrived)
        layout.addWidget(self.day_chart)
        self.log_panel = LogPanel(self.log_model, store, control, tasks)
        layout.addWidget(self.log_panel, 1)

    def _on_rows_arrived(self, _count: int) -> None:
        if self.day_chart is not None:
            self.day_chart.rows_arrived()

    def start(self) -> None:
        if not self.started and self.day_chart is not None:
            self.started = True
            self.day_chart.start()

    def close_view(self) -> None:
        if self.day_chart is not None:
            self.day_chart.stop()
        if self.log_panel is not None:
            self.log_panel.close_panel()
        if self.log_model is not None:
            self.log_model.close()


class MainWindow(QMainWindow):
    """Shows what the sync does; every command goes out through ``SyncActions`` or ``SyncControl``.

    With several stores a row of stores sits on top; the health bar, the log and the commands are those of
    the chosen store. With one store the window looks as it always did.
    """

    quit_requested = Signal()
    hidden_to_tray = Signal()
    problem = Signal(str, str)
    store_chosen = Signal(str)

    def __init__(self, store: Store, control: SyncControl, actions: SyncActions, tasks: UiTasks, *,
                 data_dir: str = "", demo_note: str | None = None, store_name: str = "") -> None:
        super().__init__()
        # The first store's database keeps the window's size and place.
        self.home_store = store
        self.sync_actions = actions  # not "actions": that would hide QWidget.actions()
        self.tasks = tasks
        self.closes_to_tray = False  # set by the app when a tray icon can bring the window back
        self._quitting = False
        self._demo_note = demo_note
        self._watch_reason = ""
        self.timelines: list[OrderTimelineDialog] = []
        self.views: dict[str, StoreView] = {}
        self.healths: dict[str, Health] = {}
        self.quit_question: QMessageBox | None = None
        self._placed = False
        self._setup_ui()
        self.add_store(store_name, store, control, data_dir=data_dir, tasks=tasks)
        # Relative times ("2 min ago") age even when nothing new is reported.
        self._clock = QTimer(self)
        self._clock.setInterval(5000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("epages-sync — DEMO") if self._demo_note else "epages-sync")
        self.setWindowIcon(icon("app"))
        central = QWidget()
        layout = QVBoxLayout(central)

        self.demo_banner = QLabel(self._demo_note or "")
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(box_style(Tone.DEMO) + " font-weight: bold;")
        self.demo_banner.setVisible(bool(self._demo_note))
        layout.addWidget(self.demo_banner)

        self.health_bar = HealthBar()
        self.store_strip = StoreStrip(self.sync_actions, self.health_bar.state_text)
        self.store_strip.store_chosen.connect(self.choose_store)
        self.store_strip.hide()
        layout.addWidget(self.store_strip)

        self.pause_button = self._tool_button(self.sync_actions.pause)
        self.pause_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.pause_button.addAction(self.sync_actions.pause_hour)
        self.pause_button.addAction(self.sync_actions.pause)
        self.resume_button = self._tool_button(self.sync_actions.resume)
        self.sync_now_button = self._tool_button(self.sync_actions.sync_now)
        self.settings_button = self._tool_button(self.sync_actions.settings)
        self.compare_button = self._tool_button(self.sync_actions.compare)
        self.sync_actions.compare.triggered.connect(self.open_compare)
        self.compare_dialog: CompareDialog | None = None
        for button in (self.pause_button, self.resume_button, self.sync_now_button, self.compare_button,
                       self.settings_button):
            self.health_bar.add_action_widget(button)
        layout.addWidget(self.health_bar)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.folder_label)
        self.problem.connect(self._on_problem)

    # -- the stores ----------------------------------------------------------------------------------

    def add_store(self, name: str, store: Store | None, control: SyncControl | None, *, data_dir: str = "",
                  tasks: UiTasks | None = None, index: int | None = None) -> StoreView:
        """A store's view (its own tasks, so two stores' logs load side by side); chosen when it is the first."""
        if tasks is None:
            tasks = UiTasks(self)
            tasks.failed.connect(self.tasks.failed)
        view = StoreView(name, store, control, tasks, data_dir=data_dir)
        if view.log_panel is not None:
            view.log_panel.timeline_requested.connect(self.open_timeline)
            view.log_panel.problem.connect(self.problem)
            view.log_panel.export_finished.connect(self._on_export_finished)
            if self._watch_reason:
                view.log_panel.set_watch_only(self._watch_reason)
        self.views[name] = view
        self.stack.addWidget(view)
        self.store_strip.add_store(name, index)
        if self._placed:
            view.start()
        self._show_store_strip()
        if len(self.views) == 1:
            self.choose_store(name)
        return view

    def remove_store(self, name: str) -> None:
        view = self.views.pop(name, None)
        if view is None:
            return
        self.healths.pop(name, None)
        self.store_strip.remove_store(name)
        view.close_view()
        self.stack.removeWidget(view)
        view.deleteLater()
        if self.views:
            self.choose_store(self.current_name)
        self._show_store_strip()

    def _show_store_strip(self) -> None:
        """The row of stores, and the store's name in the headline, only when there are several."""
        several = len(self.views) > 1
        self.store_strip.setVisible(several)
        if self.stack.currentWidget() is not None:
            view = self.current
            self.health_bar.store_name = view.name if several else None
            self.sync_actions.follow_store(view.name if several else None, view.store is not None)
            health = self.healths.get(view.name)
            if health is not None:
                self._show_chosen(health)

    @property
    def current(self) -> StoreView:
        view = self.stack.currentWidget()
        assert isinstance(view, StoreView)
        return view

    @property
    def current_name(self) -> str:
        return self.current.name

    def choose_store(self, name: str) -> None:
        """Show this store's health, log and commands."""
        view = self.views.get(name)
        if view is None:
            return
        self.stack.setCurrentWidget(view)
        self.store_strip.choose(name)
        self.folder_label.setText(self.tr("Data folder: {path}").format(path=view.data_dir))
        view.problem_label.setVisible(view.store is None)
        self._show_store_strip()
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.store_chosen.emit(name)

    # Each of these is the chosen store's.
    @property
    def store(self) -> Store | None:
        return self.current.store

    @property
    def control(self) -> SyncControl | None:
        return self.current.control

    @property
    def log_model(self) -> LogTableModel:
        model = self.current.log_model
        assert model is not None, "this store's database is not open"
        return model

    @property
    def log_panel(self) -> LogPanel:
        panel = self.current.log_panel
        assert panel is not None, "this store's database is not open"
        return panel

    @property
    def day_chart(self) -> DayChart:
        chart = self.current.day_chart
        assert chart is not None, "this store's database is not open"
        return chart

    def _tool_button(self, action: object) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)  # type: ignore[arg-type]
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(QSize(24, 24))
        button.setMinimumWidth(84)
        # Never cut a command's name short (German ones are long): the texts beside it wrap instead.
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        return button

    def set_watch_only(self, note: str, reason: str) -> None:
        """This window follows the sync a service runs: say so on top, and switch off what belongs to it."""
        self.setWindowTitle(self.tr("epages-sync — watching the service"))
        self.demo_banner.setText(note)
        self.demo_banner.setStyleSheet(box_style(Tone.MUTED) + " font-weight: bold;")
        self.demo_banner.setVisible(True)
        self.health_bar.watching = True
        self.sync_actions.set_watch_only(reason)
        self.pause_button.setVisible(True)
        # A button with a menu stays clickable for its menu even when its own action is off.
        self.pause_button.setEnabled(False)
        self.pause_button.setToolTip(reason)
        self.resume_button.setVisible(False)
        self._watch_reason = reason
        for view in self.views.values():
            if view.log_panel is not None:
                view.log_panel.set_watch_only(reason)

    # -- following the sync --------------------------------------------------------------------------

    def follow(self, health: Health, store_name: str | None = None) -> None:
        """A store's latest report (the chosen store's when no name is given)."""
        name = self.current_name if store_name is None else store_name
        if name not in self.views:
            return
        self.healths[name] = health
        self.store_strip.show_health(name, health)
        view = self.views[name]
        if view.store is None:  # the store could not be opened: its page says why
            view.problem_label.setText(engine_words(health.message))
        if name == self.current_name:
            self._show_chosen(health)

    def _show_chosen(self, health: Health) -> None:
        self.health_bar.show_health(health)
        self.sync_actions.follow(health)
        # A hidden action leaves its button behind; show only the one that fits.
        self.pause_button.setVisible(self.sync_actions.pause.isVisible())
        self.resume_button.setVisible(self.sync_actions.resume.isVisible())

    def _on_clock(self) -> None:
        health = self.health_bar.health
        if health is not None and self.isVisible():
            now = dt.datetime.now(dt.UTC)
            self.health_bar.show_health(health, now)
            if self.store_strip.isVisible():
                self.store_strip.refresh(now)

    # -- dialogs ------------------------------------------------------------------------------------

    def open_timeline(self, order_number: str) -> OrderTimelineDialog:
        """Everything about an order of the chosen store."""
        view = self.current
        assert view.store is not None
        dialog = OrderTimelineDialog(view.store, order_number, view.tasks, self)
        if len(self.views) > 1:
            dialog.setWindowTitle(f"{dialog.windowTitle()} — {view.name}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self.timelines.remove(dialog) if dialog in self.timelines else None)
        self.timelines.append(dialog)
        dialog.show()
        return dialog

    def open_compare(self) -> CompareDialog:
        """The "Compare both systems" view (one at a time)."""
        if self.compare_dialog is None:
            view = self.current
            assert view.store is not None and view.control is not None
            self.compare_dialog = CompareDialog(view.store, view.control, view.tasks, self)
            if len(self.views) > 1:
                self.compare_dialog.setWindowTitle(f"{self.compare_dialog.windowTitle()} — {view.name}")
            self.compare_dialog.finished.connect(lambda _r: setattr(self, "compare_dialog", None))
        else:
            self.compare_dialog.show_listed()
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        return self.compare_dialog

    def _on_problem(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_export_finished(self, path: str, rows: int) -> None:
        text = (self.tr("1 entry written to {path}").format(path=path) if rows == 1
                else self.tr("{n} entries written to {path}").format(n=rows, path=path))
        self.statusBar().showMessage(text, 15_000)

    # -- size and place -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if not self._placed:
            self._placed = True
            self.place_on_screen()
            for view in self.views.values():
                view.start()
        super().showEvent(event)

    def place_on_screen(self, available: QRect | None = None) -> None:
        """Where the window was last time, or the preferred size; within the screen's free area either way
        (a 1366x768 laptop must not lose the window's bottom under the task bar)."""
        if available is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        saved = self._saved_geometry()
        if saved is None or not self.restoreGeometry(saved):
            self.resize(PREFERRED_SIZE)
            self.move(available.center() - self.rect().center())
        # The frame (title bar, borders) counts too: fit what the person sees, not only the inside.
        frame = self.frameGeometry().size() - self.geometry().size()
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        box = self.frameGeometry()
        left = min(max(box.left(), available.left()), available.right() - box.width() + 1)
        top = min(max(box.top(), available.top()), available.bottom() - box.height() + 1)
        if (left, top) != (box.left(), box.top()):
            self.move(left, top)

    def _saved_geometry(self) -> QByteArray | None:
        text = self.home_store.get_state(GEOMETRY_KEY)
        if not text:
            return None
        try:
            return QByteArray(base64.b64decode(text, validate=True))
        except (binascii.Error, ValueError):
            return None

    def remember_geometry(self) -> None:
        # A window that only watches a service has the database read-only: it keeps nothing.
        if not self._placed or self._watch_reason:
            return
        try:
            self.home_store.set_state(GEOMETRY_KEY, base64.b64encode(bytes(self.saveGeometry().data())).decode())
        except sqlite3.Error as exc:  # a size and place are not worth a failed close
            log.warning("The window's size and place were not kept: %s", exc)

    # -- closing --------------------------------------------------------------------------------------

    def allow_close(self) -> None:
        """The app is quitting: the next close really closes."""
        self._quitting = True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_geometry()
        if self._quitting:
            for view in self.views.values():
                view.close_view()
            event.accept()
            return
        if self.closes_to_tray:
            event.accept()
            self.hidden_to_tray.emit()
            return
        # Without a tray there would be no way back to a hidden window: closing means quitting, which stops
        # the sync. Ask first, unless nothing would stop.
        event.ignore()
        if self.sync_running() and not self.health_bar.watching:
            self.ask_before_quitting()
        else:
            self.quit_requested.emit()

    def sync_running(self) -> bool:
        """Whether closing would stop a sync (of any store)."""
        return any(view.control is not None and view.control.is_running for view in self.views.values())

    def ask_before_quitting(self) -> None:
        if self.quit_question is not None:
            self.quit_question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit epages-sync?"),
                          self.tr("Closing this window quits epages-sync and stops the sync: no new orders "
                                  "reach Afosto and nothing is sent to ePages until you start it again."),
                          QMessageBox.StandardButton.NoButton, self)
        self.quit_button = box.addButton(self.tr("&Quit and stop the sync"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A slot of the window rather than a lambda holding the box: the box deletes itself when closed, and
        # a Python closure around it would keep a reference the collector may free after Qt did.
        box.finished.connect(self._on_quit_answered)
        self.quit_question = box
        box.open()

    def _on_quit_answered(self, _result: int) -> None:
        box, self.quit_question = self.quit_question, None
        if box is not None and box.clickedButton() is self.quit_button:
            self.quit_requested.emit()
