"""Many writes of the store in one transaction: one commit, listeners told after it, nothing on failure."""

from __future__ import annotations

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
