"""Faults on demand: each kind does what its spec says, refused requests stay unapplied, dice are seeded."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.responses import JSONResponse

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.faults import ConnectionDropped, FaultPlan, FaultSpecError, parse_faults

BRIEF_EXAMPLE = ("epages:5xx=0.1,afosto:rate=0.05,all:latency=40~10,stock:409=0.2,token:expire=60,"
                 "all:drop=0.02,all:slow=0.01@30")


class QuietWarehouse:
    API_KEY = "unused"

    def __init__(self) -> None:
        self.calls = 0

    async def handle_graphql(self, request: Any) -> JSONResponse:
        self.calls += 1
        return JSONResponse({"data": {"ok": True}})

    def warehouse_step(self, rng: Any) -> None:
        return None

    def order_figures(self) -> dict[str, Any]:
        return {}

    def available_stock(self, sku: str, location_ids: Any) -> None:
        return None

    def snapshot(self) -> dict[str, Any]:
        return {}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_760_000_000.0

    def __call__(self) -> float:
        return self.now


class Naps:
    """Stands in for asyncio.sleep: records how long the sandbox wanted to wait, without waiting."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


class Rig:
    def __init__(self, faults: str | None = None, **kwargs: Any) -> None:
        self.clock = FakeClock()
        self.naps = Naps()
        self.warehouse = QuietWarehouse()
        self.sandbox = Sandbox(seed=2, orders=6, faults=faults, clock=self.clock, sleep=self.naps,
                               afosto_factory=lambda world, clock: self.warehouse, **kwargs)
        transport = httpx.ASGITransport(app=self.sandbox.app)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://sb")
        self.product = self.sandbox.epages.catalogue.by_sku["CF-1001"]

    async def __aenter__(self) -> Rig:
        spec = self.sandbox.faults.spec
        self.sandbox.set_faults(None)  # the token itself must not be faulted away
        r = await self.client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                                   auth=("sandbox-client", "sandbox-secret"))
        self.client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
        self.sandbox.set_faults(spec)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def adjust(self, amount: int = 1) -> httpx.Response:
        path = f"/api/products/{self.product.product_id}/availability/adjust-available-stock"
        return await self.client.post(path, json={"relativeAmount": amount})

    async def graphql(self) -> httpx.Response:
        return await self.client.post("/graphql", json={"query": "{ ok }"})


def test_the_briefs_example_spec_reads_as_intended() -> None:
    rules = {(r.target, r.kind): r for r in parse_faults(BRIEF_EXAMPLE)}
    assert rules["epages", "5xx"].share == 0.1
    assert rules["all", "latency"].ms == 40 and rules["all", "latency"].jitter == 10
    assert rules["token", "expire"].seconds == 60
    assert rules["all", "slow"].share == 0.01 and rules["all", "slow"].seconds == 30
    assert FaultPlan(BRIEF_EXAMPLE).token_max_age() == 60


@pytest.mark.parametrize(("spec", "words"), [
    ("epages:5xx=1.5", "between 0 and 1"),
    ("shop:5xx=0.1", "unknown target"),
    ("epages:explode=0.1", "unknown kind"),
    ("epages", "TARGET:KIND=VALUE"),
    ("epages:5xx=", "needs a value"),
    ("epages:5xx=lots", "not a number"),
    ("afosto:409=0.1", "only on ePages"),
    ("epages:error=0.1", "Afosto answer"),
    ("all:expire=60", "tokens only"),
    ("all:slow=0.1", "how slow"),
    ("all:latency=-5", "negative"),
])
def test_bad_specs_are_refused_with_a_message_naming_the_rule(spec: str, words: str) -> None:
    with pytest.raises(FaultSpecError) as refused:
        parse_faults(spec)
    assert words in str(refused.value) and spec.split("=")[0] in str(refused.value)


async def test_a_5xx_answer_does_not_apply_the_request() -> None:
    async with Rig("stock:5xx=1") as rig:
        before = rig.product.stock
        for _ in range(6):
            r = await rig.adjust(+3)
            assert r.status_code in (500, 502, 503)
        assert rig.product.stock == before
        assert (await rig.client.get("/api/orders")).status_code == 200  # only stock changes were hit


