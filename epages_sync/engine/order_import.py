"""How an ePages order becomes an Afosto order: customer, addresses, lines by SKU, exact prices and fees,
and the planner of a page's imports (``plan_order_import``).

Anything that would make a wrong or partial Afosto order is an ``OrderProblem`` with a message a shop
worker can act on; the plan parks that one order and goes on with the others. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..clients.afosto_models import AfostoAddress, NewCustomer, NewOrder, NewOrderLine
from ..clients.epages_models import Address, Order, ProductLineItem
from ..store.models import Link, LinkStatus
from ..texts import PRESS_RETRY, Text
from .steps import AddItems, CreateOrder, FollowChanges, ImportStep, Park


class OrderProblem(Exception):
    """The order cannot be imported as it is; ``message`` says what is wrong and what to do."""

    def __init__(self, message: Text, *, skus: Collection[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.skus = list(skus)


@dataclass(frozen=True)
class ImportPlan:
    order: NewOrder
    lines: list[NewOrderLine]


def _required(address: Address | None, which: Text, order_number: str) -> Address:
    if address is None:
        raise OrderProblem(Text("Order {number} has no {address}. Add it in the ePages cockpit, then {retry}.",
                                number=order_number, address=which, retry=PRESS_RETRY))
    missing = [
        label
        for label, value in (
            (Text("country"), address.country),
            (Text("last name"), address.last_name),
            (Text("city"), address.city),
        )
        if not (value or "").strip()
    ]
    if missing:
        raise OrderProblem(
            Text("Order {number}: the {address} has no {missing}. Complete the address in the ePages "
                 "cockpit, then {retry}.", number=order_number, address=which, missing=missing,
                 retry=PRESS_RETRY)
        )
    return address


def _afosto_address(address: Address) -> AfostoAddress:
    street = " ".join(p for p in (address.street, address.house_number) if p)
    return AfostoAddress(
        country_code=(address.country or "").upper(),
        administrative_area=address.state,
        locality=address.city,
        dependent_locality=address.dependent_locality,
        postal_code=address.postal_code,
        address_line_1=street or None,
        address_line_2=address.address_extension or None,
        thoroughfare=address.street,
        premise_number=address.house_number,
        organisation=address.company,
        given_name=address.first_name,
        additional_name=address.middle_name,
        family_name=address.last_name,
    )


def line_quantity(line: ProductLineItem) -> int:
    """Units originally ordered; cancellations and returns are synced as their own steps afterwards."""
    return line.ordered_quantity


def _unit_price(line: ProductLineItem, order_number: str) -> tuple[Decimal, Decimal]:
    """The gross unit price the customer paid (list price plus the line's unit discount) in whole cents,
    and the exact figure, which differs only when ePages keeps fractions of a cent."""
    if line.unit_price is None:
        raise OrderProblem(Text("Order {number}: line {line} has no price.", number=order_number,
                                line=line.sku or line.id))
    exact = line.unit_price.amount + (line.unit_discount.amount if line.unit_discount else Decimal(0))
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), exact


def plan_import(
    order: Order,
    *,
    channel_id: str,
    channel_currency: str,
    afosto_skus: Collection[str],
    location_map: Mapping[str, str],
) -> ImportPlan:
    """The Afosto order and lines for ``order``, or an OrderProblem naming the first thing to fix."""
    number = order.order_number or order.id
    if (order.currency or "").upper() != channel_currency.upper():
        raise OrderProblem(
            Text("Order {number} is in {currency}, but the Afosto sales channel uses {channel_currency}. "
                 "Choose a sales channel in {currency} or handle this order by hand.", number=number,
                 currency=order.currency or Text("no currency"), channel_currency=channel_currency)
        )
    if not order.product_line_items:
        raise OrderProblem(Text("Order {number} has no product lines.", number=number))
    unknown = sorted(
        {
            li.sku or Text("(no SKU, line {line})", line=li.id)
            for li in order.product_line_items
            if not li.sku or li.sku not in afosto_skus
        }
    )
    if unknown:
        raise OrderProblem(
            Text("Order {number}: SKU {skus} is unknown in Afosto. Create the product in Afosto with exactly "
                 "this SKU (or correct the SKU in ePages), then {retry}.", number=number, skus=unknown,
                 retry=PRESS_RETRY),
            skus=unknown,
        )
    billing = _required(order.billing_address, Text("billing address"), number)
    pickup_location: str | None = None
    delivery: AfostoAddress | None = None
    if order.is_pickup:
        epages_location = order.pickup_line_item.location_id if order.pickup_line_item else None
        pickup_location = location_map.get(epages_location or "")
        if pickup_location is None:
            raise OrderProblem(
                Text("Order {number} is a pickup at ePages location {location}, which is not mapped to an "
                     "Afosto location. Map it in Settings > Locations, then {retry}.", number=number,
                     location=epages_location or Text("(unknown)"), retry=PRESS_RETRY)
            )
    else:
        delivery = _afosto_address(
            _required(order.shipping_address or order.billing_address, Text("shipping address"), number)
        )
    email = order.customer_email or billing.email
    if not email:
        raise OrderProblem(
            Text("Order {number} has no customer e-mail address. Add it in the ePages cockpit, then {retry}.",
                 number=number, retry=PRESS_RETRY)
        )
    lines = []
    for li in order.product_line_items:
        if line_quantity(li) <= 0:
            continue
        price, exact = _unit_price(li, number)
        meta: dict[str, object] = {"epages_line_id": li.id}
        if exact != price:
            meta["epages_unit_price_exact"] = str(exact)
        lines.append(
            NewOrderLine(
                sku=li.sku or "",
                quantity=line_quantity(li),
                unit_price=price,
                label=li.product.name,
                meta_data=meta,
            )
        )
    if not lines:
        raise OrderProblem(Text("Order {number} has no units left to import.", number=number))
    shipping_fee = (
        order.shipping_line_item.line_item_price.amount
        if order.shipping_line_item and order.shipping_line_item.line_item_price
        else None
    )
    if order.pickup_line_item and order.pickup_line_item.line_item_price:
        shipping_fee = order.pickup_line_item.line_item_price.amount
    payment_fee = (
        order.payment_line_item.line_item_price.amount
        if order.payment_line_item and order.payment_line_item.line_item_price
        else None
    )
    order_meta: dict[str, object] = {"epages_order_id": order.id, "epages_order_number": order.order_number}
    # Afosto has no line for coupons or line discounts; keep them on the order so the totals can be explained.
    if order.coupon_line_item is not None:
        order_meta["epages_coupon_code"] = order.coupon_line_item.code
        if order.coupon_line_item.line_item_price is not None:
            order_meta["epages_coupon_amount"] = str(order.coupon_line_item.line_item_price.amount)
    if order.grand_total is not None:
        order_meta["epages_grand_total"] = str(order.grand_total.amount)
    new = NewOrder(
        channel_id=channel_id,
        currency=channel_currency,
        country_code=(delivery.country_code if delivery else (billing.country or "").upper()) or None,
        customer=NewCustomer(
            email=email,
            given_name=billing.first_name,
            additional_name=billing.middle_name,
            family_name=billing.last_name,
            phone_number=billing.phone or billing.mobile,
            organisation=billing.company,
            reference=order.order_number,
            notes=order.customer_comment,
        ),
        billing_address=_afosto_address(billing),
        delivery_address=delivery,
        pickup_location_id=pickup_location,
        meta_data=order_meta,
        shipping_fee=shipping_fee,
        payment_fee=payment_fee,
    )
    return ImportPlan(order=new, lines=lines)


# --- the planner of a page's imports -------------------------------------------------------------------------

def order_stamp(order: Order) -> str:
    """The order's last change as read: a parked order or a synced one is looked at again only when it moves."""
    return order.updated_at.isoformat() if order.updated_at else ""


def held_units(order: Order) -> dict[str, int]:
    """Units per SKU the order still holds in ePages (sold, not cancelled; returns do not put stock back)."""
    lines: Counter[str] = Counter()
    for li in order.product_line_items:
        if li.sku:
            lines[li.sku] += li.ordered_quantity - li.counts.canceled
    return dict(lines)


def park_step(order: Order, reason: Text) -> Park:
    return Park(epages_order_id=order.id, number=order.order_number or order.id, reason=reason,
                stamp=order_stamp(order), lines=held_units(order))


def settled(order: Order) -> bool:
    """Nothing was cancelled, shipped, picked up or returned in ePages: an import carries all there is."""
    return not any(c.canceled or c.shipped or c.delivered or c.ready_for_pickup or c.picked_up or c.pending
                   or c.returned or c.broken for c in (li.counts for li in order.product_line_items))


@dataclass(frozen=True)
class ImportFacts:
    """What the planner of a page's imports goes by, all read before it runs."""

    links: Mapping[str, Link]  # the order links of the page's orders, by ePages order id
    parked_stamps: Mapping[str, str]  # open parked imports by order number: the order's stamp when parked
    afosto_skus: Collection[str]  # SKUs Afosto knows
    channel_id: str
    channel_currency: str
    location_map: Mapping[str, str]
    start_date: dt.date
    importing: bool = True  # the orders flow is on


def _in_range(order: Order, start: dt.date) -> bool:
    created = order.created_at or order.entry_date
    return created is None or created.date() >= start


def plan_order_import(orders: Sequence[Order], facts: ImportFacts) -> list[ImportStep]:
    """The steps for a page of ePages orders: import the new ones (or park them, saying why), finish imports
    cut short, and follow the changes of linked orders. An order with a pending link gets no step: its
    claim is resolved against Afosto first."""
    steps: list[ImportStep] = []
    for order in orders:
        number = order.order_number or order.id
        stamp = order_stamp(order)
        link = facts.links.get(order.id)
        if link is not None and link.status == LinkStatus.PENDING:
            continue
        if link is not None and link.data.get("stage") == "items":
            if link.data.get("seen") != stamp:
                steps.append(FollowChanges(order.id, number))
            continue
        if link is None and (not facts.importing or not _in_range(order, facts.start_date)
                             or facts.parked_stamps.get(number) == stamp):
            continue  # not ours to import, or unchanged since it was parked: it waits for a person
        try:
            plan = plan_import(order, channel_id=facts.channel_id, channel_currency=facts.channel_currency,
                               afosto_skus=facts.afosto_skus, location_map=facts.location_map)
        except OrderProblem as problem:
            steps.append(park_step(order, problem.message))
            continue
        quiet = settled(order)
        common: dict[str, Any] = dict(epages_order_id=order.id, number=number, lines=tuple(plan.lines),
                                      stamp=stamp, settled=quiet, held=held_units(order))
        if link is None:
            steps.append(CreateOrder(order=plan.order, **common))
        else:
            steps.append(AddItems(afosto_id=link.afosto_id or "", **common))
        if not quiet:
            steps.append(FollowChanges(order.id, number))
    return steps
