"""A copy of the settings in a small file of its own, so a damaged or emptied database never takes them along.

The database stays where the app reads the settings from; every save writes this copy too, and opening a
data folder brings the two together again: whichever was saved last wins (see ``data_folder.py``).
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..texts import Text
from .errors import DiskFull, NotWritable, StoreError


@dataclass(frozen=True)
class SavedSettings:
    """Settings as saved, with when (UTC milliseconds) and the settings model's version at the time."""

    version: int
    json: str
    saved_at: int

    def same_as(self, other: SavedSettings | None) -> bool:
        """The same save (the JSON may be spaced differently)."""
        return other is not None and (self.version, self.saved_at) == (other.version, other.saved_at) \
            and json.loads(self.json) == json.loads(other.json)


class SettingsCopy:
    """The settings copy at ``path``: JSON with the settings, their version and when they were saved."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> SavedSettings | None:
        """The saved copy, or None when there is none or it cannot be read (it is then written anew)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return SavedSettings(int(data["version"]), json.dumps(data["settings"]), int(data["saved_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, saved: SavedSettings) -> None:
        """Replace the copy whole or not at all; raises a StoreError that says why it could not be written."""
        text = json.dumps({"version": saved.version, "saved_at": saved.saved_at, "settings": json.loads(saved.json)},
                          indent=2, sort_keys=True) + "\n"
        temporary = self.path.with_name(self.path.name + ".new")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise file_error(exc, self.path, Text("the settings copy")) from exc

    def put_back(self, saved: SavedSettings | None) -> None:
        """Return the copy to what ``read`` gave before a save that did not complete."""
        try:
            if saved is None:
                self.path.unlink(missing_ok=True)
            else:
                self.write(saved)
        except (OSError, StoreError):
            pass  # opening the folder brings copy and database together again: the later one wins


def file_error(exc: OSError, path: Path, what: str) -> StoreError:
    """The StoreError a person should read when a file of the data folder could not be written."""
    if exc.errno == errno.ENOSPC:
        return DiskFull(Text("Could not write {what} ({path}): the disk is full.", what=what, path=str(path)),
                        concerns=str(path))
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return NotWritable(Text("Could not write {what} ({path}): this user account may not change it.",
                                what=what, path=str(path)), concerns=str(path))
    return StoreError(Text("Could not write {what} ({path}): {reason}.", what=what, path=str(path),
                           reason=exc.strerror or type(exc).__name__), concerns=str(path))
