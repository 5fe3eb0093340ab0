"""The schema check: every Afosto document and what the sync sends with it, against the tenant's schema."""

from __future__ import annotations

import json
import pathlib

import httpx
import pytest
from graphql import GraphQLEnumType, GraphQLSchema, build_schema, graphql_sync, print_schema

from epages_sync.clients import afosto_contract as contract
from epages_sync.clients.afosto import OPERATIONS, AfostoClient, load_document
from epages_sync.clients.http import HttpPolicy, ManualClock
from epages_sync.clients.schema_check import changes_path, check_documents, check_facts, check_schema

REPO = pathlib.Path(__file__).resolve().parents[2]
SDL_PATH = REPO / "epages_sync" / "sandbox" / "afosto" / "schema.graphql"
URL = "https://afosto.test/graphql"

pytestmark = pytest.mark.skipif(not SDL_PATH.exists(),
                                reason="the sandbox's Afosto schema is not in the tree")


def sdl() -> str:
    return SDL_PATH.read_text(encoding="utf-8")


def tenant_without(type_name: str, member: str, *, argument: str | None = None) -> GraphQLSchema:
    """The sandbox schema minus one field, one argument of a field, or one enum value: a tenant whose API
    differs there. Removed on the built schema so the test does not depend on the file's layout."""
    schema = build_schema(sdl())
    owner = schema.type_map[type_name]
    if isinstance(owner, GraphQLEnumType):
        del owner.values[member]
    elif argument is not None:
        del owner.fields[member].args[argument]  # type: ignore[union-attr]
    else:
        del owner.fields[member]  # type: ignore[union-attr]
    return build_schema(print_schema(schema))


def serving(schema: GraphQLSchema, *, introspection: bool = True) -> httpx.MockTransport:
    """A tenant answering with the given schema (no data behind it)."""

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if "__schema" in body["query"] and not introspection:
            return httpx.Response(200, json={"errors": [{"message": "Introspection is disabled",
                                                         "extensions": {"code": "FORBIDDEN"}}]})
        result = graphql_sync(schema, body["query"], variable_values=body.get("variables"),
                              root_value={"channels": {"edges": [], "pageInfo": {"hasNextPage": False}}})
        return httpx.Response(200, json=result.formatted)
    return httpx.MockTransport(handler)


def test_every_document_fits_the_sandbox_schema() -> None:
    checks = check_documents(build_schema(sdl()))
    assert [c.operation for c in checks] == list(OPERATIONS)
    assert [c for c in checks if not c.ok] == []


def test_a_field_the_tenant_lacks_is_named_for_each_operation_that_reads_it() -> None:
    schema = tenant_without("Parcel", "tracking_url")
    bad = {c.operation: c.problems for c in check_documents(schema) if not c.ok}
    # Every document that reads parcels (the order state that mutations answer with included), and only those.
    readers = {op for op in OPERATIONS if "tracking_url" in load_document(op)}
    assert {"AddTrackTraceToItems", "GetOrder", "ListOrders", "SetParcelStatus"} <= readers
    assert set(bad) == readers
    assert bad["GetOrder"] == ["The field 'tracking_url' does not exist on Parcel in this Afosto account. "
                               "Did you mean 'tracking_code'?"]


def test_an_input_field_the_sync_sends_but_the_tenant_lacks_is_named() -> None:
    schema = tenant_without("CreateOrderInput", "meta_data")
    bad = {c.operation: c.problems for c in check_documents(schema) if not c.ok}
    problem = ["The input field 'meta_data' does not exist on CreateOrderInput in this Afosto account, but the "
               "sync sends it."]
    # Named for the order sent alone and for the page's batch (which asks for the short answer).
    assert bad == {"CreateOrder": problem, "CreateOrderBrief": problem}


def test_an_enum_value_and_an_argument_the_tenant_lacks_are_named() -> None:
    schema = tenant_without("ParcelStatus", "READY_FOR_PICKUP")
    bad = {c.operation: c.problems for c in check_documents(schema) if not c.ok}
    assert "SetParcelStatus" in bad
    assert any("READY_FOR_PICKUP" in p and "ParcelStatus" in p for p in bad["SetParcelStatus"])

    no_filters = tenant_without("Query", "inventory", argument="filters")
    bad2 = {c.operation: c.problems for c in check_documents(no_filters) if not c.ok}
    assert list(bad2) == ["Inventory"]
    assert any("argument 'filters' of inventory does not exist" in p for p in bad2["Inventory"])


async def test_the_check_reads_the_tenant_schema_by_introspection() -> None:
    broken = tenant_without("Parcel", "tracking_url")
    async with AfostoClient(URL, "afosto-key-123456", transport=serving(broken),
                            clock=ManualClock()) as client:
        result = await check_schema(client)
    assert result.source == "introspection" and not result.ok
    readers = [op for op in OPERATIONS if "tracking_url" in load_document(op)]
    assert [m.operation for m in result.mismatches] == readers
    assert f"{len(result.mismatches)} of {len(OPERATIONS)}" in result.note


async def test_refused_introspection_is_said_and_the_connection_test_is_used_instead() -> None:
    refusing = serving(build_schema(sdl()), introspection=False)
    async with AfostoClient(URL, "afosto-key-123456", transport=refusing,
                            clock=ManualClock(), policy=HttpPolicy(max_attempts=1)) as client:
        result = await check_schema(client)
    assert result.source == "connection test"
    assert "Introspection is disabled" in result.note and "connection test worked" in result.note
    assert result.changes_path is None and "re-reads its linked orders by id instead" in result.changes_note
    verdicts = {op.operation: op.verdict for op in result.operations}
    assert verdicts["ConnectionTest"] == "ok" and verdicts["CreateOrder"] == "unchecked"
    assert not result.mismatches


