"""The setup's last look before Finish: what the first sync would do with the choices made, read from both
systems and planned, with nothing written to either (the engine's ``SyncService.preview``)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...config import Settings
from ...connection_check import CHECK_POLICY, Problem, Service
from ...engine.preview import Preview
from ...engine.service import SyncService
from ...errors import SyncError
from ...store import Store
from ..background import UiTasks, off_thread
from ..colours import Tone, box_style
from ..log_words import engine_words
from .page_base import BusyRow, ProblemBox, problem_words

log = logging.getLogger(__name__)

TASK = "setup.first_sync_preview"


async def first_sync_preview(settings: Settings, store: Store | None, client_secret: str, afosto_key: str, *,
                             transport: httpx.AsyncBaseTransport | None = None) -> Preview:
    """The engine's preview with settings and secrets not saved yet, planned against a throwaway copy of the
    data folder's database (so orders linked before count as linked; an empty one for a new store) and
    writing to neither system."""
    copy = await off_thread(store.memory_copy) if store is not None else Store.memory()
    try:
        service = SyncService(settings, copy, client_secret=client_secret, afosto_key=afosto_key,
                              transport=transport, policy=CHECK_POLICY)
        # On the window's own loop, as the other checks of the setup: it waits for the two systems' answers
        # without blocking the window, and planning a page of orders takes milliseconds. (A loop in a worker
        # thread would let Python's cycle collector run there and free the window's objects off its thread.)
        return await service.preview()
    finally:
        copy.close()


def _service_of(exc: SyncError) -> Service:
    about = f"{exc.concerns or ''} {exc.message}"
    return Service.AFOSTO if "Afosto" in about else Service.EPAGES


class PreviewBox(QGroupBox):
    """Runs the preview, shows a busy row while it reads, then the result or what went wrong with "Try again"."""

    again_wanted = Signal()  # "Try again" was pressed: the page starts the preview with the choices as they are

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSyncPreview")
        self.preview: Preview | None = None
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Preview: what the first sync would do"))
        layout = QVBoxLayout(self)
        self.busy = BusyRow()
        self.busy.label.setWordWrap(True)  # a long sentence in German or Dutch must not widen a small screen's page
        layout.addWidget(self.busy)
        self.nothing_written = QLabel()
        self.nothing_written.setObjectName("nothingWritten")
        self.nothing_written.setWordWrap(True)
        self.nothing_written.hide()
        layout.addWidget(self.nothing_written)
        self.result = QLabel()
        self.result.setObjectName("previewResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        layout.addWidget(self.result)
        self.problem = ProblemBox()
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.try_again = QPushButton(self.tr("&Try again"))
        self.try_again.setObjectName("previewTryAgain")
        self.try_again.clicked.connect(self.again_wanted)
        self.try_again.hide()
        row.addWidget(self.try_again)
        row.addStretch(1)
        layout.addLayout(row)

    # -- running ------------------------------------------------------------------------------------------

    def start(self, tasks: UiTasks, make: Callable[[], Coroutine[Any, Any, Preview]], *, store_name: str = "",
              sandbox_url: str | None = None) -> None:
        """Show the busy row and run ``make()``; "Try again" asks the page (``again_wanted``) to start anew."""
        self._show_busy()
        tasks.start(TASK, self._show(make, store_name, sandbox_url))

    def _show_busy(self) -> None:
        self.preview = None
        self.result.hide()
        self.nothing_written.hide()
        self.problem.clear_problem()
        self.try_again.hide()
        self.busy.start(self.tr("Reading the shop and Afosto to show what the first sync would do… Nothing is "
                                "written to either."))

    async def _show(self, make: Callable[[], Coroutine[Any, Any, Preview]], store_name: str,
                    sandbox_url: str | None) -> None:
        try:
            preview = await make()  # made here: a task cancelled before it began leaves nothing unawaited
        except SyncError as exc:
            log.info("setup preview not shown: %s", str(exc))  # the text only: the error holds the page's frames
            self.busy.stop()
            problem = Problem.of(exc, _service_of(exc), sandbox_url=sandbox_url)
            title, text = problem_words(problem, button=self.try_again, store=store_name)
            self.problem.show_problem(self.tr("The preview could not be made"), self.tr(
                "{title}: {text} You can also finish the setup without the preview.").format(title=title,
                                                                                           text=text))
            self.try_again.show()
            return
        self.busy.stop()
        self.preview = preview
        self.nothing_written.setText(self.tr("Nothing was written to ePages or Afosto yet. This is what the "
                                             "first sync would do once you press Finish:"))
        self.nothing_written.setStyleSheet(box_style(Tone.GOOD))
        self.nothing_written.show()
        self.result.setText(self.preview_html(preview))
        self.result.show()

    def stop(self, tasks: UiTasks) -> None:
        tasks.cancel(TASK)
        self.busy.stop()

    # -- the result ---------------------------------------------------------------------------------------

    @staticmethod
    def preview_html(preview: Preview) -> str:
        """The preview's sentences in the window's language: each heading in bold, the rows under it listed."""
        parts: list[str] = []
        rows: list[str] = []

        def close_rows() -> None:
            if rows:
                parts.append("<ul style='margin-top:0px; margin-bottom:4px'>"
                             + "".join(f"<li>{row}</li>" for row in rows) + "</ul>")
                rows.clear()

        for line in preview.lines():
            words = html.escape(engine_words(line).strip())
            if line.startswith("  "):
                rows.append(words)
            else:
                close_rows()
                parts.append(f"<p style='margin-top:6px; margin-bottom:2px'><b>{words}</b></p>")
        close_rows()
        return "".join(parts)