async def test_rate_limits_answer_like_each_api_and_are_not_applied() -> None:
    async with Rig("epages:rate=1@2,afosto:rate=1") as rig:
        before = rig.product.stock
        r = await rig.adjust()
        assert r.status_code == 429 and r.headers["retry-after"] == "2" and rig.product.stock == before
        r = await rig.graphql()
        assert r.status_code == 200
        assert r.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED" and rig.warehouse.calls == 0


async def test_optimistic_locking_conflicts_hit_stock_changes_only() -> None:
    async with Rig("stock:409=1") as rig:
        before = rig.product.stock
        r = await rig.adjust(+5)
        assert r.status_code == 409 and r.json()["errorId"] == "optimistic-locking-failure"
        assert rig.product.stock == before
        r = await rig.client.get(f"/api/products/{rig.product.product_id}/availability")
        assert r.status_code == 200 and r.json()["availableStock"] == before


async def test_afosto_internal_errors_come_as_http_200_with_errors() -> None:
    async with Rig("afosto:error=1") as rig:
        r = await rig.graphql()
        assert r.status_code == 200 and r.json()["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
        assert rig.warehouse.calls == 0


async def test_a_dropped_answer_was_applied_and_a_cut_one_was_not() -> None:
    async with Rig("stock:drop=1") as rig:
        before = rig.product.stock
        with pytest.raises(httpx.RemoteProtocolError):
            await rig.adjust(+4)
        assert rig.product.stock == before + 4  # the lost answer the sync must survive
    async with Rig("stock:cut=1") as rig:
        before = rig.product.stock
        with pytest.raises(ConnectionDropped):
            await rig.adjust(+4)
        assert rig.product.stock == before


async def test_slow_answers_and_latency_wait_as_configured() -> None:
    async with Rig("stock:slow=1@30,epages:latency=40~10", latency_ms=25) as rig:
        before = rig.product.stock
        r = await rig.adjust(+1)
        assert r.status_code == 200 and rig.product.stock == before + 1
        assert rig.naps.taken[-1] == 30
        before_waits = len(rig.naps.taken)
        await rig.client.get("/api/orders")
        (waited,) = rig.naps.taken[before_waits:]
        assert 0.025 + 0.030 <= waited <= 0.025 + 0.050
        await rig.graphql()
        assert rig.naps.taken[-1] == pytest.approx(0.025)  # Afosto only gets the sandbox-wide latency


async def test_tokens_die_early_under_an_expire_fault() -> None:
    async with Rig("token:expire=60") as rig:
        assert (await rig.client.get("/api/orders")).status_code == 200
        rig.clock.now += 59
        assert (await rig.client.get("/api/orders")).status_code == 200
        rig.clock.now += 1
        r = await rig.client.get("/api/orders")
        assert r.status_code == 401 and r.json()["errorId"] == "unauthorized"


async def test_a_path_pattern_limits_a_fault_to_matching_paths() -> None:
    async with Rig("/api/orders*:5xx=1") as rig:
        assert (await rig.client.get("/api/orders")).status_code >= 500
        assert (await rig.client.get("/api/products")).status_code == 200


async def test_sandbox_controls_are_never_faulted_and_faults_can_be_swapped() -> None:
    async with Rig("all:5xx=1") as rig:
        assert (await rig.client.get("/_sandbox/state")).status_code == 200
        r = await rig.client.post("/_sandbox/faults", json={"spec": "epages:5xx=7"})
        assert r.status_code == 400 and "between 0 and 1" in r.json()["error"]
        assert rig.sandbox.faults.spec == "all:5xx=1"  # a bad spec leaves the old one in force
        r = await rig.client.post("/_sandbox/faults", json={"spec": ""})
        assert r.status_code == 200 and r.json()["rules"] == []
        assert (await rig.client.get("/api/orders")).status_code == 200


def test_the_same_seed_gives_the_same_faults() -> None:
    def run(seed: int) -> list[tuple[str | None, bool]]:
        plan = FaultPlan("all:5xx=0.3,all:drop=0.2,all:latency=10~5", seed=seed)
        out = []
        for i in range(200):
            d = plan.decide("epages" if i % 3 else "afosto", "/api/orders", "GET")
            out.append((d.refuse, d.drop, round(d.delay, 6)))
        return out  # type: ignore[return-value]

    first = run(4)
    assert first == run(4) and first != run(5)
    refused = sum(1 for refuse, _, _ in first if refuse)
    assert 30 <= refused <= 90  # about three in ten
