"""The stores of one installation, each with a data folder of its own: database, installation id (so its own
saved passwords), settings copy and logs.

The installation's data folder is the first store's folder, exactly as a single-store folder always was;
every further store gets ``stores/<name>/`` below it. Which stores there are, in the order they were added,
is kept in a small index file beside the first store's database. A folder set up before the index existed
is recorded as the first store the first time it is read: nothing is moved, its database, settings copy,
installation id and passwords stay where they are. A damaged index is rebuilt from the folders themselves.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import keyring.errors

from .config import parse_store_name
from .errors import ConfigError, SecretStoreUnavailable
from .paths import AppPaths
from .secrets import Secrets
from .store.settings_copy import file_error
from .texts import Text

log = logging.getLogger(__name__)

_INDEX_VERSION = 1
_FIRST = "."  # the index's word for the installation's own folder


@dataclass(frozen=True)
class StoreFolder:
    """One ePages store of the installation and the data folder that is its own (whose lock is the
    installation's: one copy of the app runs every store of it)."""

    name: str  # the ePages store name
    paths: AppPaths


def store_folders(paths: AppPaths) -> list[StoreFolder]:
    """Every store of the installation at ``paths``, in the order they were added; none before the setup.

    Records a single-store folder set up before stores had an index as the first store (the migration).
    """
    entries = _read_index(paths)
    changed = False
    if entries is None:
        entries = _found_on_disk(paths)
        changed = bool(entries) or paths.stores_index.exists()
    elif not any(folder == _FIRST for _, folder in entries):
        # The installation's own folder holds no store of the index, yet settings were saved there (the
        # setup's first save, or a store set up there again after it was removed): it is a store too.
        first = settings_store_name(paths)
        if first and all(name != first for name, _ in entries):
            entries.insert(0, (first, _FIRST))
            changed = True
    if changed:
        _write_index(paths, entries)
    return [StoreFolder(name, _paths_of(paths, folder)) for name, folder in entries]


def planned_store_folder(paths: AppPaths, name: str) -> StoreFolder:
    """The folder a store of this name would get, without making or recording anything; ConfigError as
    ``add_store_folder`` says."""
    store_name = parse_store_name(name)
    stores = store_folders(paths)
    if any(s.name == store_name for s in stores):
        raise ConfigError(
            Text("This installation already has a store named '{name}'. Choose it with --store {name}, or "
                 "add a store with another name.", name=store_name),
            concerns=Text("store name"))
    first_free = not any(s.paths == paths for s in stores)
    return StoreFolder(store_name, _paths_of(paths, _FIRST if first_free else f"stores/{store_name}"))


def add_store_folder(paths: AppPaths, name: str) -> StoreFolder:
    """Add a store to the installation and return its folder (made, with its log folder).

    ``name`` may be the bare store name or a pasted cockpit address. Raises ConfigError, changing nothing,
    when it is not a valid store name or the installation has a store of that name already. The first store
    of an installation keeps the installation's own folder; a leftover folder of an earlier store of the same
    name is taken over as it is (its database is a cache, found again in both systems).
    """
    planned = planned_store_folder(paths, name)
    entries = [(s.name, _folder_of(paths, s.paths)) for s in store_folders(paths)]
    planned.paths.ensure()
    entries.append((planned.name, _folder_of(paths, planned.paths)))
    _write_index(paths, entries)
    return planned


def remove_store_folder(paths: AppPaths, name: str) -> None:
    """Remove a store from the installation: first from the index, then its saved passwords, then its data.

    A further store's folder goes whole; the installation's own folder keeps what belongs to the
    installation (the index, the lock, the other stores) and loses the store's database, settings and logs.
    Raises ConfigError when the installation has no store of that name.
    """
    stores = store_folders(paths)
    found = next((s for s in stores if s.name == name), None)
    if found is None:
        raise ConfigError(unknown_store(name, [s.name for s in stores]), concerns=Text("store name"))
    _write_index(paths, [(s.name, _folder_of(paths, s.paths)) for s in stores if s is not found])
    try:
        Secrets.of_folder(found.paths, settings_store_name(found.paths) or name).delete_all()
    except (keyring.errors.KeyringError, SecretStoreUnavailable) as exc:  # a locked password store must not keep the store's data from going
        log.warning("saved passwords of store %s not removed: %s", name, exc)
    if found.paths.data_dir != paths.data_dir:
        shutil.rmtree(found.paths.data_dir, ignore_errors=True)
        return
    database = found.paths.database
    for file in (database, *(Path(f"{database}{s}") for s in ("-wal", "-shm", "-journal")),
                 found.paths.settings_copy):
        file.unlink(missing_ok=True)


def unknown_store(name: str, names: list[str]) -> Text:
    """'There is no store X' with the stores there are."""
    if not names:
        return Text("There is no store '{name}': nothing is set up in this data folder yet.", name=name)
    return Text("There is no store '{name}'. The stores of this installation: {names}.", name=name,
                names=", ".join(names))


def settings_store_name(paths: AppPaths) -> str | None:
    """The store name in a data folder's saved settings, read without opening the store (no migration runs,
    nothing is written): from the settings copy, which every save writes first, else from the database of a
    folder set up before the copy existed."""
    name = name_in_copy(paths.settings_copy)
    return name if name else name_in_database(paths.database)


def name_in_copy(copy: Path) -> str | None:
    try:
        name = json.loads(copy.read_text(encoding="utf-8"))["settings"].get("store_name")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return name if isinstance(name, str) and name else None


def name_in_database(database: Path) -> str | None:
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT json FROM settings WHERE id = 1").fetchone()
    except sqlite3.Error:  # damaged, not ours, or from before the settings had a table
        return None
    finally:
        conn.close()
    try:
        name = json.loads(row[0]).get("store_name") if row else None
    except (ValueError, AttributeError, TypeError):
        return None
    return name if isinstance(name, str) and name else None


def _paths_of(paths: AppPaths, folder: str) -> AppPaths:
    if folder == _FIRST:
        return paths
    base = paths.data_dir / folder
    return AppPaths(data_dir=base, log_dir=base / "logs", config_dir=base, demo=paths.demo,
                    lock_dir=paths.lock_file.parent)


def _folder_of(paths: AppPaths, store_paths: AppPaths) -> str:
    if store_paths == paths:
        return _FIRST
    return store_paths.data_dir.relative_to(paths.data_dir).as_posix()


def _read_index(paths: AppPaths) -> list[tuple[str, str]] | None:
    """The index's (name, folder) pairs; None when there is none, or it is damaged (then it is set aside)."""
    index = paths.stores_index
    try:
        text = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("the list of stores %s could not be read (%s); it is made again from the folders", index, exc)
        return None
    try:
        data = json.loads(text)
        entries = [(parse_store_name(str(e["name"])), str(e["folder"])) for e in data["stores"]]
        if any(folder != _FIRST and folder != f"stores/{name}" for name, folder in entries) \
                or len({name for name, _ in entries}) != len(entries):
            raise ValueError("a store listed twice or in a folder not its own")
    except (ValueError, KeyError, TypeError, ConfigError) as exc:
        aside = index.with_name(index.name + ".damaged")
        log.warning("the list of stores %s is damaged (%s); kept as %s and made again from the folders",
                    index, exc, aside)
        try:
            os.replace(index, aside)
        except OSError:
            pass
        return None
    return entries


def _found_on_disk(paths: AppPaths) -> list[tuple[str, str]]:
    """The stores the folders hold: the installation's own folder when settings were saved there, and
    every ``stores/<name>/`` with a database or settings of its own."""
    found: list[tuple[str, str]] = []
    first = settings_store_name(paths)
    if first:
        found.append((first, _FIRST))
    further = paths.store_dir("x").parent
    if further.is_dir():
        for folder in sorted(further.iterdir()):
            try:
                name = parse_store_name(folder.name)
            except ConfigError:
                continue
            inner = _paths_of(paths, f"stores/{name}")
            if name != first and (inner.database.exists() or inner.settings_copy.exists()):
                found.append((name, f"stores/{name}"))
    return found


def _write_index(paths: AppPaths, entries: list[tuple[str, str]]) -> None:
    """Replace the index whole or not at all."""
    data = {"version": _INDEX_VERSION, "stores": [{"name": n, "folder": f} for n, f in entries]}
    index = paths.stores_index
    index.parent.mkdir(parents=True, exist_ok=True)
    temporary = index.with_name(index.name + ".new")
    try:
        temporary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, index)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise file_error(exc, index, Text("the list of stores")) from exc
