"""The GraphQL face of the Afosto simulator: schema.graphql built once with real scalar types, Relay paging,
the root resolvers over the ledger, and errors shaped like Afosto's (extensions.code, extensions.field).
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import pathlib
import re
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from inspect import isawaitable
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    ValueNode,
    build_schema,
    execute,
    get_operation_ast,
    parse,
    validate,
    value_from_ast_untyped,
)

from epages_sync.graphql_inputs import InputProblem, variable_problems

from .ledger import AfostoLedger, not_found, refuse
from .records import Order, RequestRefused, RmaItem

log = logging.getLogger(__name__)

SCHEMA_PATH = pathlib.Path(__file__).with_name("schema.graphql")
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
MAX_FILTER_VALUES = 100
_DOCUMENT_CACHE_SIZE = 512

_CURRENCY = re.compile(r"^[A-Z]{3}$")


# -- scalars -------------------------------------------------------------------------------------------------

def _whole_number(value: Any) -> int:
    # bool is an int in Python; 1.0 or "100" would hide a unit mistake, so only true integers pass.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"Expected an integer, got {value!r}.")
    return value


def _currency(value: Any) -> str:
    if not isinstance(value, str) or not _CURRENCY.match(value):
        raise ValueError(f"Expected an ISO 4217 currency code such as EUR, got {value!r}.")
    return value


def _json_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"Expected a JSON object, got {value!r}.")
    return value


def _premise_number(value: Any) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"Expected a house number (string or integer), got {value!r}.")
    return value


def _literal(parse_value: Callable[[Any], Any]) -> Callable[..., Any]:
    def parse_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
        return parse_value(value_from_ast_untyped(node, variables))
    return parse_literal


def _scalar(name: str, check: Callable[[Any], Any], description: str) -> GraphQLScalarType:
    """A scalar that checks its value the same way coming in (variables and literals) and going out."""
    return GraphQLScalarType(name, serialize=check, parse_value=check, parse_literal=_literal(check),
                             description=description)


def _scalars() -> dict[str, GraphQLScalarType]:
    return {s.name: s for s in (
        _scalar("Money", _whole_number, "An amount in whole cents."),
        _scalar("DateTime", _whole_number, "Unix time in milliseconds."),
        _scalar("Currency", _currency, "ISO 4217 currency code."),
        _scalar("JsonObject", _json_object, "Any JSON object."),
        _scalar("PremiseNumber", _premise_number, "A house number (string or integer)."),
    )}


def _swapped(type_: Any, scalars: dict[str, GraphQLScalarType]) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return GraphQLNonNull(_swapped(type_.of_type, scalars))
    if isinstance(type_, GraphQLList):
        return GraphQLList(_swapped(type_.of_type, scalars))
    if isinstance(type_, GraphQLScalarType):
        return scalars.get(type_.name, type_)
    return type_


def with_scalars(built: GraphQLSchema, scalars: dict[str, GraphQLScalarType]) -> GraphQLSchema:
    """``built`` with its named scalars replaced by real scalar types: every field, argument and input field
    that names one refers to the new type, and the schema is assembled again around them."""
    named = [t for name, t in built.type_map.items() if not name.startswith("__")]
    for type_ in named:
        if isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType)):
            for field in type_.fields.values():
                field.type = _swapped(field.type, scalars)
                for arg in field.args.values():
                    arg.type = _swapped(arg.type, scalars)
        elif isinstance(type_, GraphQLInputObjectType):
            for input_field in type_.fields.values():
                input_field.type = _swapped(input_field.type, scalars)
    return GraphQLSchema(query=built.query_type, mutation=built.mutation_type,
                         types=[scalars.get(t.name, t) for t in named])


@functools.cache
def afosto_schema(*, changed_orders_filter: bool = True) -> GraphQLSchema:
    """The sandbox schema, built once per process and shared by every AfostoWorld. Without
    ``changed_orders_filter`` it is an account that lacks the assumed ``updated_at`` order filter."""
    schema = with_scalars(build_schema(SCHEMA_PATH.read_text(encoding="utf-8")), _scalars())
    if not changed_orders_filter:
        filters = schema.type_map["OrderFilters"]
        assert isinstance(filters, GraphQLInputObjectType)
        del filters.fields["updated_at"]
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        for field_name, field in root.fields.items():
            field.resolve = _root_resolver(field_name)
    for type_name, field_name, resolve in (("Order", "items", _order_lines), ("Order", "fees", _order_fees),
                                           ("RmaItem", "product", _rma_product), ("RmaItem", "order", _rma_order)):
        owner = schema.type_map[type_name]
        assert isinstance(owner, GraphQLObjectType)
        owner.fields[field_name].resolve = resolve
    return schema


# -- the storefront's shape of what the ledger keeps per unit ------------------------------------------------

def _order_lines(order: Order, _info: Any) -> list[dict[str, Any]]:
    """The units as Afosto's aggregated lines: one per SKU, label, price and meta_data, in the order they
    were added; each lists its unit ids and one detail per unit."""
    lines: dict[tuple[str, str | None, int, str], dict[str, Any]] = {}
    for unit in order.items:
        key = (unit.sku, unit.label, unit.price, json.dumps(unit.meta_data, sort_keys=True))
        line = lines.get(key)
        if line is None:
            line = lines[key] = {"ids": [], "sku": unit.sku, "label": unit.label, "quantity": 0, "subtotal": 0,
                                 "details": []}
        line["ids"].append(unit.id)
        line["quantity"] += 1
        if unit.status != "CANCELLED":
            line["subtotal"] += unit.price
        line["details"].append({"id": unit.id, "status": unit.status, "parent_id": None,
                                "meta_data": unit.meta_data, **unit.details})
    for line in lines.values():
        line["total"] = line["subtotal"]
    return list(lines.values())


def _order_fees(order: Order, _info: Any) -> dict[str, list[dict[str, Any]]]:
    return {kind: [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{order.id}/fee/{kind}")),
                    "description": kind.capitalize(), "is_contra": False, "total": cents}] if cents else []
            for kind, cents in order.fees.items()}


def rma_id(order: Order) -> str:
    """The one RMA the sandbox keeps per order for its return items."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{order.id}/rma"))


