"""Afosto GraphQL client: runs the operation documents of ``afosto_ops`` with variables, pages Relay lists,
and turns Afosto's answers into the models of ``afosto_models`` and the project's errors.

Afosto answers HTTP 200 even for errors; what went wrong is in ``errors[].extensions.code``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import importlib.resources
import json
import logging
import re
from collections.abc import AsyncGenerator, AsyncIterator, Iterable, Mapping, Sequence
from typing import Any

import httpx
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    parse,
    print_ast,
    visit,
)

from ..config import AFOSTO_BATCH_SIZE, Settings
from ..errors import (
    AuthenticationError,
    MissingScope,
    NotFound,
    RateLimited,
    SyncError,
    Unavailable,
    ValidationFailed,
)
from ..texts import Text
from .afosto_models import (
    AfostoChannel,
    AfostoLocation,
    AfostoOrder,
    InventoryRow,
    NewOrder,
    NewOrderLine,
    Parcel,
    ParcelStatus,
    ReturnedUnit,
    datetime_to_ms,
    decimal_to_cents,
)
from .epages_models import parse_json
from .http import Clock, ExchangeHook, HttpPolicy, HttpSession, TransientAnswer

log = logging.getLogger(__name__)

OPERATIONS = ("ConnectionTest", "ListChannels", "ListLocations", "CreateOrder", "AddItemsToOrder",
              "CancelOrderItems", "ApproveOrderItems", "RestockOrderItems", "FinishOrderItems",
              "ReceiveOrderItems", "AddTrackTraceToItems", "SetParcelStatus", "GetOrder", "ListOrders",
              "Inventory", "CreateOrderBrief", "AddItemsToOrderBrief", "AddTrackTraceToItemsBrief",
              "SetParcelStatusBrief")

# Mutations Afosto documents as harmless to repeat: the same contra_item_id again, or a parcel set to the
# status it has, changes nothing. createOrder, addItemsToOrder and addTrackTraceToItems are not.
_REPEATABLE_MUTATIONS = frozenset({"CancelOrderItems", "ReceiveOrderItems", "ApproveOrderItems",
                                   "RestockOrderItems", "FinishOrderItems", "SetParcelStatus"})

PAGE_SIZE = 100  # Afosto's largest page
FILTER_LIMIT = 100  # values per filter


# Mutations of one kind sent together in one request (aliases), at most this many by default (a setting).
DEFAULT_BATCH_SIZE = AFOSTO_BATCH_SIZE


class RequestTooLarge(SyncError):
    """Afosto refused a request for its size (HTTP 413): nothing of it was run."""

    title = Text("Request too large for Afosto")


BatchResult = dict[str, Any] | SyncError


class OperationMismatch(SyncError):
    """Afosto did not accept one of our operation documents: its API no longer fits them."""

    title = Text("Afosto API does not fit")
    action = Text("Run 'epages-sync check': it names the operation and the field that does not fit. The "
                  "documents in afosto_ops can then be adjusted; nothing was changed in Afosto.")


_SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([_A-Za-z]\w*)")


def _ops_file(file_name: str) -> str:
    return (importlib.resources.files(__package__) / "afosto_ops" / file_name).read_text("utf-8")


@functools.cache
def load_document(name: str) -> str:
    """The text of one operation document, by operation name (``CreateOrder`` -> ``CreateOrder.graphql``),
    followed by every fragment it spreads (``...OrderState`` -> ``OrderState.fragment.graphql``), each once."""
    if name not in OPERATIONS:
        raise KeyError(f"unknown Afosto operation {name!r}")
    parts = [_ops_file(f"{name}.graphql")]
    wanted = _SPREAD.findall(parts[0])
    added: set[str] = set()
    while wanted:
        fragment = wanted.pop(0)
        if fragment in added:
            continue
        added.add(fragment)
        parts.append(_ops_file(f"{fragment}.fragment.graphql"))
        wanted.extend(_SPREAD.findall(parts[-1]))
    return "\n".join(parts)


class _Suffixed(Visitor):
    """Renames every variable of a document: ``$input`` -> ``$input_3``."""

    def __init__(self, suffix: str) -> None:
        super().__init__()
        self.suffix = suffix

    def enter_variable(self, node: VariableNode, *_: Any) -> VariableNode:
        return VariableNode(name=NameNode(value=node.name.value + self.suffix))


def alias(index: int) -> str:
    """The response key of the ``index``-th copy of an operation in a batch document."""
    return f"a{index}"


@functools.cache
def _parsed(operation: str) -> DocumentNode:
    """An operation's document, parsed once (a batch holds up to ``batch_size`` copies of it)."""
    return parse(load_document(operation), no_location=True)


