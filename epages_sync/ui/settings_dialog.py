"""Settings once the sync is set up: the connection (through the wizard), this computer's language and start at
login, and "Disconnect and remove all data" behind a confirmation that has to be typed."""

from __future__ import annotations

import html
import logging
import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..config import Settings
from ..connection_check import FLOW_ORDER
from ..paths import AppPaths
from .colours import Tone, box_style
from .icons import icon
from .language import Language, language_names
from .log_words import flow_label
from .this_computer import ThisComputer

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Asks and shows; the work is done by ``ThisComputer`` and, for the connection, by the wizard."""

    change_setup_requested = Signal()
    add_store_requested = Signal()
    remove_all_confirmed = Signal()

    def __init__(self, computer: ThisComputer, settings: Settings | None, *, demo: bool = False,
                 other_stores: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.computer = computer
        self._settings = settings
        # The installation's other stores: "remove all data" removes theirs too, and says so.
        self._other_stores = other_stores or []
        self._demo = demo
        self.remove_dialog: RemoveAllDialog | None = None
        self._setup_ui()
        self._show_current()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("epages-sync settings"))
        self.setWindowIcon(icon("settings"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)

        connection = QGroupBox(self.tr("Connection and sync"))
        connection_layout = QVBoxLayout(connection)
        self.connection_summary = QLabel()
        self.connection_summary.setWordWrap(True)
        self.connection_summary.setTextFormat(Qt.TextFormat.RichText)
        self.change_setup_button = QPushButton(icon("connect"), self.tr("&Change connection, locations and flows…"))
        self.change_setup_button.setToolTip(self.tr("Opens the setup pages, filled in with what is set up now."))
        connection_layout.addWidget(self.connection_summary)
        connection_layout.addWidget(self.change_setup_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(connection)

        stores = QGroupBox(self.tr("More stores"))
        stores_layout = QVBoxLayout(stores)
        self.stores_text = QLabel(self.tr(
            "A second ePages store (another country, a B2B shop) can run beside this one, with its own "
            "settings, sales channel, log and pause. Stores that draw from the same Afosto locations share "
            "their stock without selling a unit twice."))
        self.stores_text.setWordWrap(True)
        self.add_store_button = QPushButton(icon("connect"), self.tr("&Add store…"))
        stores_layout.addWidget(self.stores_text)
        stores_layout.addWidget(self.add_store_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(stores)

        computer = QGroupBox(self.tr("This computer"))
        form = QFormLayout(computer)
        self.language_combo = QComboBox()
        for language, name in language_names():
            self.language_combo.addItem(name, language)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language_combo)
        self.language_hint = QLabel(self.tr("A new language shows the next time epages-sync starts."))
        self.language_hint.setWordWrap(True)
        self.language_hint.setEnabled(False)  # the palette's muted text colour for a hint
        form.addRow(language_label, self.language_combo)
        form.addRow("", self.language_hint)
        self.start_at_login = QCheckBox(self.tr("Start epages-sync with &Windows") if sys.platform == "win32"
                                        else self.tr("Start epages-sync when I &log in"))
        self.start_at_login_hint = QLabel(self.tr(
            "It starts in the tray without opening the window, so the sync runs as soon as the computer is on."))
        self.start_at_login_hint.setWordWrap(True)
        self.start_at_login_hint.setEnabled(False)
        form.addRow(self.start_at_login)
        form.addRow(self.start_at_login_hint)
        self.computer_problem = QLabel()
        self.computer_problem.setWordWrap(True)
        self.computer_problem.setStyleSheet(box_style(Tone.ATTENTION))
        self.computer_problem.hide()
        form.addRow(self.computer_problem)
        layout.addWidget(computer)

        removal = QGroupBox(self.tr("Stop using epages-sync on this computer"))
        removal_layout = QVBoxLayout(removal)
        self.remove_text = QLabel(self.tr(
            "Removes the saved secrets, the settings, the log and the start at login from this computer. "
            "Your shop and Afosto are not changed."))
        self.remove_text.setWordWrap(True)
        self.remove_button = QPushButton(icon("dismiss"), self.tr("&Disconnect and remove all data…"))
        removal_layout.addWidget(self.remove_text)
        removal_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(removal)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.change_setup_button.clicked.connect(self._on_change_setup)
        self.add_store_button.clicked.connect(self._on_add_store)
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.start_at_login.toggled.connect(self._on_start_at_login_toggled)
        self.remove_button.clicked.connect(self._on_remove_all)

    def _show_current(self) -> None:
        settings = self._settings
        if settings is not None and settings.store_name:
            flows = ", ".join(flow_label(f.value) for f in FLOW_ORDER if f in settings.flows)
            self.connection_summary.setText(
                self.tr("Shop <b>{store}</b>, synced: {flows}.").format(
                    store=html.escape(settings.store_name), flows=html.escape(flows or self.tr("nothing"))))
        else:
            self.connection_summary.setText(html.escape(self.tr("Not set up yet.")))
        prefs = self.computer.preferences()
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(prefs.language), 0))
        self.language_combo.blockSignals(False)
        self._show_start_at_login()
        if self._demo:
            self.start_at_login.setEnabled(False)
            self.start_at_login_hint.setText(self.tr("Not in the demo: it starts over each time it is opened."))
            self.remove_button.setEnabled(False)
            self.remove_text.setText(self.tr("The demo keeps nothing worth removing: it starts over each time "
                                             "it is opened."))

    def _show_start_at_login(self) -> None:
        self.start_at_login.blockSignals(True)
        self.start_at_login.setChecked(self.computer.starts_at_login())
        self.start_at_login.blockSignals(False)
        self.start_at_login.setEnabled(self.computer.can_start_at_login)

    # -- what the person changes ------------------------------------------------------------------------

    def _on_change_setup(self) -> None:
        self.accept()
        self.change_setup_requested.emit()

    def _on_add_store(self) -> None:
        self.accept()
        self.add_store_requested.emit()

    def _on_language_chosen(self, _index: int) -> None:
        try:
            self.computer.set_language(Language(self.language_combo.currentData()))
        except OSError as exc:
            self._say_problem(self.tr("The language could not be saved in {file}: {error}").format(
                file=self.computer.preferences_file, error=exc.strerror or exc))
            return
        self.computer_problem.hide()

    def _on_start_at_login_toggled(self, on: bool) -> None:
        try:
            self.computer.set_start_at_login(on)
        except OSError as exc:
            log.warning("start at login not changed", exc_info=True)
            self._say_problem(self.tr("Start at login could not be changed: {error}. Ask whoever looks after "
                                      "this computer.").format(error=exc.strerror or exc))
        else:
            self.computer_problem.hide()
        self._show_start_at_login()  # what the computer really does now, whatever was asked

    def _say_problem(self, text: str) -> None:
        self.computer_problem.setText(text)
        self.computer_problem.show()

    def _on_remove_all(self) -> None:
        store = self._settings.store_name if self._settings is not None else None
        dialog = RemoveAllDialog(self.computer.paths, store_name=store, other_stores=self._other_stores,
                                 start_at_login=self.computer.can_start_at_login, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_remove_confirmed)
        dialog.destroyed.connect(lambda: setattr(self, "remove_dialog", None))
        self.remove_dialog = dialog
        dialog.open()

    def _on_remove_confirmed(self) -> None:
        self.accept()
        self.remove_all_confirmed.emit()


class RemoveAllDialog(QDialog):
    """Says what goes and what stays, and lets the Remove button work only once the word is typed."""

    def __init__(self, paths: AppPaths, *, store_name: str | None, start_at_login: bool,
                 other_stores: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._store_name = store_name
        self._other_stores = other_stores or []
        self._start_at_login = start_at_login
        self._setup_ui()

    @property
    def confirm_word(self) -> str:
        return self.tr("REMOVE")

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("Disconnect and remove all data"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        paths = self._paths
        goes = []
        if self._store_name:
            goes.append(self.tr("the client secret and the API key of the shop {store}, from this computer's "
                                "password store").format(store=self._store_name))
        for other in self._other_stores:
            goes.append(self.tr("the store {store}: its client secret and API key, its settings and its database "
                                "with its log and links").format(store=other))
        goes.append(self.tr("the settings, and the database with the log and the links between webshop and "
                            "Afosto orders, with its backups: {folder}").format(folder=paths.data_dir))
        if paths.log_dir != paths.data_dir and paths.log_dir.parent != paths.data_dir:
            goes.append(self.tr("the log files: {folder}").format(folder=paths.log_dir))
        if paths.config_dir not in (paths.data_dir, paths.log_dir):
            goes.append(self.tr("the settings folder: {folder}").format(folder=paths.config_dir))
        if self._start_at_login:
            goes.append(self.tr("the start at login"))
        stays = [self.tr("your ePages shop and Afosto, with all their orders and stock"),
                 self.tr("the app in the ePages cockpit (delete it under Apps > Eigene Apps if nobody needs it "
                         "any more)"),
                 self.tr("epages-sync itself (uninstall it as any other program)")]
        text = ("<p><b>" + html.escape(self.tr("This removes from this computer:")) + "</b></p><ul>"
                + "".join(f"<li>{html.escape(g)}</li>" for g in goes) + "</ul><p><b>"
                + html.escape(self.tr("This stays:")) + "</b></p><ul>"
                + "".join(f"<li>{html.escape(s)}</li>" for s in stays) + "</ul><p>"
                + html.escape(self.tr("The sync stops and epages-sync closes. This cannot be undone: to sync again, "
                                      "the setup starts from the beginning.")) + "</p>")
        self.explanation = QLabel(text)
        self.explanation.setObjectName("removeExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet(box_style(Tone.ATTENTION))
        layout.addWidget(self.explanation)

        row = QHBoxLayout()
        self.confirm_label = QLabel(self.tr("To confirm, type {word}:").format(word=self.confirm_word))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setPlaceholderText(self.confirm_word)
        self.confirm_label.setBuddy(self.confirm_edit)
        row.addWidget(self.confirm_label)
        row.addWidget(self.confirm_edit, 1)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = QPushButton(icon("dismiss"), self.tr("Remove all data"))
        self.remove_button.setEnabled(False)
        self.remove_button.setAutoDefault(False)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter in the dialog must never remove anything
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._on_remove)
        self.confirm_edit.textChanged.connect(self._on_typed)
        layout.addWidget(self.buttons)
        self.confirm_edit.setFocus()

    def _on_typed(self, text: str) -> None:
        self.remove_button.setEnabled(self._confirmed(text))

    def _confirmed(self, text: str) -> bool:
        return text.strip().casefold() == self.confirm_word.casefold()

    def _on_remove(self) -> None:
        if self._confirmed(self.confirm_edit.text()):
            self.accept()
