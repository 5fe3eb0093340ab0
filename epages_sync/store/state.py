"""The user's settings and the engine's own state (watermarks, cursors, last good poll), kept apart."""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import ValidationError

from ..config import SETTINGS_VERSION, Settings, config_error_from
from .connection import StoreBase
from .errors import DatabaseTooNew, StoreError

# Secrets belong in the keyring only; a settings field named like one is a mistake to stop here.
_SECRET_NAME = re.compile(r"(?i)secret|password|token|api_key|apikey")
# Engine-state keys that hold the name of an id from the settings.
_NAME_KEY = "name:"


class SettingsAndState(StoreBase):
    def load_settings(self) -> Settings | None:
        """The saved settings, or None before the wizard has run."""
        row = self._one("SELECT version, json FROM settings WHERE id = 1")
        if row is None:
            return None
        if row["version"] > SETTINGS_VERSION:
            raise DatabaseTooNew(
                f"The settings were saved by a newer version of epages-sync (settings version {row['version']}, "
                f"this one knows {SETTINGS_VERSION}).", concerns="settings")
        try:
            return Settings.model_validate_json(row["json"])
        except ValidationError as exc:
            raise config_error_from(exc) from None

    def save_settings(self, settings: Settings) -> None:
        data = settings.model_dump(mode="json")
        suspicious = [name for name in data if _SECRET_NAME.search(name)]
        if suspicious:
            raise StoreError(f"Settings field {suspicious[0]!r} looks like a secret and is not written to disk.",
                             concerns="settings")
        self._write(
            "INSERT INTO settings (id, version, json, saved_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version, json = excluded.json, "
            "saved_at = excluded.saved_at",
            (settings.version, settings.model_dump_json(), self._now_ms()))

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
