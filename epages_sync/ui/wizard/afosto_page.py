"""Page 3: Afosto: the API key, whether every operation fits the account, and the sales channel."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton

from ...connection_check import AfostoFindings, check_afosto
from ..background import in_worker_loop
from ..colours import Tone, box_style
from ..icons import icon
from ..log_words import flow_label
from .page_base import BusyRow, ProblemBox, SecretEdit, SetupPage, problem_words


class AfostoPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self._checked_key = ""
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Afosto"))
        self.setSubTitle(self.tr("Enter the API key made for this connection, press Check, then choose the "
                                 "sales channel the webshop's orders belong to."))
        layout = self.scrolling_layout()
        form = QFormLayout()
        self.key_edit = SecretEdit()
        self.key_edit.setPlaceholderText(self.tr("API key from Afosto's settings (API)"))
        key_label = QLabel(self.tr("API &key:"))
        key_label.setBuddy(self.key_edit)
        form.addRow(key_label, self.key_edit)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.check_button = QPushButton(icon("connect"), self.tr("&Check"))
        self.busy = BusyRow()
        row.addWidget(self.check_button)
        row.addWidget(self.busy, 1)
        row.addStretch(1)
        layout.addLayout(row)

        self.problem = ProblemBox()
        layout.addWidget(self.problem)
        self.result = self.note("")
        self.result.setObjectName("afostoResult")
        self.result.hide()
        layout.addWidget(self.result)

        channel_form = QFormLayout()
        self.channel_combo = QComboBox()
        self.channel_combo.setMinimumWidth(320)
        self.channel_label = QLabel(self.tr("Sales &channel:"))
        self.channel_label.setBuddy(self.channel_combo)
        channel_form.addRow(self.channel_label, self.channel_combo)
        self.channel_hint = self.note(self.tr("Orders from the webshop are created in this Afosto sales channel."))
        channel_form.addRow("", self.channel_hint)
        layout.addLayout(channel_form)
        layout.addStretch(1)
        self._show_channel_choice(False)

        self.key_edit.textChanged.connect(self._on_key_changed)
        self.key_edit.returnPressed.connect(self._on_check)
        self.check_button.clicked.connect(self._on_check)
        self.channel_combo.currentIndexChanged.connect(self._on_channel_chosen)

    def _show_channel_choice(self, visible: bool) -> None:
        for w in (self.channel_combo, self.channel_label, self.channel_hint):
            w.setVisible(visible)

    # -- QWizardPage ---------------------------------------------------------------------------------

    def initializePage(self) -> None:
        if not self.key_edit.text():
            self.key_edit.setText(self.draft.afosto_key)
        if self.draft.afosto is None and self.key_edit.text().strip():
            self._on_check()
        elif self.draft.afosto is not None:
            self._show_findings(self.draft.afosto)

    def isComplete(self) -> bool:
        findings = self.draft.afosto
        return findings is not None and findings.connected and bool(self.draft.channel_id)

    def validatePage(self) -> bool:
        self.setup_wizard.keep_draft()
        return True

    # -- checking --------------------------------------------------------------------------------------

    def _on_key_changed(self, text: str) -> None:
        self.draft.afosto_key = text.strip()
        if self.draft.afosto is not None and self._checked_key != self.draft.afosto_key:
            self.draft.afosto = None
            self.result.hide()
            self.problem.clear_problem()
            self._show_channel_choice(False)
            self.completeChanged.emit()

    def _on_check(self) -> None:
        if self.tasks.is_running("setup.afosto"):
            return
        key = self.key_edit.text().strip()
        self.draft.afosto_key = key
        self.draft.afosto = None
        self.problem.clear_problem()
        self.result.hide()
        self.check_button.setEnabled(False)
        self.busy.start(self.tr("Checking the key and the operations the sync uses…"))
        self.tasks.start("setup.afosto", self._check(key))
        self.completeChanged.emit()

    async def _check(self, key: str) -> None:
        sandbox_url, transport = self.context.sandbox_url, self.context.transport
        try:
            findings = await in_worker_loop(lambda: check_afosto(key, sandbox_url=sandbox_url,
                                                                   transport=transport))
        finally:
            self.busy.stop()
            self.check_button.setEnabled(True)
        self._checked_key = key
        self.draft.afosto = findings
        self._show_findings(findings)
        self.completeChanged.emit()

    def _show_findings(self, findings: AfostoFindings) -> None:
        if findings.problem is not None:
            title, text = problem_words(findings.problem, button=self.check_button)
            self.problem.show_problem(title, text)
            self._show_channel_choice(False)
            return
        lines = [self.tr("The key works.")]
        tone_kind = Tone.GOOD
        check = findings.schema_check
        if check is not None and check.source == "introspection" and check.ok:
            lines.append(self.tr("Every operation the sync uses fits this Afosto account."))
        elif check is not None:
            lines.append(check.note)
            for op in check.mismatches:
                for problem in op.problems:
                    lines.append(f"• {op.operation}: {problem}")
            blocked = findings.flows_blocked()
            if blocked:
                tone_kind = Tone.WARNING
                lines.append(self.tr("These stay off until Afosto's support has looked at it: {flows}.").format(
                    flows=", ".join(flow_label(f.value) for f in blocked)))
        elif findings.schema_problem is not None:
            tone_kind = Tone.WARNING
            lines.append(problem_words(findings.schema_problem, button=self.check_button)[1])
        for extra in (findings.channels_problem, findings.locations_problem):
            if extra is not None:
                tone_kind = Tone.WARNING
                lines.append(" ".join(problem_words(extra, button=self.check_button)))
        if findings.locations:
            lines.append(self.tr("Locations in Afosto: {names}.").format(
                names=", ".join(loc.name for loc in findings.locations)))
        self.result.setText("<br>".join(html.escape(line) for line in lines))
        self.result.setStyleSheet(box_style(tone_kind))
        self.result.show()
        self._fill_channels(findings)

    def _fill_channels(self, findings: AfostoFindings) -> None:
        combo = self.channel_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— choose a sales channel —"), None)
        for channel in findings.channels:
            text = f"{channel.name} ({channel.currency})" if channel.currency else channel.name
            combo.addItem(text, channel.id)
        wanted = self.draft.channel_id
        index = combo.findData(wanted) if wanted else -1
        if index < 0 and len(findings.channels) == 1:
            index = 1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self._on_channel_chosen(combo.currentIndex())
        self._show_channel_choice(bool(findings.channels))
        if not findings.channels:
            self.problem.show_problem(self.tr("No sales channel"), self.tr(
                "This Afosto account has no sales channel. Create one in Afosto for the webshop's orders, "
                "then press Check again."))

    def _on_channel_chosen(self, _index: int) -> None:
        self.draft.channel_id = self.channel_combo.currentData()
        self.completeChanged.emit()
