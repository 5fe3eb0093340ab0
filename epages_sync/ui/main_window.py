"""The main window: the sync's health and commands on top, the live log below."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import sqlite3

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSizePolicy, QToolButton, QVBoxLayout, QWidget

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
from .sync_actions import SyncActions
from .sync_control import SyncControl
from .timeline import OrderTimelineDialog

log = logging.getLogger(__name__)

# Where the window's size and place are kept between runs (engine_state: it belongs to this data folder).
GEOMETRY_KEY = "window.geometry"
# The size the window would like; never more than the screen offers.
PREFERRED_SIZE = QSize(1280, 800)


class MainWindow(QMainWindow):
    """Shows what the sync does; every command goes out through ``SyncActions`` or ``SyncControl``."""

    quit_requested = Signal()
    hidden_to_tray = Signal()

    def __init__(self, store: Store, control: SyncControl, actions: SyncActions, tasks: UiTasks, *,
                 data_dir: str = "", demo_note: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.control = control
        self.sync_actions = actions  # not "actions": that would hide QWidget.actions()
        self.tasks = tasks
        self.closes_to_tray = False  # set by the app when a tray icon can bring the window back
        self._quitting = False
        self._data_dir = data_dir
        self._demo_note = demo_note
        self.timelines: list[OrderTimelineDialog] = []
        self.log_model = LogTableModel(store, tasks=tasks, parent=self)
        self.quit_question: QMessageBox | None = None
        self._placed = False
        self._setup_ui()
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

        self.day_chart = DayChart(self.store, self.tasks)
        self.log_model.rows_arrived.connect(lambda _n: self.day_chart.rows_arrived())
        self.log_model.first_page_loaded.connect(self.day_chart.rows_arrived)
        layout.addWidget(self.day_chart)

        self.log_panel = LogPanel(self.log_model, self.store, self.control, self.tasks)
        self.log_panel.timeline_requested.connect(self.open_timeline)
        self.log_panel.problem.connect(self._on_problem)
        self.log_panel.export_finished.connect(self._on_export_finished)
        layout.addWidget(self.log_panel, 1)
        self.setCentralWidget(central)

        self.folder_label = QLabel(self.tr("Data folder: {path}").format(path=self._data_dir))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.folder_label)

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
        self.log_panel.set_watch_only(reason)

    # -- following the sync --------------------------------------------------------------------------

    def follow(self, health: Health) -> None:
        self.health_bar.show_health(health)
        self.sync_actions.follow(health)
        # A hidden action leaves its button behind; show only the one that fits.
        self.pause_button.setVisible(self.sync_actions.pause.isVisible())
        self.resume_button.setVisible(self.sync_actions.resume.isVisible())

    def _on_clock(self) -> None:
        health = self.health_bar.health
        if health is not None and self.isVisible():
            self.health_bar.show_health(health, dt.datetime.now(dt.UTC))

    # -- dialogs ------------------------------------------------------------------------------------

    def open_timeline(self, order_number: str) -> OrderTimelineDialog:
        dialog = OrderTimelineDialog(self.store, order_number, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self.timelines.remove(dialog) if dialog in self.timelines else None)
        self.timelines.append(dialog)
        dialog.show()
        return dialog

    def open_compare(self) -> CompareDialog:
        """The "Compare both systems" view (one at a time)."""
        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.store, self.control, self.tasks, self)
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
            self.day_chart.start()
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
        text = self.store.get_state(GEOMETRY_KEY)
        if not text:
            return None
        try:
            return QByteArray(base64.b64decode(text, validate=True))
        except (binascii.Error, ValueError):
            return None

    def remember_geometry(self) -> None:
        # A window that only watches a service has the database read-only: it keeps nothing.
        if not self._placed or self.control.read_only:
            return
        try:
            self.store.set_state(GEOMETRY_KEY, base64.b64encode(bytes(self.saveGeometry().data())).decode())
        except sqlite3.Error as exc:  # a size and place are not worth a failed close
            log.warning("The window's size and place were not kept: %s", exc)

    # -- closing --------------------------------------------------------------------------------------

    def allow_close(self) -> None:
        """The app is quitting: the next close really closes."""
        self._quitting = True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_geometry()
        if self._quitting:
            self.day_chart.stop()
            self.log_panel.close_panel()
            self.log_model.close()
            event.accept()
            return
        if self.closes_to_tray:
            event.accept()
            self.hidden_to_tray.emit()
            return
        # Without a tray there would be no way back to a hidden window: closing means quitting, which stops
        # the sync. Ask first, unless nothing would stop.
        event.ignore()
        if self.control.is_running and not self.health_bar.watching:
            self.ask_before_quitting()
        else:
            self.quit_requested.emit()

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
        box.finished.connect(lambda _result: self._on_quit_answered(box))
        self.quit_question = box
        box.open()

    def _on_quit_answered(self, box: QMessageBox) -> None:
        self.quit_question = None
        if box.clickedButton() is self.quit_button:
            self.quit_requested.emit()
