"""Page 1: what the app does, and what to have at hand before starting."""

from __future__ import annotations

import html

from ..colours import Tone, box_style
from .page_base import SetupPage


class WelcomePage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Welcome to epages-sync"))
        self.setSubTitle(self.tr("This app keeps your ePages online shop and Afosto in step, from this computer."))
        layout = self.scrolling_layout()
        does = [
            self.tr("New webshop orders are put into Afosto, every few minutes."),
            self.tr("What happens in the warehouse reaches the webshop within seconds: parcels shipped or "
                    "delivered, orders ready for pickup or picked up, cancellations, returns."),
            self.tr("The webshop's stock follows the stock of the Afosto locations you choose."),
            self.tr("Every action is listed in a log, in plain words. Anything that needs a person is marked."),
        ]
        needs = [
            self.tr("<b>Your store name</b>: the part before <i>.beyondshop.cloud</i> in your cockpit "
                    "address, e.g. <i>my-shop</i> in https://my-shop.beyondshop.cloud/cockpit/login."),
            self.tr("<b>A client id and client secret</b> of an app of your own: in the ePages cockpit open "
                    "<i>Apps &gt; Eigene Apps &gt; Eigene App hinzufügen</i>, give it a name (for example "
                    "\"Afosto\"), leave the callback address empty, tick the permissions shown on the next "
                    "page, click <i>Speichern</i>, and copy client_id and client_secret from the section "
                    "<i>Client credentials</i>."),
            self.tr("<b>An Afosto API key</b> for this connection (made in Afosto's settings, under API)."),
            self.tr("<b>In Afosto</b>: a sales channel for the webshop's orders, and the locations "
                    "(warehouses, shops) that belong to your ePages locations."),
        ]
        intro = self.note("<p>" + html.escape(self.tr("What it does:")) + "</p><ul>"
                          + "".join(f"<li>{html.escape(d)}</li>" for d in does) + "</ul><p>"
                          + html.escape(self.tr("What you need for the setup:")) + "</p><ol>"
                          + "".join(f"<li>{n}</li>" for n in needs) + "</ol><p>"
                          + html.escape(self.tr("The setup takes about five minutes. You can go back at any "
                                                "step, and change everything later under Settings.")) + "</p>")
        layout.addWidget(intro)
        self.demo_note = self.note("")
        self.demo_note.setStyleSheet(box_style(Tone.DEMO))
        self.demo_note.hide()
        layout.addWidget(self.demo_note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if self.context.demo:
            self.demo_note.setText(self.tr(
                "Demo: the fields are filled in for a simulated shop and warehouse on this computer. "
                "Nothing here touches a real shop."))
            self.demo_note.show()
