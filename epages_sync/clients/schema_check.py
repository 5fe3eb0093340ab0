"""Checks every Afosto operation document, and the variables the sync would send with it, against the
tenant's own schema (read by introspection), and says in plain words which field or argument does not fit.

Where Afosto refuses introspection, the check says so and falls back to the harmless connection test.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

from graphql import (
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    build_client_schema,
    get_introspection_query,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values
from pydantic import BaseModel

from ..errors import AuthenticationError, SyncError
from . import afosto
from .afosto_models import (
    AfostoAddress,
    NewCustomer,
    NewOrder,
    NewOrderLine,
    ParcelStatus,
    ReturnedUnit,
    ReturnOutcome,
)

log = logging.getLogger(__name__)

Verdict = Literal["ok", "mismatch", "unchecked"]


class OperationCheck(BaseModel):
    operation: str
    verdict: Verdict
    problems: list[str] = []

    @property
    def ok(self) -> bool:
        return self.verdict == "ok"


class SchemaCheck(BaseModel):
    """The outcome for all operations, with one sentence on how the check could be done."""

    source: Literal["introspection", "connection test"]
    note: str
    operations: list[OperationCheck]

    @property
    def ok(self) -> bool:
        return all(op.verdict == "ok" for op in self.operations)

    @property
    def mismatches(self) -> list[OperationCheck]:
        return [op for op in self.operations if op.verdict == "mismatch"]


# --- plain words ------------------------------------------------------------------------------------------

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Cannot query field '(\w+)' on type '(\w+)'\.(.*)"),
     r"The field '\1' does not exist on \2 in this Afosto account.\3"),
    (re.compile(r"Unknown argument '(\w+)' on field '(\w+)\.(\w+)'\.(.*)"),
     r"The argument '\1' of \3 does not exist in this Afosto account.\4"),
    (re.compile(r"Unknown type '(\w+)'\.(.*)"), r"The type \1 does not exist in this Afosto account.\2"),
    (re.compile(r".*Field '(\w+)' is not defined by type '(\w+)'\.(.*)"),
     r"The input field '\1' does not exist on \2 in this Afosto account, but the sync sends it.\3"),
    (re.compile(r".*Field '(\w+)' of required type '([^']+)' was not provided\."),
     r"Afosto requires the input field '\1' (\2), which the sync does not send."),
    (re.compile(r".*Value '(\w+)' does not exist in '(\w+)' enum\.(.*)"),
     r"Afosto does not know the value \1 of \2, which the sync sends.\3"),
    (re.compile(r"Field '(\w+)' argument '(\w+)' of type '([^']+)' is required, but it was not provided\."),
     r"Afosto requires the argument '\2' of \1, which the document does not give."),
    (re.compile(r"Cannot query field '(\w+)' on type '(\w+)'"), r"The field '\1' does not exist on \2."),
]


def plain_words(message: str) -> str:
    for pattern, repl in _REWRITES:
        if pattern.match(message):
            return pattern.sub(repl, message, count=1).strip()
    return message


# --- what the sync sends, as examples with every field it may fill ----------------------------------------

def sample_variables() -> dict[str, list[dict[str, Any]]]:
    """For each operation, the variable sets to try: every input field and enum value the sync may send."""
    address = AfostoAddress(
        country_code="DE", administrative_area="Hamburg", locality="Hamburg", dependent_locality="Altona",
        postal_code="20095", sorting_code="X", address_line_1="Lange Reihe 12", address_line_2="2. OG",
        thoroughfare="Lange Reihe", premise_number="12", premise_number_suffix="a",
        organisation="Kaffee GmbH", given_name="Anna", additional_name="M", family_name="Müller")
    customer = NewCustomer(email="anna@example.com", given_name="Anna", additional_name="M",
                           family_name="Müller", phone_number="+49 40 1", organisation="Kaffee GmbH",
                           reference="10001", notes="note")
    base = dict(channel_id="c", currency="EUR", country_code="DE", customer=customer, billing_address=address,
                meta_data={"epages_order_id": "e", "epages_order_number": "10001"},
                shipping_fee=Decimal("4.95"), payment_fee=Decimal("1.50"))
    shipped = NewOrder(**base, delivery_address=address)
    pickup = NewOrder(**base, pickup_location_id="l")
    line = NewOrderLine(sku="CF-1001", quantity=2, unit_price=Decimal("19.90"), label="Beans",
                        meta_data={"epages_line_item_id": "x"})
    returned = [ReturnedUnit(item_id="i", contra_item_id="c1", outcome=ReturnOutcome.ACCEPTED,
                             reason="DEFECTIVE", vendor_note="ok"),
                ReturnedUnit(item_id="j", contra_item_id="c2", outcome=ReturnOutcome.REJECTED)]
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    return {
        "ConnectionTest": [{}],
        "ListChannels": [{"first": 100, "after": "x"}],
        "ListLocations": [{"first": 100, "after": "x"}],
        "CreateOrder": [afosto.create_order_variables(shipped), afosto.create_order_variables(pickup)],
        "AddItemsToOrder": [afosto.add_items_variables("o", [line])],
        "CancelOrderItems": [afosto.cancel_items_variables("o", [("i", "c1")])],
        "ApproveOrderItems": [afosto.contra_items_variables("o", ["c1"])],
        "RestockOrderItems": [afosto.restock_variables("o", ["c1"], "l")],
        "FinishOrderItems": [afosto.contra_items_variables("o", ["c1"])],
        "ReceiveOrderItems": [afosto.receive_items_variables("o", returned)],
        "AddTrackTraceToItems": [afosto.track_trace_variables(["i"], "3S123", "https://t.example/3S123")],
        "SetParcelStatus": [afosto.parcel_status_variables("p", s) for s in ParcelStatus if s != "PENDING"],
        "GetOrder": [{"id": "o"}],
        "ListOrders": [{"first": 50, "after": "x", "filters": afosto.order_filters(
            ids=["o"], numbers=["1"], channel_id="c", created_after=moment, updated_after=moment,
            statuses=["OPEN"])}],
        "Inventory": [{"first": 100, "after": "x", "filters": afosto.inventory_filters(["CF-1001"], ["l"])}],
    }


# --- the check itself -------------------------------------------------------------------------------------

def check_operation(schema: GraphQLSchema, name: str, document: str,
                    variable_sets: Iterable[Mapping[str, Any]] = ()) -> OperationCheck:
    try:
        ast = parse(document)
    except GraphQLError as exc:
        return OperationCheck(operation=name, verdict="mismatch",
                              problems=[f"The document is not valid GraphQL: {exc.message}"])
    problems = [plain_words(e.message) for e in validate(schema, ast)]
    if not problems:
        operation = next((d for d in ast.definitions if isinstance(d, OperationDefinitionNode)), None)
        for variables in variable_sets:
            assert operation is not None
            coerced = get_variable_values(schema, operation.variable_definitions or (), dict(variables))
            if isinstance(coerced, list):
                problems.extend(plain_words(e.message) for e in coerced)
    unique = list(dict.fromkeys(problems))
    return OperationCheck(operation=name, verdict="mismatch" if unique else "ok", problems=unique)


def check_documents(schema: GraphQLSchema, names: Iterable[str] = afosto.OPERATIONS) -> list[OperationCheck]:
    samples = sample_variables()
    return [check_operation(schema, n, afosto.load_document(n), samples.get(n, ())) for n in names]


def _refused(answer: Mapping[str, Any]) -> str | None:
    """Why an introspection answer is unusable, or None when it holds a schema."""
    data = answer.get("data")
    if isinstance(data, dict) and isinstance(data.get("__schema"), dict):
        return None
    errors = answer.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("message") or "refused")
    return "no schema in the answer"


async def check_schema(client: afosto.AfostoClient) -> SchemaCheck:
    """Read the tenant's schema and check every operation; fall back to the connection test if refused."""
    reason: str | None
    try:
        answer = await client.post_document(get_introspection_query(descriptions=False),
                                            operation="IntrospectionQuery")
        reason = _refused(answer)
    except SyncError as exc:
        if isinstance(exc, AuthenticationError):
            raise
        answer, reason = {}, str(exc)
    if reason is None:
        try:
            schema = build_client_schema(answer["data"])
        except (TypeError, ValueError, KeyError, GraphQLError) as exc:
            reason = f"the schema Afosto sent could not be read ({exc})"
        else:
            ops = check_documents(schema)
            bad = [op.operation for op in ops if not op.ok]
            note = ("Every Afosto operation fits this account's API." if not bad else
                    f"{len(bad)} of {len(ops)} Afosto operations do not fit this account's API: "
                    f"{', '.join(bad)}.")
            return SchemaCheck(source="introspection", note=note, operations=ops)
    log.info("Afosto schema not readable: %s", reason)
    await client.connection_test()
    return SchemaCheck(
        source="connection test",
        note=(f"Afosto does not let this key read its schema ({reason}), so the operations could not be "
              "checked one by one. The connection test worked."),
        operations=[OperationCheck(operation=n, verdict="ok" if n == "ConnectionTest" else "unchecked")
                    for n in afosto.OPERATIONS])
