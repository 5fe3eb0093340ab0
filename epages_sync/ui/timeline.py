"""An order's timeline: everything the sync did for one ePages order, oldest first, in one window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store import Store
from ..store.models import LogEntry
from .background import UiTasks, off_thread
from .colours import Tone, tone
from .icons import icon
from .log_model import LogTableModel
from .log_words import engine_words, outcome_icon_name

_COLUMNS = (LogTableModel.TIME, LogTableModel.DIRECTION, LogTableModel.FLOW, LogTableModel.AFOSTO,
            LogTableModel.OUTCOME, LogTableModel.MESSAGE)


class TimelineModel(QAbstractTableModel):
    """A fixed list of entries (one order's), in the log's columns minus the order number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LogEntry] = []

    def set_entries(self, entries: list[LogEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> LogEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Time"), self.tr("Direction"), self.tr("Flow"), self.tr("Afosto reference"),
                  self.tr("Outcome"), self.tr("What happened")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return LogTableModel.cell_text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == LogTableModel.MESSAGE:
            return engine_words(entry.text)
        if role == Qt.ItemDataRole.DecorationRole and column == LogTableModel.OUTCOME:
            return icon(outcome_icon_name(entry.outcome))
        if role == Qt.ItemDataRole.ForegroundRole and entry.needs_attention:
            return tone(Tone.ATTENTION)
        return None


class OrderTimelineDialog(QDialog):
    def __init__(self, store: Store, order_number: str, tasks: UiTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self.order_number = order_number
        self.model = TimelineModel(self)
        self._setup_ui()
        self.refresh()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Order {number}: everything that happened").format(number=self.order_number))
        self.resize(1000, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 120, 105, 115, 130)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(icon("sync-now"), self.tr("&Refresh"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        self._tasks.start(f"timeline.{id(self)}", self._load())

    async def _load(self) -> None:
        entries = await off_thread(self._store.log_for_order, self.order_number)
        self.model.set_entries(entries)
        if not entries:
            self.summary.setText(self.tr("Nothing was logged for order {number}.").format(number=self.order_number))
            return
        waiting = sum(1 for e in entries if e.needs_attention)
        text = (self.tr("One entry, from the first time the sync saw order {number} until now.")
                .format(number=self.order_number) if len(entries) == 1 else
                self.tr("{n} entries, from the first time the sync saw order {number} until now.")
                .format(n=len(entries), number=self.order_number))
        if waiting:
            text += " " + (self.tr("One of them waits for a person.") if waiting == 1 else
                           self.tr("{n} of them wait for a person.").format(n=waiting))
        self.summary.setText(text)
