"""The log of actions: stored rows with paging, filters, an order timeline, pruning and announcements.

Paging a million rows newest-first with a filter must stay in milliseconds. A filter on flow, direction
and outcome is spelled as every combination of the allowed values that has rows (``log_tally``, kept by
triggers, which also makes counting free); each combination is an equality on the index ``log_by_class``
and so yields its ids already newest-first, and the few hundred ids needed are merged here. SQLite
alone would sort every matching row before applying the page limit.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..redaction import redactor
from .connection import StoreBase, dump_redacted, from_ms, load_json, to_ms
from .models import HourActivity, LogEntry, LogFilter, LogRow, Outcome

log = logging.getLogger(__name__)

_DAY_MS = 24 * 3600 * 1000
_PRUNE_CHUNK = 5000
# A search matching more rows than this is answered by walking back from the newest row.
_BROAD_SEARCH = 20_000

_ENTRY_COLUMNS = (
    "l.id, l.at, l.direction, l.flow, l.epages_ref, l.afosto_ref, l.outcome, l.message, l.message_args, "
    "l.parked_id, "
    "EXISTS (SELECT 1 FROM log_detail d WHERE d.log_id = l.id) AS has_detail, "
    "coalesce(p.status = 'open', 0) AS needs_attention, p.status AS parked_status, p.times AS parked_times, "
    "p.created_at AS parked_since, p.cause AS parked_cause")
_ENTRY_FROM = "log l LEFT JOIN parked p ON p.id = l.parked_id"

NewRowsCallback = Callable[[int], None]


def _entry(row: sqlite3.Row) -> LogEntry:
    return LogEntry(
        id=row["id"], at=from_ms(row["at"]), direction=row["direction"], flow=row["flow"],
        epages_ref=row["epages_ref"], afosto_ref=row["afosto_ref"], outcome=row["outcome"],
        message=row["message"], parked_id=row["parked_id"], has_detail=bool(row["has_detail"]),
        needs_attention=bool(row["needs_attention"]), message_args=load_json(row["message_args"]),
        parked_status=row["parked_status"], parked_times=row["parked_times"] or 0,
        parked_since=from_ms(row["parked_since"]) if row["parked_since"] is not None else None,
        parked_cause=row["parked_cause"])


def _prefix_range(text: str) -> tuple[str, str]:
    # Every string starting with ``text`` sorts between these two (binary collation).
    return text, text + "\U0010ffff"


class ActionLog(StoreBase):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._subscribers: list[NewRowsCallback] = []
        self._subscribers_lock = threading.Lock()
        self._unannounced: int | None = None
        # The newest row announced so far, read without the store's lock (0 before the first).
        self.announced_id = 0

    # -- writing ---------------------------------------------------------------------------------

    def add_log(self, row: LogRow) -> int:
        return self.add_logs([row])

    def add_logs(self, rows: Iterable[LogRow]) -> int:
        """Store rows in one transaction; returns the id of the last one (the newest id if none given)."""
        now = self._now_ms()
        prepared = [
            (to_ms(r.at) if r.at is not None else now, r.direction.value, r.flow, r.epages_ref, r.afosto_ref,
             r.outcome.value, redactor.text(r.message), dump_redacted(r.message_args), r.parked_id,
             dump_redacted(r.detail))
            for r in rows]
        if not prepared:
            return self.newest_log_id()
        with self._transaction() as conn:
            # Ids are given explicitly so the details can be written with executemany too. Past the
            # sequence AUTOINCREMENT keeps, ids are never reused even after the newest rows were pruned.
            first = int(conn.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'log'), 0), "
                "coalesce((SELECT max(id) FROM log), 0)) + 1").fetchone()[0])
            conn.executemany(
                "INSERT INTO log (id, at, direction, flow, epages_ref, afosto_ref, outcome, message, "
                "message_args, parked_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(first + i, *p[:9]) for i, p in enumerate(prepared)])
            conn.executemany("INSERT INTO log_detail (log_id, detail) VALUES (?, ?)",
                             [(first + i, p[9]) for i, p in enumerate(prepared) if p[9] is not None])
            last = first + len(prepared) - 1
            # One row per open problem: a parked item met again replaces its older row (the item counts
            # the times), so a push held every round does not pile up rows.
            conn.executemany("DELETE FROM log WHERE parked_id = ? AND outcome = 'parked' AND id < ?",
                             [(p[8], first + i) for i, p in enumerate(prepared)
                              if p[8] is not None and p[5] == Outcome.PARKED.value])
        # Inside a bigger transaction, listeners hear of the newest row once, after the commit.
        self._unannounced = last
        self._when_committed(self._announce_unannounced)
        return last

    def _announce_unannounced(self) -> None:
        last, self._unannounced = self._unannounced, None
        if last is not None:
            self._announce(last)

    # -- announcements ---------------------------------------------------------------------------

    def subscribe(self, callback: NewRowsCallback) -> Callable[[], None]:
        """Call ``callback(newest_id)`` after every commit of new rows; returns the unsubscribe function.

        The callback runs on the writing thread, possibly an executor thread: it should only hand the
        id over (a Qt signal, ``loop.call_soon_threadsafe``) and return.
        """
        with self._subscribers_lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._subscribers_lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def _announce(self, newest_id: int) -> None:
        self.announced_id = max(self.announced_id, newest_id)
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(newest_id)
            except Exception:
                # The rows are stored; a broken listener must not turn that into a failed write.
                log.exception("A log listener failed on row %s", newest_id)

    # -- reading ---------------------------------------------------------------------------------

    def newest_log_id(self) -> int:
        return int(self._scalar("SELECT coalesce(max(id), 0) FROM log"))

    def log_page(self, before_id: int | None = None, limit: int = 200,
                 filters: LogFilter | None = None) -> list[LogEntry]:
        """Rows newest first, older than ``before_id``; page on with the id of the last row returned.

        With ``attention_first`` the first page (no ``before_id``) starts with the rows of items still
        waiting for a person (up to ``limit`` of them), followed by up to ``limit`` other rows; those
        rows are left out of the later pages, so nothing shows twice.
        """
        filters = filters or LogFilter()
        with self._lock:
            if not filters.attention_first:
                return self._entries(self._ids(filters, before_id, newest_first=True, limit=limit))
            ids: list[int] = []
            bound = before_id
            while len(ids) < limit:
                batch = self._ids(filters, bound, newest_first=True, limit=limit)
                waiting = self._waiting_among(batch)
                ids += [i for i in batch if i not in waiting]
                if len(batch) < limit:
                    break
                bound = batch[-1]
            ids = ids[:limit]
            if before_id is None:
                ids = self._waiting_ids(filters, limit) + ids
            return self._entries(ids)

    def log_after(self, after_id: int, limit: int = 200, filters: LogFilter | None = None) -> list[LogEntry]:
        """Rows newer than ``after_id``, oldest first, so a caller can continue from the last one it got."""
        with self._lock:
            return self._entries(self._ids(filters or LogFilter(), after_id, newest_first=False, limit=limit))

    def log_count(self, filters: LogFilter | None = None) -> int:
        filters = filters or LogFilter()
        with self._lock:
            if not filters.search:
                return sum(n for _, n in self._tally(filters))
            where, params = self._where(filters, by_scan=self._search_is_broad(filters.search))
            return int(self._conn.execute(f"SELECT count(*) FROM log l WHERE {where}", params).fetchone()[0])

    def log_detail(self, log_id: int) -> Any:
        """The redacted request/response stored with a row, or None."""
        return load_json(self._scalar("SELECT detail FROM log_detail WHERE log_id = ?", (log_id,)))

    def hourly_activity(self, first_hour: dt.datetime, hours: int = 24) -> list[HourActivity]:
        """Per hour from ``first_hour`` on: orders imported, updates ePages took, problems met; one query
        over the time index, so it stays quick with a million rows."""
        start = to_ms(first_hour)
        counts = {int(slot): (imported, sent, problems) for slot, imported, sent, problems in self._all(
            "SELECT (at - :start) / 3600000 AS slot, "
            "sum(direction = 'epages_to_afosto' AND flow = 'orders' AND outcome = 'ok'), "
            "sum(direction = 'afosto_to_epages' AND outcome = 'ok'), "
            "sum(outcome IN ('parked', 'error')) "
            "FROM log INDEXED BY log_by_time WHERE at >= :start AND at < :end GROUP BY slot",
            {"start": start, "end": start + hours * 3_600_000})}
        return [HourActivity(start=first_hour + dt.timedelta(hours=h),
                             **dict(zip(("orders_imported", "sent_to_epages", "problems"),
                                        counts.get(h, (0, 0, 0)), strict=True)))
                for h in range(hours)]

    def log_for_order(self, epages_ref: str, limit: int = 5000) -> list[LogEntry]:
        """Everything that happened to one order, oldest first."""
        rows = self._all(f"SELECT {_ENTRY_COLUMNS} FROM {_ENTRY_FROM} WHERE l.epages_ref = ? "
                         "ORDER BY l.id LIMIT ?", (epages_ref, limit))
        return [_entry(r) for r in rows]

    # -- retention -------------------------------------------------------------------------------

    def prune_log(self, older_than_days: int) -> int:
        """Delete rows older than the given age, except rows of parked items still waiting for a person.

        Deletes in chunks, each its own transaction, so the window is never kept waiting long.
        """
        cutoff = self._now_ms() - older_than_days * _DAY_MS
        removed = 0
        while True:
            with self._transaction() as conn:
                deleted = conn.execute(
                    "DELETE FROM log WHERE id IN (SELECT id FROM log INDEXED BY log_by_time WHERE at < ? AND "
                    "(parked_id IS NULL OR parked_id NOT IN (SELECT id FROM parked WHERE status = 'open')) "
                    "ORDER BY at LIMIT ?)", (cutoff, _PRUNE_CHUNK)).rowcount
            removed += deleted
            if deleted < _PRUNE_CHUNK:
                return removed

    # -- query building --------------------------------------------------------------------------

    def _tally(self, filters: LogFilter) -> list[tuple[tuple[str, str, str | None], int]]:
        """The (outcome, direction, flow) combinations with rows that the filter allows, with their counts."""
        result = []
        for outcome, direction, flow, n in self._conn.execute(
                "SELECT outcome, direction, flow, rows FROM log_tally WHERE rows > 0"):
            flow = flow or None
            if ((not filters.outcomes or outcome in filters.outcomes)
                    and (not filters.directions or direction in filters.directions)
                    and (not filters.flows or flow in filters.flows)):
                result.append(((outcome, direction, flow), n))
        return result

    def _search_is_broad(self, search: str) -> bool:
        """Whether so many rows match that scanning by id finds a page sooner than sorting the matches."""
        lo, hi = _prefix_range(search)
        n = self._conn.execute(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM log WHERE epages_ref >= :lo AND epages_ref < :hi "
            "LIMIT :cap)) + (SELECT count(*) FROM (SELECT 1 FROM log WHERE afosto_ref >= :lo AND afosto_ref < :hi "
            "LIMIT :cap))", {"lo": lo, "hi": hi, "cap": _BROAD_SEARCH}).fetchone()[0]
        return bool(n >= _BROAD_SEARCH)

    def _where(self, filters: LogFilter, *, by_scan: bool = False) -> tuple[str, list[Any]]:
        """The filter as one WHERE clause over ``log l``.

        ``by_scan`` keeps SQLite off the indexes (the unary +), for searches matching so many rows that
        walking back from the newest finds a page at once.
        """
        plus = "+" if by_scan else ""
        terms: list[str] = ["1"]
        params: list[Any] = []
        for column, values in (("outcome", filters.outcomes), ("direction", filters.directions),
                               ("flow", filters.flows)):
            if values:
                terms.append(f"{plus}l.{column} IN ({','.join('?' * len(values))})")
                params.extend(str(v) for v in values)
        if filters.search:
            lo, hi = _prefix_range(filters.search)
            if by_scan:
                terms.append("(+l.epages_ref >= ? AND +l.epages_ref < ? OR +l.afosto_ref >= ? AND +l.afosto_ref < ?)")
            else:
                terms.append("l.id IN (SELECT id FROM log WHERE epages_ref >= ? AND epages_ref < ? "
                             "UNION ALL SELECT id FROM log WHERE afosto_ref >= ? AND afosto_ref < ?)")
            params += [lo, hi, lo, hi]
        return " AND ".join(terms), params

    def _ids(self, filters: LogFilter, bound: int | None, *, newest_first: bool, limit: int) -> list[int]:
        """Ids of matching rows beyond ``bound`` (older when newest_first, else newer), in that order."""
        op, order = ("<", "DESC") if newest_first else (">", "")
        bound_sql = "" if bound is None else f" AND l.id {op} {int(bound)}"
        filtered = bool(filters.flows or filters.directions or filters.outcomes)
        if filtered and not filters.search:
            per_combination = [
                [r[0] for r in self._conn.execute(
                    "SELECT id FROM log l INDEXED BY log_by_class WHERE outcome = ? AND direction = ? "
                    f"AND flow IS ?{bound_sql} ORDER BY id {order} LIMIT ?", (*combination, limit))]
                for combination, _ in self._tally(filters)]
            return list(itertools.islice(heapq.merge(*per_combination, reverse=newest_first), limit))
        by_scan = bool(filters.search) and self._search_is_broad(filters.search)
        where, params = self._where(filters, by_scan=by_scan)
        return [r[0] for r in self._conn.execute(
            f"SELECT l.id FROM log l WHERE {where}{bound_sql} ORDER BY l.id {order} LIMIT ?", [*params, limit])]

    def _waiting_ids(self, filters: LogFilter, limit: int) -> list[int]:
        """Newest rows that belong to parked items still waiting for a person."""
        where, params = self._where(filters)
        return [r[0] for r in self._conn.execute(
            f"SELECT l.id FROM parked p JOIN log l ON l.parked_id = p.id WHERE p.status = 'open' "
            f"AND l.parked_id IS NOT NULL AND {where} ORDER BY l.id DESC LIMIT ?", [*params, limit])]

    def _waiting_among(self, ids: Sequence[int]) -> set[int]:
        if not ids:
            return set()
        return {r[0] for r in self._conn.execute(
            "SELECT l.id FROM log l JOIN parked p ON p.id = l.parked_id WHERE p.status = 'open' "
            f"AND l.id IN ({','.join('?' * len(ids))})", list(ids))}

    def _entries(self, ids: Sequence[int]) -> list[LogEntry]:
        if not ids:
            return []
        rows = self._conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM {_ENTRY_FROM} WHERE l.id IN ({','.join('?' * len(ids))})", list(ids))
        by_id = {r["id"]: r for r in rows}
        return [_entry(by_id[i]) for i in ids if i in by_id]
