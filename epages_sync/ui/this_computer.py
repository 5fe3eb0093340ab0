"""What Settings changes on this computer rather than in the sync: the window's language, starting at login,
and removing everything the app keeps here. A small service, so the dialogs only show and ask."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from ..autostart import Autostart
from ..instance import InstanceLock
from ..paths import AppPaths, app_paths
from ..removal import RemovalReport, remove_all_data, saved_store_names
from ..secrets import Secrets
from .language import Language
from .preferences import WindowPreferences, preferences_file

log = logging.getLogger(__name__)


class ThisComputer(QObject):
    """The window's preferences, the login entry and the data of one data folder.

    ``autostart`` is None where starting at login makes no sense (the demo).
    """

    def __init__(self, paths: AppPaths, *, autostart: Autostart | None, lock: InstanceLock | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.autostart = autostart
        self.lock = lock

    @classmethod
    def for_paths(cls, paths: AppPaths, *, lock: InstanceLock | None = None,
                  parent: QObject | None = None) -> ThisComputer:
        """The login entry of this install; a chosen data folder is named in it, the default one is not."""
        autostart: Autostart | None = None
        if not paths.demo:
            chosen = None if paths.data_dir == app_paths(None).data_dir else paths.data_dir
            autostart = Autostart.for_this_install(data_dir=chosen)
        return cls(paths, autostart=autostart, lock=lock, parent=parent)

    # -- language --------------------------------------------------------------------------------------

    @property
    def preferences_file(self) -> str:
        return str(preferences_file(self.paths))

    def preferences(self) -> WindowPreferences:
        return WindowPreferences.load(preferences_file(self.paths))

    def set_language(self, language: Language) -> None:
        """Saved now, spoken from the next start on."""
        prefs = self.preferences()
        if prefs.language != language:
            WindowPreferences.model_validate({**prefs.model_dump(), "language": language}).save(
                preferences_file(self.paths))
            log.info("window language set to %s (from the next start)", language.value)

    # -- start at login ----------------------------------------------------------------------------------

    @property
    def can_start_at_login(self) -> bool:
        return self.autostart is not None

    def starts_at_login(self) -> bool:
        if self.autostart is None:
            return False
        try:
            return self.autostart.is_enabled()
        except OSError:
            log.warning("could not read the start-at-login entry", exc_info=True)
            return False

    def set_start_at_login(self, on: bool) -> None:
        """Raises OSError when the entry cannot be written (a locked-down PC)."""
        if self.autostart is None:
            return
        if on:
            self.autostart.enable()
        else:
            self.autostart.disable()
        log.info("start at login %s: %s", "on" if on else "off", self.autostart.location)

    # -- removing everything -------------------------------------------------------------------------------

    def remove_all_data(self, secrets_factory: Callable[[str], Secrets] | None = None) -> RemovalReport:
        """Blocking (keyring, files): run it off the GUI thread, after the sync stopped and the store closed.

        Raises AlreadyRunning, removing nothing, while another copy uses the data.
        """
        log.info("removing all data of %s", self.paths.data_dir)
        return remove_all_data(self.paths, store_names=saved_store_names(self.paths),
                               secrets_factory=secrets_factory, autostart=self.autostart, held_lock=self.lock)
