"""Opening a data folder's database, for every command and the window: what is wrong is said plainly (a folder
that cannot be made or written, a full disk, a damaged or emptied database), a damaged database is moved
aside on request (never deleted) and a fresh one started, and the settings and the installation, which live
beside the database, are kept whatever happens to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from .installation import Installation
from .instance import InstanceLock
from .paths import AppPaths
from .secrets import Secrets
from .store import Direction, LogRow, Outcome, Store
from .store.errors import DatabaseDamaged, DiskFull, FolderUnusable, NotWritable, StoreError
from .store.settings_copy import SettingsCopy, file_error
from .texts import Text

log = logging.getLogger(__name__)

_COMPANIONS = ("-wal", "-shm", "-journal")


def add_rebuild_option(parser: argparse.ArgumentParser) -> None:
    """``--rebuild`` for a command that opens the database."""
    parser.add_argument("--rebuild", action="store_true",
                        help="when the database is damaged: move it aside (it is kept) and start a fresh one; the "
                             "settings and saved passwords are kept")


def check_folders(paths: AppPaths) -> None:
    """Make the data, log and settings folders; raise a StoreError saying what stands in the way.

    FolderUnusable when a folder cannot be made, NotWritable when it or the database file is read-only for
    this user account, DiskFull when there is no room to make it.
    """
    for folder in dict.fromkeys((paths.data_dir, paths.log_dir, paths.config_dir)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise DiskFull(Text("The folder {folder} could not be made: the disk is full.",
                                    folder=str(folder)), concerns=str(folder)) from exc
            in_the_way = _file_in_the_way(folder)
            if in_the_way is not None:
                raise FolderUnusable(Text("The folder {folder} cannot be made: {file} is a file, not a folder.",
                                          folder=str(folder), file=str(in_the_way)), concerns=str(folder)) from exc
            raise FolderUnusable(Text("The folder {folder} cannot be made: {reason}.", folder=str(folder),
                                      reason=exc.strerror or type(exc).__name__), concerns=str(folder)) from exc
        if not os.access(folder, os.W_OK | os.X_OK):
            raise NotWritable(Text("The folder {folder} is read-only for this user account.", folder=str(folder)),
                              concerns=str(folder))
    for file in (paths.database, paths.settings_copy, paths.installation_file):
        if file.exists() and not os.access(file, os.W_OK):
            raise NotWritable(Text("The file {file} is read-only for this user account.", file=str(file)),
                              concerns=str(file))


def _file_in_the_way(folder: Path) -> Path | None:
    for place in (folder, *folder.parents):
        if place.exists():
            return None if place.is_dir() else place
    return None


def open_store(paths: AppPaths, *, rebuild: bool = False, told: Callable[[str], None] | None = None,
               settle: bool = True) -> Store:
    """The data folder's database, checked, with the settings and the installation in place.

    Raises a StoreError a person can act on. A damaged database (emptied, a damaged page, a table missing)
    raises DatabaseDamaged and is left as it is, unless ``rebuild``: then it is moved aside and a fresh one
    started, with the settings from their copy, and ``told`` hears what was done. Only call with ``rebuild``
    while holding the folder's lock (see ``open_store_for_command``). Without ``settle`` (a window watching a
    service, which keeps the folder) the settings copy and the installation are left to the service.
    """
    check_folders(paths)
    try:
        store = _open_checked(paths)
    except DatabaseDamaged as exc:
        if not rebuild:
            raise
        aside = move_aside(paths)
        log.warning("damaged database moved aside to %s (%s)", aside, exc.message)
        store = Store.open(paths.database)
        done = Text("The damaged database was moved aside to {aside} and a fresh one started ({problem}). The "
                    "settings were kept; the sync finds again what both systems already have.",
                    aside=str(aside), problem=exc.message)
        store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=done))
        if told is not None:
            told(done)
    if not settle:
        return store
    try:
        _keep_settings(store, paths)
        _first_start(store, paths)
    except BaseException:
        store.close()
        raise
    return store


def open_for_command(args: argparse.Namespace, paths: AppPaths, out: TextIO | None = None) -> Store:
    """``open_store_for_command`` with the command's ``--rebuild``."""
    return open_store_for_command(paths, rebuild=bool(getattr(args, "rebuild", False)), out=out)


def open_store_for_command(paths: AppPaths, *, rebuild: bool = False, out: TextIO | None = None) -> Store:
    """``open_store`` for a command that does not hold the folder's lock: a rebuild takes it for the while
    (and is refused, changing nothing, while another copy of the app runs on the folder); what it did is
    printed to ``out``."""
    def told(text: str) -> None:
        print(text, file=out or sys.stdout)

    if not rebuild:
        return open_store(paths, told=told)
    check_folders(paths)
    with InstanceLock(paths.lock_file):
        return open_store(paths, rebuild=True, told=told)


def _open_checked(paths: AppPaths) -> Store:
    empty = _emptied(paths.database)
    if empty is not None:
        raise empty
    store = Store.open(paths.database)
    try:
        store.verify()
    except BaseException:
        store.close()
        raise
    return store


def _emptied(database: Path) -> DatabaseDamaged | None:
    """A database file of 0 bytes (and no log of changes beside it) has lost everything it held."""
    try:
        if database.stat().st_size > 0:
            return None
        wal = Path(f"{database}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
    except FileNotFoundError:
        return None
    return DatabaseDamaged(Text(
        "The database {path} is empty (0 bytes): what it held is gone, for example because the disk was full or "
        "the computer was switched off while it was written.", path=str(database)), concerns=str(database))


def move_aside(paths: AppPaths) -> Path:
    """Rename the database and its companion files with the time, never deleting anything; the new name."""
    database = paths.database
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    n = 2
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_COMPANIONS)):
        target = database.with_name(f"{database.name}.damaged-{stamp}-{n}")
        n += 1
    # The companions first: a log of changes left beside a fresh database would be played into it.
    for suffix in (*_COMPANIONS, ""):
        source = Path(f"{database}{suffix}")
        if not source.exists():
            continue
        try:
            os.replace(source, Path(f"{target}{suffix}"))
        except OSError as exc:
            raise StoreError(Text("The damaged database {path} could not be moved aside: {reason}. Close every "
                                  "program that may have it open, then try again.", path=str(source),
                                  reason=exc.strerror or type(exc).__name__), concerns=str(source)) from exc
    return target


def _keep_settings(store: Store, paths: AppPaths) -> None:
    """Bring the database's settings and their copy together: whichever was saved last wins."""
    copy = SettingsCopy(paths.settings_copy)
    store.settings_copy = copy
    in_database, in_copy = store.saved_settings(), copy.read()
    if in_copy is not None and (in_database is None or in_copy.saved_at > in_database.saved_at):
        store.restore_settings(in_copy)
        log.info("settings taken from their copy %s (the database had %s)", copy.path,
                 "none" if in_database is None else "older ones")
    elif in_database is not None and not in_database.same_as(in_copy):
        copy.write(in_database)


def _first_start(store: Store, paths: AppPaths) -> None:
    """Give the folder its installation; a folder set up by an earlier version also gets its passwords moved."""
    settings = store.load_settings()
    store_name = settings.store_name if settings is not None else None
    try:
        installation = Installation.ensure(paths, set_up_for=store_name)
    except OSError as exc:
        raise file_error(exc, paths.installation_file, Text("the installation file")) from exc
    if store_name and installation.earlier_entries_of == store_name:
        Secrets.of_folder(paths, store_name)
