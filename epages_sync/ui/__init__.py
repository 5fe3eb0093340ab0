"""The desktop window: the only place Qt appears."""

from .qt_workarounds import keep_none_alive

# Before any model or override can hand None or a bool to Qt (see qt_workarounds).
keep_none_alive()
