"""``run --headless`` shows a long poll's progress: one line redrawn on a terminal, plain lines in a file."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from epages_sync import headless
from epages_sync.engine.context import WorkProgress
from epages_sync.headless import ProgressLine, format_progress

NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


def _progress(done: int, total: int | None = 1500, **kw: object) -> WorkProgress:
    values: dict[str, object] = dict(first_import=True, since=dt.date(2020, 1, 1), done=done, total=total,
                                      pages=3, started_at=NOW - dt.timedelta(seconds=11))
    values.update(kw)
    return WorkProgress(**values)  # type: ignore[arg-type]


def test_the_line_says_what_how_far_and_how_long() -> None:
    assert format_progress(_progress(257), NOW) == \
        "Importing orders since 1 Jan 2020: 257 of 1,500, about 1 min left"
    assert format_progress(_progress(1490), NOW) == \
        "Importing orders since 1 Jan 2020: 1,490 of 1,500, less than a minute left"
    assert format_progress(_progress(120, None), NOW) == "Importing orders since 1 Jan 2020: 120 so far"
    later = _progress(40, 90, first_import=False, since=dt.datetime(2026, 12, 3, 9, 55, tzinfo=dt.UTC))
    assert format_progress(later, NOW).startswith("Reading order changes since ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_is_redrawn_and_log_rows_print_above_it() -> None:
    out = Terminal()
    line = ProgressLine(out)
    line.update(_progress(100))
    line.print_row("10:00:01  ePages->Afosto  orders  ok  Order 1001 imported.")
    line.update(_progress(200))
    line.update(None)
    text = out.getvalue()
    assert text.count("\n") == 1  # only the log row ends a line
    assert "[#.........." in text and "100 of 1,500" in text and "200 of 1,500" in text
    assert text.endswith("\r\033[K")  # the finished poll leaves no stale line behind
    assert "\r\033[K10:00:01" in text


def test_in_a_file_plain_lines_come_now_and_then(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(headless.time, "monotonic", lambda: clock[0])
    out = io.StringIO()
    line = ProgressLine(out, every_seconds=10)
    for done in range(100, 1600, 100):
        line.update(_progress(done))
        clock[0] += 2.5
    line.update(None)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and all(ln.startswith("Importing orders since 1 Jan 2020: ") for ln in lines)
    assert "\r" not in out.getvalue() and "\033" not in out.getvalue()
