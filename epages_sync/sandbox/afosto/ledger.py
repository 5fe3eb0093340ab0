"""Afosto's business rules in the sandbox: orders and their units, stock reservations, cancellations,
returns, parcels. Plain Python; every refusal is a RequestRefused with Afosto's error code and field.

Every write checks all of its input before it changes anything, so a refused call leaves no trace.
"""

from __future__ import annotations

import copy
import random
import re
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from epages_sync.sandbox.seed import CatalogItem, SeedWorld, new_id

from .records import (
    LEFT_STATUSES,
    ChannelRecord,
    ContraItem,
    LocationRecord,
    Order,
    OrderItem,
    Parcel,
    RequestRefused,
    RmaItem,
    StockRow,
)

MAX_UNITS_PER_LINE = 999
MAX_LINES_PER_CALL = 100
FIRST_ORDER_NUMBER = 10001

_COUNTRY = re.compile(r"^[A-Z]{2}$")

# Which parcel status may follow which, per kind of delivery.
_NEXT_PARCEL_STATUS = {
    "ADDRESS": {"PENDING": "IN_TRANSIT", "IN_TRANSIT": "DELIVERED"},
    "PICKUP": {"PENDING": "READY_FOR_PICKUP", "READY_FOR_PICKUP": "PICKED_UP"},
}


def refuse(message: str, field: str | None = None) -> RequestRefused:
    return RequestRefused("VALIDATION_ERROR", message, field)


def not_found(message: str, field: str | None = None) -> RequestRefused:
    return RequestRefused("NOT_FOUND", message, field)


def _check_country(value: Any, field: str) -> None:
    if value is not None and not (isinstance(value, str) and _COUNTRY.match(value)):
        raise refuse(f"{value!r} is not an ISO 3166-1 alpha-2 country code such as DE.", field)


def _check_json_object(value: Any, field: str) -> None:
    if value is not None and not isinstance(value, dict):
        raise refuse("Expected a JSON object.", field)


def _check_uuid(value: str, field: str) -> None:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise refuse(f"{value!r} is not a UUID; generate one (UUID v4) per unit.", field) from None


