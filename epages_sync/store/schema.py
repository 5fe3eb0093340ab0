"""The database layout as an ordered list of forward migrations, and the copy kept before each upgrade."""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseTooNew, NotOurDatabase
from .parked import cause_of

log = logging.getLogger(__name__)

_V1_TABLES = [
    # One row: the user's settings as JSON, with the settings model's own version.
    """CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        json TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    )""",
    """CREATE TABLE engine_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        epages_id TEXT NOT NULL,
        afosto_id TEXT,
        status TEXT NOT NULL,
        parent TEXT,
        origin TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((status = 'linked') = (afosto_id IS NOT NULL))
    )""",
    "CREATE UNIQUE INDEX links_by_epages ON links (kind, epages_id)",
    "CREATE UNIQUE INDEX links_by_afosto ON links (kind, afosto_id) WHERE afosto_id IS NOT NULL",
    "CREATE INDEX links_by_parent ON links (kind, parent) WHERE parent IS NOT NULL",
    "CREATE INDEX links_pending ON links (kind) WHERE status = 'pending'",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        epages_order_id TEXT,
        epages_order_number TEXT,
        payload TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    "CREATE INDEX outbox_by_status ON outbox (status, next_attempt_at)",
    """CREATE TABLE push_attempts (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        message TEXT NOT NULL,
        request TEXT,
        response TEXT
    )""",
    "CREATE INDEX push_attempts_by_push ON push_attempts (outbox_id)",
    """CREATE TABLE parked (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        reference TEXT NOT NULL,
        message TEXT NOT NULL,
        request TEXT,
        response TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        outbox_key TEXT,
        status TEXT NOT NULL,
        times INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    # One unresolved item per problem: parking the same thing again updates it.
    "CREATE UNIQUE INDEX parked_unresolved ON parked (kind, reference) WHERE status IN ('open', 'retried')",
    # AUTOINCREMENT: ids are never reused after pruning, so "rows after id N" stays true for the window.
    """CREATE TABLE log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        direction TEXT NOT NULL,
        flow TEXT,
        epages_ref TEXT,
        afosto_ref TEXT,
        outcome TEXT NOT NULL,
        message TEXT NOT NULL,
        parked_id INTEGER REFERENCES parked (id) ON DELETE SET NULL
    )""",
    "CREATE INDEX log_by_epages_ref ON log (epages_ref) WHERE epages_ref IS NOT NULL",
    "CREATE INDEX log_by_parked ON log (parked_id) WHERE parked_id IS NOT NULL",
    """CREATE TABLE log_detail (
        log_id INTEGER PRIMARY KEY REFERENCES log (id) ON DELETE CASCADE,
        detail TEXT NOT NULL
    )""",
]


def _v1_initial_tables(db: Database) -> None:
    for statement in _V1_TABLES:
        db.execute(statement)


def _v2_unfinished_orders_and_log_filters(db: Database) -> None:
    # The pushers check only orders that are still open; closed ones are marked and skipped.
    db.table("links").add_column("finished_at", int)
    db.execute("CREATE INDEX links_unfinished_orders ON links (id) "
               "WHERE kind = 'order' AND status = 'linked' AND finished_at IS NULL")
    # Each filter combination of the log view is an equality on all three columns, so every
    # combination reads its ids newest-first straight from this index (see log.py).
    db.execute("CREATE INDEX log_by_class ON log (outcome, direction, flow)")
    db.execute("CREATE INDEX log_by_afosto_ref ON log (afosto_ref) WHERE afosto_ref IS NOT NULL")
    db.execute("CREATE INDEX log_by_time ON log (at)")
    # Rows per (outcome, direction, flow), kept exact by triggers: counts for the log view without
    # scanning, and the list of combinations that exist. '' stands for "no flow" because NULLs never
    # meet in a primary key.
    db.execute("CREATE TABLE log_tally (outcome TEXT NOT NULL, direction TEXT NOT NULL, flow TEXT NOT NULL, "
               "rows INTEGER NOT NULL, PRIMARY KEY (outcome, direction, flow)) WITHOUT ROWID")
    db.execute("INSERT INTO log_tally SELECT outcome, direction, coalesce(flow, ''), count(*) FROM log "
               "GROUP BY 1, 2, 3")
    db.execute("CREATE TRIGGER log_tally_insert AFTER INSERT ON log BEGIN "
               "INSERT INTO log_tally VALUES (new.outcome, new.direction, coalesce(new.flow, ''), 1) "
               "ON CONFLICT DO UPDATE SET rows = rows + 1; END")
    db.execute("CREATE TRIGGER log_tally_delete AFTER DELETE ON log BEGIN "
               "UPDATE log_tally SET rows = rows - 1 WHERE outcome = old.outcome AND direction = old.direction "
               "AND flow = coalesce(old.flow, ''); END")


def _v3_log_message_templates(db: Database) -> None:
    # The template and parameters of a log message, so the window shows old rows in today's language.
    # Adding a column leaves existing rows untouched (NULL: shown as their stored English).
    db.table("log").add_column("message_args", str)


def _v4_parked_causes_and_one_row_per_problem(db: Database) -> None:
    # What a parked item is about without the order it concerns: items with the same cause are retried or
    # dismissed together (38 orders waiting for the same unknown SKU).
    db.table("parked").add_column("cause", str)
    for parked_id, kind, reference, message, data in db.execute(
            "SELECT id, kind, reference, message, data FROM parked").fetchall():
        db.execute("UPDATE parked SET cause = ? WHERE id = ?",
                   (cause_of(kind, reference, message, number=_number(data)), parked_id))
    db.execute("CREATE INDEX parked_by_cause ON parked (cause) WHERE status = 'open'")
    # A problem met again updates its one log row instead of adding another: the rows piled up before
    # collapse into the newest of each item (the item keeps how often it was met).
    db.execute("DELETE FROM log WHERE outcome = 'parked' AND parked_id IS NOT NULL AND id NOT IN "
               "(SELECT max(id) FROM log WHERE outcome = 'parked' AND parked_id IS NOT NULL GROUP BY parked_id)")


def _number(data: str | None) -> str | None:
    try:
        value = json.loads(data or "{}").get("order_number")
    except (ValueError, AttributeError):
        return None
    return str(value) if value else None


Migration = Callable[[Database], None]

# Position i brings a database from version i to version i + 1. Only ever append.
MIGRATIONS: list[Migration] = [
    _v1_initial_tables,
    _v2_unfinished_orders_and_log_filters,
    _v3_log_message_templates,
    _v4_parked_causes_and_one_row_per_problem,
]
SCHEMA_VERSION = len(MIGRATIONS)


@functools.cache
def layout_tables() -> frozenset[str]:
    """The tables a database of the current layout has."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(Database(conn), None)
        return frozenset(tables_in(conn))
    finally:
        conn.close()


