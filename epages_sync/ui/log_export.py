"""Writing the log (as filtered in the window) to a CSV file a spreadsheet opens, page by page off the GUI thread."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from ..store.models import LogEntry, LogFilter
from .log_model import LogSource

_PAGE = 2000


def export_log(source: LogSource, filters: LogFilter, path: Path, *, header: Sequence[str],
               row_texts: Callable[[LogEntry], Sequence[str]], delimiter: str = ";",
               stop: threading.Event | None = None) -> int:
    """Write every matching row, newest first; returns how many were written.

    UTF-8 with a byte order mark and a semicolon by default: that is what Excel in German and Dutch
    locales opens correctly with a double click (umlauts intact, one value per column).
    """
    written = 0
    plain = filters.model_copy(update={"attention_first": False})  # a file lists rows in time order
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        before: int | None = None
        while stop is None or not stop.is_set():
            page = source.log_page(before, _PAGE, plain)
            for entry in page:
                writer.writerow(row_texts(entry))
            written += len(page)
            if len(page) < _PAGE:
                break
            before = page[-1].id
    return written
