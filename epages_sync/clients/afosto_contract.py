"""What the sync relies on in Afosto's API, in one place: every fact it builds on with its evidence (documented
by Afosto, seen in Afosto's own storefront client, or assumed), what the sync does when an account lacks it,
the enum values the engine compares against and the scalar kinds it reads and writes.

The schema check (``schema_check.py``) tests all of it against an account's own schema and names, in plain
words, each fact that does not hold. A place is written ``Document:path`` for a field the sync reads
(``OrderState:items.details.status``) and ``Document$variable.path`` for a value it sends
(``ListOrders$filters.updated_at``); a fact holds when nothing at or under its places is missing or changed.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from .afosto_models import ContraItemStep, OrderItemStatus, ParcelStatus, RmaItemStatus


class Evidence(enum.StrEnum):
    DOCUMENTED = "documented"
    STOREFRONT = "seen in the storefront"
    ASSUMED = "assumed"


class ChangesPath(enum.StrEnum):
    """How the watcher finds orders that changed in Afosto."""

    UPDATED_FILTER = "updated_at filter"  # one list of the orders changed since the last look
    REREAD_LINKED = "re-read linked orders"  # every linked, unfinished order by id, 100 per request


@dataclass(frozen=True)
class Fact:
    key: str
    evidence: Evidence
    what: str  # plain words: what the sync relies on
    places: tuple[str, ...]
    without: str  # plain words: what happens on an account that lacks it
    fallback: ChangesPath | None = None  # a slower path that needs only what is known to exist

    def covers(self, place: str) -> int:
        """How closely this fact covers ``place``: the length of its longest place at or above it, else 0."""
        return max((len(p) for p in self.places if _under(place, p)), default=0)


def _under(place: str, prefix: str) -> bool:
    return place == prefix or place.startswith(prefix if prefix.endswith((":", "$")) else prefix + ".")


_OFF = "the flows that need it stay off until the documents in afosto_ops are adjusted"
# Every order read and every change answers with the OrderState fragment: a field it lacks stops them all.
_ORDER_STATE = ("the order state that every order operation reads (the OrderState fragment) does not fit, so "
                "the order flows stay off until afosto_ops/OrderState.fragment.graphql is adjusted")

FACTS: tuple[Fact, ...] = (
    Fact("order-lines", Evidence.STOREFRONT,
         "an order's items are lines with their unit ids (ids) and one detail per unit with its price and "
         "meta_data", ("OrderState:items.ids", "OrderState:items.details.pricing",
                       "OrderState:items.details.meta_data", "OrderState:items.sku"), _ORDER_STATE),
    Fact("order-fees", Evidence.STOREFRONT, "shipping and payment fees are lists of Fee entries",
         ("OrderState:fees",), _ORDER_STATE),
    Fact("pickup-point", Evidence.STOREFRONT, "a pickup order names its pickup point by id",
         ("OrderState:delivery.pickup_point",), _ORDER_STATE),
    Fact("channel-currency", Evidence.STOREFRONT, "a sales channel's currency is pricing.currency",
         ("ListChannels:channels.edges.node.pricing",), "the sales channel's currency cannot be read; no flow "
         "can start"),
    Fact("order-by-id", Evidence.STOREFRONT, "one order is read with order(id: String!)",
         ("GetOrder:order", "GetOrder$id"), _OFF),
    Fact("order-steps", Evidence.DOCUMENTED, "cancellations and returns step through order.actions",
         ("OrderState:actions",), _ORDER_STATE),
    Fact("orders-by-id", Evidence.DOCUMENTED, "the orders list filters by order id (filters.id)",
         ("ListOrders$filters.id",), _OFF),
    Fact("unit-state", Evidence.ASSUMED,
         "each unit's id and state are on its line's details (items.details.id and items.details.status, "
         "admin side; the storefront does not show them)",
         ("OrderState:items.details.id", "OrderState:items.details.status"),
         _ORDER_STATE),
    Fact("parcels", Evidence.ASSUMED,
         "the order lists its parcels with their units, status and tracking (parcels), and parcels are made "
         "with addTrackTraceToItems and moved on with setParcelStatus",
         ("OrderState:parcels", "AddTrackTraceToItems:", "AddTrackTraceToItems$", "SetParcelStatus:",
          "SetParcelStatus$"), _ORDER_STATE),
    Fact("returns-on-order", Evidence.ASSUMED,
         "the order lists its return items, each naming the returned unit (rma_items.item_id)",
         ("OrderState:rma_items",), _ORDER_STATE),
    Fact("contra-items", Evidence.ASSUMED,
         "the order lists the counter-entries of its cancellations and returns with their step (contra_items)",
         ("OrderState:contra_items",), _ORDER_STATE),
    Fact("changed-orders-filter", Evidence.ASSUMED,
         "the orders list filters by last change (filters.updated_at)", ("ListOrders$filters.updated_at",),
         "the sync re-reads its linked, unfinished orders by id instead: slower, but it needs only the "
         "documented id filter", fallback=ChangesPath.REREAD_LINKED),
    Fact("inventory", Evidence.ASSUMED, "stock is read with inventory(filters: {skus, location_ids})",
         ("Inventory:", "Inventory$"), "the stock sync stays off, and imports, which ask it which SKUs Afosto knows, fail with this named "
         "problem"),
    Fact("channel-and-location-lists", Evidence.ASSUMED, "sales channels and locations can be listed",
         ("ListChannels:channels", "ListLocations:", "ConnectionTest:"),
         "the setup cannot offer channels or locations to choose from"),
    Fact("admin-inputs", Evidence.ASSUMED,
         "the inputs of createOrder's meta_data and fees, addItemsToOrder, the cancel and return steps and the "
         "parcel mutations",
         ("CreateOrder$input.meta_data", "CreateOrder$input.fees", "AddItemsToOrder$", "CancelOrderItems$",
          "ReceiveOrderItems$", "ApproveOrderItems$", "RestockOrderItems$", "FinishOrderItems$"), _OFF),
)


def fact_of(place: str) -> Fact | None:
    """The most specific fact a place belongs to, if any."""
    best = max(FACTS, key=lambda f: f.covers(place))
    return best if best.covers(place) else None


# --- what the engine compares and converts ------------------------------------------------------------------

# Output enum values the engine compares against: a value missing in an account would silently never match.
ENUM_READS: dict[str, tuple[str, Sequence[enum.StrEnum]]] = {
    "OrderState:items.details.status": ("a unit's status", (OrderItemStatus.OPEN, OrderItemStatus.CANCELLED)),
    "OrderState:parcels.status": ("a parcel's status", tuple(ParcelStatus)),
    "OrderState:rma_items.status": ("a return item's status", (RmaItemStatus.AUTHORIZED, RmaItemStatus.REJECTED)),
    "OrderState:contra_items.step": ("a counter-entry's step", tuple(ContraItemStep)),
}

# Scalar kinds of what the sync reads ("Doc:path") and sends ("Doc$variable.path").
SCALAR_KINDS: dict[str, str] = {
    "OrderState:created_at": "DateTime",
    "OrderState:updated_at": "DateTime",
    "OrderState:meta_data": "JsonObject",
    "OrderState:subtotal": "Money",
    "OrderState:total": "Money",
    "OrderState:fees.shipping.total": "Money",
    "OrderState:fees.payment.total": "Money",
    "OrderState:items.quantity": "Int",
    "OrderState:items.details.pricing.amount": "Money",
    "OrderState:items.details.meta_data": "JsonObject",
    "OrderState:parcels.updated_at": "DateTime",
    "OrderState:rma_items.updated_at": "DateTime",
    "Inventory:inventory.edges.node.available": "Int",
    "CreateOrder$input.meta_data": "JsonObject",
    "CreateOrder$input.fees.shipping": "Money",
    "CreateOrder$input.fees.payment": "Money",
    "AddItemsToOrder$input.items.quantity": "Int",
    "AddItemsToOrder$input.items.price": "Money",
    "AddItemsToOrder$input.items.meta_data": "JsonObject",
    "ListOrders$filters.created_at.gt": "DateTime",
    "ListOrders$filters.updated_at.gt": "DateTime",
}

SCALAR_MEANING = {"Money": "whole cents", "DateTime": "Unix milliseconds", "JsonObject": "a JSON object",
                  "Int": "a whole number"}
