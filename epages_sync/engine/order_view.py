"""One order seen from both sides at once: Afosto's units grouped by the ePages line they came from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..clients.afosto_models import AfostoOrder, OrderItem, OrderItemStatus, ParcelStatus, RmaItemStatus

SHIPPED_PARCEL = {ParcelStatus.IN_TRANSIT, ParcelStatus.DELIVERED}
PICKUP_PARCEL = {ParcelStatus.READY_FOR_PICKUP, ParcelStatus.PICKED_UP}


class AfostoOrderView:
    """Afosto's units of one order by ePages line id (from the units' meta_data)."""

    def __init__(self, order: AfostoOrder) -> None:
        self.order = order
        self.by_line: dict[str, list[OrderItem]] = defaultdict(list)
        for item in order.units:
            line_id = (item.meta_data or {}).get("epages_line_id")
            if line_id:
                self.by_line[line_id].append(item)
        self.parcel_of = {p.id: p for p in order.parcels}
        self.rma_by_item = {r.item_id: r for r in order.rma_items}
        self.line_of_item = {i.id: line for line, items in self.by_line.items() for i in items}

    def canceled(self, line_id: str) -> list[OrderItem]:
        return [i for i in self.by_line.get(line_id, []) if i.status == OrderItemStatus.CANCELLED]

    def open_unpacked(self, line_id: str) -> list[OrderItem]:
        """Units that can still be cancelled or packed: open and in no parcel."""
        return [
            i for i in self.by_line.get(line_id, []) if i.status == OrderItemStatus.OPEN and not i.parcel_id
        ]

    def returnable(self, line_id: str) -> list[OrderItem]:
        """Units that left in a parcel and have no decided return yet."""
        out = []
        for i in self.by_line.get(line_id, []):
            if i.status != OrderItemStatus.OPEN or not i.parcel_id:
                continue
            rma = self.rma_by_item.get(i.id)
            if rma is not None and rma.status in (RmaItemStatus.AUTHORIZED, RmaItemStatus.REJECTED):
                continue
            out.append(i)
        return out

    def lines_of(self, item_ids: Iterable[str]) -> dict[str, int]:
        """ePages line id -> number of the given units on it."""
        counts: dict[str, int] = defaultdict(int)
        for item_id in item_ids:
            line = self.line_of_item.get(item_id)
            if line:
                counts[line] += 1
        return dict(counts)

    @property
    def all_cancelled(self) -> bool:
        return bool(self.order.units) and all(i.status == OrderItemStatus.CANCELLED for i in self.order.units)
