"""The one SQLite connection of the store: its pragmas, its lock, transactions, times and JSON."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic_core import to_json
from sqlite_utils import Database

from ..redaction import redactor
from .errors import should_translate, store_error_from

Clock = Callable[[], dt.datetime]
BUSY_TIMEOUT_MS = 5000
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_ms(when: dt.datetime) -> int:
    """Times are stored as UTC milliseconds, so ordering and age limits never depend on text formats."""
    if when.tzinfo is None:
        # A naive time is ambiguous (the shop PC's local time or UTC?); refusing it avoids off-by-hours.
        raise ValueError(f"time without time zone: {when!r}")
    return (when - _EPOCH) // _MS


def from_ms(ms: int) -> dt.datetime:
    return _EPOCH + ms * _MS


def dump_json(value: Any) -> str:
    return to_json(value).decode()


def dump_redacted(value: Any) -> str | None:
    """JSON for requests, responses and details: the last place a token could slip onto the disk."""
    if value is None:
        return None
    return dump_json(redactor.value(value))


def load_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def connect(target: str) -> sqlite3.Connection:
    # check_same_thread is off because the engine hands bulk writes to an executor thread;
    # the store's lock makes sure only one thread uses the connection at a time.
    conn = sqlite3.connect(target, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Bounds the statistics work PRAGMA optimize does at close on a big log to milliseconds.
    conn.execute("PRAGMA analysis_limit = 400")
    return conn


class StoreBase:
    """State shared by the store's parts: the connection, the lock and the clock.

    What SQLite says about the file or the disk (damaged, full, read-only) comes out of every call as a
    StoreError a person can read (see errors.py); other SQLite errors stay as they are.
    """

    path: Path | None = None

    def __init__(self, conn: sqlite3.Connection, clock: Clock) -> None:
        self._conn = conn
        self._db = Database(conn, execute_plugins=False)
        self._lock = threading.RLock()
        self._clock = clock
        # Commits made so far (each one is a wait for the disk's log): what the engine's batching saves.
        self.commits = 0
        # What to do once the transaction under way has committed (announcing new log rows).
        self._after_commit: list[Callable[[], None]] = []

    def _now_ms(self) -> int:
        return to_ms(self._clock())

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside commits together or not at all (inside another transaction: with it)."""
        with self._lock:
            outermost = not self._conn.in_transaction
            try:
                with self._db.atomic():
                    yield self._conn
            except BaseException as exc:
                if outermost:
                    self._after_commit.clear()
                if isinstance(exc, sqlite3.DatabaseError):
                    self._raise_readable(exc)
                raise
            if not outermost:
                return
            self.commits += 1
            done, self._after_commit = self._after_commit, []
        for action in done:
            action()

    def _raise_readable(self, exc: sqlite3.DatabaseError) -> None:
        """Raise the StoreError a person should read for ``exc``, if it is about the file or the disk."""
        if should_translate(exc):
            raise store_error_from(exc, self.path) from exc

    def _when_committed(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or, inside a transaction, once it has committed (never if it is undone)."""
        with self._lock:
            if self._conn.in_transaction:
                self._after_commit.append(action)
                return
        action()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Every write of the store inside this block commits once, together, or not at all.

        For the engine's page of work (links, parked items, log rows): one commit instead of one per row.
        Hold it only around writes, never across a request: other threads wait for the store meanwhile.
        """
        with self._transaction():
            yield

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            try:
                row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            except sqlite3.DatabaseError as exc:
                self._raise_readable(exc)
                raise
            return row

    def _all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                self._raise_readable(exc)
                raise

    def _scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self._one(sql, params)
        return None if row is None else row[0]

    def _write(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """One statement, committed on its own (the connection is in autocommit mode), or with the
        transaction under way."""
        with self._lock:
            self.commits += not self._conn.in_transaction
            try:
                return self._conn.execute(sql, params)
            except sqlite3.DatabaseError as exc:
                self._raise_readable(exc)
                raise
