"""Checks every Afosto operation document, and the variables the sync would send with it, against the
tenant's own schema (read by introspection), and says in plain words which field, argument, enum value or
scalar kind does not fit, and which fact of afosto_contract (documented, seen in the storefront, assumed)
does not hold. The words are the project's own, never a library's, and never repeat a value sent.

Where Afosto refuses introspection, the check says so and falls back to the harmless connection test.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLSchema,
    NamedTypeNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    build_client_schema,
    get_introspection_query,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
    is_type_sub_type_of,
    parse,
    type_from_ast,
    validate,
    visit,
)
from graphql.pyutils import Undefined, suggestion_list
from pydantic import BaseModel

from ..errors import AuthenticationError, SyncError
from ..graphql_inputs import InputProblem, variable_problems
from . import afosto
from . import afosto_contract as contract
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


class FactCheck(BaseModel):
    """One fact of afosto_contract on this account: holds, does not hold (with why), or could not be checked."""

    key: str
    evidence: contract.Evidence
    what: str
    holds: bool | None
    problems: list[str] = []
    message: str = ""

    @classmethod
    def of(cls, fact: contract.Fact, problems: list[str] | None, *, checked: bool = True) -> FactCheck:
        holds = None if not checked else not problems
        message = "" if holds is not False else (
            f"Not in this Afosto account ({fact.evidence}): {fact.what}. Without it {fact.without}.")
        return cls(key=fact.key, evidence=fact.evidence, what=fact.what, holds=holds,
                   problems=list(dict.fromkeys(problems or [])), message=message)


class SchemaCheck(BaseModel):
    """The outcome for all operations and facts, with one sentence on how the check could be done."""

    source: Literal["introspection", "connection test"]
    note: str
    operations: list[OperationCheck]
    facts: list[FactCheck] = []
    # None when the schema could not be read: the watcher then tries the filter and falls back by itself.
    changes_path: contract.ChangesPath | None = None

    @property
    def failed_facts(self) -> list[FactCheck]:
        return [f for f in self.facts if f.holds is False]

    @property
    def changes_note(self) -> str:
        """Which way the sync finds orders changed in Afosto, in plain words."""
        if self.changes_path == contract.ChangesPath.REREAD_LINKED:
            return ("This account's orders list has no updated_at filter: the sync re-reads its linked, "
                    "unfinished orders by id (100 per request) to find changes made in Afosto. Slower, but "
                    "it needs only the documented id filter.")
        if self.changes_path == contract.ChangesPath.UPDATED_FILTER:
            return ("Changes made in Afosto are found with the orders list filtered by last change "
                    "(updated_at, assumed; it fits this account).")
        return ("Changes made in Afosto are looked for with the updated_at filter; if Afosto refuses it, the "
                "sync re-reads its linked orders by id instead.")

    @property
    def ok(self) -> bool:
        return all(op.verdict == "ok" for op in self.operations)

    @property
    def mismatches(self) -> list[OperationCheck]:
        return [op for op in self.operations if op.verdict == "mismatch"]


# --- plain words, in the project's own wording ----------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One thing that does not fit: where (see afosto_contract) and what, in plain words."""

    place: str
    message: str


def _suggest(name: str, options: Iterable[str]) -> str:
    found = suggestion_list(name, list(options))
    return f" Did you mean '{found[0]}'?" if found else ""


