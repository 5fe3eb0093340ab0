"""The connection check: one report of everything a person must fix before the sync can run."""

from __future__ import annotations

import base64
import json
import pathlib

import httpx
import pytest
from graphql import build_schema, graphql_sync

from epages_sync.config import Flow, Settings
from epages_sync.connection_check import ProblemKind, Service, advice, press, run_check

REPO = pathlib.Path(__file__).resolve().parents[2]
SDL_PATH = REPO / "epages_sync" / "sandbox" / "afosto" / "schema.graphql"
pytestmark = pytest.mark.skipif(not SDL_PATH.exists(),
                                reason="the sandbox's Afosto schema is not in the tree")

EIGHT = "prod:r prda:ru ordr:ru shpr:cru"
EVERYTHING = EIGHT + " ordp:r clpr:cr rtpr:cr loca:r shpz:r"


def connection(kind: str, nodes: list[dict]) -> dict:
    return {"edges": [{"cursor": n["id"], "node": n} for n in nodes],
            "pageInfo": {"hasNextPage": False, "endCursor": None}}


class World:
    """Both services behind one transport, with knobs for what can go wrong."""

    def __init__(self, scopes: str = EVERYTHING, secret: str = "ep-secret-123",
                 key: str = "af-key-123456") -> None:
        self.scopes, self.secret, self.key = scopes, secret, key
        self.schema = build_schema(SDL_PATH.read_text(encoding="utf-8"))
        self.root = {
            "channels": connection("channel", [{"id": "ch1", "name": "Webshop (ePages)", "pricing": {"currency": "EUR"}},
                                               {"id": "ch2", "name": "Marketplace", "pricing": {"currency": "EUR"}}]),
            "locations": connection("location", [
                {"id": "L1", "name": "Central warehouse", "type": "WAREHOUSE"},
                {"id": "L2", "name": "Shop Hamburg", "type": "STORE"}])}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "afosto.app":
            if request.headers.get("Authorization") != f"Bearer {self.key}":
                return httpx.Response(200, json={"errors": [{"message": "Invalid API key",
                                                             "extensions": {"code": "UNAUTHORIZED"}}]})
            body = json.loads(request.content)
            result = graphql_sync(self.schema, body["query"], root_value=self.root,
                                  variable_values=body.get("variables"))
            return httpx.Response(200, json=result.formatted)
        path = request.url.path.removeprefix("/api")
        if path == "/oauth/token":
            expected = "Basic " + base64.b64encode(f"cid:{self.secret}".encode()).decode()
            if request.headers.get("Authorization") != expected:
                return httpx.Response(401, json={"error": "unauthorized",
                                                 "error_description": "Bad credentials"})
            return httpx.Response(200, json={"access_token": "tok-abcdef123", "expires_in": 43199,
                                             "scope": self.scopes})
        if path == "/shop/locations":
            return httpx.Response(200, json={"_embedded": {"locations": [
                {"_id": "EL1", "companyName": "Kaffeerösterei Hamburg", "storeCode": "HH-01"}]}})
        if path == "/pickup-options":
            return httpx.Response(200, json={"_embedded": {"pickup-options": [
                {"_id": "PO1", "name": "Abholung in Hamburg", "_embedded": {"location": {"_id": "EL1"}}}]}})
        return httpx.Response(404)


def settings(**changes: object) -> Settings:
    values: dict[str, object] = dict(store_name="kaffee", client_id="cid", afosto_channel_id="ch1")
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]


async def test_all_well_means_every_flow_can_run() -> None:
    report = await run_check(settings(), client_secret="ep-secret-123", afosto_key="af-key-123456",
                             transport=httpx.MockTransport(World()))
    assert report.epages_ok and report.afosto_ok
    assert report.flows_runnable(), report.blocked_flows()
    assert report.channel is not None
    assert (report.channel.name, report.channel.currency) == ("Webshop (ePages)", "EUR")
    assert [p.name for p in report.epages_locations or []] == ["Kaffeerösterei Hamburg"]
    assert report.pickup_options and report.pickup_options[0].detail == "Kaffeerösterei Hamburg"
    assert [p.id for p in report.afosto_locations or []] == ["L1", "L2"]
    assert report.schema_check is not None and report.schema_check.ok
    text = report.to_text()
    assert "Produktverfügbarkeit aktualisieren" in text and "Webshop (ePages) (EUR)" in text
    assert "MISSING" not in text and "FAILED" not in text
    dumped = json.loads(report.model_dump_json())
    assert dumped["scopes"][0] == {"scope": "prod:r", "label_de": "Produkte lesen",
                                   "meaning_en": "read products, find them by SKU", "required_for": ["all"],
                                   "present": True}
    assert "tok-abcdef123" not in report.model_dump_json() + text


