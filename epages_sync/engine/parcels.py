"""Shipments and pickups, both ways: how an ePages process shows as an Afosto parcel, the link keys of parcels
shared by both systems, and the pure planners (no I/O) of the parcels an order's ePages processes become
(carried out by the poller order by order, and by the import applier for a page of new orders at once) and of
the ePages shipment or pickup an Afosto parcel becomes (carried out by the pushers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ..clients.afosto_models import AfostoOrder, Parcel, ParcelStatus
from ..clients.epages_models import (
    Order,
    OrderProcesses,
    PickupProcess,
    PickupProcessStatus,
    ShippingProcess,
    ShippingProcessStatus,
)
from ..config import Flow
from ..store.models import Link, LinkKind, LinkStatus, Origin
from ..texts import template
from .conflicts import codes_differ
from .order_view import AfostoOrderView
from .steps import (
    CompleteClaim,
    CreatePickup,
    CreateShipment,
    DeliverShipments,
    DropClaim,
    FollowChanges,
    LinkParcel,
    MarkPickedUp,
    MarkShipped,
    MoveParcel,
    PackParcel,
    ParcelStep,
    PickupNotKnown,
    PickupStep,
    ProcessGone,
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


# --- Afosto -> ePages: the shipment pusher --------------------------------------------------------------------

def process_lines(process: ShippingProcess) -> dict[str, int]:
    return {pl.product_line_item_id: pl.quantity for pl in process.line_items}


@dataclass(frozen=True)
class ShipmentPlan:
    """What the shipment pusher does for one Afosto parcel, and what it tells the log."""

    steps: list[ParcelStep]
    lines: dict[str, int]  # the parcel's units per ePages line
    sent: dict[str, int]  # the units the ePages shipment stands for (the rest left in cockpit shipments)


def _shares_of_parcel(order: Order, parcel: Parcel, lines: Mapping[str, int], shares: Sequence[Link],
                      unlinked: Sequence[ShippingProcess]) -> tuple[list[ParcelStep], dict[str, int], set[str]]:
    """Cockpit shipments whose units are all in this parcel count as part of it (linked as shares, so the
    poller never imports them): their links, the units of the parcel left for ePages, and the processes
    linked so. A share under another tracking code than the parcel's is a conflict for a person."""
    steps: list[ParcelStep] = []
    rest = Counter(dict(lines))
    for share in shares:
        rest.subtract(share.data.get("lines") or {})
    shared: set[str] = set()
    for sp in unlinked:
        own = process_lines(sp)
        if sp.status not in (ShippingProcessStatus.SHIPPED, ShippingProcessStatus.DELIVERED):
            continue
        if own and all(rest.get(k, 0) >= v for k, v in own.items()):
            differ = codes_differ(sp.tracking_code, [parcel.tracking_code])
            steps.append(LinkParcel(LinkKind.SHIPPING, sp.id, shared_parcel_key(parcel.id, sp.id), Origin.EPAGES,
                                    {"parcel": parcel.id, "lines": own, "shipped_in_both": True,
                                     "tracking_conflict": differ}))
            if differ:
                steps.append(TrackingConflict(sp.tracking_code or "-", parcel.tracking_code or "-"))
            rest.subtract(own)
            shared.add(sp.id)
    return steps, {k: v for k, v in rest.items() if v > 0}, shared


def _not_shipped_in_epages(sent: Mapping[str, int], left: Mapping[str, int],
                           others: Sequence[ShippingProcess]) -> dict[str, int]:
    """Leave out units that ePages shows shipped already in a cockpit shipment bigger than this parcel (not
    linked to anything): the warehouse and a person shipped them at the same moment. The poller counts them
    once as part of that shipment (see ``part_key``). Units missing in ePages for any other reason stay in,
    and ePages' refusal parks the push for a person."""
    elsewhere: Counter[str] = Counter()
    for sp in others:
        if sp.status in (ShippingProcessStatus.SHIPPED, ShippingProcessStatus.DELIVERED):
            elsewhere.update(process_lines(sp))
    out: dict[str, int] = {}
    for line_id, qty in sent.items():
        over = max(0, qty - left.get(line_id, 0))
        qty -= min(over, elsewhere[line_id])
        if qty > 0:
            out[line_id] = qty
    return out


