"""The ePages scopes the sync needs, how a token's granted scopes are read, and the table shown to a person.

A token lists its permissions merged per resource (``"ordr:ru"``, or ``["prod:cr"]`` in the JWT), so a scope
is always parsed into resource + set of letters and never compared as a whole string.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from ..config import Flow

_SCOPE_RE = re.compile(r"^([a-z]{4}):([a-z]+)$")


@dataclass(frozen=True)
class ScopeInfo:
    scope: str
    label_de: str  # exactly as the cockpit shows it, so a person can find the box to tick
    meaning_en: str


# The setup guide's eight: without any of them no sync runs at all.
REQUIRED_SCOPES: tuple[ScopeInfo, ...] = (
    ScopeInfo("prod:r", "Produkte lesen", "read products, find them by SKU"),
    ScopeInfo("prda:r", "Produktverfügbarkeit lesen", "read stock"),
    ScopeInfo("prda:u", "Produktverfügbarkeit aktualisieren", "adjust stock"),
    ScopeInfo("ordr:r", "Bestellungen lesen", "read orders"),
    ScopeInfo("ordr:u", "Bestelldaten aktualisieren", "update orders"),
    ScopeInfo("shpr:c", "Versandprozesse erstellen", "create shipping and pickup processes"),
    ScopeInfo("shpr:r", "Versandprozesse lesen", "read shipping and pickup processes"),
    ScopeInfo("shpr:u", "Versandprozesse aktualisieren", "mark shipped, delivered, picked up"),
)

# Scopes beyond the guide's eight, per the API reference. Their cockpit labels are not in the guide; the
# wording follows the cockpit's pattern for the eight above.
_EXTRA: dict[str, ScopeInfo] = {s.scope: s for s in (
    ScopeInfo("ordp:r", "Bestellprozesse lesen", "read all processes of an order at once"),
    ScopeInfo("clpr:c", "Stornoprozesse erstellen", "cancel orders and order lines"),
    ScopeInfo("clpr:r", "Stornoprozesse lesen", "read cancellations"),
    ScopeInfo("rtpr:c", "Retourenprozesse erstellen", "record returns and defects"),
    ScopeInfo("rtpr:r", "Retourenprozesse lesen", "read returns"),
    ScopeInfo("loca:r", "Standorte lesen", "read shop locations (stores, pickup points)"),
    ScopeInfo("shpz:r", "Versandzonen lesen", "read pickup options and the location each belongs to"),
)}

# What each flow needs on top of the eight.
# - Cancellations, shipments and returns read all processes of an order (ordp:r) to see what the shop did
#   and, after a lost answer, what already arrived before anything is sent again.
# - Pickup orders are imported as pickups at the Afosto location mapped to the pickup option's ePages
#   location; without loca:r and shpz:r that mapping can neither be made nor checked at start, and a pickup
#   order could end up at the wrong place. So the orders flow needs both.
FLOW_SCOPES: dict[Flow, tuple[ScopeInfo, ...]] = {
    Flow.ORDERS: (_EXTRA["loca:r"], _EXTRA["shpz:r"]),
    Flow.CANCELLATIONS: (_EXTRA["clpr:c"], _EXTRA["clpr:r"], _EXTRA["ordp:r"]),
    Flow.SHIPMENTS: (_EXTRA["ordp:r"],),
    Flow.RETURNS: (_EXTRA["rtpr:c"], _EXTRA["rtpr:r"], _EXTRA["ordp:r"]),
    Flow.INVENTORY: (),
}

KNOWN_SCOPES: dict[str, ScopeInfo] = {s.scope: s for s in REQUIRED_SCOPES} | _EXTRA

# Order in which flows are listed, matching how a person reads the settings page.
_FLOW_ORDER = (Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.RETURNS, Flow.INVENTORY)


def label_for(scope: str) -> str:
    info = KNOWN_SCOPES.get(scope)
    return info.label_de if info else ""


class GrantedScopes:
    """The permissions a token carries, as resource -> set of letters."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self._granted: dict[str, set[str]] = {}
        for entry in entries:
            for part in str(entry).replace(",", " ").split():
                m = _SCOPE_RE.match(part.strip().lower())
                if m:
                    self._granted.setdefault(m.group(1), set()).update(m.group(2))

    @classmethod
    def from_token_response(cls, body: dict[str, object]) -> GrantedScopes:
        """Read the scopes from the token answer: its ``scope`` text, else the JWT's ``scope`` claim."""
        scope = body.get("scope")
        if isinstance(scope, str) and scope.strip():
            return cls([scope])
        if isinstance(scope, list):
            return cls(str(s) for s in scope)
        token = body.get("access_token")
        return cls.from_jwt(token) if isinstance(token, str) else cls()

    @classmethod
    def from_jwt(cls, token: str) -> GrantedScopes:
        """The payload's ``scope`` claim; the signature is not checked, the server does that on every call."""
        parts = token.split(".")
        if len(parts) < 2:
            return cls()
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        try:
            claims = json.loads(base64.urlsafe_b64decode(payload))
        except (binascii.Error, ValueError):
            return cls()
        scope = claims.get("scope") if isinstance(claims, dict) else None
        if isinstance(scope, str):
            return cls([scope])
        if isinstance(scope, list):
            return cls(str(s) for s in scope)
        return cls()

    def has(self, scope: str) -> bool:
        m = _SCOPE_RE.match(scope.strip().lower())
        if not m:
            return False
        return set(m.group(2)) <= self._granted.get(m.group(1), set())

    def missing(self, scopes: Iterable[str]) -> list[str]:
        return [s for s in scopes if not self.has(s)]

    def as_list(self) -> list[str]:
        """One entry per letter, sorted (``["ordr:r", "ordr:u"]``): stable for display and comparison."""
        return sorted(f"{res}:{letter}" for res, letters in self._granted.items() for letter in letters)

    def __bool__(self) -> bool:
        return bool(self._granted)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GrantedScopes) and self._granted == other._granted

    def __repr__(self) -> str:
        return f"GrantedScopes({' '.join(self.as_list())!r})"


