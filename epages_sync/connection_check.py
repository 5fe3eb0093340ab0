"""The connection check behind the wizard's last page and ``epages-sync check``: ePages login and
permissions, shop locations, Afosto key, sales channel, Afosto locations, and whether every Afosto
operation fits the account's API. Everything it finds is in one ``CheckReport``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Iterable

import httpx
from pydantic import BaseModel, Field, computed_field

from .clients.afosto import AfostoClient
from .clients.epages import EpagesClient
from .clients.http import HttpPolicy
from .clients.schema_check import SchemaCheck, check_schema
from .clients.scopes import GrantedScopes, ScopeRow, flows_without_scopes, label_for, scope_table
from .config import Flow, Settings
from .errors import SyncError

log = logging.getLogger(__name__)

# A check should answer within seconds: fewer and shorter retries than the running sync.
CHECK_POLICY = HttpPolicy(max_attempts=2, longest_wait=10.0, read_timeout=20.0)

# The Afosto operations each flow depends on; a document that does not fit stops only those flows.
FLOW_OPERATIONS: dict[Flow, tuple[str, ...]] = {
    Flow.ORDERS: ("CreateOrder", "AddItemsToOrder", "GetOrder", "ListOrders"),
    Flow.CANCELLATIONS: ("CancelOrderItems", "ApproveOrderItems", "FinishOrderItems", "GetOrder",
                         "ListOrders"),
    Flow.SHIPMENTS: ("AddTrackTraceToItems", "SetParcelStatus", "GetOrder", "ListOrders"),
    Flow.RETURNS: ("ReceiveOrderItems", "ApproveOrderItems", "RestockOrderItems", "FinishOrderItems",
                   "GetOrder", "ListOrders"),
    Flow.INVENTORY: ("Inventory",),
}
_FLOW_ORDER = (Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.RETURNS, Flow.INVENTORY)


class Problem(BaseModel):
    """An error as a person sees it."""

    title: str
    message: str
    action: str
    concerns: str | None = None

    @classmethod
    def of(cls, exc: SyncError) -> Problem:
        return cls(title=exc.title, message=exc.message, action=exc.action, concerns=exc.concerns)


class NamedPlace(BaseModel):
    id: str
    name: str
    detail: str | None = None  # location type, or the ePages location a pickup option belongs to


class ChannelInfo(BaseModel):
    id: str
    name: str
    currency: str | None = None


class CheckReport(BaseModel):
    checked_at: dt.datetime
    store: str | None = None
    sandbox: bool = False
    flows: list[Flow] = Field(default_factory=list)

    epages_ok: bool = False
    epages_problem: Problem | None = None
    granted_scopes: list[str] = Field(default_factory=list)
    scopes: list[ScopeRow] = Field(default_factory=list)
    epages_locations: list[NamedPlace] | None = None
    pickup_options: list[NamedPlace] | None = None
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
        for flow in _FLOW_ORDER:
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

    def to_text(self) -> str:
        lines: list[str] = []
        ok = "ok"

        def row(label: str, value: str, indent: int = 2) -> None:
            lines.append(f"{' ' * indent}{label:<28}{value}")

        def problem(p: Problem) -> str:
            return f"FAILED - {p.title}: {p.message} -> {p.action}"

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
        elif self.schema_problem:
            row("Operations", problem(self.schema_problem))
        lines.append("Flows")
        blocked = self.blocked_flows()
        for flow in _FLOW_ORDER:
            if flow in self.flows:
                row(flow.value, "can run" if flow not in blocked else "OFF - " + "; ".join(blocked[flow]))
        return "\n".join(lines)


def _places(places: list[NamedPlace]) -> str:
    if not places:
        return "none"
    shown = ", ".join(f"{p.name}" + (f" [{p.detail}]" if p.detail else "") for p in places[:6])
    more = f" and {len(places) - 6} more" if len(places) > 6 else ""
    return f"{len(places)}: {shown}{more}"


async def _check_epages(report: CheckReport, settings: Settings, client_secret: str,
                        transport: httpx.AsyncBaseTransport | None) -> None:
    try:
        client = EpagesClient.from_settings(settings, client_secret, policy=CHECK_POLICY, transport=transport)
    except SyncError as exc:
        report.epages_problem = Problem.of(exc)
        return
    async with client:
        try:
            granted = await client.authenticate()
        except SyncError as exc:
            report.epages_problem = Problem.of(exc)
            return
        report.epages_ok = True
        report.granted_scopes = granted.as_list()
        report.scopes = scope_table(granted, report.flows)
        try:
            if granted.has("loca:r"):
                report.epages_locations = [NamedPlace(id=loc.id, name=loc.name)
                                           for loc in await client.list_shop_locations()]
            if granted.has("shpz:r"):
                names = {p.id: p.name for p in report.epages_locations or []}
                report.pickup_options = [
                    NamedPlace(id=o.id, name=o.name or o.id,
                               detail=names.get(o.location_id or "", o.location_id)) for o in
                    await client.list_pickup_options()]
        except SyncError as exc:
            report.epages_locations_problem = Problem.of(exc)


async def _check_afosto(report: CheckReport, settings: Settings, afosto_key: str,
                        transport: httpx.AsyncBaseTransport | None) -> None:
    client = AfostoClient.from_settings(settings, afosto_key, policy=CHECK_POLICY, transport=transport)
    async with client:
        try:
            await client.connection_test()
        except SyncError as exc:
            report.afosto_problem = Problem.of(exc)
            return
        report.afosto_ok = True
        try:
            channels = await client.list_channels()
            report.channels = [ChannelInfo(id=c.id, name=c.name, currency=c.currency) for c in channels]
            wanted = settings.afosto_channel_id
            report.channel = next((c for c in report.channels if c.id == wanted), None) if wanted else None
            if wanted and report.channel is None:
                report.channel_problem = Problem(
                    title="Sales channel not found", concerns="Afosto sales channel",
                    message=f"Afosto has no sales channel with the id {wanted}.",
                    action="Choose the sales channel again in the setup.")
            elif not wanted:
                report.channel_problem = Problem(
                    title="No sales channel chosen", concerns="Afosto sales channel",
                    message="No Afosto sales channel is chosen yet.",
                    action="Choose the sales channel the imported orders belong to in the setup.")
        except SyncError as exc:
            report.channel_problem = Problem.of(exc)
        try:
            report.afosto_locations = [
                NamedPlace(id=loc.id, name=loc.name, detail=str(loc.type) if loc.type else None)
                for loc in await client.list_locations()]
        except SyncError as exc:
            report.afosto_locations_problem = Problem.of(exc)
        try:
            report.schema_check = await check_schema(client)
        except SyncError as exc:
            report.schema_problem = Problem.of(exc)


async def run_check(settings: Settings, *, client_secret: str, afosto_key: str,
                    transport: httpx.AsyncBaseTransport | None = None) -> CheckReport:
    """Check both connections with the given settings and secrets; never raises for what it finds."""
    report = CheckReport(checked_at=dt.datetime.now(dt.UTC), store=settings.store_name,
                         sandbox=settings.sandbox_url is not None,
                         flows=[f for f in _FLOW_ORDER if f in settings.flows])
    await asyncio.gather(_check_epages(report, settings, client_secret, transport),
                         _check_afosto(report, settings, afosto_key, transport))
    return report
