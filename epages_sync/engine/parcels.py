"""Shipments and pickups made in ePages, as Afosto parcels: how each kind moves, the link keys of parcels
shared by both systems, and the pure planners of the parcels an order's processes become (no I/O: the poller
carries the steps out order by order, the import applier for a page of new orders at once)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ..clients.afosto_models import AfostoOrder, ParcelStatus
from ..clients.epages_models import Order, OrderProcesses, PickupProcessStatus, ShippingProcessStatus
from ..config import Flow
from ..store.models import Link, LinkKind, LinkStatus, Origin
from ..texts import template
from .conflicts import codes_differ
from .order_view import AfostoOrderView
from .steps import (
    CompleteClaim,
    DropClaim,
    FollowChanges,
    LinkParcel,
    MoveParcel,
    PackParcel,
    ParcelStep,
    RefuseShipment,
    SameUnitsNote,
    ShippedButCancelled,
    TrackingAgreed,
    TrackingConflict,
)


def shared_parcel_key(parcel_id: str, process_id: str) -> str:
    """The link key of a cockpit shipment whose units are part of a bigger Afosto parcel."""
    return f"{parcel_id}/epages/{process_id}"


def part_key(process_id: str, parcel_id: str) -> str:
    """The link key of the units of a cockpit shipment that lie in an Afosto parcel packed by the warehouse,
    when the rest of that shipment lies elsewhere (its own parcel, or other warehouse parcels)."""
    return f"{process_id}/part/{parcel_id}"


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


@dataclass(frozen=True)
class EpagesParcel:
    """An ePages shipping or pickup process, as the Afosto parcel it stands for."""

    how: ParcelFlow
    process_id: str
    lines: Mapping[str, int]  # units per ePages line
    finished: bool  # delivered, or picked up
    tracking_code: str | None = None
    tracking_url: str | None = None


def parcel_processes(processes: OrderProcesses) -> list[EpagesParcel]:
    """The processes that stand for an Afosto parcel, shipments first. A shipment only counts once it is
    shipped."""
    out: list[EpagesParcel] = []
    for sp in processes.shippings:
        if sp.status in (ShippingProcessStatus.SHIPPED, ShippingProcessStatus.DELIVERED):
            out.append(EpagesParcel(SHIPMENT, sp.id, {pl.product_line_item_id: pl.quantity for pl in sp.line_items},
                                    sp.status == ShippingProcessStatus.DELIVERED, sp.tracking_code, sp.tracking_link))
    for pp in processes.pickups:
        out.append(EpagesParcel(PICKUP, pp.id, {pl.product_line_item_id: pl.quantity for pl in pp.line_items},
                                pp.status == PickupProcessStatus.PICKED_UP))
    return out


@dataclass(frozen=True)
class ParcelLinks:
    """What the links say about one order's parcels of one kind, read before planning (plain data)."""

    by_process: Mapping[str, Link] = field(default_factory=dict)  # ePages process id -> its link
    by_parcel: Mapping[str, Link] = field(default_factory=dict)  # Afosto parcel id -> the link it is the side of
    of_order: Sequence[Link] = ()  # every link of this kind under the order (shares and parts included)

    def shares(self, parcel_id: str) -> list[Link]:
        """Links of ePages processes (made by a person) whose units are part of this Afosto parcel."""
        return [link for link in self.of_order if link.data.get("parcel") == parcel_id]

    def parts(self, process_id: str) -> list[Link]:
        """The parts of one cockpit shipment that lie in warehouse parcels (see ``part_key``)."""
        return [link for link in self.of_order if link.data.get("process") == process_id]

    def claimed(self, parcel_id: str) -> Counter[str] | None:
        """Units of the parcel already standing for an ePages process (line id -> count); None when the
        parcel's link does not say (then all of it counts as claimed)."""
        claimed: Counter[str] = Counter()
        primary = self.by_parcel.get(parcel_id)
        if primary is not None:
            if not isinstance(primary.data.get("lines"), dict):
                return None
            claimed.update(primary.data["lines"])
        for share in self.shares(parcel_id):
            claimed.update(share.data.get("lines") or {})
        return claimed


