"""Pieces every setup page uses: the page base, a box for problems, a busy row, and a masked secret field."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...connection_check import Problem, advice, press
from ..background import UiTasks
from ..colours import Tone, box_style
from ..icons import icon
from ..log_words import engine_words
from .draft import SetupContext, SetupDraft

if TYPE_CHECKING:
    from .wizard import SetupWizard

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate

def problem_words(problem: Problem, *, button: QAbstractButton, store: str = "") -> tuple[str, str]:
    """A headline and what to do, in the window's language, for the service the problem concerns.

    ``button`` is the page's own button that checks again: the advice names it as the person sees it.
    """
    label = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    title, text = advice(problem, again=press(label), store=store)
    return engine_words(title), engine_words(text)


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

    def scrolling_layout(self) -> QVBoxLayout:
        """The page's layout, inside a frameless scroll area: on a small screen (1280x720 with a taskbar) the
        page scrolls instead of making the wizard taller than the screen or cutting its lower part."""
        body = QWidget()
        body.setObjectName("pageBody")
        layout = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Lines wrap to the width there is; nothing is wider than the page.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return layout

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(False)
        return label
