"""Errors of the local database, each with a title and what a person should do.

``store_error_from`` turns what SQLite reports (a damaged file, a full disk, a read-only folder) into one of
them, so a person reads what happened and what to do instead of a traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import SyncError
from ..texts import Text


class StoreError(SyncError):
    title = Text("Local database problem")
    action = Text("The sync's own database on this computer could not be used. Close the app, make sure the "
                  "disk is not full, and start again. If it keeps happening, send the log to support.")


class DatabaseTooNew(StoreError):
    title = Text("Data from a newer version")
    action = Text("This data folder was last used by a newer version of epages-sync. Install that version (or "
                  "a later one) again; nothing in the folder was changed.")


class NotOurDatabase(StoreError):
    title = Text("Not an epages-sync database")
    action = Text("The database file belongs to another program. Choose another data folder; the file was not "
                  "changed.")


class LinkConflict(StoreError):
    """A link would pair an ePages or Afosto thing a second time; refusing it prevents double syncs."""

    title = Text("Already linked differently")
    action = Text("The item is already linked to another one. Look at both in ePages and Afosto; "
                  "send the log to support if they really belong together.")


class DatabaseDamaged(StoreError):
    """The database file can no longer be read as it was written: emptied, a damaged page, a table gone.

    It can be moved aside (never deleted) and a fresh one started; the settings are kept apart from it.
    """

    title = Text("The local database is damaged")
    action = Text("Nothing was changed. To move the damaged file aside (it is kept) and start a fresh database, "
                  "agree in the window, or run the command again with --rebuild. Your settings and saved "
                  "passwords are kept; the sync then finds again what both systems already have.")


class DiskFull(StoreError):
    title = Text("The disk is full")
    action = Text("Free some space on the disk that holds the data folder (or choose another folder with "
                  "--data-dir), then start again. Nothing was lost.")


class NotWritable(StoreError):
    title = Text("The data folder cannot be written")
    action = Text("Give your user account permission to change the data folder and its files (or choose another "
                  "folder with --data-dir), then start again. Nothing was changed.")


class FolderUnusable(StoreError):
    title = Text("The data folder cannot be made")
    action = Text("Choose another data folder with --data-dir, or make sure the named place exists and your user "
                  "account may create folders there, then start again.")


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 3, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26


def store_error_from(exc: sqlite3.Error, path: Path | str | None) -> StoreError:
    """The StoreError a person should read for what SQLite reported about the database at ``path``."""
    where = str(path) if path else "the local database"
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DatabaseDamaged(Text("The database {path} is damaged: SQLite reports '{problem}'.",
                                    path=where, problem=str(exc)), concerns=where)
    if code == _SQLITE_FULL:
        return DiskFull(Text("The database {path} could not be written: the disk is full.", path=where),
                        concerns=where)
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        return NotWritable(Text("The database {path} could not be opened for writing: SQLite reports "
                                "'{problem}'.", path=where, problem=str(exc)), concerns=where)
    if code == _SQLITE_IOERR:
        return StoreError(Text("The disk could not read or write the database {path}: SQLite reports "
                               "'{problem}'.", path=where, problem=str(exc)), concerns=where)
    return StoreError(Text("The database {path} could not be used: {problem}.", path=where, problem=str(exc)),
                      concerns=where)


def should_translate(exc: BaseException) -> bool:
    """True for SQLite errors that say something about the file or the disk (not a bug in a statement)."""
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.IntegrityError):
        return False
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL,
                    _SQLITE_CANTOPEN, _SQLITE_NOTADB)
