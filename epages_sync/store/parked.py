"""Parked items: what the sync cannot finish alone, waiting for a person to retry or dismiss it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ..redaction import redactor
from ..texts import Text
from .connection import StoreBase, dump_json, dump_redacted, from_ms, load_json
from .models import ParkedItem

_COLUMNS = ("id, kind, reference, message, request, response, data, outbox_key, status, times, "
            "created_at, updated_at, cause")
# Parameters that name the one order or item a message is about, not what went wrong.
_WHICH = frozenset({"number", "id", "reference", "key"})


def cause_of(kind: str, reference: str, message: str, *, number: str | None = None) -> str:
    """A short key for what went wrong, the same for every item parked for the same reason.

    A message made from a template counts by its template and the parameters that describe the problem
    (the SKU, the refusal), leaving out the order it concerns; a plain message counts with the reference and
    the order number masked.
    """
    if isinstance(message, Text):
        params = {k: str(v) for k, v in message.params.items()
                  if k not in _WHICH and str(v) not in (reference, number)}
        basis = json.dumps([message.template, params], sort_keys=True, ensure_ascii=False)
    else:
        basis = str(message)
        for which in (reference, number):
            if which:
                basis = basis.replace(which, "\u2026")
    return hashlib.sha1(f"{kind}\0{basis}".encode()).hexdigest()[:8]


def _item(row: sqlite3.Row) -> ParkedItem:
    return ParkedItem(
        id=row["id"], kind=row["kind"], reference=row["reference"], message=row["message"],
        request=load_json(row["request"]), response=load_json(row["response"]), data=json.loads(row["data"]),
        outbox_key=row["outbox_key"], status=row["status"], times=row["times"],
        created_at=from_ms(row["created_at"]), updated_at=from_ms(row["updated_at"]), cause=row["cause"])


class ParkedItems(StoreBase):
    def park(self, kind: str, reference: str, message: str, *, request: Any = None, response: Any = None,
             data: dict[str, Any] | None = None, outbox_key: str | None = None) -> int:
        """Put something aside for a person; returns its id.

        The same kind and reference parked again (also after a retry that failed) updates that one item,
        so a problem the poller meets every five minutes is one line for the person, not hundreds.
        With ``outbox_key`` the push stops being sent until the item is retried.
        """
        data = data or {}
        cause = cause_of(str(kind), reference, message, number=str(data.get("order_number") or "") or None)
        message = redactor.text(message)
        now = self._now_ms()
        with self._transaction() as conn:
            parked_id: int = conn.execute(
                f"INSERT INTO parked ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 'open', 1, ?, ?, ?) "
                "ON CONFLICT (kind, reference) WHERE status IN ('open', 'retried') DO UPDATE SET "
                "message = excluded.message, request = excluded.request, response = excluded.response, "
                "data = excluded.data, outbox_key = coalesce(excluded.outbox_key, outbox_key), "
                "status = 'open', times = times + 1, updated_at = excluded.updated_at, cause = excluded.cause "
                "RETURNING id",
                (str(kind), reference, message, dump_redacted(request), dump_redacted(response),
                 dump_json(data), outbox_key, now, now, cause)).fetchone()[0]
            if outbox_key is not None:
                conn.execute("UPDATE outbox SET status = 'parked', last_error = ?, updated_at = ? "
                             "WHERE key = ? AND status IN ('pending', 'in_flight')", (message, now, outbox_key))
            return parked_id

    def get_parked(self, parked_id: int) -> ParkedItem | None:
        row = self._one(f"SELECT {_COLUMNS} FROM parked WHERE id = ?", (parked_id,))
        return None if row is None else _item(row)

    def open_parked_for(self, kind: str, reference: str) -> ParkedItem | None:
        """The item open (or handed back for a retry) for this kind and reference, if any."""
        row = self._one(f"SELECT {_COLUMNS} FROM parked WHERE kind = ? AND reference = ? "
                        "AND status IN ('open', 'retried')", (str(kind), reference))
        return None if row is None else _item(row)

    def open_parked(self) -> list[ParkedItem]:
        """Everything waiting for a person, oldest first."""
        return [_item(r) for r in self._all(f"SELECT {_COLUMNS} FROM parked WHERE status = 'open' ORDER BY id")]

    def open_parked_with_cause(self, cause: str) -> list[ParkedItem]:
        """Everything waiting for a person for the same reason (see ``cause_of``), oldest first."""
        return [_item(r) for r in self._all(
            f"SELECT {_COLUMNS} FROM parked WHERE status = 'open' AND cause = ? ORDER BY id", (cause,))]

    def retried_parked(self, kinds: tuple[str, ...]) -> list[ParkedItem]:
        """Items of these kinds handed back for a retry and not settled since, oldest first."""
        return [_item(r) for r in self._all(
            f"SELECT {_COLUMNS} FROM parked WHERE status = 'retried' AND kind IN "
            f"({','.join('?' * len(kinds))}) ORDER BY id", kinds)]

    def parked_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM parked WHERE status = 'open'"))

    def retry_parked(self, parked_id: int) -> ParkedItem | None:
        """A person pressed Retry: hand the item back to the engine; None if it is not open.

        A parked push goes straight back into the outbox, due now; for anything else the returned
        item carries what the engine needs (kind, reference, data) to try again.
        """
        items = self.retry_parked_many([parked_id])
        return items[0] if items else None

    def retry_parked_many(self, parked_ids: Sequence[int]) -> list[ParkedItem]:
        """``retry_parked`` for several items in one transaction; returns those that were open."""
        now = self._now_ms()
        handed_back: list[ParkedItem] = []
        with self._transaction() as conn:
            for parked_id in dict.fromkeys(parked_ids):
                row = conn.execute(f"SELECT {_COLUMNS} FROM parked WHERE id = ? AND status = 'open'",
                                   (parked_id,)).fetchone()
                if row is None:
                    continue
                conn.execute("UPDATE parked SET status = 'retried', updated_at = ? WHERE id = ?",
                             (now, parked_id))
                if row["outbox_key"] is not None:
                    conn.execute("UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? "
                                 "WHERE key = ? AND status = 'parked'", (now, now, row["outbox_key"]))
                handed_back.append(_item(conn.execute(f"SELECT {_COLUMNS} FROM parked WHERE id = ?",
                                                      (parked_id,)).fetchone()))
        return handed_back

    def resolve_parked(self, kind: str, reference: str) -> bool:
        """The sync itself got past the problem (e.g. the order was corrected and imported): close the item
        as resolved, so it no longer asks for a person. False if nothing was open."""
        cur = self._write("UPDATE parked SET status = 'resolved', updated_at = ? "
                          "WHERE kind = ? AND reference = ? AND status IN ('open', 'retried')",
                          (self._now_ms(), str(kind), reference))
        return cur.rowcount > 0

    def dismiss_parked(self, parked_id: int) -> bool:
        """A person decided an open item needs nothing more; a parked push is then never sent (its key stays
        known, so it is not queued again either). False if the item is not open."""
        return bool(self.dismiss_parked_many([parked_id]))

    def dismiss_parked_many(self, parked_ids: Sequence[int]) -> list[int]:
        """``dismiss_parked`` for several items in one transaction; returns the ids that were open."""
        now = self._now_ms()
        dismissed: list[int] = []
        with self._transaction() as conn:
            for parked_id in dict.fromkeys(parked_ids):
                row = conn.execute("SELECT outbox_key FROM parked WHERE id = ? AND status = 'open'",
                                   (parked_id,)).fetchone()
                if row is None:
                    continue
                conn.execute("UPDATE parked SET status = 'dismissed', updated_at = ? WHERE id = ?",
                             (now, parked_id))
                if row["outbox_key"] is not None:
                    conn.execute("UPDATE outbox SET status = 'dismissed', updated_at = ? "
                                 "WHERE key = ? AND status = 'parked'", (now, row["outbox_key"]))
                dismissed.append(parked_id)
        return dismissed
