"""Page 5: what to sync, from which day on (with how many orders that brings in), and how often."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
)

from ...config import Flow
from ...connection_check import FLOW_ORDER, count_orders_since, probe_settings
from ...errors import SyncError
from ..colours import Tone, tone
from ..log_words import date_format, flow_description, flow_label, interval_text
from .page_base import SetupPage


class FlowsPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.flow_boxes: dict[Flow, QCheckBox] = {}
        self.flow_reasons: dict[Flow, QLabel] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("What to sync"))
        self.setSubTitle(self.tr("Choose what is kept in step, and from which day on orders are taken over."))
        layout = self.scrolling_layout()
        group = QGroupBox(self.tr("Flows"))
        grid = QGridLayout(group)
        for row, flow in enumerate(FLOW_ORDER):
            box = QCheckBox(flow_label(flow.value))
            font = box.font()
            font.setBold(True)
            box.setFont(font)
            box.toggled.connect(self._on_flow_toggled)
            about = QLabel(flow_description(flow))
            about.setWordWrap(True)
            reason = QLabel()
            reason.setWordWrap(True)
            reason.setStyleSheet(f"color: {tone(Tone.ATTENTION).name()};")
            reason.hide()
            grid.addWidget(box, row * 2, 0)
            grid.addWidget(about, row * 2, 1)
            grid.addWidget(reason, row * 2 + 1, 1)
            self.flow_boxes[flow] = box
            self.flow_reasons[flow] = reason
        grid.setColumnStretch(1, 1)
        layout.addWidget(group)

        form = QFormLayout()
        self.start_date = QDateEdit()
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat(date_format())
        start_label = QLabel(self.tr("Take over orders &from:"))
        start_label.setBuddy(self.start_date)
        self.preview = QLabel()
        self.preview.setObjectName("orderPreview")
        self.preview.setWordWrap(True)
        self.poll_interval = QSpinBox()
        self.poll_interval.setRange(15, 3600)
        self.poll_interval.setSingleStep(15)
        self.poll_interval.setSuffix(self.tr(" seconds"))
        poll_label = QLabel(self.tr("Check for new &orders every:"))
        poll_label.setBuddy(self.poll_interval)
        self.poll_hint = QLabel()
        self.poll_hint.setWordWrap(True)  # a longer line in German or Dutch than in English
        form.addRow(start_label, self.start_date)
        form.addRow("", self.preview)
        form.addRow(poll_label, self.poll_interval)
        form.addRow("", self.poll_hint)
        layout.addLayout(form)
        layout.addStretch(1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(400)
        self._preview_timer.timeout.connect(self._on_preview_due)
        self.start_date.dateChanged.connect(self._on_date_changed)
        self.poll_interval.valueChanged.connect(self._on_poll_changed)

    # -- QWizardPage ---------------------------------------------------------------------------------

    def initializePage(self) -> None:
        draft = self.draft
        blocked = self.blocked_flows()
        for flow in FLOW_ORDER:
            box, reason = self.flow_boxes[flow], self.flow_reasons[flow]
            why = blocked.get(flow)
            box.blockSignals(True)
            box.setEnabled(why is None)
            box.setChecked(why is None and flow in draft.flows)
            box.blockSignals(False)
            reason.setText(self.tr("Off: {reason}").format(reason=why) if why else "")
            reason.setVisible(why is not None)
            box.setToolTip(why or "")
        d = draft.start_date
        self.start_date.blockSignals(True)
        self.start_date.setDate(QDate(d.year, d.month, d.day))
        self.start_date.setMaximumDate(QDate.currentDate())
        self.start_date.blockSignals(False)
        self.poll_interval.setValue(draft.poll_interval)
        self._on_poll_changed(draft.poll_interval)
        self._on_flow_toggled()
        self._on_preview_due()

    def isComplete(self) -> bool:
        return any(box.isChecked() for box in self.flow_boxes.values())

    def validatePage(self) -> bool:
        self._read()
        self.setup_wizard.keep_draft()
        return True

    # -- why a flow cannot be chosen -------------------------------------------------------------------

    def blocked_flows(self) -> dict[Flow, str]:
        """Each flow that cannot run with what the checks found, and why, in a sentence."""
        draft = self.draft
        out: dict[Flow, str] = {}
        if draft.epages is not None:
            labels = {row.scope: row.label_de for row in draft.epages.scopes}
            for flow, scopes in draft.epages.flows_lacking().items():
                out[flow] = self.tr("the ePages app lacks the permission {labels}. Tick it in the cockpit "
                                    "(Apps > Eigene Apps > your app) and connect again.").format(
                    labels=", ".join(f"'{labels.get(s, s)}' ({s})" for s in scopes))
        if draft.afosto is not None:
            for flow, ops in draft.afosto.flows_blocked().items():
                out.setdefault(flow, self.tr("the Afosto operations {ops} do not fit this account.").format(
                    ops=", ".join(ops)))
        if not draft.stock_locations:
            out.setdefault(Flow.INVENTORY, self.tr("no Afosto location is ticked to feed the webshop's stock "
                                                   "(page Locations)."))
        return out

    # -- reading the choices ----------------------------------------------------------------------------

    def _read(self) -> None:
        draft = self.draft
        # A flow that is off for a reason keeps what the person wanted before, for when the reason is gone.
        draft.flows = {f for f, box in self.flow_boxes.items()
                       if (box.isChecked() if box.isEnabled() else f in draft.flows)}
        q = self.start_date.date()
        draft.start_date = dt.date(q.year(), q.month(), q.day())
        draft.poll_interval = self.poll_interval.value()
        draft.pickup_blockers = None

    def _on_flow_toggled(self, *_args: object) -> None:
        self._read()
        self.completeChanged.emit()

    def _on_poll_changed(self, seconds: int) -> None:
        self.draft.poll_interval = seconds
        self.poll_hint.setText(interval_text(seconds) + " " + self.tr("(5 minutes is usual; warehouse changes reach the webshop "
                                                    "within seconds either way)"))

    def _on_date_changed(self, _date: QDate) -> None:
        self._read()
        self.preview.setText(self.tr("Counting orders…"))
        self._preview_timer.start()

    def _on_preview_due(self) -> None:
        draft = self.draft
        if draft.epages is None or not draft.epages.connected:
            self.preview.setText("")
            return
        self.preview.setText(self.tr("Counting orders…"))
        self.tasks.start("setup.preview", self._count(draft.start_date))

    async def _count(self, start: dt.date) -> None:
        draft = self.draft
        settings = probe_settings(draft.epages.store_name if draft.epages else draft.store_text, draft.client_id,
                                  sandbox_url=self.context.sandbox_url)
        try:
            count = await count_orders_since(settings, draft.client_secret, start, transport=self.context.transport)
        except SyncError as exc:  # a preview must not stop the setup; say so and go on
            self.preview.setText(self.tr("The orders could not be counted ({error}).").format(error=exc))
            return
        if start != self.draft.start_date:
            return
        day = QLocale().toString(QDate(start.year, start.month, start.day), QLocale.FormatType.LongFormat)
        if count == 0:
            self.preview.setText(self.tr("No order was created since {day}; only new orders will be taken "
                                         "over.").format(day=day))
        else:
            self.preview.setText(self.tr("1 order created since {day} will be taken over at the first check.")
                                 .format(day=day) if count == 1 else
                                 self.tr("{n} orders created since {day} will be taken over at the first check.")
                                 .format(n=count, day=day))
