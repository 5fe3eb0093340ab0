"""The sandbox: both simulated systems behind one ASGI app, plus the controls tests and the demo use.

ePages Beyond answers under ``/api``, Afosto at ``POST /graphql``, and ``/_sandbox/...`` shows the state of
both worlds, whether they agree, drives activity, swaps faults and counts requests. It works in-process
(``httpx.ASGITransport(app=sandbox.app)``) as well as over loopback (``server.run_in_thread``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .activity import Activity
from .consistency import Consistency, check_consistency, check_stores
from .epages import DEFAULT_TOKEN_LIFETIME, BeyondError, EpagesApi, EpagesWorld, TokenDesk, iso_to_ms
from .epages.api import beyond_error_response
from .faults import FaultInjector, FaultPlan, FaultSpecError
from .figures import OrderFigures
from .seed import CURRENCY, AfostoChannel, SeedWorld, build_world

log = logging.getLogger(__name__)

_ID_SEGMENT = re.compile(r"/[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}(?=/|$)")


class AfostoSide(Protocol):
    """What the sandbox needs from the Afosto simulator (see ``sandbox/afosto``)."""

    API_KEY: str

    async def handle_graphql(self, request: Request) -> Response: ...
    def warehouse_step(self, rng: Any) -> str | None: ...
    def epages_order_ids(self) -> set[str]: ...
    def order_figures(self) -> dict[str, list[OrderFigures]]: ...
    def available_stock(self, sku: str, location_ids: Iterable[str]) -> int | None: ...
    def snapshot(self) -> dict[str, Any]: ...


AfostoFactory = Callable[..., AfostoSide]


def _real_afosto(world: SeedWorld, *, clock: Callable[[], float]) -> AfostoSide:
    from .afosto import AfostoWorld  # imported late: the sandbox's ePages half must load on its own

    return AfostoWorld(world, clock=clock)


STORE_PREFIX = "/stores/"


def store_of(path: str) -> tuple[str | None, str]:
    """The store a path names (``/stores/<name>/...``) and the path below it; (None, path) without one."""
    if not path.startswith(STORE_PREFIX):
        return None, path
    name, slash, rest = path[len(STORE_PREFIX):].partition("/")
    return name, slash + rest


def api_of(path: str) -> str | None:
    """Which simulated API a path belongs to; the sandbox's own controls belong to none."""
    path = store_of(path)[1]
    if path == "/api" or path.startswith("/api/"):
        return "epages"
    if path == "/graphql" or path.startswith("/graphql/"):
        return "afosto"
    return None


_OPERATION_NAME = re.compile(rb'"operationName"\s*:\s*"([_A-Za-z]\w*)"')


def _operation_of(body: bytes) -> str:
    """The operation a GraphQL request names (without decoding the whole body)."""
    found = _OPERATION_NAME.search(body)
    return found.group(1).decode() if found else "anonymous"


