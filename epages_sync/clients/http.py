"""One HTTP policy for both APIs: timeouts, a bound on requests in flight, retries with jittered back-off for
transient failures only, a circuit breaker, a User-Agent, and redaction of every secret before it is shown.

A request that changes data is repeated only when its caller says that is safe; otherwise a lost answer
raises ``OutcomeUnknown`` so the engine reads the current state before it sends anything again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import json
import logging
import random
import re
import socket
import ssl
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit, urlunsplit

import certifi
import httpx
import truststore

from .. import APP_NAME, __version__
from ..errors import CertificateError, NetworkError, RateLimited, SyncError, Unavailable
from ..redaction import Redactor, redactor
from ..texts import Text

log = logging.getLogger(__name__)

USER_AGENT = f"{APP_NAME}/{__version__} (shop sync; python-httpx/{httpx.__version__})"

# Methods that never change data, so repeating them is always harmless.
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_BODY_LIMIT = 8_000  # characters of a body kept for the log's detail pane


class OutcomeUnknown(SyncError):
    """A change was sent but its answer was lost: it may or may not have been applied."""

    title = Text("Answer lost")
    action = Text("The change may or may not have arrived. The sync reads the current state before it sends "
                  "anything again, so nothing is applied twice.")
    transient = True


class HostNotFound(NetworkError):
    """The name of the server does not exist (as opposed to the network being down)."""

    title = Text("Address not found")
    action = Text("Check the address; if it is right, check the internet connection of this computer.")

    def __init__(self, message: str = "", *, host: str = "", **kw: Any) -> None:
        self.host = host
        super().__init__(message, **kw)


class Clock(Protocol):
    """Time as the policy sees it; tests pass a fake one so nothing really sleeps."""

    def monotonic(self) -> float: ...

    def now(self) -> dt.datetime: ...

    def sleep(self, seconds: float) -> Awaitable[None]: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(frozen=True)
class HttpPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_in_flight: int = 4
    max_attempts: int = 4
    backoff_base: float = 1.0  # first wait; doubles per attempt (1 s, 2 s, 4 s ...), as Afosto advises
    backoff_cap: float = 30.0
    # A Retry-After longer than this is not waited out inside one call: the caller gets RateLimited and
    # schedules the retry itself, so a "Sync now" never hangs for minutes.
    longest_wait: float = 120.0
    breaker_threshold: int = 6  # failed attempts in a row before the API is reported unavailable
    breaker_cooldown: float = 60.0


ExchangeHook = Callable[[str, str, "int | None", "str | None", "str | None"], None]


@dataclass(frozen=True)
class TransientAnswer:
    """An answer that says "not now": rate limited (nothing was done) or a server error (maybe done)."""

    kind: Literal["rate_limited", "server_error"]
    message: str
    retry_after: float | None = None


AnswerCheck = Callable[[httpx.Response], "TransientAnswer | None"]


# --- circuit breaker -------------------------------------------------------------------------------------

class CircuitBreaker:
    """After N failed attempts in a row, refuse calls for a cool-down instead of hammering a sick service.

    After the cool-down the next call goes through; one more failure closes the gate again at once.
    """

    def __init__(self, api_name: str, threshold: int, cooldown: float, clock: Clock) -> None:
        self.api_name = api_name
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self.failures = 0
        self._open_until: float | None = None

    @property
    def is_open(self) -> bool:
        return self._open_until is not None and self._clock.monotonic() < self._open_until

    def check(self, concerns: str | None = None) -> None:
        if self.is_open:
            assert self._open_until is not None
            wait = max(1, round(self._open_until - self._clock.monotonic()))
            raise Unavailable(
                Text("{api} failed {failures} times in a row; requests are paused for {seconds} s so the "
                     "service is not flooded.", api=self.api_name, failures=self.failures, seconds=wait),
                concerns=concerns)

    def record_failure(self) -> None:
        self.failures += 1
        if self.failures >= self.threshold:
            self._open_until = self._clock.monotonic() + self.cooldown
            log.warning("%s: %d failures in a row, pausing requests for %.0f s",
                        self.api_name, self.failures, self.cooldown)

    def record_success(self) -> None:
        self.failures = 0
        self._open_until = None


# --- helpers ---------------------------------------------------------------------------------------------

def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def _error_chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def _is_certificate_problem(exc: BaseException) -> bool:
    for e in _error_chain(exc):
        if isinstance(e, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(e) or "certificate verify failed" in str(e).lower():
            return True
    return False


_NAME_MISSING = {getattr(socket, n) for n in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, n)} | {11001}
_NAME_MISSING_TEXT = ("name or service not known", "nodename nor servname provided", "no address associated",
                      "getaddrinfo failed", "no such host")


def _is_unknown_host(exc: BaseException) -> bool:
    """True when DNS answered "no such name"; a DNS server that cannot be reached is a network problem."""
    for e in _error_chain(exc):
        if isinstance(e, socket.gaierror):
            return e.errno in _NAME_MISSING
        text = str(e).lower()
        if "temporary failure in name resolution" in text:
            return False
        if any(t in text for t in _NAME_MISSING_TEXT):
            return True
    return False


def display_url(url: httpx.URL | str) -> str:
    """The URL without user info; query values stay (they hold order ids and SKUs, never secrets here)."""
    parts = urlsplit(str(url))
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


_DECIMAL_MARK = "\u0000dec:"
_DECIMAL_RE = re.compile(r'"\\u0000dec:([^"]+)"')


def encode_json(data: Any) -> str:
    """JSON text with every Decimal written as the exact number it is (never through float)."""

    def mark(value: Any) -> Any:
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise ValueError(f"{value} cannot be sent as a number")
            return _DECIMAL_MARK + str(value)
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [mark(v) for v in value]
        return value

    return _DECIMAL_RE.sub(lambda m: m.group(1), json.dumps(mark(data), ensure_ascii=False))


# --- whom to trust -----------------------------------------------------------------------------------------

def _system_store_exists() -> bool:
    """Windows and macOS always have one; elsewhere OpenSSL needs a bundle file or folder on disk."""
    if sys.platform in ("win32", "darwin"):
        return True
    paths = ssl.get_default_verify_paths()
    return any(p and Path(p).exists() for p in (paths.cafile, paths.capath))


@cache
def tls_context() -> ssl.SSLContext:
    """The certificates this computer trusts: Windows' and macOS' own stores, the system bundle on Linux.

    A company proxy that inspects HTTPS signs with a root the company installed into the system store;
    with certifi's bundle alone every request behind it failed. Where a machine has no system store at
    all, certifi's bundle is the fallback. Made once: building a context reads the whole store.
    """
    if _system_store_exists():
        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    log.info("no certificate store on this computer: using the bundle that comes with the app")
    return ssl.create_default_context(cafile=certifi.where())


# --- the session -----------------------------------------------------------------------------------------

class HttpSession:
    """One API's connection: its own pool, bound on requests in flight, breaker and redaction."""

    def __init__(self, api_name: str, *, policy: HttpPolicy | None = None,
                 transport: httpx.AsyncBaseTransport | None = None, clock: Clock | None = None,
                 on_exchange: ExchangeHook | None = None, secrets: Iterable[str | None] = (),
                 rng: random.Random | None = None) -> None:
        self.api_name = api_name
        self.policy = policy or HttpPolicy()
        self.clock: Clock = clock or SystemClock()
        self.on_exchange = on_exchange
        # The process-wide redactor: a secret registered here is also kept out of the file log.
        self.redaction: Redactor = redactor
        self.redaction.add_secrets(secrets)
        self.breaker = CircuitBreaker(api_name, self.policy.breaker_threshold, self.policy.breaker_cooldown,
                                      self.clock)
        self._rng = rng or random.Random()
        self._slots = asyncio.Semaphore(self.policy.max_in_flight)
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        limits = httpx.Limits(max_connections=self.policy.max_in_flight + 1,
                              max_keepalive_connections=self.policy.max_in_flight)
        self._client = httpx.AsyncClient(
            transport=transport, timeout=timeout, limits=limits, verify=tls_context(), follow_redirects=False,
            headers={"User-Agent": USER_AGENT})

    async def aclose(self) -> None:
        await self._client.aclose()

    def backoff(self, attempt: int) -> float:
        """Exponential with jitter: half the step fixed, half random, so clients do not retry in lockstep."""
        step = min(self.policy.backoff_cap, self.policy.backoff_base * (2 ** (attempt - 1)))
        return step / 2 + self._rng.uniform(0, step / 2)

    async def request(self, method: str, url: str, *, params: Mapping[str, Any] | None = None,
                      json_body: Any = None, form: Mapping[str, str] | None = None,
                      headers: Mapping[str, str] | None = None, auth: httpx.Auth | None = None,
                      idempotent: bool | None = None, answer_check: AnswerCheck | None = None,
                      concerns: str | None = None) -> httpx.Response:
        """Send with the policy; return the final answer (any status the caller must interpret).

        Raises NetworkError, CertificateError, RateLimited, Unavailable or OutcomeUnknown when no usable
        answer arrived. ``idempotent`` defaults to True for reads only.
        """
        method = method.upper()
        repeatable = (method in _READ_METHODS) if idempotent is None else idempotent
        content: bytes | None = None
        request_text: str | None = None
        send_headers = dict(headers or {})
        if json_body is not None:
            request_text = encode_json(json_body)
            content = request_text.encode("utf-8")
            send_headers.setdefault("Content-Type", "application/json")
        elif form is not None:
            request_text = str(httpx.QueryParams(form))
        attempt = 0
        while True:
            attempt += 1
            self.breaker.check(concerns)
            failure: SyncError
            maybe_applied: bool
            retry_after: float | None = None
            try:
                async with self._slots:
                    response = await self._client.request(
                        method, url, params=params, content=content, data=form, headers=send_headers,
                        auth=auth if auth is not None else httpx.USE_CLIENT_DEFAULT)
                _untie(response)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Nothing reached the server, so even a change is safe to send again.
                self._report(method, url, params, None, request_text,
                             f"[no connection: {type(exc).__name__}]")
                host = urlsplit(url).hostname or ""
                if _is_certificate_problem(exc):
                    raise CertificateError(
                        Text("The certificate of {host} could not be verified.", host=host),
                        concerns=concerns) from None
                if _is_unknown_host(exc):
                    raise HostNotFound(Text("The address {host} does not exist.", host=host), host=host,
                                       concerns=concerns) from None
                failure = NetworkError(Text("{api} could not be reached ({reason}).", api=self.api_name,
                                            reason=type(exc).__name__), concerns=concerns)
                maybe_applied = False
            except httpx.TransportError as exc:
                # Sent (at least partly) but no complete answer: a change may have been applied.
                self._report(method, url, params, None, request_text, f"[no answer: {type(exc).__name__}]")
                failure = NetworkError(Text("{api} did not answer in time ({reason}).", api=self.api_name,
                                            reason=type(exc).__name__), concerns=concerns)
                maybe_applied = True
            else:
                self._report(method, url, params, response.status_code, request_text, response.text)
                transient = self._transient(response, answer_check)
                if transient is None:
                    self.breaker.record_success()
                    return response
                retry_after = transient.retry_after
                if transient.kind == "rate_limited":
                    failure = RateLimited(transient.message, retry_after=retry_after, concerns=concerns)
                    maybe_applied = False
                else:
                    failure = Unavailable(transient.message, concerns=concerns)
                    maybe_applied = True

            if not isinstance(failure, RateLimited):
                # Being asked to slow down is not a sign of a broken service.
                self.breaker.record_failure()
            if maybe_applied and not repeatable:
                raise OutcomeUnknown(
                    Text("{request}: {problem} It is not known whether the change was applied.",
                         request=f"{method} {display_url(url)}", problem=failure.message), concerns=concerns)
            if attempt >= self.policy.max_attempts:
                log.info("%s %s: giving up after %d attempts", method, display_url(url), attempt)
                raise failure
            delay = retry_after if retry_after is not None else self.backoff(attempt)
            if delay > self.policy.longest_wait:
                raise RateLimited(Text("{api} asked to wait {seconds} s before the next request.",
                                       api=self.api_name, seconds=f"{delay:.0f}"),
                                  retry_after=delay, concerns=concerns)
            log.info("%s %s: %s; retry %d in %.1f s", method, display_url(url), failure.message,
                     attempt, delay)
            await self.clock.sleep(delay)

    def _transient(self, response: httpx.Response,
                   answer_check: AnswerCheck | None) -> TransientAnswer | None:
        status = response.status_code
        if status == 429:
            return TransientAnswer("rate_limited", Text("{api} asked us to slow down (HTTP 429).",
                                                        api=self.api_name),
                                   parse_retry_after(response.headers.get("Retry-After"), self.clock.now()))
        if status >= 500:
            wait = (parse_retry_after(response.headers.get("Retry-After"), self.clock.now())
                    if status == 503 else None)
            return TransientAnswer("server_error",
                                   Text("{api} answered with a server error (HTTP {status}).",
                                        api=self.api_name, status=status), wait)
        return answer_check(response) if answer_check is not None else None

    def _report(self, method: str, url: str, params: Mapping[str, Any] | None, status: int | None,
                request_text: str | None, response_text: str | None) -> None:
        full = str(httpx.URL(url, params=params)) if params else url
        shown = self.redaction.text(display_url(full))
        log.debug("%s %s -> %s", method, shown, status)
        if self.on_exchange is None:
            return
        # Cut before redacting (with room for a secret that straddles the cut), so a page of orders is not run
        # through every pattern on the event loop; then cut to the limit.
        req = self.redaction.text(request_text[:_BODY_LIMIT + 512])[:_BODY_LIMIT] if request_text else request_text
        res = self.redaction.text(response_text[:_BODY_LIMIT + 512])[:_BODY_LIMIT] if response_text else response_text
        try:
            self.on_exchange(method, shown, status, req, res)
        except Exception:  # a faulty log hook must never break a sync
            log.exception("exchange hook failed")


class ManualClock:
    """A clock that moves only when told to or when slept on: for tests and simulations, no real waiting."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._start = start or dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.elapsed

    def now(self) -> dt.datetime:
        return self._start + dt.timedelta(seconds=self.elapsed)

    def advance(self, seconds: float) -> None:
        self.elapsed += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds
        await asyncio.sleep(0)  # still let other tasks run, as a real sleep would


def _untie(response: httpx.Response) -> None:
    """Let the answer be freed the moment nobody uses it.

    An httpx answer and the stream it was read from point at each other, so without this each one (with
    its body) waits for Python's cycle collector, which the window runs only at quiet moments. The body is
    read completely by then; the stream is replaced by one over the same bytes.
    """
    if response.is_closed:
        response.stream = httpx.ByteStream(response.content)

