"""The one connection check, for the setup wizard and ``epages-sync check``: ePages login and permissions,
shop locations, Afosto key, sales channel, Afosto locations, and whether every Afosto operation fits the
account's API.

``check_epages`` and ``check_afosto`` answer one service each (the wizard's Connect and Check buttons);
``run_check`` puts both into one ``CheckReport``. A check never raises for what it finds: a refused login, a
missing permission or an unreachable shop is a ``Problem`` with a kind and the service it concerns, and
``advice`` turns it into words for a person, naming the right system and the reader's way to try again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import logging
from collections.abc import Iterable, Mapping

import httpx
from pydantic import BaseModel, Field, SkipValidation, computed_field

from .clients.afosto import AfostoClient
from .clients.epages import EpagesClient
from .clients.http import HttpPolicy
from .clients.schema_check import SchemaCheck, check_schema
from .clients.scopes import (
    REQUIRED_SCOPES,
    GrantedScopes,
    ScopeRow,
    flows_without_scopes,
    label_for,
    scope_table,
)
from .config import ALL_FLOWS, FLOW_WORDS, Flow, Settings
from .errors import (
    AuthenticationError,
    CertificateError,
    ConfigError,
    NetworkError,
    RevokedError,
    StoreNotFound,
    SyncError,
)
from .texts import Text

log = logging.getLogger(__name__)

# A check should answer within seconds: fewer and shorter retries than the running sync.
CHECK_POLICY = HttpPolicy(max_attempts=2, longest_wait=10.0, read_timeout=20.0)

FLOW_ORDER = (Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.RETURNS, Flow.INVENTORY)

# The Afosto operations each flow depends on; a document that does not fit stops only those flows.
FLOW_OPERATIONS: dict[Flow, tuple[str, ...]] = {
    Flow.ORDERS: ("CreateOrder", "CreateOrderBrief", "AddItemsToOrder", "GetOrder", "ListOrders"),
    Flow.CANCELLATIONS: ("CancelOrderItems", "ApproveOrderItems", "FinishOrderItems", "GetOrder",
                         "ListOrders"),
    Flow.SHIPMENTS: ("AddTrackTraceToItems", "AddTrackTraceToItemsBrief", "SetParcelStatus",
                     "SetParcelStatusBrief", "GetOrder", "ListOrders"),
    Flow.RETURNS: ("ReceiveOrderItems", "ApproveOrderItems", "RestockOrderItems", "FinishOrderItems",
                   "GetOrder", "ListOrders"),
    Flow.INVENTORY: ("Inventory",),
}


class Service(enum.StrEnum):
    EPAGES = "epages"
    AFOSTO = "afosto"


class ProblemKind(enum.StrEnum):
    INVALID_INPUT = "invalid_input"
    STORE_NOT_FOUND = "store_not_found"
    CREDENTIALS = "credentials"
    REVOKED = "revoked"
    NO_NETWORK = "no_network"
    LOCAL_NOT_RUNNING = "local_not_running"  # the sandbox on this computer does not answer
    CERTIFICATE = "certificate"
    OTHER = "other"


def problem_kind(exc: SyncError, *, local: bool = False) -> ProblemKind:
    # Revoked is a kind of refused login: test it first.
    for cls, kind in ((ConfigError, ProblemKind.INVALID_INPUT), (StoreNotFound, ProblemKind.STORE_NOT_FOUND),
                      (RevokedError, ProblemKind.REVOKED), (AuthenticationError, ProblemKind.CREDENTIALS),
                      (CertificateError, ProblemKind.CERTIFICATE), (NetworkError, ProblemKind.NO_NETWORK)):
        if isinstance(exc, cls):
            return ProblemKind.LOCAL_NOT_RUNNING if kind == ProblemKind.NO_NETWORK and local else kind
    return ProblemKind.OTHER


class Problem(BaseModel):
    """An error as a person sees it, with the service it concerns."""

    kind: ProblemKind = ProblemKind.OTHER
    service: Service | None = None
    # The error's own texts as they are: English, and translatable by the window (they may be ``Text``).
    title: SkipValidation[str]
    message: SkipValidation[str]
    action: SkipValidation[str]
    concerns: SkipValidation[str | None] = None
    # The sandbox on this computer that was asked, when the services are simulated there.
    sandbox_url: str | None = None

    @classmethod
    def of(cls, exc: SyncError, service: Service | None = None, *, sandbox_url: str | None = None) -> Problem:
        return cls(kind=problem_kind(exc, local=sandbox_url is not None), service=service, title=exc.title,
                   message=exc.message, action=exc.action, concerns=exc.concerns, sandbox_url=sandbox_url)


_SERVICE_NAMES = {Service.EPAGES: "ePages", Service.AFOSTO: "Afosto"}


def press(button: str) -> Text:
    """How a person tries again on a page with this button (its label as shown)."""
    return Text("press {button}", button=button)


def advice(problem: Problem, *, again: Text, resave: str | None = None, store: str = "") -> tuple[Text, Text]:
    """A headline and a sentence of what happened and what to do, for the service the problem concerns.

    ``again`` is how the reader tries again where they are ("press Check" in the wizard, a command on the
    command line); ``resave`` is a sentence on how they enter a refused secret anew, when that is more than
    typing it into the field they look at.
    """
    service = _SERVICE_NAMES.get(problem.service or Service.EPAGES, "ePages")
    kind = problem.kind
    if kind == ProblemKind.STORE_NOT_FOUND:
        return (Text("Store not found"),
                Text("There is no ePages shop named '{store}'. The store name is the part before "
                     ".beyondshop.cloud in the address of your cockpit.", store=store or "?"))
    if kind == ProblemKind.CREDENTIALS and problem.service == Service.AFOSTO:
        how = (Text("Copy the key again from Afosto's settings (API), or make a new one there, then {again}.",
                    again=again) if resave is None else
               Text("Copy the key again from Afosto's settings (API), or make a new one there. {resave} Then "
                    "{again}.", resave=resave, again=again))
        return Text("API key refused"), Text("Afosto did not accept this API key. {how}", how=how)
    if kind == ProblemKind.CREDENTIALS:
        how = (Text("Copy both again from the cockpit (Apps > Eigene Apps > your app, section Client "
                    "credentials), then {again}.", again=again) if resave is None else
               Text("Copy both again from the cockpit (Apps > Eigene Apps > your app, section Client "
                    "credentials). {resave} Then {again}.", resave=resave, again=again))
        return (Text("Client id or secret refused"),
                Text("ePages did not accept this client id and client secret. {how}", how=how))
    if kind == ProblemKind.REVOKED:
        return (Text("The app was removed in the cockpit"),
                Text("ePages says this app was deleted or revoked. Create it again under Apps > Eigene Apps > "
                     "Eigene App hinzufügen and enter its new client id and secret."))
    if kind == ProblemKind.LOCAL_NOT_RUNNING:
        return (Text("The local sandbox is not running"),
                Text("Nothing answers at {address} on this computer: the sandbox (or the demo) that simulates "
                     "ePages and Afosto is not running. Start it again, then {again}.",
                     address=problem.sandbox_url or "localhost", again=again))
    if kind == ProblemKind.NO_NETWORK:
        return (Text("No connection"),
                Text("{service} could not be reached. Check this computer's internet connection, then {again}.",
                     service=service, again=again))
    if kind == ProblemKind.CERTIFICATE:
        return (Text("The secure connection could not be verified"),
                Text("Check that this computer's date and time are right, and whether a proxy or an antivirus "
                     "program inspects secure (HTTPS) connections."))
    if kind == ProblemKind.INVALID_INPUT:
        return Text("Please check your entry"), Text("{message}", message=problem.message)
    return (Text("{title}", title=problem.title),
            Text("{message} {action}", message=problem.message, action=problem.action))


class NamedPlace(BaseModel):
    id: str
    name: str
    detail: str | None = None  # location type, or the ePages location a pickup option belongs to


class ChannelInfo(BaseModel):
    id: str
    name: str
    currency: str | None = None


class EpagesFindings(BaseModel):
    """What one login to the shop found out."""

    store_name: str = ""
    client_id: str = ""
    sandbox_url: str | None = None
    problem: Problem | None = None
    granted: list[str] = Field(default_factory=list)
    scopes: list[ScopeRow] = Field(default_factory=list)
    # None: the app may not read them (its permission is missing), or reading failed (see locations_problem).
    locations: list[NamedPlace] | None = None
    pickup_options: list[NamedPlace] | None = None  # ``detail``: the id of the ePages location
    locations_problem: Problem | None = None

    @property
    def connected(self) -> bool:
        return self.problem is None

    @property
    def missing_required(self) -> list[ScopeRow]:
        required = {s.scope for s in REQUIRED_SCOPES}
        return [row for row in self.scopes if row.scope in required and not row.present]

    @property
    def ready(self) -> bool:
        """Connected, and every one of the required permissions is granted."""
        return self.connected and not self.missing_required

    def flows_lacking(self, flows: Iterable[Flow] = ALL_FLOWS) -> dict[Flow, list[str]]:
        """Each flow that cannot run for lack of permissions, with the scopes it lacks."""
        return flows_without_scopes(GrantedScopes(self.granted), flows)

    def pickup_options_at(self, location_id: str) -> list[NamedPlace]:
        return [o for o in self.pickup_options or [] if o.detail == location_id]


class AfostoFindings(BaseModel):
    """What one check of the Afosto key found out."""

    problem: Problem | None = None
    channels: list[ChannelInfo] = Field(default_factory=list)
    channels_problem: Problem | None = None
    locations: list[NamedPlace] = Field(default_factory=list)
    locations_problem: Problem | None = None
    schema_check: SchemaCheck | None = None
    schema_problem: Problem | None = None

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
    # No store name is no finding of its own: the client names it (and a sandbox needs none).
    return Settings.checked(store_name=store_name or None, client_id=client_id or None, sandbox_url=sandbox_url)


async def check_epages(store_text: str, client_id: str, client_secret: str, *, sandbox_url: str | None = None,
                       transport: httpx.AsyncBaseTransport | None = None) -> EpagesFindings:
    """Log in, read the granted permissions, and list the shop's locations and pickup options."""
    findings = EpagesFindings(client_id=client_id.strip(), sandbox_url=sandbox_url)

    def problem(exc: SyncError) -> Problem:
        return Problem.of(exc, Service.EPAGES, sandbox_url=sandbox_url)

    try:
        settings = probe_settings(store_text, client_id.strip(), sandbox_url=sandbox_url)
        findings.store_name = settings.store_name or ""
        if not client_secret.strip():
            raise ConfigError(Text("The client secret is empty."), concerns=Text("client secret"))
        client = EpagesClient.from_settings(settings, client_secret.strip(), policy=CHECK_POLICY,
                                            transport=transport)
    except SyncError as exc:
        findings.problem = problem(exc)
        return findings
    async with client:
        try:
            granted = await client.authenticate()
        except SyncError as exc:
            findings.problem = problem(exc)
            return findings
        findings.granted = granted.as_list()
        findings.scopes = scope_table(granted, FLOW_ORDER)
        try:
            if granted.has("loca:r"):
                findings.locations = [NamedPlace(id=loc.id, name=loc.name)
                                      for loc in await client.list_shop_locations()]
            if granted.has("shpz:r"):
                findings.pickup_options = [NamedPlace(id=o.id, name=o.name or o.id, detail=o.location_id)
                                           for o in await client.list_pickup_options()]
        except SyncError as exc:
            findings.locations_problem = problem(exc)
    return findings


