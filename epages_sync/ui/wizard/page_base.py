"""Pieces every setup page uses: the page base, a box for problems, a busy row, and a masked secret field."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget, QWizardPage

from ..background import UiTasks
from ..colours import Tone, box_style
from ..icons import icon
from ..log_words import engine_words
from ..setup_checks import ProblemKind, SetupProblem
from .draft import SetupContext, SetupDraft

if TYPE_CHECKING:
    from .wizard import SetupWizard

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate

def problem_words(problem: SetupProblem, *, store: str = "") -> tuple[str, str]:
    """A headline and what to do, in the words of the wizard (translatable), for each kind of problem."""
    kind = problem.kind
    if kind == ProblemKind.STORE_NOT_FOUND:
        return (translate("SetupProblems", "Store not found"),
                translate("SetupProblems", "There is no ePages shop named '{store}'. The store name is the part "
                                           "before .beyondshop.cloud in the address of your cockpit.")
                .format(store=store or "?"))
    if kind == ProblemKind.CREDENTIALS:
        return (translate("SetupProblems", "Client id or secret refused"),
                translate("SetupProblems", "ePages did not accept this client id and client secret. Copy both "
                                           "again from the cockpit (Apps > Eigene Apps > your app, section Client "
                                           "credentials) and press Connect."))
    if kind == ProblemKind.REVOKED:
        return (translate("SetupProblems", "The app was removed in the cockpit"),
                translate("SetupProblems", "ePages says this app was deleted or revoked. Create it again under "
                                           "Apps > Eigene Apps > Eigene App hinzufügen and enter its new client id "
                                           "and secret."))
    if kind == ProblemKind.NO_NETWORK:
        return (translate("SetupProblems", "No connection"),
                translate("SetupProblems", "The service could not be reached. Check this computer's internet "
                                           "connection, then try again."))
    if kind == ProblemKind.CERTIFICATE:
        return (translate("SetupProblems", "The secure connection could not be verified"),
                translate("SetupProblems", "Check that this computer's date and time are right, and whether a "
                                           "proxy or an antivirus program inspects secure (HTTPS) connections."))
    if kind == ProblemKind.INVALID_INPUT:
        return translate("SetupProblems", "Please check your entry"), engine_words(problem.message)
    return (engine_words(problem.title),
            f"{engine_words(problem.message)} {engine_words(problem.action)}".strip())


class ProblemBox(QLabel):
    """A red box with a headline, what happened and what to do; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("problemBox")
        self.hide()

    def show_problem(self, title: str, text: str, *, tone_kind: Tone = Tone.ATTENTION) -> None:
        self.setStyleSheet(box_style(tone_kind))
        self.setText(f"<b>{html.escape(title)}</b><br>{html.escape(text)}")
        self.show()

    def clear_problem(self) -> None:
        self.setText("")
        self.hide()

    @property
    def headline(self) -> str:
        text = self.text()
        return html.unescape(text[3:text.find("</b>")]) if text.startswith("<b>") else ""


class BusyRow(QWidget):
    """A moving bar and a sentence while a check runs in the background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.label = QLabel()
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class SecretEdit(QLineEdit):
    """A masked field with an eye button to check what was pasted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(True)
        self.toggle = self.addAction(icon("show"), QLineEdit.ActionPosition.TrailingPosition)
        self.toggle.setToolTip(self.tr("Show or hide what you typed"))
        self.toggle.triggered.connect(self._on_toggle)

    def _on_toggle(self) -> None:
        hidden = self.echoMode() == QLineEdit.EchoMode.Password
        self.setEchoMode(QLineEdit.EchoMode.Normal if hidden else QLineEdit.EchoMode.Password)
        self.toggle.setIcon(icon("hide" if hidden else "show"))


class SetupPage(QWizardPage):
    """Gives each page typed access to the wizard's context, draft and task owner."""

    @property
    def setup_wizard(self) -> SetupWizard:
        return cast("SetupWizard", self.wizard())

    @property
    def draft(self) -> SetupDraft:
        return self.setup_wizard.draft

    @property
    def context(self) -> SetupContext:
        return self.setup_wizard.context

    @property
    def tasks(self) -> UiTasks:
        return self.setup_wizard.tasks

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        return label
