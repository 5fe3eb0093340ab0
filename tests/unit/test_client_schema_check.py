"""The schema check: every Afosto document and what the sync sends with it, against the tenant's schema."""

from __future__ import annotations

import json
import pathlib

import httpx
import pytest
from graphql import GraphQLEnumType, GraphQLSchema, build_schema, graphql_sync, print_schema

from epages_sync.clients.afosto import OPERATIONS, AfostoClient, load_document
from epages_sync.clients.http import HttpPolicy, ManualClock
from epages_sync.clients.schema_check import check_documents, check_schema, plain_words

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
    assert bad == {"CreateOrder": ["The input field 'meta_data' does not exist on CreateOrderInput in this "
                                   "Afosto account, but the sync sends it."]}


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
    assert f"{len(result.mismatches)} of 15" in result.note


async def test_refused_introspection_is_said_and_the_connection_test_is_used_instead() -> None:
    refusing = serving(build_schema(sdl()), introspection=False)
    async with AfostoClient(URL, "afosto-key-123456", transport=refusing,
                            clock=ManualClock(), policy=HttpPolicy(max_attempts=1)) as client:
        result = await check_schema(client)
    assert result.source == "connection test"
    assert "Introspection is disabled" in result.note and "connection test worked" in result.note
    verdicts = {op.operation: op.verdict for op in result.operations}
    assert verdicts["ConnectionTest"] == "ok" and verdicts["CreateOrder"] == "unchecked"
    assert not result.mismatches


def test_graphql_messages_in_plain_words() -> None:
    assert plain_words("Unknown type 'OrderFilter'.") == \
        "The type OrderFilter does not exist in this Afosto account."
    assert plain_words("Something else entirely.") == "Something else entirely."
