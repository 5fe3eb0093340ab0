"""The shared HTTP policy: what is retried, how long it waits, when it stops, and what it never shows."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import json
import socket
import ssl

import httpx
import pytest

from epages_sync import APP_NAME, __version__
from epages_sync.clients.http import (
    HostNotFound,
    HttpPolicy,
    HttpSession,
    ManualClock,
    OutcomeUnknown,
    encode_json,
    parse_retry_after,
)
from epages_sync.errors import CertificateError, NetworkError, RateLimited, Unavailable

URL = "https://shop.example/api/thing"


class Script:
    """A transport answering from a list; records every request it saw."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, httpx.Response)
        return answer


def session(script: Script, clock: ManualClock, **policy: object) -> HttpSession:
    return HttpSession("Shop", policy=HttpPolicy(**policy),  # type: ignore[arg-type]
                       transport=httpx.MockTransport(script), clock=clock)


async def test_rate_limited_waits_exactly_as_long_as_retry_after_says() -> None:
    clock = ManualClock()
    script = Script(httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json={"ok": 1}))
    s = session(script, clock)
    resp = await s.request("GET", URL)
    assert resp.json() == {"ok": 1}
    assert clock.sleeps == [7.0]
    assert len(script.requests) == 2
    await s.aclose()


async def test_retry_after_as_an_http_date() -> None:
    clock = ManualClock()
    when = email.utils.format_datetime(clock.now() + dt.timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(when, clock.now()) == 30
    assert parse_retry_after("soon", clock.now()) is None
    script = Script(httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200))
    s = session(script, clock)
    await s.request("GET", URL)
    assert clock.sleeps == [30.0]
    await s.aclose()


async def test_a_long_retry_after_is_handed_to_the_caller_instead_of_blocking() -> None:
    clock = ManualClock()
    script = Script(httpx.Response(429, headers={"Retry-After": "900"}))
    s = session(script, clock)
    with pytest.raises(RateLimited) as exc:
        await s.request("GET", URL)
    assert exc.value.retry_after == 900
    assert clock.sleeps == [] and len(script.requests) == 1
    await s.aclose()


async def test_server_errors_are_retried_with_growing_waits_then_given_up() -> None:
    clock = ManualClock()
    script = Script(httpx.Response(502))
    s = session(script, clock, max_attempts=4, backoff_base=1.0)
    with pytest.raises(Unavailable) as exc:
        await s.request("GET", URL)
    assert exc.value.transient
    assert len(script.requests) == 4
    assert len(clock.sleeps) == 3
    # Jittered, but each step lies in [step/2, step] of a doubling step: 1, 2, 4 s.
    for wait, step in zip(clock.sleeps, (1, 2, 4), strict=False):
        assert step / 2 <= wait <= step
    await s.aclose()


async def test_a_change_is_not_resent_after_a_server_error_unless_marked_safe() -> None:
    clock = ManualClock()
    script = Script(httpx.Response(503), httpx.Response(201, json={"id": 1}))
    s = session(script, clock)
    with pytest.raises(OutcomeUnknown) as exc:
        await s.request("POST", URL, json_body={"relativeAmount": -1})
    assert len(script.requests) == 1
    assert "not known whether the change was applied" in str(exc.value)

    script2 = Script(httpx.Response(503), httpx.Response(201, json={"id": 1}))
    s2 = session(script2, clock)
    resp = await s2.request("POST", URL, json_body={"x": 1}, idempotent=True)
    assert resp.status_code == 201 and len(script2.requests) == 2
    await s.aclose()
    await s2.aclose()


async def test_a_change_is_resent_when_nothing_reached_the_server_but_not_after_a_lost_answer() -> None:
    clock = ManualClock()
    refused = httpx.ConnectError("connection refused")
    script = Script(refused, httpx.Response(201))
    s = session(script, clock)
    assert (await s.request("POST", URL, json_body={"a": 1})).status_code == 201
    assert len(script.requests) == 2

    lost = Script(httpx.ReadTimeout("no answer"), httpx.Response(201))
    s2 = session(lost, clock)
    with pytest.raises(OutcomeUnknown):
        await s2.request("POST", URL, json_body={"a": 1})
    assert len(lost.requests) == 1
    # The same lost answer on a read is simply retried.
    lost_read = Script(httpx.ReadTimeout("no answer"), httpx.Response(200))
    s3 = session(lost_read, clock)
    assert (await s3.request("GET", URL)).status_code == 200
    for x in (s, s2, s3):
        await x.aclose()


async def test_no_network_after_all_attempts_is_a_network_error() -> None:
    clock = ManualClock()
    s = session(Script(httpx.ConnectError("unreachable")), clock, max_attempts=3)
    with pytest.raises(NetworkError) as exc:
        await s.request("GET", URL)
    assert exc.value.transient and type(exc.value) is NetworkError
    await s.aclose()


