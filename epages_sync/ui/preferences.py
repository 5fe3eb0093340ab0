"""The window's own preferences on this computer (its language), kept apart from the sync's settings.

They live in a small JSON file beside the settings, named like the app's other files so that "remove all
data" takes it along. A file that is missing, damaged or from a newer version gives the defaults: a
preference is never a reason not to start.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..paths import AppPaths
from .language import Language

log = logging.getLogger(__name__)

PREFERENCES_VERSION = 1


class WindowPreferences(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = PREFERENCES_VERSION
    language: Language = Language.SYSTEM

    @classmethod
    def load(cls, path: Path) -> WindowPreferences:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls.model_validate(data)
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, ValidationError) as exc:
            log.warning("window preferences in %s not used (%s); the defaults apply", path, exc)
            return cls()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(self.model_dump_json(indent=2), encoding="utf-8")
        os.replace(temporary, path)  # never half a file, even when the PC goes off while saving


def preferences_file(paths: AppPaths) -> Path:
    return paths.config_dir / "epages-sync-window.json"