class RequestCounts:
    """Requests per API and path (ids folded into ``{id}``), for benchmarks and "costs one request" checks."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter[str]] = {"epages": Counter(), "afosto": Counter()}
        # Afosto's requests by the operation they name (all of them go to one path).
        self._operations: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, api: str, method: str, path: str) -> None:
        key = f"{method} {_ID_SEGMENT.sub('/{id}', path)}"
        with self._lock:
            self._counts[api][key] += 1

    def add_operation(self, name: str) -> None:
        with self._lock:
            self._operations[name] += 1

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            out: dict[str, Any] = {api: {"total": sum(c.values()), "paths": dict(sorted(c.items()))}
                                   for api, c in self._counts.items()}
            out["afosto"]["operations"] = dict(sorted(self._operations.items()))
            return out

    def reset(self) -> None:
        with self._lock:
            for c in self._counts.values():
                c.clear()
            self._operations.clear()


@dataclass
class Shop:
    """One ePages store of the sandbox: its own shop world, token desk, customers and Afosto sales channel."""

    name: str
    epages: EpagesWorld
    tokens: TokenDesk
    activity: Activity
    channel_id: str
    app: Any = None  # its ASGI app below /stores/<name>, made with the sandbox's


class Sandbox:
    """Seed world, both simulators, faults, activity and clock, composed into one ASGI app (``.app``).

    With ``stores`` it serves several ePages stores, each its own shop under ``/stores/<name>/api`` (the
    first also under ``/api``), sharing one Afosto (``/graphql``, also under each store's prefix) in which
    each store has a sales channel of its own. Without, it is one shop as always.

    While a server thread runs the app, change the worlds from another thread only through the methods
    here (``step``, ``state``, ``set_faults`` ...) or inside ``with sandbox.lock:``; the HTTP handlers
    hold the same lock while they work on the worlds.
    """

    def __init__(self, seed: int = 1, orders: int = 20, activity: str = "off", latency_ms: float = 0,
                 faults: str | None = None, token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
                 clock: Callable[[], float] = time.time, *, afosto_factory: AfostoFactory | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, order_listing: str = "sorted",
                 stores: Sequence[str] = ()) -> None:
        self.seed = seed
        self.order_listing = order_listing
        self.clock = clock
        self.world = build_world(seed)
        names = list(dict.fromkeys(stores))
        for name in names[1:]:  # the first store sells through the world's own webshop channel
            self.world.channels.append(AfostoChannel(str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox-{seed}-{name}")),
                                                     f"Webshop {name} (ePages)", CURRENCY))
        self.epages = EpagesWorld(self.world, orders=orders, clock=clock)
        self.afosto: AfostoSide = (afosto_factory or _real_afosto)(self.world, clock=clock)
        self.faults = FaultPlan(faults, seed=seed, base_latency_ms=latency_ms)
        self.tokens = TokenDesk(self.epages.tenant_id, clock=clock, lifetime=token_lifetime,
                                max_age=self.faults.token_max_age)
        self.activity = Activity(self.epages, self.afosto, seed=seed, mode=activity)
        self.shops: dict[str, Shop] = {}
        for n, name in enumerate(names):
            shop_world = self.epages if n == 0 else EpagesWorld(self.world, orders=orders, clock=clock, shop=n)
            tokens = self.tokens if n == 0 else TokenDesk(shop_world.tenant_id, clock=clock, lifetime=token_lifetime,
                                                          max_age=self.faults.token_max_age)
            customers = self.activity if n == 0 else Activity(shop_world, self.afosto, seed=seed + 1000 * n,
                                                              mode=activity)
            channel = self.world.default_channel if n == 0 else self.world.channels[-len(names) + n]
            self.shops[name] = Shop(name, shop_world, tokens, customers, channel.channel_id)
        self._next_shop = 0
        self.requests = RequestCounts()
        # One lock over both worlds: the HTTP server may run in another thread than a test driving step().
        self.lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: asyncio.Task[None] | None = None
        # Set while a server runs the app (between lifespan start-up and shut-down).
        self.serving = threading.Event()
        self.app = self._build_app(sleep)

    # -- the lock, from threads and from coroutines ---------------------------------------------------
    @asynccontextmanager
    async def guard(self) -> AsyncIterator[None]:
        # Never block the event loop on the lock: a coroutine holding it may be waiting on this same loop.
        while not self.lock.acquire(blocking=False):  # noqa: ASYNC110 (a thread lock, not an event)
            await asyncio.sleep(0.001)
        try:
            yield
        finally:
            self.lock.release()

    # -- controls (usable from tests directly, and over HTTP below) -----------------------------------
    def step(self, count: int = 1) -> list[str]:
        """Let ``count`` things happen; returns what happened."""
        with self.lock:
            return self._steps(count)

    def _steps(self, count: int) -> list[str]:
        events = []
        activities = [shop.activity for shop in self.shops.values()] or [self.activity]
        for _ in range(max(0, count)):
            # Several stores take turns: each step is one thing happening in the next store's world.
            activity = activities[self._next_shop % len(activities)]
            self._next_shop += 1
            sentence = activity.step()
            if sentence:
                events.append(sentence if len(activities) == 1 else f"[{self._shop_of(activity)}] {sentence}")
        return events

    def _shop_of(self, activity: Activity) -> str:
        return next(s.name for s in self.shops.values() if s.activity is activity)

    def shop(self, name: str) -> Shop:
        """One store of a sandbox serving several; KeyError naming the stores there are."""
        found = self.shops.get(name)
        if found is None:
            raise KeyError(f"The sandbox has no store {name!r}; it serves {', '.join(self.shops) or 'one shop'}.")
        return found

    def store_consistency(self, stock_from: Iterable[str] | None = None,
                          since_ms: int | None = None) -> dict[str, Consistency]:
        """Per store of a sandbox serving several: its orders in its own channel, its stock by the rule that
        counts every store's orders not yet in Afosto."""
        with self.lock:
            return self._store_consistency(stock_from, since_ms)

    def _store_consistency(self, stock_from: Iterable[str] | None, since_ms: int | None) -> dict[str, Consistency]:
        locations = list(stock_from) if stock_from is not None else list(self.world.feeding_location_ids)
        return check_stores([(s.name, s.epages, s.channel_id) for s in self.shops.values()], self.afosto,
                            stock_from=locations, since_ms=since_ms)

    def consistency(self, stock_from: Iterable[str] | None = None,
                    since_ms: int | None = None) -> Consistency:
        with self.lock:
            return self._consistency(stock_from, since_ms)

    def _consistency(self, stock_from: Iterable[str] | None, since_ms: int | None) -> Consistency:
        if len(self.shops) > 1:  # every store's differences, each said with its store
            together = Consistency()
            for name, found in self._store_consistency(stock_from, since_ms).items():
                together.differences += [f"Store {name}: {d}" for d in found.differences]
                together.cannot_sync += [f"Store {name}: {d}" for d in found.cannot_sync]
            return together
        locations = list(stock_from) if stock_from is not None else list(self.world.feeding_location_ids)
        return check_consistency(self.epages, self.afosto, stock_from=locations, since_ms=since_ms)

    def state(self, stock_from: Iterable[str] | None = None, since_ms: int | None = None) -> dict[str, Any]:
        with self.lock:
            return self._state(stock_from, since_ms)

    def _state(self, stock_from: Iterable[str] | None, since_ms: int | None) -> dict[str, Any]:
        state = {"seed": self.seed, "epages": self.epages.snapshot(), "afosto": self.afosto.snapshot(),
                 "consistency": self._consistency(stock_from, since_ms).as_dict(),
                 "activity": {"mode": self.activity.mode, "recent": self.activity.history[-20:]},
                 "faults": self.faults.spec}
        if len(self.shops) > 1:
            apart = self._store_consistency(stock_from, since_ms)
            state["stores"] = {s.name: {"epages": s.epages.snapshot(), "channel_id": s.channel_id,
                                        "consistency": apart[s.name].as_dict(),
                                        "revoked": sorted(s.tokens.revoked)} for s in self.shops.values()}
        return state

    def set_faults(self, spec: str | None) -> None:
        """Replace the fault spec; a bad spec raises FaultSpecError and leaves the old one in force."""
        self.faults.replace(spec)

    def set_activity(self, mode: str) -> None:
        self.activity.set_mode(mode)
        for shop in self.shops.values():
            shop.activity.set_mode(mode)
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                self._ensure_runner()
            else:
                loop.call_soon_threadsafe(self._ensure_runner)

    def revoke_client(self, client_id: str, store: str | None = None) -> None:
        """Revoke an ePages app: in one store (``store``), or in the first (the only) store."""
        (self.shop(store).tokens if store else self.tokens).revoke(client_id)

    def restore_client(self, client_id: str, store: str | None = None) -> None:
        (self.shop(store).tokens if store else self.tokens).restore(client_id)

    # -- activity on its own --------------------------------------------------------------------------
    @property
    def activity_running(self) -> bool:
        """Whether activity is taking steps on its own (only while served, i.e. inside the app's lifespan)."""
        return self._runner is not None and not self._runner.done()

    def _ensure_runner(self) -> None:
        if self.activity.interval is None:
            if self._runner is not None:
                self._runner.cancel()
                self._runner = None
            return
        if self._runner is None or self._runner.done():
            self._runner = asyncio.get_running_loop().create_task(self._run_activity(),
                                                                  name="sandbox-activity")

    async def _run_activity(self) -> None:
        while self.activity.interval is not None:
            # With several stores each step is one store's, in turn: the pace per store is shared out.
            await asyncio.sleep(self.activity.jittered_interval() / max(1, len(self.shops)))
            try:
                async with self.guard():
                    self._steps(1)
            except Exception:  # one bad step must not stop a demo; it is logged for whoever watches
                log.exception("sandbox activity step failed")

    @asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self._loop = asyncio.get_running_loop()
        self._ensure_runner()
        self.serving.set()
        try:
            yield
        finally:
            self.serving.clear()
            if self._runner is not None:
                self._runner.cancel()
                try:
                    await self._runner
                except asyncio.CancelledError:
                    pass
                self._runner = None
            self._loop = None

    # -- HTTP -----------------------------------------------------------------------------------------
    def _shop_app(self, shop: Shop) -> Starlette:
        """One store's own paths, below ``/stores/<name>``: its ePages API, the shared Afosto, its app's
        revocation."""
        api = EpagesApi(shop.epages, shop.tokens, self.guard, order_listing=self.order_listing)

        async def revoke(request: Request) -> Response:
            shop.tokens.revoke(request.path_params["clientId"])
            return JSONResponse({"revoked": sorted(shop.tokens.revoked)})

        async def restore(request: Request) -> Response:
            shop.tokens.restore(request.path_params["clientId"])
            return JSONResponse({"revoked": sorted(shop.tokens.revoked)})

        return Starlette(routes=[
            *api.routes(),
            Route("/graphql", self._graphql, methods=["POST"]),
            Route("/_sandbox/clients/{clientId}/revoke", revoke, methods=["POST"]),
            Route("/_sandbox/clients/{clientId}/restore", restore, methods=["POST"]),
        ], exception_handlers={404: self._http_error, 405: self._http_error})

    def _build_app(self, sleep: Callable[[float], Awaitable[None]]) -> Callable[..., Awaitable[None]]:
        epages_api = EpagesApi(self.epages, self.tokens, self.guard, order_listing=self.order_listing)
        for shop in self.shops.values():
            shop.app = self._shop_app(shop)
        routes = [
            *epages_api.routes(),
            Route("/graphql", self._graphql, methods=["POST"]),
            Route("/_sandbox/state", self._http_state, methods=["GET"]),
            Route("/_sandbox/activity", self._http_activity, methods=["GET", "POST"]),
            Route("/_sandbox/step", self._http_step, methods=["POST"]),
            Route("/_sandbox/requests", self._http_requests, methods=["GET", "DELETE"]),
            Route("/_sandbox/faults", self._http_faults, methods=["GET", "POST"]),
            Route("/_sandbox/clients/{clientId}/revoke", self._http_revoke, methods=["POST"]),
            Route("/_sandbox/clients/{clientId}/restore", self._http_restore, methods=["POST"]),
        ]
        starlette = Starlette(routes=routes, lifespan=self._lifespan,
                              exception_handlers={404: self._http_error, 405: self._http_error})

        async def by_store(scope: dict[str, Any], receive: Any, send: Any) -> None:
            name, _rest = store_of(scope["path"]) if scope["type"] == "http" else (None, "")
            if name is None:
                await starlette(scope, receive, send)
                return
            shop = self.shops.get(name)
            if shop is None:
                known = ", ".join(self.shops) or "none (start the sandbox with --stores)"
                response = JSONResponse({"error": f"The sandbox has no store {name!r}. Its stores: {known}."}, 404)
                await response(scope, receive, send)
                return
            await shop.app({**scope, "root_path": scope.get("root_path", "") + STORE_PREFIX + name}, receive, send)

        injector = FaultInjector(by_store, self.faults, api_of, sleep=sleep)

        async def counted(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                api = api_of(scope["path"])
                if api is not None:
                    self.requests.add(api, scope["method"], scope["path"])
            await injector(scope, receive, send)

        return counted

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if api_of(request.url.path) == "epages":
            if status == 405:
                return beyond_error_response(BeyondError(
                    405, "method-not-allowed", f"Request method '{request.method}' is not supported"))
            return beyond_error_response(BeyondError(404, "resource-not-found", "Resource not found!",
                                                     {"path": store_of(request.url.path)[1][len("/api"):]}))
        return JSONResponse({"error": "Not Found" if status == 404 else "Method Not Allowed"}, status)

    async def _graphql(self, request: Request) -> Response:
        raw = await request.body()  # read off the wire before taking the lock; Starlette keeps it for the handler
        self.requests.add_operation(_operation_of(raw))
        async with self.guard():
            return await self.afosto.handle_graphql(request)

    @staticmethod
    async def _json(request: Request) -> Any:
        raw = await request.body()
        if not raw.strip():
            return {}
        try:
            return json.loads(raw)
        except ValueError:
            return raw.decode("utf-8", "replace").strip()

    async def _http_state(self, request: Request) -> Response:
        q = request.query_params
        stock_from = None
        if q.get("stock_from"):
            stock_from = [s.strip() for s in q["stock_from"].split(",") if s.strip()]
        since_ms = None
        if q.get("since"):
            try:
                since_ms = iso_to_ms(q["since"] if "T" in q["since"] else q["since"] + "T00:00:00")
            except ValueError:
                return JSONResponse({"error": f"'{q['since']}' is not a date like 2026-01-31."}, 400)
        async with self.guard():
            body = self._state(stock_from, since_ms)
        return JSONResponse(body)

    async def _http_activity(self, request: Request) -> Response:
        if request.method == "POST":
            body = await self._json(request)
            mode = body.get("mode") if isinstance(body, dict) else body
            try:
                self.set_activity(str(mode))
            except ValueError as e:
                return JSONResponse({"error": str(e)}, 400)
        return JSONResponse({"mode": self.activity.mode, "recent": self.activity.history[-20:]})

    async def _http_step(self, request: Request) -> Response:
        body = await self._json(request)
        count = body.get("count", 1) if isinstance(body, dict) else 1
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 10_000:
            return JSONResponse({"error": "count must be a whole number from 0 to 10000."}, 400)
        async with self.guard():
            events = self._steps(count)
        return JSONResponse({"events": events})

    async def _http_requests(self, request: Request) -> Response:
        body = self.requests.as_dict()
        if request.method == "DELETE" or request.query_params.get("reset") == "true":
            self.requests.reset()
        return JSONResponse(body)

    async def _http_faults(self, request: Request) -> Response:
        if request.method == "POST":
            body = await self._json(request)
            spec = body.get("spec") if isinstance(body, dict) else body
            try:
                self.set_faults(spec or None)
            except FaultSpecError as e:
                return JSONResponse({"error": str(e)}, 400)
        return JSONResponse({"spec": self.faults.spec, "rules": [r.text for r in self.faults.rules]})

    async def _http_revoke(self, request: Request) -> Response:
        self.revoke_client(request.path_params["clientId"])
        return JSONResponse({"revoked": sorted(self.tokens.revoked)})

    async def _http_restore(self, request: Request) -> Response:
        self.restore_client(request.path_params["clientId"])
        return JSONResponse({"revoked": sorted(self.tokens.revoked)})
