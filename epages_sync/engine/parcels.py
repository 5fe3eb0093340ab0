"""Shipments and pickups made in ePages, as Afosto parcels: how each kind moves, and the pure planner of the
parcels an order's processes become (no I/O; the applier carries its steps out for a page at once)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..clients.afosto_models import AfostoOrder, ParcelStatus
from ..clients.epages_models import Order, OrderProcesses, PickupProcessStatus, ShippingProcessStatus
from ..config import Flow
from ..store.models import LinkKind
from ..texts import template
from .order_view import AfostoOrderView
from .steps import FollowChanges, PackParcel


@dataclass(frozen=True)
class ParcelFlow:
    """How an ePages shipping or pickup process shows in Afosto: as a parcel moving through two statuses."""

    kind: LinkKind
    first: ParcelStatus  # what the process's creation means
    final: ParcelStatus  # shipped -> delivered, ready -> picked up
    strict: bool  # units must all be open (a shipment); a pickup takes what is left
    recorded: str
    finished: str


SHIPMENT = ParcelFlow(
    LinkKind.SHIPPING,
    ParcelStatus.IN_TRANSIT,
    ParcelStatus.DELIVERED,
    True,
    template("Order {number}: shipment from ePages recorded in Afosto (tracking {code})."),
    template("Order {number}: delivery from ePages recorded in Afosto."),
)
PICKUP = ParcelFlow(
    LinkKind.PICKUP,
    ParcelStatus.READY_FOR_PICKUP,
    ParcelStatus.PICKED_UP,
    False,
    template("Order {number}: ready for pickup (from ePages) recorded in Afosto."),
    template("Order {number}: picked up (from ePages) recorded in Afosto."),
)
FLOW_OF_KIND = {SHIPMENT.kind: SHIPMENT, PICKUP.kind: PICKUP}


@dataclass(frozen=True)
class EpagesChanges:
    """What an ePages order's counts say was done to it there, for the flows that are on."""

    cancellations: bool
    processes: bool  # shipments or pickups
    returns: bool

    @property
    def any(self) -> bool:
        return self.cancellations or self.processes or self.returns


def epages_changes(order: Order, flows: Collection[Flow]) -> EpagesChanges:
    """Read from the order alone (its line counts): which of its processes need reading and carrying over."""
    counts = [li.counts for li in order.product_line_items]
    return EpagesChanges(
        cancellations=Flow.CANCELLATIONS in flows and any(c.canceled for c in counts),
        processes=Flow.SHIPMENTS in flows and any(
            c.shipped or c.delivered or c.ready_for_pickup or c.picked_up or c.pending for c in counts),
        returns=Flow.RETURNS in flows and any(c.returned or c.broken for c in counts),
    )


def parcel_processes(processes: OrderProcesses) -> list[tuple[ParcelFlow, str, dict[str, int], bool,
                                                               str | None, str | None]]:
    """The processes that stand for an Afosto parcel, shipments first: (flow, process id, units per ePages
    line, finished, tracking code, tracking link). A shipment only counts once it is shipped."""
    out: list[tuple[ParcelFlow, str, dict[str, int], bool, str | None, str | None]] = []
    for sp in processes.shippings:
        if sp.status in (ShippingProcessStatus.SHIPPED, ShippingProcessStatus.DELIVERED):
            out.append((SHIPMENT, sp.id, {pl.product_line_item_id: pl.quantity for pl in sp.line_items},
                        sp.status == ShippingProcessStatus.DELIVERED, sp.tracking_code, sp.tracking_link))
    for pp in processes.pickups:
        out.append((PICKUP, pp.id, {pl.product_line_item_id: pl.quantity for pl in pp.line_items},
                    pp.status == PickupProcessStatus.PICKED_UP, None, None))
    return out


def plan_new_parcels(order: Order, processes: OrderProcesses, afosto: AfostoOrder, *,
                     linked_processes: Collection[str], flows: Collection[Flow]) -> list[PackParcel | FollowChanges]:
    """The parcels an order's ePages shipments and pickups become in Afosto, when the case is plain: only
    shipments and pickups to carry over, none of them linked yet, no parcel in Afosto yet, and every shipped
    unit still open there. Each process is one parcel of the first open units of its lines, moved on to the
    status the process has reached.

    Anything else (a cancellation or return to carry over too, a process linked already, a parcel the
    warehouse packed meanwhile, units no longer open) is the order-by-order way's: then the one step is
    ``FollowChanges``, and nothing of the order is planned here.
    """
    number = order.order_number or order.id
    careful: list[PackParcel | FollowChanges] = [FollowChanges(order.id, number)]
    changes = epages_changes(order, flows)
    if changes.cancellations or changes.returns or afosto.parcels:
        return careful
    if not changes.processes:
        return []
    view = AfostoOrderView(afosto)
    taken: set[str] = set()
    steps: list[PackParcel | FollowChanges] = []
    for how, process_id, lines, finished, code, url in parcel_processes(processes):
        if process_id in linked_processes:
            return careful
        items: list[str] = []
        for line_id, qty in lines.items():
            free = [i.id for i in view.open_unpacked(line_id) if i.id not in taken][:qty]
            if how.strict and len(free) < qty:
                return careful  # shipped units that are not open in Afosto: a conflict to look at closely
            items.extend(free)
        if not items:
            continue  # a pickup of units that are gone already: nothing to record (as order by order)
        taken.update(items)
        moves = (how.first, how.final) if finished else (how.first,)
        steps.append(PackParcel(epages_order_id=order.id, number=number, kind=how.kind, process_id=process_id,
                                afosto_order_id=afosto.id, items=tuple(items), tracking_code=code,
                                tracking_url=url, moves=moves))
    return steps
