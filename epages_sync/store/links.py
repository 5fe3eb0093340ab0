"""Links between ePages and Afosto things: the only record of what has been synced already."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .connection import StoreBase, dump_json, from_ms
from .errors import LinkConflict, StoreError
from .models import Link, LinkKind, LinkStatus, Origin

_COLUMNS = "id, kind, epages_id, afosto_id, status, parent, origin, data, created_at, updated_at, finished_at"


def _link(row: sqlite3.Row) -> Link:
    return Link(
        id=row["id"], kind=row["kind"], epages_id=row["epages_id"], afosto_id=row["afosto_id"],
        status=row["status"], parent=row["parent"], origin=row["origin"], data=json.loads(row["data"]),
        created_at=from_ms(row["created_at"]), updated_at=from_ms(row["updated_at"]),
        finished_at=None if row["finished_at"] is None else from_ms(row["finished_at"]))


class Links(StoreBase):
    def add_pending_link(self, kind: str, epages_id: str, *, parent: str | None = None,
                         origin: Origin = Origin.EPAGES, data: dict[str, Any] | None = None) -> bool:
        """Claim an ePages thing before creating it in Afosto; False if it is pending or linked already.

        Only the caller that gets True may create the Afosto counterpart, so a crash or a second poll
        between the two writes never creates it twice.
        """
        now = self._now_ms()
        cur = self._write(
            "INSERT INTO links (kind, epages_id, afosto_id, status, parent, origin, data, created_at, updated_at) "
            "VALUES (?, ?, NULL, 'pending', ?, ?, ?, ?, ?) ON CONFLICT (kind, epages_id) DO NOTHING",
            (str(kind), epages_id, parent, Origin(origin).value, dump_json(data or {}), now, now))
        return cur.rowcount == 1

    def complete_link(self, kind: str, epages_id: str, afosto_id: str, *,
                      data: dict[str, Any] | None = None) -> Link:
        """Fill in the Afosto id of a pending link (``data`` is merged into what it had)."""
        kind = str(kind)
        with self._transaction() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND epages_id = ?",
                               (kind, epages_id)).fetchone()
            if row is None:
                raise StoreError(f"There is no pending {kind} link for ePages id {epages_id}.",
                                 concerns=f"{kind} {epages_id}")
            if row["status"] == LinkStatus.LINKED:
                if row["afosto_id"] == afosto_id:
                    return _link(row)
                raise LinkConflict(
                    f"ePages {kind} {epages_id} is linked to Afosto {row['afosto_id']}, not {afosto_id}.",
                    concerns=f"{kind} {epages_id}")
            self._refuse_taken_afosto_id(conn, kind, afosto_id, epages_id)
            merged = json.loads(row["data"]) | (data or {})
            conn.execute("UPDATE links SET afosto_id = ?, status = 'linked', data = ?, updated_at = ? WHERE id = ?",
                         (afosto_id, dump_json(merged), self._now_ms(), row["id"]))
            return _link(conn.execute(f"SELECT {_COLUMNS} FROM links WHERE id = ?", (row["id"],)).fetchone())

    def add_link(self, kind: str, epages_id: str, afosto_id: str, *, parent: str | None = None,
                 origin: Origin = Origin.APP, data: dict[str, Any] | None = None) -> Link:
        """Record a pair known at once (e.g. a process the app just wrote); the same pair again is harmless."""
        kind = str(kind)
        now = self._now_ms()
        with self._transaction() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND epages_id = ?",
                               (kind, epages_id)).fetchone()
            if row is not None:
                if row["afosto_id"] == afosto_id:
                    return _link(row)
                raise LinkConflict(
                    f"ePages {kind} {epages_id} is already "
                    + (f"linked to Afosto {row['afosto_id']}." if row["afosto_id"] else "waiting for its Afosto id."),
                    concerns=f"{kind} {epages_id}")
            self._refuse_taken_afosto_id(conn, kind, afosto_id, epages_id)
            cur = conn.execute(
                "INSERT INTO links (kind, epages_id, afosto_id, status, parent, origin, data, created_at, updated_at) "
                "VALUES (?, ?, ?, 'linked', ?, ?, ?, ?, ?)",
                (kind, epages_id, afosto_id, parent, Origin(origin).value, dump_json(data or {}), now, now))
            return _link(conn.execute(f"SELECT {_COLUMNS} FROM links WHERE id = ?", (cur.lastrowid,)).fetchone())

    @staticmethod
    def _refuse_taken_afosto_id(conn: sqlite3.Connection, kind: str, afosto_id: str, epages_id: str) -> None:
        other = conn.execute("SELECT epages_id FROM links WHERE kind = ? AND afosto_id = ?",
                             (kind, afosto_id)).fetchone()
        if other is not None:
            raise LinkConflict(
                f"Afosto {kind} {afosto_id} is already linked to ePages {other['epages_id']}, "
                f"so it cannot be linked to {epages_id} too.", concerns=f"{kind} {afosto_id}")

    def update_link_data(self, kind: str, epages_id: str, data: dict[str, Any]) -> bool:
        """Merge ``data`` into a link's data (a value of None removes that key); False if there is no link."""
        with self._transaction() as conn:
            row = conn.execute("SELECT id, data FROM links WHERE kind = ? AND epages_id = ?",
                               (str(kind), epages_id)).fetchone()
            if row is None:
                return False
            merged = json.loads(row["data"]) | data
            merged = {k: v for k, v in merged.items() if v is not None}
            conn.execute("UPDATE links SET data = ?, updated_at = ? WHERE id = ?",
                         (dump_json(merged), self._now_ms(), row["id"]))
            return True

    def link_by_epages(self, kind: str, epages_id: str) -> Link | None:
        row = self._one(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND epages_id = ?", (str(kind), epages_id))
        return None if row is None else _link(row)

    def link_by_afosto(self, kind: str, afosto_id: str) -> Link | None:
        row = self._one(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND afosto_id = ?", (str(kind), afosto_id))
        return None if row is None else _link(row)

    def pending_links(self, kind: str) -> list[Link]:
        """Links still waiting for their Afosto id, oldest first (to resolve after a crash)."""
        rows = self._all(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND status = 'pending' ORDER BY id",
                         (str(kind),))
        return [_link(r) for r in rows]

    def links_for_parent(self, kind: str, parent: str) -> list[Link]:
        rows = self._all(f"SELECT {_COLUMNS} FROM links WHERE kind = ? AND parent = ? ORDER BY id",
                         (str(kind), parent))
        return [_link(r) for r in rows]

    def count_links(self, kind: str, status: LinkStatus | None = None) -> int:
        if status is None:
            return int(self._scalar("SELECT count(*) FROM links WHERE kind = ?", (str(kind),)))
        return int(self._scalar("SELECT count(*) FROM links WHERE kind = ? AND status = ?",
                                (str(kind), LinkStatus(status).value)))

    def delete_link(self, kind: str, epages_id: str) -> bool:
        """Drop a pending link whose Afosto counterpart turned out never to have been created.

        A completed link is refused: forgetting it would let the next poll create the thing again.
        """
        with self._transaction() as conn:
            row = conn.execute("SELECT status, afosto_id FROM links WHERE kind = ? AND epages_id = ?",
                               (str(kind), epages_id)).fetchone()
            if row is None:
                return False
            if row["status"] != LinkStatus.PENDING:
                raise LinkConflict(
                    f"ePages {kind} {epages_id} is linked to Afosto {row['afosto_id']}; "
                    "a completed link is never removed.", concerns=f"{kind} {epages_id}")
            conn.execute("DELETE FROM links WHERE kind = ? AND epages_id = ?", (str(kind), epages_id))
            return True

    def unfinished_orders(self, limit: int = 500, after: int = 0) -> list[Link]:
        """Linked orders still worth checking in Afosto, in link-id order; page on with ``after=last.id``."""
        # The literals match the partial index links_unfinished_orders.
        rows = self._all(
            f"SELECT {_COLUMNS} FROM links WHERE kind = 'order' AND status = 'linked' AND finished_at IS NULL "
            "AND id > ? ORDER BY id LIMIT ?", (after, limit))
        return [_link(r) for r in rows]

    def mark_order_finished(self, epages_id: str) -> bool:
        """Stop watching an order that is closed on both sides; False if no unfinished linked order has this id."""
        cur = self._write(
            "UPDATE links SET finished_at = ?, updated_at = ? "
            "WHERE kind = ? AND epages_id = ? AND status = 'linked' AND finished_at IS NULL",
            (self._now_ms(), self._now_ms(), LinkKind.ORDER.value, epages_id))
        return cur.rowcount == 1
