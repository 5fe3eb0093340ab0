"""This data folder's installation: an id made when the folder is first opened, kept in the folder itself.

The id keeps one folder's saved passwords apart from another folder's, even when both are set up for the
same store (see secrets.py). It lives in a small file beside the database, not in the database, so a
database moved aside and started afresh keeps its passwords.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass

from .paths import AppPaths


@dataclass(frozen=True)
class Installation:
    """The id of one data folder's installation.

    ``earlier_entries_of`` names the store whose passwords an earlier version saved under the store name
    alone, while they still wait to be moved to this installation (see ``Secrets.of_folder``).
    """

    id: str
    earlier_entries_of: str | None = None

    @classmethod
    def find(cls, paths: AppPaths) -> Installation | None:
        """The folder's installation, or None when it has none yet (new, or set up by an earlier version).

        Reads only; an unreadable or damaged file counts as none.
        """
        try:
            data = json.loads(paths.installation_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        value, earlier = data.get("installation"), data.get("earlier_entries_of")
        if not isinstance(value, str) or not value:
            return None
        return cls(value, earlier if isinstance(earlier, str) and earlier else None)

    @classmethod
    def ensure(cls, paths: AppPaths, *, set_up_for: str | None) -> Installation:
        """The folder's installation, made now if it has none.

        ``set_up_for`` is the store the folder's settings name: a folder that has settings but no
        installation was set up by an earlier version, whose passwords are then still to be moved.
        Raises OSError when the file cannot be written.
        """
        found = cls.find(paths)
        if found is not None:
            return found
        made = cls(uuid.uuid4().hex, set_up_for)
        made.save(paths)
        return made

    def save(self, paths: AppPaths) -> None:
        """Write the file whole or not at all."""
        data: dict[str, str] = {"installation": self.id}
        if self.earlier_entries_of:
            data["earlier_entries_of"] = self.earlier_entries_of
        target = paths.installation_file
        temporary = target.with_name(target.name + ".new")
        temporary.write_text(json.dumps(data) + "\n", encoding="utf-8")
        os.replace(temporary, target)
