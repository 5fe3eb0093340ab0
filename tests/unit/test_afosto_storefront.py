"""The Afosto model against Afosto's own public client: the storefront package's GetOrder, GetChannel and
GetAccountRma documents (read from ../shared, never copied) validate against the sandbox schema, and every
order field the sync reads that the storefront does not is a listed fact of afosto_contract."""

from __future__ import annotations

import pathlib
import re

import pytest
from graphql import DocumentNode, FieldNode, FragmentSpreadNode, OperationDefinitionNode, parse, validate

from epages_sync.clients import afosto_contract as contract
from epages_sync.clients.afosto import load_document
from epages_sync.sandbox.afosto import afosto_schema

REPO = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = pathlib.Path("reference") / "afosto-storefront-4.0.5" / "dist" / "index.js"


def _bundle() -> pathlib.Path | None:
    # The shared folder sits beside the repository; a worktree elsewhere finds it at /work/shared.
    for shared in (REPO.parent / "shared", pathlib.Path("/work/shared")):
        if (shared / PACKAGE).is_file():
            return shared / PACKAGE
    return None


BUNDLE = _bundle()
needs_package = pytest.mark.skipif(BUNDLE is None, reason="the storefront package is not in ../shared")

# Each document is a tagged template `gql\`...\``; ${Name} splices in another one (its fragments).
_TEMPLATE = re.compile(r"var (\w+) = import_graphql_client\d*\.gql`(.*?)`;", re.S)
_SPLICE = re.compile(r"\$\{(\w+)\}")


def storefront_document(operation: str) -> DocumentNode:
    """One operation of the package with its fragments, each fragment once (as the package's gql tag does)."""
    assert BUNDLE is not None
    templates = dict(_TEMPLATE.findall(BUNDLE.read_text(encoding="utf-8")))

    def expand(text: str) -> str:
        return _SPLICE.sub(lambda m: expand(templates[m.group(1)]), text)

    for text in templates.values():
        document = parse(expand(text))
        names = [d.name.value for d in document.definitions if isinstance(d, OperationDefinitionNode) and d.name]
        if names == [operation]:
            unique = {d.name.value: d for d in document.definitions}  # type: ignore[union-attr]
            return DocumentNode(definitions=tuple(unique.values()))
    raise AssertionError(f"the package has no operation {operation}")


@needs_package
@pytest.mark.parametrize("operation", ["GetOrder", "GetChannel", "GetAccountRma"])
def test_the_storefront_documents_fit_the_sandbox_schema(operation: str) -> None:
    errors = validate(afosto_schema(), storefront_document(operation))
    assert [e.message for e in errors] == []


def _paths(document: DocumentNode, root: str) -> set[str]:
    """Dotted field paths (by field name, aliases ignored) under the field or fragment ``root``."""
    fragments = {d.name.value: d for d in document.definitions if not isinstance(d, OperationDefinitionNode)}
    out: set[str] = set()

    def walk(selections: tuple, prefix: str) -> None:
        for sel in selections:
            if isinstance(sel, FragmentSpreadNode):
                walk(fragments[sel.name.value].selection_set.selections, prefix)  # type: ignore[attr-defined]
            elif isinstance(sel, FieldNode):
                path = f"{prefix}.{sel.name.value}" if prefix else sel.name.value
                out.add(path)
                if sel.selection_set:
                    walk(sel.selection_set.selections, path)

    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    top = next(s for s in operation.selection_set.selections if isinstance(s, FieldNode) and s.name.value == root)
    assert top.selection_set is not None
    walk(top.selection_set.selections, "")
    return out


@needs_package
def test_every_order_field_the_sync_reads_beyond_the_storefront_is_a_listed_fact() -> None:
    seen = _paths(storefront_document("GetOrder"), "order")
    read = _paths(parse(load_document("GetOrder")), "order")
    beyond = sorted(read - seen)
    assert beyond  # the admin-side state: the storefront cannot show everything the sync needs
    unlisted = []
    for path in beyond:
        fact = contract.fact_of(f"OrderState:{path}")
        if fact is None or fact.evidence == contract.Evidence.STOREFRONT:
            unlisted.append(path)
    assert unlisted == []
    # And what the storefront does show is read as it shows it.
    assert {"items.ids", "items.details.pricing.amount", "items.details.meta_data", "fees.shipping.total",
            "delivery.pickup_point.id"} <= read & seen


def test_the_project_description_lists_every_fact_with_its_evidence() -> None:
    text = (REPO / "docs" / "afosto.md").read_text(encoding="utf-8")
    rows = {line.split(":")[0].strip("| "): line for line in text.splitlines() if line.startswith("| ")}
    for fact in contract.FACTS:
        assert fact.key in rows, fact.key
        assert f"| {fact.evidence} |" in rows[fact.key], fact.key


@needs_package
async def test_the_sandbox_answers_the_storefront_documents_without_errors() -> None:
    from graphql import print_ast

    from epages_sync.sandbox.afosto import AfostoWorld
    from epages_sync.sandbox.afosto.api import rma_id
    from epages_sync.sandbox.seed import build_world

    world = AfostoWorld(build_world(7), clock=lambda: 1_760_000_000.0)
    ledger, seed = world.ledger, world.seed_world
    order = ledger.create_order({
        "channel_id": seed.default_channel.channel_id, "currency": "EUR", "fees": {"shipping": 495},
        "customer": {"contact": {"email": "anna@example.com", "given_name": "Anna"}, "reference": "1001"},
        "delivery": {"address": {"country_code": "DE", "locality": "Hamburg"}}})
    ledger.add_items({"order_id": order.id, "items": [{"sku": "CF-1001", "quantity": 2, "price": 1990}]})
    parcel, _ = ledger.add_parcel({"items": [i.id for i in order.items]})
    for status in ("IN_TRANSIT", "DELIVERED"):
        ledger.set_parcel_status({"parcel_id": parcel.id, "status": status})
    ledger.receive_items({"order_id": order.id, "items": [
        {"item_id": order.items[0].id, "contra_item_id": "0b6a1a8e-7d8e-4d36-9d0e-1a2b3c4d5e6f",
         "outcome": "ACCEPTED"}]})

    async def answer(operation: str, variables: dict) -> dict:  # type: ignore[type-arg]
        body = await world.execute(print_ast(storefront_document(operation)), variables, operation)
        assert "errors" not in body, body["errors"]
        return body["data"]

    read = (await answer("GetOrder", {"id": order.id}))["order"]
    assert [(line["sku"], line["quantity"], len(line["details"])) for line in read["items"]] == [("CF-1001", 2, 2)]
    assert [f["total"] for f in read["fees"]["shipping"]] == [495] and read["state"] == "OPEN"
    channel = (await answer("GetChannel", {"id": seed.default_channel.channel_id}))["channel"]
    assert channel["pricing"] == {"currency": "EUR"}
    rma = (await answer("GetAccountRma", {"id": rma_id(order)}))["rma"]
    assert [(i["product"]["sku"], i["status"], i["order"]["number"]) for i in rma["items"]] == [
        ("CF-1001", "AUTHORIZED", order.number)]
