"""The live log as a table model over the store: newest first, new rows in batches, older rows on demand.

The store announces "rows up to id N are stored" (from whichever thread wrote them). The model answers with
a short timer: at each tick it reads the rows it has not shown yet, off the GUI thread, and inserts them
with one ``beginInsertRows``. Older rows come page by page through ``canFetchMore``/``fetchMore``, so a log
of a million rows costs only the pages a person scrolls through. Rows are found by their id, never by a
remembered row number, because new rows keep arriving above them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..store.models import LogEntry, LogFilter, Outcome
from .background import UiTasks, off_thread
from .colours import Tone, tone
from .icons import icon
from .log_words import (
    direction_label,
    engine_words,
    entry_outcome_label,
    flow_label,
    local_time,
    outcome_icon_name,
    seen_text,
)

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ENTRY = int(Qt.ItemDataRole.UserRole) + 1
_ROLES_ANSWERED = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, _FONT, _ENTRY})
# How often the model looks whether the day changed: yesterday's rows then show their date.
_DAY_CHECK_MS = 60_000


class LogSource(Protocol):
    """What the model reads; the store provides it (tests may give a smaller fake of the same shape)."""

    def log_page(self, before_id: int | None = None, limit: int = 200,
                 filters: LogFilter | None = None) -> list[LogEntry]: ...

    def log_after(self, after_id: int, limit: int = 200, filters: LogFilter | None = None) -> list[LogEntry]: ...

    def log_count(self, filters: LogFilter | None = None) -> int: ...

    def newest_log_id(self) -> int: ...

    def subscribe(self, callback: Callable[[int], None]) -> Callable[[], None]: ...


class LogTableModel(QAbstractTableModel):
    """Rows of the action log for a view; also usable without one (tests, export)."""

    TIME, DIRECTION, FLOW, ORDER, AFOSTO, OUTCOME, MESSAGE = range(7)
    COLUMN_COUNT = 7
    EntryRole = _ENTRY

    first_page_loaded = Signal()
    count_changed = Signal(int)
    rows_arrived = Signal(int)  # how many new rows went in at the top in one batch
    _announced = Signal(int)

    def __init__(self, source: LogSource, *, tasks: UiTasks | None = None, page_size: int = 200,
                 batch_ms: int = 150, batch_limit: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._tasks = tasks or UiTasks(self)
        self._page_size = page_size
        # Rows put in the view at once: an import's thousands arrive a hundred at a time, one batch per tick
        # (each batch is a repaint, and the rows' own work on the window's thread).
        self._batch_limit = batch_limit
        self._filters = LogFilter()
        self._rows: list[LogEntry] = []
        self._ids: set[int] = set()
        self._texts: dict[int, tuple[str, ...]] = {}  # the cells' texts by log id, made once per row
        self._texts_day = dt.date.today()
        self._day_timer = QTimer(self, interval=_DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._pinned = 0  # rows of items waiting for a person, kept on top with "needs attention first"
        self._newest_id = 0  # everything up to here that matches the filter is in the model
        self._oldest_id: int | None = None  # fetchMore continues below this id
        self._announced_id = 0
        self._exhausted = True
        self._loaded = False
        self._count = 0
        self._generation = 0
        # A burst of announcements (an import of hundreds of orders) becomes one insert per tick.
        self._batch_timer = QTimer(self)
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(batch_ms)
        self._batch_timer.timeout.connect(self._on_batch_due)
        # Store announcements may come from an executor thread; the signal hands them to the GUI thread.
        self._announced.connect(self._on_announced, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = source.subscribe(self._announced.emit)
        # Should the model go without close(), the store must stop calling into it.
        self.destroyed.connect(functools.partial(_stop_listening, self._unsubscribe))
        self.reload()

    # -- Qt's table interface ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_titles()[section] if 0 <= section < self.COLUMN_COUNT else None

    def column_titles(self) -> list[str]:
        return [self.tr("Time"), self.tr("Direction"), self.tr("Flow"), self.tr("ePages order"),
                self.tr("In Afosto"), self.tr("Outcome"), self.tr("What happened")]

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell at each repaint, and a repaint follows each batch of
        # new rows: the common answers come from a cache of the row's texts, the rest return at once.
        if role not in _ROLES_ANSWERED:
            return None
        row = index.row()  # -1 for an invalid index
        rows = self._rows
        if not 0 <= row < len(rows):
            return None
        entry = rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._row_texts(entry)[column] if 0 <= column < self.COLUMN_COUNT else None
        if role == self.EntryRole:
            return entry
        if role == _DECORATION:
            return icon(outcome_icon_name(entry.outcome)) if column == self.OUTCOME else None
        if role == _TOOLTIP:
            if column == self.MESSAGE:
                texts = self._texts.get(entry.id)
                return texts[self.MESSAGE] if texts is not None else engine_words(entry.text)
            if column == self.OUTCOME and entry.needs_attention:
                return self.tr("Waiting for a person: select the row to retry or dismiss it.")
            return None
        if not entry.needs_attention:
            return None
        if role == _FOREGROUND:
            return tone(Tone.ATTENTION)
        font = QFont()
        font.setBold(True)
        return font

    def _row_texts(self, entry: LogEntry) -> tuple[str, ...]:
        texts = self._texts.get(entry.id)
        if texts is None:
            texts = self._texts[entry.id] = tuple(self.cell_text(entry, c) for c in range(self.COLUMN_COUNT))
        return texts

    def cell(self, row: int, column: int) -> tuple[str, QIcon | None, bool] | None:
        """What a cell shows, in one call: its text, its icon, and whether its row waits for a person (bold,
        in the attention colour); None outside the rows held."""
        rows = self._rows
        if not (0 <= row < len(rows) and 0 <= column < self.COLUMN_COUNT):
            return None
        entry = rows[row]
        shown_icon = icon(outcome_icon_name(entry.outcome)) if column == self.OUTCOME else None
        return self._row_texts(entry)[column], shown_icon, entry.needs_attention

    @classmethod
    def cell_text(cls, entry: LogEntry, column: int) -> str:
        if column == cls.TIME:
            return local_time(entry.at)
        if column == cls.DIRECTION:
            return direction_label(entry.direction)
        if column == cls.FLOW:
            return flow_label(entry.flow)
        if column == cls.ORDER:
            return entry.epages_ref or ""
        if column == cls.AFOSTO:
            return entry.afosto_ref or ""
        if column == cls.OUTCOME:
            return entry_outcome_label(entry)
        if column == cls.MESSAGE:
            # One line in the table; the detail pane shows the whole text.
            text = engine_words(entry.text).replace("\n", " ")
            seen = seen_text(entry)
            return f"{text} ({seen})" if seen else text
        return ""

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore() or self._tasks.is_running("log.older"):
            return
        self._tasks.start("log.older", self._load_older(self._generation))

    # -- what the window asks --------------------------------------------------------------------------

    @property
    def filters(self) -> LogFilter:
        return self._filters

    @property
    def total_count(self) -> int:
        """How many stored rows match the filter (not only the loaded ones)."""
        return self._count

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    @property
    def is_busy(self) -> bool:
        return any(self._tasks.is_running(n) for n in ("log.first", "log.newer", "log.older"))

    def set_filters(self, filters: LogFilter) -> None:
        if filters != self._filters:
            self._filters = filters
            self.reload()

    def reload(self) -> None:
        """Forget the loaded rows and read the newest page again (after a filter change)."""
        self._generation += 1
        for name in ("log.first", "log.newer", "log.older"):
            self._tasks.cancel(name)
        self._batch_timer.stop()
        self.beginResetModel()
        self._rows = []
        self._ids = set()
        self._texts = {}
        self._pinned = 0
        self._newest_id = 0
        self._oldest_id = None
        self._exhausted = True
        self._loaded = False
        self.endResetModel()
        self._tasks.start("log.first", self._load_first(self._generation))

    def entry(self, row: int) -> LogEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, log_id: int) -> int | None:
        """The row now showing the log entry ``log_id``, or None if it is not loaded."""
        if log_id not in self._ids:
            return None
        for row in range(self._pinned):
            if self._rows[row].id == log_id:
                return row
        # Below the pinned rows the ids fall strictly, so a binary search finds the row.
        row = bisect.bisect_left(self._rows, -log_id, lo=self._pinned, key=lambda e: -e.id)
        if row < len(self._rows) and self._rows[row].id == log_id:
            return row
        return None

    def rows_of_parked(self, parked_id: int) -> list[int]:
        return [row for row, e in enumerate(self._rows) if e.parked_id == parked_id]

    def waiting_with_cause(self, cause: str) -> list[int]:
        """Rows of loaded items still waiting for a person for the same reason."""
        return [row for row, e in enumerate(self._rows) if e.needs_attention and e.parked_cause == cause]

    def mark_settled(self, parked_ids: Sequence[int], status: str) -> None:
        """A person retried or dismissed parked items: their rows say so at once and stop asking for
        attention; with "needs a person first" they leave the top and go where their time puts them."""
        wanted = set(parked_ids)
        rows = [r for r, e in enumerate(self._rows) if e.parked_id in wanted and e.needs_attention]
        if not rows:
            return
        for row in rows:
            entry = self._rows[row]
            self._rows[row] = entry.model_copy(update={"needs_attention": False, "parked_status": status})
            self._texts.pop(entry.id, None)
        pinned = [r for r in rows if r < self._pinned]
        if pinned:
            self._unpin(pinned)
        rows = [r for r, e in enumerate(self._rows) if e.parked_id in wanted]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), self.COLUMN_COUNT - 1))

    def _unpin(self, rows: list[int]) -> None:
        """Move rows out of the pinned block to their place by id below it (or drop them when their place is
        below what is loaded: scrolling reads them again)."""
        moving = [self._rows[r] for r in rows]
        self._remove_rows(rows)
        self._pinned -= len(rows)
        for entry in moving:
            at = bisect.bisect_left(self._rows, -entry.id, lo=self._pinned, key=lambda e: -e.id)
            if at == len(self._rows) and not self._exhausted:
                self._ids.discard(entry.id)
                self._texts.pop(entry.id, None)
                continue
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, entry)
            self._ids.add(entry.id)
            self.endInsertRows()

    def _remove_rows(self, rows: Sequence[int]) -> None:
        """Take rows out, one ``beginRemoveRows`` per run of neighbouring rows, from the bottom up."""
        runs: list[list[int]] = []
        for row in sorted(rows):
            if runs and runs[-1][-1] == row - 1:
                runs[-1].append(row)
            else:
                runs.append([row])
        for run in reversed(runs):
            self.beginRemoveRows(QModelIndex(), run[0], run[-1])
            for entry in self._rows[run[0]:run[-1] + 1]:
                self._ids.discard(entry.id)
                self._texts.pop(entry.id, None)
            del self._rows[run[0]:run[-1] + 1]
            self.endRemoveRows()

    def trim_older(self, keep: int) -> None:
        """Drop loaded rows below the first ``keep``; scrolling down reads them again. Bounds memory while
        a person watches the top of a busy log."""
        if len(self._rows) <= keep or keep < self._pinned + 1:
            return
        self.beginRemoveRows(QModelIndex(), keep, len(self._rows) - 1)
        for e in self._rows[keep:]:
            self._ids.discard(e.id)
            self._texts.pop(e.id, None)
        del self._rows[keep:]
        self.endRemoveRows()
        main = self._rows[self._pinned:]
        self._oldest_id = main[-1].id if main else self._oldest_id
        self._exhausted = False
        self._tasks.cancel("log.older")

    def rows_stored(self, newest_id: int) -> None:
        """Rows up to ``newest_id`` are stored by another process (a service), whose announcements the store
        cannot pass on: they come in with the next batch, as the store's own would."""
        self._on_announced(newest_id)

    def close(self) -> None:
        """Stop listening to the store (the window is going away)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._batch_timer.stop()
        self._day_timer.stop()
        for name in ("log.first", "log.newer", "log.older"):
            self._tasks.cancel(name)

    def _check_day(self) -> None:
        """After midnight the times of yesterday's rows need their date: the cached texts are made anew."""
        today = dt.date.today()
        if today == self._texts_day:
            return
        self._texts_day = today
        self._texts = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, self.TIME), self.index(len(self._rows) - 1, self.TIME),
                                  [_DISPLAY])

    # -- loading -----------------------------------------------------------------------------------------

    @classmethod
    def _texts_of(cls, rows: Sequence[LogEntry]) -> tuple[dt.date, dict[int, tuple[str, ...]]]:
        """The rows' cell texts, made in the worker that read them (for the day they were made on): the
        window's thread only puts them in place."""
        day = dt.date.today()
        return day, {e.id: tuple(cls.cell_text(e, c) for c in range(cls.COLUMN_COUNT)) for e in rows}

    def _keep_texts(self, made: tuple[dt.date, dict[int, tuple[str, ...]]]) -> None:
        day, texts = made
        if day == self._texts_day:  # not across midnight: today's times are written without the date
            for log_id, row_texts in texts.items():
                self._texts.setdefault(log_id, row_texts)  # a row held already keeps what it shows

    def _read_first(self, filters: LogFilter) -> tuple[int, list[LogEntry], int,
                                                       tuple[dt.date, dict[int, tuple[str, ...]]]]:
        # The newest id is read before the page, so a row stored in between is in the page or comes later.
        newest = self._source.newest_log_id()
        rows = self._source.log_page(None, self._page_size, filters)
        return newest, rows, self._source.log_count(filters), self._texts_of(rows)

    def _read_older(self, before: int | None, filters: LogFilter) -> tuple[
            list[LogEntry], tuple[dt.date, dict[int, tuple[str, ...]]]]:
        rows = self._source.log_page(before, self._page_size, filters)
        return rows, self._texts_of(rows)

    def _read_newer(self, after: int, filters: LogFilter) -> tuple[
            list[LogEntry], tuple[dt.date, dict[int, tuple[str, ...]]]]:
        rows = self._source.log_after(after, self._batch_limit, filters)
        return rows, self._texts_of(rows)

    async def _load_first(self, generation: int) -> None:
        newest, rows, count, texts = await off_thread(self._read_first, self._filters)
        if generation != self._generation:
            return
        self._keep_texts(texts)
        pinned = 0
        if self._filters.attention_first:
            while pinned < len(rows) and rows[pinned].needs_attention:
                pinned += 1
        main = rows[pinned:]
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self._ids = {e.id for e in rows}
            self._pinned = pinned
            self.endInsertRows()
        self._newest_id = max([newest, *(e.id for e in rows)])
        self._oldest_id = main[-1].id if main else None
        self._exhausted = len(main) < self._page_size
        self._loaded = True
        self._count = count
        self.count_changed.emit(count)
        self.first_page_loaded.emit()
        if self._announced_id > self._newest_id:
            self._batch_timer.start()

    async def _load_older(self, generation: int) -> None:
        rows, texts = await off_thread(self._read_older, self._oldest_id, self._filters)
        if generation != self._generation:
            return
        self._keep_texts(texts)
        fresh = [e for e in rows if e.id not in self._ids]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(e.id for e in fresh)
            self.endInsertRows()
        if rows:
            self._oldest_id = rows[-1].id
        self._exhausted = len(rows) < self._page_size

    def _on_announced(self, newest_id: int) -> None:
        self._announced_id = max(self._announced_id, newest_id)
        if self._loaded and newest_id > self._newest_id and not self._batch_timer.isActive() \
                and not self._tasks.is_running("log.newer"):
            self._batch_timer.start()

    def _on_batch_due(self) -> None:
        if not self._tasks.is_running("log.newer"):
            self._tasks.start("log.newer", self._load_newer(self._generation))

    async def _load_newer(self, generation: int) -> None:
        after, announced = self._newest_id, self._announced_id
        rows, texts = await off_thread(self._read_newer, after, self._filters)
        if generation != self._generation:
            return
        self._keep_texts(texts)
        self._insert_on_top(rows)
        full = len(rows) >= self._batch_limit
        # Fewer rows than asked means every matching row up to the announced id is in.
        self._newest_id = max([self._newest_id, *(e.id for e in rows), *([] if full else [announced])])
        if full or self._announced_id > self._newest_id:
            self._batch_timer.start()

    def _insert_on_top(self, oldest_first: Sequence[LogEntry]) -> None:
        fresh = [e for e in reversed(oldest_first) if e.id not in self._ids]
        if not fresh:
            return
        # A problem met again comes with a new row that replaces its older one (the store dropped it too).
        newest_of: dict[int, int] = {}
        for e in fresh:
            if e.parked_id is not None and e.outcome == Outcome.PARKED:
                newest_of.setdefault(e.parked_id, e.id)
        replaced = [r for r, e in enumerate(self._rows) if e.parked_id in newest_of
                    and e.outcome == Outcome.PARKED and e.id < newest_of[e.parked_id]]
        fresh = [e for e in fresh if e.parked_id not in newest_of or e.outcome != Outcome.PARKED
                 or e.id == newest_of[e.parked_id]]
        if replaced:
            self._pinned -= sum(1 for r in replaced if r < self._pinned)
            self._remove_rows(replaced)
            self._count -= len(replaced)
        pinned = [e for e in fresh if e.needs_attention] if self._filters.attention_first else []
        rest = [e for e in fresh if not (pinned and e.needs_attention)]
        for at, rows, pins in ((0, pinned, True), (self._pinned + len(pinned), rest, False)):
            if rows:
                self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
                self._rows[at:at] = rows
                self._ids.update(e.id for e in rows)
                if pins:
                    self._pinned += len(rows)
                self.endInsertRows()
        self._count += len(fresh)
        self.count_changed.emit(self._count)
        self.rows_arrived.emit(len(fresh))


