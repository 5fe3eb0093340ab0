"""Reading granted ePages scopes and building the permission table the wizard and ``check`` show."""

from __future__ import annotations

import base64
import json

from epages_sync.clients.scopes import (
    REQUIRED_SCOPES,
    GrantedScopes,
    flows_without_scopes,
    label_for,
    scope_for_call,
    scope_table,
)
from epages_sync.config import ALL_FLOWS, Flow

EIGHT = "prod:r prda:ru ordr:ru shpr:cru"


def _jwt(claims: dict) -> str:
    def part(d: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")
    return f"{part({'alg': 'RS256'})}.{part(claims)}.signature"


def test_merged_letters_count_as_separate_permissions() -> None:
    granted = GrantedScopes(["ordr:ru prod:cr"])
    assert granted.has("ordr:r") and granted.has("ordr:u") and granted.has("prod:c")
    assert granted.has("ordr:ur")  # order of letters does not matter
    assert not granted.has("ordr:c")
    assert not granted.has("shpr:r")
    assert granted.as_list() == ["ordr:r", "ordr:u", "prod:c", "prod:r"]


def test_scopes_from_token_text_and_from_the_jwt_claim() -> None:
    from_text = GrantedScopes.from_token_response({"access_token": "x", "scope": "prda:ur shpr:c"})
    assert from_text.has("prda:u") and from_text.has("shpr:c")
    token = _jwt({"scope": ["prda:ru", "shpr:c"], "tenantId": 1})
    from_jwt = GrantedScopes.from_token_response({"access_token": token})
    assert from_jwt == from_text
    assert not GrantedScopes.from_jwt("not-a-jwt")


def test_the_table_lists_the_eight_then_what_each_chosen_flow_needs() -> None:
    granted = GrantedScopes([EIGHT, "clpr:cr"])
    rows = scope_table(granted, {Flow.CANCELLATIONS, Flow.RETURNS})
    assert [r.scope for r in rows[:8]] == [s.scope for s in REQUIRED_SCOPES]
    assert all(r.present and r.required_for == ["all"] for r in rows[:8])
    extra = {r.scope: r for r in rows[8:]}
    assert set(extra) == {"clpr:c", "clpr:r", "ordp:r", "rtpr:c", "rtpr:r"}
    assert extra["clpr:c"].present and not extra["rtpr:c"].present
    # A scope two flows need is listed once, naming both.
    assert extra["ordp:r"].required_for == ["cancellations", "returns"]
    assert rows[2].label_de == "Produktverfügbarkeit aktualisieren"


def test_a_missing_flow_scope_stops_only_that_flow() -> None:
    granted = GrantedScopes([EIGHT, "loca:r shpz:r ordp:r clpr:cr"])
    blocked = flows_without_scopes(granted, ALL_FLOWS)
    assert blocked == {Flow.RETURNS: ["rtpr:c", "rtpr:r"]}
    # Without one of the eight, every flow stops and names it.
    lacking = flows_without_scopes(GrantedScopes(["prod:r ordr:ru shpr:cru"]), {Flow.ORDERS, Flow.INVENTORY})
    assert lacking[Flow.INVENTORY] == ["prda:r", "prda:u"]
    assert lacking[Flow.ORDERS][:2] == ["prda:r", "prda:u"]


def test_a_forbidden_call_is_traced_to_the_box_to_tick() -> None:
    assert scope_for_call("POST", "/products/p1/variations/v1/availability/adjust-available-stock") \
        == "prda:u"
    assert scope_for_call("GET", "/products/p1/availability") == "prda:r"
    assert scope_for_call("POST", "/orders/o1/processes/shippings/s1/mark-shipped") == "shpr:u"
    assert scope_for_call("POST", "/orders/o1/processes/pickups") == "shpr:c"
    assert scope_for_call("POST", "/orders/o1/cancel") == "clpr:c"
    assert scope_for_call("GET", "/orders/o1/processes") == "ordp:r"
    assert scope_for_call("GET", "/orders") == "ordr:r"
    assert scope_for_call("GET", "/pickup-options") == "shpz:r"
    assert label_for("prda:u") == "Produktverfügbarkeit aktualisieren"
