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
        # The tray's commands when the installation has several stores; the window's act on the chosen one.
        self.pause_all_hour = QAction(icon("pause"), self.tr("Pause all stores for &1 hour"), self)
        self.pause_all = QAction(icon("pause"), self.tr("&Pause all stores until resumed"), self)
        self.resume_all = QAction(icon("resume"), self.tr("&Resume all stores"), self)
        self.sync_all_now = QAction(icon("sync-now"), self.tr("&Sync all stores now"), self)
        self.add_store = QAction(icon("connect"), self.tr("&Add store…"), self)
        self.add_store.setToolTip(self.tr("Set up another ePages store of this installation, with the same "
                                          "setup pages. Its orders go to its own Afosto sales channel."))
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
        for action in (self.pause_hour, self.pause, self.resume, self.sync_now, self.settings, self.compare,
                       self.pause_all_hour, self.pause_all, self.resume_all, self.sync_all_now, self.add_store):
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

    def follow_store(self, name: str | None, has_store: bool) -> None:
        """The window's commands act on this store: with several stores, their tool tips name it."""
        if self._watch_reason:
            return
        # Compare needs the store's database; a store whose database could not be opened has none.
        self.compare.setEnabled(has_store)
        if name is None:
            self.sync_now.setToolTip(self.tr("Check ePages for orders and Afosto for changes right now."))
            self.settings.setToolTip(self.tr("Change the connection, what is synced, the language or start at "
                                             "login."))
            self.pause.setToolTip("")
            return
        self.sync_now.setToolTip(self.tr("Check the store {store} for orders and Afosto for its changes right "
                                         "now. The other stores keep their own rhythm.").format(store=name))
        self.settings.setToolTip(self.tr("Change the connection, locations and flows of the store {store}, the "
                                         "language or start at login.").format(store=name))
        self.pause.setToolTip(self.tr("Pause the store {store}; the other stores go on.").format(store=name))

    def follow_all(self, states: list[EngineState]) -> None:
        """The tray's commands for all stores: offered when some store is in a state they change."""
        if self._watch_reason:
            return
        working = {EngineState.RUNNING, EngineState.ATTENTION, EngineState.STARTING}
        self.pause_all_hour.setEnabled(any(s in working for s in states))
        self.pause_all.setEnabled(any(s in working for s in states))
        self.resume_all.setEnabled(EngineState.PAUSED in states)
        self.sync_all_now.setEnabled(any(s in working or s == EngineState.PAUSED for s in states))
