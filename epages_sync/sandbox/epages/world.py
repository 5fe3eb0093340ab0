"""The simulated ePages shop: catalogue, orders, processes, and the business rules a real Beyond shop keeps.

Both the HTTP endpoints and the simulated shop staff (activity) go through the same methods here, so a rule
holds no matter who breaks it. Every id and every random choice comes from seeded generators: the same seed
and the same sequence of actions give the same shop.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from ..figures import OrderFigures
from ..seed import Customer, SeedWorld, new_id, random_customer
from .catalogue import Catalogue, ShopProduct
from .orders import (
    CancelProcess,
    Coupon,
    OrderLine,
    PaymentProcess,
    PickupProcess,
    RefundProcess,
    ReturnProcess,
    ShippingProcess,
    ShopOrder,
    cents,
)
from .refusals import BeyondError, not_found, validation_failed

FIRST_ORDER_NUMBER = 10001
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_COUPONS = [("WELCOME10", "Welcome", Decimal("-0.1")), ("SUMMER15", "Summer Sale", Decimal("-0.15"))]
_COMMENTS = [None, None, None, "Please ring twice.", "Gift, please no invoice in the parcel.",
             "Bitte an der Tür."]


def ms_to_iso(ms: int) -> str:
    """Beyond's local date-time form: no offset, seconds always, fraction without trailing zeros (UTC)."""
    stamp = dt.datetime.fromtimestamp(ms // 1000, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    fraction = ms % 1000
    return f"{stamp}.{fraction:03d}".rstrip("0") if fraction else stamp


def iso_to_ms(text: str) -> int:
    """Read a date-time as Beyond's filters take it; without an offset it is UTC, like the answers."""
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    # Whole milliseconds by integer arithmetic: through a float, .38 s could come back as 379 ms.
    return (value - _EPOCH) // dt.timedelta(milliseconds=1)


class EpagesWorld:
    """Everything one simulated Beyond shop holds, with its rules."""

    def __init__(self, world: SeedWorld, *, orders: int = 20, clock: Callable[[], float] = time.time,
                 shop: int = 0) -> None:
        """``shop`` numbers the stores of a sandbox that serves several (0: the first, or the only one): each
        gets ids, order numbers and a tenant of its own, and the same catalogue."""
        self.seed_world = world
        self.clock = clock
        self.shop = shop
        self.tenant_id = 1400 + world.seed + 1000 * shop
        self._ids = random.Random(f"epages-ids-{world.seed}" + (f"-shop-{shop}" if shop else ""))
        self._frozen_ms: int | None = None
        now = self.now_ms()
        self.catalogue = Catalogue(world, now - 30 * 86_400_000)
        self.locations = list(world.shop_locations)
        self.pickup_options = list(world.pickup_options)
        self.orders: list[ShopOrder] = []
        self.by_id: dict[str, ShopOrder] = {}
        self._next_number = FIRST_ORDER_NUMBER + 10_000 * shop
        self._populate(orders, now)

    # -- time -----------------------------------------------------------------------------------------
    def now_ms(self) -> int:
        if self._frozen_ms is not None:
            return self._frozen_ms
        return int(self.clock() * 1000)

    @contextmanager
    def _at(self, ms: int) -> Iterator[None]:
        """Let the seeded history happen in the past, before the sandbox starts."""
        before, self._frozen_ms = self._frozen_ms, ms
        try:
            yield
        finally:
            self._frozen_ms = before

    def _touch(self, order: ShopOrder) -> None:
        # updatedAt must move on every change, even when the clock has not (a fake clock, the same ms).
        order.updated_ms = max(self.now_ms(), order.updated_ms + 1)

    def new_id(self) -> str:
        return new_id(self._ids)

    # -- look-ups -------------------------------------------------------------------------------------
    def order(self, order_id: str) -> ShopOrder:
        found = self.by_id.get(order_id)
        if found is None:
            raise not_found(f"/orders/{order_id}")
        return found

    def product(self, product_id: str) -> ShopProduct:
        found = self.catalogue.by_id.get(product_id)
        if found is None:
            raise not_found(f"/products/{product_id}")
        return found

    def variation(self, product_id: str, variation_id: str) -> ShopProduct:
        parent = self.product(product_id)
        found = self.catalogue.variation_by_id.get(variation_id)
        if found is None or found.parent is not parent:
            raise not_found(f"/products/{product_id}/variations/{variation_id}")
        return found

    def available_stock(self, sku: str) -> int | None:
        """The shop's stock figure for a SKU; None when stock is not counted or the SKU is unknown here."""
        product = self.catalogue.by_sku.get(sku)
        return None if product is None else product.available_stock

    def skus(self) -> list[str]:
        return list(self.catalogue.by_sku)

    # -- customers placing orders ---------------------------------------------------------------------
    def place_order(self, customer: Customer, items: list[tuple[str, int]], *,
                    pickup_option_id: str | None = None, shipping_method_id: str | None = None,
                    payment_method_id: str | None = None, paid: bool = False, coupon_code: str | None = None,
                    discounts: dict[str, Decimal] | None = None, comment: str | None = None) -> ShopOrder:
        """Place an order as the storefront does: stock of counted products goes down, or nothing happens."""
        if not items:
            raise validation_failed("order", "productLineItems", [], "must not be empty")
        wanted: list[tuple[ShopProduct, int]] = []
        for sku, qty in items:
            product = self.catalogue.by_sku.get(sku)
            if product is None:
                raise BeyondError(404, "resource-not-found", f"No product with SKU {sku}.", {"sku": sku})
            if qty < 1:
                raise validation_failed("order", "quantity", qty, "must be at least 1")
            wanted.append((product, qty))
        world = self.seed_world
        payment = next((p for p in world.payment_methods if p.method_id == payment_method_id),
                       world.payment_methods[0])
        pickup = next((p for p in self.pickup_options if p.pickup_option_id == pickup_option_id), None)
        if pickup_option_id is not None and pickup is None:
            raise not_found(f"/pickup-options/{pickup_option_id}")
        shipping = None
        if pickup is None:
            shipping = next((s for s in world.shipping_methods if s.method_id == shipping_method_id),
                            world.shipping_methods[0])
        coupon = None
        if coupon_code is not None:
            code, name, share = next((c for c in _COUPONS if c[0] == coupon_code),
                                     (coupon_code, coupon_code, Decimal("-0.1")))
            coupon = Coupon(code=code, campaign_id=str(new_id(random.Random(code))), name=name,
                            percentage=share)
        self.catalogue.take_for_order(wanted)
        now = self.now_ms()
        lines = []
        for product, qty in wanted:
            discount = (discounts or {}).get(product.sku or "", Decimal("0"))
            lines.append(OrderLine(
                line_id=self.new_id(), product_id=product.product_id,
                parent_id=product.parent.product_id if product.parent else None, sku=product.sku or "",
                name=product.name, attributes=product.attributes, initial_quantity=qty,
                unit_price=product.price, initial_discount=discount))
        order = ShopOrder(
            order_id=self.new_id(), number=str(self._next_number), cart_id=self.new_id(), created_ms=now,
            updated_ms=now, customer=customer, lines=lines, payment_method=payment, paid=paid,
            shipping_method=shipping, pickup_option=pickup,
            pickup_location=next((loc for loc in self.locations
                                  if pickup and loc.location_id == pickup.location_id), None),
            coupon=coupon, customer_comment=comment)
        order.payments.append(PaymentProcess(self.new_id(), order.grand_total(initial=True),
                                             "PAID" if paid else "PENDING"))
        self._next_number += 1
        self.orders.append(order)
        self.by_id[order.order_id] = order
        return order

    def place_random_order(self, rng: random.Random) -> ShopOrder | None:
        """A customer buys one to four things that are in stock; None when the shop is sold out."""
        customer = random_customer(rng)
        sellable = [p for p in self.catalogue.by_sku.values() if (self.catalogue.in_stock(p) or 0) > 0
                    or (p.purchasable and not p.stock_managed)]
        # Products Afosto does not carry (a gift card) sell now and then, not in every third order.
        rare = {i.sku for i in self.seed_world.items if not i.in_afosto}
        if self._next_number % 29:
            sellable = [p for p in sellable if p.sku not in rare] or sellable
        if not sellable:
            return None
        chosen = rng.sample(sellable, min(len(sellable), rng.choice([1, 1, 2, 2, 3, 4])))
        items: list[tuple[str, int]] = []
        discounts: dict[str, Decimal] = {}
        for product in chosen:
            room = self.catalogue.in_stock(product)
            qty = rng.randint(1, 3) if room is None else rng.randint(1, min(3, room))
            items.append((product.sku or "", qty))
            if rng.random() < 0.3:
                share = rng.choice([Decimal("0.1"), Decimal("0.15")])
                discounts[product.sku or ""] = -cents(product.price * qty * share)
        world = self.seed_world
        pickup = rng.choice(self.pickup_options) if rng.random() < 0.25 else None
        shipping = rng.choice(world.shipping_methods)
        payment = rng.choice(world.payment_methods)
        paid = payment.online or rng.random() < 0.3
        coupon = rng.choice(_COUPONS)[0] if rng.random() < 0.25 else None
        comment = rng.choice(_COMMENTS)
        return self.place_order(
            customer, items, pickup_option_id=pickup.pickup_option_id if pickup else None,
            shipping_method_id=shipping.method_id, payment_method_id=payment.method_id, paid=paid,
            coupon_code=coupon, discounts=discounts, comment=comment)

    # -- shop staff and API: processes ----------------------------------------------------------------
    def _checked_lines(self, order: ShopOrder, lines: list[tuple[str, int]], room: Callable[[str], int],
                       what: str) -> None:
        asked: dict[str, int] = {}
        for index, (line_id, qty) in enumerate(lines):
            if order.line(line_id) is None:
                raise BeyondError(409, "no-such-product-line-item",
                                  "The specified product line item is not included in the order.")
            if qty < 1:
                raise validation_failed(what, f"lineItems[{index}].quantity", qty, "must be greater than 0")
            asked[line_id] = asked.get(line_id, 0) + qty
        for index, (line_id, _) in enumerate(lines):
            left = room(line_id)
            if asked[line_id] > left:
                raise validation_failed(
                    what, f"lineItems[{index}].quantity", asked[line_id],
                    f"The quantity {asked[line_id]} exceeds the {left} item(s) left for this on the line "
                    "item.")

    def create_shipping(self, order_id: str, lines: list[tuple[str, int]], *,
                        tracking_code: str | None = None, tracking_link: str | None = None,
                        comment: str | None = None) -> ShippingProcess:
        order = self.order(order_id)
        if order.is_pickup:
            raise BeyondError(400, "cannot-create-shipping-process",
                              "Cannot create a shipping process for orders with a pickup line item.",
                              {"reasonId": "order-has-pickup-line-item"})
        if order.canceled:
            raise BeyondError(400, "cannot-create-shipping-process", "The order was canceled",
                              {"reasonId": "order-is-canceled"})
        if not lines:
            raise validation_failed("shippingProcess", "lineItems", [], "must not be empty")
        counts = order.counts()
        self._checked_lines(order, lines, lambda lid: counts[lid].left_to_send, "shippingProcess")
        process = ShippingProcess(self.new_id(), "PENDING", list(lines), tracking_code, tracking_link,
                                  comment)
        order.shippings.append(process)
        self._touch(order)
        return process

    def _shipping(self, order: ShopOrder, process_id: str) -> ShippingProcess:
        found = next((p for p in order.shippings if p.process_id == process_id), None)
        if found is None:
            raise not_found(f"/orders/{order.order_id}/processes/shippings/{process_id}")
        return found

    def mark_shipped(self, order_id: str, process_id: str, *, tracking_code: str | None = None,
                     tracking_link: str | None = None) -> ShippingProcess:
        order = self.order(order_id)
        process = self._shipping(order, process_id)
        if process.status != "PENDING":
            raise BeyondError(409, "illegal-status-transition",
                              f"A shipping process with status {process.status} cannot be marked as shipped.")
        process.status = "SHIPPED"
        if tracking_code is not None:
            process.tracking_code = tracking_code
        if tracking_link is not None:
            process.tracking_link = tracking_link
        self._touch(order)
        return process

    def mark_delivered(self, order_id: str, process_id: str) -> ShippingProcess:
        order = self.order(order_id)
        process = self._shipping(order, process_id)
        if process.status == "DELIVERED":
            raise BeyondError(409, "illegal-status-transition",
                              "A shipping process with status DELIVERED cannot be marked as delivered.")
        process.status = "DELIVERED"
        self._touch(order)
        return process

    def create_pickup(self, order_id: str, *, comment: str | None = None) -> PickupProcess:
        order = self.order(order_id)
        if order.pickups:
            raise BeyondError(409, "pickup-process-already-exists",
                              "Partial pickups are not supported. So, the creation of multiple pickup "
                              "processes is not allowed.")
        if order.canceled:
            raise BeyondError(400, "cannot-create-pickup-process", "The order was canceled")
        if not order.is_pickup:
            raise BeyondError(400, "cannot-create-pickup-process", "The order has no pickup line item.",
                              {"reasonId": "order-has-no-pickup-line-item"})
        counts = order.counts()
        lines = [(li.line_id, counts[li.line_id].left_to_send) for li in order.lines
                 if counts[li.line_id].left_to_send > 0]
        if not lines:
            raise BeyondError(400, "cannot-create-pickup-process", "No items are left to pick up.")
        process = PickupProcess(self.new_id(), "READY_FOR_PICKUP", lines, comment)
        order.pickups.append(process)
        self._touch(order)
        return process

    def _pickup(self, order: ShopOrder, process_id: str) -> PickupProcess:
        found = next((p for p in order.pickups if p.process_id == process_id), None)
        if found is None:
            raise not_found(f"/orders/{order.order_id}/processes/pickups/{process_id}")
        return found

    def mark_picked_up(self, order_id: str, process_id: str) -> PickupProcess:
        order = self.order(order_id)
        process = self._pickup(order, process_id)
        if process.status != "READY_FOR_PICKUP":
            raise BeyondError(409, "illegal-status-transition",
                              "A pickup process with status PICKED_UP cannot be marked as picked up.")
        process.status = "PICKED_UP"
        self._touch(order)
        return process

    def _refund(self, order: ShopOrder, amount: Decimal) -> None:
        # Only money actually received can be refunded; for an unpaid order the amount due just shrinks.
        if order.paid and amount > 0:
            order.refunds.append(RefundProcess(self.new_id(), amount))

    def _line_value(self, order: ShopOrder, line_id: str, qty: int) -> Decimal:
        line = order.line(line_id)
        assert line is not None
        return line.unit_price * qty + line.discount_for(qty)

    def create_cancelation(self, order_id: str, lines: list[tuple[str, int]], *,
                           comment: str | None = None) -> CancelProcess:
        order = self.order(order_id)
        if not lines:
            raise validation_failed("cancelProcess", "lineItems", [], "must not be empty")
        counts = order.counts()
        self._checked_lines(order, lines, lambda lid: counts[lid].left_to_send, "cancelProcess")
        process = CancelProcess(self.new_id(), list(lines), comment)
        order.cancelations.append(process)
        for line_id, qty in lines:
            self._put_back(order, line_id, qty)
        amount = sum((self._line_value(order, lid, q) for lid, q in lines), Decimal("0"))
        if order.canceled:
            amount += order.shipping_price(initial=True) + order.payment_fee(initial=True)
        self._refund(order, amount)
        self._touch(order)
        return process

    def _put_back(self, order: ShopOrder, line_id: str, qty: int) -> None:
        line = order.line(line_id)
        assert line is not None
        product = self.catalogue.by_sku.get(line.sku)
        if product is not None:
            self.catalogue.put_back(product, qty)

    def cancel_order(self, order_id: str, *, comment: str | None = None) -> ShopOrder:
        order = self.order(order_id)
        if not order.cancelable:
            raise BeyondError(400, "operation-not-available",
                              "The order cannot be canceled: it is already canceled, or items are already "
                              "in a shipping, pickup or return process.")
        counts = order.counts()
        lines = [(li.line_id, counts[li.line_id].left_to_send) for li in order.lines
                 if counts[li.line_id].left_to_send > 0]
        self.create_cancelation(order_id, lines, comment=comment)
        return order

    def create_return(self, order_id: str, lines: list[tuple[str, int, str]], *,
                      shipping_price_refund: Decimal | None = None,
                      pickup_price_refund: Decimal | None = None,
                      shipping_process_id: str | None = None, pickup_process_id: str | None = None,
                      comment: str | None = None) -> ReturnProcess:
        order = self.order(order_id)
        if not lines:
            raise validation_failed("returnProcess", "lineItems", [], "must not be empty")
        for index, (_, _, status) in enumerate(lines):
            if status not in ("RETURNED", "BROKEN"):
                raise validation_failed("returnProcess", f"lineItems[{index}].status", status,
                                        "Can be one of RETURNED or BROKEN.")
        if shipping_process_id is not None:
            self._shipping(order, shipping_process_id)
        if pickup_process_id is not None:
            self._pickup(order, pickup_process_id)
        counts = order.counts()
        self._checked_lines(order, [(lid, q) for lid, q, _ in lines], lambda lid: counts[lid].returnable,
                            "returnProcess")
        process = ReturnProcess(self.new_id(), list(lines), shipping_price_refund, pickup_price_refund,
                                shipping_process_id, pickup_process_id, comment)
        order.returns.append(process)
        amount = sum((self._line_value(order, lid, q) for lid, q, _ in lines), Decimal("0"))
        self._refund(order, amount + (shipping_price_refund or 0) + (pickup_price_refund or 0))
        self._touch(order)
        return process

    # -- the shop staff, as the activity generator drives them ----------------------------------------
    def staff_ship_random_order(self, rng: random.Random, *, skip: Container[str] = ()) -> str | None:
        """Staff pack an order in the cockpit: a shipping process with tracking code, marked shipped.
        Orders in ``skip`` (those the warehouse already handles) are left alone."""
        candidates = [o for o in self.orders if not o.is_pickup and not o.canceled and o.order_id not in skip
                      and any(c.left_to_send for c in o.counts().values())]
        if not candidates:
            return None
        order = rng.choice(candidates[-30:])
        counts = order.counts()
        lines = [(li.line_id, counts[li.line_id].left_to_send) for li in order.lines
                 if counts[li.line_id].left_to_send]
        if len(lines) > 1 and rng.random() < 0.3:
            lines = lines[:-1]  # one parcel now, the rest later
        code = f"00340{rng.randint(10**12, 10**13 - 1)}"
        process = self.create_shipping(order.order_id, lines, tracking_code=code,
                                       tracking_link=f"https://www.dhl.de/track?piececode={code}")
        self.mark_shipped(order.order_id, process.process_id)
        items = sum(q for _, q in lines)
        return f"ePages staff shipped {items} item(s) of order {order.number} (tracking {code})."

    def staff_cancel_random_order(self, rng: random.Random, *, skip: Container[str] = ()) -> str | None:
        candidates = [o for o in self.orders if o.cancelable and o.order_id not in skip]
        if not candidates:
            return None
        order = rng.choice(candidates[-30:])
        counts = order.counts()
        if len(order.lines) > 1 and rng.random() < 0.5:
            line = rng.choice(order.lines)
            qty = counts[line.line_id].left_to_send
            self.create_cancelation(order.order_id, [(line.line_id, qty)], comment="Customer asked by phone.")
            return f"ePages staff canceled {qty} x {line.sku} of order {order.number}."
        self.cancel_order(order.order_id, comment="Customer asked by e-mail.")
        return f"ePages staff canceled order {order.number}."

    def staff_return_random_order(self, rng: random.Random) -> str | None:
        candidates = [o for o in self.orders if any(c.returnable for c in o.counts().values())]
        if not candidates:
            return None
        order = rng.choice(candidates[-30:])
        counts = order.counts()
        line = rng.choice([li for li in order.lines if counts[li.line_id].returnable])
        status = "BROKEN" if rng.random() < 0.25 else "RETURNED"
        self.create_return(order.order_id, [(line.line_id, 1, status)], comment="Parcel came back.")
        word = "as defect" if status == "BROKEN" else "as returned"
        return f"ePages staff booked 1 x {line.sku} of order {order.number} {word}."

    # -- the history the sandbox starts with ----------------------------------------------------------
    def _populate(self, count: int, now: int) -> None:
        rng = random.Random(f"epages-orders-{self.seed_world.seed}" + (f"-shop-{self.shop}" if self.shop else ""))
        step = 47 * 60_000
        start = now - (count + 1) * step
        for index in range(count):
            with self._at(start + index * step + rng.randint(0, 600_000)):
                self.place_random_order(rng)
        shipping_orders = [o for o in self.orders if not o.is_pickup]
        pickup_orders = [o for o in self.orders if o.is_pickup]
        later = 20 * 60_000

        def at(order: ShopOrder, minutes: int) -> int:
            return min(now - 1000, order.created_ms + minutes * 60_000)

        # The three stories the brief promises: one canceled, one partly shipped, one returned.
        if shipping_orders:
            order = shipping_orders[0]
            with self._at(at(order, 15)):
                self.cancel_order(order.order_id, comment="Customer found it cheaper.")
        if len(shipping_orders) > 1:
            order = next((o for o in shipping_orders[1:] if sum(li.initial_quantity for li in o.lines) > 1),
                         shipping_orders[1])
            line = order.lines[0]
            qty = max(1, line.initial_quantity - 1) if len(order.lines) == 1 else line.initial_quantity
            with self._at(at(order, 60)):
                process = self.create_shipping(
                    order.order_id, [(line.line_id, qty)], tracking_code="00340434161094",
                    tracking_link="https://www.dhl.de/track?piececode=00340434161094")
                self.mark_shipped(order.order_id, process.process_id)
            partly = order
        else:
            partly = None
        rest = [o for o in shipping_orders[1:] if o is not partly]
        if rest:
            order = rest[0]
            counts = order.counts()
            lines = [(li.line_id, counts[li.line_id].left_to_send) for li in order.lines]
            with self._at(at(order, 90)):
                process = self.create_shipping(order.order_id, lines, tracking_code="00340434161095")
                self.mark_shipped(order.order_id, process.process_id)
            with self._at(at(order, 24 * 60)):
                self.mark_delivered(order.order_id, process.process_id)
            with self._at(at(order, 3 * 24 * 60)):
                self.create_return(order.order_id, [(order.lines[0].line_id, 1, "RETURNED")],
                                   shipping_process_id=process.process_id, comment="Did not fit.")
        # Older orders went on as a shop's do: some shipped, some ready for pickup or picked up.
        for order in rest[1:len(rest) // 2]:
            counts = order.counts()
            lines = [(li.line_id, counts[li.line_id].left_to_send) for li in order.lines]
            with self._at(at(order, 120)):
                process = self.create_shipping(order.order_id, lines, tracking_code=f"1Z{order.number}")
                self.mark_shipped(order.order_id, process.process_id)
        for order in pickup_orders[: (len(pickup_orders) + 1) // 2]:
            with self._at(at(order, later // 60_000)):
                pickup = self.create_pickup(order.order_id)
            if order is pickup_orders[0]:
                with self._at(at(order, 180)):
                    self.mark_picked_up(order.order_id, pickup.process_id)

    # -- what the consistency check and the state page read -------------------------------------------
    def order_figures(self, since_ms: int | None = None) -> dict[str, OrderFigures]:
        out: dict[str, OrderFigures] = {}
        for order in self.orders:
            if since_ms is not None and order.created_ms < since_ms:
                continue
            fig = OrderFigures(epages_order_id=order.order_id, order_number=order.number)
            counts = order.counts()
            for li in order.lines:
                c = counts[li.line_id]
                fig.ordered[li.sku] += c.initial
                fig.canceled[li.sku] += c.canceled
                fig.shipped[li.sku] += c.shipped + c.delivered
                fig.delivered[li.sku] += c.delivered
                fig.ready_for_pickup[li.sku] += c.ready_for_pickup + c.picked_up
                fig.picked_up[li.sku] += c.picked_up
                fig.returned[li.sku] += c.returned
                fig.broken[li.sku] += c.broken
            for counter in (fig.ordered, fig.canceled, fig.shipped, fig.delivered, fig.ready_for_pickup,
                            fig.picked_up, fig.returned, fig.broken):
                for sku in [s for s, n in counter.items() if n == 0]:
                    del counter[sku]
            out[order.order_id] = fig
        return out

    def snapshot(self) -> dict[str, Any]:
        """The whole shop as plain JSON-ready data (amounts as strings), for the state page and tests."""
        products = []
        for sku, p in self.catalogue.by_sku.items():
            products.append({
                "sku": sku, "productId": p.parent.product_id if p.parent else p.product_id,
                "variationId": p.product_id if p.parent else None, "name": p.name,
                "stockManagement": p.stock_managed, "availableStock": p.available_stock,
                "stockThreshold": p.stock_threshold, "availabilityState": p.availability_state})
        orders = []
        for o in self.orders:
            counts = o.counts()
            orders.append({
                "id": o.order_id, "orderNumber": o.number, "createdAt": ms_to_iso(o.created_ms),
                "updatedAt": ms_to_iso(o.updated_ms), "shippingStatus": o.shipping_status(),
                "paymentStatus": o.payment_status(), "canceled": o.canceled, "pickup": o.is_pickup,
                "grandTotal": str(o.grand_total()),
                "customer": f"{o.customer.first_name} {o.customer.last_name}",
                "country": o.customer.country,
                "lines": [{"id": li.line_id, "sku": li.sku, "initialQuantity": li.initial_quantity,
                           "quantity": counts[li.line_id].quantity, "pending": counts[li.line_id].pending,
                           "shipped": counts[li.line_id].shipped, "delivered": counts[li.line_id].delivered,
                           "readyForPickup": counts[li.line_id].ready_for_pickup,
                           "pickedUp": counts[li.line_id].picked_up, "canceled": counts[li.line_id].canceled,
                           "returned": counts[li.line_id].returned, "broken": counts[li.line_id].broken}
                          for li in o.lines],
                "processes": {"shippings": [{"id": p.process_id, "status": p.status,
                                             "trackingCode": p.tracking_code} for p in o.shippings],
                              "pickups": [{"id": p.process_id, "status": p.status} for p in o.pickups],
                              "cancelations": [p.process_id for p in o.cancelations],
                              "returns": [p.process_id for p in o.returns]},
            })
        return {"tenantId": self.tenant_id, "orders": orders, "products": products,
                "locations": [{"id": loc.location_id, "storeCode": loc.store_code, "name": loc.company_name}
                              for loc in self.locations],
                "pickupOptions": [{"id": p.pickup_option_id, "name": p.name, "locationId": p.location_id}
                                  for p in self.pickup_options]}