def tables_in(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a version-``version`` database goes; an older copy is never overwritten."""
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.v{version}.{n}.bak")
        n += 1
    return candidate


def make_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database with SQLite's backup API, which gives a consistent copy even with WAL."""
    target = backup_path(path, version)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(db: Database, path: Path | None, target: int = SCHEMA_VERSION) -> int:
    """Bring the database to ``target``; returns the version it had. Each step commits with its number."""
    conn = db.conn
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"The database {path or ''} has layout version {version}; this version of epages-sync "
            f"knows up to {SCHEMA_VERSION}.", concerns=str(path) if path else None)
    if version == 0:
        has_tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchone()[0]
        if has_tables:
            raise NotOurDatabase(f"{path or 'The database'} has tables but no epages-sync layout version.",
                                 concerns=str(path) if path else None)
    if version >= target:
        return version
    if version > 0 and path is not None:
        copy = make_backup(conn, path, version)
        log.info("Kept a copy of the version %s database at %s before upgrading", version, copy)
    for step_target in range(version + 1, target + 1):
        with db.atomic():
            MIGRATIONS[step_target - 1](db)
            # user_version lives in the database header and is part of the same transaction.
            conn.execute(f"PRAGMA user_version = {step_target}")
        log.info("Database layout upgraded to version %s", step_target)
    return version