class _DocumentWalk(Visitor):
    """Walks one document against the account's schema and words every field, argument and type that does
    not fit it, and every enum value or scalar kind the engine depends on that differs."""

    def __init__(self, schema: GraphQLSchema, type_info: TypeInfo) -> None:
        super().__init__()
        self.schema = schema
        self.type_info = type_info
        self.findings: list[Finding] = []
        self._doc = ""
        self._path: list[str] = []
        self._variables: dict[str, Any] = {}

    def _place(self) -> str:
        return f"{self._doc}:{'.'.join(self._path)}"

    def _add(self, message: str, place: str | None = None) -> None:
        self.findings.append(Finding(place or self._place(), message))

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        self._doc = node.name.value if node.name else "anonymous"
        self._path = []
        self._variables = {}

    def enter_fragment_definition(self, node: FragmentDefinitionNode, *_: Any) -> None:
        self._doc = node.name.value
        self._path = []
        if self.schema.get_type(node.type_condition.name.value) is None:
            self._add(f"The type {node.type_condition.name.value} does not exist in this Afosto account.")

    def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> None:
        name = node.variable.name.value
        type_ = type_from_ast(self.schema, node.type)
        if type_ is None:
            named = node.type
            while not isinstance(named, NamedTypeNode):
                named = named.type  # type: ignore[attr-defined]
            self._add(f"The type {named.name.value} does not exist in this Afosto account.", f"{self._doc}${name}")
        self._variables[name] = type_

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        name = node.name.value
        self._path.append(name)
        parent = self.type_info.get_parent_type()
        field = self.type_info.get_field_def()
        if parent is None or name.startswith("__"):
            return
        if field is None:
            fields = getattr(parent, "fields", {})
            self._add(f"The field '{name}' does not exist on {parent.name} in this Afosto account."
                      + _suggest(name, fields))
            return
        named = get_named_type(field.type)
        if is_leaf_type(named) and node.selection_set:
            self._add(f"The field '{name}' of {parent.name} is a single value ({named.name}) in this Afosto "
                      "account, but the sync asks for parts of it.")
        elif not is_leaf_type(named) and not node.selection_set:
            self._add(f"The field '{name}' of {parent.name} has parts ({named.name}) in this Afosto account, "
                      "but the sync reads it as a single value.")
        given = {a.name.value for a in node.arguments or ()}
        for arg_name, arg in field.args.items():
            if is_non_null_type(arg.type) and arg.default_value is Undefined and arg_name not in given:
                self._add(f"Afosto requires the argument '{arg_name}' of {name}, which the document does not "
                          "give.")
        self._check_kind(parent.name, name, named)

    def leave_field(self, *_: Any) -> None:
        self._path.pop()

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        field = self.type_info.get_field_def()
        if field is None:
            return
        field_name = self._path[-1] if self._path else ""
        arg = self.type_info.get_argument()
        if arg is None:
            self._add(f"The argument '{node.name.value}' of {field_name} does not exist in this Afosto "
                      "account.", f"{self._place()}({node.name.value})")
            return
        if isinstance(node.value, VariableNode):
            given = self._variables.get(node.value.name.value)
            if given is not None and not is_type_sub_type_of(self.schema, given, arg.type):
                self._add(f"The argument '{node.name.value}' of {field_name} takes {arg.type} in this Afosto "
                          f"account, but the document gives {given}.", f"{self._doc}${node.value.name.value}")

    def _check_kind(self, parent: str, name: str, named: Any) -> None:
        place = self._place()
        expected = contract.SCALAR_KINDS.get(place)
        if expected is not None and named.name != expected:
            self._add(f"The field '{name}' of {parent} is {named.name} in this Afosto account; the sync reads it "
                      f"as {expected} ({contract.SCALAR_MEANING.get(expected, expected)}).")
        compared = contract.ENUM_READS.get(place)
        if compared is not None and isinstance(named, GraphQLEnumType):
            what, values = compared
            for value in values:
                if str(value) not in named.values:
                    self._add(f"The value {value} of {named.name} does not exist in this Afosto account; the "
                              f"sync compares {what} ({name} of {parent}) with it, so it would never match.")


def document_findings(schema: GraphQLSchema, document: DocumentNode) -> list[Finding]:
    """Every part of ``document`` that does not fit ``schema``, in plain words and with its place."""
    type_info = TypeInfo(schema)
    walk = _DocumentWalk(schema, type_info)
    visit(document, TypeInfoVisitor(type_info, walk))
    if not walk.findings:
        # Whatever else graphql-core finds (it has more rules than this walk words): kept, as a last resort.
        return [Finding("", f"The document does not fit this Afosto account's API: {e.message}")
                for e in validate(schema, document)]
    return walk.findings


def _input_scalar_kinds(schema: GraphQLSchema, operation: OperationDefinitionNode, doc: str) -> list[Finding]:
    """Scalar kinds of what the sync sends, where the kind matters (cents, milliseconds), by input path."""
    out: list[Finding] = []
    types = {d.variable.name.value: type_from_ast(schema, d.type)
             for d in operation.variable_definitions or ()}
    for place, expected in contract.SCALAR_KINDS.items():
        prefix, _, path = place.partition("$")
        if prefix != doc or not path:
            continue
        variable, *names = path.split(".")
        type_: Any = types.get(variable)
        owner = ""
        for name in names:
            named = get_named_type(type_) if type_ is not None else None
            if not isinstance(named, GraphQLInputObjectType) or name not in named.fields:
                type_ = None
                break
            owner, type_ = named.name, named.fields[name].type
        found = get_named_type(type_) if type_ is not None else None
        if found is not None and found.name != expected:
            out.append(Finding(place, f"The input field '{names[-1]}' of {owner} is {found.name} in this Afosto "
                                      f"account; the sync sends {expected} "
                                      f"({contract.SCALAR_MEANING.get(expected, expected)})."))
    return out


