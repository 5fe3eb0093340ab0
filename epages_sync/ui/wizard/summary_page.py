"""Page 6: everything chosen, a last check for pickup orders without a location, a preview of the first sync
(nothing written to either system), and Finish."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QWizard

from ...config import Flow
from ...connection_check import FLOW_ORDER, Problem, Service, pickup_orders_by_location, probe_settings
from ...engine.preview import Preview
from ...errors import SecretStoreUnavailable, SyncError
from ..background import off_thread
from ..colours import Tone, box_style
from ..log_words import engine_words, flow_label, interval_text
from .draft import save_setup
from .page_base import BusyRow, ProblemBox, SetupPage, problem_words
from .preview_box import PreviewBox, first_sync_preview


class SummaryPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self._saved = False
        self._saving = False
        # Whether this computer has a secure password store for the secrets; None until looked at.
        self._secret_store: bool | None = None
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Ready to start"))
        self.setSubTitle(self.tr("Check your choices and what the first sync would do. Finish saves them and starts the sync."))
        layout = self.scrolling_layout()
        self.summary = self.note("")
        self.summary.setObjectName("setupSummary")
        layout.addWidget(self.summary)
        self.busy = BusyRow()
        layout.addWidget(self.busy)
        self.pickup_result = self.note("")
        self.pickup_result.setObjectName("pickupResult")
        self.pickup_result.hide()
        layout.addWidget(self.pickup_result)
        self.secret_store_problem = ProblemBox()
        self.secret_store_problem.setObjectName("secretStoreProblem")
        layout.addWidget(self.secret_store_problem)
        self.problem = ProblemBox()
        layout.addWidget(self.problem)
        self.preview = PreviewBox()
        self.preview.again_wanted.connect(self._start_preview)
        layout.addWidget(self.preview)
        layout.addStretch(1)

    # -- QWizardPage ---------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._saved = False
        self._secret_store = None
        self.problem.clear_problem()
        self.secret_store_problem.clear_problem()
        self.summary.setText(self._summary_html())
        self.draft.pickup_blockers = None
        self.pickup_result.hide()
        self.busy.start(self.tr("Looking for pickup orders at locations without a match…"))
        self.tasks.start("setup.pickups", self._check_pickups())
        self.tasks.start("setup.secret_store", self._look_for_secret_store())
        self._start_preview()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.preview.stop(self.tasks)  # Back: the choices may change, and coming here again previews anew
        super().cleanupPage()

    def isComplete(self) -> bool:
        return (self.draft.pickup_blockers is not None and not self.blockers() and not self._saving
                and self._secret_store is True)

    def validatePage(self) -> bool:
        if self._saved:
            return True
        if not self._saving:
            self._saving = True
            self.tasks.start("setup.save", self._save())
            self.completeChanged.emit()
        return False  # Finish completes once the secrets and settings are safely saved

    # -- the summary ------------------------------------------------------------------------------------

    def _summary_html(self) -> str:
        draft = self.draft
        epages, afosto = draft.epages, draft.afosto
        store = epages.store_name if epages else draft.store_text
        channels = {c.id: c for c in (afosto.channels if afosto else [])}
        afosto_names = {loc.id: loc.name for loc in (afosto.locations if afosto else [])}
        shop_names = {loc.id: loc.name for loc in ((epages.locations if epages else None) or [])}
        channel = channels.get(draft.channel_id or "")
        mapping = [f"{html.escape(shop_names.get(k, k))} → {html.escape(afosto_names.get(v, v))}"
                   for k, v in draft.location_map.items()]
        unmatched = [html.escape(name) for loc_id, name in shop_names.items() if loc_id not in draft.location_map]
        stock = [html.escape(afosto_names.get(i, i)) for i in draft.stock_locations]
        chosen = draft.chosen_flows
        flows = [html.escape(flow_label(f.value)) for f in FLOW_ORDER if f in chosen]
        if Flow.INVENTORY not in chosen:
            # Ticked locations feed nothing while Stock is not synced: say that, not the locations.
            stock = [html.escape(self.tr("nothing (Stock is not synced)"))]
        day = QLocale().toString(QDate(draft.start_date.year, draft.start_date.month, draft.start_date.day),
                                 QLocale.FormatType.LongFormat)
        rows = [
            (self.tr("ePages shop"), html.escape(f"{store} (https://{store}.beyondshop.cloud)")),
            (self.tr("Client id"), html.escape(draft.client_id)),
            (self.tr("Sales channel"), html.escape(channel.name if channel else draft.channel_id or "–")),
            (self.tr("Locations"), "<br>".join(mapping) or html.escape(self.tr("none"))),
            (self.tr("Without a match"), ", ".join(unmatched) or html.escape(self.tr("none"))),
            (self.tr("Webshop stock from"), ", ".join(stock) or html.escape(self.tr("no location"))),
            (self.tr("Synced"), ", ".join(flows) or html.escape(self.tr("nothing"))),
            (self.tr("Orders from"), html.escape(day)),
            (self.tr("Checks for new orders"), html.escape(interval_text(draft.poll_interval))),
            (self.tr("Secrets"), html.escape(self._secrets_text())),
        ]
        if self.context.demo:
            rows.append((self.tr("Demo"), html.escape(self.tr("Everything stays in the demo's own folder."))))
        body = "".join(f"<tr><td style='padding-right:14px'><b>{html.escape(k)}</b></td><td>{v}</td></tr>"
                       for k, v in rows)
        return f"<table>{body}</table>"

    def _secrets_text(self) -> str:
        if self._secret_store is None:
            return self.tr("Looking for this computer's password store…")
        if not self._secret_store:
            return self.tr("Cannot be saved: this computer has no secure password store (see below). They are "
                           "never written into a file.")
        return self.tr("The client secret and the API key go into this computer's password store (on Windows "
                       "the Credential Manager), never into a file.")

    # -- the preview ------------------------------------------------------------------------------------

    def _start_preview(self) -> None:
        """What the first sync would do with these choices; Finish does not wait for it."""
        draft = self.draft
        self.preview.start(self.tasks, self._first_sync_preview, sandbox_url=self.context.sandbox_url,
                           store_name=draft.epages.store_name if draft.epages else draft.store_text)

    async def _first_sync_preview(self) -> Preview:
        draft, context = self.draft, self.context
        settings = draft.settings(context.initial, sandbox_url=context.sandbox_url)
        return await first_sync_preview(settings, context.store, draft.client_secret, draft.afosto_key,
                                        transport=context.transport)

    # -- the password store -----------------------------------------------------------------------------

    async def _look_for_secret_store(self) -> None:
        draft = self.draft
        name = draft.epages.store_name if draft.epages else draft.store_text
        secrets = self.context.secrets_for(name)
        self._secret_store = await off_thread(lambda: secrets.available)
        self.summary.setText(self._summary_html())
        if not self._secret_store:
            self.secret_store_problem.show_problem(self.tr("No secure password store on this computer"), self.tr(
                "The client secret and the API key can only be kept in a secure password store, so the setup "
                "cannot finish on this computer yet. {action}").format(
                    action=engine_words(SecretStoreUnavailable.action)))
        self.completeChanged.emit()

    # -- pickup orders at unmatched locations -----------------------------------------------------------

    def blockers(self) -> list[tuple[str, int]]:
        """(ePages location name, waiting pickup orders) for each location that has them but no match."""
        draft = self.draft
        found = draft.pickup_blockers or {}
        names = {loc.id: loc.name for loc in ((draft.epages.locations if draft.epages else None) or [])}
        return [(names.get(loc_id, loc_id), n) for loc_id, n in found.items()
                if n and loc_id not in draft.location_map]

    async def _check_pickups(self) -> None:
        draft = self.draft
        epages = draft.epages
        options = [o for o in ((epages.pickup_options if epages else None) or [])
                   if (o.detail or "") not in draft.location_map]
        counts: dict[str, int] = {}
        try:
            if options and epages is not None:
                settings = probe_settings(epages.store_name, draft.client_id, sandbox_url=self.context.sandbox_url)
                counts = await pickup_orders_by_location(settings, draft.client_secret, draft.start_date, options,
                                                         transport=self.context.transport)
        except SyncError as exc:
            self.busy.stop()
            problem = Problem.of(exc, Service.EPAGES, sandbox_url=self.context.sandbox_url)
            # Going back a page and on again checks again.
            title, text = problem_words(problem, button=self.setup_wizard.button(QWizard.WizardButton.BackButton))
            self.problem.show_problem(self.tr("Pickup orders could not be checked"), f"{title}: {text}")
            draft.pickup_blockers = None
            self.completeChanged.emit()
            return
        self.busy.stop()
        draft.pickup_blockers = counts
        blockers = self.blockers()
        if blockers:
            lines = [self.tr("{name} has one pickup order since the start date but no Afosto location.")
                     .format(name=name) if n == 1 else
                     self.tr("{name} has {n} pickup orders since the start date but no Afosto location.")
                     .format(name=name, n=n) for name, n in blockers]
            self.pickup_result.setText("<b>" + html.escape(self.tr("Finish is not possible yet.")) + "</b><br>"
                                       + "<br>".join(html.escape(line) for line in lines) + "<br>"
                                       + html.escape(self.tr("Go Back to Locations and choose the Afosto location "
                                                             "where these orders are picked up.")))
            self.pickup_result.setStyleSheet(box_style(Tone.ATTENTION))
        else:
            self.pickup_result.setText(html.escape(self.tr("No pickup order waits at a location without a match.")))
            self.pickup_result.setStyleSheet(box_style(Tone.GOOD))
        self.pickup_result.show()
        self.completeChanged.emit()

    # -- Finish ------------------------------------------------------------------------------------------

    async def _save(self) -> None:
        wizard = self.setup_wizard
        draft = self.draft
        self.problem.clear_problem()
        self.busy.start(self.tr("Saving…"))
        try:
            settings = draft.settings(self.context.initial, sandbox_url=self.context.sandbox_url)
            context = self.context
            if context.save_new is not None:
                await off_thread(context.save_new, settings, draft.client_secret, draft.afosto_key,
                                 draft.place_names())
            else:
                assert context.store is not None
                await off_thread(save_setup, context.store, settings, draft.client_secret, draft.afosto_key,
                                 context.secrets_for, draft.place_names())
        except SecretStoreUnavailable as exc:
            self.problem.show_problem(self.tr("No secure password store on this computer"), self.tr(
                "The secrets were not saved, and the setup is not finished. {action}").format(
                    action=engine_words(exc.action)))
            return
        except SyncError as exc:
            self.problem.show_problem(self.tr("The setup could not be saved"),
                                      f"{engine_words(exc.message)} {engine_words(exc.action)}")
            return
        finally:
            self._saving = False
            self.busy.stop()
            self.completeChanged.emit()
        self._saved = True
        wizard.saved_settings = settings
        wizard.accept()
