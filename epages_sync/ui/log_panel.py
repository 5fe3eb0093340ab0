"""The log in the main window: filters, search by order number, the table, CSV export, and the detail pane
with the redacted request and response and, for a parked item, Retry and Dismiss."""

from __future__ import annotations

import html
import json
import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..config import Flow
from ..engine.service import KNOWN_NAMES
from ..store import Store
from ..store.models import Direction, LogEntry, LogFilter, Outcome, ParkedItem
from .background import UiTasks, off_thread
from .colours import Tone, box_style
from .exchange_tree import ExchangeTree
from .icons import icon
from .log_export import export_log
from .log_model import LogCellDelegate, LogTableModel
from .log_words import (
    direction_label,
    engine_words,
    entry_outcome_label,
    flow_label,
    local_time,
    outcome_label,
)
from .sync_control import SyncControl

log = logging.getLogger(__name__)

_ALL = "__all__"


class LogDetailPane(QWidget):
    """What one log row says in full, or what several chosen rows have in common; the requests and answers
    are read when a row is chosen."""

    retry_requested = Signal(list)  # parked ids
    dismiss_requested = Signal(list)
    same_cause_requested = Signal(str)  # choose every waiting row with this cause
    timeline_requested = Signal(str)
    parked_loaded = Signal()  # the chosen row's parked item is read (the panel counts its cause then)

    def __init__(self, store: Store, tasks: UiTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._entry: LogEntry | None = None
        self._parked: ParkedItem | None = None
        self._chosen: list[int] = []  # parked ids waiting among several chosen rows
        self._setup_ui()
        self.show_entry(None)

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.parked_box = QWidget()
        self.parked_box.setObjectName("parkedBox")
        parked_layout = QVBoxLayout(self.parked_box)
        parked_layout.setContentsMargins(0, 0, 0, 0)
        self.parked_text = QLabel()
        self.parked_text.setWordWrap(True)
        self.parked_text.setStyleSheet(box_style(Tone.ATTENTION))
        self.parked_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(icon("retry"), self.tr("&Retry"))
        self.retry_button.setToolTip(self.tr("Try this again now (after you corrected the cause)."))
        self.dismiss_button = QPushButton(icon("dismiss"), self.tr("&Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Nothing more is needed: never send this, and stop asking."))
        self.retry_button.clicked.connect(self._on_retry)
        self.dismiss_button.clicked.connect(self._on_dismiss)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        self.same_cause_button = QPushButton()
        self.same_cause_button.setToolTip(self.tr("Choose every row waiting for the same reason, to retry or "
                                                  "dismiss them together."))
        self.same_cause_button.clicked.connect(self._on_same_cause)
        self.same_cause_button.hide()
        parked_layout.addWidget(self.parked_text)
        parked_layout.addLayout(buttons)
        parked_layout.addWidget(self.same_cause_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.timeline_button = QPushButton(icon("timeline"), "")
        self.timeline_button.clicked.connect(self._on_timeline)

        self.exchange_caption = QLabel(self.tr("Requests and answers (secrets removed)"))
        self.exchange = ExchangeTree()

        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(self.parked_box)
        layout.addWidget(self.timeline_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.exchange_caption)
        layout.addWidget(self.exchange, 1)

    @property
    def entry(self) -> LogEntry | None:
        return self._entry

    def set_watch_only(self, reason: str) -> None:
        """Retry and Dismiss change what the service does: only the copy that runs the sync offers them."""
        for button in (self.retry_button, self.dismiss_button):
            button.setEnabled(False)
            button.setToolTip(reason)

    def show_entry(self, entry: LogEntry | None) -> None:
        self._entry = entry
        self._parked = None
        self._chosen = []
        self.parked_box.hide()
        self.same_cause_button.hide()
        self._tasks.cancel("detail.load")
        if entry is None:
            self.title.setText(self.tr("Choose a row to see everything about it."))
            for w in (self.facts, self.message, self.timeline_button, self.exchange_caption, self.exchange):
                w.hide()
            return
        for w in (self.facts, self.message, self.exchange_caption, self.exchange):
            w.show()
        self.title.setText(self.tr("Order {number}").format(number=entry.epages_ref) if entry.epages_ref
                           else flow_label(entry.flow))
        facts = [local_time(entry.at), direction_label(entry.direction), flow_label(entry.flow),
                 entry_outcome_label(entry)]
        if entry.afosto_ref:
            facts.append(self.tr("Afosto: {ref}").format(ref=entry.afosto_ref))
        self.facts.setText(" · ".join(html.escape(f) for f in facts))
        self.message.setText(engine_words(entry.text))
        self.timeline_button.setVisible(bool(entry.epages_ref))
        self.timeline_button.setText(self.tr("Everything about order {number}…").format(number=entry.epages_ref))
        self.exchange.show_message(self.tr("Loading…"))
        self._tasks.start("detail.load", self._load(entry))

    def show_many(self, entries: list[LogEntry]) -> None:
        """Several rows chosen: what they have in common, and Retry or Dismiss for those waiting."""
        self.show_entry(None)
        waiting = list(dict.fromkeys(e.parked_id for e in entries if e.needs_attention and e.parked_id is not None))
        self._chosen = waiting
        self.title.setText(self.tr("{n} rows chosen").format(n=len(entries)))
        self.parked_box.setVisible(True)
        self.parked_text.setText(
            self.tr("None of them waits for a person.") if not waiting else
            self.tr("1 of them waits for a person: Retry or Dismiss it.") if len(waiting) == 1 else
            self.tr("{n} of them wait for a person: Retry or Dismiss them together.").format(n=len(waiting)))
        self.parked_text.setStyleSheet(box_style(Tone.ATTENTION if waiting else Tone.MUTED))
        self.retry_button.setVisible(bool(waiting))
        self.dismiss_button.setVisible(bool(waiting))

    def set_same_cause_count(self, count: int) -> None:
        """How many loaded rows wait for the same reason as the chosen one (the button shows from two on)."""
        self.same_cause_button.setVisible(count > 1 and self._parked is not None and self._parked.status == "open")
        self.same_cause_button.setText(self.tr("Choose all {n} with this cause").format(n=count))

    def _read(self, entry: LogEntry) -> tuple[Any, ParkedItem | None, dict[str, str]]:
        detail = self._store.log_detail(entry.id) if entry.has_detail else None
        parked = self._store.get_parked(entry.parked_id) if entry.parked_id is not None else None
        try:
            names = json.loads(self._store.get_state(KNOWN_NAMES) or "{}")
        except ValueError:
            names = {}
        return detail, parked, names if isinstance(names, dict) else {}

    async def _load(self, entry: LogEntry) -> None:
        detail, parked, names = await off_thread(self._read, entry)
        if self._entry is None or self._entry.id != entry.id:
            return
        self._parked = parked
        parked_exchange = None if parked is None else {"request": parked.request, "response": parked.response}
        if not self.exchange.show_exchanges(detail, parked_exchange, names):
            self.exchange.show_message(self.tr("No request or response was stored for this entry."))
        self._show_parked(parked)
        self.parked_loaded.emit()

    def _show_parked(self, parked: ParkedItem | None) -> None:
        waiting = parked is not None and parked.status == "open"
        self.parked_box.setVisible(parked is not None)
        if parked is None:
            return
        if waiting:
            times = (self.tr(" It happened {n} times.").format(n=parked.times) if parked.times > 1 else "")
            same = parked.message.strip() == (self._entry.message.strip() if self._entry else "")
            text = self.tr("Waiting for a person.") + times + " "
            if not same:
                text += engine_words(parked.message) + " "
            text += self.tr("Put the cause right, then Retry; or Dismiss if nothing more is needed.")
            self.parked_text.setText(text)
        else:
            self.parked_text.setText(self.tr("Settled ({status}). Nothing more to do here.").format(
                status={"retried": self.tr("retried"), "dismissed": self.tr("dismissed"),
                        "resolved": self.tr("solved by the sync")}.get(str(parked.status), str(parked.status))))
            self.same_cause_button.hide()
        self.parked_text.setStyleSheet(box_style(Tone.ATTENTION if waiting else Tone.MUTED))
        self.retry_button.setVisible(waiting)
        self.dismiss_button.setVisible(waiting)

    def settled(self, parked_ids: list[int], status: str) -> None:
        """Retry or Dismiss went through: show it at once, without waiting for a reload."""
        if self._parked is not None and self._parked.id in parked_ids:
            self._parked = self._parked.model_copy(update={"status": status})
            self._show_parked(self._parked)
        elif self._chosen and set(self._chosen) <= set(parked_ids):
            self._chosen = []
            self.parked_text.setText(self.tr("Settled ({status}). Nothing more to do here.").format(
                status=self.tr("retried") if status == "retried" else self.tr("dismissed")))
            self.parked_text.setStyleSheet(box_style(Tone.MUTED))
            self.retry_button.hide()
            self.dismiss_button.hide()

    def _targets(self) -> list[int]:
        if self._chosen:
            return list(self._chosen)
        return [self._parked.id] if self._parked is not None else []

    def _on_retry(self) -> None:
        if targets := self._targets():
            self.retry_requested.emit(targets)

    def _on_dismiss(self) -> None:
        if targets := self._targets():
            self.dismiss_requested.emit(targets)

    def _on_same_cause(self) -> None:
        if self._parked is not None and self._parked.cause:
            self.same_cause_requested.emit(self._parked.cause)

    def _on_timeline(self) -> None:
        if self._entry is not None and self._entry.epages_ref:
            self.timeline_requested.emit(self._entry.epages_ref)


class LogPanel(QWidget):
    """Filters above the table, the table, and the detail pane beside it."""

    timeline_requested = Signal(str)
    export_finished = Signal(str, int)  # path, rows written
    problem = Signal(str, str)  # title, message: for the window to show

    def __init__(self, model: LogTableModel, store: Store, control: SyncControl, tasks: UiTasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._store = store
        self._control = control
        self._tasks = tasks
        self._export_stop: threading.Event | None = None
        self._setup_ui()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._on_filters_changed)
        model.count_changed.connect(self._on_count_changed)
        model.rowsAboutToBeInserted.connect(self._on_rows_about_to_arrive)
        model.rowsInserted.connect(self._on_rows_arrived)
        model.modelReset.connect(lambda: self.detail.show_entry(None))

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.flow_filter = QComboBox()
        self.flow_filter.addItem(self.tr("All flows"), _ALL)
        for flow in Flow:
            self.flow_filter.addItem(flow_label(flow.value), flow.value)
        self.direction_filter = QComboBox()
        self.direction_filter.addItem(self.tr("Both directions"), _ALL)
        for direction in Direction:
            self.direction_filter.addItem(direction_label(direction), direction.value)
        self.outcome_filter = QComboBox()
        self.outcome_filter.addItem(self.tr("Every outcome"), _ALL)
        for outcome in (Outcome.PARKED, Outcome.ERROR, Outcome.RETRYING, Outcome.SKIPPED, Outcome.OK,
                        Outcome.INFO):
            self.outcome_filter.addItem(outcome_label(outcome), outcome.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find an order number or Afosto reference"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.attention_first = QCheckBox(self.tr("Needs a person &first"))
        self.count_label = QLabel()
        self.export_button = QPushButton(icon("export"), self.tr("&Export CSV…"))
        for widget, label in ((self.flow_filter, self.tr("Flow")), (self.direction_filter, self.tr("Direction")),
                              (self.outcome_filter, self.tr("Outcome"))):
            widget.setAccessibleName(label)
            widget.setToolTip(label)
            widget.currentIndexChanged.connect(self._on_filters_changed)
            bar.addWidget(widget)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._on_filters_changed)
        self.attention_first.toggled.connect(self._on_filters_changed)
        self.export_button.clicked.connect(self._on_export)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.attention_first)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(LogCellDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once (Shift, Ctrl), to retry or dismiss them together.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        # One fixed row height: the view never measures rows, whatever the log's length.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # "What happened" says the most: it takes whatever width the others leave.
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # The message says the most: the other columns get just what their usual content needs.
        fm = self.fontMetrics()
        samples = {LogTableModel.TIME: "00:00:00", LogTableModel.DIRECTION: direction_label(Direction.EPAGES_TO_AFOSTO),
                   LogTableModel.FLOW: flow_label(Flow.CANCELLATIONS.value), LogTableModel.ORDER: "1000000",
                   LogTableModel.AFOSTO: "AF-1000000", LogTableModel.OUTCOME: outcome_label(Outcome.PARKED)}
        for column, sample in samples.items():
            # What the usual content needs (the outcome with its icon), at least the column's title, which is
            # longer in German and Dutch than in English.
            extra = 36 if column == LogTableModel.OUTCOME else 14
            self.table.setColumnWidth(column, max(fm.horizontalAdvance(sample) + extra, header.sectionSizeHint(column)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.detail = LogDetailPane(self._store, self._tasks)
        self.detail.retry_requested.connect(self._on_retry)
        self.detail.dismiss_requested.connect(self._on_dismiss)
        self.detail.same_cause_requested.connect(self.select_same_cause)
        self.detail.parked_loaded.connect(self._on_parked_loaded)
        self.detail.timeline_requested.connect(self.timeline_requested)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        # The table (and in it "What happened") gets most of a small screen; the pane can be dragged wider.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 290])
        layout.addWidget(self.splitter, 1)

    # -- filters ---------------------------------------------------------------------------------------

    def current_filters(self) -> LogFilter:
        flow = self.flow_filter.currentData()
        direction = self.direction_filter.currentData()
        outcome = self.outcome_filter.currentData()
        return LogFilter(
            flows=frozenset() if flow in (None, _ALL) else frozenset({flow}),
            directions=frozenset() if direction in (None, _ALL) else frozenset({Direction(direction)}),
            outcomes=frozenset() if outcome in (None, _ALL) else frozenset({Outcome(outcome)}),
            search=self.search.text(), attention_first=self.attention_first.isChecked())

    def _on_filters_changed(self, *_args: object) -> None:
        self._search_timer.stop()
        self.model.set_filters(self.current_filters())

    def _on_count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("1 entry") if count == 1 else
                                 self.tr("{n} entries").format(n=QLocale().toString(count)))

    # -- keeping the reader's place while rows arrive on top -------------------------------------------

    def _on_rows_about_to_arrive(self, _parent: QModelIndex, first: int, _last: int) -> None:
        bar = self.table.verticalScrollBar()
        self._was_at_top = bar.value() == 0
        self._arriving_on_top = first < self.model.rowCount()

    def _on_rows_arrived(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not getattr(self, "_arriving_on_top", False):
            return
        bar = self.table.verticalScrollBar()
        if self._was_at_top:
            # Someone watching the newest rows: keep memory bounded by letting the oldest loaded rows go.
            QTimer.singleShot(0, lambda: self.model.trim_older(5000) if bar.value() == 0 else None)
        else:
            # Someone reading older rows: keep them where they are on screen.
            bar.setValue(bar.value() + (last - first + 1) * self.table.verticalHeader().defaultSectionSize())

    # -- selection, detail, actions -----------------------------------------------------------------------

    def selected_entries(self) -> list[LogEntry]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [e for r in rows if (e := self.model.entry(r)) is not None]

    def selected_entry(self) -> LogEntry | None:
        entries = self.selected_entries()
        return entries[0] if len(entries) == 1 else None

    def select_entry(self, log_id: int) -> bool:
        row = self.model.row_of(log_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def select_rows(self, rows: list[int]) -> None:
        """Choose these rows (and only these), in one selection change."""
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def select_same_cause(self, cause: str) -> None:
        self.select_rows(self.model.waiting_with_cause(cause))

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entries = self.selected_entries()
        if len(entries) > 1:
            self.detail.show_many(entries)
        else:
            self.detail.show_entry(entries[0] if entries else None)

    def _on_parked_loaded(self) -> None:
        entry = self.detail.entry
        if entry is not None and entry.needs_attention and entry.parked_cause:
            self.detail.set_same_cause_count(len(self.model.waiting_with_cause(entry.parked_cause)))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry is not None and entry.epages_ref:
            self.timeline_requested.emit(entry.epages_ref)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        entry = self.model.entry(index.row()) if index.isValid() else None
        if entry is None:
            return
        menu = QMenu(self)
        chosen = self.selected_entries()
        if entry not in chosen:
            chosen = [entry]
        waiting = list(dict.fromkeys(e.parked_id for e in chosen if e.needs_attention and e.parked_id is not None))
        if waiting and self.detail.retry_button.isEnabled():
            retry = QAction(icon("retry"), self.tr("Retry ({n})").format(n=len(waiting)), menu)
            retry.triggered.connect(lambda: self._on_retry(waiting))
            dismiss = QAction(icon("dismiss"), self.tr("Dismiss ({n})").format(n=len(waiting)), menu)
            dismiss.triggered.connect(lambda: self._on_dismiss(waiting))
            menu.addActions([retry, dismiss])
        if entry.needs_attention and entry.parked_cause:
            same = self.model.waiting_with_cause(entry.parked_cause)
            if len(same) > 1:
                choose = QAction(self.tr("Choose all {n} with this cause").format(n=len(same)), menu)
                cause = entry.parked_cause
                choose.triggered.connect(lambda: self.select_same_cause(cause))
                menu.addAction(choose)
        if entry.epages_ref:
            action = QAction(icon("timeline"), self.tr("Everything about order {number}…").format(
                number=entry.epages_ref), menu)
            action.triggered.connect(lambda: self.timeline_requested.emit(entry.epages_ref or ""))
            menu.addAction(action)
        if menu.actions():
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_retry(self, parked_ids: list[int]) -> None:
        self._settle(parked_ids, self._control.retry_items(parked_ids), "retried", self.tr("Nothing to retry"))

    def _on_dismiss(self, parked_ids: list[int]) -> None:
        self._settle(parked_ids, self._control.dismiss_items(parked_ids), "dismissed",
                     self.tr("Nothing to dismiss"))

    def _settle(self, asked: list[int], done: list[int], status: str, title: str) -> None:
        if done:
            self.model.mark_settled(done, status)
            self.detail.settled(done, status)
        if not done:
            self.problem.emit(title, self.tr("This item was already retried, dismissed or solved.") if len(asked) == 1
                              else self.tr("These items were already retried, dismissed or solved."))

    # -- export -------------------------------------------------------------------------------------------

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the log"), str(Path.home() / "epages-sync-log.csv"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the rows the current filter matches (all of them, not only the loaded ones)."""
        if self._export_stop is not None:
            self._export_stop.set()
        self._export_stop = threading.Event()
        self.export_button.setEnabled(False)
        self.export_button.setText(self.tr("Exporting…"))
        self._tasks.start("log.export", self._export(path, self.model.filters, self._export_stop))

    async def _export(self, path: Path, filters: LogFilter, stop: threading.Event) -> None:
        # German and Dutch spreadsheets split on ";" (the comma is their decimal sign).
        delimiter = ";" if QLocale().decimalPoint() == "," else ","
        header = self.model.column_titles()
        try:
            written = await off_thread(
                export_log, self._store, filters, path, header=header, delimiter=delimiter, stop=stop,
                row_texts=lambda e: [e.at.astimezone().isoformat(timespec="seconds")] +
                [LogTableModel.cell_text(e, c) for c in range(1, LogTableModel.COLUMN_COUNT)])
        except OSError as exc:
            self.problem.emit(self.tr("Export failed"),
                              self.tr("The file {path} could not be written: {error}").format(
                                  path=path, error=exc.strerror or exc))
            return
        finally:
            self.export_button.setEnabled(True)
            self.export_button.setText(self.tr("&Export CSV…"))
        self.export_finished.emit(str(path), written)

    def set_watch_only(self, reason: str) -> None:
        self.detail.set_watch_only(reason)

    def close_panel(self) -> None:
        if self._export_stop is not None:
            self._export_stop.set()
