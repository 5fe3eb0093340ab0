"""Remove everything epages-sync keeps on this computer: saved passwords, database and its backups, logs,
settings, the autostart entry and the demo's folder. Used by "Remove all data" in the window, by the
``remove-all-data`` command and by the Windows uninstaller.

Folders the app made for itself (the user's default folders) go completely. A folder given with
``--data-dir`` may hold other files too: there only the app's own files go, and the folder itself only
when nothing else is left in it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import keyring.errors

from . import APP_NAME
from .autostart import Autostart
from .cli_stores import chosen_store
from .errors import AlreadyRunning
from .instance import InstanceLock
from .paths import AppPaths, app_paths
from .secrets import Secrets
from .store_folders import name_in_copy, name_in_database, remove_store_folder, store_folders

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_NOT_CONFIRMED = 2
EXIT_RUNNING = 4

DEMO_FOLDER = "demo"
# A file the service-mode recipe keeps the two secrets in, on machines without a keyring.
SERVICE_ENV_FILE = "service.env"
# Folders the app makes inside a data folder, all of them its own (``stores``: the further stores' folders).
_APP_FOLDERS = ("logs", "screenshots", "stores")


@dataclass
class RemovalReport:
    """What was removed and what could not be, each in words a person understands."""

    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when nothing of the app's own data is left behind."""
        return not self.failed

    def text(self) -> str:
        lines = ["Removed:"] + [f"  - {item}" for item in self.removed or ["nothing (no data was found)"]]
        if self.failed:
            lines += ["Could not remove:"] + [f"  - {what}: {why}" for what, why in self.failed]
        if self.kept:
            lines += ["Left in place:"] + [f"  - {what}: {why}" for what, why in self.kept]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"complete": self.complete, "removed": self.removed,
                "failed": [{"item": w, "reason": r} for w, r in self.failed],
                "kept": [{"item": w, "reason": r} for w, r in self.kept]}


def saved_store_names(paths: AppPaths) -> list[str]:
    """Store names in the saved settings, including older ones still in the database's backups.

    Read without opening the store: no migration runs and nothing is written while data is being removed.
    """
    names: list[str] = []
    copied = name_in_copy(paths.settings_copy)
    if copied:
        names.append(copied)
    folders = [paths.data_dir] + ([paths.data_dir / DEMO_FOLDER] if not paths.demo else [])
    for folder in folders:
        for database in sorted(folder.glob(paths.database.name + "*")):
            if database.name.endswith(("-wal", "-shm", "-journal")):
                continue
            name = name_in_database(database)
            if name and name not in names:
                names.append(name)
    return names


def remove_all_data(paths: AppPaths, *, store_names: list[str],
                    secrets_factory: Callable[[str], Secrets] | None = None,
                    autostart: Autostart | None, held_lock: InstanceLock | None = None) -> RemovalReport:
    """Remove the passwords of ``store_names`` (this folder's own: ``Secrets.of_folder`` by default), the
    autostart entry and every file of ``paths``.

    Raises AlreadyRunning, removing nothing, while another copy of the app uses the data folder (or the
    demo's). A caller that holds the data folder's lock itself (the window, after stopping its sync) hands
    it in as ``held_lock``.
    """
    report = RemovalReport()
    # The demo has a folder of its own only beside the default data folder; with --data-dir it shares it.
    demo_dir = paths.data_dir / DEMO_FOLDER if paths.data_dir in _default_folders() and not paths.demo else None
    lock_files = [paths.lock_file] + ([demo_dir / paths.lock_file.name] if demo_dir else [])
    # The further stores of the installation keep their passwords under their own folders' installations.
    further = {s.name: s.paths for s in store_folders(paths) if s.paths != paths}
    names = list(dict.fromkeys([*store_names, *further]))

    def secrets_of(name: str) -> Secrets:
        if name in further:
            return Secrets.of_folder(further[name], name)
        return secrets_factory(name) if secrets_factory is not None else Secrets.of_folder(paths, name)

    with _holding(lock_files, held_lock):
        _remove_passwords(names, secrets_of, report)
        if autostart is not None:
            _remove_autostart(autostart, report)
        _close_our_log_files(paths.log_dir)
        _remove_files(paths, demo_dir, lock_files, report)
    # Only now that no lock is held: Windows refuses to delete a file that is open.
    for lock in lock_files:
        _unlink(lock, report)
    _remove_folders(paths, demo_dir, report)
    return report