async def test_a_missing_return_permission_turns_off_only_returns_and_names_the_box() -> None:
    world = World(scopes=EIGHT + " ordp:r clpr:cr loca:r shpz:r")
    report = await run_check(settings(), client_secret="ep-secret-123", afosto_key="af-key-123456",
                             transport=httpx.MockTransport(world))
    blocked = report.blocked_flows()
    assert list(blocked) == [Flow.RETURNS]
    assert "rtpr:c (Retourenprozesse erstellen)" in blocked[Flow.RETURNS][0]
    assert not report.flows_runnable() and report.flows_runnable({Flow.ORDERS, Flow.INVENTORY})
    rows = {r.scope: r.present for r in report.scopes}
    assert rows["rtpr:c"] is False and rows["clpr:c"] is True
    assert "OFF - permission rtpr:c" in report.to_text()
    assert list(json.loads(report.model_dump_json())["blocked"]) == ["returns"]


async def test_wrong_epages_secret_is_reported_and_afosto_is_still_checked() -> None:
    report = await run_check(settings(flows={Flow.ORDERS}), client_secret="wrong-secret",
                             afosto_key="af-key-123456", transport=httpx.MockTransport(World()))
    assert not report.epages_ok and report.epages_problem is not None
    assert report.epages_problem.title == "Credentials refused"
    assert report.afosto_ok and report.channel is not None
    assert report.blocked_flows() == {Flow.ORDERS: ["the ePages login failed"]}
    assert "wrong-secret" not in report.model_dump_json()


async def test_afosto_key_and_channel_problems_are_reported() -> None:
    bad_key = await run_check(settings(), client_secret="ep-secret-123", afosto_key="not-the-key",
                              transport=httpx.MockTransport(World()))
    assert not bad_key.afosto_ok and bad_key.afosto_problem
    assert bad_key.afosto_problem.title == "Credentials refused"
    assert not bad_key.flows_runnable()
    # Told as Afosto's refusal, with the reader's own way to try again, not as ePages credentials.
    problem = bad_key.afosto_problem
    assert (problem.service, problem.kind) == (Service.AFOSTO, ProblemKind.CREDENTIALS)
    title, text = advice(problem, again=press("Check"))
    assert title == "API key refused" and text.startswith("Afosto did not accept this API key.")
    assert text.endswith("then press Check.") and "ePages" not in text and "client" not in text
    line = next(row for row in bad_key.to_text().splitlines() if row.strip().startswith("API key"))
    assert "API key refused" in line and line.endswith("then run 'epages-sync check' again.")

    gone = await run_check(settings(afosto_channel_id="deleted"), client_secret="ep-secret-123",
                           afosto_key="af-key-123456", transport=httpx.MockTransport(World()))
    assert gone.afosto_ok and gone.channel is None
    assert gone.channel_problem and "deleted" in gone.channel_problem.message
    assert [c.id for c in gone.channels] == ["ch1", "ch2"]  # so the wizard can offer the others
    assert all("sales channel was not found" in r[0] for r in gone.blocked_flows().values())


async def test_the_report_says_which_way_changes_in_afosto_are_found() -> None:
    world = World()
    world.schema = build_schema(SDL_PATH.read_text(encoding="utf-8").replace(
        "  updated_at: InequalityFilter\n  progress: OrderProgressFilter", "  progress: OrderProgressFilter"))
    report = await run_check(settings(), client_secret="ep-secret-123", afosto_key="af-key-123456",
                             transport=httpx.MockTransport(world))
    # A missing assumed filter with a slower fallback stops nothing, and the report says which way is used.
    assert report.flows_runnable(), report.blocked_flows()
    text = report.to_text()
    assert "Changes in Afosto" in text and "re-reads its linked, unfinished orders by id" in text
    assert "Not in this Afosto account (assumed): the orders list filters by last change" in text

    report = await run_check(settings(), client_secret="ep-secret-123", afosto_key="af-key-123456",
                             transport=httpx.MockTransport(World()))
    assert "updated_at, assumed; it fits this account" in report.to_text()
