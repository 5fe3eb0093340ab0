"""The log's table model without a view: batched appends, filters, search, fetch-more, rows found by key."""

from __future__ import annotations

import asyncio
import datetime as dt
import types

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from ui_support import log_rows

from epages_sync.store import Direction, LogFilter, Outcome, Store
from epages_sync.ui.log_model import LogTableModel

WAIT = 5000


def _orders(model: LogTableModel) -> list[str]:
    return [model.index(r, LogTableModel.ORDER).data() for r in range(model.rowCount())]


def _loaded(qtbot: QtBot, model: LogTableModel) -> None:
    qtbot.waitUntil(lambda: model.is_loaded and not model.is_busy, timeout=WAIT)


def test_first_page_is_the_newest_rows_newest_on_top(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                      store: Store) -> None:
    store.add_logs(log_rows(30))
    model = LogTableModel(store, page_size=10)
    _loaded(qtbot, model)
    assert model.rowCount() == 10
    assert _orders(model)[:3] == ["10029", "10028", "10027"]
    assert model.total_count == 30
    assert model.columnCount() == 7
    assert model.headerData(LogTableModel.ORDER, Qt.Orientation.Horizontal) == "ePages order"
    assert model.index(0, LogTableModel.OUTCOME).data() == "Done"
    assert model.index(0, LogTableModel.DIRECTION).data() == "ePages → Afosto"
    assert model.index(0, LogTableModel.MESSAGE).data() == "Order 10029 imported."


def test_rows_written_one_by_one_arrive_in_one_insert(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                     store: Store) -> None:
    store.add_logs(log_rows(5))
    model = LogTableModel(store, batch_ms=100)
    _loaded(qtbot, model)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    for row in log_rows(40, start_order=20000):
        store.add_log(row)  # forty separate commits, forty announcements
    qtbot.waitUntil(lambda: model.rowCount() == 45, timeout=WAIT)
    assert inserts == [(0, 39)]
    assert _orders(model)[0] == "20039" and _orders(model)[40] == "10004"
    assert model.total_count == 45


def test_a_burst_larger_than_a_batch_comes_in_a_few_inserts_not_one_per_row(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    model = LogTableModel(store, batch_ms=20, batch_limit=100)
    _loaded(qtbot, model)
    inserts: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    store.add_logs(log_rows(350))
    qtbot.waitUntil(lambda: model.rowCount() == 350, timeout=WAIT)
    assert inserts == [100, 100, 100, 50]
    assert _orders(model)[0] == "10349" and _orders(model)[-1] == "10000"


def test_older_rows_load_on_demand_until_the_start(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                    store: Store) -> None:
    store.add_logs(log_rows(25))
    model = LogTableModel(store, page_size=10)
    _loaded(qtbot, model)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # a view asks again while the page is on its way: no double page
    qtbot.waitUntil(lambda: model.rowCount() == 20, timeout=WAIT)
    qtbot.waitUntil(lambda: not model.is_busy, timeout=WAIT)
    assert model.rowCount() == 20
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 25, timeout=WAIT)
    qtbot.waitUntil(lambda: not model.canFetchMore(QModelIndex()), timeout=WAIT)
    assert _orders(model)[-1] == "10000"
    assert len(set(_orders(model))) == 25


def test_filters_show_only_matching_rows_and_new_ones_that_match(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    store.add_logs(log_rows(10, flow="orders"))
    store.add_logs(log_rows(5, start_order=30000, flow="shipments", direction=Direction.AFOSTO_TO_EPAGES))
    store.add_logs(log_rows(3, start_order=40000, flow="orders", outcome=Outcome.RETRYING))
    model = LogTableModel(store, batch_ms=20)
    _loaded(qtbot, model)
    assert model.rowCount() == 18

    model.set_filters(LogFilter(flows=frozenset({"shipments"})))
    _loaded(qtbot, model)
    assert _orders(model) == [str(30000 + i) for i in reversed(range(5))]
    assert {model.index(r, LogTableModel.FLOW).data() for r in range(model.rowCount())} == {"Shipments"}

    model.set_filters(LogFilter(outcomes=frozenset({Outcome.RETRYING})))
    _loaded(qtbot, model)
    assert _orders(model) == ["40002", "40001", "40000"] and model.total_count == 3

    model.set_filters(LogFilter(directions=frozenset({Direction.AFOSTO_TO_EPAGES})))
    _loaded(qtbot, model)
    assert model.rowCount() == 5
    store.add_logs(log_rows(2, start_order=50000, flow="orders"))  # does not match: stays out
    store.add_logs(log_rows(1, start_order=60000, flow="shipments", direction=Direction.AFOSTO_TO_EPAGES))
    qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=WAIT)
    assert _orders(model)[0] == "60000"
    assert "50000" not in _orders(model)


