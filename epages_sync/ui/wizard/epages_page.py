"""Page 2: the ePages shop: store name, client id and secret, Connect, and the permissions the app has."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...clients.scopes import ScopeRow
from ...config import parse_store_name
from ...connection_check import EpagesFindings, check_epages
from ...errors import ConfigError
from ..colours import Tone, box_style, tone
from ..icons import icon
from ..log_words import engine_words, flow_label
from .page_base import BusyRow, ProblemBox, SecretEdit, SetupPage, problem_words

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate


def scope_meaning(row: ScopeRow) -> str:
    """What a permission allows, in the window's language (the cockpit's own label stays German)."""
    meanings = {
        "prod:r": translate("ScopeWords", "read products, find them by SKU"),
        "prda:r": translate("ScopeWords", "read stock"),
        "prda:u": translate("ScopeWords", "adjust stock"),
        "ordr:r": translate("ScopeWords", "read orders"),
        "ordr:u": translate("ScopeWords", "update orders"),
        "shpr:c": translate("ScopeWords", "create shipping and pickup processes"),
        "shpr:r": translate("ScopeWords", "read shipping and pickup processes"),
        "shpr:u": translate("ScopeWords", "mark shipped, delivered, picked up"),
        "ordp:r": translate("ScopeWords", "read all processes of an order at once"),
        "clpr:c": translate("ScopeWords", "cancel orders and order lines"),
        "clpr:r": translate("ScopeWords", "read cancellations"),
        "rtpr:c": translate("ScopeWords", "record returns and defects"),
        "rtpr:r": translate("ScopeWords", "read returns"),
        "loca:r": translate("ScopeWords", "read shop locations (stores, pickup points)"),
        "shpz:r": translate("ScopeWords", "read pickup options and the location each belongs to"),
    }
    return meanings.get(row.scope, row.meaning_en)


class EpagesPage(SetupPage):
    SCOPE_COLUMNS = 4

    def __init__(self) -> None:
        super().__init__()
        self._checked_secret = ""  # the secret the current findings were made with
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Your ePages shop"))
        self.setSubTitle(self.tr("Enter the store name and the credentials of the app you made in the cockpit, "
                                 "then press Connect."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.store_edit = QLineEdit()
        self.store_edit.setPlaceholderText(self.tr("my-shop  or  https://my-shop.beyondshop.cloud/cockpit/login"))
        self.store_hint = QLabel()
        self.store_hint.setWordWrap(True)
        self.client_id_edit = QLineEdit()
        self.client_id_edit.setPlaceholderText(self.tr("client_id from Client credentials"))
        self.secret_edit = SecretEdit()
        self.secret_edit.setPlaceholderText(self.tr("client_secret from Client credentials"))
        store_label = QLabel(self.tr("&Store name:"))
        store_label.setBuddy(self.store_edit)
        id_label = QLabel(self.tr("Client &id:"))
        id_label.setBuddy(self.client_id_edit)
        secret_label = QLabel(self.tr("Client s&ecret:"))
        secret_label.setBuddy(self.secret_edit)
        form.addRow(store_label, self.store_edit)
        form.addRow("", self.store_hint)
        form.addRow(id_label, self.client_id_edit)
        form.addRow(secret_label, self.secret_edit)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.connect_button = QPushButton(icon("connect"), self.tr("&Connect"))
        self.connect_button.setToolTip(self.tr("Log in to the shop and read which permissions the app has."))
        self.busy = BusyRow()
        row.addWidget(self.connect_button)
        row.addWidget(self.busy, 1)
        row.addStretch(1)
        layout.addLayout(row)

        self.demo_note = self.note("")
        self.demo_note.setStyleSheet(box_style(Tone.DEMO))
        self.demo_note.hide()
        layout.addWidget(self.demo_note)
        self.problem = ProblemBox()
        layout.addWidget(self.problem)
        self.verdict = self.note("")
        self.verdict.setObjectName("scopeVerdict")
        self.verdict.hide()
        layout.addWidget(self.verdict)

        self.scope_table = QTableWidget(0, self.SCOPE_COLUMNS)
        self.scope_table.setHorizontalHeaderLabels([self.tr("Permission in the cockpit"), self.tr("What it allows"),
                                                    self.tr("Needed for"), self.tr("Status")])
        self.scope_table.verticalHeader().hide()
        self.scope_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scope_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.scope_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A meaning longer than its column (German, Dutch, a narrow window) wraps instead of ending in "…".
        self.scope_table.setWordWrap(True)
        self.scope_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.scope_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.scope_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.scope_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.scope_table.hide()
        layout.addWidget(self.scope_table, 100)
        # Without the table (before Connect, or after a refusal) the boxes keep their own height and the
        # space is left below them, instead of boxes stretched tall around one centred line.
        layout.addStretch(1)

        self.store_edit.textChanged.connect(self._on_store_text)
        for edit in (self.store_edit, self.client_id_edit, self.secret_edit):
            edit.textChanged.connect(self._on_input_changed)
            edit.returnPressed.connect(self._on_connect)
        self.connect_button.clicked.connect(self._on_connect)

    # -- QWizardPage ---------------------------------------------------------------------------------

    def initializePage(self) -> None:
        draft = self.draft
        if not self.store_edit.text():
            values = (draft.store_text, draft.client_id, draft.client_secret)
            for edit, value in zip((self.store_edit, self.client_id_edit, self.secret_edit), values, strict=True):
                edit.blockSignals(True)
                edit.setText(value)
                edit.blockSignals(False)
        if self.context.sandbox_url:
            self.demo_note.setText(self.tr("Simulated shop: both services answer from this computer ({url}).")
                                   .format(url=self.context.sandbox_url))
            self.demo_note.show()
        self._on_store_text(self.store_edit.text())
        if draft.epages is None and all(e.text().strip() for e in (self.store_edit, self.client_id_edit,
                                                                    self.secret_edit)):
            self._on_connect()  # everything is filled in already (Settings, demo): save the person a click
        elif draft.epages is not None:
            self._show_findings(draft.epages)

    def isComplete(self) -> bool:
        findings = self.draft.epages
        return findings is not None and findings.ready and not self._taken(findings.store_name)

    def _taken(self, name: str | None) -> bool:
        """Another store of this installation has this name already (one store, one setup), or this setup
        belongs to a store of another name."""
        fixed = self.context.fixed_name
        return bool(name) and (name in self.context.taken_names or (fixed is not None and name != fixed))

    def taken_words(self, name: str) -> tuple[str, str]:
        """The title and the words for a store name this setup cannot take."""
        fixed = self.context.fixed_name
        if fixed is not None and name != fixed and name not in self.context.taken_names:
            return self.tr("Another store"), self.tr(
                "These settings belong to the store {fixed}. To sync the store {name} as well, use Add store… in "
                "Settings.").format(fixed=fixed, name=name)
        return self.tr("This store is set up already"), self.tr(
            "This installation has the store {name} already. To change its setup, choose it in the main window "
            "and open Settings; to add a store, enter another store name.").format(name=name)

    def validatePage(self) -> bool:
        self.setup_wizard.keep_draft()
        return True

    # -- what the person types -------------------------------------------------------------------------

    def _on_store_text(self, text: str) -> None:
        if not text.strip():
            self.store_hint.setText(self.tr("The part before .beyondshop.cloud in your cockpit's address."))
            self.store_hint.setStyleSheet("")
            return
        try:
            name = parse_store_name(text)
        except ConfigError as exc:
            self.store_hint.setText(engine_words(exc.message))
            self.store_hint.setStyleSheet(f"color: {tone(Tone.ATTENTION).name()};")
            return
        if self._taken(name):
            self.store_hint.setText(self.taken_words(name)[1])
            self.store_hint.setStyleSheet(f"color: {tone(Tone.ATTENTION).name()};")
            return
        self.store_hint.setText(self.tr("Store: {name}  (https://{name}.beyondshop.cloud)").format(name=name))
        self.store_hint.setStyleSheet(f"color: {tone(Tone.GOOD).name()};")

    def _on_input_changed(self, _text: str) -> None:
        draft = self.draft
        draft.store_text = self.store_edit.text().strip()
        draft.client_id = self.client_id_edit.text().strip()
        draft.client_secret = self.secret_edit.text().strip()
        findings = draft.epages
        if findings is not None and not self._matches(findings):
            # What was found belongs to other credentials: it must be checked again.
            draft.epages = None
            self.scope_table.hide()
            self.verdict.hide()
            self.problem.clear_problem()
            self.completeChanged.emit()

    def _matches(self, findings: EpagesFindings) -> bool:
        try:
            name = parse_store_name(self.draft.store_text)
        except ConfigError:
            return False
        return findings.store_name == name and findings.client_id == self.draft.client_id and \
            self._checked_secret == self.draft.client_secret

    # -- Connect ---------------------------------------------------------------------------------------

    def _on_connect(self) -> None:
        if self.tasks.is_running("setup.epages"):
            return
        self._on_input_changed("")
        draft = self.draft
        draft.epages = None
        self.problem.clear_problem()
        self.verdict.hide()
        self.scope_table.hide()
        self.connect_button.setEnabled(False)
        self.busy.start(self.tr("Connecting to the shop…"))
        self.tasks.start("setup.epages", self._connect(draft.store_text, draft.client_id, draft.client_secret))
        self.completeChanged.emit()

    async def _connect(self, store_text: str, client_id: str, secret: str) -> None:
        try:
            findings = await check_epages(store_text, client_id, secret, sandbox_url=self.context.sandbox_url,
                                            transport=self.context.transport)
        finally:
            self.busy.stop()
            self.connect_button.setEnabled(True)
        self._checked_secret = secret
        self.draft.epages = findings
        self._show_findings(findings)
        self.completeChanged.emit()

    def _show_findings(self, findings: EpagesFindings) -> None:
        if self._taken(findings.store_name):
            self.problem.show_problem(*self.taken_words(findings.store_name))
            self.scope_table.hide()
            self.verdict.hide()
            return
        if findings.problem is not None:
            title, text = problem_words(findings.problem, button=self.connect_button, store=findings.store_name)
            self.problem.show_problem(title, text)
            self.scope_table.hide()
            self.verdict.hide()
            return
        self._fill_scope_table(findings)
        missing = findings.missing_required
        if missing:
            labels = ", ".join(f"'{row.label_de}'" for row in missing)
            text = self.tr("Permissions missing. In the ePages cockpit open Apps > Eigene Apps > your app, tick "
                           "{labels}, click Speichern, then press Connect again.").format(labels=labels)
            others = [row for row in findings.scopes if not row.present and row not in missing]
            if others:
                text += " " + self.tr("Single flows also need {labels} (marked below).").format(
                    labels=", ".join(f"'{row.label_de}'" for row in others))
            self.verdict.setText(html.escape(text))
            self.verdict.setStyleSheet(box_style(Tone.ATTENTION))
        else:
            lacking = findings.flows_lacking()
            if lacking:
                text = self.tr("Connected. The {n} permissions every flow needs are there (the first rows of the "
                               "table).").format(n=sum(row.required_for == ["all"] for row in findings.scopes))
                parts = [self.tr("{flow} stays off without {labels}").format(
                    flow=flow_label(flow.value),
                    labels=", ".join(f"'{row.label_de}'" for row in findings.scopes if row.scope in scopes))
                    for flow, scopes in lacking.items()]
                text += " " + self.tr("Some flows need more: {parts}. You can go on and tick them later.").format(
                    parts="; ".join(parts))
            else:
                text = self.tr("Connected. The app has all {n} permissions in the table below.").format(
                    n=len(findings.scopes))
            self.verdict.setText(html.escape(text))
            self.verdict.setStyleSheet(box_style(Tone.WARNING if lacking else Tone.GOOD))
        self.verdict.show()

    def _fill_scope_table(self, findings: EpagesFindings) -> None:
        table = self.scope_table
        table.setRowCount(len(findings.scopes))
        good, bad = tone(Tone.GOOD), tone(Tone.ATTENTION)
        bold = QFont(table.font())
        bold.setBold(True)
        for row, scope in enumerate(findings.scopes):
            needed = (self.tr("every flow") if scope.required_for == ["all"]
                      else ", ".join(flow_label(f) for f in scope.required_for))
            status = self.tr("✓ granted") if scope.present else self.tr("✗ missing")
            cells = [f"{scope.label_de}  ({scope.scope})", scope_meaning(scope), needed, status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not scope.present:
                    item.setForeground(bad)
                    item.setFont(bold)
                elif column == 3:
                    item.setForeground(good)
                table.setItem(row, column, item)
        table.show()

    # -- for tests and screenshots ----------------------------------------------------------------------

    def scope_rows(self) -> list[list[str]]:
        return [[item.text() if (item := self.scope_table.item(r, c)) is not None else ""
                 for c in range(self.SCOPE_COLUMNS)] for r in range(self.scope_table.rowCount())]
