"""The steps a planner decides on and an applier carries out: plain records, no I/O.

A planner reads what both systems and the links say and returns a list of these; the applier runs the steps
of a whole page, kind by kind. Shown instead of applied, the same list is a preview of what the sync would do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..clients.afosto_models import NewOrder, NewOrderLine, ParcelStatus
from ..clients.epages_models import ReturnLine, ReturnLineStatus
from ..store.models import LinkKind, Origin
from ..texts import Text


@dataclass(frozen=True, kw_only=True)
class _OrderLines:
    """What both steps of an import carry: the ePages order and the Afosto lines it becomes."""

    epages_order_id: str
    number: str
    lines: tuple[NewOrderLine, ...]
    stamp: str  # the ePages order's last change, as read
    # Nothing was cancelled, shipped, picked up or returned in ePages yet: after the import there is
    # nothing more to carry over for this order.
    settled: bool = True
    # Units per SKU the order holds in ePages (for the parked item, should Afosto refuse the order).
    held: Mapping[str, int] = field(default_factory=dict)

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True, kw_only=True)
class CreateOrder(_OrderLines):
    """A new ePages order becomes an Afosto order: create it, then add its lines."""

    order: NewOrder


@dataclass(frozen=True, kw_only=True)
class AddItems(_OrderLines):
    """The Afosto order exists (created before the app stopped) but its lines may not: read it, and add
    the lines only if it has none (adding is not harmless to repeat)."""

    afosto_id: str


@dataclass(frozen=True)
class Park:
    """The order cannot be imported as it is: it waits for a person, with the reason and what to do."""

    epages_order_id: str
    number: str
    reason: Text
    stamp: str
    # Units per SKU the order still holds in ePages (they count against the shop's stock meanwhile).
    lines: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FollowChanges:
    """A linked order changed in ePages (cancellations, shipments, pickups, returns): carry the changes
    over to its Afosto order."""

    epages_order_id: str
    number: str


ImportStep = CreateOrder | AddItems | Park | FollowChanges


@dataclass(frozen=True, kw_only=True)
class PackParcel:
    """A shipment or pickup made in ePages becomes an Afosto parcel: pack these units with this tracking,
    then move the parcel on through ``moves`` (shipped, then delivered; ready, then picked up)."""

    epages_order_id: str
    number: str
    kind: LinkKind  # SHIPPING or PICKUP: the link that pairs the ePages process with the parcel
    process_id: str
    afosto_order_id: str
    items: tuple[str, ...]
    tracking_code: str | None
    tracking_url: str | None
    moves: tuple[ParcelStatus, ...]
    # What the process's pending link says before the parcel is packed (a tracking conflict to look at again).
    claim_data: Mapping[str, Any] | None = None


# --- a cancellation made in ePages (see engine/cancellations.py) -------------------------------------------

@dataclass(frozen=True)
class CancelUnits:
    """Cancel these Afosto units, as (item id, contra id) each, as ePages cancelled them (``skus``: theirs,
    for the log)."""

    units: tuple[tuple[str, str], ...]
    skus: tuple[str, ...]


@dataclass(frozen=True)
class CancelledAfterPacking:
    """Units cancelled in ePages that the warehouse had packed already, per SKU: Afosto cannot cancel them, so
    a person decides (none: the two systems agree, and a conflict raised before is settled)."""

    packed: Mapping[str, int]


@dataclass(frozen=True)
class CancelInEpages:
    """Units the warehouse cancelled in Afosto, cancelled in ePages too (ePages line id -> count): the whole
    order at once when every unit is cancelled and ePages still can, else a cancellation of these units."""

    lines: Mapping[str, int]
    whole_order: bool


@dataclass(frozen=True)
class CancelledAfterShipping:
    """Units the warehouse cancelled that ePages shows shipped or handed out already, per SKU: ePages cannot
    cancel them, so a person decides."""

    gone: Mapping[str, int]


# --- the parcel of one ePages shipping or pickup process (see engine/parcels.py) ------------------------------

@dataclass(frozen=True)
class DropClaim:
    """A pending link whose parcel Afosto never made (the app stopped before packing): forget it."""

    kind: LinkKind
    process_id: str


@dataclass(frozen=True)
class CompleteClaim:
    """A pending link whose parcel Afosto made before the app stopped: link it to that parcel."""

    kind: LinkKind
    process_id: str
    parcel_id: str


@dataclass(frozen=True)
class LinkParcel:
    """Record a pair known now: the process (or a part of it) and the Afosto parcel (or share of one) that
    holds its units; nothing is sent."""

    kind: LinkKind
    epages_key: str
    afosto_key: str
    origin: Origin
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class MoveParcel:
    """Move an Afosto parcel on to ``status`` (``parcel_id`` None: the parcel packed by this plan); ``told``:
    say so in the log (a delivery or pickup recorded)."""

    parcel_id: str | None
    status: ParcelStatus
    told: bool = False


@dataclass(frozen=True)
class TrackingConflict:
    """The same units shipped in both systems at once under two tracking codes: a person decides."""

    epages_code: str
    afosto_code: str
    again: bool = False  # a conflict raised before: told again only when it is not open, or was retried


@dataclass(frozen=True)
class TrackingAgreed:
    """A tracking conflict of this process is over: both systems show the same code now."""

    kind: LinkKind
    process_id: str


@dataclass(frozen=True)
class ShippedButCancelled:
    """Units shipped in ePages that the warehouse cancelled in Afosto at the same moment: a person decides.
    Units per SKU cancelled there."""

    cancelled: Mapping[str, int]


@dataclass(frozen=True)
class RefuseShipment:
    """ePages shipped units that Afosto has neither open nor packed: nothing can be recorded."""


@dataclass(frozen=True)
class SameUnitsNote:
    """A log row: units shipped in ePages were packed by the warehouse at the same time and count once
    (``covering``: inside one bigger Afosto parcel; ``parts``: partly in warehouse parcels; else: the same
    parcel)."""

    how: str  # "twin", "covering" or "parts"


# --- an Afosto parcel shipped by the warehouse, as an ePages shipping process (the shipment pusher) ----------

@dataclass(frozen=True)
class CreateShipment:
    """Create the ePages shipping process of these units (ePages line id -> count) for an Afosto parcel, and
    link it to the parcel with ``link_data``."""

    parcel_id: str
    lines: Mapping[str, int]
    tracking_code: str | None
    tracking_url: str | None
    link_data: Mapping[str, Any]


@dataclass(frozen=True)
class MarkShipped:
    """Mark an ePages shipping process shipped (``process_id`` None: the one this plan creates)."""

    process_id: str | None
    tracking_code: str | None
    tracking_url: str | None


@dataclass(frozen=True)
class ProcessGone:
    """The ePages process a link names no longer exists: a person changed the order; nothing is sent."""

    process_id: str


@dataclass(frozen=True)
class DeliverShipments:
    """The parcel was delivered: every ePages shipment that stands for it is marked delivered."""

    parcel_id: str


ParcelStep = (DropClaim | CompleteClaim | LinkParcel | PackParcel | MoveParcel | TrackingConflict | TrackingAgreed
              | ShippedButCancelled | RefuseShipment | SameUnitsNote | CreateShipment | MarkShipped | ProcessGone
              | DeliverShipments)


# --- an Afosto parcel made ready for pickup, as the ePages pickup process (the pickup pushers) ----------------

@dataclass(frozen=True)
class CreatePickup:
    """Create the order's ePages pickup process for an Afosto parcel ready for pickup, and link it to the
    parcel (ePages keeps one pickup process per order)."""

    parcel_id: str


@dataclass(frozen=True)
class MarkPickedUp:
    """The parcel was picked up: mark the ePages pickup process picked up (``process_id`` None: the one this
    plan creates; ``already``: ePages shows it picked up, nothing is sent) and note it on its link, so the
    pickup is not pushed again."""

    process_id: str | None
    already: bool = False


@dataclass(frozen=True)
class PickupNotKnown:
    """A picked-up parcel whose pickup process is not linked yet (its ready-for-pickup push has not gone
    through): nothing can be marked; the push waits."""

    parcel_id: str


PickupStep = CreatePickup | LinkParcel | MarkPickedUp | ProcessGone | PickupNotKnown


# --- returns decided in Afosto, as an ePages return process (the return pusher) --------------------------------

@dataclass(frozen=True)
class CreateReturn:
    """Create an ePages return process of the units Afosto took back that ePages does not count yet: per
    ePages line, the units returned (accepted) or defect (rejected)."""

    lines: tuple[ReturnLine, ...]

    def units(self, status: ReturnLineStatus) -> int:
        return sum(line.quantity for line in self.lines if line.status == status)


@dataclass(frozen=True)
class ReturnBookedInEpages:
    """ePages counts the units as returned already, in a return process nobody linked that holds exactly
    them: a person booked the same return in ePages at the same moment. It is linked; nothing is sent."""

    process_id: str


@dataclass(frozen=True)
class ReturnCountedApart:
    """ePages counts the units as returned already, but no return booked there holds exactly them: the two
    systems disagree on what came back, a person compares them. Nothing is sent."""

    rma_ids: tuple[str, ...]


@dataclass(frozen=True)
class LinkReturn:
    """Link the ePages return (``process_id`` None: the one this plan creates) to the Afosto returns of the
    push, and each of their return items (``new_rma_ids``: those no link claims yet), so neither side brings
    them back to the other."""

    process_id: str | None
    rma_ids: tuple[str, ...]
    new_rma_ids: tuple[str, ...]


ReturnPushStep = CreateReturn | ReturnBookedInEpages | ReturnCountedApart | LinkReturn


# --- the stock check (see engine/stock.py) ---------------------------------------------------------------------

@dataclass(frozen=True)
class SkipStockPush:
    """A waiting stock push for a SKU the check no longer syncs (stock management off, SKU gone): closed as
    skipped, nothing is sent."""

    key: str
    sku: str


@dataclass(frozen=True)
class CheckStock:
    """Read the shop's figures of these SKUs: something their figure is computed from changed, they are
    waiting to be sent, or a full check is due."""

    skus: tuple[str, ...]


@dataclass(frozen=True)
class SetStock:
    """Set the shop's stock of a SKU from ``figure`` (read just now) to ``target``: ePages takes the change
    (``delta``), stored as a push before it is sent."""

    sku: str
    figure: int
    target: int

    @property
    def delta(self) -> int:
        return self.target - self.figure


@dataclass(frozen=True)
class StockUnchanged:
    """The shop shows the target already: nothing is sent (a push waiting for it arrived after all)."""

    sku: str


@dataclass(frozen=True)
class StockNotManaged:
    """The shop gives no figure for the SKU (stock management switched off meanwhile): nothing is sent, a
    push waiting for it is closed."""

    sku: str


@dataclass(frozen=True)
class HoldDrops:
    """Too many figures would fall by more than the safety share at once (a wrong mapping must not sell out
    the shop): none of them is sent, a person checks and confirms. SKU -> (figure shown, target)."""

    drops: Mapping[str, tuple[int, int]]


@dataclass(frozen=True)
class WaitForStores:
    """Figures that would go up while a store selling from the same stock has not told its orders yet
    (``stores``: name and why): not sent until it answers; lower figures go out meanwhile."""

    skus: tuple[str, ...]
    stores: tuple[tuple[str, Text], ...]


StockCheckStep = SkipStockPush | CheckStock  # before the shop's figures are read
StockStep = HoldDrops | SetStock | StockUnchanged | StockNotManaged | WaitForStores  # after
