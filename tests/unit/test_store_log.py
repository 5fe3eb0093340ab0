"""The log view's data: paging newest first, new rows, filters, search, detail, timelines, pruning."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from epages_sync.config import Flow
from epages_sync.store import Direction, LogEntry, LogFilter, LogRow, Outcome, Store

T0 = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)
E2A, A2E, SYS = Direction.EPAGES_TO_AFOSTO, Direction.AFOSTO_TO_EPAGES, Direction.SYSTEM


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> Store:
    return Store.memory(clock=clock)


def _row(n: int, outcome: Outcome = Outcome.OK, flow: str | None = Flow.ORDERS, direction: Direction = E2A,
         **kw: object) -> LogRow:
    return LogRow(direction=direction, flow=flow, outcome=outcome, message=f"row {n}",
                  epages_ref=kw.pop("epages_ref", str(10000 + n)), **kw)  # type: ignore[arg-type]


def _messages(entries: list[LogEntry]) -> list[str]:
    return [e.message for e in entries]


def test_pages_run_newest_first_without_gaps_or_repeats(store: Store) -> None:
    last = store.add_logs([_row(i) for i in range(25)])
    assert last == store.newest_log_id()
    seen: list[str] = []
    page = store.log_page(limit=10)
    while page:
        seen += _messages(page)
        page = store.log_page(before_id=page[-1].id, limit=10)
    assert seen == [f"row {i}" for i in reversed(range(25))]


def test_new_rows_are_fetched_after_the_last_one_seen(store: Store) -> None:
    store.add_logs([_row(i) for i in range(3)])
    newest = store.log_page()[0].id
    store.add_logs([_row(i) for i in range(3, 8)])
    assert _messages(store.log_after(newest)) == [f"row {i}" for i in range(3, 8)]
    first = store.log_after(newest, limit=2)
    assert _messages(first) == ["row 3", "row 4"]
    assert _messages(store.log_after(first[-1].id, limit=2)) == ["row 5", "row 6"]
    parked_only = LogFilter(outcomes={Outcome.PARKED})
    assert store.log_after(newest, filters=parked_only) == []


def test_filters_by_flow_direction_and_outcome_combine(store: Store) -> None:
    store.add_logs([
        _row(0, Outcome.OK, Flow.ORDERS, E2A),
        _row(1, Outcome.PARKED, Flow.ORDERS, E2A),
        _row(2, Outcome.RETRYING, Flow.SHIPMENTS, A2E),
        _row(3, Outcome.OK, Flow.INVENTORY, A2E),
        _row(4, Outcome.ERROR, None, SYS, epages_ref=None),
        _row(5, Outcome.PARKED, Flow.SHIPMENTS, A2E),
        _row(6, Outcome.OK, "locations", SYS),  # a flow the enum does not know yet
    ])
    problems = LogFilter(outcomes={Outcome.PARKED, Outcome.ERROR, Outcome.RETRYING})
    assert _messages(store.log_page(filters=problems)) == ["row 5", "row 4", "row 2", "row 1"]
    assert _messages(store.log_page(filters=LogFilter(flows={Flow.SHIPMENTS}))) == ["row 5", "row 2"]
    assert _messages(store.log_page(filters=LogFilter(directions={SYS}))) == ["row 6", "row 4"]
    assert _messages(store.log_page(filters=LogFilter(directions={A2E}, outcomes={Outcome.OK}))) == ["row 3"]
    assert _messages(store.log_page(filters=LogFilter(flows={"locations"}))) == ["row 6"]
    assert store.log_page(filters=LogFilter(flows={Flow.RETURNS})) == []
    # Paging inside a filter continues where the last page stopped.
    page = store.log_page(limit=2, filters=problems)
    assert _messages(store.log_page(before_id=page[-1].id, limit=2, filters=problems)) == ["row 2", "row 1"]
    assert store.log_count() == 7
    assert store.log_count(problems) == 4
    assert store.log_count(LogFilter(directions={A2E}, flows={Flow.SHIPMENTS})) == 2


def test_search_finds_an_order_by_number_or_afosto_reference(store: Store) -> None:
    store.add_logs([
        _row(0, epages_ref="10042", afosto_ref="A-777"),
        _row(1, epages_ref="10043"),
        _row(2, epages_ref="20042", afosto_ref="100420"),
        _row(3, epages_ref="10042", outcome=Outcome.PARKED),
    ])
    assert _messages(store.log_page(filters=LogFilter(search="10042"))) == ["row 3", "row 2", "row 0"]
    # As typed from a customer mail, with a hash and spaces.
    assert _messages(store.log_page(filters=LogFilter(search=" #10042 "))) == ["row 3", "row 2", "row 0"]
    assert _messages(store.log_page(filters=LogFilter(search="A-777"))) == ["row 0"]
    assert _messages(store.log_page(filters=LogFilter(search="1004"))) == ["row 3", "row 2", "row 1", "row 0"]
    both = LogFilter(search="10042", outcomes={Outcome.PARKED})
    assert _messages(store.log_page(filters=both)) == ["row 3"]
    assert store.log_count(LogFilter(search="10042")) == 3
    assert store.log_page(filters=LogFilter(search="99999")) == []
    # The start of a reference, not any part of it: that is what the indexes can answer at once.
    assert store.log_page(filters=LogFilter(search="0042")) == []


def test_a_broad_search_pages_the_same_as_a_narrow_one(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_logs([_row(i, epages_ref=f"1{i:04d}") for i in range(30)] + [_row(30, epages_ref="20000")])
    narrow = [_messages(store.log_page(limit=7, filters=LogFilter(search="1")))]
    # Past the threshold the store walks back from the newest row instead of sorting the matches.
    monkeypatch.setattr("epages_sync.store.log._BROAD_SEARCH", 5)
    broad = [_messages(store.log_page(limit=7, filters=LogFilter(search="1")))]
    assert narrow == broad
    assert narrow[0] == [f"row {i}" for i in range(29, 22, -1)]
    assert store.log_count(LogFilter(search="1")) == 30


def test_detail_is_stored_apart_redacted_and_fetched_by_id(store: Store) -> None:
    detail = {"request": {"url": "https://my-shop.beyondshop.cloud/api/orders",
                          "headers": {"Authorization": "Bearer abcdefghijklmnopqrstuvwxyz0123"}},
              "response": {"status": 201, "body": {"orderNumber": "10001"}}}
    with_detail = store.add_log(_row(0, detail=detail))
    without = store.add_log(_row(1))
    entries = {e.id: e for e in store.log_page()}
    assert entries[with_detail].has_detail and not entries[without].has_detail
    stored = store.log_detail(with_detail)
    assert stored["response"] == {"status": 201, "body": {"orderNumber": "10001"}}
    assert "abcdefghijklmnopqrstuvwxyz0123" not in str(stored)
    assert store.log_detail(without) is None


def test_the_order_timeline_is_everything_for_one_order_oldest_first(store: Store, clock: FakeClock) -> None:
    store.add_log(_row(0, epages_ref="10001"))
    clock.advance(minutes=1)
    store.add_log(_row(1, epages_ref="10002"))
    store.add_log(_row(2, epages_ref="10001", flow=Flow.SHIPMENTS, direction=A2E))
    store.add_log(_row(3, epages_ref="100011"))
    timeline = store.log_for_order("10001")
    assert _messages(timeline) == ["row 0", "row 2"]
    assert timeline[0].at == T0 and timeline[1].at == T0 + dt.timedelta(minutes=1)


def test_pruning_removes_old_rows_but_keeps_those_of_open_parked_items(store: Store, clock: FakeClock) -> None:
    waiting = store.park("order", "10001", "SKU unknown")
    settled = store.park("order", "10002", "SKU unknown")
    store.add_logs([
        _row(0, Outcome.PARKED, epages_ref="10001", parked_id=waiting, detail={"x": 1}),
        _row(1, Outcome.PARKED, epages_ref="10002", parked_id=settled),
        _row(2),
    ])
    store.dismiss_parked(settled)
    clock.advance(days=91)
    store.add_log(_row(3))
    assert store.prune_log(older_than_days=90) == 2
    assert _messages(store.log_page()) == ["row 3", "row 0"]
    assert store.log_detail(store.log_page()[-1].id) == {"x": 1}
    assert store.log_count() == 2
    # Once the person settles it, the row ages out like any other.
    store.dismiss_parked(waiting)
    assert store.prune_log(older_than_days=90) == 1
    assert _messages(store.log_page()) == ["row 3"]


def test_rows_needing_attention_can_come_first(store: Store) -> None:
    waiting = store.park("order", "10001", "SKU unknown")
    store.add_logs([_row(0, Outcome.PARKED, parked_id=waiting)] + [_row(i) for i in range(1, 6)])
    attention_first = LogFilter(attention_first=True)
    first = store.log_page(limit=3, filters=attention_first)
    assert _messages(first) == ["row 0", "row 5", "row 4", "row 3"]
    assert [e.needs_attention for e in first] == [True, False, False, False]
    rest = store.log_page(before_id=first[-1].id, limit=3, filters=attention_first)
    assert _messages(rest) == ["row 2", "row 1"]
    # Without the option the row sits where its time puts it.
    assert _messages(store.log_page(filters=LogFilter()))[-1] == "row 0"
    store.dismiss_parked(waiting)
    assert _messages(store.log_page(limit=3, filters=attention_first)) == ["row 5", "row 4", "row 3"]


def test_listeners_hear_once_per_write_with_the_newest_id(store: Store) -> None:
    heard: list[int] = []
    unsubscribe = store.subscribe(heard.append)
    last = store.add_logs([_row(i) for i in range(50)])
    one = store.add_log(_row(50))
    store.add_logs([])
    assert heard == [last, one]
    unsubscribe()
    store.add_log(_row(51))
    assert heard == [last, one]


def test_a_failing_listener_does_not_fail_the_write(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    heard: list[int] = []

    def broken(newest: int) -> None:
        raise RuntimeError("window already closed")

    store.subscribe(broken)
    store.subscribe(heard.append)
    with caplog.at_level(logging.ERROR, logger="epages_sync.store.log"):
        newest = store.add_log(_row(0))
    assert heard == [newest]
    assert store.log_count() == 1
    assert "window already closed" in caplog.text


def test_row_ids_are_never_reused_after_pruning(store: Store, clock: FakeClock) -> None:
    first = store.add_logs([_row(i) for i in range(3)])
    clock.advance(days=100)
    assert store.prune_log(older_than_days=90) == 3
    # A window that last saw ``first`` must still see the next row as new.
    assert store.add_log(_row(3)) > first
    assert _messages(store.log_after(first)) == ["row 3"]


def test_a_problem_met_again_keeps_one_row_that_counts_the_times(store: Store, clock: FakeClock) -> None:
    store.add_log(_row(0))
    for n in range(14):
        held = store.park("stock_drop", "stock", "Stock push held")
        store.add_log(_row(100 + n, Outcome.PARKED, flow=Flow.INVENTORY, direction=A2E, parked_id=held))
        store.add_log(_row(200 + n, direction=A2E))  # the rounds' other work
        clock.advance(minutes=1)
    parked_rows = [e for e in store.log_page(limit=100) if e.outcome == Outcome.PARKED]
    assert [e.message for e in parked_rows] == ["row 113"]
    row = parked_rows[0]
    assert (row.needs_attention, row.parked_times, row.parked_since) == (True, 14, T0)
    assert store.log_count(LogFilter(outcomes=frozenset({Outcome.PARKED}))) == 1
    assert store.log_count() == 1 + 14 + 1
    store.retry_parked(held)
    settled = store.log_page(limit=100, filters=LogFilter(attention_first=True))
    assert [(e.message, e.parked_status, e.needs_attention) for e in settled if e.parked_id] == [
        ("row 113", "retried", False)]


def test_the_hours_of_the_day_count_imports_updates_and_problems(store: Store, clock: FakeClock) -> None:
    first_hour = T0 - dt.timedelta(hours=23)
    clock.now = first_hour + dt.timedelta(minutes=5)
    store.add_logs([_row(1), _row(2), _row(3, Outcome.ERROR), _row(4, Outcome.INFO, direction=SYS, flow=None)])
    clock.now = T0 + dt.timedelta(minutes=59)
    store.add_logs([_row(5, direction=A2E, flow=Flow.SHIPMENTS), _row(6, direction=A2E, flow=Flow.INVENTORY),
                    _row(7, Outcome.PARKED, flow=Flow.ORDERS), _row(8)])
    clock.now = T0 + dt.timedelta(hours=1)  # the next hour: not in the picture
    store.add_log(_row(9))
    hours = store.hourly_activity(first_hour)
    assert len(hours) == 24 and hours[0].start == first_hour and hours[-1].start == T0
    assert (hours[0].orders_imported, hours[0].sent_to_epages, hours[0].problems) == (2, 0, 1)
    assert (hours[-1].orders_imported, hours[-1].sent_to_epages, hours[-1].problems) == (1, 2, 1)
    assert all((h.orders_imported, h.sent_to_epages, h.problems) == (0, 0, 0) for h in hours[1:-1])


def test_the_newest_announced_row_is_known_without_asking_the_database_and_only_once_committed() -> None:
    store = Store.memory()
    assert store.announced_id == 0
    with store.transaction():
        store.add_logs([LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=f"row {n}")
                        for n in range(3)])
        assert store.announced_id == 0  # not committed yet
    assert store.announced_id == store.newest_log_id() > 0
