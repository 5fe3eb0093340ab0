"""Stock shared by several stores of one installation: each store's figure is what the Afosto locations have
available, less the units of every store's ePages orders Afosto does not have yet, wherever the stores draw
from the same locations (a store without chosen locations draws from all of them).

A store asks the others for their units at every stock check, read from the truth (their ePages orders, as
their own stock check reads them), never from a copy kept here. A store that cannot answer (its app revoked,
its network down, not connected yet) does not stop the others: its last answer stands in for it, and while it
has not answered once since the start, the others send no figure that goes up for the SKUs it may sell.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from ..errors import SyncError
from ..texts import Text

log = logging.getLogger(__name__)

# How long one store waits for another's answer before it takes the last one (or holds).
ANSWER_TIMEOUT_SECONDS = 60.0

PendingReader = Callable[[], Awaitable[Counter[str]]]


def draw_from_the_same(locations: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two stores sell from the same stock: no chosen locations means every location."""
    return not locations or not other or bool(locations & other)


@dataclass
class _Member:
    name: str
    locations: frozenset[str]
    reader: PendingReader | None = None  # None while the store's engine is not connected
    skus: Callable[[], set[str]] | None = None  # the SKUs its stock check syncs, when it knows them
    last: Counter[str] | None = None
    last_at: dt.datetime | None = None
    problem: Text | None = None  # why its last reading failed, while it fails
    in_flight: asyncio.Task[Counter[str]] | None = None


@dataclass(frozen=True)
class OtherStores:
    """What the other stores that share a store's stock have pending, as one stock check sees it.

    ``units``: their units not yet in Afosto (the last reading of a store that could not answer now).
    ``stale``: stores that could not answer now, with why and the time of the reading used instead.
    ``silent``: stores that have not answered once since the start; ``hold`` the SKUs they may sell (None:
    any SKU), whose figures must not go up until they answer.
    """

    units: Counter[str] = field(default_factory=Counter)
    stale: tuple[tuple[str, Text, dt.datetime], ...] = ()
    silent: tuple[tuple[str, Text], ...] = ()
    hold: frozenset[str] | None = frozenset()

    def holds(self, sku: str) -> bool:
        return bool(self.silent) and (self.hold is None or sku in self.hold)


class SharedStock:
    """The stores of one installation, as far as their stock is concerned. One per installation, shared by
    every store's engine in the same event loop."""

    def __init__(self, *, timeout: float = ANSWER_TIMEOUT_SECONDS) -> None:
        self._members: dict[str, _Member] = {}
        self._timeout = timeout

    def join(self, name: str, stock_locations: Iterable[str]) -> None:
        """Count a store in from now on (before it is connected: until it answers, it is silent)."""
        member = self._members.get(name)
        locations = frozenset(stock_locations)
        if member is None:
            self._members[name] = _Member(name, locations)
        else:
            member.locations = locations

    def leave(self, name: str) -> None:
        """A store removed from the installation: the others no longer wait for it."""
        member = self._members.pop(name, None)
        if member is not None and member.in_flight is not None:
            member.in_flight.cancel()

    def connect(self, name: str, reader: PendingReader, skus: Callable[[], set[str]] | None = None) -> None:
        """The store's engine can answer now: ``reader`` reads its ePages orders not yet in Afosto."""
        if name not in self._members:
            self.join(name, ())
        member = self._members[name]
        member.reader, member.skus = reader, skus

    def disconnect(self, name: str) -> None:
        """The store's engine stopped: its last answer stands in for it from now on."""
        member = self._members.get(name)
        if member is not None:
            member.reader = None
            if member.in_flight is not None:
                member.in_flight.cancel()
                member.in_flight = None

    @property
    def stores(self) -> list[str]:
        return list(self._members)

    def sharing_with(self, name: str) -> list[str]:
        """The stores whose orders count against ``name``'s stock."""
        me = self._members.get(name)
        if me is None:
            return []
        return [m.name for m in self._members.values()
                if m.name != name and draw_from_the_same(me.locations, m.locations)]

    async def others(self, name: str) -> OtherStores:
        """Read, now, the units every other store sharing ``name``'s stock has not in Afosto yet."""
        members = [self._members[n] for n in self.sharing_with(name)]
        if not members:
            return OtherStores()
        answers = await asyncio.gather(*(self._ask(m) for m in members))
        units: Counter[str] = Counter()
        stale: list[tuple[str, Text, dt.datetime]] = []
        silent: list[tuple[str, Text]] = []
        hold: set[str] | None = set()
        for member, (reading, problem) in zip(members, answers, strict=True):
            if reading is not None:
                units.update(reading)
                continue
            assert problem is not None
            if member.last is not None and member.last_at is not None:
                units.update(member.last)
                stale.append((member.name, problem, member.last_at))
                continue
            silent.append((member.name, problem))
            known = member.skus() if member.skus is not None else None
            hold = None if hold is None or not known else hold | known
        return OtherStores(units=units, stale=tuple(stale), silent=tuple(silent),
                           hold=None if hold is None else frozenset(hold))

    async def _ask(self, member: _Member) -> tuple[Counter[str] | None, Text | None]:
        """The member's answer now, or None and why not. Asks that come while one is under way share it."""
        if member.reader is None:
            member.problem = Text("its sync is not connected")
            return None, member.problem
        task = member.in_flight
        if task is None or task.done():
            task = asyncio.ensure_future(member.reader())
            member.in_flight = task
        try:
            reading = await asyncio.wait_for(asyncio.shield(task), self._timeout)
        except TimeoutError:
            member.problem = Text("its shop did not answer within {seconds} s", seconds=f"{self._timeout:.0f}")
            return None, member.problem
        except SyncError as exc:
            member.problem = exc.as_text()
            return None, member.problem
        except Exception as exc:  # noqa: BLE001 (another store's trouble, whatever it is, must not stop this one)
            log.warning("store %s could not tell its orders not yet in Afosto: %r", member.name, exc)
            member.problem = Text("an unexpected error: {error}", error=repr(exc))
            return None, member.problem
        except asyncio.CancelledError:
            if task.cancelled() and not _current_cancelling():
                member.problem = Text("its sync stopped")
                return None, member.problem
            raise
        finally:
            if task.done() and member.in_flight is task:
                member.in_flight = None
        member.last, member.last_at, member.problem = Counter(reading), dt.datetime.now(dt.UTC), None
        return Counter(reading), None


def _current_cancelling() -> bool:
    task = asyncio.current_task()
    return bool(task is not None and task.cancelling())
