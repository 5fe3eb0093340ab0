"""Seeded life in both systems: customers ordering, ePages shop staff now and then, the Afosto warehouse.

Tests call ``step()`` and stay deterministic (the same seed and the same steps give the same worlds); the
demo and manual testing let a background task take steps at the pace of the chosen mode.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .epages import EpagesWorld

MODES = ("off", "calm", "busy")
# Seconds between steps when running on its own: a calm shop gets an event every few seconds.
PACE = {"calm": 4.0, "busy": 0.25}


class Warehouse(Protocol):
    def warehouse_step(self, rng: random.Random) -> str | None: ...
    def epages_order_ids(self) -> set[str]: ...


@dataclass(frozen=True)
class Actor:
    name: str
    weight: int
    act: Callable[[random.Random], str | None]


class Activity:
    """Picks who acts next and lets them act; each step returns what happened as a sentence (or None)."""

    def __init__(self, epages: EpagesWorld, afosto: Warehouse, *, seed: int = 1, mode: str = "off") -> None:
        self.epages = epages
        self.afosto = afosto
        self.set_mode(mode)
        self._rng = random.Random(f"activity-{seed}")
        self.actors = [
            Actor("customer", 45, self._customer_orders),
            Actor("warehouse", 35, afosto.warehouse_step),
            # Shop staff ship and cancel in the cockpit only what the warehouse does not handle yet, as a
            # shop does; otherwise both would work on the same units at once and a person must sort it out.
            Actor("shipping", 8, lambda rng: epages.staff_ship_random_order(rng, skip=self._in_warehouse())),
            Actor("cancel", 6, lambda rng: epages.staff_cancel_random_order(rng, skip=self._in_warehouse())),
            Actor("return", 6, epages.staff_return_random_order),
        ]
        self.history: list[str] = []

    def _in_warehouse(self) -> set[str]:
        return self.afosto.epages_order_ids()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"Activity '{mode}' is not known; use one of {', '.join(MODES)}.")
        self.mode = mode

    @property
    def interval(self) -> float | None:
        return PACE.get(self.mode)

    def jittered_interval(self) -> float:
        base = self.interval or 1.0
        return base * self._rng.uniform(0.5, 1.5)

    def _customer_orders(self, rng: random.Random) -> str | None:
        order = self.epages.place_random_order(rng)
        if order is None:
            return None
        items = sum(li.initial_quantity for li in order.lines)
        how = f"pickup at {order.pickup_option.name}" if order.pickup_option else "shipping"
        return (f"Customer {order.customer.first_name} {order.customer.last_name} ({order.customer.country}) "
                f"placed order {order.number}: {items} item(s), {order.grand_total()} EUR, {how}.")

    def step(self) -> str | None:
        """One thing happens. If the chosen actor has nothing to do, the others get a turn in order."""
        first = self._rng.choices(self.actors, weights=[a.weight for a in self.actors])[0]
        ordered = [first] + [a for a in self.actors if a is not first]
        for actor in ordered:
            sentence = actor.act(self._rng)
            if sentence:
                self.history.append(sentence)
                del self.history[:-200]
                return sentence
        return None
