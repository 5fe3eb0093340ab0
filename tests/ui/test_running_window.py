"""The running window as a shop clerk uses it: progress of long work, one row per problem, bulk actions,
the picture of the day, readable details, a window that fits the screen and asks before it quits."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from pytestqt.qtbot import QtBot

from epages_sync.engine.context import WorkProgress
from epages_sync.engine.service import EngineState, Health
from epages_sync.store import Direction, LogRow, Outcome, Store
from epages_sync.texts import Text
from epages_sync.ui.background import UiTasks
from epages_sync.ui.day_chart import DayChart, first_hour
from epages_sync.ui.exchange_tree import ExchangeTree
from epages_sync.ui.health_bar import HealthBar
from epages_sync.ui.log_model import LogTableModel
from epages_sync.ui.log_panel import LogPanel
from epages_sync.ui.main_window import MainWindow
from epages_sync.ui.sync_actions import SyncActions
from epages_sync.ui.sync_control import SyncControl

WAIT = 5000
NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def test_a_long_first_import_shows_how_far_it_is_instead_of_not_yet(qtbot: QtBot, english: None) -> None:
    bar = HealthBar()
    qtbot.addWidget(bar)
    bar.show()
    progress = WorkProgress(first_import=True, since=dt.date(2020, 1, 1), done=257, total=1500, pages=3,
                            started_at=NOW - dt.timedelta(seconds=11))
    bar.show_health(Health(state=EngineState.RUNNING, message="The sync is running.", progress=progress), NOW)
    assert bar.progress_box.isVisible()
    assert bar.progress_label.text() == "Importing orders since 1 Jan 2020: 257 of 1,500, about 1 min left"
    assert (bar.progress_bar.value(), bar.progress_bar.maximum()) == (257, 1500)
    assert bar.figures["last_poll"].text() == "checking now"
    assert bar.figures["next_poll"].text() == "after this one"
    # The poll is over: the bar goes, the figures say when it was.
    bar.show_health(Health(state=EngineState.RUNNING, message="The sync is running.", last_good_poll=NOW,
                           next_poll_at=NOW + dt.timedelta(minutes=5)), NOW)
    assert not bar.progress_box.isVisible()
    assert bar.figures["last_poll"].text() == "just now" and bar.figures["next_poll"].text() == "in 5 min"


def test_a_poll_of_one_page_shows_no_bar(qtbot: QtBot, english: None) -> None:
    bar = HealthBar()
    qtbot.addWidget(bar)
    bar.show()
    short = WorkProgress(first_import=False, since=NOW, done=12, total=12, pages=1, started_at=NOW)
    bar.show_health(Health(state=EngineState.RUNNING, message="The sync is running.", progress=short), NOW)
    assert not bar.progress_box.isVisible()
    assert bar.figures["last_poll"].text() == "checking now"


# -- one row per problem, bulk actions --------------------------------------------------------------

def _panel(store: Store) -> tuple[LogPanel, SyncControl]:
    tasks = UiTasks()
    control = SyncControl(store)
    model = LogTableModel(store, tasks=tasks, batch_ms=20)
    panel = LogPanel(model, store, control, tasks)
    panel.resize(1300, 600)
    return panel, control


def _outcomes(panel: LogPanel) -> list[str]:
    model = panel.model
    return [model.index(r, LogTableModel.OUTCOME).data() for r in range(model.rowCount())]


def test_a_held_stock_push_over_many_rounds_is_one_row_and_retry_settles_it(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    panel, _control = _panel(store)
    qtbot.addWidget(panel)
    panel.show()
    panel.attention_first.setChecked(True)
    qtbot.waitUntil(lambda: panel.model.is_loaded and not panel.model.is_busy, timeout=WAIT)
    for round_no in range(16):  # a push interval each
        held = store.park("stock_drop", "stock", Text("Stock push held: {count} products.", count=3))
        store.add_log(LogRow(direction=Direction.AFOSTO_TO_EPAGES, outcome=Outcome.PARKED, flow="inventory",
                             message=Text("Stock push held: {count} products.", count=3), parked_id=held))
        store.add_log(LogRow(direction=Direction.AFOSTO_TO_EPAGES, outcome=Outcome.OK, flow="inventory",
                             message=f"Stock of SKU-{round_no} set."))
        if round_no % 4 == 0:
            qtbot.wait(40)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 17, timeout=WAIT)
    assert _outcomes(panel).count("Needs a person") == 1
    assert "seen 16 times" in panel.model.index(0, LogTableModel.MESSAGE).data()

    panel.table.selectRow(0)
    qtbot.waitUntil(panel.detail.retry_button.isVisible, timeout=WAIT)
    qtbot.mouseClick(panel.detail.retry_button, Qt.MouseButton.LeftButton)
    assert "Needs a person" not in _outcomes(panel)
    assert _outcomes(panel).count("Retried") == 1
    assert not any(panel.model.entry(r).needs_attention for r in range(panel.model.rowCount()))  # type: ignore[union-attr]
    assert store.parked_count() == 0


def _park_same_sku(store: Store, numbers: list[str], sku: str = "TEE-RED") -> list[int]:
    ids = []
    for n in numbers:
        message = Text("Order {number}: SKU {skus} is unknown in Afosto.", number=n, skus=sku)
        parked = store.park("order", n, message, data={"order_number": n})
        store.add_log(LogRow(direction=Direction.EPAGES_TO_AFOSTO, outcome=Outcome.PARKED, flow="orders",
                             epages_ref=n, message=message, parked_id=parked))
        ids.append(parked)
    return ids


def test_all_with_this_cause_are_chosen_and_retried_together(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                              store: Store) -> None:
    same = _park_same_sku(store, [str(n) for n in range(1001, 1006)])
    other = _park_same_sku(store, ["2001"], sku="MUG")
    panel, _control = _panel(store)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=WAIT)
    panel.select_entry(panel.model.entry(panel.model.rowCount() - 1).id)  # type: ignore[union-attr]
    qtbot.waitUntil(panel.detail.same_cause_button.isVisible, timeout=WAIT)
    assert panel.detail.same_cause_button.text() == "Choose all 5 with this cause"
    qtbot.mouseClick(panel.detail.same_cause_button, Qt.MouseButton.LeftButton)
    assert len(panel.selected_entries()) == 5
    assert panel.detail.title.text() == "5 rows chosen"
    assert "5 of them wait for a person" in panel.detail.parked_text.text()
    qtbot.mouseClick(panel.detail.retry_button, Qt.MouseButton.LeftButton)
    assert {store.get_parked(i).status for i in same} == {"retried"}  # type: ignore[union-attr]
    assert store.get_parked(other[0]).status == "open"  # type: ignore[union-attr]
    assert sorted(_outcomes(panel)) == ["Needs a person"] + ["Retried"] * 5
    assert "Settled (retried)" in panel.detail.parked_text.text()


def test_several_chosen_rows_are_dismissed_together(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                    store: Store) -> None:
    ids = _park_same_sku(store, ["1001", "1002"]) + _park_same_sku(store, ["2001"], sku="MUG")
    store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="Sync started."))
    panel, _control = _panel(store)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=WAIT)
    panel.select_rows([0, 1, 3])  # the note, 2001 and 1001
    assert panel.detail.title.text() == "3 rows chosen"
    assert "2 of them wait for a person" in panel.detail.parked_text.text()
    qtbot.mouseClick(panel.detail.dismiss_button, Qt.MouseButton.LeftButton)
    assert [store.get_parked(i).status for i in ids] == ["dismissed", "open", "dismissed"]  # type: ignore[union-attr]
    assert _outcomes(panel).count("Dismissed") == 2


# -- the picture of the day -------------------------------------------------------------------------

def test_the_day_chart_counts_per_hour_what_the_log_holds(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          store: Store, english: None) -> None:
    start = first_hour()
    rows = []
    for hours_ago, imported, sent, problems in ((23, 2, 0, 1), (5, 0, 3, 0), (0, 4, 1, 2)):
        at = start + dt.timedelta(hours=23 - hours_ago, minutes=10)
        rows += [LogRow(direction=Direction.EPAGES_TO_AFOSTO, outcome=Outcome.OK, flow="orders", at=at,
                        message="Order imported.")] * imported
        rows += [LogRow(direction=Direction.AFOSTO_TO_EPAGES, outcome=Outcome.OK, flow="shipments", at=at,
                        message="Shipment sent.")] * sent
        rows += [LogRow(direction=Direction.EPAGES_TO_AFOSTO, outcome=Outcome.ERROR, flow="orders", at=at,
                        message="Refused.")] * problems
    rows.append(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="Old.",
                       at=start - dt.timedelta(minutes=1)))
    store.add_logs(rows)
    chart = DayChart(store, UiTasks())
    qtbot.addWidget(chart)
    chart.resize(900, 90)
    chart.show()
    chart.start()
    qtbot.waitUntil(lambda: len(chart.hours) == 24, timeout=WAIT)
    figures = [(h.orders_imported, h.sent_to_epages, h.problems) for h in chart.hours]
    assert figures[0] == (2, 0, 1) and figures[18] == (0, 3, 0) and figures[23] == (4, 1, 2)
    assert sum(map(sum, figures)) == 13
    assert chart.summary() == "Last 24 hours: 6 orders imported, 4 updates to ePages, 3 problems"
    assert chart.hour_text(23).endswith(": 4 orders imported, 1 updates to ePages, 2 problems")
    image = chart.grab().toImage()
    assert image.width() == 900  # painted without complaint
    chart.stop()


# -- readable details -------------------------------------------------------------------------------

def test_details_show_each_exchange_as_a_line_and_its_bodies_as_a_tree(qtbot: QtBot) -> None:
    tree = ExchangeTree()
    qtbot.addWidget(tree)
    detail = {"exchanges": [{
        "method": "POST", "url": "https://shop.example/graphql", "status": 200, "at": "2026-12-03T09:15:02+00:00",
        "request": {"query": "mutation CreateOrder {\n  createOrder {\n    id\n  }\n}",
                    "variables": {"channel": "ch-1", "location": "loc-9", "createdAt": "2026-12-03T09:15:00Z"}},
        "response": {"data": {"createOrder": {"id": "A-1"}}}}]}
    assert tree.show_exchanges(detail, None, {"ch-1": "Webshop NL", "loc-9": "Lager Köln"})
    top = tree.topLevelItem(0)
    assert top.text(0).startswith("POST  /graphql  →  200 · ")
    assert "https://shop.example/graphql" in top.toolTip(0)
    sent = top.child(0)
    assert sent.text(0) == "Sent"
    query = sent.child(0)
    assert query.text(1) == "5 lines" and query.child(1).text(1) == "  createOrder {"
    variables = {sent.child(1).child(i).text(0): sent.child(1).child(i).text(1) for i in range(3)}
    assert variables["channel"] == "Webshop NL (ch-1)" and variables["location"] == "Lager Köln (loc-9)"
    assert "T" not in variables["createdAt"] and ":" in variables["createdAt"]  # the local format
    texts = [top.text(0)] + [tree.topLevelItem(0).child(i).text(1) for i in range(top.childCount())]
    assert not any("\\n" in t for t in texts)


# -- the window on a small screen, and closing it -----------------------------------------------------

class RunningControl(SyncControl):
    @property
    def is_running(self) -> bool:
        return True


def _window(store: Store) -> MainWindow:
    tasks = UiTasks()
    return MainWindow(store, RunningControl(store), SyncActions(), tasks)


def test_without_a_tray_closing_asks_before_it_quits_and_stops_the_sync(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store) -> None:
    window = _window(store)
    qtbot.addWidget(window)
    window.closes_to_tray = False
    window.show()
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.close()
    box = window.quit_question
    assert box is not None and box.isVisible() and window.isVisible()
    assert "stops the sync" in box.text()
    keep = next(b for b in box.buttons() if b is not window.quit_button)
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert quits == [] and window.isVisible() and window.quit_question is None
    window.close()
    assert window.quit_question is not None
    qtbot.mouseClick(window.quit_button, Qt.MouseButton.LeftButton)
    assert quits == [True]


def test_with_a_tray_closing_hides_without_a_question(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                      store: Store) -> None:
    window = _window(store)
    qtbot.addWidget(window)
    window.closes_to_tray = True
    window.show()
    hidden: list[bool] = []
    window.hidden_to_tray.connect(lambda: hidden.append(True))
    window.close()
    assert hidden == [True] and window.quit_question is None


@pytest.mark.parametrize("screen", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680)], ids=["1366x768", "1280x720"])
def test_the_window_fits_a_small_screen_and_comes_back_where_it_was(
        qtbot: QtBot, qloop: asyncio.AbstractEventLoop, store: Store, screen: QRect) -> None:
    """The screen's free area: 1366x768 or 1280x720 less a 40 px task bar."""
    window = _window(store)
    qtbot.addWidget(window)
    window.show()
    window.place_on_screen(screen)
    assert screen.contains(window.frameGeometry()), window.frameGeometry()
    assert window.minimumSizeHint().width() <= screen.width()
    assert window.minimumSizeHint().height() <= screen.height() - 40  # a title bar too
    window.resize(window.width(), 560)
    window.move(0, 40)
    window.closes_to_tray = True
    window.close()
    again = _window(store)
    qtbot.addWidget(again)
    again.show()
    again.place_on_screen(screen)
    assert (again.height(), again.pos()) == (560, window.pos())
    # "What happened" takes the room the other columns leave: enough for a usual line.
    again.resize(screen.width(), screen.height() - 30)
    qtbot.wait(20)
    table = again.log_panel.table
    assert table.horizontalHeader().stretchLastSection()
    usual = "Order 10003 imported into Afosto as 10003 (3 lines, 8 units)."
    assert table.columnWidth(LogTableModel.MESSAGE) >= table.fontMetrics().horizontalAdvance(usual) + 8