class AfostoLedger:
    """The tenant's state and the rules that change it."""

    def __init__(self, world: SeedWorld, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        # Ids come from their own generator so they depend only on the seed and the sequence of writes.
        self._ids = random.Random(f"afosto-ids-{world.seed}")
        self._last_ms = 0
        self._next_number = FIRST_ORDER_NUMBER
        self.feeding_location_ids = list(world.feeding_location_ids)

        self.channels = [ChannelRecord(n, c.channel_id, c.name, c.currency, locale="de_DE")
                         for n, c in enumerate(world.channels)]
        self.channels_by_id = {c.id: c for c in self.channels}
        self.locations = [LocationRecord(n, loc.location_id, loc.name, loc.type,
                                         {"country_code": loc.country_code, "locality": loc.city})
                          for n, loc in enumerate(world.afosto_locations)]
        self.locations_by_id = {loc.id: loc for loc in self.locations}

        self.catalogue: dict[str, CatalogItem] = {i.sku: i for i in world.afosto_items()}
        self.stock_rows: list[StockRow] = []
        self.stock: dict[tuple[str, str], StockRow] = {}
        for item in self.catalogue.values():
            for loc in self.locations:
                self._stock_row(item.sku, loc.id).on_hand = item.afosto_stock.get(loc.id, 0)

        self.orders: list[Order] = []
        self.orders_by_id: dict[str, Order] = {}
        self.items_by_id: dict[str, OrderItem] = {}
        self.parcels_by_id: dict[str, Parcel] = {}
        self.contra_by_id: dict[str, ContraItem] = {}
        self.rma_by_id: dict[str, RmaItem] = {}

    # -- time and ids -------------------------------------------------------------------------------------

    def stamp(self) -> int:
        """Now in Unix ms, strictly later than the previous stamp so updated_at moves on every change."""
        ms = max(int(self._clock() * 1000), self._last_ms + 1)
        self._last_ms = ms
        return ms

    def new_id(self) -> str:
        return new_id(self._ids)

    # -- stock --------------------------------------------------------------------------------------------

    def _stock_row(self, sku: str, location_id: str) -> StockRow:
        row = self.stock.get((sku, location_id))
        if row is None:
            row = StockRow(len(self.stock_rows), sku, location_id, 0)
            self.stock_rows.append(row)
            self.stock[(sku, location_id)] = row
        return row

    def receive_stock(self, sku: str, location_id: str, quantity: int) -> None:
        if sku not in self.catalogue:
            raise ValueError(f"Afosto does not know SKU {sku!r}.")
        if location_id not in self.locations_by_id:
            raise ValueError(f"Afosto has no location {location_id!r}.")
        if quantity <= 0:
            raise ValueError("Received quantity must be positive.")
        self._stock_row(sku, location_id).on_hand += quantity

    def available_stock(self, sku: str, location_ids: Iterable[str]) -> int | None:
        if sku not in self.catalogue:
            return None
        total = 0
        for location_id in location_ids:
            row = self.stock.get((sku, location_id))
            if row is not None:
                total += row.available
        return total

    def _reserve(self, sku: str, order: Order) -> str:
        """Reserve one unit and return the location it comes from."""
        location_id = order.pickup_location_id
        if location_id is None:
            # max() keeps the first of equals, so ties go to the first feeding warehouse.
            location_id = max(self.feeding_location_ids, key=lambda loc: self._stock_row(sku, loc).available)
        self._stock_row(sku, location_id).reserved += 1
        return location_id

    def _release(self, item: OrderItem) -> None:
        if item.is_reserved:
            self.stock[(item.sku, item.location_id)].reserved -= 1
            item.is_reserved = False

    def _deduct(self, item: OrderItem) -> None:
        if item.is_deducted:
            return
        row = self.stock[(item.sku, item.location_id)]
        if item.is_reserved:
            row.reserved -= 1
            item.is_reserved = False
        row.on_hand = max(0, row.on_hand - 1)
        item.is_deducted = True

    # -- lookups ------------------------------------------------------------------------------------------

    def order(self, order_id: str, field: str = "order_id") -> Order:
        order = self.orders_by_id.get(order_id)
        if order is None:
            raise not_found(f"No order with id {order_id!r}.", field)
        return order

    def _items_of_call(self, items: list[Any]) -> None:
        if not items:
            raise refuse("Give at least one item.", "items")
        if len(items) > MAX_LINES_PER_CALL:
            raise refuse(f"At most {MAX_LINES_PER_CALL} items per call.", "items")

    def _unit(self, order: Order, item_id: str, field: str = "items.item_id") -> OrderItem:
        item = self.items_by_id.get(item_id)
        if item is None or item.order_id != order.id:
            raise not_found(f"Order {order.number} has no item {item_id!r}.", field)
        return item

    # -- orders -------------------------------------------------------------------------------------------

    def create_order(self, data: dict[str, Any]) -> Order:
        channel_id = data.get("channel_id")
        if not channel_id:
            raise refuse("channel_id is required when calling with an API key.", "channel_id")
        channel = self.channels_by_id.get(channel_id)
        if channel is None:
            raise refuse(f"No sales channel with id {channel_id!r}.", "channel_id")
        if data["currency"] != channel.currency:
            raise refuse(f"Sales channel {channel.name} sells in {channel.currency}, not {data['currency']}.",
                         "currency")
        _check_country(data.get("country_code"), "country_code")
        _check_json_object(data.get("meta_data"), "meta_data")

        customer = copy.deepcopy(data.get("customer"))
        if customer and customer.get("contact") is not None and "@" not in customer["contact"]["email"]:
            raise refuse("The customer's email address is not valid.", "customer.contact.email")
        billing = copy.deepcopy(data.get("billing"))
        if billing and billing.get("address") is not None:
            _check_country(billing["address"]["country_code"], "billing.address.country_code")

        delivery_in = data.get("delivery") or {}
        address, pickup = delivery_in.get("address"), delivery_in.get("pickup_point")
        if address is not None and pickup is not None:
            raise refuse("Give a delivery address or a pickup point, not both.", "delivery")
        if pickup is not None:
            location = self.locations_by_id.get(pickup["location_id"])
            if location is None:
                raise refuse(f"No location with id {pickup['location_id']!r}.",
                             "delivery.pickup_point.location_id")
            delivery = {"type": "PICKUP", "address": None,
                        "pickup_point": {"id": location.id, "name": location.name, "address": location.address,
                                         "location_id": location.id, "location": location}}
        else:
            if address is not None:
                _check_country(address["country_code"], "delivery.address.country_code")
            else:
                address = (billing or {}).get("address")
            delivery = {"type": "ADDRESS", "address": copy.deepcopy(address), "pickup_point": None}

        fees_in = data.get("fees") or {}
        fees = {"shipping": fees_in.get("shipping") or 0, "payment": fees_in.get("payment") or 0}
        for name, cents in fees.items():
            if cents < 0:
                raise refuse("A fee cannot be negative.", f"fees.{name}")

        now = self.stamp()
        order = Order(
            id=self.new_id(), seq=len(self.orders), number=str(self._next_number), channel=channel,
            currency=data["currency"], country_code=data.get("country_code"), created_at=now, updated_at=now,
            meta_data=copy.deepcopy(data.get("meta_data")), customer=customer, billing=billing,
            delivery=delivery, fees=fees)
        self._next_number += 1
        self.orders.append(order)
        self.orders_by_id[order.id] = order
        return order

    def add_items(self, data: dict[str, Any]) -> tuple[Order, list[OrderItem]]:
        order = self.order(data["order_id"])
        if order.status == "CLOSED":
            raise refuse(f"Order {order.number} is closed; items cannot be added.", "order_id")
        lines = data["items"]
        self._items_of_call(lines)
        for line in lines:
            if line["sku"] not in self.catalogue:
                raise refuse(f"Afosto does not know SKU {line['sku']!r}.", "items.sku")
            if not 1 <= line["quantity"] <= MAX_UNITS_PER_LINE:
                raise refuse(f"Quantity must be between 1 and {MAX_UNITS_PER_LINE}.", "items.quantity")
            if line["price"] < 0:
                raise refuse("A price cannot be negative.", "items.price")
            _check_json_object(line.get("meta_data"), "items.meta_data")

        added = []
        for line in lines:
            label = line.get("label") or self.catalogue[line["sku"]].name
            for _ in range(line["quantity"]):
                item = OrderItem(id=self.new_id(), order_id=order.id, sku=line["sku"], label=label,
                                 price=line["price"], meta_data=copy.deepcopy(line.get("meta_data")),
                                 location_id=self._reserve(line["sku"], order))
                order.items.append(item)
                self.items_by_id[item.id] = item
                added.append(item)
        order.status = "OPEN"
        order.updated_at = self.stamp()
        return order, added

    # -- cancellations and returns ------------------------------------------------------------------------

    def _new_contras(self, order: Order, entries: list[dict[str, Any]],
                     kind: str) -> list[tuple[OrderItem, dict[str, Any]]]:
        """Check the (item, contra id) pairs of a cancel or receive call; return the ones not seen before.

        A pair already recorded is a repeated call and is skipped: that is what makes a retry safe.
        """
        self._items_of_call(entries)
        fresh: list[tuple[OrderItem, dict[str, Any]]] = []
        seen_items: set[str] = set()
        seen_contras: set[str] = set()
        for entry in entries:
            item = self._unit(order, entry["item_id"])
            contra_id = entry["contra_item_id"]
            _check_uuid(contra_id, "items.contra_item_id")
            if contra_id in seen_contras:
                raise refuse(f"contra_item_id {contra_id} is given twice in this call.",
                             "items.contra_item_id")
            seen_contras.add(contra_id)
            known = self.contra_by_id.get(contra_id)
            if known is not None:
                if known.item_id != item.id or known.type != kind:
                    raise refuse(f"contra_item_id {contra_id} is already used for another item.",
                                 "items.contra_item_id")
                if kind == "RETURN":
                    rma = self.rma_by_id[item.rma_id] if item.rma_id else None
                    wanted = "AUTHORIZED" if entry["outcome"] == "ACCEPTED" else "REJECTED"
                    if rma is not None and rma.status != wanted:
                        raise refuse(f"Item {item.id} was already received as {rma.status}.", "items.outcome")
                continue
            if item.id in seen_items:
                raise refuse(f"Item {item.id} is given twice in this call.", "items.item_id")
            seen_items.add(item.id)
            if item.status != "OPEN":
                raise refuse(f"Item {item.id} ({item.sku}) is already {item.status.lower()}.",
                             "items.item_id")
            parcel = self.parcels_by_id[item.parcel_id] if item.parcel_id else None
            if kind == "CANCELLATION" and parcel is not None:
                raise refuse(f"Item {item.id} ({item.sku}) is already in a parcel ({parcel.status}); "
                             "it can no longer be cancelled.", "items.item_id")
            if kind == "RETURN" and (parcel is None or parcel.status not in LEFT_STATUSES):
                raise refuse(f"Item {item.id} ({item.sku}) has not left the warehouse, so it cannot "
                             "come back.", "items.item_id")
            fresh.append((item, entry))
        return fresh

    def cancel_items(self, data: dict[str, Any]) -> Order:
        order = self.order(data["order_id"])
        fresh = self._new_contras(order, data["items"], "CANCELLATION")
        if not fresh:
            return order
        now = self.stamp()
        for item, entry in fresh:
            item.status = "CANCELLED"
            self._release(item)
            self._add_contra(order, item, entry["contra_item_id"], "CANCELLATION", False, now)
        order.updated_at = now
        return order

    def receive_items(self, data: dict[str, Any]) -> Order:
        order = self.order(data["order_id"])
        fresh = self._new_contras(order, data["items"], "RETURN")
        if not fresh:
            return order
        now = self.stamp()
        for item, entry in fresh:
            accepted = entry["outcome"] == "ACCEPTED"
            rma = (self.rma_by_id[item.rma_id] if item.rma_id
                   else self._add_rma(order, item, entry.get("reason"), now))
            rma.status = "AUTHORIZED" if accepted else "REJECTED"
            rma.is_received = True
            rma.updated_at = now
            if entry.get("reason"):
                rma.reason = entry["reason"]
            if entry.get("vendor_note") is not None:
                rma.vendor_note = entry["vendor_note"]
            item.status = "RETURNED"
            # A defective unit does not go back on the shelf.
            self._add_contra(order, item, entry["contra_item_id"], "RETURN", accepted, now)
        order.status = "OPEN"  # a return reopens a closed order
        order.updated_at = now
        return order

    def request_return(self, item: OrderItem, reason: str | None, note: str | None = None) -> RmaItem:
        """A customer's return request for a unit that left: rma item PENDING until the warehouse decides."""
        order = self.orders_by_id[item.order_id]
        now = self.stamp()
        rma = self._add_rma(order, item, reason, now)
        rma.contact_note = note
        order.status = "OPEN"
        order.updated_at = now
        return rma

    def _add_rma(self, order: Order, item: OrderItem, reason: str | None, now: int) -> RmaItem:
        rma = RmaItem(id=self.new_id(), order_id=order.id, item_id=item.id, sku=item.sku, status="PENDING",
                      reason=reason, created_at=now, updated_at=now)
        order.rma_items.append(rma)
        self.rma_by_id[rma.id] = rma
        item.rma_id = rma.id
        return rma

    def _add_contra(self, order: Order, item: OrderItem, contra_id: str, kind: str, restock: bool,
                    now: int) -> None:
        contra = ContraItem(id=contra_id, order_id=order.id, item_id=item.id, type=kind,
                            step="AWAITING_APPROVAL", needs_restock=restock, created_at=now)
        order.contra_items.append(contra)
        self.contra_by_id[contra_id] = contra
        item.contra_id = contra_id

    def _contras_of_call(self, order: Order, refs: list[dict[str, Any]]) -> list[ContraItem]:
        self._items_of_call(refs)
        contras = []
        for ref in refs:
            contra = self.contra_by_id.get(ref["item_id"])
            if contra is None or contra.order_id != order.id:
                if ref["item_id"] in self.items_by_id:
                    raise refuse(f"{ref['item_id']} is an order item; give the contra item id "
                                 "(the contra_item_id of the cancellation or return).", "items.item_id")
                raise not_found(f"Order {order.number} has no contra item {ref['item_id']!r}.",
                                "items.item_id")
            contras.append(contra)
        return contras

    def approve_items(self, data: dict[str, Any]) -> Order:
        order = self.order(data["order_id"])
        contras = [c for c in self._contras_of_call(order, data["items"]) if c.step == "AWAITING_APPROVAL"]
        for contra in contras:
            contra.step = "AWAITING_RESTOCK" if contra.needs_restock else "AWAITING_FINISH"
        return self._stepped(order, contras)

    def restock_items(self, data: dict[str, Any]) -> Order:
        order = self.order(data["order_id"])
        location_id = data.get("location_id")
        if location_id is not None and location_id not in self.locations_by_id:
            raise refuse(f"No location with id {location_id!r}.", "location_id")
        todo = []
        for contra in self._contras_of_call(order, data["items"]):
            if contra.step == "AWAITING_APPROVAL":
                raise refuse(f"Contra item {contra.id} needs HANDLE_APPROVAL first.", "items.item_id")
            if not contra.needs_restock:
                raise refuse(f"Contra item {contra.id} has nothing to restock; its next step is "
                             "HANDLE_FINISH.", "items.item_id")
            if contra.step == "AWAITING_RESTOCK" and contra not in todo:
                todo.append(contra)
        for contra in todo:
            item = self.items_by_id[contra.item_id]
            self._stock_row(item.sku, location_id or item.location_id).on_hand += 1
            contra.restocked = True
            contra.step = "AWAITING_FINISH"
        return self._stepped(order, todo)

    def finish_items(self, data: dict[str, Any]) -> Order:
        order = self.order(data["order_id"])
        todo = []
        for contra in self._contras_of_call(order, data["items"]):
            if contra.step in ("AWAITING_APPROVAL", "AWAITING_RESTOCK"):
                needed = "HANDLE_APPROVAL" if contra.step == "AWAITING_APPROVAL" else "HANDLE_RESTOCK"
                raise refuse(f"Contra item {contra.id} needs {needed} first.", "items.item_id")
            if contra.step == "AWAITING_FINISH" and contra not in todo:
                todo.append(contra)
        for contra in todo:
            contra.step = "FINISHED"
        return self._stepped(order, todo)

    def _stepped(self, order: Order, changed: list[ContraItem]) -> Order:
        if changed:
            order.updated_at = self.stamp()
            self._close_when_done(order)
        return order

    def _close_when_done(self, order: Order) -> None:
        """An order closes when every unit is settled and no step waits; a return reopens it."""
        if order.status != "OPEN" or order.actions:
            return
        for item in order.items:
            if item.status == "OPEN":
                parcel = self.parcels_by_id[item.parcel_id] if item.parcel_id else None
                if parcel is None or parcel.status not in ("DELIVERED", "PICKED_UP"):
                    return
                if item.rma_id and self.rma_by_id[item.rma_id].status == "PENDING":
                    return
        order.status = "CLOSED"

    # -- parcels ------------------------------------------------------------------------------------------

    def add_parcel(self, data: dict[str, Any]) -> tuple[Parcel, Order]:
        item_ids = data["items"]
        self._items_of_call(item_ids)
        units = []
        for item_id in item_ids:
            item = self.items_by_id.get(item_id)
            if item is None:
                raise not_found(f"No order item with id {item_id!r}.", "items")
            units.append(item)
        order = self.orders_by_id[units[0].order_id]
        if len({u.id for u in units}) != len(units):
            raise refuse("An item is given twice.", "items")
        for unit in units:
            if unit.order_id != order.id:
                raise refuse("All items of a parcel must belong to one order.", "items")
            if unit.parcel_id is not None:
                raise refuse(f"Item {unit.id} ({unit.sku}) is already in parcel {unit.parcel_id}.", "items")
            if unit.status != "OPEN":
                raise refuse(f"Item {unit.id} ({unit.sku}) is {unit.status.lower()}.", "items")
        url = data.get("tracking_url")
        if url is not None and not url.startswith(("https://", "http://")):
            raise refuse("tracking_url must be a web address (https://...).", "tracking_url")

        now = self.stamp()
        parcel = Parcel(id=self.new_id(), order_id=order.id, status="PENDING",
                        tracking_code=data.get("tracking_code"), tracking_url=url,
                        item_ids=[u.id for u in units], created_at=now, updated_at=now)
        for unit in units:
            unit.parcel_id = parcel.id
        order.parcels.append(parcel)
        self.parcels_by_id[parcel.id] = parcel
        order.updated_at = now
        return parcel, order

    def set_parcel_status(self, data: dict[str, Any]) -> tuple[Parcel, Order]:
        parcel = self.parcels_by_id.get(data["parcel_id"])
        if parcel is None:
            raise not_found(f"No parcel with id {data['parcel_id']!r}.", "parcel_id")
        order = self.orders_by_id[parcel.order_id]
        wanted = data["status"]
        if wanted == parcel.status:
            return parcel, order
        allowed = _NEXT_PARCEL_STATUS[order.delivery["type"]].get(parcel.status)
        if wanted != allowed:
            kind = "a pickup order" if order.delivery["type"] == "PICKUP" else "a delivery order"
            nxt = f"only {allowed}" if allowed else "nothing"
            raise refuse(f"Parcel of {kind} is {parcel.status}; it can move to {nxt}, not {wanted}.",
                         "status")
        now = self.stamp()
        parcel.status = wanted
        parcel.updated_at = now
        if wanted in ("IN_TRANSIT", "PICKED_UP"):
            for item_id in parcel.item_ids:
                self._deduct(self.items_by_id[item_id])
        order.updated_at = now
        self._close_when_done(order)
        return parcel, order
