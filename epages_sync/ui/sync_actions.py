"""The commands a person gives the sync, as QActions shared by the window's buttons and the tray menu."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..engine.service import EngineState, Health
from .icons import icon


class SyncActions(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_window = QAction(icon("app"), self.tr("&Open epages-sync"), self)
        self.pause_hour = QAction(icon("pause"), self.tr("Pause for &1 hour"), self)
        self.pause = QAction(icon("pause"), self.tr("&Pause until resumed"), self)
        # The window's button says only this; its menu and the tray's say how long.
        self.pause.setIconText(self.tr("Pause"))
        self.resume = QAction(icon("resume"), self.tr("&Resume"), self)
        self.sync_now = QAction(icon("sync-now"), self.tr("&Sync now"), self)
        self.sync_now.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.sync_now.setToolTip(self.tr("Check ePages for orders and Afosto for changes right now."))
        self.settings = QAction(icon("settings"), self.tr("S&ettings…"), self)
        self.settings.setToolTip(self.tr("Change the connection, what is synced, the language or start at login."))
        # A button opens it as surely as a menu does: no "…" there. Said here, as older Qt releases keep it.
        self.settings.setIconText(self.settings.text().replace("&", "").rstrip("…").rstrip("."))
        self.compare = QAction(icon("sync-now"), self.tr("&Compare both systems…"), self)
        self.compare.setIconText(self.tr("Compare"))
        self.compare.setToolTip(self.tr("List what differs between ePages and Afosto, read from both systems."))
        self.quit = QAction(self.tr("&Quit"), self)
        self.quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit.setToolTip(self.tr("Stop the sync and close the app."))
        self._watch_reason = ""

    @property
    def watch_only(self) -> bool:
        return bool(self._watch_reason)

    def set_watch_only(self, reason: str) -> None:
        """The sync runs as a service: its commands belong to the service; each says why it is off."""
        self._watch_reason = reason
        for action in (self.pause_hour, self.pause, self.resume, self.sync_now, self.settings, self.compare):
            action.setEnabled(False)
            action.setToolTip(reason)
        self.resume.setVisible(False)
        self.pause.setVisible(True)
        self.quit.setToolTip(self.tr("Close this window. The service keeps running."))

    def follow(self, health: Health) -> None:
        """Offer what makes sense in this state: Resume only while paused, Pause only while running."""
        if self._watch_reason:
            return
        working = health.state in (EngineState.RUNNING, EngineState.ATTENTION, EngineState.STARTING)
        paused = health.state == EngineState.PAUSED
        self.pause_hour.setEnabled(working)
        self.pause.setEnabled(working)
        self.resume.setEnabled(paused)
        self.resume.setVisible(paused)
        self.pause.setVisible(not paused)
        self.sync_now.setEnabled(working or paused)
