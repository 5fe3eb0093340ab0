"""Typed views of what the sync reads from and writes to Afosto: channels, locations, orders with their
units, parcels, returns and contra items, and inventory rows.

Afosto's Money is an integer number of cents and its DateTime Unix milliseconds; here they are ``Decimal``
and aware ``datetime`` values, converted exactly. Unknown enum values are kept as text and logged once.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .epages_models import AS_TEXT, lenient_enum

_CENT = Decimal("0.01")


def cents_to_decimal(cents: int) -> Decimal:
    """Afosto Money (integer cents) as an exact amount: 1999 -> Decimal('19.99')."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise ValueError(f"Afosto money must be whole cents, got {cents!r}")
    return (Decimal(cents) * _CENT).quantize(_CENT)


def decimal_to_cents(amount: Decimal | int | str) -> int:
    """An amount as integer cents; refuses sub-cent amounts instead of rounding them silently."""
    if isinstance(amount, float):
        raise TypeError("money must be Decimal, never float")
    value = Decimal(amount)
    cents = value * 100
    if not cents.is_finite() or cents != cents.to_integral_value():
        raise ValueError(f"{value} is not a whole number of cents")
    return int(cents)


def ms_to_datetime(ms: int) -> dt.datetime:
    """Afosto DateTime (Unix milliseconds) as an aware UTC datetime, to the millisecond."""
    if isinstance(ms, bool) or not isinstance(ms, int):
        raise ValueError(f"Afosto DateTime must be integer milliseconds, got {ms!r}")
    seconds, millis = divmod(ms, 1000)
    return dt.datetime.fromtimestamp(seconds, dt.UTC) + dt.timedelta(milliseconds=millis)


def datetime_to_ms(value: dt.datetime) -> int:
    """An aware datetime as Unix milliseconds; a naive one is refused (its zone would be a guess)."""
    if value.tzinfo is None:
        raise ValueError("a naive datetime has no time zone; give an aware one")
    delta = value - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def _cents(value: Any) -> Any:
    return cents_to_decimal(value) if value is not None and not isinstance(value, Decimal) else value


def _ms(value: Any) -> Any:
    return ms_to_datetime(value) if value is not None and not isinstance(value, dt.datetime) else value


Cents = Annotated[Decimal, BeforeValidator(_cents)]
Millis = Annotated[dt.datetime, BeforeValidator(_ms)]


class OrderStatus(enum.StrEnum):
    CONCEPT = "CONCEPT"  # the admin's "Draft"
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class OrderAction(enum.StrEnum):
    HANDLE_APPROVAL = "HANDLE_APPROVAL"
    HANDLE_RESTOCK = "HANDLE_RESTOCK"
    HANDLE_FINISH = "HANDLE_FINISH"


class OrderItemStatus(enum.StrEnum):
    OPEN = "OPEN"
    CANCELLED = "CANCELLED"
    RETURNED = "RETURNED"


class ParcelStatus(enum.StrEnum):
    PENDING = "PENDING"
    IN_TRANSIT = "IN_TRANSIT"  # shipped
    DELIVERED = "DELIVERED"
    READY_FOR_PICKUP = "READY_FOR_PICKUP"
    PICKED_UP = "PICKED_UP"


class RmaItemStatus(enum.StrEnum):
    PENDING = "PENDING"
    AUTHORIZED = "AUTHORIZED"  # accepted: ePages RETURNED
    REJECTED = "REJECTED"  # rejected: ePages BROKEN ("Defect")


class ReturnOutcome(enum.StrEnum):
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"


class LocationType(enum.StrEnum):
    WAREHOUSE = "WAREHOUSE"
    STORE = "STORE"


class DeliveryType(enum.StrEnum):
    ADDRESS = "ADDRESS"
    PICKUP = "PICKUP"


class ContraItemType(enum.StrEnum):
    CANCELLATION = "CANCELLATION"
    RETURN = "RETURN"


class ContraItemStep(enum.StrEnum):
    AWAITING_APPROVAL = "AWAITING_APPROVAL"
    AWAITING_RESTOCK = "AWAITING_RESTOCK"
    AWAITING_FINISH = "AWAITING_FINISH"
    FINISHED = "FINISHED"


