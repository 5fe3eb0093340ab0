"""Per-order figures that both simulators report, so the consistency check can compare the two sides.

Every counter is cumulative and keyed by SKU: ``shipped`` counts items that reached shipped *or* delivered,
``ready_for_pickup`` counts items ready *or* picked up, so the two sides compare without knowing each other's
process shapes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

COUNTERS = ("ordered", "canceled", "shipped", "delivered", "ready_for_pickup", "picked_up", "returned", "broken")


@dataclass
class OrderFigures:
    epages_order_id: str
    order_number: str | None = None
    afosto_order_id: str | None = None
    channel_id: str | None = None  # the Afosto sales channel of an Afosto order
    ordered: Counter[str] = field(default_factory=Counter)
    canceled: Counter[str] = field(default_factory=Counter)
    shipped: Counter[str] = field(default_factory=Counter)
    delivered: Counter[str] = field(default_factory=Counter)
    ready_for_pickup: Counter[str] = field(default_factory=Counter)
    picked_up: Counter[str] = field(default_factory=Counter)
    returned: Counter[str] = field(default_factory=Counter)  # accepted returns (ePages RETURNED)
    broken: Counter[str] = field(default_factory=Counter)  # rejected returns (ePages BROKEN, "Defect")

    def differences(self, other: OrderFigures) -> list[str]:
        """Plain sentences naming each counter where ``self`` (ePages) and ``other`` (Afosto) disagree."""
        out = []
        ref = self.order_number or self.epages_order_id
        for name in COUNTERS:
            mine, theirs = getattr(self, name), getattr(other, name)
            for sku in sorted(set(mine) | set(theirs)):
                if mine[sku] != theirs[sku]:
                    out.append(f"Order {ref}: {name.replace('_', ' ')} quantity of {sku} is {mine[sku]} in ePages "
                               f"but {theirs[sku]} in Afosto.")
        return out