@contextlib.contextmanager
def _holding(lock_files: list[Path], held: InstanceLock | None) -> Iterator[None]:
    acquired: list[InstanceLock] = []
    try:
        for lock_file in lock_files:
            if held is not None and held.lock_file == lock_file:
                continue
            if not lock_file.is_file():  # never create a folder just to lock it
                continue
            acquired.append(InstanceLock(lock_file).acquire())
    except AlreadyRunning as exc:
        # The caller's own lock stays held: refusing must not leave its running sync unguarded.
        for lock in acquired:
            lock.release()
        raise AlreadyRunning(
            f"{exc.message} Nothing was removed.",
            action="Quit epages-sync first (tray icon > Quit, or stop the service), then remove the "
                   "data again.") from None
    try:
        yield
    finally:
        for lock in acquired:
            lock.release()
        if held is not None:
            held.release()


def _remove_passwords(store_names: list[str], secrets_factory: Callable[[str], Secrets],
                      report: RemovalReport) -> None:
    for name in dict.fromkeys(n for n in store_names if n):
        what = f"Saved passwords of store '{name}'"
        secrets = secrets_factory(name)
        try:
            if not secrets.available:
                report.kept.append((what, "this computer has no secure password store, so none were saved"))
                continue
            service = secrets.service
            existed = secrets.saved_entries()
            secrets.delete_all()
            left = secrets.saved_entries()
        except keyring.errors.KeyringError as exc:
            report.failed.append(
                (what, f"the password store refused ({type(exc).__name__}); unlock it and try again"))
            continue
        if left:
            reason = (f"the password store kept them; delete the entries named '{service}' in the system's "
                      "password manager")
            report.failed.append((what, reason))
        elif existed:
            report.removed.append(f"{what} (system password store, '{service}')")


def _remove_autostart(autostart: Autostart, report: RemovalReport) -> None:
    try:
        if autostart.disable():
            report.removed.append(f"Start at login: {autostart.location}")
    except OSError as exc:
        report.failed.append((f"Start at login: {autostart.location}", _reason(exc)))


def _close_our_log_files(log_dir: Path) -> None:
    # This process's own log file would stay open (and undeletable on Windows) while it is removed.
    logger = logging.getLogger(__package__)
    for handler in list(logger.handlers):
        filename = getattr(handler, "baseFilename", None)
        if filename and Path(filename).parent == log_dir:
            logger.removeHandler(handler)
            handler.close()


def _default_folders() -> set[Path]:
    ours: set[Path] = set()
    for defaults in (app_paths(None), app_paths(None, demo=True)):
        ours |= {defaults.data_dir, defaults.log_dir, defaults.config_dir}
    return ours


def _is_ours(path: Path) -> bool:
    """A file the app makes in a data folder: its database (with companions and backups), lock and logs."""
    return path.name.startswith(APP_NAME) or path.name == SERVICE_ENV_FILE


def _remove_files(paths: AppPaths, demo_dir: Path | None, keep: list[Path], report: RemovalReport) -> None:
    wholesale = _default_folders()
    database = [p for p in paths.data_dir.glob(paths.database.name + "*") if p.is_file()]
    # Every file is tried, even after one refused, so the report names all that stayed.
    if database and not [p for p in sorted(database) if not _unlink(p, report)]:
        extra = len(database) - 1
        report.removed.append(f"Database: {paths.database}"
                              + (f" (with {extra} companion and backup file(s))" if extra > 0 else ""))
    if paths.log_dir.is_dir():
        logs = [p for p in paths.log_dir.iterdir() if paths.log_dir in wholesale or _is_ours(p)]
        if logs and _clear(paths.log_dir, logs, keep, report):
            report.removed.append(f"Logs: {len(logs)} file(s) in {paths.log_dir}")
    if demo_dir is not None and demo_dir.is_dir() and _clear(demo_dir, list(demo_dir.iterdir()), keep, report):
        report.removed.append(f"Demo folder: {demo_dir}")
    for folder in dict.fromkeys((paths.data_dir, paths.config_dir)):
        if not folder.is_dir():
            continue
        if folder in wholesale:
            items = [p for p in folder.iterdir() if p != demo_dir]
        else:
            items = [p for p in folder.iterdir()
                     if (p.is_dir() and p.name in _APP_FOLDERS) or (p.is_file() and _is_ours(p))]
        items = [p for p in items if p not in keep and p != paths.log_dir]
        if items and _clear(folder, items, keep, report):
            report.removed.append(f"{'Settings' if folder == paths.config_dir else 'Data'} folder: {folder}")


def _clear(folder: Path, items: list[Path], keep: list[Path], report: RemovalReport) -> bool:
    """Remove ``items`` (files or whole folders) of ``folder``; False when anything stayed."""
    ok = True
    for item in items:
        if item in keep:
            continue
        if item.is_dir() and not item.is_symlink():
            ok &= _clear(item, list(item.iterdir()), keep, report)
            if not any(k.parent == item for k in keep):
                ok &= _rmdir(item, report)
        else:
            ok &= _unlink(item, report)
    return ok


