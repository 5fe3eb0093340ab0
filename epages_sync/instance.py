"""One running copy per data directory: an OS file lock that dies with the process."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import IO

from .errors import AlreadyRunning

# How long a starting copy tries again when the lock is taken: a probe holds it for well under a millisecond.
PATIENCE_S = 0.5


class InstanceLock:
    """Held for as long as this copy runs its engine on ``data_dir``.

    The OS releases the lock when the process ends, even after a crash or SIGKILL, so a stale lock file
    never blocks the next start.
    """

    def __init__(self, lock_file: Path) -> None:
        self.lock_file = lock_file
        self._fh: IO[str] | None = None

    def acquire(self, *, patience_s: float = PATIENCE_S) -> InstanceLock:
        """Take the lock, or raise AlreadyRunning.

        A window checking whether a service runs takes the lock for a moment (``held_elsewhere``); a copy
        starting in that moment would otherwise give up, so it tries again for ``patience_s``.
        """
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.lock_file, "a+", encoding="utf-8")  # noqa: SIM115 (held for the process's life)
        deadline = time.monotonic() + patience_s
        while True:
            try:
                _lock(fh)
                break
            except OSError:
                if time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                try:
                    fh.seek(0)
                    holder = fh.read().strip() or "unknown"
                except OSError:  # Windows refuses reads of a locked region
                    holder = "unknown"
                fh.close()
                raise AlreadyRunning(
                    f"Another copy of epages-sync (process {holder}) is already running on {self.lock_file.parent}. "
                    "This copy does not start its sync."
                ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def held_elsewhere(self) -> bool:
        """True while another copy holds the lock. Takes it for a moment otherwise, writing nothing."""
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "a+", encoding="utf-8") as fh:
            try:
                _lock(fh)
            except OSError:
                return True
            _unlock(fh)
        return False

    def release(self) -> None:
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