def test_search_by_order_number_finds_that_order(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                  store: Store) -> None:
    store.add_logs(log_rows(300))
    model = LogTableModel(store)
    _loaded(qtbot, model)
    model.set_filters(LogFilter(search="#10123"))  # typed as in an e-mail
    _loaded(qtbot, model)
    assert _orders(model) == ["10123"]
    model.set_filters(LogFilter(search="A1012"))  # the Afosto reference works too (prefix)
    _loaded(qtbot, model)
    assert sorted(_orders(model)) == ["10120", "10121", "10122", "10123", "10124", "10125", "10126",
                                      "10127", "10128", "10129"]


def test_rows_are_found_by_id_while_new_rows_push_them_down(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                              store: Store) -> None:
    last = store.add_logs(log_rows(50))
    model = LogTableModel(store, page_size=20, batch_ms=20)
    _loaded(qtbot, model)
    assert model.row_of(last) == 0
    assert model.row_of(last - 5) == 5
    assert model.row_of(last - 40) is None  # not loaded yet
    store.add_logs(log_rows(7, start_order=70000))
    qtbot.waitUntil(lambda: model.rowCount() == 27, timeout=WAIT)
    assert model.row_of(last) == 7
    entry = model.entry(model.row_of(last - 5) or 0)
    assert entry is not None and entry.id == last - 5


