"""Orders and their processes as Beyond keeps them, and the figures that follow from the processes.

Nothing here is stored twice: line counters, the order's shipping status, payment status, ``canceled`` and
the current quantities are all worked out from the processes, so they can never disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..seed import CURRENCY, Customer, PaymentMethod, PickupOption, ShippingMethod, ShopLocation

CENT = Decimal("0.01")
TAX_RATE = Decimal("0.19")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tax_in(gross: Decimal) -> Decimal:
    """The VAT contained in a gross amount, to four places as Beyond shows it."""
    return (gross * TAX_RATE / (1 + TAX_RATE)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


@dataclass
class OrderLine:
    """A product line item, frozen at order time (later catalogue changes do not touch it)."""

    line_id: str
    product_id: str
    parent_id: str | None
    sku: str
    name: str
    attributes: tuple[tuple[str, str], ...]
    initial_quantity: int
    unit_price: Decimal
    initial_discount: Decimal  # line item discount at order time, <= 0, in cents

    @property
    def unit_discount(self) -> Decimal:
        # Beyond: the unit discount equals the line item discount divided by the quantity.
        share = self.initial_discount / self.initial_quantity
        return share.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)

    def discount_for(self, quantity: int) -> Decimal:
        if quantity == self.initial_quantity:
            return self.initial_discount
        return cents(self.initial_discount * quantity / self.initial_quantity)


@dataclass
class ShippingProcess:
    process_id: str
    status: str  # PENDING | SHIPPED | DELIVERED
    lines: list[tuple[str, int]]
    tracking_code: str | None = None
    tracking_link: str | None = None
    comment: str | None = None


@dataclass
class PickupProcess:
    process_id: str
    status: str  # READY_FOR_PICKUP | PICKED_UP
    lines: list[tuple[str, int]]
    comment: str | None = None


@dataclass
class CancelProcess:
    process_id: str
    lines: list[tuple[str, int]]
    comment: str | None = None


@dataclass
class ReturnProcess:
    process_id: str
    lines: list[tuple[str, int, str]]  # (line id, quantity, RETURNED | BROKEN)
    shipping_price_refund: Decimal | None = None
    pickup_price_refund: Decimal | None = None
    shipping_process_id: str | None = None
    pickup_process_id: str | None = None
    comment: str | None = None


@dataclass
class RefundProcess:
    process_id: str
    amount: Decimal
    status: str = "PENDING"


@dataclass
class PaymentProcess:
    process_id: str
    amount: Decimal
    status: str  # PAID | PENDING


@dataclass
class Coupon:
    code: str
    campaign_id: str
    name: str
    percentage: Decimal  # negative share of the subtotal, e.g. -0.1


@dataclass
class LineCounts:
    """How many items of one line are in which state."""

    initial: int
    pickup_order: bool = False
    pending: int = 0
    shipped: int = 0
    delivered: int = 0
    ready_for_pickup: int = 0
    picked_up: int = 0
    canceled: int = 0
    returned: int = 0
    broken: int = 0

    @property
    def quantity(self) -> int:
        # Beyond: quantity = initialQuantity - returned - broken - canceled.
        return self.initial - self.returned - self.broken - self.canceled

    @property
    def in_shipping(self) -> int:
        return self.pending + self.shipped + self.delivered

    @property
    def in_pickup(self) -> int:
        return self.ready_for_pickup + self.picked_up

    @property
    def handed_over(self) -> int:
        return self.shipped + self.delivered + self.picked_up

    @property
    def left_to_send(self) -> int:
        """Items neither canceled nor already in a shipping or pickup process."""
        return self.initial - self.canceled - self.in_shipping - self.in_pickup

    @property
    def unshipped(self) -> int:
        return 0 if self.pickup_order else max(0, self.initial - self.canceled - self.in_shipping)

    @property
    def not_picked_up(self) -> int:
        return max(0, self.initial - self.canceled - self.in_pickup) if self.pickup_order else 0

    @property
    def returnable(self) -> int:
        return self.handed_over - self.returned - self.broken


@dataclass
class ShopOrder:
    order_id: str
    number: str
    cart_id: str
    created_ms: int
    updated_ms: int
    customer: Customer
    lines: list[OrderLine]
    payment_method: PaymentMethod
    paid: bool
    shipping_method: ShippingMethod | None = None
    pickup_option: PickupOption | None = None
    pickup_location: ShopLocation | None = None
    coupon: Coupon | None = None
    customer_comment: str | None = None
    currency: str = CURRENCY
    shippings: list[ShippingProcess] = field(default_factory=list)
    pickups: list[PickupProcess] = field(default_factory=list)
    cancelations: list[CancelProcess] = field(default_factory=list)
    returns: list[ReturnProcess] = field(default_factory=list)
    refunds: list[RefundProcess] = field(default_factory=list)
    payments: list[PaymentProcess] = field(default_factory=list)
    viewed: bool = False

    @property
    def is_pickup(self) -> bool:
        return self.pickup_option is not None

    def line(self, line_id: str) -> OrderLine | None:
        return next((li for li in self.lines if li.line_id == line_id), None)

    def counts(self) -> dict[str, LineCounts]:
        out = {li.line_id: LineCounts(li.initial_quantity, self.is_pickup) for li in self.lines}
        for sp in self.shippings:
            attr = {"PENDING": "pending", "SHIPPED": "shipped", "DELIVERED": "delivered"}[sp.status]
            for line_id, qty in sp.lines:
                setattr(out[line_id], attr, getattr(out[line_id], attr) + qty)
        for pp in self.pickups:
            attr = "picked_up" if pp.status == "PICKED_UP" else "ready_for_pickup"
            for line_id, qty in pp.lines:
                setattr(out[line_id], attr, getattr(out[line_id], attr) + qty)
        for cp in self.cancelations:
            for line_id, qty in cp.lines:
                out[line_id].canceled += qty
        for rp in self.returns:
            for line_id, qty, status in rp.lines:
                if status == "BROKEN":
                    out[line_id].broken += qty
                else:
                    out[line_id].returned += qty
        return out

    # -- what follows from the processes --------------------------------------------------------------
    @property
    def canceled(self) -> bool:
        counts = self.counts().values()
        return all(c.canceled == c.initial for c in counts)

    @property
    def cancelable(self) -> bool:
        """The whole order can still be canceled: nothing handed to a shipping or pickup process yet."""
        counts = self.counts().values()
        return not self.canceled and all(c.in_shipping == 0 and c.in_pickup == 0 for c in counts) \
            and not self.returns

    def shipping_status(self) -> str:
        counts = list(self.counts().values())
        active = sum(c.initial - c.canceled for c in counts)
        if active == 0:
            return "CANCELED"
        back = sum(c.returned + c.broken for c in counts)
        if back:
            return "RETURNED" if back >= active else "PARTIALLY_RETURNED"
        if self.is_pickup:
            if sum(c.picked_up for c in counts) >= active:
                return "PICKED_UP"
            if sum(c.in_pickup for c in counts):
                return "READY_FOR_PICKUP"
            return "NOT_PICKED_UP"
        delivered = sum(c.delivered for c in counts)
        sent = sum(c.shipped + c.delivered for c in counts)
        if delivered >= active:
            return "DELIVERED"
        if sent >= active:
            return "SHIPPED"
        if sent:
            return "PARTIALLY_SHIPPED"
        if sum(c.pending for c in counts):
            return "PENDING"
        return "UNSHIPPED"

    def payment_status(self) -> str:
        if self.refunds:
            return "REFUND_PENDING"
        if self.paid:
            return "PAID"
        return "VOIDED" if self.canceled else "PENDING"

    # -- money ----------------------------------------------------------------------------------------
    def subtotal(self, initial: bool = False) -> Decimal:
        counts = self.counts()
        total = Decimal("0")
        for li in self.lines:
            qty = li.initial_quantity if initial else counts[li.line_id].quantity
            total += li.unit_price * qty + li.discount_for(qty)
        return total

    def coupon_amount(self, initial: bool = False) -> Decimal:
        if self.coupon is None:
            return Decimal("0")
        return cents(self.subtotal(initial) * self.coupon.percentage)

    def shipping_price(self, initial: bool = False) -> Decimal:
        if not initial and self.canceled:
            return Decimal("0")
        if self.shipping_method is not None:
            return self.shipping_method.price
        if self.pickup_option is not None:
            return self.pickup_option.fixed_price
        return Decimal("0")

    def payment_fee(self, initial: bool = False) -> Decimal:
        if not initial and self.canceled:
            return Decimal("0")
        return self.payment_method.fee

    def grand_total(self, initial: bool = False) -> Decimal:
        return (self.subtotal(initial) + self.coupon_amount(initial) + self.shipping_price(initial)
                + self.payment_fee(initial))

    def total_received(self) -> Decimal:
        return self.grand_total(initial=True) if self.paid else Decimal("0")
