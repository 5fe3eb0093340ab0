"""A picture of the day: per hour of the last 24, the orders imported, the updates ePages took and the problems
met, drawn with QPainter, so a clerk sees at a glance that the sync is alive.

The counts come from the log with one query (``Store.hourly_activity``), read off the GUI thread, at most
every ten seconds while rows arrive and once a minute otherwise: never per row, never per repaint.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..store import Store
from ..store.models import HourActivity
from .background import UiTasks, off_thread
from .colours import Tone, tone

HOURS = 24
# Fresh figures at most this often while rows keep arriving, and at least this often when the log is quiet.
_REFRESH_MS = 10_000
_QUIET_MS = 60_000
# The first rows after a quiet spell show almost at once.
_SOON_MS = 500


def first_hour(now: dt.datetime | None = None) -> dt.datetime:
    """The start of the first of the 24 hours that end with the current one, on the shop PC's clock."""
    local = (now or dt.datetime.now(dt.UTC)).astimezone()
    return local.replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=HOURS - 1)


class DayChart(QWidget):
    """Bars per hour for three series; ``refresh`` reads the figures, ``set_hours`` shows given ones."""

    def __init__(self, store: Store | None = None, tasks: UiTasks | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._hours: list[HourActivity] = []
        self._stale = False
        self._loaded_at = 0.0  # time.monotonic() of the last read
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Slim: a glance, not a report; the log below needs the height of a small screen more.
        self.setMinimumHeight(self.fontMetrics().height() * 4)
        self.setToolTip("")  # answered per hour in event()
        self.setAccessibleName(self.tr("The last 24 hours"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_due)

    # -- figures ----------------------------------------------------------------------------------------

    @property
    def hours(self) -> list[HourActivity]:
        return list(self._hours)

    def series(self) -> list[tuple[str, Tone | None]]:
        """The three series: their names and tones (None: the palette's highlight)."""
        return [(self.tr("Orders imported"), Tone.GOOD), (self.tr("Updates to ePages"), None),
                (self.tr("Problems"), Tone.ATTENTION)]

    def set_hours(self, hours: Sequence[HourActivity]) -> None:
        self._hours = list(hours)
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        imported = sum(h.orders_imported for h in self._hours)
        sent = sum(h.sent_to_epages for h in self._hours)
        problems = sum(h.problems for h in self._hours)
        return self.tr("Last 24 hours: {imported} orders imported, {sent} updates to ePages, {problems} "
                       "problems").format(imported=imported, sent=sent, problems=problems)

    def start(self) -> None:
        """Read the figures now, then keep them fresh."""
        self._stale = True
        self._on_due()

    def stop(self) -> None:
        self._timer.stop()
        if self._tasks is not None:
            self._tasks.cancel("chart.load")

    def rows_arrived(self) -> None:
        """New log rows: the figures are read again soon, but not more than every ten seconds."""
        self._stale = True
        since = (time.monotonic() - self._loaded_at) * 1000
        due = int(max(_SOON_MS, _REFRESH_MS - since))
        if not self._timer.isActive() or self._timer.remainingTime() > due:
            self._timer.start(due)

    def _on_due(self) -> None:
        if self._store is None or self._tasks is None:
            return
        self._tasks.start("chart.load", self._load())

    async def _load(self) -> None:
        assert self._store is not None
        self._stale = False
        self._loaded_at = time.monotonic()
        hours = await off_thread(self._store.hourly_activity, first_hour())
        self.set_hours(hours)
        # The hours move on even when nothing happens.
        self._timer.start(_REFRESH_MS if self._stale else _QUIET_MS)

    # -- drawing ----------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() * 4)

    def _plot(self) -> QRectF:
        fm = self.fontMetrics()
        return QRectF(4, fm.height() + 6, max(1, self.width() - 8), max(1, self.height() - 2 * fm.height() - 10))

    def _colour(self, which: Tone | None) -> QColor:
        return tone(which) if which is not None else self.palette().color(QPalette.ColorRole.Highlight)

    def hour_at(self, pos: QPoint) -> int | None:
        plot = self._plot()
        if not self._hours or not plot.left() <= pos.x() < plot.right():
            return None
        return min(len(self._hours) - 1, int((pos.x() - plot.left()) / (plot.width() / len(self._hours))))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fm = self.fontMetrics()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        muted = tone(Tone.MUTED)
        # The legend on top, with each series' total.
        x = 4.0
        totals = [sum(h.orders_imported for h in self._hours), sum(h.sent_to_epages for h in self._hours),
                  sum(h.problems for h in self._hours)]
        painter.setPen(text_colour)
        title = self.tr("Last 24 hours")
        painter.drawText(QPoint(int(x), fm.ascent() + 2), title)
        x += fm.horizontalAdvance(title) + 16
        for (name, which), total in zip(self.series(), totals, strict=True):
            square = fm.ascent() - 2
            painter.fillRect(QRectF(x, 3, square, square), self._colour(which))
            x += square + 4
            label = f"{name}: {total}"
            painter.setPen(text_colour)
            painter.drawText(QPoint(int(x), fm.ascent() + 2), label)
            x += fm.horizontalAdvance(label) + 16

        plot = self._plot()
        painter.setPen(muted)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self._hours:
            return
        slot = plot.width() / len(self._hours)
        bar = max(1.0, (slot - 4) / 3)
        top = max([1, *(max(h.orders_imported, h.sent_to_epages, h.problems) for h in self._hours)])
        for i, hour in enumerate(self._hours):
            left = plot.left() + i * slot + 2
            for j, (value, (_name, which)) in enumerate(zip(
                    (hour.orders_imported, hour.sent_to_epages, hour.problems), self.series(), strict=True)):
                if value <= 0:
                    continue
                height = max(2.0, plot.height() * value / top)
                painter.fillRect(QRectF(left + j * bar, plot.bottom() - height, bar - 0.5, height),
                                 self._colour(which))
            local = hour.start.astimezone()
            if local.hour % 6 == 0:
                painter.setPen(muted)
                label = f"{local.hour:02d}:00"
                painter.drawText(QPoint(int(left), int(plot.bottom() + fm.ascent() + 3)), label)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.hour_at(event.pos())
            if i is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.hour_text(i), self)
            return True
        return super().event(event)

    def hour_text(self, i: int) -> str:
        hour = self._hours[i]
        local = hour.start.astimezone()
        return self.tr("{start}–{end}: {imported} orders imported, {sent} updates to ePages, {problems} "
                       "problems").format(start=f"{local.hour:02d}:00", end=f"{(local.hour + 1) % 24:02d}:00",
                                          imported=hour.orders_imported, sent=hour.sent_to_epages,
                                          problems=hour.problems)
