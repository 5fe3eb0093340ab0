"""The row of stores above the main window's health bar, shown when the installation has several: each store's
name, state, what needs a person and its last order check at a glance; choosing one shows its health and log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ..engine.service import EngineState, Health
from .colours import Tone, tone
from .health_bar import STATE_ICONS
from .icons import icon
from .log_words import relative_time
from .sync_actions import SyncActions


def problem_count(health: Health) -> int:
    """What waits for a person in a store: its parked items, and each other problem the engine names (a
    store that does not run at all counts as one)."""
    parked_line = f"{health.parked_count} item"
    others = [m for m in health.attention if not (health.parked_count and m.startswith(parked_line))]
    stopped = health.state == EngineState.STOPPED and not others
    return health.parked_count + len(others) + (1 if stopped else 0)


class StoreStrip(QFrame):
    """One button per store, the chosen one pressed; emits ``store_chosen(name)``."""

    store_chosen = Signal(str)

    def __init__(self, actions: SyncActions, state_text: Callable[[Health], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state_text = state_text  # HealthBar.state_text: the same words as the health bar's headline
        self.buttons: dict[str, QToolButton] = {}
        self.healths: dict[str, Health] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self._on_clicked)
        self._ids: dict[str, int] = {}
        self._next_id = 1
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.add_button = QToolButton()
        self.add_button.setDefaultAction(actions.add_store)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setIconSize(QSize(20, 20))
        self._layout.addWidget(self.add_button)

    def add_store(self, name: str, index: int | None = None) -> None:
        """A button for the store, at ``index`` among the others (the end by default)."""
        if name in self.buttons:
            return
        button = QToolButton()
        button.setObjectName(f"store_{name}")
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(28, 28))
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAccessibleName(self.tr("Store {store}").format(store=name))
        self._ids[name] = self._next_id
        self._group.addButton(button, self._next_id)
        self._next_id += 1
        at = len(self.buttons) if index is None else min(index, len(self.buttons))
        self._layout.insertWidget(at, button)
        self.buttons[name] = button
        self.show_health(name, Health(state=EngineState.STARTING, message=""))

    def _on_clicked(self, button_id: int) -> None:
        name = next((n for n, i in self._ids.items() if i == button_id), None)
        if name is not None:
            self.store_chosen.emit(name)

    def remove_store(self, name: str) -> None:
        button = self.buttons.pop(name, None)
        self.healths.pop(name, None)
        self._ids.pop(name, None)
        if button is not None:
            self._group.removeButton(button)
            button.deleteLater()

    def choose(self, name: str) -> None:
        button = self.buttons.get(name)
        if button is not None:
            button.setChecked(True)

    @property
    def chosen(self) -> str | None:
        button = self._group.checkedButton()
        return next((n for n, b in self.buttons.items() if b is button), None)

    def store_text(self, name: str, now: dt.datetime | None = None) -> str:
        """'shop-de · Running' on top, '2 need a person · last order check 3 min ago' below."""
        health = self.healths[name]
        state = self._state_text(health)
        problems = problem_count(health)
        waiting = (self.tr("nothing waits") if problems == 0 else self.tr("1 needs a person") if problems == 1
                   else self.tr("{n} need a person").format(n=problems))
        checked = self.tr("last order check {when}").format(when=relative_time(health.last_good_poll, now))
        return f"{name} · {state}\n{waiting} · {checked}"

    def show_health(self, name: str, health: Health, now: dt.datetime | None = None) -> None:
        button = self.buttons.get(name)
        if button is None:
            return
        self.healths[name] = health
        button.setIcon(icon(STATE_ICONS[health.state]))
        button.setText(self.store_text(name, now))
        button.setStyleSheet(self._style(problem_count(health) > 0))

    def _style(self, needs_a_person: bool) -> str:
        """A plain button; the chosen store's framed in the highlight colour, so which store the health bar and
        the log below show is plain to see; red words for a store that needs a person."""
        palette = self.palette()
        words = tone(Tone.ATTENTION).name() if needs_a_person else palette.color(QPalette.ColorRole.ButtonText).name()
        return (f"QToolButton {{ color: {words}; background: {palette.color(QPalette.ColorRole.Button).name()}; "
                f"border: 1px solid {palette.color(QPalette.ColorRole.Mid).name()}; border-radius: 4px; "
                "padding: 3px 8px; } "
                f"QToolButton:checked {{ border: 2px solid {palette.color(QPalette.ColorRole.Highlight).name()}; "
                f"background: {palette.color(QPalette.ColorRole.Base).name()}; }}")

    def refresh(self, now: dt.datetime | None = None) -> None:
        """Relative times age even when nothing new is reported."""
        for name, health in self.healths.items():
            self.show_health(name, health, now)
