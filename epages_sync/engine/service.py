"""The one facade the window and the command line use: start, stop, pause, resume, sync now, health.

Plain pydantic data crosses it; no httpx answer or raw API JSON ever does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from pydantic import BaseModel, Field, SkipValidation

from ..clients.afosto import AfostoClient
from ..clients.epages import EpagesClient
from ..clients.http import HttpPolicy
from ..clients.scopes import GrantedScopes, flows_without_scopes, label_for
from ..config import Flow, Settings
from ..errors import AuthenticationError, MissingScope, SyncError
from ..redaction import redactor
from ..store import Store
from ..store.models import Direction, LinkKind, LogRow, Outcome, ParkedItem
from ..texts import Text
from .adoption import Adoption
from .audit import AUDIT_DUE, AUDIT_EVERY, PARK_AUDIT, Difference, compare_both_systems
from .conflicts import CONFLICT_KINDS
from .context import Journal, SyncContext, WorkProgress, record_exchange
from .poller import LAST_GOOD_POLL, OrderPoller
from .preview import Preview, build_preview
from .pushers import LAST_GOOD_PUSH, AfostoWatcher, OutboxSender, backoff_seconds
from .shared_stock import SharedStock
from .stock import PARK_STOCK_DROP, StockSync
from .tasks import TaskOwner

log = logging.getLogger(__name__)

# Names of things the answers name by id (Afosto channels and locations), as JSON {id: name}.
KNOWN_NAMES = "names.afosto"
# Parked items that are orders: a retry reads the order from ePages again.
_ORDER_KINDS = ("order", "order_update", *CONFLICT_KINDS)  # a retry reads the order again


# The flows as the engine's sentences name them.
FLOW_NAMES = {
    Flow.ORDERS: Text("Orders"),
    Flow.CANCELLATIONS: Text("Cancellations"),
    Flow.SHIPMENTS: Text("Shipments"),
    Flow.RETURNS: Text("Returns"),
    Flow.INVENTORY: Text("Stock levels"),
}


# What an attention message is about, where the key is not a name already (ePages, Afosto).
_ABOUT = {"Engine": Text("The sync")}


def _problem(exc: SyncError) -> Text:
    return Text("{title}: {message} {action}", title=exc.title, message=exc.message, action=exc.action)


class EngineState(enum.StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    PAUSED = "paused"
    ATTENTION = "attention"  # running, but a person must act (credentials, scope, parked items)
    STOPPING = "stopping"


class FlowHealth(BaseModel):
    flow: Flow
    enabled: bool
    reason: SkipValidation[str | None] = None  # why it is off (a Text the window translates)
    last_good: dt.datetime | None = None


class Health(BaseModel):
    state: EngineState
    # Texts (English as str, translatable by the window): kept as they are, not copied into plain strings.
    message: SkipValidation[str]
    last_good_poll: dt.datetime | None = None
    last_good_push: dt.datetime | None = None
    next_poll_at: dt.datetime | None = None
    paused_until: dt.datetime | None = None
    outbox_depth: int = 0
    parked_count: int = 0
    orders_linked: int = 0
    flows: list[FlowHealth] = Field(default_factory=list)
    attention: SkipValidation[list[str]] = Field(default_factory=list)
    # The poll under way when it is long (the first import, a poll of many pages); None otherwise.
    progress: WorkProgress | None = None


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class SyncService:
    """Owns the engine's tasks and clients for one store; everything runs on the caller's asyncio loop."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        client_secret: str,
        afosto_key: str,
        transport: httpx.AsyncBaseTransport | None = None,
        policy: HttpPolicy | None = None,
        retry_base_seconds: float = 2.0,
        shared: SharedStock | None = None,
    ) -> None:
        if not settings.is_configured:
            raise SyncError(
                "The sync is not set up yet: store name, client id and sales channel are needed.",
                title="Not configured",
                action="Finish the setup wizard or run 'epages-sync configure'.",
            )
        redactor.add_secrets([client_secret, afosto_key])
        self.settings = settings
        self.store = store
        self._client_secret = client_secret
        self._afosto_key = afosto_key
        self._transport = transport
        self._policy = policy
        self._retry_base = retry_base_seconds
        self._tasks = TaskOwner(on_failure=self._task_failed)
        self._state = EngineState.STOPPED
        self._attention: dict[str, Text] = {}  # what needs a person, by what it is about
        self._listeners: list[Callable[[Health], None]] = []
        self._poll_wake = asyncio.Event()
        self._push_wake = asyncio.Event()
        self._paused_until: dt.datetime | None = None
        self._next_poll_at: dt.datetime | None = None
        self.ctx: SyncContext | None = None
        # Flows switched off for lack of a scope at the last connect, with the reason (kept after stop).
        self._flows_off: dict[Flow, str] = {}
        self.poller: OrderPoller | None = None
        self.watcher: AfostoWatcher | None = None
        self.sender: OutboxSender | None = None
        self.stock: StockSync | None = None
        self.adoption: Adoption | None = None
        # Retried items this engine has acted on already (see ``_pick_up_retries``), and since when it runs.
        self._handled_retries: set[int] = set()
        self._connected_at: dt.datetime | None = None
        # The other stores of the installation this store's stock is shared with (None: a single store).
        self.shared = shared
        if shared is not None:
            shared.join(settings.store_name or "", settings.stock_locations)

    # --- observing ---------------------------------------------------------------------------------------

    def on_health(self, callback: Callable[[Health], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def on_log(self, callback: Callable[[int], None]) -> Callable[[], None]:
        """``callback(newest_id)`` after new log rows are stored."""
        return self.store.subscribe(callback)

    def health(self) -> Health:
        store = self.store
        flows = []
        for flow in Flow:
            chosen = flow in self.settings.flows
            reason: str | None = None if chosen else Text("switched off in the settings")
            if chosen and flow in self._flows_off:
                reason = self._flows_off[flow]
            key = "poll.last_good" if flow == Flow.ORDERS else f"push.last_good.{flow.value}"
            flows.append(
                FlowHealth(
                    flow=flow, enabled=reason is None, reason=reason, last_good=_when(store.get_state(key))
                )
            )
        parked = store.parked_count()
        attention: list[str] = list(self._attention.values())
        if parked:
            attention.append(Text("{n} item(s) need a person: see the log's 'needs attention' rows.",
                                  n=parked))
        state = self._state
        if state == EngineState.RUNNING and attention:
            state = EngineState.ATTENTION
        message = {
            EngineState.STOPPED: Text("The sync is stopped."),
            EngineState.STARTING: Text("Connecting to ePages and Afosto..."),
            EngineState.RUNNING: Text("The sync is running."),
            EngineState.PAUSED: Text("The sync is paused."),
            EngineState.ATTENTION: attention[0] if attention else Text("Something needs a person."),
            EngineState.STOPPING: Text("Stopping..."),
        }[state]
        return Health(
            state=state,
            message=message,
            last_good_poll=_when(store.get_state(LAST_GOOD_POLL)),
            last_good_push=_when(store.get_state(LAST_GOOD_PUSH)),
            next_poll_at=self._next_poll_at,
            paused_until=self._paused_until,
            outbox_depth=store.outbox_depth(),
            parked_count=parked,
            orders_linked=store.count_links(LinkKind.ORDER.value),
            flows=flows,
            attention=attention,
            progress=self.ctx.progress if self.ctx is not None else None,
        )

    def _announce(self) -> None:
        if not self._listeners:
            return
        health = self.health()
        for cb in list(self._listeners):
            try:
                cb(health)
            except Exception:  # a broken listener must not stop the engine
                log.exception("health listener failed")

    @property
    def state(self) -> EngineState:
        return self._state

    # --- lifecycle ---------------------------------------------------------------------------------------

    def _make_clients(self) -> tuple[EpagesClient, AfostoClient]:
        epages = EpagesClient.from_settings(
            self.settings,
            self._client_secret,
            policy=self._policy,
            transport=self._transport,
            on_exchange=record_exchange,
        )
        afosto = AfostoClient.from_settings(
            self.settings,
            self._afosto_key,
            policy=self._policy,
            transport=self._transport,
            on_exchange=record_exchange,
        )
        return epages, afosto

    async def _connect(self) -> SyncContext:
        epages, afosto = self._make_clients()
        ctx = SyncContext(
            settings=self.settings,
            store=self.store,
            epages=epages,
            afosto=afosto,
            journal=Journal(self.store),
        )
        ctx.running.set()
        ctx.retry_base_seconds = self._retry_base
        ctx.on_progress = lambda _progress: self._announce()
        self._connected_at = ctx.now()
        try:
            granted = await epages.authenticate()
            channels = await afosto.list_channels()
        except BaseException:
            await epages.aclose()
            await afosto.aclose()
            raise
        self._apply_scopes(ctx, granted)
        self._requeue_interrupted(ctx)
        channel = next((c for c in channels if c.id == self.settings.afosto_channel_id), None)
        if channel is None:
            await epages.aclose()
            await afosto.aclose()
            raise SyncError(
                Text("Afosto has no sales channel {channel}.", channel=self.settings.afosto_channel_id),
                title=Text("Sales channel not found"),
                action=Text("Choose the sales channel again in Settings > Afosto."),
            )
        ctx.channel_currency = channel.currency or "EUR"
        await self._remember_names(afosto, channels)
        return ctx

    async def _remember_names(self, afosto: AfostoClient, channels: list[Any]) -> None:
        """Names of the Afosto sales channels and locations, so the window shows names where answers carry
        ids. Best effort: without them the window shows the ids."""
        names = {c.id: c.name for c in channels if c.name}
        try:
            names.update({loc.id: loc.name for loc in await afosto.list_locations() if loc.name})
        except SyncError as exc:
            log.info("Afosto location names not read: %s", exc)
        self.store.set_state(KNOWN_NAMES, json.dumps(names, ensure_ascii=False))

    def _requeue_interrupted(self, ctx: SyncContext) -> None:
        """Pushes whose sending was under way when the app stopped go back in line. Every handler reads the
        ePages state before it writes, so one that did arrive is recognised and not applied twice."""
        for push in self.store.in_flight():
            self.store.record_attempt(
                push.key,
                Outcome.RETRYING,
                "The app stopped while this was being sent; checking ePages before sending again.",
                next_attempt_at=ctx.now(),
            )

    def _apply_scopes(self, ctx: SyncContext, granted: GrantedScopes) -> None:
        chosen = set(self.settings.flows)
        lacking = flows_without_scopes(granted, chosen)
        ctx.flows_off = {
            f: Text("permission missing in ePages: {scopes}",
                    scopes=[f"{s} ({label_for(s)})" for s in scopes])
            for f, scopes in lacking.items()
        }
        ctx.flows = chosen - set(lacking)
        self._flows_off = dict(ctx.flows_off)
        for flow, reason in ctx.flows_off.items():
            ctx.journal.system(
                Outcome.SKIPPED,
                Text("{flow}: not synced, {reason}. Tick it in the ePages cockpit (Apps > Eigene Apps), "
                     "save, then reconnect.", flow=FLOW_NAMES[flow], reason=reason),
                flow=flow,
            )

    async def start(self) -> None:
        if self._state not in (EngineState.STOPPED,):
            return
        self._state = EngineState.STARTING
        self._announce()
        self._tasks.start("engine.main", self._main())

    async def _main(self) -> None:
        failures = 0
        while self.ctx is None:
            try:
                self.ctx = await self._connect()
            except SyncError as exc:
                failures += 1
                self._attention = {"connect": _problem(exc)}
                self.store.add_log(self._row(Outcome.ERROR, Text("Could not connect: {problem}",
                                                                 problem=exc.with_action())))
                self._state = EngineState.ATTENTION
                self._announce()
                await asyncio.sleep(min(self.settings.poll_interval, backoff_seconds(failures, base=5)))
        self._attention = {}
        ctx = self.ctx
        self.poller = OrderPoller(ctx)
        self.watcher = AfostoWatcher(ctx)
        self.sender = OutboxSender(ctx)
        self.stock = self._stock_sync(ctx)
        self._state = EngineState.PAUSED if not ctx.running.is_set() else EngineState.RUNNING
        ctx.journal.system(
            Outcome.INFO,
            Text("Sync started: {flows}.", flows=[FLOW_NAMES[f] for f in sorted(ctx.flows)] if ctx.flows
                 else Text("no flow can run")),
        )
        self._announce()
        await self._adopt_first()
        self._tasks.start("engine.poll", self._poll_loop())
        self._tasks.start("engine.push", self._push_loop())
        self._tasks.start("engine.housekeeping", self._housekeeping_loop())
        self._tasks.start("engine.audit", self._audit_loop())

    def _stock_sync(self, ctx: SyncContext) -> StockSync:
        """The stock check; with shared stock, also this store's answer to the other stores."""
        stock = StockSync(ctx, self.shared)
        if self.shared is not None:
            self.shared.connect(self.settings.store_name or "", stock.units_not_in_afosto,
                                lambda: set(stock.products))
        return stock

    def _leave_shared(self) -> None:
        if self.shared is not None:
            self.shared.disconnect(self.settings.store_name or "")

    async def _adopt_first(self) -> None:
        """Before anything is created: link what Afosto already has (see adoption.py). Should Afosto not
        answer now, the poll asks again before it imports any order, so nothing is created twice."""
        assert self.ctx is not None and self.poller is not None
        self.adoption = Adoption(self.ctx)
        self.poller.before_import = self.adoption.before_import
        if not self.ctx.on(Flow.ORDERS):
            return
        try:
            await self.adoption.run()
        except SyncError as exc:
            log.info("adoption at start postponed: %s", exc)

    def _row(self, outcome: Outcome, message: Text) -> LogRow:
        return LogRow(direction=Direction.SYSTEM, outcome=outcome, message=message)

    async def stop(self) -> None:
        """Cancel every task in one place, then close the clients; the store stays consistent."""
        if self._state == EngineState.STOPPED:
            return
        self._state = EngineState.STOPPING
        self._announce()
        self._leave_shared()
        await self._tasks.cancel_all()
        if self.ctx is not None:
            self.ctx.journal.system(Outcome.INFO, Text("Sync stopped."))
            await self.ctx.epages.aclose()
            await self.ctx.afosto.aclose()
        self.ctx = None
        self._state = EngineState.STOPPED
        self._announce()

    def pause(self, until: dt.datetime | None = None) -> None:
        """Finish what is in flight, start nothing new; ``until`` resumes on its own."""
        self._paused_until = until
        if self.ctx is not None:
            self.ctx.running.clear()
        if self._state in (EngineState.RUNNING, EngineState.ATTENTION):
            self._state = EngineState.PAUSED
        self.store.add_log(
            self._row(
                Outcome.INFO,
                Text("Sync paused until {time}.", time=until.astimezone().strftime("%H:%M")) if until
                else Text("Sync paused until resumed."),
            )
        )
        if until is not None:
            self._tasks.start("engine.resume_timer", self._resume_at(until))
        self._announce()

    async def _resume_at(self, until: dt.datetime) -> None:
        await asyncio.sleep(max(0.0, (until - dt.datetime.now(dt.UTC)).total_seconds()))
        self.resume()

    def resume(self) -> None:
        self._paused_until = None
        timer = self._tasks.get("engine.resume_timer")
        if timer is not None and timer is not asyncio.current_task():
            timer.cancel()
        if self.ctx is not None:
            self.ctx.running.set()
        if self._state == EngineState.PAUSED:
            self._state = EngineState.RUNNING
            self.store.add_log(self._row(Outcome.INFO, Text("Sync resumed.")))
        self._announce()

    def sync_now(self) -> None:
        """Poll ePages and check Afosto at once (also while paused: a person asked for it)."""
        self._poll_wake.set()
        self._push_wake.set()
        if self.ctx is not None and not self.ctx.running.is_set():
            self.resume()

    # --- loops -------------------------------------------------------------------------------------------

    async def _wait(self, event: asyncio.Event, seconds: float) -> None:
        try:
            await asyncio.wait_for(event.wait(), timeout=seconds)
        except TimeoutError:
            pass
        event.clear()
        assert self.ctx is not None
        await self.ctx.checkpoint()

    async def _poll_loop(self) -> None:
        assert self.ctx is not None and self.poller is not None
        failures = 0
        while True:
            try:
                self._pick_up_retries()
                if self.ctx.on(Flow.ORDERS) or self.ctx.flows & {
                    Flow.CANCELLATIONS,
                    Flow.SHIPMENTS,
                    Flow.RETURNS,
                }:
                    self.ctx.work_started(since=self._poll_reads_from())
                    if self.adoption is not None:
                        self.adoption.new_round()
                    try:
                        await self.poller.poll_once()
                    finally:
                        self.ctx.work_finished()
                failures = 0
                self._clear_attention("ePages")
                wait = float(self.settings.poll_interval)
            except SyncError as exc:
                failures += 1
                wait = self._failed("ePages", exc, failures, self.settings.poll_interval)
            self._next_poll_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)
            self._announce()
            await self._wait(self._poll_wake, wait)

    async def _push_loop(self) -> None:
        assert self.ctx is not None and self.watcher and self.sender and self.stock
        failures = 0
        while True:
            try:
                await self.push_round()
                failures = 0
                self._clear_attention("Afosto")
                wait = float(self.settings.push_interval)
            except SyncError as exc:
                failures += 1
                wait = self._failed("Afosto", exc, failures, self.settings.push_interval)
            self._announce()
            await self._wait(self._push_wake, wait)

    def _poll_reads_from(self) -> dt.datetime | None:
        """Where the next poll starts reading (the watermark less the overlap); None for the first import."""
        assert self.poller is not None
        mark = self.poller.watermark()
        if mark is None:
            return None
        if mark.tzinfo is None:  # the watermark is kept as naive UTC
            mark = mark.replace(tzinfo=dt.UTC)
        return mark - dt.timedelta(seconds=self.settings.overlap_seconds)

    async def push_round(self, *, full_stock: bool = False) -> None:
        assert self.ctx is not None and self.watcher and self.sender and self.stock
        ctx = self.ctx
        watching = bool(ctx.flows & {Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.RETURNS})
        # The round's two first Afosto reads (changed orders, stock) go out together, in one request.
        reads = [self.watcher.first_read() if watching else None,
                 self.stock.first_read() if ctx.on(Flow.INVENTORY) else None]
        await ctx.afosto.read_ahead([r for r in reads if r is not None])
        try:
            if watching:
                await self.watcher.check_once()
            await self.sender.send_due()
            if ctx.on(Flow.INVENTORY):
                await ctx.checkpoint()
                # A large drop a person confirmed on the command line meanwhile goes out in this very check
                # (the poll, which also picks up retries, may be minutes away; the check would hold it again).
                self._pick_up_retries()
                await self.stock.check_once(full=full_stock)
        finally:
            ctx.afosto.forget_read_ahead()

    def _failed(self, api: str, exc: SyncError, failures: int, interval: int) -> float:
        wait = min(float(interval) * 4, backoff_seconds(failures, base=float(min(interval, 5))))
        if isinstance(exc, AuthenticationError | MissingScope):
            self._set_attention(api, _problem(exc))
            wait = float(max(interval, 60))
        if isinstance(exc, MissingScope) and self.ctx is not None:
            # A permission was taken away in the cockpit: read the token's scopes again and switch off
            # exactly the flows that need it, instead of failing the same call again and again.
            self._tasks.start("engine.rescope", self._rescope())
        if failures == 1 or failures % 10 == 0:
            self.store.add_log(
                self._row(
                    Outcome.RETRYING if exc.transient else Outcome.ERROR,
                    Text("{problem} Next try in {seconds} s.", problem=exc.with_action(),
                         seconds=f"{wait:.0f}"),
                )
            )
        return wait

    def _set_attention(self, key: str, message: Text) -> None:
        self._attention.pop(key, None)
        self._attention[key] = Text("{about}: {problem}", about=_ABOUT.get(key, key), problem=message)

    def _clear_attention(self, key: str) -> None:
        self._attention.pop(key, None)

    async def _rescope(self) -> None:
        assert self.ctx is not None
        granted = await self.ctx.epages.authenticate(renew=True)
        self._apply_scopes(self.ctx, granted)
        self._announce()

    async def _housekeeping_loop(self) -> None:
        while True:
            loop = asyncio.get_running_loop()
            pruned = await loop.run_in_executor(None, self.store.prune_log, self.settings.log_retention_days)
            await loop.run_in_executor(None, self.store.prune_outbox, 30)
            if pruned:
                log.info("pruned %d log rows older than %d days", pruned, self.settings.log_retention_days)
            await asyncio.sleep(6 * 3600)

    async def _audit_loop(self) -> None:
        """Compare both systems by itself once a day (the first time a day after the first start, when the
        first import is long done)."""
        while True:
            due = _when(self.store.get_state(AUDIT_DUE))
            now = dt.datetime.now(dt.UTC)
            if due is None:
                due = now + AUDIT_EVERY
                self.store.set_state(AUDIT_DUE, due.isoformat())
            if due > now:
                await asyncio.sleep(min((due - now).total_seconds(), 3600.0))
                continue
            try:
                await self.compare_both_systems(daily=True)
            except SyncError as exc:
                self.store.add_log(self._row(Outcome.RETRYING, Text(
                    "Comparing both systems did not finish: {problem} It is tried again in an hour.",
                    problem=exc.with_action())))
                await asyncio.sleep(3600.0)
                continue
            self.store.set_state(AUDIT_DUE, (dt.datetime.now(dt.UTC) + AUDIT_EVERY).isoformat())

    async def _compare_again(self) -> None:
        try:
            await self.compare_both_systems()
        except SyncError as exc:
            self.store.add_log(self._row(Outcome.RETRYING, Text(
                "Comparing both systems did not finish: {problem}", problem=exc.with_action())))

    async def compare_both_systems(self, *, daily: bool = False) -> list[Difference]:
        """Read both systems and list what differs as attention items (the window's "Compare both
        systems" and the daily run). The daily run leaves out orders changed in the last two polls."""
        changed_after = None
        if daily:
            changed_after = dt.datetime.now(dt.UTC) - dt.timedelta(
                seconds=2 * self.settings.poll_interval + self.settings.push_interval)
        # With several stores, the others' orders not in Afosto yet hold this shop's stock back too.
        elsewhere = (await self.shared.others(self.settings.store_name or "")).units if self.shared else None
        if self.ctx is not None:
            found = await compare_both_systems(self.ctx.epages, self.ctx.afosto, self.settings, self.store,
                                               changed_after=changed_after, held_elsewhere=elsewhere)
        else:
            epages, afosto = self._make_clients()
            try:
                found = await compare_both_systems(epages, afosto, self.settings, self.store,
                                                   changed_after=changed_after, held_elsewhere=elsewhere)
            finally:
                await epages.aclose()
                await afosto.aclose()
        self._announce()
        return found

    def _task_failed(self, name: str, exc: BaseException) -> None:
        self._set_attention("Engine", Text("a background task ({name}) stopped: {error}. Restart the sync.",
                                           name=name, error=repr(exc)))
        try:
            self.store.add_log(
                self._row(
                    Outcome.ERROR,
                    Text("Internal error in {name}: {error}. The sync of this part stopped; restart the app "
                         "and send the log to support.", name=name, error=repr(exc)),
                )
            )
        finally:
            self._announce()

    # --- one-shot and parked items ----------------------------------------------------------------------

    async def run_once(self, *, max_wait: float = 300.0) -> None:
        """Connect, poll once, then push until the outbox is empty (``run --headless --once``)."""
        if self.ctx is None:
            self.ctx = await self._connect()
            ctx = self.ctx
            self.poller, self.watcher = OrderPoller(ctx), AfostoWatcher(ctx)
            self.sender, self.stock = OutboxSender(ctx), self._stock_sync(ctx)
            await self._adopt_first()
        ctx = self.ctx
        assert self.poller and self.watcher and self.sender and self.stock
        self._pick_up_retries()
        if self.adoption is not None:
            self.adoption.new_round()
        ctx.work_started(since=self._poll_reads_from())
        try:
            await self.poller.poll_once()
        finally:
            ctx.work_finished()
        await self._tasks.wait_prefix("engine.retry.")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_wait
        round_no = 0
        while True:
            await self.push_round(full_stock=round_no == 0)
            round_no += 1
            if not self._left_to_send() or loop.time() >= deadline:
                break
            # Pushes that met trouble wait for their next try; --once waits for them (up to max_wait).
            waiting = self.store.due(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=3650), limit=1)
            if waiting:
                delay = (waiting[0].next_attempt_at - dt.datetime.now(dt.UTC)).total_seconds()
                await asyncio.sleep(min(max(delay, 0.0), max(0.0, deadline - loop.time()), 5.0))

    def _left_to_send(self) -> bool:
        """Whether the outbox holds a change still to be sent; a stock figure held for a person (a large drop,
        see stock.py) waits for that person, not for another round."""
        if self.store.outbox_depth() == 0:
            return False
        held = {str(sku) for item in self.store.open_parked() if item.kind == PARK_STOCK_DROP
                for sku in item.data.get("skus") or []}
        if not held:
            return True
        pushes = self.store.due(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=3650), limit=1000)
        return any(p.kind != "stock" or str(p.payload.get("sku")) not in held for p in pushes)

    async def preview(self) -> Preview:
        """What the sync would do now, read from both systems and planned, with nothing written to either
        (``run --dry-run`` and the wizard's last step)."""
        ctx = await self._connect()
        try:
            return await build_preview(ctx, OrderPoller(ctx), StockSync(ctx), Adoption(ctx))
        finally:
            await ctx.epages.aclose()
            await ctx.afosto.aclose()

    async def close(self) -> None:
        self._leave_shared()
        await self._tasks.cancel_all()
        if self.ctx is not None:
            await self.ctx.epages.aclose()
            await self.ctx.afosto.aclose()
            self.ctx = None
        self._state = EngineState.STOPPED

    def retry_parked(self, parked_id: int) -> bool:
        return bool(self.retry_items([parked_id]))

    def retry_items(self, parked_ids: Sequence[int]) -> list[int]:
        """A person pressed Retry on one or many parked items: hand them back and try again now.

        Returns the ids that were still open (the others were settled meanwhile)."""
        items = self.store.retry_parked_many(parked_ids)
        if not items:
            return []
        for item in items:
            self._retry_engine_part(item)
        self._handled_retries.update(item.id for item in items)
        self.store.add_log(self._row(Outcome.INFO, Text("Retry asked for: {reference}.",
                                                        reference=_references(items))))
        self.sync_now()
        return [item.id for item in items]

    def _retry_engine_part(self, item: ParkedItem) -> None:
        if item.kind == PARK_STOCK_DROP and self.stock is not None:
            self.stock.drop_confirmed = True
        elif item.kind in _ORDER_KINDS and self.ctx is not None:
            order_id = str(item.data.get("epages_order_id") or "")
            if order_id:
                self._tasks.start(f"engine.retry.{order_id}", self._retry_order(order_id))
        elif item.kind == PARK_AUDIT and self.ctx is not None and not self._tasks.get("engine.compare"):
            # A difference a person put right: comparing again settles it (or lists it once more).
            self._tasks.start("engine.compare", self._compare_again())

    def _pick_up_retries(self) -> None:
        """Items handed back for a retry where this engine did not hear of it (the command line, or a retry
        while the sync was stopped) are tried again once. An order is simply read again; a held stock drop is
        let through only when the retry came while this engine ran, never on a stale word from long ago."""
        for item in self.store.retried_parked((*_ORDER_KINDS, PARK_STOCK_DROP)):
            if item.id in self._handled_retries:
                continue
            if item.kind == PARK_STOCK_DROP and (self._connected_at is None or item.updated_at < self._connected_at):
                continue
            self._handled_retries.add(item.id)
            self._retry_engine_part(item)

    async def _retry_order(self, order_id: str) -> None:
        assert self.ctx is not None and self.poller is not None
        order = await self.ctx.epages.get_order(order_id)
        link = self.store.link_by_epages("order", order_id)
        if link is not None and "seen" in link.data:
            self.store.update_link_data("order", order_id, {"seen": None})
        await self.poller.handle_order(order)
        self._announce()

    def dismiss_parked(self, parked_id: int) -> bool:
        return bool(self.dismiss_items([parked_id]))

    def dismiss_items(self, parked_ids: Sequence[int]) -> list[int]:
        """A person decided these parked items need nothing more; returns the ids that were still open."""
        done = self.store.dismiss_parked_many(parked_ids)
        if done:
            self.store.add_log(self._row(
                Outcome.INFO, Text("Dismissed parked item {id}.", id=done[0]) if len(done) == 1
                else Text("Dismissed {n} parked items.", n=len(done))))
            self._announce()
        return done


def _references(items: Sequence[ParkedItem]) -> str:
    shown = ", ".join(item.reference for item in items[:10])
    return shown if len(items) <= 10 else Text("{shown} and {more} more", shown=shown, more=len(items) - 10)


def engine_figures(store: Store) -> dict[str, Any]:
    """What ``status`` shows of the engine, read from the store alone (works while the engine runs elsewhere)."""
    figures: dict[str, Any] = {
        "orders_linked": store.count_links(LinkKind.ORDER.value),
        "parked_items": store.parked_count(),
        "outbox_depth": store.outbox_depth(),
        "last_good_poll": store.get_state(LAST_GOOD_POLL),
        "last_good_push": store.get_state(LAST_GOOD_PUSH),
    }
    for flow in Flow:
        key = LAST_GOOD_POLL if flow == Flow.ORDERS else f"push.last_good.{flow.value}"
        figures[f"last_good_{flow.value}"] = store.get_state(key)
    return figures