def _stop_listening(unsubscribe: Callable[[], None], *_args: object) -> None:
    unsubscribe()


class LogCellDelegate(QStyledItemDelegate):
    """Paints the log's cells as Qt's own delegate does, asking the model once per cell instead of once per
    role (seven times).

    Each question is a call from Qt into Python, and while the sync works in other threads each such call
    first waits for the interpreter lock: a repaint of the table after new rows was over a thousand calls,
    30-150 ms of a frozen window during an import. The cell's words, icon and attention style come from
    ``LogTableModel.cell``; any other model is painted the usual way.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        cell = model.cell(index.row(), index.column()) if isinstance(model, LogTableModel) else None
        if cell is None:
            super().initStyleOption(option, index)
            return
        text, cell_icon, attention = cell
        if attention:
            font = QFont(option.font)
            font.setBold(True)
            option.font = font
            option.fontMetrics = QFontMetrics(font)
            palette = QPalette(option.palette)
            palette.setBrush(QPalette.ColorRole.Text, tone(Tone.ATTENTION))
            option.palette = palette
        if isinstance(index, QModelIndex):
            option.index = index
        if cell_icon is not None and not cell_icon.isNull():
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.icon = cell_icon
            state = option.state
            mode = (QIcon.Mode.Disabled if not state & QStyle.StateFlag.State_Enabled
                    else QIcon.Mode.Selected if state & QStyle.StateFlag.State_Selected else QIcon.Mode.Normal)
            on = QIcon.State.On if state & QStyle.StateFlag.State_Open else QIcon.State.Off
            actual = cell_icon.actualSize(option.decorationSize, mode, on)
            option.decorationSize = actual.boundedTo(option.decorationSize)
        if text:
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.text = text
        option.styleObject = None  # type: ignore[assignment]  # as Qt's own: no style animations in item views