@functools.cache
def combined_document(operations: tuple[str, ...], name: str) -> str:
    """Several single-field operations of one type (all queries or all mutations) as one document named
    ``name``: the root field of copy i answers under the alias ``a<i>`` and takes its variables with the
    suffix ``_<i>``; each fragment appears once.

    GraphQL runs the root fields of a mutation one after the other, in this order; one that fails is null
    with an error whose path starts with its alias, and does not undo the others.
    """
    variables: list[Any] = []
    fields: list[FieldNode] = []
    fragments: dict[str, Any] = {}
    kind = None
    for index, operation in enumerate(operations):
        document = _parsed(operation)
        ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if len(ops) != 1 or len(ops[0].selection_set.selections) != 1:
            raise ValueError(f"{operation} is not one operation with one root field; it cannot be combined")
        op = ops[0]
        if kind is not None and op.operation != kind:
            raise ValueError("queries and mutations cannot share one document")
        kind = op.operation
        copy = visit(op, _Suffixed(f"_{index}"))
        variables.extend(copy.variable_definitions or ())
        root = copy.selection_set.selections[0]
        assert isinstance(root, FieldNode)
        fields.append(FieldNode(alias=NameNode(value=alias(index)), name=root.name, arguments=root.arguments,
                                directives=root.directives, selection_set=root.selection_set))
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments.setdefault(definition.name.value, definition)
    assert kind is not None
    combined = OperationDefinitionNode(operation=kind, name=NameNode(value=name),
                                       variable_definitions=tuple(variables), directives=(),
                                       selection_set=SelectionSetNode(selections=tuple(fields)))
    return print_ast(DocumentNode(definitions=(combined, *fragments.values())))


@functools.cache
def root_field(operation: str) -> str:
    """The name of the one root field an operation asks for (``ListOrders`` -> ``orders``)."""
    document = _parsed(operation)
    op = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    field = op.selection_set.selections[0]
    assert isinstance(field, FieldNode)
    return field.name.value


def batch_document(operation: str, count: int) -> str:
    """``count`` copies of one operation in one document (see ``combined_document``)."""
    return combined_document((operation,) * count, f"{operation}Batch")