def plan_afosto_shipment(order: Order, afosto: AfostoOrder, parcel: Parcel, existing: Sequence[ShippingProcess], *,
                         link: Link | None, linked_processes: Collection[str], shares: Sequence[Link]) -> ShipmentPlan:
    """The ePages shipment of an Afosto parcel the warehouse shipped: the shipping process made on an earlier
    try (``link``) or found (our own, its link lost; a cockpit shipment of the same units at the same moment),
    or created; marked shipped, and delivered when the parcel is. ``existing``: the order's ePages shipping
    processes, read now; ``linked_processes``: those a link names; ``shares``: the links of cockpit shipments
    counted as part of this parcel."""
    lines = AfostoOrderView(afosto).lines_of(i.item_id for i in parcel.items)
    sent = lines
    steps: list[ParcelStep] = []
    process: ShippingProcess | None = None
    creating = False
    if link is not None and isinstance(link.data.get("lines"), dict):
        sent = dict(link.data["lines"])  # what the ePages shipment of this parcel stands for
    if link is not None and link.data.get("covered_by_epages"):
        pass  # every unit of the parcel left in ePages' own shipments
    elif link is not None:  # created on an earlier try whose later steps did not finish
        process = next((sp for sp in existing if sp.id == link.epages_id), None)
        if process is None:
            return ShipmentPlan([ProcessGone(link.epages_id)], lines, sent)
    else:
        unlinked = [sp for sp in existing if sp.id not in linked_processes]
        same = [sp for sp in unlinked if process_lines(sp) == lines]
        process = next((sp for sp in same if sp.tracking_code == parcel.tracking_code), None)
        left = {li.id: li.counts.unshipped for li in order.product_line_items}
        short = any(left.get(k, 0) < v for k, v in lines.items())
        twin_codes = False
        if process is None and short and same:
            # Shipped in both systems at once: the units already left in ePages' own shipment.
            process = same[0]
            twin_codes = bool(process.tracking_code and parcel.tracking_code)
        if process is None and short:
            # A person shipped some of these units in the cockpit while the warehouse packed them with others:
            # those count once, and ePages gets a shipment of the rest. Units missing in ePages for any other
            # reason (cancelled there, shipped in a cockpit shipment that is not all in this parcel) make ePages
            # refuse the rest: parked for a person, not hidden.
            ours = [sp for sp in unlinked if parcel.tracking_code and sp.tracking_code == parcel.tracking_code]
            others = [sp for sp in unlinked if sp not in ours]
            share_steps, sent, shared = _shares_of_parcel(order, parcel, lines, shares, others)
            steps.extend(share_steps)
            sent = _not_shipped_in_epages(sent, left, [sp for sp in others if sp.id not in shared])
            # Made by an earlier try of this push whose link was not written (the app stopped).
            process = next((sp for sp in ours if process_lines(sp) == sent), None)
        link_data = {"lines": sent, "tracking_conflict": twin_codes}
        if process is not None:
            steps.append(LinkParcel(LinkKind.SHIPPING, process.id, parcel.id, Origin.AFOSTO, link_data))
            if twin_codes:
                steps.append(TrackingConflict(process.tracking_code or "-", parcel.tracking_code or "-"))
        elif sent:
            steps.append(CreateShipment(parcel.id, sent, parcel.tracking_code, parcel.tracking_url, link_data))
            creating = True
        else:
            steps.append(LinkParcel(LinkKind.SHIPPING, f"covered:{parcel.id}", parcel.id, Origin.AFOSTO,
                                    {"lines": {}, "covered_by_epages": True}))
    # Marking is not repeated blindly: a lost answer fails this try, and the next one reads the status.
    if creating or (process is not None and process.status in (None, ShippingProcessStatus.PENDING)):
        steps.append(MarkShipped(None if creating else process.id if process else None, parcel.tracking_code,
                                 parcel.tracking_url))
    if parcel.status == ParcelStatus.DELIVERED:
        steps.append(DeliverShipments(parcel.id))
    return ShipmentPlan(steps, lines, sent)


# --- Afosto -> ePages: the pickup pushers ---------------------------------------------------------------------

def _picked_up(process: PickupProcess | None) -> MarkPickedUp:
    """Marking is not repeated blindly: a process ePages shows picked up already is only noted as such."""
    if process is None:
        return MarkPickedUp(None)
    return MarkPickedUp(process.id, already=process.status == PickupProcessStatus.PICKED_UP)


def plan_afosto_pickup(parcel: Parcel, existing: Sequence[PickupProcess], *, link: Link | None,
                       linked_processes: Collection[str]) -> list[PickupStep]:
    """The ePages pickup process of an Afosto parcel the warehouse made ready for pickup: the one linked on
    an earlier try (``link``; gone: a person changed the order), else one nobody linked (ePages keeps one
    pickup process per order, so it is ours from an earlier try whose link was not written), else a new
    one; marked picked up when the parcel is. ``existing``: the order's pickup processes, read now;
    ``linked_processes``: those a link names."""
    process: PickupProcess | None = None
    steps: list[PickupStep] = []
    if link is not None:
        process = next((p for p in existing if p.id == link.epages_id), None)
        if process is None:
            return [ProcessGone(link.epages_id)]
    else:
        process = next((p for p in existing if p.id not in linked_processes), None)
        if process is None:
            steps.append(CreatePickup(parcel.id))
        else:
            steps.append(LinkParcel(LinkKind.PICKUP, process.id, parcel.id, Origin.AFOSTO))
    if parcel.status == ParcelStatus.PICKED_UP:
        steps.append(_picked_up(process))
    return steps


def plan_afosto_picked_up(parcel_id: str, existing: Sequence[PickupProcess], *, link: Link | None
                          ) -> list[PickupStep]:
    """An Afosto parcel picked up after its pickup process was made in ePages: that process (``link``) is
    marked picked up, unless ePages shows it so already. No link yet: the pickup is not known in ePages (the
    process is not read then); the linked process gone: a person changed the order."""
    if link is None:
        return [PickupNotKnown(parcel_id)]
    process = next((p for p in existing if p.id == link.epages_id), None)
    if process is None:
        return [ProcessGone(link.epages_id)]
    return [_picked_up(process)]
