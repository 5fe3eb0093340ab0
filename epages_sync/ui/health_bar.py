"""The top of the main window: is the sync running, paused or waiting for a person, and the figures behind it."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QLocale, QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from ..config import Flow
from ..engine.context import WorkProgress
from ..engine.service import EngineState, Health
from .colours import Tone, box_style, tone
from .icons import icon
from .log_words import engine_words, flow_label, local_time, relative_time

STATE_ICONS = {
    EngineState.RUNNING: "state-running",
    EngineState.PAUSED: "state-paused",
    EngineState.ATTENTION: "state-attention",
    EngineState.STARTING: "state-starting",
    EngineState.STOPPING: "state-stopped",
    EngineState.STOPPED: "state-stopped",
}


class HealthBar(QFrame):
    """Shows one ``Health`` report; holds no state of its own beyond the last report it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._health: Health | None = None
        self.watching = False  # the window follows a service; the words say so
        self.store_name: str | None = None  # named in the headline when the window shows several stores
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top)

        self.state_icon = QLabel()
        self.state_icon.setFixedSize(QSize(48, 48))
        top.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)

        words = QVBoxLayout()
        self.state_label = QLabel()
        font = self.state_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.state_label.setFont(font)
        self.state_label.setObjectName("healthState")
        # With several stores, the chosen store's name leads the headline ("shop-nl  Running").
        self.store_label = QLabel()
        self.store_label.setFont(font)
        self.store_label.setObjectName("healthStore")
        self.store_label.hide()
        headline = QHBoxLayout()
        headline.addWidget(self.store_label)
        headline.addWidget(self.state_label, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flows_label = QLabel()
        self.flows_label.setTextFormat(Qt.TextFormat.RichText)
        # Wraps between flows (never inside one), so long German and Dutch names never squeeze the buttons.
        self.flows_label.setWordWrap(True)
        words.addLayout(headline)
        words.addWidget(self.message_label)
        words.addWidget(self.flows_label)
        words.addStretch(1)
        top.addLayout(words, 3)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.figures: dict[str, QLabel] = {}
        names = [("last_poll", self.tr("Last order check")), ("next_poll", self.tr("Next order check")),
                 ("last_push", self.tr("Last update to ePages")), ("outbox", self.tr("Waiting to be sent")),
                 ("parked", self.tr("Need a person")), ("linked", self.tr("Orders linked"))]
        for i, (key, title) in enumerate(names):
            caption = QLabel(title)
            caption.setEnabled(False)  # the palette's muted text colour for captions
            value = QLabel("–")
            value.setObjectName(f"figure_{key}")
            grid.addWidget(caption, i % 3, (i // 3) * 2)
            grid.addWidget(value, i % 3, (i // 3) * 2 + 1)
            self.figures[key] = value
        top.addLayout(grid, 2)

        self.actions_box = QHBoxLayout()
        top.addLayout(self.actions_box)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressText")
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(self.fontMetrics().height())
        progress_row.addWidget(self.progress_label, 3)
        progress_row.addWidget(self.progress_bar, 2)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        outer.addWidget(self.progress_box)

        self.attention_label = QLabel()
        self.attention_label.setWordWrap(True)
        self.attention_label.setTextFormat(Qt.TextFormat.RichText)
        self.attention_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attention_label.setStyleSheet(box_style(Tone.ATTENTION))
        self.attention_label.hide()
        outer.addWidget(self.attention_label)

    def add_action_widget(self, widget: QWidget) -> None:
        self.actions_box.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

    @property
    def health(self) -> Health | None:
        return self._health

    def state_text(self, health: Health) -> str:
        if self.watching:
            return (self.tr("Runs as a service") if health.state != EngineState.STOPPED
                    else self.tr("The service has stopped"))
        if health.state == EngineState.PAUSED and health.paused_until is not None:
            return self.tr("Paused until {time}").format(time=local_time(health.paused_until, with_date=False))
        return {
            EngineState.RUNNING: self.tr("Running"),
            EngineState.PAUSED: self.tr("Paused"),
            EngineState.ATTENTION: self.tr("Needs attention"),
            EngineState.STARTING: self.tr("Connecting…"),
            EngineState.STOPPING: self.tr("Stopping…"),
            EngineState.STOPPED: self.tr("Not running"),
        }[health.state]

    def explanation(self, health: Health) -> str:
        if self.watching:
            return engine_words(health.message)
        if health.state == EngineState.RUNNING:
            return self.tr("Orders and warehouse changes are kept in step. Nothing needs you.")
        if health.state == EngineState.PAUSED:
            return self.tr("Nothing is fetched or sent until the sync resumes. Sync now resumes it.")
        if health.state == EngineState.ATTENTION and health.message == self._parked_message(health):
            return self._parked_words(health)
        return engine_words(health.message)

    @staticmethod
    def _parked_message(health: Health) -> str | None:
        """The engine's own line about parked items, which the window says in its own words."""
        prefix = f"{health.parked_count} item"
        return next((m for m in health.attention if health.parked_count and m.startswith(prefix)), None)

    def _parked_words(self, health: Health) -> str:
        if health.parked_count == 1:
            return self.tr("1 item waits for a person: choose the red row in the log below, then Retry or "
                           "Dismiss.")
        return self.tr("{n} items wait for a person: choose a red row in the log below, then Retry or "
                       "Dismiss.").format(n=health.parked_count)

    def show_health(self, health: Health, now: dt.datetime | None = None) -> None:
        self._health = health
        now = now or dt.datetime.now(dt.UTC)
        self.state_icon.setPixmap(icon(STATE_ICONS[health.state]).pixmap(48, 48))
        self.state_label.setText(self.state_text(health))
        self.store_label.setVisible(self.store_name is not None)
        self.store_label.setText(f"{self.store_name} ·" if self.store_name else "")
        state_tone = {EngineState.RUNNING: Tone.GOOD, EngineState.ATTENTION: Tone.ATTENTION,
                      EngineState.PAUSED: Tone.WARNING}.get(health.state, Tone.MUTED)
        self.state_label.setStyleSheet(f"color: {tone(state_tone).name()};")
        self.message_label.setText(self.explanation(health))

        running = health.state not in (EngineState.STOPPED, EngineState.STOPPING)
        polling = running and health.progress is not None
        self.figures["last_poll"].setText(self.tr("checking now") if polling
                                          else relative_time(health.last_good_poll, now))
        self.figures["last_push"].setText(relative_time(health.last_good_push, now))
        self._show_progress(health.progress if polling else None, now)
        if health.state == EngineState.PAUSED:
            self.figures["next_poll"].setText(self.tr("after resuming"))
        elif polling:
            self.figures["next_poll"].setText(self.tr("after this one"))
        elif running and health.next_poll_at is not None:
            self.figures["next_poll"].setText(relative_time(health.next_poll_at, now))
        else:
            self.figures["next_poll"].setText("–")
        self.figures["outbox"].setText(str(health.outbox_depth))
        self.figures["parked"].setText(str(health.parked_count))
        self.figures["parked"].setStyleSheet(
            f"color: {tone(Tone.ATTENTION).name()}; font-weight: bold;" if health.parked_count else "")
        self.figures["linked"].setText(str(health.orders_linked))

        self.flows_label.setText(self._flows_html(health))
        self.flows_label.setToolTip("\n".join(
            f"{flow_label(f.flow.value)}: {engine_words(f.reason)}" for f in health.flows
            if not f.enabled and f.reason))
        # The headline already says the first problem; the box lists everything else that needs a person.
        parked = self._parked_message(health)
        problems = [html.escape(self._parked_words(health) if m == parked else engine_words(m))
                    for m in health.attention
                    if m != health.message and not (m == parked and health.state == EngineState.ATTENTION
                                                    and health.message == parked)]
        self.attention_label.setVisible(bool(problems))
        if problems:
            self.attention_label.setText("<b>" + html.escape(self.tr("What needs you:")) + "</b><br>"
                                         + "<br>".join(f"• {p}" for p in problems))

    def progress_text(self, progress: WorkProgress, now: dt.datetime) -> str:
        """'Importing orders since 1 Jan 2020: 257 of 1,500, about 1 min left'."""
        locale = QLocale()
        since = progress.since
        if progress.first_import or not isinstance(since, dt.datetime):
            day = since.astimezone().date() if isinstance(since, dt.datetime) else since
            # "1 Jan 2020": the month in words, unmistakable in every language.
            words = locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
            head = self.tr("Importing orders since {date}").format(date=words)
        else:
            head = self.tr("Reading order changes since {time}").format(time=local_time(since).rsplit(":", 1)[0])
        done = locale.toString(progress.done)
        if progress.total is None:
            return self.tr("{what}: {done} so far").format(what=head, done=done)
        counted = self.tr("{what}: {done} of {total}").format(what=head, done=done,
                                                             total=locale.toString(progress.total))
        minutes = progress.minutes_left(now)
        if minutes is None:
            return counted
        left = (self.tr("less than a minute left") if minutes == 0 else
                self.tr("about 1 min left") if minutes == 1 else
                self.tr("about {n} min left").format(n=locale.toString(minutes)))
        return f"{counted}, {left}"

    def _show_progress(self, progress: WorkProgress | None, now: dt.datetime) -> None:
        shown = progress is not None and progress.worth_showing
        self.progress_box.setVisible(shown)
        if progress is None or not shown:
            return
        self.progress_label.setText(self.progress_text(progress, now))
        # QProgressBar repaints at once, not at the next paint, whenever its value moves a visible step:
        # the window (the log's table too) painted at every health tick of an import. With updates off
        # for the change the bar is painted with the rest of the window.
        bar = self.progress_bar
        bar.setUpdatesEnabled(False)
        if progress.total:
            bar.setRange(0, progress.total)
            bar.setValue(progress.done)
        else:
            bar.setRange(0, 0)  # a moving bar: busy, total unknown
        bar.setUpdatesEnabled(True)
        bar.update()

    def _flows_html(self, health: Health) -> str:
        if not health.flows:
            return ""
        good, muted = tone(Tone.GOOD).name(), tone(Tone.MUTED).name()
        parts = []
        off = html.escape(self.tr("off"))
        for f in sorted(health.flows, key=lambda f: list(Flow).index(f.flow)):
            if f.enabled:
                parts.append(f'<span style="color:{good}">✓&nbsp;{_unbroken(flow_label(f.flow.value))}</span>')
            else:
                parts.append(f'<span style="color:{muted}">✗&nbsp;{_unbroken(flow_label(f.flow.value))}&nbsp;'
                             f'({off})</span>')
        return " &nbsp; ".join(parts)


def _unbroken(text: str) -> str:
    return html.escape(text).replace(" ", "&nbsp;")
