"""AfostoWorld: the offline Afosto tenant the sync talks to in tests and the demo, plus the views the sandbox
needs around it (warehouse activity, per-order figures, stock, a JSON snapshot).
"""

from __future__ import annotations

import dataclasses
import hmac
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from epages_sync.sandbox.figures import OrderFigures
from epages_sync.sandbox.json_parts import dumps_in_parts
from epages_sync.sandbox.seed import SeedWorld

from .api import AfostoApi, refusal_response
from .ledger import AfostoLedger
from .warehouse import Warehouse

_NOT_JSON = object()
# Afosto publishes no limit on a request's size; the sandbox refuses bodies over this many bytes with HTTP 413
# (what web servers answer), so the client's halving of a batch is exercised. Tests may lower it.
MAX_REQUEST_BYTES = 2_000_000
_OPERATION = re.compile(r"^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)", re.MULTILINE)


class AfostoWorld:
    """One Afosto tenant built from the seed world: channels, locations, stock, the orders the sync makes."""

    API_KEY = "sandbox-afosto-key"

    def __init__(self, world: SeedWorld, *, clock: Callable[[], float] = time.time) -> None:
        self.seed_world = world
        self.ledger = AfostoLedger(world, clock=clock)
        self.api = AfostoApi(self.ledger)
        self.warehouse = Warehouse(self.ledger)
        # Requests received per operation name ("anonymous" without one), for the fault layer and benchmarks.
        self.requests_by_operation: Counter[str] = Counter()
        self.max_request_bytes = MAX_REQUEST_BYTES

    # -- transport --------------------------------------------------------------------------------------

    async def handle_graphql(self, request: Request) -> Response:
        """POST /graphql: bearer key check, graphql-core execution, errors as HTTP 200 + extensions.code."""
        raw = await request.body()
        if len(raw) > self.max_request_bytes:
            self.requests_by_operation["too large"] += 1
            return JSONResponse({"error": f"Request body over {self.max_request_bytes} bytes."}, 413)
        try:
            body: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            body = _NOT_JSON
        self.requests_by_operation[self.operation_name(body)] += 1
        if not self._authorized(request.headers.get("authorization", "")):
            return JSONResponse(refusal_response("UNAUTHORIZED", "The API key is missing, wrong or revoked."))
        if body is _NOT_JSON:
            return JSONResponse(refusal_response("VALIDATION_ERROR", "The body is not JSON.", "body"))
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            return JSONResponse(refusal_response("VALIDATION_ERROR",
                                                 "Send a JSON object with a query string.", "query"))
        variables = body.get("variables")
        if variables is not None and not isinstance(variables, dict):
            return JSONResponse(refusal_response("VALIDATION_ERROR", "variables must be a JSON object.",
                                                 "variables"))
        operation = body.get("operationName")
        if operation is not None and not isinstance(operation, str):
            return JSONResponse(refusal_response("VALIDATION_ERROR", "operationName must be a string.",
                                                 "operationName"))
        return _PagedJSONResponse(await self.execute(body["query"], variables, operation))

    async def execute(self, query: str, variables: dict[str, Any] | None = None,
                      operation_name: str | None = None) -> dict[str, Any]:
        """Run one document as an authorised caller would; the JSON body the API answers with."""
        return await self.api.run(query, variables, operation_name)

    @staticmethod
    def operation_name(body: Any) -> str:
        """The operation a request body names (operationName, else the document's first operation)."""
        if not isinstance(body, dict):
            return "anonymous"
        name = body.get("operationName")
        if isinstance(name, str) and name:
            return name
        query = body.get("query")
        found = _OPERATION.search(query) if isinstance(query, str) else None
        return found.group(1) if found else "anonymous"

    def _authorized(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return (scheme.lower() == "bearer"
                and hmac.compare_digest(token.strip().encode(), self.API_KEY.encode()))

    # -- the sandbox's views and hands ----------------------------------------------------------------------

    def warehouse_step(self, rng: random.Random) -> str | None:
        """One warehouse action on an order the sync imported. Returns a sentence describing it, or None."""
        return self.warehouse.step(rng)

    def receive_stock(self, sku: str, location_id: str, quantity: int) -> None:
        """Goods arrive at a location. ValueError for an unknown SKU or location or a quantity below 1."""
        self.ledger.receive_stock(sku, location_id, quantity)

    def available_stock(self, sku: str, location_ids: Iterable[str]) -> int | None:
        """Sum of available stock of the SKU over those locations; None when Afosto does not know the SKU."""
        return self.ledger.available_stock(sku, location_ids)

    def epages_order_ids(self) -> set[str]:
        """The ePages order ids that have an Afosto order: the keys of ``order_figures()``, without counting
        every item of every order (the activity asks for them at each step of a big import)."""
        return {str(epages_id) for order in self.ledger.orders
                if (epages_id := (order.meta_data or {}).get("epages_order_id"))}

    def order_figures(self) -> dict[str, list[OrderFigures]]:
        """Keyed by the ePages order id stored in the Afosto order's meta_data (epages_order_id); a list,
        so two Afosto orders for one ePages order show up as a duplicate."""
        ledger = self.ledger
        out: dict[str, list[OrderFigures]] = {}
        for order in ledger.orders:
            meta = order.meta_data or {}
            epages_id = meta.get("epages_order_id")
            if not epages_id:
                continue
            number = meta.get("epages_order_number")
            figures = OrderFigures(str(epages_id), order_number=None if number is None else str(number),
                                   afosto_order_id=order.id, channel_id=order.channel.id)
            for item in order.items:
                sku = item.sku
                figures.ordered[sku] += 1
                if item.status == "CANCELLED":
                    figures.canceled[sku] += 1
                if item.parcel_id is not None:
                    status = ledger.parcels_by_id[item.parcel_id].status
                    if status in ("IN_TRANSIT", "DELIVERED"):
                        figures.shipped[sku] += 1
                    if status == "DELIVERED":
                        figures.delivered[sku] += 1
                    if status in ("READY_FOR_PICKUP", "PICKED_UP"):
                        figures.ready_for_pickup[sku] += 1
                    if status == "PICKED_UP":
                        figures.picked_up[sku] += 1
                if item.rma_id is not None:
                    status = ledger.rma_by_id[item.rma_id].status
                    if status == "AUTHORIZED":
                        figures.returned[sku] += 1
                    elif status == "REJECTED":
                        figures.broken[sku] += 1
            out.setdefault(str(epages_id), []).append(figures)
        return out

    def snapshot(self) -> dict[str, Any]:
        """JSON-able state for GET /_sandbox/state."""
        ledger = self.ledger
        orders = []
        for order in ledger.orders:
            record = dataclasses.asdict(order)
            record["channel"] = order.channel.id
            record["actions"] = order.actions
            point = order.delivery["pickup_point"]
            record["delivery"] = {"type": order.delivery["type"], "address": order.delivery["address"],
                                  "pickup_location_id": point["location_id"] if point else None}
            orders.append(record)
        return {
            "seed": self.seed_world.seed,
            "orders": orders,
            "stock": [{"sku": r.sku, "location_id": r.location_id, "on_hand": r.on_hand,
                       "reserved": r.reserved, "available": r.available} for r in ledger.stock_rows],
            "requests_by_operation": dict(sorted(self.requests_by_operation.items())),
        }


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class _PagedJSONResponse(JSONResponse):
    """Starlette's JSON answer, written a list item at a time (lists of orders can be big)."""

    def render(self, content: Any) -> bytes:
        return dumps_in_parts(content, _compact).encode("utf-8")

