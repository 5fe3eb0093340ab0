"""The same seed gives the same shop, warehouse and activity; a bug seen once can be replayed exactly."""

from __future__ import annotations

import httpx

from epages_sync.sandbox.app import Sandbox


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_760_000_000.0

    def __call__(self) -> float:
        self.now += 0.25  # time moves, identically in both runs
        return self.now


def test_the_same_seed_gives_the_same_worlds() -> None:
    first, second = Sandbox(seed=7, clock=FakeClock()), Sandbox(seed=7, clock=FakeClock())
    assert first.state() == second.state()
    other = Sandbox(seed=8, clock=FakeClock())
    assert other.state()["epages"]["orders"] != first.state()["epages"]["orders"]


def test_the_initial_shop_mixes_the_promised_kinds_of_orders() -> None:
    orders = Sandbox(seed=7, orders=20, clock=FakeClock()).state()["epages"]["orders"]
    assert len(orders) == 20
    statuses = {o["shippingStatus"] for o in orders}
    assert {"CANCELED", "PARTIALLY_SHIPPED", "PARTIALLY_RETURNED", "UNSHIPPED"} <= statuses
    assert {o["paymentStatus"] for o in orders} >= {"PAID", "PENDING"}
    assert any(o["pickup"] for o in orders) and any(not o["pickup"] for o in orders)
    assert max(len(o["lines"]) for o in orders) > 1
    assert len({o["country"] for o in orders}) > 1
    assert sorted(o["createdAt"] for o in orders) == [o["createdAt"] for o in orders]


def test_the_same_steps_give_the_same_activity_and_the_same_worlds() -> None:
    first, second = Sandbox(seed=3, clock=FakeClock()), Sandbox(seed=3, clock=FakeClock())
    events = first.step(60)
    assert events == second.step(60)
    assert first.state() == second.state()
    kinds = {e.split()[0] + " " + e.split()[1] for e in events}
    assert any(e.startswith("Customer ") for e in events)
    assert any(e.startswith("ePages staff") for e in events)
    assert len(kinds) > 2


async def test_steps_over_http_are_the_same_steps() -> None:
    direct, remote = Sandbox(seed=4, clock=FakeClock()), Sandbox(seed=4, clock=FakeClock())
    expected = direct.step(15)
    transport = httpx.ASGITransport(app=remote.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sb") as client:
        r = await client.post("/_sandbox/step", json={"count": 15})
        assert r.json()["events"] == expected
        assert (await client.post("/_sandbox/step", json={"count": "many"})).status_code == 400
        r = await client.post("/_sandbox/activity", json={"mode": "frantic"})
        assert r.status_code == 400 and "calm" in r.json()["error"]
        assert (await client.get("/_sandbox/activity")).json()["recent"][-1] == expected[-1]