async def test_certificate_and_unknown_host_are_named_and_not_retried() -> None:
    clock = ManualClock()
    cert = httpx.ConnectError("tls failed")
    cert.__cause__ = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] verify failed")
    script = Script(cert)
    s = session(script, clock)
    with pytest.raises(CertificateError):
        await s.request("GET", URL)
    assert len(script.requests) == 1

    dns = httpx.ConnectError("dns")
    dns.__cause__ = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    script2 = Script(dns)
    s2 = session(script2, clock)
    with pytest.raises(HostNotFound) as exc:
        await s2.request("GET", URL)
    assert exc.value.host == "shop.example" and len(script2.requests) == 1

    # A DNS server that cannot be reached means no network, which is retried.
    offline = httpx.ConnectError("dns")
    offline.__cause__ = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    script3 = Script(offline)
    s3 = session(script3, clock, max_attempts=2)
    with pytest.raises(NetworkError) as exc2:
        await s3.request("GET", URL)
    assert not isinstance(exc2.value, HostNotFound) and len(script3.requests) == 2
    for x in (s, s2, s3):
        await x.aclose()


async def test_after_repeated_failures_the_api_is_reported_unavailable_without_asking_it() -> None:
    clock = ManualClock()
    script = Script(httpx.Response(500))
    s = session(script, clock, max_attempts=2, breaker_threshold=4, breaker_cooldown=60)
    for _ in range(2):
        with pytest.raises(Unavailable):
            await s.request("GET", URL)
    assert len(script.requests) == 4
    with pytest.raises(Unavailable) as exc:
        await s.request("GET", URL)
    assert "paused" in exc.value.message
    assert len(script.requests) == 4  # the sick service was left alone
    clock.advance(61)
    script.answers = [httpx.Response(200)]
    assert (await s.request("GET", URL)).status_code == 200
    assert s.breaker.failures == 0
    await s.aclose()


async def test_no_more_requests_in_flight_than_allowed() -> None:
    in_flight = peak = 0
    release = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await release.wait()
        in_flight -= 1
        return httpx.Response(200)

    s = HttpSession("Shop", policy=HttpPolicy(max_in_flight=2), transport=httpx.MockTransport(handler),
                    clock=ManualClock())
    tasks = [asyncio.create_task(s.request("GET", f"{URL}/{i}")) for i in range(6)]
    for _ in range(20):
        await asyncio.sleep(0)
    assert in_flight == 2
    release.set()
    await asyncio.gather(*tasks)
    assert peak == 2
    await s.aclose()


async def test_user_agent_and_the_exchange_copy_carry_no_secret() -> None:
    seen: list[tuple] = []
    script = Script(httpx.Response(200, json={"access_token": "eyJhbGciOi.eyJzY29wZSI6.sig123", "n": 1}))
    s = HttpSession("Shop", transport=httpx.MockTransport(script), clock=ManualClock(),
                    on_exchange=lambda *a: seen.append(a), secrets=["super-secret-value"])
    await s.request("POST", URL,
                    form={"grant_type": "client_credentials", "client_secret": "super-secret-value"},
                    headers={"Authorization": "Bearer abcdefghijklmnop"}, idempotent=True)
    ua = script.requests[0].headers["User-Agent"]
    assert ua.startswith(f"{APP_NAME}/{__version__}")
    method, url, status, request_body, response_body = seen[0]
    assert (method, url, status) == ("POST", URL, 200)
    text = " ".join(str(x) for x in seen[0])
    assert "super-secret-value" not in text and "eyJhbGciOi" not in text and "abcdefghijklmnop" not in text
    assert "grant_type=client_credentials" in request_body and json.loads(response_body)["n"] == 1
    await s.aclose()


def test_money_goes_out_as_exact_numbers() -> None:
    from decimal import Decimal
    assert encode_json({"amount": Decimal("4.99"), "list": [Decimal("0.10")], "t": "x"}) == \
        '{"amount": 4.99, "list": [0.10], "t": "x"}'


async def test_an_answer_is_freed_as_soon_as_nobody_uses_it() -> None:
    """The window runs the cycle collector only at quiet moments; an answer (a page of orders can be half a
    megabyte) must not wait for it."""
    import gc
    import weakref

    clock = ManualClock()
    s = HttpSession("Shop", transport=httpx.MockTransport(
        lambda request: httpx.Response(200, json={"orders": ["x" * 1000] * 100})), clock=clock)
    gc.disable()
    try:
        resp = await s.request("GET", URL)
        assert len(resp.json()["orders"]) == 100
        assert resp.content  # still readable after being untied from its stream
        gone = weakref.ref(resp)
        del resp
        assert gone() is None
    finally:
        gc.enable()
        await s.aclose()