def _unlink(path: Path, report: RemovalReport) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return True
    except PermissionError:
        try:  # Windows refuses to delete a read-only file
            os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
            path.unlink()
        except OSError as exc:
            report.failed.append((str(path), _reason(exc)))
            return False
    except OSError as exc:
        report.failed.append((str(path), _reason(exc)))
        return False
    return True


def _rmdir(path: Path, report: RemovalReport) -> bool:
    try:
        path.rmdir()
    except FileNotFoundError:
        return True
    except OSError as exc:
        report.failed.append((str(path), _reason(exc)))
        return False
    return True


def _remove_folders(paths: AppPaths, demo_dir: Path | None, report: RemovalReport) -> None:
    wholesale = _default_folders()
    folders = [d for d in (demo_dir, paths.log_dir, paths.data_dir, paths.config_dir) if d is not None]
    for folder in dict.fromkeys(folders):
        if not folder.is_dir():
            continue
        left = sorted(p.name for p in folder.iterdir())
        if not left:
            _rmdir(folder, report)
        elif folder not in wholesale:
            shown = ", ".join(left[:5]) + (", ..." if len(left) > 5 else "")
            report.kept.append((str(folder), f"the folder also holds files epages-sync did not make ({shown})"))
        if folder in wholesale:
            _prune_empty_parents(folder)


def _prune_empty_parents(folder: Path) -> None:
    # platformdirs nests the app's folders (.../epages-sync/epages-sync on Windows, .../epages-sync/log on
    # Linux): the empty parents named after the app go too, nothing above them.
    for parent in folder.parents:
        if parent.name != APP_NAME:
            break
        try:
            parent.rmdir()
        except OSError:
            break


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "access denied: another program may have it open; close it and try again"
    return exc.strerror or type(exc).__name__


# --- the ``remove-all-data`` command ---------------------------------------------------------------


def add_remove_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "remove-all-data", help="remove settings, saved passwords, database, logs and autostart",
        description="Removes everything epages-sync keeps on this computer: the saved passwords in the "
                    "system's password store, the database and its backups, the logs, the settings, the "
                    "start-at-login entry and the demo's folder. The program itself stays installed. "
                    "Refuses while epages-sync is running.")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation (the uninstaller)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def _remove_one_store(args: argparse.Namespace, paths: AppPaths, out: TextIO, stdin: TextIO | None) -> int:
    """``remove-all-data --store NAME``: one store's passwords, database, settings and logs; the others stay."""
    found = chosen_store(args, paths, command="remove-all-data")
    if found is None:  # nothing set up: chosen_store names the store that is not there
        return EXIT_OK
    if not args.yes:
        if stdin is None or not stdin.isatty():
            print("Nothing was removed: confirm with --yes (this cannot be undone).", file=sys.stderr)
            return EXIT_NOT_CONFIRMED
        print(f"This removes store '{found.name}' from the installation: its saved passwords, database, settings "
              f"and logs in {found.paths.data_dir}. It cannot be undone.", file=out)
        print("Type REMOVE to go on: ", end="", file=out, flush=True)
        if stdin.readline().strip() != "REMOVE":
            print("Nothing was removed.", file=out)
            return EXIT_NOT_CONFIRMED
    try:
        with _holding([paths.lock_file], None):
            remove_store_folder(paths, found.name)
    except AlreadyRunning as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_RUNNING
    left = [s.name for s in store_folders(paths)]
    removed = f"Store '{found.name}': saved passwords, database, settings and logs ({found.paths.data_dir})"
    if args.json:
        print(json.dumps({"complete": True, "removed": [removed], "stores_left": left}, indent=2), file=out)
    else:
        print(f"Removed: {removed}. Stores left: {', '.join(left) or 'none'}.", file=out)
    return EXIT_OK


def cmd_remove_all_data(args: argparse.Namespace, paths: AppPaths, out: TextIO, stdin: TextIO | None, *,
                        autostart: Autostart | None = None) -> int:
    if getattr(args, "store", None):
        return _remove_one_store(args, paths, out, stdin)
    if not args.yes:
        if stdin is None or not stdin.isatty():
            print("Nothing was removed: confirm with --yes (this cannot be undone).", file=sys.stderr)
            return EXIT_NOT_CONFIRMED
        print(f"This removes all epages-sync data in {paths.data_dir}, the saved passwords and the "
              "start-at-login entry. It cannot be undone.", file=out)
        print("Type REMOVE to go on: ", end="", file=out, flush=True)
        if stdin.readline().strip() != "REMOVE":
            print("Nothing was removed.", file=out)
            return EXIT_NOT_CONFIRMED
    try:
        report = remove_all_data(paths, store_names=saved_store_names(paths),
                                 autostart=autostart or Autostart.for_this_install())
    except AlreadyRunning as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_RUNNING
    print(json.dumps(report.as_dict(), indent=2) if args.json else report.text(), file=out)
    return EXIT_OK if report.complete else EXIT_INCOMPLETE