def _unlinked_parcel(afosto: AfostoOrder, links: ParcelLinks, tracking: str | None,
                     lines: Mapping[str, int]) -> str | None:
    """An Afosto parcel nobody has linked yet, with this tracking code (any, with None) and these lines."""
    view = AfostoOrderView(afosto)
    for parcel in afosto.parcels:
        if parcel.id in links.by_parcel:
            continue
        if tracking and parcel.tracking_code != tracking:
            continue
        if view.lines_of(i.item_id for i in parcel.items) == dict(lines):
            return parcel.id
    return None


def _covering_parcel(afosto: AfostoOrder, links: ParcelLinks, lines: Mapping[str, int]) -> str | None:
    """An Afosto parcel holding these units beside others, none of them counted for ePages yet.

    A person shipped some units in the cockpit while the warehouse packed them with the rest of the order.
    A parcel whose link does not say which units it stands for (older links) counts as taken."""
    view = AfostoOrderView(afosto)
    for parcel in afosto.parcels:
        claimed = links.claimed(parcel.id)
        if claimed is None:
            continue
        have = view.lines_of(i.item_id for i in parcel.items)
        if all(have.get(k, 0) - claimed.get(k, 0) >= v for k, v in lines.items()):
            return parcel.id
    return None


def _parts_in_parcels(afosto: AfostoOrder, links: ParcelLinks,
                      lines: Mapping[str, int]) -> dict[str, dict[str, int]] | None:
    """Where the units of a cockpit shipment that are no longer open lie: in warehouse parcels, none of
    whose units are counted for ePages yet. Parcel id -> the units taken from it; None when the open units
    and those parcels together do not hold the whole shipment (then it is a real conflict)."""
    view = AfostoOrderView(afosto)
    short = +Counter({k: v - len(view.open_unpacked(k)) for k, v in lines.items()})
    found: dict[str, dict[str, int]] = {}
    for parcel in afosto.parcels:
        if not short:
            break
        claimed = links.claimed(parcel.id)
        if claimed is None:
            continue
        free = Counter(view.lines_of(i.item_id for i in parcel.items))
        free.subtract(claimed)
        take = {k: min(v, free[k]) for k, v in short.items() if free[k] > 0}
        if take:
            found[parcel.id] = take
            short.subtract(take)
            short = +short
    return None if short else found


def _cancelled_there(order: Order, afosto: AfostoOrder, lines: Mapping[str, int]) -> dict[str, int] | None:
    """Units of a cockpit shipment the warehouse cancelled in Afosto at the same moment (per SKU); None when
    Afosto's cancellations do not explain the shipment."""
    view = AfostoOrderView(afosto)
    counts = {li.id: li for li in order.product_line_items}
    cancelled: Counter[str] = Counter()
    for line_id, qty in lines.items():
        li = counts.get(line_id)
        if li is None:
            return None
        short = qty - len(view.open_unpacked(line_id))
        extra = len(view.canceled(line_id)) - li.counts.canceled
        if short > 0:
            if extra < short:
                return None
            cancelled[li.sku or line_id] += short
    return dict(cancelled) or None


def _without(lines: Mapping[str, int], *taken: Mapping[str, int]) -> dict[str, int]:
    rest = Counter(dict(lines))
    for units in taken:
        rest.subtract(units)
    return {k: v for k, v in rest.items() if v > 0}


