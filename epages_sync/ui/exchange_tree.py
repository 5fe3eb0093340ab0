"""The requests and answers behind a log row as a person reads them: one line per exchange (method, address,
status, time) with its bodies as a collapsible tree; names instead of ids where the app knows them, times in
the local format. What is shown was stored with the secrets already removed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from .log_words import local_time

_ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$")
# Bodies a person opens: the first two levels shown open, deeper ones closed.
_OPEN_LEVELS = 2
_LONGEST_LINE = 300


class ExchangeTree(QTreeWidget):
    """A tree of exchanges; ``show_exchanges`` replaces what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("What"), self.tr("Value")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.header().setStretchLastSection(True)
        # Names are short; the values get the rest (an exchange's own line spans both columns).
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, self.fontMetrics().horizontalAdvance("operationName") + 60)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def show_message(self, text: str) -> None:
        self.clear()
        QTreeWidgetItem(self, [text, ""]).setFirstColumnSpanned(True)

    def show_exchanges(self, detail: Any, parked_exchange: Mapping[str, Any] | None,
                       names: Mapping[str, str]) -> bool:
        """Fill the tree from a log row's stored detail and a parked item's request/response; False if there
        was nothing to show."""
        self.clear()
        exchanges: list[Any] = []
        other: Any = None
        if isinstance(detail, Mapping) and isinstance(detail.get("exchanges"), list):
            exchanges = list(detail["exchanges"])
            rest = {k: v for k, v in detail.items() if k != "exchanges"}
            other = rest or None
        elif detail is not None:
            other = detail
        for exchange in exchanges:
            if isinstance(exchange, Mapping):
                self._add_exchange(exchange, names)
            else:
                self._add_value(self.invisibleRootItem(), self.tr("Exchange"), exchange, names, 0)
        if other is not None:
            self._add_value(self.invisibleRootItem(), self.tr("Details"), other, names, 0)
        if parked_exchange and any(v is not None for v in parked_exchange.values()):
            item = QTreeWidgetItem(self, [self.tr("When it was put aside"), ""])
            for key, title in (("request", self.tr("Sent")), ("response", self.tr("Answer"))):
                if parked_exchange.get(key) is not None:
                    self._add_value(item, title, parked_exchange[key], names, 1)
            item.setExpanded(True)
        return self.topLevelItemCount() > 0

    def _add_exchange(self, exchange: Mapping[str, Any], names: Mapping[str, str]) -> None:
        status = exchange.get("status")
        url = str(exchange.get("url") or "")
        # The path says what was asked (the host is ePages' or Afosto's, in the tooltip); a GraphQL request
        # is named by its operation.
        parts = urlsplit(url)
        where = (parts.path or url) + (f"?{parts.query}" if parts.query else "")
        request = exchange.get("request")
        operation = request.get("operationName") if isinstance(request, Mapping) else None
        summary = "  ".join(p for p in (str(exchange.get("method") or ""), where) if p)
        if operation:
            summary += f" ({operation})"
        facts = [self.tr("no answer") if status is None else str(status)]
        when = _as_time(exchange.get("at"))
        if when is not None:
            facts.append(local_time(when))
        item = QTreeWidgetItem(self, [f"{summary}  →  {' · '.join(facts)}", ""])
        item.setFirstColumnSpanned(True)
        item.setToolTip(0, f"{exchange.get('method') or ''} {url}")
        for key, title in (("request", self.tr("Sent")), ("response", self.tr("Answer"))):
            body = exchange.get(key)
            if body is None:
                continue
            self._add_value(item, title, body, names, 1)
        item.setExpanded(True)

    def _add_value(self, parent: QTreeWidgetItem, key: str, value: Any, names: Mapping[str, str],
                   depth: int) -> None:
        if isinstance(value, Mapping):
            item = QTreeWidgetItem(parent, [key, _count(len(value), self.tr("1 field"), self.tr("{n} fields"))])
            for k, v in value.items():
                self._add_value(item, str(k), v, names, depth + 1)
        elif isinstance(value, list):
            item = QTreeWidgetItem(parent, [key, _count(len(value), self.tr("1 entry"), self.tr("{n} entries"))])
            for i, v in enumerate(value, 1):
                self._add_value(item, f"{i}", v, names, depth + 1)
        elif isinstance(value, str) and "\n" in value.strip():
            # A text of several lines (a GraphQL query, an error page) reads as lines, not as one escaped line.
            lines = value.strip().splitlines()
            item = QTreeWidgetItem(parent, [key, self.tr("{n} lines").format(n=len(lines))])
            for line in lines:
                QTreeWidgetItem(item, ["", line[:_LONGEST_LINE]])
        else:
            text = scalar_text(value, names)
            item = QTreeWidgetItem(parent, [key, text])
            item.setToolTip(1, text)
            return
        item.setExpanded(depth < _OPEN_LEVELS)


def _count(n: int, one: str, many: str) -> str:
    return "–" if n == 0 else one if n == 1 else many.format(n=n)


def scalar_text(value: Any, names: Mapping[str, str]) -> str:
    """One value as a person reads it: a known id with its name, a time in the local format."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    text = str(value)
    if text in names:
        return f"{names[text]} ({text})"
    when = _as_time(text) if _ISO_TIME.match(text) else None
    if when is not None:
        return local_time(when)
    return text[:_LONGEST_LINE]


def _as_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