def _rma_product(item: RmaItem, _info: Any) -> dict[str, Any]:
    return {"sku": item.sku}


def _rma_order(item: RmaItem, info: Any) -> Order:
    return info.root_value.ledger.orders_by_id[item.order_id]


def _root_resolver(field_name: str) -> Callable[..., Any]:
    method = re.sub(r"(?<!^)(?=[A-Z])", "_", field_name).lower()

    def resolve(api: AfostoApi, _info: Any, **args: Any) -> Any:
        return getattr(api, method)(**args)
    return resolve


# -- paging ------------------------------------------------------------------------------------------------

def _cursor(kind: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{seq}".encode()).decode()


def _position(kind: str, cursor: str, field: str) -> int:
    try:
        found_kind, seq = base64.urlsafe_b64decode(cursor.encode()).decode().split(":")
        if found_kind == kind:
            return int(seq)
    except (ValueError, UnicodeDecodeError):
        pass
    raise refuse(f"{cursor!r} is not a cursor of this list.", field)


def connection(rows: Sequence[Any], kind: str, first: int | None, after: str | None, last: int | None,
               before: str | None) -> dict[str, Any]:
    """One Relay page of ``rows``, which are sorted by their ``seq``; cursors encode that seq."""
    if first is not None and last is not None:
        raise refuse("Give first or last, not both.", "last")
    backward = last is not None
    size = last if backward else (first if first is not None else DEFAULT_PAGE_SIZE)
    assert size is not None
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise refuse(f"Page size must be between 0 and {MAX_PAGE_SIZE}.", "last" if backward else "first")
    lo, hi = 0, len(rows)
    if after is not None:
        lo = bisect_right(rows, _position(kind, after, "after"), key=lambda r: r.seq)
    if before is not None:
        hi = max(lo, bisect_left(rows, _position(kind, before, "before"), key=lambda r: r.seq))
    if backward:
        start, end = max(lo, hi - size), hi
    else:
        start, end = lo, min(hi, lo + size)
    page = rows[start:end]
    edges = [{"cursor": _cursor(kind, r.seq), "node": r} for r in page]
    return {
        "edges": edges,
        "pageInfo": {
            "hasNextPage": end < (hi if not backward else len(rows)),
            "hasPreviousPage": start > (lo if backward else 0),
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        },
    }


def _values(filter_: dict[str, Any] | None, field: str) -> set[str] | None:
    if filter_ is None:
        return None
    values = filter_["values"] if isinstance(filter_, dict) and "values" in filter_ else filter_
    if len(values) > MAX_FILTER_VALUES:
        raise refuse(f"At most {MAX_FILTER_VALUES} values per filter.", field)
    return set(values)


# -- errors ------------------------------------------------------------------------------------------------

def _error_entry(error: GraphQLError, code: str, field: str | None = None,
                 message: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = dict(error.formatted)
    if message is not None:
        entry["message"] = message
    entry["extensions"] = {"code": code, **({"field": field} if field else {})}
    return entry


def _refusal_text(problem: InputProblem) -> str:
    """What Afosto says about a variable it does not take; the value itself is never repeated."""
    where = problem.field_path
    if problem.kind == "unknown_field":
        return f"{problem.type_name} has no field {problem.name!r}."
    if problem.kind == "missing_field":
        return f"{where} is required ({problem.required_type})."
    if problem.kind == "unknown_enum_value":
        return f"{where}: {problem.name!r} is not a value of {problem.type_name}."
    if problem.kind == "unknown_type":
        return f"Unknown type {problem.type_name}."
    return f"{where}: not a valid {problem.type_name}."


def refusal_response(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    extensions = {"code": code, **({"field": field} if field else {})}
    return {"errors": [{"message": message, "extensions": extensions}]}


# -- the API -----------------------------------------------------------------------------------------------

class AfostoApi:
    """Runs documents against the shared schema; the root resolvers below read and write the ledger."""

    def __init__(self, ledger: AfostoLedger) -> None:
        self.ledger = ledger
        self.schema = afosto_schema()
        # Parsing and validating dominate a small request; the client sends the same few documents again
        # and again, so each is checked once.
        self._documents: dict[str, DocumentNode | list[dict[str, Any]]] = {}

    def serve_without_changed_orders_filter(self) -> None:
        """From now on answer as an account whose orders list has no updated_at filter."""
        self.schema = afosto_schema(changed_orders_filter=False)
        self._documents.clear()

    def document(self, query: str) -> DocumentNode | list[dict[str, Any]]:
        known = self._documents.get(query)
        if known is not None:
            return known
        document: DocumentNode | list[dict[str, Any]]
        try:
            parsed = parse(query)
        except GraphQLError as error:
            document = [_error_entry(error, "GRAPHQL_PARSE_FAILED")]
        else:
            problems = validate(self.schema, parsed)
            document = [_error_entry(e, "GRAPHQL_VALIDATION_FAILED") for e in problems] if problems else parsed
        if len(self._documents) >= _DOCUMENT_CACHE_SIZE:
            self._documents.clear()
        self._documents[query] = document
        return document

    async def run(self, query: str, variables: dict[str, Any] | None = None,
                  operation_name: str | None = None) -> dict[str, Any]:
        document = self.document(query)
        if isinstance(document, list):
            return {"errors": document}
        operation = get_operation_ast(document, operation_name)
        if operation is not None:
            refused = variable_problems(self.schema, operation, variables or {})
            if refused:
                return refusal_response("VALIDATION_ERROR", _refusal_text(refused[0]), refused[0].field_path)
        result = execute(self.schema, document, root_value=self, variable_values=variables,
                         operation_name=operation_name)
        if isawaitable(result):
            result = await result
        out: dict[str, Any] = {"data": result.data}
        if result.errors:
            out["errors"] = [self._shape(e) for e in result.errors]
            if result.data is None and all(e.path is None for e in result.errors):
                del out["data"]  # refused before execution, as the GraphQL spec answers it
        return out

    @staticmethod
    def _shape(error: GraphQLError) -> dict[str, Any]:
        original = error.original_error
        if isinstance(original, RequestRefused):
            return _error_entry(error, original.code, original.field)
        if error.path is None:
            # Outside any field: the operation name did not fit (variables are checked before execution).
            return _error_entry(error, "VALIDATION_ERROR")
        log.error("Afosto sandbox failed on %s", error.path, exc_info=original or error)
        return _error_entry(error, "INTERNAL_SERVER_ERROR", message="Internal server error; try again later.")

    # -- queries ----------------------------------------------------------------------------------------

    def channel(self, id: str | None = None) -> Any:
        if id is None:
            raise refuse("Give the channel's id; only a storefront token carries a channel of its own.", "id")
        channel = self.ledger.channels_by_id.get(id)
        if channel is None:
            raise not_found(f"No sales channel with id {id!r}.", "id")
        return channel

    def channels(self, first: int | None = None, after: str | None = None, last: int | None = None,
                 before: str | None = None) -> dict[str, Any]:
        return connection(self.ledger.channels, "channel", first, after, last, before)

    def locations(self, first: int | None = None, after: str | None = None, last: int | None = None,
                  before: str | None = None) -> dict[str, Any]:
        return connection(self.ledger.locations, "location", first, after, last, before)

    def order(self, id: str) -> Any:
        return self.ledger.order(id, "id")

    def rma(self, id: str) -> Any:
        order = next((o for o in self.ledger.orders if o.rma_items and rma_id(o) == id), None)
        if order is None:
            raise not_found(f"No RMA with id {id!r}.", "id")
        pending = any(r.status == "PENDING" for r in order.rma_items)
        contact = (order.customer or {}).get("contact")
        return {"id": id, "number": f"R{order.number}", "status": "OPEN" if pending else "CLOSED",
                "contact": contact, "address": order.delivery.get("address"), "items": order.rma_items,
                "created_at": min(r.created_at for r in order.rma_items),
                "updated_at": max(r.updated_at for r in order.rma_items)}

    def orders(self, first: int | None = None, after: str | None = None, last: int | None = None,
               before: str | None = None, filters: dict[str, Any] | None = None) -> dict[str, Any]:
        rows: Sequence[Any] = self.ledger.orders
        if filters:
            ids = _values(filters.get("id"), "filters.id")
            numbers = _values(filters.get("number"), "filters.number")
            channels = _values(filters.get("channel_id"), "filters.channel_id")
            progress = _values(filters.get("progress"), "filters.progress")
            created = filters.get("created_at") or {}
            gt, gte, lt, lte = (created.get(k) for k in ("gt", "gte", "lt", "lte"))
            updated = filters.get("updated_at") or {}
            ugt, ugte, ult, ulte = (updated.get(k) for k in ("gt", "gte", "lt", "lte"))
            if ids is not None:
                by_id = self.ledger.orders_by_id
                rows = sorted((by_id[i] for i in ids if i in by_id), key=lambda o: o.seq)
            rows = [o for o in rows
                    if (numbers is None or o.number in numbers)
                    and (channels is None or o.channel.id in channels)
                    and (progress is None or o.status in progress)
                    and (gt is None or o.created_at > gt) and (gte is None or o.created_at >= gte)
                    and (lt is None or o.created_at < lt) and (lte is None or o.created_at <= lte)
                    and (ugt is None or o.updated_at > ugt) and (ugte is None or o.updated_at >= ugte)
                    and (ult is None or o.updated_at < ult) and (ulte is None or o.updated_at <= ulte)]
        return connection(rows, "order", first, after, last, before)

    def inventory(self, first: int | None = None, after: str | None = None, last: int | None = None,
                  before: str | None = None, filters: dict[str, Any] | None = None) -> dict[str, Any]:
        rows: Sequence[Any] = self.ledger.stock_rows
        if filters:
            skus = _values(filters.get("skus"), "filters.skus")
            locations = _values(filters.get("location_ids"), "filters.location_ids")
            unknown = sorted((locations or set()) - self.ledger.locations_by_id.keys())
            if unknown:
                raise refuse(f"No location with id {unknown[0]!r}.", "filters.location_ids")
            if skus is not None and locations is not None:
                stock = self.ledger.stock
                rows = sorted((stock[(s, loc)] for s in skus for loc in locations if (s, loc) in stock),
                              key=lambda r: r.seq)
            else:
                rows = [r for r in rows if (skus is None or r.sku in skus)
                        and (locations is None or r.location_id in locations)]
        return connection(rows, "inventory", first, after, last, before)

    # -- mutations --------------------------------------------------------------------------------------

    def create_order(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.create_order(input)}

    def add_items_to_order(self, input: dict[str, Any]) -> dict[str, Any]:
        order, items = self.ledger.add_items(input)
        return {"order": order, "items": items}

    def cancel_order_items(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.cancel_items(input)}

    def receive_order_items(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.receive_items(input)}

    def approve_order_items(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.approve_items(input)}

    def restock_order_items(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.restock_items(input)}

    def finish_order_items(self, input: dict[str, Any]) -> dict[str, Any]:
        return {"order": self.ledger.finish_items(input)}

    def add_track_trace_to_items(self, input: dict[str, Any]) -> dict[str, Any]:
        parcel, order = self.ledger.add_parcel(input)
        return {"parcel": parcel, "order": order}

    def set_parcel_status(self, input: dict[str, Any]) -> dict[str, Any]:
        parcel, order = self.ledger.set_parcel_status(input)
        return {"parcel": parcel, "order": order}
