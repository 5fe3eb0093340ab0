"""The one SQLite connection of the store: its pragmas, its lock, transactions, times and JSON."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import time
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
        # Transactions and lingering blocks open now (nested ones included).
        self._depth = 0
        # Writes of a finished ``lingering()`` block wait in an open transaction for the next commit (since
        # this moment, on the monotonic clock).
        self._lingering = False
        self._lingering_since = 0.0

    def _now_ms(self) -> int:
        return to_ms(self._clock())

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside commits together or not at all (inside another transaction: with it). Writes
        left by a ``lingering()`` block commit with it."""
        with self._lock:
            outermost = self._depth == 0
            waiting = len(self._after_commit)
            self._depth += 1
            try:
                with self._db.atomic():  # a savepoint when lingering writes hold the transaction open
                    yield self._conn
            except BaseException as exc:
                if outermost:
                    del self._after_commit[waiting:]  # what the lingering writes announce still waits
                if isinstance(exc, sqlite3.DatabaseError):
                    self._raise_readable(exc)
                raise
            finally:
                self._depth -= 1
            if not outermost:
                return
            done = self._commit_lingering() if self._lingering else self._committed()
        for action in done:
            action()

    def _committed(self) -> list[Callable[[], None]]:
        self.commits += 1
        done, self._after_commit = self._after_commit, []
        return done

    def _commit_lingering(self) -> list[Callable[[], None]]:
        # SQLite undoes an open transaction by itself after some errors (a full disk): then nothing waits.
        if self._conn.in_transaction:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:  # still waiting: the next commit tries again
                self._raise_readable(exc)
                raise
        self._lingering = False
        return self._committed()

    @contextlib.contextmanager
    def lingering(self) -> Iterator[None]:
        """The writes of this block are done now and seen by this connection at once, but commit with the
        store's next commit, whoever makes it (another block, one write, ``settle()``), not at the block's
        end: the engine's closing writes of one page go to disk with the claims of the next, one commit a
        page. Everything else stays as durable as before, since any other write commits them along.

        Only for writes whose loss in a crash is recovered from: completions of what the other system did
        (their claims were committed before the request, and are resolved against it after a restart).
        All of the block, or none of it, joins the waiting writes."""
        with self._lock:
            if self._depth > 0:  # inside a transaction: simply part of it
                with self._transaction():
                    yield
                return
            began = not self._conn.in_transaction
            self._depth += 1
            try:
                if began:
                    self._conn.execute("BEGIN")
                with self._db.atomic():  # a savepoint: a failure undoes this block alone
                    yield
            except BaseException as exc:
                if began and self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError):
                    self._raise_readable(exc)
                raise
            finally:
                self._depth -= 1
            if not self._lingering:
                self._lingering_since = time.monotonic()
            self._lingering = True

    def settle(self, *, older_than: float = 0.0) -> None:
        """Commit what ``lingering()`` blocks left waiting, if anything (a poll's end, a pause, closing);
        ``older_than``: only if it has waited that many seconds (while the engine waits for a slow answer,
        another program's write would wait for the file meanwhile)."""
        with self._lock:
            if not self._lingering or self._depth > 0:
                return
            if older_than and time.monotonic() - self._lingering_since < older_than:
                return
            done = self._commit_lingering()
        for action in done:
            action()

    def _when_committed(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or, inside a transaction, once it has committed (never if it is undone)."""
        with self._lock:
            if self._conn.in_transaction:
                self._after_commit.append(action)
                return
        action()

    def _raise_readable(self, exc: sqlite3.DatabaseError) -> None:
        """Raise the StoreError a person should read for ``exc``, if it is about the file or the disk."""
        if should_translate(exc):
            raise store_error_from(exc, self.path) from exc

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
            alone = self._depth == 0
            self.commits += alone and not self._lingering and not self._conn.in_transaction
            try:
                cursor = self._conn.execute(sql, params)
            except sqlite3.DatabaseError as exc:
                self._raise_readable(exc)
                raise
            if not (alone and self._lingering):
                return cursor
            done = self._commit_lingering()  # committed on its own, so with the writes waiting
        for action in done:
            action()
        return cursor