def tenant_where(old: str, new: str) -> GraphQLSchema:
    """The sandbox schema with one piece of its text changed: a renamed enum value, another scalar."""
    assert old in sdl()
    return build_schema(sdl().replace(old, new))


# Each assumed fact with one field (or argument) a real account might lack.
ASSUMED_FIELDS = [
    ("unit-state", "OrderItemDetails", "status"),
    ("parcels", "Order", "parcels"),
    ("returns-on-order", "RmaItem", "item_id"),
    ("contra-items", "Order", "contra_items"),
    ("changed-orders-filter", "OrderFilters", "updated_at"),
    ("inventory", "Query", "inventory"),
    ("channel-and-location-lists", "Query", "locations"),
    ("admin-inputs", "AddItemsToOrderInput", "items"),
]


def test_every_assumed_fact_is_tested_on_its_own() -> None:
    assumed = {f.key for f in contract.FACTS if f.evidence == contract.Evidence.ASSUMED}
    assert {key for key, _, _ in ASSUMED_FIELDS} == assumed


@pytest.mark.parametrize(("key", "type_name", "field"), ASSUMED_FIELDS)
def test_an_account_without_an_assumed_field_names_the_assumption_and_what_the_sync_does(
        key: str, type_name: str, field: str) -> None:
    facts = {f.key: f for f in check_facts(tenant_without(type_name, field))}
    broken = [f for f in facts.values() if f.holds is False]
    assert facts[key].holds is False, [f.key for f in broken]
    fact = next(f for f in contract.FACTS if f.key == key)
    message = facts[key].message
    assert message.startswith("Not in this Afosto account (assumed): ") and fact.what in message
    assert fact.without in message
    assert any(f"'{field}'" in p for p in facts[key].problems)
    if fact.fallback is not None:
        # The slower path needs nothing missing: no operation is blocked, and the check names the path.
        assert all(c.ok for c in check_documents(tenant_without(type_name, field)))
        assert "re-reads its linked, unfinished orders by id instead" in message
        assert changes_path(facts.values()) == contract.ChangesPath.REREAD_LINKED
    else:
        assert changes_path(facts.values()) == contract.ChangesPath.UPDATED_FILTER


def test_a_renamed_status_the_engine_compares_and_a_changed_scalar_are_named_in_plain_words() -> None:
    schema = tenant_where("enum OrderItemStatus {\n  OPEN\n  CANCELLED", "enum OrderItemStatus {\n  OPEN\n  CANCELED")
    schema = build_schema(print_schema(schema).replace(
        "type OrderItemPricing {\n  \"\"\"Gross unit price in cents.\"\"\"\n  amount: Money!",
        "type OrderItemPricing {\n  amount: Float!"))
    bad = {c.operation: c.problems for c in check_documents(schema) if not c.ok}
    assert set(bad) == {op for op in OPERATIONS if "...OrderState" in load_document(op)}
    assert bad["GetOrder"] == [
        "The value CANCELLED of OrderItemStatus does not exist in this Afosto account; the sync compares a "
        "unit's status (status of OrderItemDetails) with it, so it would never match.",
        "The field 'amount' of OrderItemPricing is Float in this Afosto account; the sync reads it as Money "
        "(whole cents)."]
    broken = {f.key: f for f in check_facts(schema) if f.holds is False}
    assert set(broken) == {"unit-state", "order-lines"}
    assert "CANCELLED" in broken["unit-state"].problems[0]


def test_a_scalar_the_sync_sends_that_changed_is_named() -> None:
    schema = tenant_where("  price: Money!\n  label: String\n", "  price: Float!\n  label: String\n")
    bad = {c.operation: c.problems for c in check_documents(schema) if not c.ok}
    assert bad == {"AddItemsToOrder": ["The input field 'price' of OrderItemInput is Float in this Afosto "
                                       "account; the sync sends Money (whole cents)."]}


def test_a_value_that_does_not_fit_is_named_without_the_customer_data_in_it() -> None:
    # An account whose family names are numbers: what the sync sends (the customer's name) does not fit.
    schema = tenant_where("  given_name: String\n  additional_name: String\n  family_name: String\n}\n\n"
                          "\"\"\"\nCONCEPT",
                          "  given_name: String\n  additional_name: String\n  family_name: Int\n}\n\n"
                          "\"\"\"\nCONCEPT")
    problems = next(c.problems for c in check_documents(schema) if c.operation == "CreateOrder")
    assert problems and all("family_name" in p for p in problems)
    shown = " ".join(problems)
    for customer_data in ("Müller", "Anna", "Lange Reihe", "Hamburg", "anna@example.com"):
        assert customer_data not in shown


async def test_the_check_says_which_way_changes_in_afosto_are_found() -> None:
    async with AfostoClient(URL, "afosto-key-123456", transport=serving(build_schema(sdl())),
                            clock=ManualClock()) as client:
        with_filter = await check_schema(client)
    async with AfostoClient(URL, "afosto-key-123456",
                            transport=serving(tenant_without("OrderFilters", "updated_at")),
                            clock=ManualClock()) as client:
        without = await check_schema(client)
    assert with_filter.ok and with_filter.changes_path == contract.ChangesPath.UPDATED_FILTER
    assert "updated_at, assumed; it fits this account" in with_filter.changes_note
    assert without.ok and without.changes_path == contract.ChangesPath.REREAD_LINKED
    assert "re-reads its linked, unfinished orders by id" in without.changes_note
    assert [f.key for f in without.failed_facts] == ["changed-orders-filter"]
