"""Page 4: which Afosto location belongs to each ePages location, and which Afosto locations feed the
webshop's stock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from ...connection_check import NamedPlace
from ..colours import Tone, box_style
from .page_base import SetupPage


class LocationsPage(SetupPage):
    def __init__(self) -> None:
        super().__init__()
        self.map_combos: dict[str, QComboBox] = {}
        self.stock_boxes: dict[str, QCheckBox] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setTitle(self.tr("Locations"))
        self.setSubTitle(self.tr("Match each location of your webshop with its Afosto location, and choose "
                                 "where the webshop's stock comes from."))
        layout = self.scrolling_layout()
        self.notice = self.note("")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.map_group = QGroupBox(self.tr("ePages location → Afosto location"))
        self.map_grid = QGridLayout(self.map_group)
        layout.addWidget(self.map_group)
        self.map_hint = self.note(self.tr(
            "Pickup orders are handed to the Afosto location chosen here. A location without a match cannot "
            "take pickup orders; the setup cannot finish while such orders wait."))
        layout.addWidget(self.map_hint)

        self.stock_group = QGroupBox(self.tr("Stock for the webshop"))
        stock_layout = QVBoxLayout(self.stock_group)
        stock_layout.addWidget(self.note(self.tr(
            "The webshop shows the sum of the available stock of the ticked locations. Tick only the "
            "locations that ship online orders.")))
        self.stock_list = QVBoxLayout()
        stock_layout.addLayout(self.stock_list)
        layout.addWidget(self.stock_group)
        layout.addStretch(1)

    def _afosto_text(self, place: NamedPlace) -> str:
        kind = {"WAREHOUSE": self.tr("warehouse"), "STORE": self.tr("shop")}.get((place.detail or "").upper())
        return f"{place.name} ({kind})" if kind else place.name

    # -- QWizardPage ---------------------------------------------------------------------------------

    def initializePage(self) -> None:
        draft = self.draft
        epages = draft.epages
        afosto = draft.afosto
        shop_locations = (epages.locations if epages is not None else None) or []
        afosto_locations = afosto.locations if afosto is not None else []

        if epages is not None and epages.locations is None:
            self.notice.setText(self.tr(
                "The app may not read your shop's locations: tick 'Standorte lesen' (loca:r) and "
                "'Versandzonen lesen' (shpz:r) in the cockpit and connect again. Until then pickup orders "
                "cannot be imported, so Orders stays off."))
            self.notice.setStyleSheet(box_style(Tone.WARNING))
            self.notice.show()
        elif not shop_locations:
            self.notice.setText(self.tr("Your webshop has no locations (stores or pickup points): "
                                        "nothing to match here."))
            self.notice.setStyleSheet(box_style(Tone.MUTED))
            self.notice.show()
        else:
            self.notice.hide()

        self._clear(self.map_grid)
        self.map_combos = {}
        for row, place in enumerate(shop_locations):
            name = QLabel(f"<b>{place.name}</b>")
            options = epages.pickup_options_at(place.id) if epages is not None else []
            detail = (self.tr("Pickup: {names}").format(names=", ".join(o.name for o in options)) if options
                      else self.tr("No pickup option"))
            combo = QComboBox()
            combo.setMinimumWidth(280)
            combo.addItem(self.tr("— not matched —"), None)
            for loc in afosto_locations:
                combo.addItem(self._afosto_text(loc), loc.id)
            chosen = combo.findData(draft.location_map.get(place.id)) if place.id in draft.location_map else -1
            combo.setCurrentIndex(max(chosen, 0))
            combo.setAccessibleName(self.tr("Afosto location for {name}").format(name=place.name))
            combo.currentIndexChanged.connect(self._on_changed)
            name.setBuddy(combo)
            self.map_grid.addWidget(name, row, 0)
            self.map_grid.addWidget(QLabel(detail), row, 1)
            self.map_grid.addWidget(combo, row, 2)
            self.map_combos[place.id] = combo
        self.map_group.setVisible(bool(shop_locations))
        self.map_hint.setVisible(bool(shop_locations))

        self._clear(self.stock_list)
        self.stock_boxes = {}
        for loc in afosto_locations:
            box = QCheckBox(self._afosto_text(loc))
            box.setChecked(loc.id in draft.stock_locations)
            box.toggled.connect(self._on_changed)
            self.stock_list.addWidget(box)
            self.stock_boxes[loc.id] = box
        self._on_changed()

    def validatePage(self) -> bool:
        self._on_changed()
        self.setup_wizard.keep_draft()
        return True

    def _on_changed(self, *_args: object) -> None:
        draft = self.draft
        # Mappings of locations this shop no longer has are dropped with the rest of the page's state.
        draft.location_map = {loc_id: combo.currentData() for loc_id, combo in self.map_combos.items()
                              if combo.currentData()}
        draft.stock_locations = [loc_id for loc_id, box in self.stock_boxes.items() if box.isChecked()]
        draft.pickup_blockers = None

    @staticmethod
    def _clear(layout: QGridLayout | QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    # -- for tests ----------------------------------------------------------------------------------------

    def choose(self, epages_location_id: str, afosto_location_id: str | None) -> None:
        combo = self.map_combos[epages_location_id]
        combo.setCurrentIndex(max(combo.findData(afosto_location_id), 0) if afosto_location_id else 0)
        self._on_changed()

