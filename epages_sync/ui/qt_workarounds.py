"""Work-arounds for faults of the Qt binding that would otherwise bring the app down.

PySide6 6.12 on Python 3.11 loses one reference to ``None`` each time a Python override hands ``None`` back
to Qt as a QVariant (a table model's ``data()`` for a role it does not serve, thousands of times per
repaint). After a few hours of a busy log view ``None``'s count reaches zero and Python aborts with
"none_dealloc". It loses one reference to ``True`` or ``False`` the same way each time Qt calls a Python
override that answers a ``bool`` (a setup page's ``isComplete()``, a widget's ``event()``): with a window per
store and the setup pages open, ``True`` ran out within minutes and Python aborted with "bool_dealloc".
Python 3.12 made these objects immortal, which hides the fault there; on older versions we give each a count
so large it cannot run out in the lifetime of a process.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 60  # at 10,000 lost references a second this lasts millions of years


def keep_none_alive() -> None:
    """Give ``None``, ``True`` and ``False`` room for the references the binding loses (once per process)."""
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    keep_none_alive.done = True  # type: ignore[attr-defined]