def input_words(problem: InputProblem) -> str:
    """One variable problem in plain words; the value the sync would send is never repeated."""
    if problem.kind == "unknown_field":
        return (f"The input field '{problem.name}' does not exist on {problem.type_name} in this Afosto "
                "account, but the sync sends it.")
    if problem.kind == "missing_field":
        return (f"Afosto requires the input field '{problem.name}' ({problem.required_type}), which the sync "
                "does not send.")
    if problem.kind == "unknown_enum_value":
        return f"Afosto does not know the value {problem.name} of {problem.type_name}, which the sync sends."
    if problem.kind == "unknown_type":
        return f"The type {problem.type_name} does not exist in this Afosto account."
    return (f"The input field '{problem.field_path}' takes {problem.type_name} in this Afosto account; what the "
            "sync sends there does not fit it.")


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
    samples: dict[str, list[dict[str, Any]]] = {
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
    # The brief answers of the page's batches send what their whole-answer operations send.
    for name in ("CreateOrder", "AddTrackTraceToItems", "SetParcelStatus"):
        samples[f"{name}Brief"] = samples[name]
    return samples


# --- the check itself -------------------------------------------------------------------------------------

def operation_findings(schema: GraphQLSchema, name: str, document: str,
                       variable_sets: Iterable[Mapping[str, Any]] = ()) -> list[Finding]:
    """Everything in one operation (and what the sync sends with it) that does not fit ``schema``."""
    try:
        ast = parse(document)
    except GraphQLError as exc:
        return [Finding(f"{name}:", f"The document is not valid GraphQL: {exc.message}")]
    findings = document_findings(schema, ast)
    operation = next((d for d in ast.definitions if isinstance(d, OperationDefinitionNode)), None)
    if operation is not None and not any(f.place.startswith(f"{name}$") for f in findings):
        findings += _input_scalar_kinds(schema, operation, name)
        for variables in variable_sets:
            findings += [Finding(f"{name}${p.path}", input_words(p))
                         for p in variable_problems(schema, operation, variables)]
    unique: dict[tuple[str, str], Finding] = {(f.place, f.message): f for f in findings}
    return list(unique.values())


def check_operation(schema: GraphQLSchema, name: str, document: str,
                    variable_sets: Iterable[Mapping[str, Any]] = ()) -> OperationCheck:
    """One operation's verdict. A finding that only affects a fact with a slower fallback path (the
    updated_at filter) does not make the operation unusable: it shows under that fact instead."""
    problems = [f.message for f in operation_findings(schema, name, document, variable_sets)
                if not _has_fallback(f.place)]
    unique = list(dict.fromkeys(problems))
    return OperationCheck(operation=name, verdict="mismatch" if unique else "ok", problems=unique)


def _has_fallback(place: str) -> bool:
    fact = contract.fact_of(place)
    return fact is not None and fact.fallback is not None


def check_facts(schema: GraphQLSchema, names: Iterable[str] = afosto.OPERATIONS) -> list[FactCheck]:
    """Each fact of afosto_contract, held or not on this account, with the first finding that breaks it."""
    samples = sample_variables()
    broken: dict[str, list[str]] = {}
    for name in names:
        for finding in operation_findings(schema, name, afosto.load_document(name), samples.get(name, ())):
            fact = contract.fact_of(finding.place)
            if fact is not None:
                broken.setdefault(fact.key, []).append(finding.message)
    return [FactCheck.of(fact, broken.get(fact.key)) for fact in contract.FACTS]


def changes_path(facts: Iterable[FactCheck]) -> contract.ChangesPath:
    """How the watcher will find orders changed in Afosto on this account."""
    held = next((f.holds for f in facts if f.key == "changed-orders-filter"), None)
    return contract.ChangesPath.REREAD_LINKED if held is False else contract.ChangesPath.UPDATED_FILTER


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
            facts = check_facts(schema)
            bad = [op.operation for op in ops if not op.ok]
            note = ("Every Afosto operation fits this account's API." if not bad else
                    f"{len(bad)} of {len(ops)} Afosto operations do not fit this account's API: "
                    f"{', '.join(bad)}.")
            return SchemaCheck(source="introspection", note=note, operations=ops, facts=facts,
                               changes_path=changes_path(facts))
    log.info("Afosto schema not readable: %s", reason)
    await client.connection_test()
    return SchemaCheck(
        source="connection test",
        note=(f"Afosto does not let this key read its schema ({reason}), so the operations could not be "
              "checked one by one. The connection test worked."),
        operations=[OperationCheck(operation=n, verdict="ok" if n == "ConnectionTest" else "unchecked")
                    for n in afosto.OPERATIONS],
        facts=[FactCheck.of(fact, None, checked=False) for fact in contract.FACTS])
