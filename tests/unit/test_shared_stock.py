"""The stores sharing stock, on their own: who counts against whom, the last reading of a store that cannot
answer, what a store that never answered holds, and one question at a time to a busy store."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from epages_sync.engine.shared_stock import SharedStock, draw_from_the_same
from epages_sync.errors import SyncError, Unavailable


def test_stores_share_stock_where_their_locations_meet_and_no_locations_means_all() -> None:
    assert draw_from_the_same(frozenset({"w1"}), frozenset({"w1", "w2"}))
    assert not draw_from_the_same(frozenset({"w1"}), frozenset({"w2"}))
    assert draw_from_the_same(frozenset(), frozenset({"w2"}))
    shared = SharedStock()
    shared.join("de", ["w1"])
    shared.join("nl", ["w2"])
    shared.join("at", [])
    assert shared.sharing_with("de") == ["at"]
    assert shared.sharing_with("at") == ["de", "nl"]


class Shop:
    """A store's answer, as its engine would read it; ``trouble`` makes the next reads fail."""

    def __init__(self, units: dict[str, int]) -> None:
        self.units = Counter(units)
        self.trouble: Exception | None = None
        self.reads = 0
        self.gate: asyncio.Event | None = None

    async def read(self) -> Counter[str]:
        self.reads += 1
        if self.gate is not None:
            await self.gate.wait()
        if self.trouble is not None:
            raise self.trouble
        return Counter(self.units)


async def test_the_other_stores_units_count_and_a_store_in_trouble_gives_its_last_reading() -> None:
    shared = SharedStock()
    nl, at = Shop({"A": 2}), Shop({"A": 1, "B": 4})
    for name, shop in (("de", None), ("nl", nl), ("at", at)):
        shared.join(name, [])
        if shop is not None:
            shared.connect(name, shop.read)
    seen = await shared.others("de")
    assert seen.units == Counter({"A": 3, "B": 4}) and not seen.stale and not seen.silent

    nl.units["A"] = 5
    at.trouble = Unavailable("no network")
    seen = await shared.others("de")
    assert seen.units == Counter({"A": 6, "B": 4})  # nl now, at as it was
    assert [name for name, _problem, _at in seen.stale] == ["at"]
    assert "no network" in str(seen.stale[0][1])
    assert not seen.holds("A")

    at.trouble = RuntimeError("a bug in that store")  # whatever it is, it stays that store's own
    seen = await shared.others("de")
    assert [name for name, _problem, _at in seen.stale] == ["at"]


async def test_a_store_that_never_answered_holds_what_it_may_sell() -> None:
    shared = SharedStock()
    nl = Shop({"A": 1})
    nl.trouble = SyncError("revoked")
    shared.join("de", [])
    shared.join("nl", [])
    shared.join("at", [])  # not connected at all
    shared.connect("nl", nl.read, lambda: {"A", "C"})
    seen = await shared.others("de")
    assert [name for name, _ in seen.silent] == ["nl", "at"]
    assert seen.hold is None  # at's SKUs are not known: every figure waits
    shared.leave("at")
    seen = await shared.others("de")
    assert seen.hold == frozenset({"A", "C"}) and seen.holds("A") and not seen.holds("B")

    nl.trouble = None
    seen = await shared.others("de")
    assert not seen.silent and seen.units == Counter({"A": 1})


async def test_questions_to_a_busy_store_share_one_read() -> None:
    shared = SharedStock()
    nl = Shop({"A": 1})
    nl.gate = asyncio.Event()
    for name in ("de", "at", "nl"):
        shared.join(name, [])
    shared.connect("nl", nl.read)
    both = asyncio.gather(shared.others("de"), shared.others("at"))
    await asyncio.sleep(0.01)
    nl.gate.set()
    for seen in await both:
        assert seen.units["A"] == 1
    assert nl.reads == 1


async def test_a_store_that_does_not_answer_in_time_counts_with_its_last_reading() -> None:
    shared = SharedStock(timeout=0.05)
    nl = Shop({"A": 2})
    for name in ("de", "nl"):
        shared.join(name, [])
    shared.connect("nl", nl.read)
    await shared.others("de")
    nl.gate = asyncio.Event()  # hangs from now on
    seen = await shared.others("de")
    assert seen.units == Counter({"A": 2}) and [n for n, _p, _a in seen.stale] == ["nl"]
    nl.gate.set()


@pytest.mark.parametrize("stopped", ["disconnect", "leave"])
async def test_a_stopped_store_counts_with_its_last_reading_or_not_at_all_once_removed(stopped: str) -> None:
    shared = SharedStock()
    nl = Shop({"A": 2})
    for name in ("de", "nl"):
        shared.join(name, [])
    shared.connect("nl", nl.read)
    await shared.others("de")
    getattr(shared, stopped)("nl")
    seen = await shared.others("de")
    assert seen.units == (Counter({"A": 2}) if stopped == "disconnect" else Counter())
