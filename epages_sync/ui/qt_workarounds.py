"""Work-arounds for faults of the Qt binding that would otherwise bring the app down.

PySide6 6.12 on Python 3.11 loses one reference to ``None`` each time a Python override hands ``None`` back
to Qt as a QVariant (a table model's ``data()`` for a role it does not serve, thousands of times per
repaint). After a few hours of a busy log view ``None``'s count reaches zero and Python aborts with
"none_dealloc". Python 3.12 made ``None`` immortal, which hides the fault there; on older versions we give
``None`` a count so large it cannot run out in the lifetime of a process.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 60  # at 10,000 lost references a second this lasts millions of years


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    keep_none_alive.done = True  # type: ignore[attr-defined]
