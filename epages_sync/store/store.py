"""The Store: opening (WAL, migrations with a backup), closing, and all parts in one object."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from ..texts import Text
from .checkpoints import FALLBACK_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES, Checkpointer
from .connection import Clock, connect, utc_now
from .errors import DatabaseDamaged, store_error_from
from .links import Links
from .log import ActionLog
from .outbox import Outbox
from .parked import ParkedItems
from .schema import layout_tables, migrate, schema_version, tables_in
from .state import SettingsAndState

log = logging.getLogger(__name__)


class Store(SettingsAndState, Links, Outbox, ParkedItems, ActionLog):
    """The sync's local database: settings, engine state, links, outbox, parked items and the log.

    One connection guarded by a lock: any thread may call it, one at a time. Single-row calls are cheap
    enough for the GUI thread; bulk writes belong on an executor thread.
    """

    checkpointer: Checkpointer | None = None
    _closed = False

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Store:
        """Open (or create) the database at ``path`` and bring it to the current layout.

        An existing database is copied to ``<name>.v<old>.bak`` before it is upgraded; one from a newer
        version of the app is refused untouched.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = connect(str(path))
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            # With WAL, NORMAL loses at most the last commits on power loss, never consistency.
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, clock)
            store.path = path
            migrate(store._db, path)
            if store.journal_mode.lower() == "wal":
                # Commits must not wait for the disk: a thread of the store's own copies the log into the
                # database (see checkpoints.py); this connection does it only as a fallback.
                conn.execute(f"PRAGMA wal_autocheckpoint = {FALLBACK_AUTOCHECKPOINT_PAGES}")
                conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
                store.checkpointer = Checkpointer(path)
                store.checkpointer.start()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise store_error_from(exc, path) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def verify(self) -> None:
        """Raise DatabaseDamaged when SQLite's check finds a damaged page or a table of the layout is missing.

        Reads every page once: about a third of a second for a database of a million log rows.
        """
        problems = [str(row[0]) for row in self._all("PRAGMA quick_check") if row[0] != "ok"]
        where = str(self.path or "the local database")
        if problems:
            raise DatabaseDamaged(Text("The database {path} is damaged: SQLite's check found '{problem}'.",
                                       path=where, problem=problems[0]), concerns=where)
        with self._lock:
            present = set(tables_in(self._conn))
        missing = sorted(layout_tables() - present)
        if missing:
            raise DatabaseDamaged(Text("The database {path} is damaged: its table(s) {tables} are missing.",
                                       path=where, tables=missing), concerns=where)

    @classmethod
    def memory(cls, *, clock: Clock = utc_now) -> Store:
        """A private in-memory database (tests, the demo's dry runs)."""
        conn = connect(":memory:")
        store = cls(conn, clock)
        migrate(store._db, None)
        return store

    def memory_copy(self) -> Store:
        """A private in-memory copy of this database: what it knows (links, parked items) to plan with and
        throw away (the setup wizard's preview), leaving this one untouched."""
        copy = Store.memory(clock=self._clock)
        self.settle()
        with self._lock, copy._lock:
            self._conn.backup(copy._conn)
        return copy

    @property
    def schema_version(self) -> int:
        with self._lock:
            return schema_version(self._conn)

    @property
    def journal_mode(self) -> str:
        return str(self._scalar("PRAGMA journal_mode"))

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.stop()  # before the lock: its last checkpoint may still be running
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self.settle()
            except Exception:
                log.exception("The writes waiting for a commit could not be committed while closing the store")
            try:
                # Keeps the planner's statistics fresh at a moment nobody waits for it.
                self._conn.execute("PRAGMA optimize")
            except Exception:
                log.exception("PRAGMA optimize failed while closing the store")
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
