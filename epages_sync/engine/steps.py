"""The steps a planner decides on and an applier carries out: plain records, no I/O.

A planner reads what both systems and the links say and returns a list of these; the applier runs the steps
of a whole page, kind by kind. Shown instead of applied, the same list is a preview of what the sync would do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..clients.afosto_models import NewOrder, NewOrderLine, ParcelStatus
from ..store.models import LinkKind
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
