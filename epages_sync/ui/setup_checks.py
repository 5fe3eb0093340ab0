"""What the setup wizard asks ePages and Afosto, and how it saves the result; plain data, no Qt.

The wizard's pages only show what these functions find. Each check answers with findings and never raises
for what it finds: a refused login, a missing permission or an unreachable shop is a finding with a kind,
so the page can say in plain words what to do.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Callable, Iterable

import httpx
from pydantic import BaseModel, Field, SkipValidation

from ..clients.afosto import AfostoClient
from ..clients.epages import EpagesClient
from ..clients.schema_check import SchemaCheck, check_schema
from ..clients.scopes import REQUIRED_SCOPES, GrantedScopes, ScopeRow, flows_without_scopes, scope_table
from ..config import ALL_FLOWS, Flow, Settings
from ..connection_check import CHECK_POLICY, FLOW_OPERATIONS, ChannelInfo, NamedPlace
from ..errors import (
    AuthenticationError,
    CertificateError,
    ConfigError,
    NetworkError,
    RevokedError,
    StoreNotFound,
    SyncError,
)
from ..secrets import Secrets
from ..store import Store

log = logging.getLogger(__name__)

FLOW_ORDER = (Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.RETURNS, Flow.INVENTORY)


class ProblemKind(enum.StrEnum):
    INVALID_INPUT = "invalid_input"
    STORE_NOT_FOUND = "store_not_found"
    CREDENTIALS = "credentials"
    REVOKED = "revoked"
    NO_NETWORK = "no_network"
    CERTIFICATE = "certificate"
    OTHER = "other"


def problem_kind(exc: SyncError) -> ProblemKind:
    # Revoked is a kind of refused login: test it first.
    for cls, kind in ((ConfigError, ProblemKind.INVALID_INPUT), (StoreNotFound, ProblemKind.STORE_NOT_FOUND),
                      (RevokedError, ProblemKind.REVOKED), (AuthenticationError, ProblemKind.CREDENTIALS),
                      (CertificateError, ProblemKind.CERTIFICATE), (NetworkError, ProblemKind.NO_NETWORK)):
        if isinstance(exc, cls):
            return kind
    return ProblemKind.OTHER


class SetupProblem(BaseModel):
    kind: ProblemKind
    # The error's texts as they are (English, and translatable by the window with engine_words).
    title: SkipValidation[str]
    message: SkipValidation[str]
    action: SkipValidation[str]

    @classmethod
    def of(cls, exc: SyncError) -> SetupProblem:
        return cls(kind=problem_kind(exc), title=exc.title, message=exc.message, action=exc.action)


class EpagesFindings(BaseModel):
    """What one press of Connect found out about the shop."""

    store_name: str = ""
    client_id: str = ""
    problem: SetupProblem | None = None
    granted: list[str] = Field(default_factory=list)
    scopes: list[ScopeRow] = Field(default_factory=list)
    # None: the app may not read them (its permission is missing), or reading failed (see locations_problem).
    locations: list[NamedPlace] | None = None
    pickup_options: list[NamedPlace] | None = None
    locations_problem: SetupProblem | None = None

    @property
    def connected(self) -> bool:
        return self.problem is None

    @property
    def missing_required(self) -> list[ScopeRow]:
        required = {s.scope for s in REQUIRED_SCOPES}
        return [row for row in self.scopes if row.scope in required and not row.present]

    @property
    def ready(self) -> bool:
        """Connected, and every one of the eight required permissions is granted."""
        return self.connected and not self.missing_required

    def flows_lacking(self, flows: Iterable[Flow] = ALL_FLOWS) -> dict[Flow, list[str]]:
        """Each flow that cannot run for lack of permissions, with the scopes it lacks."""
        return flows_without_scopes(GrantedScopes(self.granted), flows)

    def pickup_options_at(self, location_id: str) -> list[NamedPlace]:
        return [o for o in self.pickup_options or [] if o.detail == location_id]


class AfostoFindings(BaseModel):
    problem: SetupProblem | None = None
    channels: list[ChannelInfo] = Field(default_factory=list)
    channels_problem: SetupProblem | None = None
    locations: list[NamedPlace] = Field(default_factory=list)
    locations_problem: SetupProblem | None = None
    schema_check: SchemaCheck | None = None
    schema_problem: SetupProblem | None = None

    @property
    def connected(self) -> bool:
        return self.problem is None

    def flows_blocked(self) -> dict[Flow, list[str]]:
        """Flows that cannot run because an Afosto operation they use does not fit this account."""
        bad = {op.operation for op in (self.schema_check.mismatches if self.schema_check else [])}
        out: dict[Flow, list[str]] = {}
        for flow in FLOW_ORDER:
            ops = [op for op in FLOW_OPERATIONS[flow] if op in bad]
            if ops:
                out[flow] = ops
        return out


def probe_settings(store_name: str, client_id: str | None = None, *, sandbox_url: str | None = None) -> Settings:
    """Settings good enough to reach the services with what the person typed so far."""
    return Settings.checked(store_name=store_name, client_id=client_id or None, sandbox_url=sandbox_url)


async def connect_epages(store_text: str, client_id: str, client_secret: str, *, sandbox_url: str | None = None,
                         transport: httpx.AsyncBaseTransport | None = None) -> EpagesFindings:
    """Log in, read the granted permissions, and list the shop's locations and pickup options."""
    findings = EpagesFindings(client_id=client_id.strip())
    try:
        settings = probe_settings(store_text, client_id.strip(), sandbox_url=sandbox_url)
        findings.store_name = settings.store_name or ""
        if not client_secret.strip():
            raise ConfigError("The client secret is empty.", concerns="client secret")
        client = EpagesClient.from_settings(settings, client_secret.strip(), policy=CHECK_POLICY,
                                            transport=transport)
    except SyncError as exc:
        findings.problem = SetupProblem.of(exc)
        return findings
    async with client:
        try:
            granted = await client.authenticate()
        except SyncError as exc:
            findings.problem = SetupProblem.of(exc)
            return findings
        findings.granted = granted.as_list()
        findings.scopes = scope_table(granted, FLOW_ORDER)
        try:
            if granted.has("loca:r"):
                findings.locations = [NamedPlace(id=loc.id, name=loc.name)
                                      for loc in await client.list_shop_locations()]
            if granted.has("shpz:r"):
                # ``detail`` carries the ePages location the pickup option belongs to.
                findings.pickup_options = [NamedPlace(id=o.id, name=o.name or o.id, detail=o.location_id)
                                           for o in await client.list_pickup_options()]
        except SyncError as exc:
            findings.locations_problem = SetupProblem.of(exc)
    return findings