async def check_afosto(api_key: str, *, sandbox_url: str | None = None,
                       transport: httpx.AsyncBaseTransport | None = None) -> AfostoFindings:
    """Check the key, list channels and locations, and check every operation against the account's API."""
    findings = AfostoFindings()

    def problem(exc: SyncError) -> Problem:
        return Problem.of(exc, Service.AFOSTO, sandbox_url=sandbox_url)

    if not api_key.strip():
        findings.problem = problem(ConfigError(Text("The API key is empty."), concerns=Text("Afosto API key")))
        return findings
    settings = Settings.checked(sandbox_url=sandbox_url)
    async with AfostoClient.from_settings(settings, api_key.strip(), policy=CHECK_POLICY,
                                          transport=transport) as client:
        try:
            await client.connection_test()
        except SyncError as exc:
            findings.problem = problem(exc)
            return findings
        try:
            findings.channels = [ChannelInfo(id=c.id, name=c.name, currency=c.currency)
                                 for c in await client.list_channels()]
        except SyncError as exc:
            findings.channels_problem = problem(exc)
        try:
            findings.locations = [NamedPlace(id=loc.id, name=loc.name, detail=str(loc.type) if loc.type else None)
                                  for loc in await client.list_locations()]
        except SyncError as exc:
            findings.locations_problem = problem(exc)
        try:
            findings.schema_check = await check_schema(client)
        except SyncError as exc:
            findings.schema_problem = problem(exc)
    return findings


