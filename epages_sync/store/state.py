"""The user's settings and the engine's own state (watermarks, cursors, last good poll), kept apart."""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from ..config import SETTINGS_VERSION, Settings, config_error_from
from .connection import StoreBase
from .errors import DatabaseTooNew, StoreError
from .settings_copy import SavedSettings, SettingsCopy

# Secrets belong in the keyring only; a settings field named like one is a mistake to stop here.
_SECRET_NAME = re.compile(r"(?i)secret|password|token|api_key|apikey")
# Engine-state keys that hold the name of an id from the settings.
_NAME_KEY = "name:"


def parse_settings(saved: SavedSettings) -> Settings:
    """Settings as saved; refuses those of a newer version (DatabaseTooNew) or out of range (ConfigError)."""
    if saved.version > SETTINGS_VERSION:
        raise DatabaseTooNew(
            f"The settings were saved by a newer version of epages-sync (settings version {saved.version}, "
            f"this one knows {SETTINGS_VERSION}).", concerns="settings")
    try:
        return Settings.model_validate_json(saved.json)
    except ValidationError as exc:
        raise config_error_from(exc) from None


class SettingsAndState(StoreBase):
    # Written with every save, when the store belongs to a data folder (see settings_copy.py).
    settings_copy: SettingsCopy | None = None

    def load_settings(self) -> Settings | None:
        """The saved settings, or None before the wizard has run."""
        saved = self.saved_settings()
        return None if saved is None else parse_settings(saved)

    def saved_settings(self) -> SavedSettings | None:
        """The settings row as it is stored, without reading it as settings."""
        row = self._one("SELECT version, json, saved_at FROM settings WHERE id = 1")
        return None if row is None else SavedSettings(row["version"], row["json"], row["saved_at"])

    def save_settings(self, settings: Settings) -> None:
        """Into the settings copy and the database; a StoreError says why when either cannot be written."""
        data = settings.model_dump(mode="json")
        suspicious = [name for name in data if _SECRET_NAME.search(name)]
        if suspicious:
            raise StoreError(f"Settings field {suspicious[0]!r} looks like a secret and is not written to disk.",
                             concerns="settings")
        saved = SavedSettings(settings.version, settings.model_dump_json(), self._now_ms())
        copy = self.settings_copy
        if copy is None:
            self.restore_settings(saved)
            return
        # The copy first, and put back as it was when the database refuses: saved in both or in neither.
        before = copy.read()
        copy.write(saved)
        try:
            self.restore_settings(saved)
        except BaseException:
            copy.put_back(before)
            raise

    def restore_settings(self, saved: SavedSettings) -> None:
        """Put settings saved elsewhere (the settings copy) into the database, as they were saved."""
        self._write(
            "INSERT INTO settings (id, version, json, saved_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version, json = excluded.json, "
            "saved_at = excluded.saved_at",
            (saved.version, saved.json, saved.saved_at))

    def get_state(self, key: str) -> str | None:
        value: str | None = self._scalar("SELECT value FROM engine_state WHERE key = ?", (key,))
        return value

    def set_state(self, key: str, value: str) -> None:
        self.set_states({key: value})

    def set_states(self, values: Mapping[str, str]) -> None:
        """Several values at once, so a watermark and its cursor never disagree after a crash."""
        now = self._now_ms()
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO engine_state (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                [(key, str(value), now) for key, value in values.items()])

    # -- names of what the settings name by id --------------------------------------------------------------

    def remember_names(self, names: Mapping[str, str]) -> None:
        """What the services call the ids the settings hold (the sales channel, locations), as last seen.

        The setup and ``check`` read them anyway; kept, they let ``status`` and the window show names.
        """
        self.set_states({_NAME_KEY + key: name for key, name in names.items() if key and name})

    def known_names(self) -> dict[str, str]:
        """Id -> name for each id whose name was seen (see ``remember_names``)."""
        rows = self._all("SELECT key, value FROM engine_state WHERE key LIKE ?", (_NAME_KEY + "%",))
        return {row["key"].removeprefix(_NAME_KEY): row["value"] for row in rows}
