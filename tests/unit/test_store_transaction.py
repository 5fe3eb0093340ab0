"""Many writes of the store in one transaction: one commit, listeners told after it, nothing on failure."""

from __future__ import annotations

import pathlib

import pytest

from epages_sync.store import Direction, LinkKind, LogRow, Outcome, Store


def row(n: int) -> LogRow:
    return LogRow(direction=Direction.EPAGES_TO_AFOSTO, outcome=Outcome.OK, message=f"row {n}")


def test_links_parked_items_and_log_rows_of_a_page_commit_once() -> None:
    store = Store.memory()
    heard: list[int] = []
    store.subscribe(heard.append)
    before = store.commits
    with store.transaction():
        for n in range(20):
            assert store.add_pending_link(LinkKind.ORDER, f"ep-{n}", data={"number": str(n)})
            store.complete_link(LinkKind.ORDER, f"ep-{n}", f"af-{n}", data={"stage": "items"})
            store.add_log(row(n))
        store.park("order", "10099", "Order 10099: SKU X is unknown in Afosto.")
        assert heard == []  # not yet committed: nobody is told of rows they could not read
    assert store.commits - before == 1
    assert heard == [store.newest_log_id()]
    assert store.count_links(LinkKind.ORDER) == 20
    # Outside a transaction every write is its own commit, as before.
    store.add_log(row(99))
    assert store.commits - before == 2


def test_a_failed_block_leaves_nothing_and_announces_nothing() -> None:
    store = Store.memory()
    heard: list[int] = []
    store.subscribe(heard.append)
    newest = store.newest_log_id()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_pending_link(LinkKind.ORDER, "ep-1")
        store.add_log(row(1))
        raise RuntimeError("stopped half-way")
    assert store.link_by_epages(LinkKind.ORDER, "ep-1") is None
    assert store.newest_log_id() == newest and heard == []
    store.add_log(row(2))
    assert heard == [store.newest_log_id()]  # nothing of the failed block comes later either


# --- writes that wait for the next commit (one commit a page: Store.lingering) ---------------------------------

def on_disk(path: pathlib.Path) -> set[str]:
    """The order links another connection to the file sees: what is committed."""
    other = Store.open(path)
    try:
        return {f"ep-{n}" for n in range(1, 5) if other.link_by_epages(LinkKind.ORDER, f"ep-{n}") is not None}
    finally:
        other.close()


def test_lingering_writes_are_seen_at_once_and_committed_with_the_next_commit(tmp_path: pathlib.Path) -> None:
    store = Store.open(tmp_path / "sync.sqlite3")
    heard: list[int] = []
    store.subscribe(heard.append)
    before = store.commits
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-1")
        store.add_log(row(1))
    # This connection (the engine, the stock check, the window in this process) sees them now ...
    assert store.link_by_epages(LinkKind.ORDER, "ep-1") is not None
    # ... the file does not yet, and nobody was told of the row.
    assert on_disk(tmp_path / "sync.sqlite3") == set() and heard == []
    assert store.commits == before
    with store.transaction():  # the next page's claims
        store.add_pending_link(LinkKind.ORDER, "ep-2")
    assert store.commits - before == 1
    assert on_disk(tmp_path / "sync.sqlite3") == {"ep-1", "ep-2"}
    assert heard == [store.newest_log_id()]
    store.close()


def test_a_single_write_commits_what_waits_and_settle_or_close_commit_the_rest(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "sync.sqlite3"
    store = Store.open(path)
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-1")
    store.set_state("poll.last_good", "now")  # any write on its own is durable, and takes the waiting along
    assert on_disk(path) == {"ep-1"}
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-2")
    store.settle()
    assert on_disk(path) == {"ep-1", "ep-2"}
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-3")
    store.close()
    assert on_disk(path) == {"ep-1", "ep-2", "ep-3"}


def test_a_failed_lingering_block_leaves_nothing_and_keeps_what_waited_before(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "sync.sqlite3"
    store = Store.open(path)
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-1")
    with pytest.raises(RuntimeError), store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-2")
        raise RuntimeError("stopped half-way")
    assert store.link_by_epages(LinkKind.ORDER, "ep-2") is None
    with pytest.raises(RuntimeError), store.transaction():  # a failed transaction does not undo them either
        store.add_pending_link(LinkKind.ORDER, "ep-3")
        raise RuntimeError("stopped half-way")
    store.settle()
    assert on_disk(path) == {"ep-1"}
    store.close()


def test_lingering_writes_are_lost_with_the_process_that_made_them(tmp_path: pathlib.Path) -> None:
    """A crash before the next commit: the file has what was committed before, nothing of the block."""
    path = tmp_path / "sync.sqlite3"
    store = Store.open(path)
    store.add_pending_link(LinkKind.ORDER, "ep-1")
    with store.lingering():
        store.complete_link(LinkKind.ORDER, "ep-1", "af-1")
    store._conn.rollback()  # the process dies: its open transaction is undone
    other = Store.open(path)
    link = other.link_by_epages(LinkKind.ORDER, "ep-1")
    assert link is not None and link.status == "pending"
    other.close()
    store.settle()  # nothing waits any more; the store goes on
    store.add_pending_link(LinkKind.ORDER, "ep-2")
    assert on_disk(path) == {"ep-1", "ep-2"}
    store.close()


def test_waiting_writes_are_committed_once_they_have_waited_long_enough(tmp_path: pathlib.Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """While the engine waits for a slow answer, another program must not wait for the file for long."""
    from epages_sync.store import connection

    now = [1000.0]
    monkeypatch.setattr(connection.time, "monotonic", lambda: now[0])
    path = tmp_path / "sync.sqlite3"
    store = Store.open(path)
    with store.lingering():
        store.add_pending_link(LinkKind.ORDER, "ep-1")
    now[0] += 1.0
    with store.lingering():  # joining writes do not make the wait start again
        store.add_pending_link(LinkKind.ORDER, "ep-2")
    now[0] += 0.5
    store.settle(older_than=2.0)
    assert on_disk(path) == set()
    now[0] += 0.6
    store.settle(older_than=2.0)
    assert on_disk(path) == {"ep-1", "ep-2"}
    store.close()
