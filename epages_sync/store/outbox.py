"""The outbox: every change for ePages is stored under an identity key before it is sent."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from ..redaction import redactor
from .connection import StoreBase, dump_json, dump_redacted, from_ms, load_json, to_ms
from .errors import StoreError
from .models import OutboxPush, Outcome, PushAttempt

_COLUMNS = ("id, key, kind, epages_order_id, epages_order_number, payload, status, attempts, next_attempt_at, "
            "last_error, created_at, updated_at")
_DAY_MS = 24 * 3600 * 1000


def _push(row: sqlite3.Row) -> OutboxPush:
    return OutboxPush(
        id=row["id"], key=row["key"], kind=row["kind"], epages_order_id=row["epages_order_id"],
        epages_order_number=row["epages_order_number"], payload=json.loads(row["payload"]),
        status=row["status"], attempts=row["attempts"], next_attempt_at=from_ms(row["next_attempt_at"]),
        last_error=row["last_error"], created_at=from_ms(row["created_at"]),
        updated_at=from_ms(row["updated_at"]))


class Outbox(StoreBase):
    def enqueue(self, key: str, kind: str, payload: dict[str, Any], *, epages_order_id: str | None = None,
                epages_order_number: str | None = None, not_before: dt.datetime | None = None) -> bool:
        """Store a push; False if this key is known already (pending, sent or dismissed): never twice."""
        # The payload is stored as given: it is exactly what will be sent, and tokens are only added
        # by the client at send time.
        now = self._now_ms()
        cur = self._write(
            "INSERT INTO outbox (key, kind, epages_order_id, epages_order_number, payload, status, attempts, "
            "next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) "
            "ON CONFLICT (key) DO NOTHING",
            (key, str(kind), epages_order_id, epages_order_number, dump_json(payload),
             now if not_before is None else to_ms(not_before), now, now))
        return cur.rowcount == 1

    def due(self, now: dt.datetime | None = None, limit: int = 50) -> list[OutboxPush]:
        """Pending pushes whose time has come, the longest-waiting first."""
        at = self._now_ms() if now is None else to_ms(now)
        rows = self._all(
            f"SELECT {_COLUMNS} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
            "ORDER BY next_attempt_at, id LIMIT ?", (at, limit))
        return [_push(r) for r in rows]

    def mark_in_flight(self, key: str) -> bool:
        """Note that a send starts; after a crash the engine reads ePages before sending such a push again."""
        cur = self._write("UPDATE outbox SET status = 'in_flight', updated_at = ? "
                          "WHERE key = ? AND status IN ('pending', 'in_flight')", (self._now_ms(), key))
        return cur.rowcount == 1

    def record_attempt(self, key: str, outcome: str, message: str, next_attempt_at: dt.datetime | None = None,
                       request: Any = None, response: Any = None) -> None:
        """Add a try to the push's history; with ``next_attempt_at`` the push waits for that time again."""
        outcome = Outcome(outcome).value
        message = redactor.text(message)
        now = self._now_ms()
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM outbox WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise StoreError(f"No push with key {key} is in the outbox.", concerns=key)
            conn.execute(
                "INSERT INTO push_attempts (outbox_id, at, outcome, message, request, response) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (row["id"], now, outcome, message, dump_redacted(request), dump_redacted(response)))
            if next_attempt_at is None:
                conn.execute(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = CASE WHEN ? = 'ok' THEN last_error "
                    "ELSE ? END, updated_at = ? WHERE id = ?", (outcome, message, now, row["id"]))
            else:
                conn.execute(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = CASE WHEN ? = 'ok' THEN last_error "
                    "ELSE ? END, status = 'pending', next_attempt_at = ?, updated_at = ? "
                    "WHERE id = ? AND status IN ('pending', 'in_flight')",
                    (outcome, message, to_ms(next_attempt_at), now, row["id"]))

    def complete(self, key: str) -> bool:
        """ePages confirmed the push. The row stays (until pruned) so the key keeps refusing repeats."""
        cur = self._write("UPDATE outbox SET status = 'done', updated_at = ? "
                          "WHERE key = ? AND status IN ('pending', 'in_flight', 'parked')", (self._now_ms(), key))
        return cur.rowcount == 1

    def get_push(self, key: str) -> OutboxPush | None:
        row = self._one(f"SELECT {_COLUMNS} FROM outbox WHERE key = ?", (key,))
        return None if row is None else _push(row)

    def push_attempts(self, key: str) -> list[PushAttempt]:
        rows = self._all(
            "SELECT a.at, a.outcome, a.message, a.request, a.response FROM push_attempts a "
            "JOIN outbox o ON o.id = a.outbox_id WHERE o.key = ? ORDER BY a.id", (key,))
        return [PushAttempt(at=from_ms(r["at"]), outcome=r["outcome"], message=r["message"],
                            request=load_json(r["request"]), response=load_json(r["response"])) for r in rows]

    def outbox_depth(self) -> int:
        """Pushes not yet confirmed and not waiting for a person."""
        return int(self._scalar("SELECT count(*) FROM outbox WHERE status IN ('pending', 'in_flight')"))

    def in_flight(self) -> list[OutboxPush]:
        rows = self._all(f"SELECT {_COLUMNS} FROM outbox WHERE status = 'in_flight' ORDER BY id")
        return [_push(r) for r in rows]

    def prune_outbox(self, older_than_days: int) -> int:
        """Forget finished pushes after a while; by then ePages' own state shows they happened."""
        cutoff = self._now_ms() - older_than_days * _DAY_MS
        with self._transaction() as conn:
            cur = conn.execute("DELETE FROM outbox WHERE status IN ('done', 'dismissed') AND updated_at < ?",
                               (cutoff,))
            return cur.rowcount
