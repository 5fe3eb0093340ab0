"""Typed views of what the sync reads from ePages Beyond: orders, processes, products, stock, locations.

Money is ``Decimal`` throughout (answers are parsed with ``parse_float=Decimal``). Unknown fields are
ignored; an enum value this code does not know is kept as text and logged once, never a crash, because
ePages counts new enum values as a non-breaking change.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import threading
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, model_validator
from pydantic.alias_generators import to_camel

log = logging.getLogger(__name__)


def parse_json(text: str | bytes) -> Any:
    """JSON with every fractional number as Decimal, so 9.99 stays 9.99."""
    return json.loads(text, parse_float=Decimal)


# --- lenient enums ---------------------------------------------------------------------------------------

_unknown_seen: set[tuple[str, str, str]] = set()
_unknown_lock = threading.Lock()


def _note_unknown(source: str, kind: str, value: str) -> None:
    with _unknown_lock:
        if (source, kind, value) in _unknown_seen:
            return
        _unknown_seen.add((source, kind, value))
    log.warning("%s sent a %s value this version does not know: %r (kept as text)", source, kind, value)


def lenient_enum(enum_cls: type[enum.Enum], source: str = "ePages") -> PlainValidator:
    """Validator for an enum field that keeps unknown values as plain text (logged once per value)."""

    def parse(value: Any) -> Any:
        if isinstance(value, enum_cls):
            return value
        try:
            return enum_cls(value)
        except ValueError:
            text = str(value)
            _note_unknown(source, enum_cls.__name__, text)
            return text

    return PlainValidator(parse)


# Serialised as the plain text ePages sent, known or not.
AS_TEXT = PlainSerializer(lambda v: v.value if isinstance(v, enum.Enum) else v)


class ShippingStatus(enum.StrEnum):
    UNSHIPPED = "UNSHIPPED"
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"
    PARTIALLY_RETURNED = "PARTIALLY_RETURNED"
    SHIPPED = "SHIPPED"
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    CANCELED = "CANCELED"
    RETURNED = "RETURNED"
    NOT_PICKED_UP = "NOT_PICKED_UP"
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PICKED_UP = "PICKED_UP"


class PaymentStatus(enum.StrEnum):
    PAID = "PAID"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PENDING = "PENDING"
    REFUND_PENDING = "REFUND_PENDING"
    VOIDED = "VOIDED"


class RefundCapability(enum.StrEnum):
    NO_REFUND = "NO_REFUND"
    FULL_REFUND_ONLY = "FULL_REFUND_ONLY"
    PARTIAL_REFUND = "PARTIAL_REFUND"


class ShippingProcessStatus(enum.StrEnum):
    PENDING = "PENDING"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"


class PickupProcessStatus(enum.StrEnum):
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PICKED_UP = "PICKED_UP"


class ReturnLineStatus(enum.StrEnum):
    RETURNED = "RETURNED"  # shown as "return" in the cockpit
    BROKEN = "BROKEN"  # shown as "Defect"


class RefundStatus(enum.StrEnum):
    PENDING = "PENDING"
    PAID = "PAID"
    VOIDED = "VOIDED"


class PaymentProcessStatus(enum.StrEnum):
    PARTIALLY_PAID = "PARTIALLY_PAID"
    REFUNDED = "REFUNDED"
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    CAPTURE_PENDING = "CAPTURE_PENDING"
    PAID = "PAID"
    VOIDED = "VOIDED"
    FAILED = "FAILED"
    EXECUTED = "EXECUTED"


class AvailabilityState(enum.StrEnum):
    IN_STOCK = "IN_STOCK"
    LOW_STOCK = "LOW_STOCK"
    NOT_AVAILABLE = "NOT_AVAILABLE"
    OUT_OF_STOCK = "OUT_OF_STOCK"


ShippingStatusText = Annotated[ShippingStatus | str, lenient_enum(ShippingStatus), AS_TEXT]
PaymentStatusText = Annotated[PaymentStatus | str, lenient_enum(PaymentStatus), AS_TEXT]
RefundCapabilityText = Annotated[RefundCapability | str, lenient_enum(RefundCapability), AS_TEXT]
ShippingProcessStatusText = Annotated[ShippingProcessStatus | str, lenient_enum(ShippingProcessStatus),
                                      AS_TEXT]
PickupProcessStatusText = Annotated[PickupProcessStatus | str, lenient_enum(PickupProcessStatus), AS_TEXT]
ReturnLineStatusText = Annotated[ReturnLineStatus | str, lenient_enum(ReturnLineStatus), AS_TEXT]
RefundStatusText = Annotated[RefundStatus | str, lenient_enum(RefundStatus), AS_TEXT]
PaymentProcessStatusText = Annotated[PaymentProcessStatus | str, lenient_enum(PaymentProcessStatus), AS_TEXT]
AvailabilityStateText = Annotated[AvailabilityState | str, lenient_enum(AvailabilityState), AS_TEXT]


# --- building blocks -------------------------------------------------------------------------------------

class Wire(BaseModel):
    """camelCase on the wire, snake_case in Python; unknown fields ignored.

    A ``null`` counts as a field ePages left out: a list becomes empty, a flag or count its default, an
    optional part None. ePages' description marks few fields as required, and one order with a null in an
    unexpected place must not stop the poll. A field without a default (an id, an amount of money) stays
    required, so an order that cannot be read correctly is refused whole instead of guessed.
    """

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore",
                              frozen=False)

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            return {key: value for key, value in data.items() if value is not None}
        return data


def _href(links: Any, rel: str) -> str | None:
    if isinstance(links, dict):
        link = links.get(rel)
        if isinstance(link, dict) and isinstance(link.get("href"), str):
            return link["href"]
    return None


def _last_segment(href: str | None) -> str | None:
    if not href:
        return None
    return href.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or None


class Linked(Wire):
    """A HAL resource: keeps the rel -> href map so callers can ask what an item allows."""

    links: dict[str, str] = Field(default_factory=dict, alias="_links")

    @model_validator(mode="before")
    @classmethod
    def _flatten_links(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("_links"), dict):
            data = dict(data)
            data["_links"] = {rel: _href(data["_links"], rel) for rel in data["_links"]
                              if _href(data["_links"], rel)}
        return data

    def link(self, rel: str) -> str | None:
        return self.links.get(rel)


class Money(Wire):
    currency: str | None = None
    amount: Decimal
    tax_model: str | None = None


class Tax(Wire):
    tax_class: str | None = None
    tax_rate: Decimal | None = None
    currency: str | None = None
    amount: Decimal | None = None


class Counter(Wire):
    quantity: int = 0
    amount: Money | None = None


class ShippingCounters(Wire):
    unshipped: Counter | None = None
    shipped: Counter | None = None
    delivered: Counter | None = None
    pending: Counter | None = None


class PickupCounters(Wire):
    not_picked_up: Counter | None = None
    ready_for_pickup: Counter | None = None
    picked_up: Counter | None = None


class ReturnCounters(Wire):
    returned: Counter | None = None
    broken: Counter | None = None


class CancelationCounters(Wire):
    canceled: Counter | None = None


class Address(Wire):
    salutation: str | None = None
    gender: str | None = None
    company: str | None = None
    title: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    street: str | None = None
    house_number: str | None = None
    street2: str | None = None
    address_extension: str | None = None
    postal_code: str | None = None
    dependent_locality: str | None = None
    city: str | None = None
    country: str | None = None
    state: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    door_code: str | None = None
    vat_id: str | None = None
    tax_number: str | None = None
    birth_date: str | None = None
    display_address_lines: list[str] = Field(default_factory=list)


class AttributeValue(Wire):
    display_name: str | None = None
    value: str | None = None


# --- orders ----------------------------------------------------------------------------------------------

class LineItemProduct(Linked):
    id: str | None = Field(None, alias="_id")
    sku: str | None = None
    name: str | None = None
    variation_attribute_values: list[AttributeValue] = Field(default_factory=list)
    # In webhook payloads the parent is given directly; in REST answers only as a link.
    variation_product_id_field: str | None = Field(None, alias="variationProductId")

    @property
    def variation_product_id(self) -> str | None:
        """The parent variation product, for a line that sold one variation."""
        return self.variation_product_id_field or _last_segment(self.link("variation-product"))


class LineItemCounts(BaseModel):
    """How many items of a line are in each state (ePages keeps these; the sync compares them)."""

    unshipped: int = 0
    pending: int = 0
    shipped: int = 0
    delivered: int = 0
    not_picked_up: int = 0
    ready_for_pickup: int = 0
    picked_up: int = 0
    returned: int = 0
    broken: int = 0
    canceled: int = 0


def _qty(*counters: Counter | None) -> int:
    for c in counters:
        if c is not None:
            return c.quantity
    return 0


class ProductLineItem(Wire):
    id: str = Field(alias="_id")
    product: LineItemProduct = Field(default_factory=LineItemProduct)
    quantity: int = 0
    initial_quantity: int | None = None
    unit_price: Money | None = None
    unit_discount: Money | None = None
    line_item_discount: Money | None = None
    line_item_price: Money | None = None
    initial_line_item_price: Money | None = None
    line_item_tax: Tax | None = None
    shipping_status: ShippingCounters | None = None
    pickup_status: PickupCounters | None = None
    return_status: ReturnCounters | None = None
    cancelation_status: CancelationCounters | None = None
    # The same counters repeated flat on the line (older answers carry only these).
    unshipped: Counter | None = None
    shipped: Counter | None = None
    delivered: Counter | None = None
    pending: Counter | None = None
    returned: Counter | None = None
    broken: Counter | None = None
    canceled: Counter | None = None

    @property
    def sku(self) -> str | None:
        return self.product.sku

    @property
    def counts(self) -> LineItemCounts:
        """Nested counters where present, the flat duplicates otherwise."""
        s = self.shipping_status or ShippingCounters()
        p = self.pickup_status or PickupCounters()
        r = self.return_status or ReturnCounters()
        c = self.cancelation_status or CancelationCounters()
        return LineItemCounts(
            unshipped=_qty(s.unshipped, self.unshipped), pending=_qty(s.pending, self.pending),
            shipped=_qty(s.shipped, self.shipped), delivered=_qty(s.delivered, self.delivered),
            not_picked_up=_qty(p.not_picked_up), ready_for_pickup=_qty(p.ready_for_pickup),
            picked_up=_qty(p.picked_up), returned=_qty(r.returned, self.returned),
            broken=_qty(r.broken, self.broken), canceled=_qty(c.canceled, self.canceled))

    @property
    def ordered_quantity(self) -> int:
        """What the customer ordered; ``quantity`` shrinks as items are canceled or returned."""
        return self.initial_quantity if self.initial_quantity is not None else self.quantity


class ShippingMethod(Wire):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    fixed_price: Money | None = None


class ShippingLineItem(Wire):
    line_item_price: Money | None = None
    initial_line_item_price: Money | None = None
    tax_class: str | None = None
    shipping_method: ShippingMethod | None = None
    line_item_taxes: list[Tax] = Field(default_factory=list)


class ShopLocationAddress(Wire):
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None
    state: str | None = None
    dependent_locality: str | None = None
    display_address_lines: list[str] = Field(default_factory=list)


class ShopLocation(Linked):
    """An ePages store or pickup point (not a warehouse: ePages keeps one stock figure per product)."""

    id: str = Field(alias="_id")
    store_code: str | None = None
    company_name: str | None = None
    language_code: str | None = None
    primary_phone: str | None = None
    address: ShopLocationAddress | None = None

    @model_validator(mode="before")
    @classmethod
    def _old_name(cls, data: Any) -> Any:
        # locationName was the name before companyName replaced it.
        if isinstance(data, dict) and not data.get("companyName") and data.get("locationName"):
            data = {**data, "companyName": data["locationName"]}
        return data

    @property
    def name(self) -> str:
        return self.company_name or self.store_code or self.id


def _embedded(data: Any, key: str) -> Any:
    if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
        return data["_embedded"].get(key)
    return None


class PickupOption(Linked):
    """A pickup option, in an order (``id``) or from /pickup-options (``_id``), with its location."""

    id: str
    name: str | None = None
    description: str | None = None
    fixed_price: Money | None = None
    free_pickup_value: Money | None = None
    location: ShopLocation | None = None
    location_id_field: str | None = Field(None, alias="locationId")

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            if "id" not in data and "_id" in data:
                data["id"] = data["_id"]
            loc = _embedded(data, "location")
            if loc is not None and "location" not in data:
                data["location"] = loc
        return data

    @property
    def location_id(self) -> str | None:
        return self.location.id if self.location else self.location_id_field


class PickupLineItem(Wire):
    pickup_option: PickupOption | None = None
    line_item_price: Money | None = None
    initial_line_item_price: Money | None = None
    tax_class: str | None = None
    line_item_taxes: list[Tax] = Field(default_factory=list)

    @property
    def location_id(self) -> str | None:
        return self.pickup_option.location_id if self.pickup_option else None


class PaymentMethod(Wire):
    id: str | None = None
    name: str | None = None
    description: str | None = None
    online_payment: bool | None = None
    refund: RefundCapabilityText | None = None


class PaymentLineItem(Wire):
    line_item_price: Money | None = None
    initial_line_item_price: Money | None = None
    tax_class: str | None = None
    payment_method: PaymentMethod | None = None
    line_item_taxes: list[Tax] = Field(default_factory=list)


class CouponCampaign(Wire):
    id: str | None = Field(None, alias="_id")
    name: str | None = None


class CouponLineItem(Wire):
    code: str | None = None
    line_item_price: Money | None = None
    coupon_campaign: CouponCampaign | None = None


class Order(Linked):
    id: str = Field(alias="_id")
    order_number: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    entry_date: dt.datetime | None = None
    currency: str | None = None
    tax_model: str | None = None
    test_order: bool = False
    canceled: bool = False
    payment_status: PaymentStatusText | None = None
    shipping_status: ShippingStatusText | None = None
    customer_id: str | None = None
    customer_number: str | None = None
    customer_email: str | None = None
    customer_comment: str | None = None
    order_note: str | None = None
    sales_channel: str | None = None
    product_line_items: list[ProductLineItem] = Field(default_factory=list)
    shipping_line_item: ShippingLineItem | None = None
    pickup_line_item: PickupLineItem | None = None
    payment_line_item: PaymentLineItem | None = None
    coupon_line_item: CouponLineItem | None = None
    billing_address: Address | None = None
    shipping_address: Address | None = None
    subtotal: Money | None = None
    grand_total: Money | None = None
    net_total: Money | None = None
    tax_total: Money | None = None

    @property
    def is_pickup(self) -> bool:
        return self.pickup_line_item is not None

    @property
    def cancelable(self) -> bool:
        """ePages offers the cancel link only while the whole order can still be canceled."""
        return "cancel" in self.links

    def line(self, line_item_id: str) -> ProductLineItem | None:
        return next((li for li in self.product_line_items if li.id == line_item_id), None)


# --- processes -------------------------------------------------------------------------------------------

class ProcessLine(Wire):
    product_line_item_id: str
    quantity: int


class ReturnLine(ProcessLine):
    status: ReturnLineStatusText = ReturnLineStatus.RETURNED


class ShippingProcess(Linked):
    id: str = Field(alias="_id")
    status: ShippingProcessStatusText | None = None
    tracking_code: str | None = None
    tracking_link: str | None = None
    line_items: list[ProcessLine] = Field(default_factory=list)


class PickupProcess(Linked):
    id: str = Field(alias="_id")
    status: PickupProcessStatusText | None = None
    line_items: list[ProcessLine] = Field(default_factory=list)


class CancelProcess(Linked):
    id: str = Field(alias="_id")
    line_items: list[ProcessLine] = Field(default_factory=list)


class ProcessRef(Wire):
    id: str = Field(alias="_id")
    status: str | None = None


class ReturnProcess(Linked):
    id: str = Field(alias="_id")
    line_items: list[ReturnLine] = Field(default_factory=list)
    shipping_price_refund: Money | None = None
    pickup_price_refund: Money | None = None
    shipping_process: ProcessRef | None = None
    pickup_process: ProcessRef | None = None

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
            data = {**data, "shippingProcess": data["_embedded"].get("shippingProcess"),
                    "pickupProcess": data["_embedded"].get("pickupProcess")}
        return data


class RefundProcess(Linked):
    id: str = Field(alias="_id")
    amount: Money | None = None
    status: RefundStatusText | None = None
    completed: bool | None = None


class PaymentProcess(Linked):
    id: str = Field(alias="_id")
    amount: Money | None = None
    status: PaymentProcessStatusText | None = None
    capture_workflow: str | None = None
    completed: bool | None = None


class OrderProcesses(Wire):
    """Every process of one order, as ``GET /orders/{id}/processes`` returns them."""

    shippings: list[ShippingProcess] = Field(default_factory=list, alias="shipping-processes")
    pickups: list[PickupProcess] = Field(default_factory=list, alias="pickup-processes")
    returns: list[ReturnProcess] = Field(default_factory=list, alias="return-processes")
    cancelations: list[CancelProcess] = Field(default_factory=list, alias="cancel-processes")
    refunds: list[RefundProcess] = Field(default_factory=list, alias="refund-processes")
    payments: list[PaymentProcess] = Field(default_factory=list, alias="payment-processes")

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("_embedded"), dict):
            return {k: (v if v is not None else []) for k, v in data["_embedded"].items()}
        return data


# --- products and stock ----------------------------------------------------------------------------------

class Availability(Linked):
    availability_state: AvailabilityStateText | None = None
    available_stock: int | None = None
    stock_threshold: int | None = None
    purchasable: bool | None = None

    @property
    def stock_managed(self) -> bool:
        """ePages sends no stock figure while stock management is off."""
        return self.available_stock is not None


class Price(Wire):
    currency: str | None = None
    amount: Decimal
    tax_model: str | None = None


class Product(Linked):
    id: str = Field(alias="_id")
    sku: str | None = None  # None for a variation product: its variations carry the SKUs
    name: str | None = None
    is_variation_product: bool = False
    last_modified_at: dt.datetime | None = None
    sales_price: Price | None = None
    availability: Availability | None = None

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        avail = _embedded(data, "availability")
        if avail is not None:
            data = {**data, "availability": avail}
        return data


class Variation(Linked):
    id: str = Field(alias="_id")
    sku: str | None = None
    variation_attribute_values: list[AttributeValue] = Field(default_factory=list)
    sales_price: Price | None = None
    availability: Availability | None = None

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, data: Any) -> Any:
        avail = _embedded(data, "availability")
        if avail is not None:
            data = {**data, "availability": avail}
        return data

    @property
    def product_id(self) -> str | None:
        return _last_segment(self.link("product"))


# --- paging ----------------------------------------------------------------------------------------------

T = TypeVar("T")


class PageInfo(Wire):
    size: int | None = None
    total_elements: int | None = None
    total_pages: int | None = None
    number: int | None = None


class Unreadable(BaseModel):
    """An item of a list this version could not read, with what could be told of it. It is parked on its
    own; the rest of its page goes on."""

    id: str | None = None
    number: str | None = None
    updated_at: str | None = None
    problem: str  # which field, in plain words; never a value (it may be a customer's name)
    units: dict[str, int] = {}  # SKU -> units, as far as they could be read (for the stock rule)


class Page(BaseModel, Generic[T]):
    """One page of a list; ``next_url`` is the server's ``_links.next`` (None on the last page)."""

    items: list[T]
    info: PageInfo | None = None
    next_url: str | None = None
    unreadable: list[Unreadable] = []
