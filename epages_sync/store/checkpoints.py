"""Copying the write-ahead log into the database file on a thread of its own.

In WAL mode a commit only appends to the ``-wal`` file; now and then SQLite copies those pages into the
database and syncs it to disk (a checkpoint). Left to itself, SQLite does that inside whichever commit
crosses its threshold, so one commit in a few hundred suddenly waits for the disk: tens of milliseconds on a
good disk, far more on a busy or old one. The store commits on the window's thread, where such a wait is a
frozen window.

So the store's own connection checkpoints only as a last resort (a high threshold that a working background
thread never lets the log reach), and this thread checkpoints in PASSIVE mode every second: it never blocks a
writer or a reader, and when nothing was committed since the last look it costs a few microseconds.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

INTERVAL_S = 1.0
# The store's own connection checkpoints only when the log has grown this far (pages of 4 KiB): the safety net
# for a checkpoint thread that cannot keep up or has stopped.
FALLBACK_AUTOCHECKPOINT_PAGES = 10_000
# After a burst, the log file is cut back to this size at the next restart of the log.
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024


class Checkpointer:
    """A daemon thread with a connection of its own that keeps the write-ahead log short."""

    def __init__(self, path: Path, *, interval_s: float = INTERVAL_S) -> None:
        self._path = path
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.checkpoints = 0  # checkpoints that found new pages to copy (for tests and figures)
        self._last: tuple[int, int] = (0, 0)
        self.failures = 0
        self._thread = threading.Thread(target=self._run, name="store-checkpoints", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def checkpoint_now(self) -> tuple[int, int, int] | None:
        """One PASSIVE checkpoint: (busy, pages in the log, pages copied), or None when it failed."""
        with self._lock:
            try:
                if self._conn is None:
                    # mode=rw: a database removed meanwhile ("remove all data") is never created anew here.
                    self._conn = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=rw", uri=True,
                                                 isolation_level=None, check_same_thread=False)
                    self._conn.execute("PRAGMA busy_timeout = 1000")
                busy, in_log, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            except sqlite3.Error as exc:
                self.failures += 1
                # Not fatal: the store's own connection checkpoints at its fallback threshold.
                if self.failures == 1 or self.failures % 100 == 0:
                    log.warning("Background checkpoint of %s failed (%s); the store will checkpoint on its "
                                "own later.", self._path.name, exc)
                return None
        if in_log > 0 and (in_log, copied) != self._last:
            self.checkpoints += 1
        self._last = (int(in_log), int(copied))
        return int(busy), int(in_log), int(copied)

    def _run(self) -> None:
        while not self._stop.wait(self._interval_s):
            self.checkpoint_now()

    def stop(self) -> None:
        """End the thread and close its connection (the store's close does the last checkpoint)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