async def connect_afosto(api_key: str, *, sandbox_url: str | None = None,
                         transport: httpx.AsyncBaseTransport | None = None) -> AfostoFindings:
    """Check the key, list channels and locations, and check every operation against the account's API."""
    findings = AfostoFindings()
    if not api_key.strip():
        findings.problem = SetupProblem.of(ConfigError("The API key is empty.", concerns="Afosto API key"))
        return findings
    settings = Settings.checked(sandbox_url=sandbox_url)
    async with AfostoClient.from_settings(settings, api_key.strip(), policy=CHECK_POLICY,
                                          transport=transport) as client:
        try:
            await client.connection_test()
        except SyncError as exc:
            findings.problem = SetupProblem.of(exc)
            return findings
        try:
            findings.channels = [ChannelInfo(id=c.id, name=c.name, currency=c.currency)
                                 for c in await client.list_channels()]
        except SyncError as exc:
            findings.channels_problem = SetupProblem.of(exc)
        try:
            findings.locations = [NamedPlace(id=loc.id, name=loc.name, detail=str(loc.type) if loc.type else None)
                                  for loc in await client.list_locations()]
        except SyncError as exc:
            findings.locations_problem = SetupProblem.of(exc)
        try:
            findings.schema_check = await check_schema(client)
        except SyncError as exc:
            findings.schema_problem = SetupProblem.of(exc)
    return findings


async def count_orders_since(settings: Settings, client_secret: str, start_date: dt.date, *,
                             transport: httpx.AsyncBaseTransport | None = None) -> int:
    """How many orders created on or after ``start_date`` the first poll will look at (one small request)."""
    async with EpagesClient.from_settings(settings, client_secret, policy=CHECK_POLICY,
                                          transport=transport) as client:
        async for page in client.iter_order_pages(created_after=start_date, size=1, sort="createdAt,asc"):
            if page.info is not None and page.info.total_elements is not None:
                return page.info.total_elements
            return len(page.items)
    return 0


async def pickup_orders_by_location(settings: Settings, client_secret: str, start_date: dt.date,
                                    pickup_options: Iterable[NamedPlace], *,
                                    transport: httpx.AsyncBaseTransport | None = None) -> dict[str, int]:
    """For each ePages location: the orders since ``start_date``, not cancelled, to be picked up there.

    One request per pickup option (ePages filters orders by pickup option), so the answer comes quickly
    however many orders the shop has.
    """
    counts: dict[str, int] = {}
    async with EpagesClient.from_settings(settings, client_secret, policy=CHECK_POLICY,
                                          transport=transport) as client:
        for option in pickup_options:
            location = option.detail or ""
            async for page in client.iter_order_pages(created_after=start_date, size=1, sort="createdAt,asc",
                                                      extra={"pickupOptionId": option.id, "canceled": "false"}):
                found = page.info.total_elements if page.info and page.info.total_elements is not None \
                    else len(page.items)
                counts[location] = counts.get(location, 0) + (found or 0)
                break
    return counts


def save_setup(store: Store, settings: Settings, client_secret: str, afosto_key: str,
               secrets_for: Callable[[str], Secrets] = Secrets) -> None:
    """Secrets to the keyring first, then the settings: a setup without its secrets is never saved as done.

    Blocking (keyring, SQLite): call it off the GUI thread. Raises SecretStoreUnavailable when the computer
    has no secure password store; nothing is saved then.
    """
    secrets = secrets_for(settings.store_name or "")
    secrets.set_client_secret(client_secret)
    secrets.set_afosto_key(afosto_key)
    store.save_settings(settings)
    log.info("setup saved for store %s", settings.store_name)