def plan_epages_parcel(order: Order, afosto: AfostoOrder, process: EpagesParcel, links: ParcelLinks, *,
                       taken: Collection[str] = ()) -> list[ParcelStep]:
    """The steps that bring the Afosto parcel of one ePages shipping or pickup process where the process is:
    found (a claim left by a crash, our own push whose link was lost), shared with the warehouse (the same
    units shipped in both systems at once), packed, or moved on; and the conflicts only a person can settle.
    ``taken``: units planned into other parcels already (not open for this one)."""
    how = process.how
    code = process.tracking_code
    parts = links.parts(process.process_id)
    # Some units of this shipment lie in warehouse parcels already: only the rest is this process's own parcel.
    lines = _without(process.lines, *(part.data.get("lines") or {} for part in parts)) if parts \
        else dict(process.lines)
    steps: list[ParcelStep] = []
    link = links.by_process.get(process.process_id)
    linked: str | None = None  # the Afosto parcel of the process's own link
    link_data: Mapping[str, object] = {}
    packing = False
    if link is not None and link.status == LinkStatus.PENDING:
        found = _unlinked_parcel(afosto, links, code, lines)
        if found is None:
            steps.append(DropClaim(how.kind, process.process_id))
            link = None
        else:
            steps.append(CompleteClaim(how.kind, process.process_id, found))
            linked, link_data = found, link.data
    elif link is not None:
        linked, link_data = link.afosto_id, link.data
    new_parts: list[str] = []
    if link is None:
        # Made in ePages by a person, unless it is our own push whose link was lost in a crash.
        echo = _unlinked_parcel(afosto, links, code, lines)
        if echo is not None:
            return [*steps, LinkParcel(how.kind, process.process_id, echo, Origin.AFOSTO)]
        view = AfostoOrderView(afosto)

        def open_units(wanted: Mapping[str, int]) -> list[str]:
            return [i.id for line_id, qty in wanted.items()
                    for i in [u for u in view.open_unpacked(line_id) if u.id not in taken][:qty]]

        items = open_units(lines)
        differ = False  # the cockpit's tracking code is not the warehouse's for the same units
        if how.strict and len(items) < sum(lines.values()):
            # Shipped in both systems at once (a person in the cockpit, the warehouse in Afosto): the same units
            # left once, so the two shipments are one.
            twin = _unlinked_parcel(afosto, links, None, lines)
            if twin is not None:
                theirs = next(p.tracking_code for p in afosto.parcels if p.id == twin)
                differ = codes_differ(code, [theirs])
                steps.append(LinkParcel(how.kind, process.process_id, twin, Origin.EPAGES,
                                        {"shipped_in_both": True, "tracking_conflict": differ}))
                steps.append(TrackingConflict(code or "-", theirs or "-") if differ else SameUnitsNote("twin"))
                return steps
            covering = _covering_parcel(afosto, links, lines)
            if covering is not None:
                # Part of a bigger Afosto parcel: these units count once, and only the rest of the parcel goes
                # to ePages (see the shipment pusher).
                theirs = next((p.tracking_code for p in afosto.parcels if p.id == covering), None)
                differ = codes_differ(code, [theirs])
                steps.append(LinkParcel(how.kind, process.process_id, shared_parcel_key(covering, process.process_id),
                                        Origin.EPAGES, {"parcel": covering, "lines": lines, "shipped_in_both": True,
                                                        "tracking_conflict": differ}))
                steps.append(SameUnitsNote("covering"))
                if differ:
                    steps.append(TrackingConflict(code or "-", theirs or "-"))
                return steps
            in_parcels = _parts_in_parcels(afosto, links, lines)
            if in_parcels is None:
                cancelled = _cancelled_there(order, afosto, lines)
                return [*steps, ShippedButCancelled(cancelled) if cancelled else RefuseShipment()]
            # Some units of the cockpit shipment were packed by the warehouse at the same moment, in parcels of
            # their own: those count once (the shipment pusher leaves them out of what it sends to ePages), and
            # only the open rest is packed for this shipment.
            for parcel_id, units in in_parcels.items():
                steps.append(LinkParcel(how.kind, part_key(process.process_id, parcel_id),
                                        shared_parcel_key(parcel_id, process.process_id), Origin.EPAGES,
                                        {"parcel": parcel_id, "process": process.process_id, "lines": units,
                                         "shipped_in_both": True}))
                new_parts.append(parcel_id)
            lines = _without(lines, *in_parcels.values())
            items = open_units(lines)
            theirs_codes = sorted({p.tracking_code for p in afosto.parcels if p.id in in_parcels and p.tracking_code})
            differ = codes_differ(code, list(theirs_codes))
            if not lines:  # every unit lies in warehouse parcels: the process needs no parcel of its own
                steps.append(LinkParcel(how.kind, process.process_id, f"{process.process_id}/parts", Origin.EPAGES,
                                        {"parts_only": True, "tracking_conflict": differ}))
            if differ:
                steps.append(TrackingConflict(code or "-", ", ".join(theirs_codes)))
            steps.append(SameUnitsNote("parts"))
        if not items:
            return steps
        steps.append(PackParcel(epages_order_id=order.id, number=order.order_number or order.id, kind=how.kind,
                                process_id=process.process_id, afosto_order_id=afosto.id, items=tuple(items),
                                tracking_code=code, tracking_url=process.tracking_url, moves=(how.first,),
                                claim_data={"tracking_conflict": differ} if differ else None))
        packing = True
        link_data = {"tracking_conflict": differ} if differ else {}
    # The parcels holding parts of this shipment (see _parts_in_parcels), those linked before and just now.
    part_parcels = {part.data.get("parcel") for part in parts} | set(new_parts)
    pieces = [p for p in afosto.parcels if p.id in part_parcels]
    if process.finished:
        # A cockpit shipment whose units lie partly in warehouse parcels is delivered as a whole.
        steps.extend(MoveParcel(piece.id, how.final) for piece in pieces if piece.status != how.final)
    if not packing and linked is None:
        return steps
    # The process's own parcel as it is now (the one just packed has reached the first status).
    own = next((p for p in afosto.parcels if p.id == linked), None)
    if link_data.get("tracking_conflict"):
        holding = [p.tracking_code for p in afosto.parcels if p.id == link_data.get("parcel")]
        mine = [code] if packing else [own.tracking_code] if own is not None else []
        codes = sorted({c for c in [*mine, *(p.tracking_code for p in pieces), *holding] if c})
        if not codes_differ(code, list(codes)):
            steps.append(TrackingAgreed(how.kind, process.process_id))
        else:
            steps.append(TrackingConflict(code or "-", ", ".join(codes), again=True))
    if not packing and own is None:
        return steps
    own_status: str | None = how.first if packing or own is None else own.status
    own_id = None if packing else linked
    if own_status == ParcelStatus.PENDING:
        steps.append(MoveParcel(own_id, how.first))
    if process.finished and own_status != how.final:
        steps.append(MoveParcel(own_id, how.final, told=True))
    return steps


