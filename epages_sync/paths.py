"""Every path the app uses, built in one place from platformdirs or an explicit data directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from . import APP_NAME

_AUTHOR = "epages-sync"


LOG_FILE_NAME = "epages-sync.log"
WATCH_LOG_FILE_NAME = "epages-sync-window.log"


@dataclass(frozen=True)
class AppPaths:
    """Where this copy of the app keeps its database, logs and lock.

    With an explicit data directory everything lives below it, so a demo or a test never touches the
    live data of the shop.
    """

    data_dir: Path
    log_dir: Path
    config_dir: Path
    demo: bool = False
    # Where the single-instance lock lives: the installation's own folder, also for a further store's folder
    # (one copy of the app runs all stores of an installation). None: in ``data_dir``.
    lock_dir: Path | None = None

    @property
    def database(self) -> Path:
        return self.data_dir / "epages-sync.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / LOG_FILE_NAME

    @property
    def watch_log_file(self) -> Path:
        """The log of a window that watches a service: a file of its own, because Windows cannot rotate a
        file that another process holds open."""
        return self.log_dir / WATCH_LOG_FILE_NAME

    @property
    def installation_file(self) -> Path:
        """The id of this folder's installation (see installation.py)."""
        return self.data_dir / "epages-sync-installation.json"

    @property
    def settings_copy(self) -> Path:
        """A copy of the settings beside the database, so a damaged database never takes them along."""
        return self.config_dir / "epages-sync-settings.json"

    @property
    def stores_index(self) -> Path:
        """The list of the installation's stores (see store_folders.py)."""
        return self.data_dir / "epages-sync-stores.json"

    def store_dir(self, name: str) -> Path:
        """The folder of a store added after the first (the first keeps the installation's own folder)."""
        return self.data_dir / "stores" / name

    @property
    def lock_file(self) -> Path:
        return (self.lock_dir or self.data_dir) / "epages-sync.lock"

    @property
    def screenshots_dir(self) -> Path:
        return self.data_dir / "screenshots"

    def ensure(self) -> AppPaths:
        for d in (self.data_dir, self.log_dir, self.config_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(data_dir: str | os.PathLike[str] | None = None, *, demo: bool = False) -> AppPaths:
    """The paths for a data directory given on the command line, the demo, or the user's default."""
    if data_dir is not None:
        base = Path(data_dir).expanduser().resolve()
        return AppPaths(data_dir=base, log_dir=base / "logs", config_dir=base, demo=demo)
    dirs = platformdirs.PlatformDirs(APP_NAME, _AUTHOR, roaming=False)
    data = Path(dirs.user_data_dir)
    if demo:
        # The demo gets a directory of its own so it can never touch live settings or data.
        base = data / "demo"
        return AppPaths(data_dir=base, log_dir=base / "logs", config_dir=base, demo=True)
    return AppPaths(data_dir=data, log_dir=Path(dirs.user_log_dir), config_dir=Path(dirs.user_config_dir))