def test_attention_first_pins_waiting_rows_and_settling_them_unmarks_them(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    parked = store.park("order", "10003", "SKU EP-ONLY-1 is unknown in Afosto.")
    store.add_logs(log_rows(3))
    waiting = store.add_logs(log_rows(1, start_order=10003, outcome=Outcome.PARKED, parked_id=parked))
    store.add_logs(log_rows(20, start_order=11000))
    model = LogTableModel(store, batch_ms=20)
    _loaded(qtbot, model)
    assert model.row_of(waiting) == 20  # in time order it sits below the newer rows

    model.set_filters(LogFilter(attention_first=True))
    _loaded(qtbot, model)
    assert model.row_of(waiting) == 0
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    store.add_logs(log_rows(2, start_order=12000))  # new rows go below the pinned one
    qtbot.waitUntil(lambda: model.rowCount() == 26, timeout=WAIT)
    assert model.row_of(waiting) == 0 and _orders(model)[1] == "12001"

    store.retry_parked(parked)
    model.mark_settled([parked], "retried")
    # It leaves the top for its place in time, and says what became of it.
    row = model.row_of(waiting)
    assert row == 22 and _orders(model)[0] == "12001"
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(row, LogTableModel.OUTCOME).data() == "Retried"


def test_a_problem_met_every_round_is_one_row_that_counts(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          store: Store) -> None:
    store.add_logs(log_rows(3))
    model = LogTableModel(store, batch_ms=20)
    model.set_filters(LogFilter(attention_first=True))
    _loaded(qtbot, model)
    for round_no in range(14):
        held = store.park("stock_drop", "stock", "Stock push held.")
        store.add_logs(log_rows(1, start_order=30000 + round_no, outcome=Outcome.PARKED,
                                direction=Direction.AFOSTO_TO_EPAGES, parked_id=held))
        store.add_logs(log_rows(1, start_order=40000 + round_no))
        if round_no % 5 == 0:  # some rounds arrive in a batch of their own, others together
            qtbot.waitUntil(lambda n=round_no: str(40000 + n) in _orders(model), timeout=WAIT)
    qtbot.waitUntil(lambda: "40013" in _orders(model), timeout=WAIT)
    parked_rows = [r for r in range(model.rowCount())
                   if model.index(r, LogTableModel.OUTCOME).data() == "Needs a person"]
    assert parked_rows == [0]
    assert _orders(model)[0] == "30013"
    assert "seen 14 times" in model.index(0, LogTableModel.MESSAGE).data()
    assert model.rowCount() == model.total_count == 3 + 14 + 1


def test_after_midnight_the_rows_of_yesterday_show_their_date(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cell texts are made once per row; a new day makes them anew, or 23:58 of yesterday would read as today."""
    from epages_sync.ui import log_model as log_model_module
    from epages_sync.ui import log_words

    now_local = dt.datetime.now().astimezone()
    this_day = now_local.date()

    class Calendar(dt.date):
        day_now = this_day

        @classmethod
        def today(cls) -> dt.date:
            return cls.day_now

    clock = types.SimpleNamespace(**{name: getattr(dt, name) for name in dir(dt) if not name.startswith("_")})
    clock.date = Calendar
    monkeypatch.setattr(log_words, "dt", clock)
    monkeypatch.setattr(log_model_module, "dt", clock)

    store.add_logs(log_rows(3))
    model = LogTableModel(store)
    _loaded(qtbot, model)
    time_only = model.index(0, LogTableModel.TIME).data()
    assert len(time_only) == 8  # HH:mm:ss, no date for today's rows
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append(last.row() - first.row() + 1))

    model._check_day()  # same day: nothing to redo
    assert changed == [] and model.index(0, LogTableModel.TIME).data() == time_only

    Calendar.day_now = this_day + dt.timedelta(days=1)
    model._check_day()
    assert changed == [3]
    with_date = model.index(0, LogTableModel.TIME).data()
    assert with_date.endswith(time_only) and len(with_date) > len(time_only)
    assert log_words.local_date(this_day) in with_date


def test_the_tables_cells_look_as_qts_own_delegate_paints_them_a_parked_row_bold_in_the_attention_colour(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

    from epages_sync.ui.colours import Tone, tone
    from epages_sync.ui.log_model import LogCellDelegate

    parked = store.park("order", "10003", "SKU EP-ONLY-1 is unknown in Afosto.")
    store.add_logs(log_rows(2))
    store.add_logs(log_rows(1, start_order=10003, outcome=Outcome.PARKED, parked_id=parked))
    model = LogTableModel(store)
    _loaded(qtbot, model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    ours, qts = LogCellDelegate(view), QStyledItemDelegate(view)
    view.setItemDelegate(ours)
    features = (QStyleOptionViewItem.ViewItemFeature.HasDisplay, QStyleOptionViewItem.ViewItemFeature.HasDecoration)
    for selected in (False, True):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                options = []
                for delegate in (ours, qts):
                    option = QStyleOptionViewItem()
                    option.initFrom(view)
                    option.decorationSize = view.iconSize() if view.iconSize().isValid() else option.decorationSize
                    if selected:
                        option.state |= QStyle.StateFlag.State_Selected
                    delegate.initStyleOption(option, index)
                    options.append(option)
                mine, theirs = options
                assert mine.text == theirs.text == (index.data() or "")
                assert [bool(mine.features & f) for f in features] == [bool(theirs.features & f) for f in features]
                assert mine.icon.cacheKey() == theirs.icon.cacheKey() or mine.icon.isNull() == theirs.icon.isNull()
                assert mine.decorationSize == theirs.decorationSize
                assert mine.font.bold() == theirs.font.bold()
                text_colour = mine.palette.color(QPalette.ColorRole.Text)
                assert text_colour == theirs.palette.color(QPalette.ColorRole.Text)
                entry = model.entry(row)
                assert entry is not None
                waiting = entry.needs_attention
                assert mine.font.bold() == waiting
                if waiting:
                    assert text_colour == tone(Tone.ATTENTION)
    assert [model.entry(r).needs_attention for r in range(model.rowCount())].count(True) == 1  # type: ignore[union-attr]
