"""The records the Afosto simulator keeps: channels, locations, stock rows, orders with their units, parcels,
returns and contra items.

Attribute names match the GraphQL field names in schema.graphql, so graphql-core's default resolver reads
them directly and a read costs no translation layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

# The order in which an order's pending steps must be taken; order.actions lists them in this order.
ACTION_ORDER = ("HANDLE_APPROVAL", "HANDLE_RESTOCK", "HANDLE_FINISH")
STEP_ACTION = {"AWAITING_APPROVAL": "HANDLE_APPROVAL", "AWAITING_RESTOCK": "HANDLE_RESTOCK",
               "AWAITING_FINISH": "HANDLE_FINISH"}

LEFT_STATUSES = frozenset({"IN_TRANSIT", "DELIVERED", "PICKED_UP"})  # the units have left the warehouse


class RequestRefused(Exception):
    """A request Afosto refuses; becomes one entry of errors[] with extensions.code (and field)."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(slots=True)
class ChannelRecord:
    seq: int
    id: str
    name: str
    currency: str
    description: str | None = None
    locale: str | None = None

    @property
    def pricing(self) -> dict[str, str]:
        return {"currency": self.currency}


@dataclass(slots=True)
class LocationRecord:
    seq: int
    id: str
    name: str
    type: str
    address: dict[str, Any]


@dataclass(slots=True)
class StockRow:
    """Stock of one SKU at one location. ``seq`` fixes its place in the inventory list."""

    seq: int
    sku: str
    location_id: str
    on_hand: int
    reserved: int = 0

    @property
    def available(self) -> int:
        # Reservations beyond what is on hand are backorders: they never show as negative stock.
        return max(0, self.on_hand - self.reserved)

    @property
    def total(self) -> int:
        return self.on_hand


@dataclass(slots=True)
class OrderItem:
    """One unit of an order; the GraphQL face shows the units of one SKU and price as one line (api.py)."""

    quantity: ClassVar[int] = 1

    id: str
    order_id: str
    sku: str
    label: str | None
    price: int
    meta_data: dict[str, Any] | None
    location_id: str
    status: str = "OPEN"
    parcel_id: str | None = None
    rma_id: str | None = None
    contra_id: str | None = None
    is_reserved: bool = True
    is_deducted: bool = False

    @property
    def details(self) -> dict[str, Any]:
        return {
            "pricing": {"amount": self.price, "original_amount": self.price},
            "inventory": {"location_id": self.location_id, "is_reserved": self.is_reserved,
                          "is_deducted": self.is_deducted},
        }


@dataclass(slots=True)
class Parcel:
    id: str
    order_id: str
    status: str
    tracking_code: str | None
    tracking_url: str | None
    item_ids: list[str]
    created_at: int
    updated_at: int

    @property
    def items(self) -> list[dict[str, Any]]:
        return [{"item_id": item_id, "quantity": 1} for item_id in self.item_ids]


@dataclass(slots=True)
class RmaItem:
    """A return of one unit: PENDING until decided AUTHORIZED (accepted) or REJECTED (defect)."""

    quantity: ClassVar[int] = 1

    id: str
    order_id: str
    item_id: str
    sku: str
    status: str
    reason: str | None
    created_at: int
    updated_at: int
    is_received: bool = False
    contact_note: str | None = None
    vendor_note: str | None = None


@dataclass(slots=True)
class ContraItem:
    """The counter-entry of a cancellation or return; it walks approval, restock (when needed) and finish."""

    id: str
    order_id: str
    item_id: str
    type: str  # CANCELLATION | RETURN
    step: str
    needs_restock: bool
    created_at: int
    restocked: bool = False


@dataclass(slots=True)
class Order:
    id: str
    seq: int
    number: str
    channel: ChannelRecord
    currency: str
    country_code: str | None
    created_at: int
    updated_at: int
    meta_data: dict[str, Any] | None
    customer: dict[str, Any] | None
    billing: dict[str, Any] | None
    delivery: dict[str, Any]
    fees: dict[str, int]
    status: str = "CONCEPT"
    items: list[OrderItem] = field(default_factory=list)
    parcels: list[Parcel] = field(default_factory=list)
    rma_items: list[RmaItem] = field(default_factory=list)
    contra_items: list[ContraItem] = field(default_factory=list)

    @property
    def pickup_location_id(self) -> str | None:
        point = self.delivery.get("pickup_point")
        return point["location_id"] if point else None

    @property
    def actions(self) -> list[str]:
        waiting = {STEP_ACTION[c.step] for c in self.contra_items if c.step in STEP_ACTION}
        return [a for a in ACTION_ORDER if a in waiting]

    @property
    def subtotal(self) -> int:
        return sum(i.price for i in self.items if i.status != "CANCELLED")

    @property
    def adjustments(self) -> list[dict[str, Any]]:
        return []  # the sync sends no discounts: ePages coupons are kept in meta_data

    @property
    def vat(self) -> list[dict[str, Any]]:
        return []  # the sandbox keeps gross prices only

    @property
    def total(self) -> int:
        return self.subtotal + self.fees["shipping"] + self.fees["payment"]
