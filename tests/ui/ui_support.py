"""Helpers the UI tests share: settings pointing at a sandbox, rows for the log, and the texts a window shows."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
    QWizardPage,
)

from epages_sync.config import Settings
from epages_sync.sandbox.app import Sandbox
from epages_sync.store import Direction, LogRow, Outcome


def demo_settings(sandbox: Sandbox, url: str, **changes: Any) -> Settings:
    world = sandbox.world
    values: dict[str, Any] = {
        "store_name": "demo-shop", "client_id": "sandbox-client",
        "afosto_channel_id": world.default_channel.channel_id, "location_map": dict(world.default_location_map),
        "stock_locations": list(world.feeding_location_ids), "start_date": dt.date.today() - dt.timedelta(days=3),
        "sandbox_url": url, "poll_interval": 15, "push_interval": 2}
    values.update(changes)
    return Settings.checked(**values)


def log_rows(n: int, *, start_order: int = 10000, flow: str = "orders",
             outcome: Outcome = Outcome.OK, direction: Direction = Direction.EPAGES_TO_AFOSTO,
             parked_id: int | None = None) -> list[LogRow]:
    return [LogRow(direction=direction, outcome=outcome, flow=flow, epages_ref=str(start_order + i),
                   afosto_ref=f"A{start_order + i}", message=f"Order {start_order + i} imported.",
                   parked_id=parked_id) for i in range(n)]


# -- the window's texts, for the language tests --------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}")


def shown_texts(*roots: QObject) -> list[str]:
    """Every text a person can read in these windows: labels, buttons, titles, placeholders, list entries,
    table headers and cells, tool tips and the texts of actions and menus."""
    texts: list[str] = []
    for root in roots:
        widgets = [root, *root.findChildren(QWidget)] if isinstance(root, QWidget) else root.findChildren(QWidget)
        for widget in widgets:
            if widget.isWindow():
                texts.append(widget.windowTitle())
            texts.append(widget.toolTip())
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QGroupBox):
                texts.append(widget.title())
            elif isinstance(widget, QLineEdit):
                texts.append(widget.placeholderText())
            elif isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QWizardPage):
                texts += [widget.title(), widget.subTitle()]
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
                if isinstance(widget, QTableWidget):
                    texts += [item.text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                              if (item := widget.item(r, c)) is not None]
                else:  # a view over a model (the log): the cells of the rows a person sees first
                    texts += [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(), 200))
                              for c in range(model.columnCount())]
            texts += [t for action in widget.actions() for t in (action.text(), action.toolTip())]
        texts += [t for action in root.findChildren(QAction) for t in (action.text(), action.toolTip())]
    return [t for t in texts if t and t.strip()]


def untranslated(texts: list[str], catalogue: dict[tuple[str, str], str]) -> list[str]:
    """The texts that are still the English source of something the catalogue translates, whole or in part."""
    sources = {source for (_context, source), translation in catalogue.items() if translation != source}
    # A tool button shows its action's text without the mnemonic's "&" and the ellipsis.
    sources |= {source.replace("&", "").rstrip("…") for source in sources if len(source) < 40}
    patterns = [re.compile(".+?".join(re.escape(part) for part in _PLACEHOLDER.split(source)), re.DOTALL)
                for source in sources if _PLACEHOLDER.search(source)
                and len(_PLACEHOLDER.sub("", source).strip()) >= 8]
    # A longer sentence inside a rich text (a list on the welcome page, a verdict box) counts too.
    fragments = [_TAG.sub("", html.unescape(s)) for s in sources
                 if len(s) >= 25 and not _PLACEHOLDER.search(s)]
    found = []
    for text in texts:
        plain = _TAG.sub("", html.unescape(text))
        if text in sources or plain in sources or any(p.fullmatch(plain) for p in patterns) \
                or any(f in plain for f in fragments):
            found.append(text)
    return sorted(set(found))
