"""The tray icon: the sync's state at a glance, its commands in a menu, and a notification only when a person
must act."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..engine.service import Health
from .health_bar import STATE_ICONS
from .icons import icon
from .log_words import engine_words
from .notices import AttentionNotices, Notice
from .sync_actions import SyncActions


class SyncTray(QObject):
    def __init__(self, actions: SyncActions, *, notices: AttentionNotices | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.notices = notices or AttentionNotices()
        self.shown_notices: list[tuple[str, str]] = []  # what was shown, newest last (also for tests)
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.menu = QMenu()
        self.menu.addAction(self.actions.open_window)
        self.menu.addSeparator()
        self.menu.addAction(self.actions.pause_hour)
        self.menu.addAction(self.actions.pause)
        self.menu.addAction(self.actions.resume)
        self.menu.addAction(self.actions.sync_now)
        self.menu.addSeparator()
        self.menu.addAction(self.actions.quit)
        self.icon = QSystemTrayIcon(icon("state-stopped"), self)
        self.icon.setContextMenu(self.menu)
        self.icon.setToolTip("epages-sync")
        self.icon.activated.connect(self._on_activated)

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available:
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_health(self, health: Health, state_text: str) -> None:
        self.icon.setIcon(icon(STATE_ICONS[health.state]))
        self.icon.setToolTip(f"epages-sync: {state_text}")
        for notice in self.notices.consider(health):
            self._notify(notice)

    def say(self, title: str, text: str, *, warning: bool = False) -> None:
        self.shown_notices.append((title, text))
        if self.available and self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self.icon.showMessage(title, text, kind, 15_000)

    def _notify(self, notice: Notice) -> None:
        if notice.kind == "parked":
            text = (self.tr("An item waits in the log. Open epages-sync to retry or dismiss it.")
                    if notice.count == 1 else
                    self.tr("{n} items wait in the log. Open epages-sync to retry or dismiss them.")
                    .format(n=notice.count))
            self.say(self.tr("Items need a person"), text, warning=True)
        else:
            self.say(self.tr("epages-sync needs you"), engine_words(notice.message), warning=True)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.actions.open_window.trigger()
