"""The GraphQL face of the Afosto simulator: schema.graphql built once, its scalars, Relay paging, the root
resolvers over the ledger, and errors shaped like Afosto's (extensions.code, extensions.field).
"""

from __future__ import annotations

import base64
import functools
import logging
import pathlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from inspect import isawaitable
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    ValueNode,
    build_schema,
    execute,
    parse,
    validate,
    value_from_ast_untyped,
)

from .ledger import AfostoLedger, not_found, refuse
from .records import RequestRefused

log = logging.getLogger(__name__)

SCHEMA_PATH = pathlib.Path(__file__).with_name("schema.graphql")
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
MAX_FILTER_VALUES = 100
_DOCUMENT_CACHE_SIZE = 512

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_VARIABLE = re.compile(r"^Variable '\$(\w+)'")
_AT_PATH = re.compile(r" at '([^']+)'")
_NAMED_FIELD = re.compile(r"Field '(\w+)' (?:of required type|is not defined)")
_LIST_INDEX = re.compile(r"\[\d+\]")


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


@functools.cache
def afosto_schema() -> GraphQLSchema:
    """The sandbox schema, built once per process and shared by every AfostoWorld."""
    schema = build_schema(SCHEMA_PATH.read_text(encoding="utf-8"))
    for name, parse_value in (("Money", _whole_number), ("DateTime", _whole_number), ("Currency", _currency),
                              ("JsonObject", _json_object), ("PremiseNumber", _premise_number)):
        scalar = schema.type_map[name]
        scalar.parse_value = parse_value  # type: ignore[attr-defined]
        scalar.parse_literal = _literal(parse_value)  # type: ignore[attr-defined]
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        for field_name, field in root.fields.items():
            field.resolve = _root_resolver(field_name)
    return schema


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

def _coercion_field(message: str) -> str | None:
    """Afosto-style field path ("items.price") from graphql-core's message about a variable's value."""
    variable = _VARIABLE.match(message)
    if variable is None:
        return None
    at = _AT_PATH.search(message)
    path = at.group(1) if at else variable.group(1)
    named = _NAMED_FIELD.search(message)
    if named:
        path = f"{path}.{named.group(1)}"
    path = _LIST_INDEX.sub("", path)
    return path.removeprefix("input.") if path != "input" else path


def _error_entry(error: GraphQLError, code: str, field: str | None = None,
                 message: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = dict(error.formatted)
    if message is not None:
        entry["message"] = message
    entry["extensions"] = {"code": code, **({"field": field} if field else {})}
    return entry


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
            # Outside any field: a variable's value or the operation name did not fit.
            return _error_entry(error, "VALIDATION_ERROR", _coercion_field(error.message))
        log.error("Afosto sandbox failed on %s", error.path, exc_info=original or error)
        return _error_entry(error, "INTERNAL_SERVER_ERROR", message="Internal server error; try again later.")

    # -- queries ----------------------------------------------------------------------------------------

    def channel(self, id: str) -> Any:
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