class ScopeRow(BaseModel):
    """One line of the permission table in the wizard and in ``check``."""

    scope: str
    label_de: str
    meaning_en: str
    required_for: list[str]  # "all" for the eight, else the flow names that need it
    present: bool


def scope_table(granted: GrantedScopes, flows: Iterable[Flow]) -> list[ScopeRow]:
    """The eight required scopes first, then each further scope the chosen flows need (listed once)."""
    rows = [ScopeRow(scope=s.scope, label_de=s.label_de, meaning_en=s.meaning_en, required_for=["all"],
                     present=granted.has(s.scope)) for s in REQUIRED_SCOPES]
    chosen = set(flows)
    extra: dict[str, list[str]] = {}
    for flow in _FLOW_ORDER:
        if flow in chosen:
            for info in FLOW_SCOPES[flow]:
                extra.setdefault(info.scope, []).append(flow.value)
    for scope, needed_by in extra.items():
        info = KNOWN_SCOPES[scope]
        rows.append(ScopeRow(scope=scope, label_de=info.label_de, meaning_en=info.meaning_en,
                             required_for=needed_by, present=granted.has(scope)))
    return rows


def flows_without_scopes(granted: GrantedScopes, flows: Iterable[Flow]) -> dict[Flow, list[str]]:
    """Each chosen flow that cannot run, with the scopes it lacks (the eight count for every flow)."""
    base = granted.missing(s.scope for s in REQUIRED_SCOPES)
    out: dict[Flow, list[str]] = {}
    for flow in _FLOW_ORDER:
        if flow in set(flows):
            lacking = base + [s for s in granted.missing(i.scope for i in FLOW_SCOPES[flow]) if s not in base]
            if lacking:
                out[flow] = lacking
    return out


# Which scope an ePages call needs, so a 403 can name the box to tick. First match wins.
_CALL_SCOPES: list[tuple[str, re.Pattern[str], str]] = [
    (m, re.compile(p), s) for m, p, s in (
        ("GET", r"^/orders/[^/]+/processes/?$", "ordp:r"),
        ("GET", r"^/orders/[^/]+/processes/(shippings|pickups)(/.*)?$", "shpr:r"),
        ("POST", r"^/orders/[^/]+/processes/(shippings|pickups)/[^/]+/mark-[a-z-]+$", "shpr:u"),
        ("POST", r"^/orders/[^/]+/processes/(shippings|pickups)/?$", "shpr:c"),
        ("GET", r"^/orders/[^/]+/processes/cancelations(/.*)?$", "clpr:r"),
        ("POST", r"^/orders/[^/]+/processes/cancelations/?$", "clpr:c"),
        ("POST", r"^/orders/[^/]+/cancel$", "clpr:c"),
        ("GET", r"^/orders/[^/]+/processes/returns(/.*)?$", "rtpr:r"),
        ("POST", r"^/orders/[^/]+/processes/returns/?$", "rtpr:c"),
        ("GET", r"^/orders(/.*)?$", "ordr:r"),
        ("*", r"^/orders(/.*)?$", "ordr:u"),
        ("GET", r"^/products/[^/]+(/variations/[^/]+)?/availability$", "prda:r"),
        ("*", r"^/products/[^/]+(/variations/[^/]+)?/availability/.+$", "prda:u"),
        ("GET", r"^/products(/.*)?$", "prod:r"),
        ("GET", r"^/shop/locations(/.*)?$", "loca:r"),
        ("GET", r"^/pickup-options(/.*)?$", "shpz:r"),
    )
]


def scope_for_call(method: str, path: str) -> str | None:
    """The scope an ePages call needs; ``path`` is relative to the API base (``/orders/1/cancel``)."""
    method = method.upper()
    for m, pattern, scope in _CALL_SCOPES:
        if (m == method or m == "*") and pattern.match(path):
            return scope
    return None
