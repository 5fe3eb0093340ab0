"""The tray icon: the sync's state at a glance, its commands in a menu, and a notification only when a person
must act."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..engine.service import EngineState, Health
from .health_bar import STATE_ICONS
from .icons import icon
from .log_words import engine_words
from .notices import AttentionNotices, Notice
from .sync_actions import SyncActions

# From the state that most needs a person to the one that needs nobody: the tray shows the first one any
# store is in. A store that needs attention comes before one that does not run at all (that one names its
# reason in the window too), and both before a pause someone chose.
WORST_FIRST = (EngineState.ATTENTION, EngineState.STOPPED, EngineState.STOPPING, EngineState.PAUSED,
               EngineState.STARTING, EngineState.RUNNING)


def worst_state(healths: Sequence[Health]) -> EngineState:
    """The state of the store that most needs a person; STOPPED when there is no store at all."""
    if not healths:
        return EngineState.STOPPED
    return min((h.state for h in healths), key=WORST_FIRST.index)


def tray_summary(stores: Sequence[tuple[str, Health]], state_text: Callable[[Health], str]) -> tuple[EngineState, str]:
    """The tray's state and tooltip for every store of the installation: the worst store's state, and one line
    per store, the worst first ("epages-sync: Needs attention" alone when there is one store)."""
    state = worst_state([health for _name, health in stores])
    if len(stores) == 1:
        return state, f"epages-sync: {state_text(stores[0][1])}"
    ranked = sorted(stores, key=lambda store: WORST_FIRST.index(store[1].state))
    return state, "\n".join(["epages-sync"] + [f"{name}: {state_text(health)}" for name, health in ranked])


class SyncTray(QObject):
    def __init__(self, actions: SyncActions, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        # One per store: each store's problems are news on their own.
        self.notices: dict[str, AttentionNotices] = {}
        self.shown_notices: list[tuple[str, str]] = []  # what was shown, newest last (also for tests)
        self.several_stores = False
        self.state = EngineState.STOPPED  # what the icon shows
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.menu = QMenu()
        self.icon = QSystemTrayIcon(icon("state-stopped"), self)
        self.icon.setContextMenu(self.menu)
        self.icon.setToolTip("epages-sync")
        self.icon.activated.connect(self._on_activated)
        self._fill_menu()

    def _fill_menu(self) -> None:
        """With one store the commands are that store's; with several, the tray's commands are for all of
        them (the window pauses or syncs one store)."""
        a = self.actions
        self.menu.clear()
        self.menu.addAction(a.open_window)
        self.menu.addSeparator()
        if self.several_stores:
            self.menu.addActions([a.pause_all_hour, a.pause_all, a.resume_all, a.sync_all_now])
        else:
            self.menu.addActions([a.pause_hour, a.pause, a.resume, a.sync_now])
        self.menu.addSeparator()
        self.menu.addAction(a.quit)

    def set_several_stores(self, several: bool) -> None:
        if several != self.several_stores:
            self.several_stores = several
            self._fill_menu()

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available:
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def follow_stores(self, stores: Sequence[tuple[str, Health]], state_text: Callable[[Health], str]) -> None:
        """The worst store's state as the icon, every store's state in the tooltip."""
        state, tooltip = tray_summary(stores, state_text)
        self.icon.setIcon(icon(STATE_ICONS[state]))
        self.icon.setToolTip(tooltip)
        self.state = state

    def consider(self, store_name: str, health: Health) -> None:
        """A notification when this store's report has something new a person must act on."""
        notices = self.notices.setdefault(store_name, AttentionNotices())
        for notice in notices.consider(health):
            self._notify(notice, store_name if self.several_stores else None)

    def say(self, title: str, text: str, *, warning: bool = False) -> None:
        self.shown_notices.append((title, text))
        if self.available and self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self.icon.showMessage(title, text, kind, 15_000)

    def _notify(self, notice: Notice, store_name: str | None) -> None:
        if notice.kind == "parked":
            text = (self.tr("An item waits in the log. Open epages-sync to retry or dismiss it.")
                    if notice.count == 1 else
                    self.tr("{n} items wait in the log. Open epages-sync to retry or dismiss them.")
                    .format(n=notice.count))
            title = self.tr("Items need a person")
        else:
            text, title = engine_words(notice.message), self.tr("epages-sync needs you")
        if store_name is not None:
            title = self.tr("{store}: {title}").format(store=store_name, title=title)
        self.say(title, text, warning=True)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.actions.open_window.trigger()
