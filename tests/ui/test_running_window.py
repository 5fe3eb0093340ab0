"""The running window as a shop clerk uses it: progress of long work, one row per problem, bulk actions,
the picture of the day, readable details, a window that fits the screen and asks before it quits."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from epages_sync.engine.context import WorkProgress
from epages_sync.engine.service import EngineState, Health
from epages_sync.ui.health_bar import HealthBar

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