def changes_afosto(steps: Sequence[ParcelStep]) -> bool:
    """Whether carrying the steps out changes Afosto (a parcel packed or moved on)."""
    return any(isinstance(s, PackParcel | MoveParcel) for s in steps)


def plan_new_parcels(order: Order, processes: OrderProcesses, afosto: AfostoOrder, *,
                     linked_processes: Collection[str], flows: Collection[Flow]) -> list[PackParcel | FollowChanges]:
    """The parcels an order's ePages shipments and pickups become in Afosto, when the case is plain: only
    shipments and pickups to carry over, none of them linked yet, no parcel in Afosto yet, and every shipped
    unit still open there. Each process is one parcel of the first open units of its lines, moved on to the
    status the process has reached (what ``plan_epages_parcel`` plans for it, packed and moved in one go).

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
    taken: set[str] = set()
    packs: list[PackParcel | FollowChanges] = []
    for process in parcel_processes(processes):
        if process.process_id in linked_processes:
            return careful
        steps = plan_epages_parcel(order, afosto, process, ParcelLinks(), taken=taken)
        pack = next((s for s in steps if isinstance(s, PackParcel)), None)
        moves = [s for s in steps if isinstance(s, MoveParcel)]
        if any(not isinstance(s, PackParcel | MoveParcel) for s in steps) or any(m.parcel_id for m in moves):
            return careful  # a conflict to look at closely
        if pack is None:
            continue  # a pickup of units that are gone already: nothing to record (as order by order)
        taken.update(pack.items)
        packs.append(PackParcel(**{**pack.__dict__, "moves": (*pack.moves, *(m.status for m in moves))}))
    return packs