class CheckReport(BaseModel):
    """Both services checked with the saved settings: what ``epages-sync check`` prints."""

    checked_at: dt.datetime
    store: str | None = None
    sandbox: bool = False
    flows: list[Flow] = Field(default_factory=list)

    epages_ok: bool = False
    epages_problem: Problem | None = None
    granted_scopes: list[str] = Field(default_factory=list)
    scopes: list[ScopeRow] = Field(default_factory=list)
    epages_locations: list[NamedPlace] | None = None
    pickup_options: list[NamedPlace] | None = None  # ``detail``: the name of the ePages location
    epages_locations_problem: Problem | None = None

    afosto_ok: bool = False
    afosto_problem: Problem | None = None
    channels: list[ChannelInfo] = Field(default_factory=list)
    channel: ChannelInfo | None = None
    channel_problem: Problem | None = None
    afosto_locations: list[NamedPlace] | None = None
    afosto_locations_problem: Problem | None = None
    schema_check: SchemaCheck | None = None
    schema_problem: Problem | None = None

    @classmethod
    def of(cls, settings: Settings, epages: EpagesFindings, afosto: AfostoFindings) -> CheckReport:
        flows = [f for f in FLOW_ORDER if f in settings.flows]
        report = cls(checked_at=dt.datetime.now(dt.UTC), store=settings.store_name,
                     sandbox=settings.sandbox_url is not None, flows=flows,
                     epages_ok=epages.connected, epages_problem=epages.problem,
                     afosto_ok=afosto.connected, afosto_problem=afosto.problem)
        if epages.connected:
            report.granted_scopes = epages.granted
            report.scopes = scope_table(GrantedScopes(epages.granted), flows)
            report.epages_locations = epages.locations
            names = {p.id: p.name for p in epages.locations or []}
            report.pickup_options = None if epages.pickup_options is None else [
                o.model_copy(update={"detail": names.get(o.detail or "", o.detail)}) for o in epages.pickup_options]
            report.epages_locations_problem = epages.locations_problem
        if afosto.connected:
            report.channels = afosto.channels
            report.channel_problem = afosto.channels_problem
            wanted = settings.afosto_channel_id
            if afosto.channels_problem is None:
                report.channel = next((c for c in afosto.channels if c.id == wanted), None) if wanted else None
                if wanted and report.channel is None:
                    report.channel_problem = Problem(
                        service=Service.AFOSTO, title=Text("Sales channel not found"),
                        concerns=Text("Afosto sales channel"),
                        message=Text("Afosto has no sales channel with the id {id}.", id=wanted),
                        action=Text("Choose the sales channel again in the setup."))
                elif not wanted:
                    report.channel_problem = Problem(
                        service=Service.AFOSTO, title=Text("No sales channel chosen"),
                        concerns=Text("Afosto sales channel"), message=Text("No Afosto sales channel is chosen yet."),
                        action=Text("Choose the sales channel the imported orders belong to in the setup."))
            report.afosto_locations = None if afosto.locations_problem else afosto.locations
            report.afosto_locations_problem = afosto.locations_problem
            report.schema_check = afosto.schema_check
            report.schema_problem = afosto.schema_problem
        return report

    def place_names(self) -> dict[str, str]:
        """Id -> name of every sales channel and location the check saw."""
        places: list[ChannelInfo | NamedPlace] = [*self.channels, *(self.epages_locations or []),
                                                  *(self.afosto_locations or [])]
        return {place.id: place.name for place in places}

    def blocked_flows(self, flows: Iterable[Flow] | None = None) -> dict[Flow, list[str]]:
        """Each flow that cannot run, with the reasons in plain words."""
        chosen = set(self.flows if flows is None else flows)
        common: list[str] = []
        if not self.epages_ok:
            common.append("the ePages login failed")
        if not self.afosto_ok:
            common.append("the Afosto API key does not work")
        elif self.channel is None:
            common.append("the Afosto sales channel was not found")
        lacking = flows_without_scopes(GrantedScopes(self.granted_scopes), chosen) if self.epages_ok else {}
        mismatched = {op.operation for op in (self.schema_check.mismatches if self.schema_check else [])}
        out: dict[Flow, list[str]] = {}
        for flow in FLOW_ORDER:
            if flow not in chosen:
                continue
            reasons = list(common)
            for scope in lacking.get(flow, []):
                reasons.append(f"permission {scope} ({label_for(scope)}) is missing")
            for op in FLOW_OPERATIONS[flow]:
                if op in mismatched:
                    reasons.append(f"the Afosto operation {op} does not fit")
            if reasons:
                out[flow] = reasons
        return out

    @computed_field  # type: ignore[prop-decorator]
    @property
    def blocked(self) -> dict[str, list[str]]:
        """The chosen flows that cannot run, by name, with their reasons (part of the JSON)."""
        return {flow.value: reasons for flow, reasons in self.blocked_flows().items()}

    def flows_runnable(self, flows: Iterable[Flow] | None = None) -> bool:
        """True when every given flow (default: the chosen ones) can run."""
        return not self.blocked_flows(flows)

    def to_text(self, *, resave: Mapping[Service, str] | None = None) -> str:
        """The report as the command line prints it; ``resave`` says how to save a refused secret anew."""
        lines: list[str] = []
        ok = "ok"
        again = Text("run 'epages-sync check' again")

        def row(label: str, value: str, indent: int = 2) -> None:
            lines.append(f"{' ' * indent}{label:<28}{value}")

        def problem(p: Problem) -> str:
            title, text = advice(p, again=again, resave=(resave or {}).get(p.service or Service.EPAGES),
                                 store=self.store or "")
            return f"FAILED - {title}: {text}"

        def outcome(good: bool, p: Problem | None) -> str:
            return ok if good else problem(p) if p else "FAILED"

        sandbox = " (sandbox)" if self.sandbox else ""
        lines.append(f"ePages shop {self.store or '(no store name)'}{sandbox}")
        row("Login", outcome(self.epages_ok, self.epages_problem))
        if self.scopes:
            lines.append("  Permissions")
            label_w = max(len("cockpit label"), *(len(s.label_de) for s in self.scopes)) + 2
            need_w = max(len("needed for"), *(len(", ".join(s.required_for)) for s in self.scopes)) + 2
            lines.append(f"    {'scope':<8}{'cockpit label':<{label_w}}{'needed for':<{need_w}}status")
            for s in self.scopes:
                lines.append(f"    {s.scope:<8}{s.label_de:<{label_w}}{', '.join(s.required_for):<{need_w}}"
                             f"{'ok' if s.present else 'MISSING'}")
        if self.epages_locations is not None:
            row("Shop locations", _places(self.epages_locations))
        if self.pickup_options is not None:
            row("Pickup options", _places(self.pickup_options))
        if self.epages_locations_problem:
            row("Shop locations", problem(self.epages_locations_problem))
        lines.append("Afosto")
        row("API key", outcome(self.afosto_ok, self.afosto_problem))
        if self.channel:
            row("Sales channel", f"{self.channel.name} ({self.channel.currency or 'currency unknown'})")
        elif self.channel_problem:
            row("Sales channel", problem(self.channel_problem))
        if self.afosto_locations is not None:
            row("Locations", _places(self.afosto_locations))
        if self.afosto_locations_problem:
            row("Locations", problem(self.afosto_locations_problem))
        if self.schema_check:
            row("Operations", self.schema_check.note)
            for op in self.schema_check.operations:
                if op.problems:
                    for p in op.problems:
                        lines.append(f"    {op.operation}: {p}")
            for fact in self.schema_check.failed_facts:
                lines.append(f"    {fact.message}")
            row("Changes in Afosto", self.schema_check.changes_note)
        elif self.schema_problem:
            row("Operations", problem(self.schema_problem))
        lines.append("Flows")
        blocked = self.blocked_flows()
        for flow in FLOW_ORDER:
            if flow in self.flows:
                row(FLOW_WORDS[flow], "can run" if flow not in blocked else "OFF - " + "; ".join(blocked[flow]))
        return "\n".join(lines)


def _places(places: list[NamedPlace]) -> str:
    if not places:
        return "none"
    shown = ", ".join(f"{p.name}" + (f" [{p.detail}]" if p.detail else "") for p in places[:6])
    more = f" and {len(places) - 6} more" if len(places) > 6 else ""
    return f"{len(places)}: {shown}{more}"


async def run_check(settings: Settings, *, client_secret: str, afosto_key: str,
                    transport: httpx.AsyncBaseTransport | None = None) -> CheckReport:
    """Check both connections with the given settings and secrets; never raises for what it finds."""
    epages, afosto = await asyncio.gather(
        check_epages(settings.store_name or "", settings.client_id or "", client_secret,
                     sandbox_url=settings.sandbox_url, transport=transport),
        check_afosto(afosto_key, sandbox_url=settings.sandbox_url, transport=transport))
    return CheckReport.of(settings, epages, afosto)


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
