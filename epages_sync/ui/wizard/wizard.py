"""The setup wizard: six pages from "what is this" to a running sync, used for the first setup and for Settings."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from ...config import Settings
from ...errors import SyncError
from ..background import UiTasks
from ..icons import icon
from .afosto_page import AfostoPage
from .draft import SetupContext, SetupDraft
from .epages_page import EpagesPage
from .flows_page import FlowsPage
from .locations_page import LocationsPage
from .summary_page import SummaryPage
from .welcome_page import WelcomePage

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    """Emits ``setup_saved(settings, client_secret, afosto_key)`` once Finish has saved everything."""

    WELCOME, EPAGES, AFOSTO, LOCATIONS, FLOWS, SUMMARY = range(6)

    setup_saved = Signal(object, str, str)

    # The size it opens at where the screen has room, and the least it needs: the pages scroll below that,
    # so it fits a 1280x720 screen with a taskbar and a title bar.
    PREFERRED = QSize(980, 760)
    SMALLEST = QSize(720, 480)

    def __init__(self, context: SetupContext, tasks: UiTasks | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = tasks or UiTasks(self)
        self.draft = SetupDraft.from_context(context)
        self.saved_settings: Settings | None = None
        self._fitted = False
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self.tr("epages-sync setup") if self.context.initial is None or
                            not self.context.initial.is_configured else self.tr("epages-sync settings"))
        if self.context.save_new is not None:
            self.setWindowTitle(self.tr("epages-sync — add a store"))
        if self.context.demo:
            self.setWindowTitle(self.windowTitle() + " — " + self.tr("DEMO"))
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setMinimumSize(self.SMALLEST)
        self.welcome_page = WelcomePage()
        self.epages_page = EpagesPage()
        self.afosto_page = AfostoPage()
        self.locations_page = LocationsPage()
        self.flows_page = FlowsPage()
        self.summary_page = SummaryPage()
        for page_id, page in ((self.WELCOME, self.welcome_page), (self.EPAGES, self.epages_page),
                              (self.AFOSTO, self.afosto_page), (self.LOCATIONS, self.locations_page),
                              (self.FLOWS, self.flows_page), (self.SUMMARY, self.summary_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish and start the sync"))

    def fit_to(self, available: QRect) -> None:
        """Open at the preferred size, or smaller to fit ``available`` (a screen's free area), centred in it."""
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders, once shown
        if frame.height() <= 0:
            frame = QSize(16, 40)  # not shown yet: a usual title bar and borders
        room = available.size() - frame
        size = self.PREFERRED.boundedTo(room).expandedTo(self.SMALLEST)
        self.resize(size)
        top_left = available.center() - QPoint((size.width() + frame.width()) // 2,
                                               (size.height() + frame.height()) // 2)
        self.move(max(top_left.x(), available.left()), max(top_left.y(), available.top()))

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                self.fit_to(screen.availableGeometry())
        super().showEvent(event)

    def keep_draft(self) -> None:
        """First setup: remember the choices so far (never the secrets) in case the setup is broken off."""
        if self.context.save_draft is None:
            return
        try:
            self.context.save_draft(self.draft.settings(self.context.initial, sandbox_url=self.context.sandbox_url,
                                                        with_channel=False))
        except SyncError:
            # A draft is a convenience; an unusable value is caught by the page that owns it.
            log.debug("setup draft not kept", exc_info=True)

    def done(self, result: int) -> None:
        # Checks still under way belong to pages about to go: they must not come back to them.
        for name in self.tasks.running():
            if name != "setup.save":
                self.tasks.cancel(name)
        super().done(result)
        if result == QWizard.DialogCode.Accepted and self.saved_settings is not None:
            self.setup_saved.emit(self.saved_settings, self.draft.client_secret, self.draft.afosto_key)