OrderStatusText = Annotated[OrderStatus | str, lenient_enum(OrderStatus, "Afosto"), AS_TEXT]
OrderActionText = Annotated[OrderAction | str, lenient_enum(OrderAction, "Afosto"), AS_TEXT]
OrderItemStatusText = Annotated[OrderItemStatus | str, lenient_enum(OrderItemStatus, "Afosto"), AS_TEXT]
ParcelStatusText = Annotated[ParcelStatus | str, lenient_enum(ParcelStatus, "Afosto"), AS_TEXT]
RmaItemStatusText = Annotated[RmaItemStatus | str, lenient_enum(RmaItemStatus, "Afosto"), AS_TEXT]
LocationTypeText = Annotated[LocationType | str, lenient_enum(LocationType, "Afosto"), AS_TEXT]
DeliveryTypeText = Annotated[DeliveryType | str, lenient_enum(DeliveryType, "Afosto"), AS_TEXT]
ContraItemTypeText = Annotated[ContraItemType | str, lenient_enum(ContraItemType, "Afosto"), AS_TEXT]
ContraItemStepText = Annotated[ContraItemStep | str, lenient_enum(ContraItemStep, "Afosto"), AS_TEXT]


class Node(BaseModel):
    """Afosto names fields in snake_case already; unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")


class AfostoAddress(Node):
    """Afosto's address shape, for reading and as ``AddressInput`` when writing."""

    country_code: str
    administrative_area: str | None = None
    locality: str | None = None
    dependent_locality: str | None = None
    postal_code: str | None = None
    sorting_code: str | None = None
    address_line_1: str | None = None
    address_line_2: str | None = None
    thoroughfare: str | None = None
    premise_number: str | None = None
    premise_number_suffix: str | None = None
    organisation: str | None = None
    given_name: str | None = None
    additional_name: str | None = None
    family_name: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _house_number_as_text(cls, data: Any) -> Any:
        # PremiseNumber may come back as an integer.
        if isinstance(data, dict) and isinstance(data.get("premise_number"), int):
            data = {**data, "premise_number": str(data["premise_number"])}
        return data