def _suffixed(variable_sets: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {f"{name}_{index}": value for index, one in enumerate(variable_sets)
            for name, value in _without_none(one).items()}


def _read_key(operation: str, variables: Mapping[str, Any]) -> str:
    return operation + json.dumps(_without_none(variables), sort_keys=True, default=str)


def _is_query(document: str) -> bool:
    for line in document.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return not stripped.startswith(("mutation", "subscription"))
    return True


def _orders_from(nodes: list[dict[str, Any]]) -> list[AfostoOrder]:
    return [AfostoOrder.model_validate(n) for n in nodes]


def _validated(answers: list[BatchResult], key: str) -> list[AfostoOrder | SyncError]:
    out: list[AfostoOrder | SyncError] = []
    for answer in answers:
        node = answer.get(key) if isinstance(answer, dict) else None
        if isinstance(answer, SyncError):
            out.append(answer)
        elif isinstance(node, dict):
            out.append(AfostoOrder.model_validate(node))
        else:
            out.append(SyncError(Text("Afosto answered without the order."), concerns="Afosto"))
    return out


def _parcels_validated(answers: list[BatchResult]) -> list[Parcel | SyncError]:
    out: list[Parcel | SyncError] = []
    for answer in answers:
        if isinstance(answer, SyncError):
            out.append(answer)
        elif isinstance(answer.get("parcel"), dict):
            out.append(Parcel.model_validate(answer["parcel"]))
        else:
            out.append(SyncError(Text("Afosto answered without the parcel."), concerns="Afosto"))
    return out


async def _parcels_of(answers: list[BatchResult]) -> list[Parcel | SyncError]:
    """The parcels of a batch's answers, validated once, off the event loop when many."""
    if len(answers) > 10:
        return await asyncio.to_thread(_parcels_validated, answers)
    return _parcels_validated(answers)


async def _orders_of(answers: list[BatchResult], key: str) -> list[AfostoOrder | SyncError]:
    """The orders of a batch's answers (``key`` inside each), validated once, off the event loop when many."""
    if len(answers) > 10:
        return await asyncio.to_thread(_validated, answers, key)
    return _validated(answers, key)


def error_from_graphql(errors: Sequence[Mapping[str, Any]], operation: str) -> SyncError:
    """The project's error for the first entry of a GraphQL ``errors`` list."""
    first = errors[0] if errors else {}
    raw = first.get("extensions")
    ext = raw if isinstance(raw, dict) else {}
    code = str(ext.get("code") or "")
    field = ext.get("field")
    message = str(first.get("message") or code or "unknown error")
    where = f"Afosto {operation}"
    if code in ("UNAUTHORIZED", "UNAUTHENTICATED"):
        return AuthenticationError(Text("Afosto refused the API key: {reason}", reason=message),
                                   concerns=Text("Afosto API key"))
    if code == "FORBIDDEN":
        path = first.get("path")
        what = str(path[0]) if isinstance(path, list) and path else operation
        return MissingScope(Text("The Afosto API key may not use {what}: {reason}", what=what,
                                 reason=message),
                            scope=what, label="", concerns=Text("Afosto API key ({what})", what=what),
                            action=Text("Give the API key access to this part in Afosto (Settings > API), "
                                        "or create a key with it, then enter the key again."))
    if code == "NOT_FOUND":
        return NotFound(f"{where}: {message}", concerns=where + (f" ({field})" if field else ""))
    if code in ("VALIDATION_ERROR", "BAD_USER_INPUT"):
        return ValidationFailed(f"{where}: {message}", field=str(field) if field else None)
    if code == "RATE_LIMITED":
        retry = ext.get("retry_after")
        return RateLimited(f"{where}: {message}", retry_after=float(retry) if isinstance(retry, (int, float))
                           else None)
    if code == "INTERNAL_SERVER_ERROR":
        return Unavailable(f"{where}: {message}")
    if code in ("GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"):
        return OperationMismatch(f"{where}: {message}", concerns=operation)
    return SyncError(f"{where}: {message}" + (f" ({code})" if code else ""), concerns=operation)


def _answer_errors(response: httpx.Response) -> list[Any] | None:
    """The ``errors`` of a 200 answer that has any (a body without the word is not decoded here)."""
    if response.status_code != 200 or b'"errors"' not in response.content:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    errors = body.get("errors") if isinstance(body, dict) else None
    return errors if isinstance(errors, list) and errors else None


def _transient(errors: list[Any]) -> TransientAnswer | None:
    codes = {(e.get("extensions") or {}).get("code") for e in errors if isinstance(e, dict)}
    if "RATE_LIMITED" in codes:
        limited = [e for e in errors if isinstance(e, dict) and (e.get("extensions") or {}).get("code")
                   == "RATE_LIMITED"]
        retry = limited[0]["extensions"].get("retry_after")
        return TransientAnswer("rate_limited", Text("Afosto asked us to slow down (RATE_LIMITED)."),
                               float(retry) if isinstance(retry, (int, float)) else None)
    if "INTERNAL_SERVER_ERROR" in codes:
        return TransientAnswer("server_error", Text("Afosto failed on its side (INTERNAL_SERVER_ERROR)."))
    return None


def _answer_check(response: httpx.Response) -> TransientAnswer | None:
    """Afosto's "not now" answers travel inside a 200: RATE_LIMITED and INTERNAL_SERVER_ERROR."""
    errors = _answer_errors(response)
    return None if errors is None else _transient(errors)


def _request_level(errors: list[Any]) -> list[dict[str, Any]]:
    """Errors of the request as a whole (no path): then nothing, or nothing more, was run."""
    return [e for e in errors if isinstance(e, dict) and not e.get("path")]


def _batch_answer_check(response: httpx.Response) -> TransientAnswer | None:
    """As ``_answer_check``, but only errors of the whole request count: an INTERNAL_SERVER_ERROR of one
    alias belongs to that alias alone, and the others' results stand."""
    errors = _answer_errors(response)
    whole = _request_level(errors) if errors is not None else []
    return _transient(whole) if whole else None


def _address(value: Any) -> dict[str, Any] | None:
    return value.model_dump(exclude_none=True) if value is not None else None


def _without_none(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _chunks(values: Sequence[str], size: int) -> list[list[str]]:
    return [list(values[i:i + size]) for i in range(0, len(values), size)] or [[]]


# --- variables: pure functions, so the schema check can test exactly what would be sent -------------------

def create_order_variables(order: NewOrder) -> dict[str, Any]:
    customer = None
    if order.customer is not None:
        c = order.customer
        customer = _without_none({
            "contact": _without_none({"email": c.email, "given_name": c.given_name,
                                      "additional_name": c.additional_name, "family_name": c.family_name,
                                      "phone_number": c.phone_number}),
            "organisation": {"name": c.organisation} if c.organisation else None,
            "reference": c.reference, "notes": c.notes})
    delivery: dict[str, Any] | None = None
    if order.pickup_location_id is not None:
        delivery = {"pickup_point": {"location_id": order.pickup_location_id}}
    elif order.delivery_address is not None:
        delivery = {"address": _address(order.delivery_address)}
    fees = _without_none({
        "shipping": decimal_to_cents(order.shipping_fee) if order.shipping_fee is not None else None,
        "payment": decimal_to_cents(order.payment_fee) if order.payment_fee is not None else None})
    return {"input": _without_none({
        "channel_id": order.channel_id, "currency": order.currency, "country_code": order.country_code,
        "customer": customer,
        "billing": {"address": _address(order.billing_address)} if order.billing_address else None,
        "delivery": delivery, "meta_data": order.meta_data or None, "fees": fees or None})}


def add_items_variables(order_id: str, lines: Sequence[NewOrderLine]) -> dict[str, Any]:
    items = [_without_none({"sku": li.sku, "quantity": li.quantity, "price": decimal_to_cents(li.unit_price),
                            "label": li.label, "meta_data": li.meta_data}) for li in lines]
    return {"input": {"order_id": order_id, "items": items}}


def cancel_items_variables(order_id: str, units: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"input": {"order_id": order_id, "items": [{"item_id": i, "contra_item_id": c} for i, c in units]}}


def receive_items_variables(order_id: str, units: Sequence[ReturnedUnit]) -> dict[str, Any]:
    return {"input": {"order_id": order_id,
                      "items": [u.model_dump(mode="json", exclude_none=True) for u in units]}}


def contra_items_variables(order_id: str, contra_item_ids: Sequence[str]) -> dict[str, Any]:
    return {"input": {"order_id": order_id, "items": [{"item_id": c} for c in contra_item_ids]}}


def restock_variables(order_id: str, contra_item_ids: Sequence[str],
                      location_id: str | None) -> dict[str, Any]:
    return {"input": _without_none({"order_id": order_id, "items": [{"item_id": c} for c in contra_item_ids],
                                    "location_id": location_id})}


def track_trace_variables(item_ids: Sequence[str], tracking_code: str | None,
                          tracking_url: str | None) -> dict[str, Any]:
    return {"input": _without_none({"items": list(item_ids), "tracking_code": tracking_code,
                                    "tracking_url": tracking_url})}


def parcel_status_variables(parcel_id: str, status: ParcelStatus | str) -> dict[str, Any]:
    return {"input": {"parcel_id": parcel_id, "status": str(status)}}


def order_filters(*, ids: Sequence[str] | None = None, numbers: Sequence[str] | None = None,
                  channel_id: str | None = None, created_after: dt.datetime | None = None,
                  updated_after: dt.datetime | None = None,
                  statuses: Iterable[str] | None = None) -> dict[str, Any] | None:
    """Filters for ListOrders. ``updated_after`` is not in Afosto's public reference; the schema check
    reports it when a tenant lacks it."""
    filters = _without_none({
        "id": {"values": list(ids)} if ids is not None else None,
        "number": {"values": list(numbers)} if numbers is not None else None,
        "channel_id": {"values": [channel_id]} if channel_id else None,
        "created_at": {"gt": datetime_to_ms(created_after)} if created_after is not None else None,
        "updated_at": {"gt": datetime_to_ms(updated_after)} if updated_after is not None else None,
        "progress": {"values": [str(s) for s in statuses]} if statuses is not None else None})
    return filters or None


def inventory_filters(skus: Sequence[str], location_ids: Sequence[str] | None) -> dict[str, Any]:
    return _without_none({"skus": list(skus), "location_ids": list(location_ids) if location_ids else None})


Read = tuple[str, dict[str, Any]]


def first_orders_read(*, channel_id: str | None = None, created_after: dt.datetime | None = None,
                      updated_after: dt.datetime | None = None, page_size: int = 50) -> Read:
    """The first request ``iter_orders`` sends with these arguments (to read it ahead with others)."""
    filters = order_filters(channel_id=channel_id, created_after=created_after, updated_after=updated_after)
    return "ListOrders", {"filters": filters, "first": page_size}


def first_inventory_read(skus: Sequence[str], location_ids: Sequence[str] | None = None) -> Read | None:
    """The first request ``inventory`` sends for these SKUs; None when it would take more than one group."""
    unique = list(dict.fromkeys(skus))
    if not unique or len(unique) > FILTER_LIMIT or len(location_ids or ()) > FILTER_LIMIT:
        return None
    return "Inventory", {"filters": inventory_filters(unique, location_ids or None), "first": PAGE_SIZE}


# Answers larger than this are decoded on a worker thread: a page of orders takes long enough to parse that
# the window would stutter if the event loop did it.
LARGE_ANSWER = 32 * 1024


async def _decode(content: bytes) -> Any:
    if len(content) > LARGE_ANSWER:
        return await asyncio.to_thread(parse_json, content)
    return parse_json(content)


class AfostoClient:
    """One tenant's GraphQL API, authenticated with an API key."""

    def __init__(self, graphql_url: str, api_key: str, *, policy: HttpPolicy | None = None,
                 transport: httpx.AsyncBaseTransport | None = None, clock: Clock | None = None,
                 on_exchange: ExchangeHook | None = None, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.graphql_url = graphql_url
        self._api_key = api_key
        # Mutations per batched request; halved for good when Afosto says a request was too large.
        self.batch_size = max(1, batch_size)
        # Answers of queries read ahead together (see read_ahead), each handed out once.
        self._read_ahead: dict[str, dict[str, Any]] = {}
        self.session = HttpSession("Afosto", policy=policy, transport=transport, clock=clock,
                                   on_exchange=on_exchange, secrets=[api_key])

    @classmethod
    def from_settings(cls, settings: Settings, api_key: str, **kw: Any) -> AfostoClient:
        return cls(settings.afosto_graphql_url, api_key, batch_size=settings.afosto_batch_size, **kw)

    async def aclose(self) -> None:
        await self.session.aclose()

    async def __aenter__(self) -> AfostoClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- transport -------------------------------------------------------------------------------------

    async def post_document(self, document: str, variables: Mapping[str, Any] | None = None, *,
                            operation: str | None = None, idempotent: bool = True,
                            answer_check: Any = _answer_check) -> dict[str, Any]:
        """Send any document and return the whole answer (``data`` and ``errors``) without judging it."""
        body: dict[str, Any] = {"query": document, "variables": dict(variables or {})}
        if operation:
            body["operationName"] = operation
        resp = await self.session.request(
            "POST", self.graphql_url, json_body=body, idempotent=idempotent, answer_check=answer_check,
            headers={"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"},
            concerns=f"Afosto {operation}" if operation else "Afosto")
        if resp.status_code == 413:
            raise RequestTooLarge(Text("Afosto refused a request of {size} bytes as too large.",
                                       size=len(resp.request.content)),
                                  concerns=f"Afosto {operation}" if operation else "Afosto")
        if resp.status_code in (401, 403):
            raise error_from_graphql([{"message": f"HTTP {resp.status_code}", "extensions": {
                "code": "UNAUTHORIZED" if resp.status_code == 401 else "FORBIDDEN"}}], operation or "request")
        try:
            answer = await _decode(resp.content)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise SyncError(Text("Afosto answered HTTP {status} without a GraphQL answer.",
                                 status=resp.status_code),
                            concerns=f"Afosto {operation}" if operation else "Afosto")
        return answer

    async def execute(self, operation: str, variables: Mapping[str, Any] | None = None, *,
                      idempotent: bool | None = None) -> dict[str, Any]:
        """Run one named operation; return its ``data`` or raise the project's error for its ``errors``.

        Queries are always safe to repeat; a mutation only when Afosto documents it so, unless the caller
        knows better (``idempotent``).
        """
        document = load_document(operation)
        ahead = self._read_ahead.pop(_read_key(operation, variables or {}), None)
        if ahead is not None:
            return ahead
        if idempotent is None:
            idempotent = _is_query(document) or operation in _REPEATABLE_MUTATIONS
        answer = await self.post_document(document, _without_none(variables or {}), operation=operation,
                                          idempotent=idempotent)
        errors = answer.get("errors")
        if isinstance(errors, list) and errors:
            raise error_from_graphql(errors, operation)
        data = answer.get("data")
        if not isinstance(data, dict):
            raise SyncError(Text("Afosto answered {operation} without data.", operation=operation),
                            concerns=f"Afosto {operation}")
        return data

    async def read_ahead(self, reads: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """Send several queries in one request; each answer is kept for the one ``execute`` of exactly that
        operation and those variables that comes next (then it is gone). A query Afosto refused is not kept:
        asked again on its own, it gets its own answer. Until ``forget_read_ahead``."""
        if len(reads) < 2:
            return
        operations = tuple(operation for operation, _ in reads)
        answer = await self.post_document(combined_document(operations, "And".join(operations)),
                                          _suffixed([variables for _, variables in reads]),
                                          operation="And".join(operations), idempotent=True)
        data = answer.get("data")
        errors = answer.get("errors")
        refused = {str(e["path"][0]) for e in errors or [] if isinstance(e, dict) and e.get("path")}
        if not isinstance(data, dict) or _request_level(errors if isinstance(errors, list) else []):
            return
        for index, (operation, variables) in enumerate(reads):
            key = alias(index)
            if key not in refused and isinstance(data.get(key), dict):
                self._read_ahead[_read_key(operation, variables)] = {root_field(operation): data[key]}

    def forget_read_ahead(self) -> None:
        """Drop answers read ahead and not asked for: the next reads go to Afosto."""
        self._read_ahead.clear()

    async def execute_batch(self, operation: str, variable_sets: Sequence[Mapping[str, Any]], *,
                            brief: bool = False) -> list[BatchResult]:
        """Run one operation once per set of variables, ``batch_size`` of them per request (aliases), in
        this order. Each result is that copy's ``data`` field, or the error Afosto gave for it alone; an
        error of a whole request raises.

        ``brief``: each copy asks for the short answer of ``<operation>Brief`` (what a page's imports go on
        with) instead of the whole order; the batch is still named after ``operation``.

        A request Afosto refuses as too large is sent again in halves (nothing of it was run), and later
        requests stay at the smaller size. A request refused as a whole for its input (nothing was run) is
        split until the input at fault stands alone with its error.
        """
        results: list[BatchResult] = []
        start = 0
        while start < len(variable_sets):
            size = min(self.batch_size, len(variable_sets) - start)
            try:
                results.extend(await self._batch(operation, variable_sets[start:start + size], brief=brief))
            except RequestTooLarge:
                if size == 1:
                    raise
                self.batch_size = max(1, size // 2)
                log.info("Afosto refused %d %s in one request as too large; sending %d at a time", size,
                         operation, self.batch_size)
                continue
            start += size
        return results

    async def _batch(self, operation: str, variable_sets: Sequence[Mapping[str, Any]], *,
                     brief: bool = False) -> list[BatchResult]:
        copy = f"{operation}Brief" if brief else operation
        repeatable = _is_query(load_document(copy)) or operation in _REPEATABLE_MUTATIONS
        batch = combined_document((copy,) * len(variable_sets), f"{operation}Batch")
        answer = await self.post_document(batch, _suffixed(variable_sets),
                                          operation=f"{operation}Batch", idempotent=repeatable,
                                          answer_check=_batch_answer_check)
        errors = answer.get("errors")
        errors = errors if isinstance(errors, list) else []
        whole = _request_level(errors)
        if whole:
            refused = error_from_graphql(whole, operation)
            if "data" in answer or not isinstance(refused, ValidationFailed):
                raise refused
            if len(variable_sets) == 1:
                return [refused]
            # Refused before anything ran (for its variables): find the input at fault, let the rest run.
            half = len(variable_sets) // 2
            return [*await self._batch(operation, variable_sets[:half], brief=brief),
                    *await self._batch(operation, variable_sets[half:], brief=brief)]
        data = answer.get("data")
        if not isinstance(data, dict):
            raise SyncError(Text("Afosto answered {operation} without data.", operation=operation),
                            concerns=f"Afosto {operation}")
        by_alias: dict[str, list[dict[str, Any]]] = {}
        for error in errors:
            by_alias.setdefault(str(error["path"][0]), []).append(error)
        results: list[BatchResult] = []
        for index in range(len(variable_sets)):
            key = alias(index)
            value = data.get(key)
            if key in by_alias:
                results.append(error_from_graphql(by_alias[key], operation))
            elif isinstance(value, dict):
                results.append(value)
            else:
                results.append(SyncError(Text("Afosto answered {operation} without data.", operation=operation),
                                         concerns=f"Afosto {operation}"))
        return results

    async def connection_pages(self, operation: str, field: str, variables: Mapping[str, Any] | None = None,
                               *, page_size: int = PAGE_SIZE) -> AsyncGenerator[list[dict[str, Any]], None]:
        """The nodes of a Relay list, one page at a time, following ``pageInfo.endCursor``."""
        after: str | None = None
        seen: set[str] = set()
        while True:
            data = await self.execute(operation, {**(variables or {}), "first": page_size, "after": after})
            conn = data.get(field) or {}
            edges = conn.get("edges") or []
            yield [e["node"] for e in edges if isinstance(e, dict) and isinstance(e.get("node"), dict)]
            info = conn.get("pageInfo") or {}
            cursor = info.get("endCursor")
            if not info.get("hasNextPage") or not cursor or cursor in seen:
                return
            seen.add(cursor)
            after = cursor

    async def _all(self, operation: str, field: str,
                   variables: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        async for nodes in self.connection_pages(operation, field, variables):
            out.extend(nodes)
        return out

    # --- setup -----------------------------------------------------------------------------------------

    async def connection_test(self) -> bool:
        """True when the key works (reads the first sales channel)."""
        await self.execute("ConnectionTest")
        return True

    async def list_channels(self) -> list[AfostoChannel]:
        return [AfostoChannel.model_validate(n) for n in await self._all("ListChannels", "channels")]

    async def list_locations(self) -> list[AfostoLocation]:
        return [AfostoLocation.model_validate(n) for n in await self._all("ListLocations", "locations")]

    # --- orders ----------------------------------------------------------------------------------------

    async def create_order(self, order: NewOrder) -> AfostoOrder:
        """Step 1 of an import. Not repeated on a lost answer: find it by meta_data before sending again."""
        data = await self.execute("CreateOrder", create_order_variables(order))
        return AfostoOrder.model_validate(data["createOrder"]["order"])

    async def add_items_to_order(self, order_id: str, lines: Sequence[NewOrderLine]) -> AfostoOrder:
        """Step 2 of an import; answers the order with its lines and their units."""
        data = await self.execute("AddItemsToOrder", add_items_variables(order_id, lines))
        return AfostoOrder.model_validate(data["addItemsToOrder"]["order"])

    async def create_orders(self, orders: Sequence[NewOrder]) -> list[AfostoOrder | SyncError]:
        """Step 1 of the imports of a page, batched: per order its new Afosto order (id and number only: the
        lines' answer brings the rest), or why Afosto refused it. Not repeated on a lost answer: find them by
        meta_data before sending again."""
        answers = await self.execute_batch("CreateOrder", [create_order_variables(o) for o in orders], brief=True)
        return await _orders_of(answers, "order")

    async def add_items_to_orders(
        self, lines: Sequence[tuple[str, Sequence[NewOrderLine]]]
    ) -> list[AfostoOrder | SyncError]:
        """Step 2 of the imports of a page, batched (Afosto order id and lines each): per order its number,
        change time and units (the brief answer, not the whole order), or why Afosto refused the lines."""
        answers = await self.execute_batch("AddItemsToOrder",
                                           [add_items_variables(order_id, li) for order_id, li in lines], brief=True)
        return await _orders_of(answers, "order")

    async def get_order(self, order_id: str) -> AfostoOrder:
        data = await self.execute("GetOrder", {"id": order_id})
        if data.get("order") is None:
            raise NotFound(Text("Afosto has no order {order}.", order=order_id),
                           concerns=Text("Afosto order {order}", order=order_id))
        return AfostoOrder.model_validate(data["order"])

    async def iter_orders(self, *, ids: Sequence[str] | None = None, numbers: Sequence[str] | None = None,
                          channel_id: str | None = None, created_after: dt.datetime | None = None,
                          updated_after: dt.datetime | None = None, statuses: Iterable[str] | None = None,
                          page_size: int = 50) -> AsyncIterator[list[AfostoOrder]]:
        """Orders page by page, oldest first; ids are asked in groups of at most 100."""
        groups = _chunks(list(ids), FILTER_LIMIT) if ids is not None else [None]
        for group in groups:
            if group == []:
                continue
            filters = order_filters(ids=group, numbers=numbers, channel_id=channel_id,
                                    created_after=created_after, updated_after=updated_after,
                                    statuses=statuses)
            pages = self.connection_pages("ListOrders", "orders", {"filters": filters}, page_size=page_size)
            # Closed with this generator, so a caller stopping early leaves nothing half-read behind.
            async with contextlib.aclosing(pages):
                async for nodes in pages:
                    if len(nodes) > 10:  # whole orders with their units: validated off the event loop
                        yield await asyncio.to_thread(_orders_from, nodes)
                    else:
                        yield _orders_from(nodes)

    # --- cancellations and returns ---------------------------------------------------------------------

    async def cancel_order_items(self, order_id: str, units: Sequence[tuple[str, str]]) -> AfostoOrder:
        """Cancel units, each as (item id, contra item id); repeating with the same ids changes nothing."""
        data = await self.execute("CancelOrderItems", cancel_items_variables(order_id, units))
        return AfostoOrder.model_validate(data["cancelOrderItems"]["order"])

    async def receive_order_items(self, order_id: str, units: Sequence[ReturnedUnit]) -> AfostoOrder:
        data = await self.execute("ReceiveOrderItems", receive_items_variables(order_id, units))
        return AfostoOrder.model_validate(data["receiveOrderItems"]["order"])

    async def approve_order_items(self, order_id: str, contra_item_ids: Sequence[str]) -> AfostoOrder:
        data = await self.execute("ApproveOrderItems", contra_items_variables(order_id, contra_item_ids))
        return AfostoOrder.model_validate(data["approveOrderItems"]["order"])

    async def restock_order_items(self, order_id: str, contra_item_ids: Sequence[str], *,
                                  location_id: str | None = None) -> AfostoOrder:
        data = await self.execute("RestockOrderItems",
                                  restock_variables(order_id, contra_item_ids, location_id))
        return AfostoOrder.model_validate(data["restockOrderItems"]["order"])

    async def finish_order_items(self, order_id: str, contra_item_ids: Sequence[str]) -> AfostoOrder:
        data = await self.execute("FinishOrderItems", contra_items_variables(order_id, contra_item_ids))
        return AfostoOrder.model_validate(data["finishOrderItems"]["order"])

    # --- parcels ---------------------------------------------------------------------------------------

    async def add_track_trace_to_items(self, item_ids: Sequence[str], *, tracking_code: str | None = None,
                                       tracking_url: str | None = None) -> tuple[Parcel, AfostoOrder]:
        """Pack units into a new parcel. Not repeated on a lost answer: read the order's parcels first."""
        data = await self.execute("AddTrackTraceToItems",
                                  track_trace_variables(item_ids, tracking_code, tracking_url))
        payload = data["addTrackTraceToItems"]
        return Parcel.model_validate(payload["parcel"]), AfostoOrder.model_validate(payload["order"])

    async def set_parcel_status(self, parcel_id: str,
                                status: ParcelStatus | str) -> tuple[Parcel, AfostoOrder]:
        data = await self.execute("SetParcelStatus", parcel_status_variables(parcel_id, status))
        payload = data["setParcelStatus"]
        return Parcel.model_validate(payload["parcel"]), AfostoOrder.model_validate(payload["order"])

    async def add_track_trace_to_items_batch(
        self, parcels: Sequence[tuple[Sequence[str], str | None, str | None]]
    ) -> list[Parcel | SyncError]:
        """Pack several parcels (units, tracking code, tracking link each), batched: per parcel the new parcel
        (not its order: the brief answer), or why Afosto refused it. Not repeated on a lost answer: read the
        orders' parcels first."""
        answers = await self.execute_batch("AddTrackTraceToItems",
                                           [track_trace_variables(*parcel) for parcel in parcels], brief=True)
        return await _parcels_of(answers)

    async def set_parcel_statuses(
        self, moves: Sequence[tuple[str, ParcelStatus | str]]
    ) -> list[Parcel | SyncError]:
        """Move several parcels on (parcel id, status each), batched and in this order: one parcel may
        appear twice (shipped, then delivered). Per move the parcel as moved (the brief answer), or why
        Afosto refused it."""
        answers = await self.execute_batch("SetParcelStatus",
                                           [parcel_status_variables(*move) for move in moves], brief=True)
        return await _parcels_of(answers)

    # --- stock -----------------------------------------------------------------------------------------

    async def inventory(self, skus: Sequence[str],
                        location_ids: Sequence[str] | None = None) -> list[InventoryRow]:
        """Available stock per (SKU, location); SKUs Afosto does not know give no rows."""
        rows: list[InventoryRow] = []
        if not skus:
            return rows
        for sku_group in _chunks(list(dict.fromkeys(skus)), FILTER_LIMIT):
            for loc_group in (_chunks(list(location_ids), FILTER_LIMIT) if location_ids else [None]):
                filters = inventory_filters(sku_group, loc_group)
                async for nodes in self.connection_pages("Inventory", "inventory", {"filters": filters}):
                    rows.extend(InventoryRow.model_validate(n) for n in nodes)
        return rows
