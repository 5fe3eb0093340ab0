"""The "Compare both systems" view: ePages and Afosto side by side, read from both systems, with what to do
about each difference. It lists the differences the last comparison found (the sync compares by itself once
a day) and compares again on request."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..engine.audit import COUNTERS, LAST_AUDIT, PARK_AUDIT, DifferenceKind
from ..errors import SyncError
from ..store import Store
from ..texts import Text
from .background import UiTasks
from .log_words import engine_words
from .sync_control import SyncControl

log = logging.getLogger(__name__)


class CompareDialog(QDialog):
    """Lists the open differences (attention items of the comparison); "Compare now" reads both sides."""

    COLUMNS = 5

    def __init__(self, store: Store, control: SyncControl, tasks: UiTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.control = control
        self.tasks = tasks
        self.setWindowTitle(self.tr("Compare both systems"))
        self.resize(1100, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "ePages and Afosto side by side, read from both systems themselves (not from this app's records): "
            "orders missing in Afosto or there more than once, unit counts that differ, and stock figures that "
            "differ from the stock rule. The sync compares by itself once a day."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = QLabel()
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Difference"), self.tr("Order or SKU"), self.tr("ePages"),
                                              self.tr("Afosto"), self.tr("What differs and what to do")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.compare_button = QPushButton(self.tr("Compare &now"))
        self.compare_button.setToolTip(self.tr("Read both systems now and list every difference."))
        buttons.addButton(self.compare_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.compare_button.clicked.connect(self.compare_now)
        layout.addWidget(buttons)
        self.show_listed()

    # -- what is listed -------------------------------------------------------------------------------

    def show_listed(self) -> None:
        """The differences the last comparison found that still wait for a person."""
        items = [i for i in self.store.open_parked() if i.kind == PARK_AUDIT]
        order = [k.value for k in DifferenceKind]
        rows = sorted((i.data for i in items), key=lambda d: (
            order.index(d["kind"]) if d.get("kind") in order else len(order), str(d.get("reference") or "")))
        self._fill(rows)
        last = self.store.get_state(LAST_AUDIT)
        if last is None:
            self.status.setText(self.tr("Not compared yet: press Compare now."))
        else:
            when = dt.datetime.fromisoformat(last).astimezone().strftime("%Y-%m-%d %H:%M")
            self.status.setText(self._found_text(len(items), when))

    def _found_text(self, count: int, when: str) -> str:
        if count == 0:
            return self.tr("Compared {when}: no differences.").format(when=when)
        if count == 1:
            return self.tr("Compared {when}: 1 difference.").format(when=when)
        return self.tr("Compared {when}: {n} differences.").format(when=when, n=count)

    def _fill(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(rows))
        for row, data in enumerate(rows):
            cells = [self._kind_words(data), str(data.get("order_number") or data.get("sku") or
                                                 data.get("reference") or ""),
                     "" if data.get("epages") is None else str(data["epages"]),
                     "" if data.get("afosto") is None else str(data["afosto"]),
                     self._message(data)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def _kind_words(self, data: dict[str, Any]) -> str:
        kind = data.get("kind")
        if kind == DifferenceKind.UNITS:
            counted = COUNTERS.get(str(data.get("counter")))
            units = engine_words(counted) if counted is not None else str(data.get("counter"))
            return self.tr("Units {counted}").format(counted=units)
        words = {
            DifferenceKind.MISSING.value: self.tr("Missing in Afosto"),
            DifferenceKind.DUPLICATE.value: self.tr("In Afosto more than once"),
            DifferenceKind.NOT_IN_SHOP.value: self.tr("Not in the shop"),
            DifferenceKind.STOCK.value: self.tr("Stock figure"),
        }
        return words.get(str(kind), str(kind))

    @staticmethod
    def _message(data: dict[str, Any]) -> str:
        stored = data.get("text")
        if isinstance(stored, dict):
            return engine_words(Text.from_json(stored))
        return str(data.get("message") or "")

    # -- comparing ------------------------------------------------------------------------------------

    def compare_now(self) -> None:
        if self.control.service is None or self.control.read_only:
            self.status.setText(self.tr("The sync is not running here: start it (or its service) to compare "
                                        "both systems."))
            return
        self.compare_button.setEnabled(False)
        self.status.setText(self.tr("Reading ePages and Afosto…"))
        self.tasks.start("compare.both", self._compare())

    async def _compare(self) -> None:
        try:
            await self.control.compare_both_systems()
        except SyncError as exc:
            self.status.setText(self.tr("The comparison did not finish: {problem}").format(
                problem=engine_words(exc.with_action())))
            return
        finally:
            self.compare_button.setEnabled(True)
        self.show_listed()
