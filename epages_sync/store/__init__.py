"""The local SQLite store: the only module that writes SQL."""

from __future__ import annotations

from .errors import DatabaseTooNew, LinkConflict, NotOurDatabase, StoreError
from .models import (
    Direction,
    Link,
    LinkKind,
    LinkStatus,
    LogEntry,
    LogFilter,
    LogRow,
    Origin,
    OutboxPush,
    Outcome,
    ParkedItem,
    ParkedStatus,
    PushAttempt,
    PushStatus,
)
from .schema import SCHEMA_VERSION
from .store import Store

__all__ = [
    "SCHEMA_VERSION",
    "DatabaseTooNew",
    "Direction",
    "Link",
    "LinkConflict",
    "LinkKind",
    "LinkStatus",
    "LogEntry",
    "LogFilter",
    "LogRow",
    "NotOurDatabase",
    "Origin",
    "OutboxPush",
    "Outcome",
    "ParkedItem",
    "ParkedStatus",
    "PushAttempt",
    "PushStatus",
    "Store",
    "StoreError",
]
