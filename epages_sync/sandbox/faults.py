"""Network and server trouble on demand: slow answers, 5xx, rate limits, dropped connections, dying tokens.

A fault spec is a short comma-separated string of ``TARGET:KIND[=VALUE]`` rules, e.g.
``epages:5xx=0.1,afosto:rate=0.05,all:latency=40~10,stock:409=0.2,token:expire=60,all:drop=0.02``.
Decisions come from a seeded generator, so the same spec, seed and sequence of requests give the same faults.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

TARGETS = ("all", "epages", "afosto", "token", "stock")

SPEC_HELP = """\
Fault spec: comma-separated rules TARGET:KIND[=VALUE]; shares are between 0 and 1.
  TARGET  all | epages | afosto | token (the ePages token endpoint) | stock (ePages stock changes)
          | a path pattern starting with / such as /api/orders/*/processes/*
  KIND    latency=MS[~JITTER]  added delay per request, e.g. latency=40~10
          5xx=SHARE            answers 500/502/503; the request is NOT applied
          rate=SHARE[@SECS]    ePages: 429 with Retry-After (default 1 s); Afosto: HTTP 200 with
                               errors[].extensions.code RATE_LIMITED; not applied
          409=SHARE            ePages only: 409 optimistic-locking-failure; not applied (use with stock:)
          error=SHARE          Afosto only: HTTP 200 with INTERNAL_SERVER_ERROR; not applied
          drop=SHARE           connection dropped mid-answer AFTER the request was applied (a lost answer)
          cut=SHARE            connection dropped mid-answer, request NOT applied
          slow=SHARE@SECS      the request is applied, the answer comes SECS later (beyond a client timeout)
          expire=SECS          token only: tokens stop working SECS after they were issued
Example: epages:5xx=0.1,afosto:rate=0.05,all:latency=40~10,stock:409=0.2,token:expire=60,all:drop=0.02"""

_SHARE_KINDS = ("5xx", "rate", "409", "error", "drop", "cut", "slow")
_KINDS = ("latency", "expire", *_SHARE_KINDS)


class FaultSpecError(ValueError):
    """A fault spec that cannot be read; the message names the rule and what is wrong with it."""


class ConnectionDropped(httpx.RemoteProtocolError):
    """The sandbox hung up mid-answer on purpose.

    It is an httpx transport error so that a client talking to the sandbox in-process (ASGITransport) sees
    the same kind of failure as over a real socket.
    """

    def __init__(self) -> None:
        super().__init__("Server disconnected without sending a complete response (sandbox fault).")


@dataclass(frozen=True)
class FaultRule:
    target: str
    kind: str
    share: float = 0.0
    ms: float = 0.0
    jitter: float = 0.0
    seconds: float = 0.0
    text: str = ""

    def matches(self, api: str, path: str, method: str) -> bool:
        t = self.target
        if t == "all":
            return True
        if t in ("epages", "afosto"):
            return api == t
        if t == "token":
            return path == "/api/oauth/token"
        if t == "stock":
            return method == "POST" and "/availability/" in path and path.startswith("/api/products/")
        return fnmatch.fnmatchcase(path, t)


def _number(rule: str, text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise FaultSpecError(f"'{rule}': {what} '{text}' is not a number.") from None
    if value < 0:
        raise FaultSpecError(f"'{rule}': {what} must not be negative.")
    return value


def _share(rule: str, text: str) -> float:
    value = _number(rule, text, "share")
    if value > 1:
        raise FaultSpecError(f"'{rule}': a share is between 0 and 1 (0.1 means one request in ten).")
    return value


def parse_faults(spec: str | None) -> list[FaultRule]:
    """Read a fault spec; raises FaultSpecError with a message a person can act on."""
    rules: list[FaultRule] = []
    for raw in (spec or "").split(","):
        text = raw.strip()
        if not text:
            continue
        target, sep, rest = text.partition(":")
        target = target.strip().lower() if not target.strip().startswith("/") else target.strip()
        if not sep or not rest:
            raise FaultSpecError(f"'{text}': write TARGET:KIND=VALUE, for example epages:5xx=0.1.")
        if target not in TARGETS and not target.startswith("/"):
            raise FaultSpecError(f"'{text}': unknown target '{target}'; use one of {', '.join(TARGETS)} "
                                 "or a path starting with /.")
        kind, _, value = rest.partition("=")
        kind = kind.strip().lower()
        value = value.strip()
        if kind not in _KINDS:
            raise FaultSpecError(f"'{text}': unknown kind '{kind}'; use one of {', '.join(_KINDS)}.")
        if not value:
            sample = {"latency": "40~10", "expire": "60", "slow": "0.01@30"}.get(kind, "0.1")
            raise FaultSpecError(f"'{text}': '{kind}' needs a value, for example {kind}={sample}.")
        if kind == "409" and (target in ("afosto", "all") or target.startswith("/graphql")):
            raise FaultSpecError(f"'{text}': 409 optimistic-locking answers exist only on ePages; "
                                 "use stock:409=SHARE or epages:409=SHARE.")
        if kind == "error" and (target not in ("afosto", "all") and not target.startswith("/graphql")):
            raise FaultSpecError(f"'{text}': 'error' (INTERNAL_SERVER_ERROR) is an Afosto answer; "
                                 "use afosto:error=SHARE.")
        if kind == "expire" and target != "token":
            raise FaultSpecError(f"'{text}': 'expire' applies to tokens only; write token:expire=SECONDS.")
        if kind == "latency":
            ms_text, _, jitter_text = value.partition("~")
            ms = _number(text, ms_text, "latency")
            jitter = _number(text, jitter_text, "jitter") if jitter_text else 0.0
            rules.append(FaultRule(target, kind, ms=ms, jitter=jitter, text=text))
        elif kind == "expire":
            rules.append(FaultRule(target, kind, seconds=_number(text, value, "seconds"), text=text))
        else:
            share_text, at, seconds_text = value.partition("@")
            share = _share(text, share_text)
            if kind == "slow" and not at:
                raise FaultSpecError(f"'{text}': say how slow, e.g. slow={share_text}@30 for 30 seconds.")
            if at and kind not in ("slow", "rate"):
                raise FaultSpecError(f"'{text}': '@SECONDS' is only for slow and rate.")
            seconds = _number(text, seconds_text, "seconds") if at else (1.0 if kind == "rate" else 0.0)
            rules.append(FaultRule(target, kind, share=share, seconds=seconds, text=text))
    return rules


@dataclass
class Decision:
    """What happens to one request."""

    delay: float = 0.0  # seconds before it is handled
    refuse: str | None = None  # 5xx | rate | 409 | error | cut: answered without applying
    retry_after: float = 0.0
    drop: bool = False  # applied, then the connection is dropped mid-answer
    slow: float = 0.0  # applied, then the answer waits this long
    rules: list[str] = field(default_factory=list)


class FaultPlan:
    """The faults currently in force, and the seeded dice that pick which requests they hit."""

    def __init__(self, spec: str | None = None, *, seed: int = 1, base_latency_ms: float = 0.0) -> None:
        self.seed = seed
        self.base_latency_ms = base_latency_ms
        self.rules = parse_faults(spec)
        self.spec = spec or ""
        self._rng = random.Random(f"faults-{seed}")

    def replace(self, spec: str | None) -> None:
        """Swap in a new spec (parsed first, so a bad one leaves the old plan in force)."""
        rules = parse_faults(spec)
        self.rules, self.spec = rules, spec or ""

    def token_max_age(self) -> float | None:
        ages = [r.seconds for r in self.rules if r.kind == "expire"]
        return min(ages) if ages else None

    def decide(self, api: str, path: str, method: str) -> Decision:
        decision = Decision(delay=self.base_latency_ms / 1000)
        for rule in self.rules:
            if rule.kind == "expire" or not rule.matches(api, path, method):
                continue
            if rule.kind == "latency":
                spread = self._rng.uniform(-rule.jitter, rule.jitter) if rule.jitter else 0.0
                decision.delay += max(0.0, rule.ms + spread) / 1000
                continue
            if (rule.kind == "409" and api != "epages") or (rule.kind == "error" and api != "afosto"):
                continue
            if rule.share <= 0 or self._rng.random() >= rule.share:
                continue
            decision.rules.append(rule.text)
            if rule.kind in ("5xx", "rate", "409", "error", "cut"):
                if decision.refuse is None:
                    decision.refuse = rule.kind
                    decision.retry_after = rule.seconds
            elif rule.kind == "drop":
                decision.drop = True
            elif rule.kind == "slow":
                decision.slow = max(decision.slow, rule.seconds)
        return decision

    def pick(self, choices: list[Any]) -> Any:
        return self._rng.choice(choices)


Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]


async def _answer(send: Send, status: int, body: bytes, content_type: str,
                  headers: list[tuple[bytes, bytes]] | None = None) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
        *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def _beyond(error_id: str, message: str) -> bytes:
    return json.dumps({"errorId": error_id, "details": {}, "message": message, "traceId": None}).encode()


def _graphql_error(code: str, message: str) -> bytes:
    return json.dumps({"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}).encode()


_GATEWAY = {
    502: b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
    503: b"<html><head><title>503 Service Temporarily Unavailable</title></head>"
         b"<body><h1>503 Service Temporarily Unavailable</h1></body></html>",
}


class FaultInjector:
    """ASGI wrapper that puts the plan's faults between the client and the simulated APIs."""

    def __init__(self, app: ASGIApp, plan: FaultPlan, classify: Callable[[str], str | None],
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.app = app
        self.plan = plan
        self.classify = classify  # path -> "epages" | "afosto" | None (not an API: no faults)
        self.sleep = sleep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        api = self.classify(scope["path"]) if scope["type"] == "http" else None
        if api is None:
            await self.app(scope, receive, send)
            return
        d = self.plan.decide(api, scope["path"], scope["method"])
        if d.delay:
            await self.sleep(d.delay)
        if d.refuse is not None:
            await self._refuse(api, d, send)
            return
        if not d.drop and not d.slow:
            await self.app(scope, receive, send)
            return

        async def faulty_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and d.slow:
                await self.sleep(d.slow)
            if message["type"] == "http.response.body" and d.drop:
                body = message.get("body", b"")
                await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
                raise ConnectionDropped()
            await send(message)

        await self.app(scope, receive, faulty_send)

    async def _refuse(self, api: str, d: Decision, send: Send) -> None:
        if d.refuse == "cut":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json"), (b"content-length", b"2048")]})
            await send({"type": "http.response.body", "body": b'{"', "more_body": True})
            raise ConnectionDropped()
        if d.refuse == "5xx":
            status = self.plan.pick([500, 502, 503] if api == "epages" else [502, 503])
            if status == 500:
                await _answer(send, 500, _beyond("internal-error", "An internal error occurred."),
                              "application/hal+json;charset=UTF-8")
            else:
                await _answer(send, status, _GATEWAY[status], "text/html")
            return
        if d.refuse == "rate":
            if api == "epages":
                seconds = max(1, round(d.retry_after))
                await _answer(send, 429, _beyond("too-many-requests", "Too many requests. Try again later."),
                              "application/hal+json;charset=UTF-8", [(b"retry-after", str(seconds).encode())])
            else:
                await _answer(send, 200,
                              _graphql_error("RATE_LIMITED", "Too many requests, please slow down."),
                              "application/json")
            return
        if d.refuse == "409":
            conflict = _beyond("optimistic-locking-failure",
                               "The resource was changed by someone else. Read it again and retry.")
            await _answer(send, 409, conflict, "application/hal+json;charset=UTF-8")
            return
        await _answer(send, 200, _graphql_error("INTERNAL_SERVER_ERROR", "Internal server error"),
                      "application/json")
