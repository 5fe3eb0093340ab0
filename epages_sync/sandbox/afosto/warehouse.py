"""The warehouse staff of the sandbox: they ship and deliver parcels, ready pickups, cancel now and then,
handle returns and receive stock, through the same rules the API enforces.

Everything is chosen from lists in a fixed order with the caller's generator, so the same generator and
the same state give the same step.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from .ledger import AfostoLedger
from .records import Order, OrderItem, Parcel, RmaItem

_REASONS = ("UNSUITABLE", "DAMAGED", "DEFECTIVE", "SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "INCORRECT_PRODUCT")

# How often each kind of work is picked when there is some of it to do.
_WEIGHTS = {"ship": 5, "ready": 4, "deliver": 4, "pick_up": 4, "cancel": 1, "decide_return": 3,
            "request_return": 1, "receive_stock": 2}


def _ref(order: Order) -> str:
    number = (order.meta_data or {}).get("epages_order_number")
    return f"order {order.number} (ePages {number})" if number else f"order {order.number}"


def _comes_back(item: OrderItem) -> bool:
    """About one unit in eight is ever sent back, decided by its id so the choice is stable."""
    return int(item.id[:8], 16) % 8 == 0


def _units(n: int) -> str:
    return "1 item" if n == 1 else f"{n} items"


class Warehouse:
    """Acts on the ledger as the people in the warehouse and the shops would."""

    def __init__(self, ledger: AfostoLedger) -> None:
        self.ledger = ledger

    def step(self, rng: random.Random) -> str | None:
        work = self._work()
        kinds = [k for k in _WEIGHTS if work[k]]
        if not kinds:
            return None
        kind = rng.choices(kinds, weights=[_WEIGHTS[k] for k in kinds])[0]
        action: Callable[[random.Random, list], str] = getattr(self, f"_{kind}")
        return action(rng, work[kind])

    def _work(self) -> dict[str, list]:
        ledger = self.ledger
        work: dict[str, list] = {k: [] for k in _WEIGHTS}
        for order in ledger.orders:
            unpacked = []
            for item in order.items:
                if item.status != "OPEN":
                    continue
                if item.parcel_id is None:
                    unpacked.append(item)
                    work["cancel"].append(item)
                elif (item.rma_id is None and _comes_back(item)
                      and ledger.parcels_by_id[item.parcel_id].status in ("DELIVERED", "PICKED_UP")):
                    work["request_return"].append(item)
            if unpacked:
                work["ready" if order.pickup_location_id else "ship"].append((order, unpacked))
            for parcel in order.parcels:
                if parcel.status == "IN_TRANSIT":
                    work["deliver"].append(parcel)
                elif parcel.status == "READY_FOR_PICKUP":
                    work["pick_up"].append(parcel)
            work["decide_return"].extend(r for r in order.rma_items if r.status == "PENDING")
        work["receive_stock"] = list(ledger.catalogue)
        return work

    def _ship(self, rng: random.Random, candidates: list[tuple[Order, list[OrderItem]]]) -> str:
        order, units = rng.choice(candidates)
        if len(units) > 1 and rng.random() < 0.25:
            units = units[: len(units) // 2]  # a split shipment: the rest follows later
        code = f"3SAFO{rng.randrange(10**9):09d}"
        parcel, _ = self.ledger.add_parcel({"items": [u.id for u in units], "tracking_code": code,
                                            "tracking_url": f"https://track.example.com/{code}"})
        self.ledger.set_parcel_status({"parcel_id": parcel.id, "status": "IN_TRANSIT"})
        return f"Warehouse shipped {_units(len(units))} of {_ref(order)}, tracking code {code}."

    def _ready(self, rng: random.Random, candidates: list[tuple[Order, list[OrderItem]]]) -> str:
        order, units = rng.choice(candidates)
        parcel, _ = self.ledger.add_parcel({"items": [u.id for u in units]})
        self.ledger.set_parcel_status({"parcel_id": parcel.id, "status": "READY_FOR_PICKUP"})
        location = self.ledger.locations_by_id[order.pickup_location_id or ""].name
        return f"{location} has {_units(len(units))} of {_ref(order)} ready for pickup."

    def _deliver(self, rng: random.Random, parcels: list[Parcel]) -> str:
        parcel = rng.choice(parcels)
        self.ledger.set_parcel_status({"parcel_id": parcel.id, "status": "DELIVERED"})
        order = self.ledger.orders_by_id[parcel.order_id]
        return f"Parcel {parcel.tracking_code} of {_ref(order)} was delivered."

    def _pick_up(self, rng: random.Random, parcels: list[Parcel]) -> str:
        parcel = rng.choice(parcels)
        self.ledger.set_parcel_status({"parcel_id": parcel.id, "status": "PICKED_UP"})
        order = self.ledger.orders_by_id[parcel.order_id]
        return f"The customer picked up {_units(len(parcel.item_ids))} of {_ref(order)}."

    def _cancel(self, rng: random.Random, units: list[OrderItem]) -> str:
        unit = rng.choice(units)
        order = self.ledger.orders_by_id[unit.order_id]
        contra = self._walk_contra(order, "cancel", {"item_id": unit.id}, restock=False)
        return f"Warehouse cancelled 1 x {unit.sku} of {_ref(order)} (contra item {contra})."

    def _decide_return(self, rng: random.Random, requests: list[RmaItem]) -> str:
        rma = rng.choice(requests)
        accepted = rng.random() < 0.7
        order = self.ledger.orders_by_id[rma.order_id]
        outcome = "ACCEPTED" if accepted else "REJECTED"
        self._walk_contra(order, "receive", {"item_id": rma.item_id, "outcome": outcome}, restock=accepted)
        if accepted:
            return (f"Warehouse accepted the return of 1 x {rma.sku} of {_ref(order)} "
                    "and put it back on stock.")
        return f"Warehouse rejected the return of 1 x {rma.sku} of {_ref(order)}: defective."

    def _request_return(self, rng: random.Random, units: list[OrderItem]) -> str:
        unit = rng.choice(units)
        reason = rng.choice(_REASONS)
        self.ledger.request_return(unit, reason)
        order = self.ledger.orders_by_id[unit.order_id]
        why = reason.lower().replace("_", " ")
        return f"The customer asked to return 1 x {unit.sku} of {_ref(order)} ({why})."

    def _receive_stock(self, rng: random.Random, skus: list[str]) -> str:
        sku = rng.choice(skus)
        location = rng.choice(self.ledger.locations)
        quantity = rng.randint(1, 12)
        self.ledger.receive_stock(sku, location.id, quantity)
        return f"{location.name} received {quantity} x {sku}."

    def _walk_contra(self, order: Order, first_step: str, entry: dict, *, restock: bool) -> str:
        """Staff in the admin take a cancellation or return through every step at once."""
        contra_id = self.ledger.new_id()
        entries = {"order_id": order.id, "items": [{**entry, "contra_item_id": contra_id}]}
        if first_step == "cancel":
            self.ledger.cancel_items(entries)
        else:
            self.ledger.receive_items(entries)
        steps = {"order_id": order.id, "items": [{"item_id": contra_id}]}
        self.ledger.approve_items(steps)
        if restock:
            self.ledger.restock_items(steps)
        self.ledger.finish_items(steps)
        return contra_id