class AfostoChannel(Node):
    id: str
    name: str
    description: str | None = None
    locale: str | None = None
    currency: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _currency(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("currency"):
            pricing = data.get("pricing")
            if isinstance(pricing, dict) and pricing.get("currency"):
                data = {**data, "currency": pricing["currency"]}
        return data


class AfostoLocation(Node):
    id: str
    name: str
    type: LocationTypeText | None = None
    address: AfostoAddress | None = None


class OrderItem(Node):
    """One unit: Afosto keeps one item per unit, so quantity is 1."""

    id: str
    sku: str | None = None  # None only when a call's answer did not ask for it
    label: str | None = None
    quantity: int = 1
    status: OrderItemStatusText | None = None
    price: Cents | None = None  # gross unit price
    meta_data: dict[str, Any] | None = None
    parcel_id: str | None = None
    location_id: str | None = None  # where its stock is reserved or was taken from

    @model_validator(mode="before")
    @classmethod
    def _inventory(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("location_id"):
            details = data.get("details")
            inv = details.get("inventory") if isinstance(details, dict) else None
            if isinstance(inv, dict) and inv.get("location_id"):
                data = {**data, "location_id": inv["location_id"]}
        return data


class ParcelItem(Node):
    item_id: str
    quantity: int = 1


class Parcel(Node):
    id: str
    status: ParcelStatusText | None = None
    tracking_code: str | None = None
    tracking_url: str | None = None
    items: list[ParcelItem] = Field(default_factory=list)
    created_at: Millis | None = None
    updated_at: Millis | None = None


class RmaItem(Node):
    id: str
    item_id: str
    sku: str | None = None
    quantity: int = 1
    status: RmaItemStatusText | None = None
    reason: str | None = None
    is_received: bool | None = None
    contact_note: str | None = None
    vendor_note: str | None = None
    created_at: Millis | None = None
    updated_at: Millis | None = None


class ContraItem(Node):
    id: str
    item_id: str
    type: ContraItemTypeText | None = None
    step: ContraItemStepText | None = None
    created_at: Millis | None = None


class Contact(Node):
    email: str | None = None
    given_name: str | None = None
    additional_name: str | None = None
    family_name: str | None = None
    phone_number: str | None = None


class Customer(Node):
    reference: str | None = None
    notes: str | None = None
    contact: Contact | None = None
    organisation_name: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _organisation(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("organisation"), dict):
            data = {**data, "organisation_name": data["organisation"].get("name")}
        return data


class Delivery(Node):
    type: DeliveryTypeText | None = None
    address: AfostoAddress | None = None
    pickup_location_id: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _pickup(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("pickup_point"), dict):
            data = {**data, "pickup_location_id": data["pickup_point"].get("location_id")}
        return data


class Fees(Node):
    shipping: Cents | None = None
    payment: Cents | None = None


class AfostoOrder(Node):
    id: str
    number: str | None = None
    channel_id: str | None = None
    currency: str | None = None
    country_code: str | None = None
    created_at: Millis | None = None
    updated_at: Millis | None = None
    meta_data: dict[str, Any] | None = None
    status: OrderStatusText | None = None
    actions: list[OrderActionText] = Field(default_factory=list)
    customer: Customer | None = None
    billing_address: AfostoAddress | None = None
    delivery: Delivery | None = None
    items: list[OrderItem] = Field(default_factory=list)
    parcels: list[Parcel] = Field(default_factory=list)
    rma_items: list[RmaItem] = Field(default_factory=list)
    contra_items: list[ContraItem] = Field(default_factory=list)
    fees: Fees | None = None
    subtotal: Cents | None = None
    total: Cents | None = None

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("channel"), dict) and not data.get("channel_id"):
            data["channel_id"] = data["channel"].get("id")
        if isinstance(data.get("billing"), dict) and "billing_address" not in data:
            data["billing_address"] = data["billing"].get("address")
        if isinstance(data.get("number"), int):
            data["number"] = str(data["number"])
        for key in ("actions", "items", "parcels", "rma_items", "contra_items"):
            if data.get(key) is None:
                data.pop(key, None)
        return data

    @property
    def epages_order_id(self) -> str | None:
        return (self.meta_data or {}).get("epages_order_id")

    def item(self, item_id: str) -> OrderItem | None:
        return next((i for i in self.items if i.id == item_id), None)


class InventoryRow(Node):
    sku: str
    location_id: str
    available: int
    reserved: int | None = None
    total: int | None = None


# --- what the sync writes --------------------------------------------------------------------------------

class NewCustomer(Node):
    email: str
    given_name: str | None = None
    additional_name: str | None = None
    family_name: str | None = None
    phone_number: str | None = None
    organisation: str | None = None
    reference: str | None = None
    notes: str | None = None


class NewOrder(Node):
    """An ePages order as Afosto's ``CreateOrderInput``; amounts in Decimal, sent as cents."""

    channel_id: str
    currency: str
    country_code: str | None = None
    customer: NewCustomer | None = None
    billing_address: AfostoAddress | None = None
    delivery_address: AfostoAddress | None = None
    # An Afosto location id; set for pickup orders instead of a delivery address.
    pickup_location_id: str | None = None
    meta_data: dict[str, Any] = Field(default_factory=dict)
    shipping_fee: Decimal | None = None
    payment_fee: Decimal | None = None

    @model_validator(mode="after")
    def _one_delivery(self) -> NewOrder:
        if self.delivery_address is not None and self.pickup_location_id is not None:
            raise ValueError("an order is delivered to an address or picked up, not both")
        return self


class NewOrderLine(Node):
    sku: str
    quantity: int = Field(ge=1, le=999)
    unit_price: Decimal = Field(ge=0)  # gross
    label: str | None = None
    meta_data: dict[str, Any] | None = None


class ReturnedUnit(Node):
    """One returned unit and what the shop decided about it."""

    item_id: str
    contra_item_id: str
    outcome: ReturnOutcome
    reason: str | None = None
    vendor_note: str | None = None
