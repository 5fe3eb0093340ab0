"""Which changes in the sync's health deserve a desktop notification.

Only what a person must act on (credentials refused, a permission lost, items parked), each problem once,
and at most one notification of a kind per quiet period: a shop PC that pops up a balloon every five
minutes teaches its users to ignore balloons.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ..engine.service import Health

QUIET_SECONDS = 600.0


@dataclass(frozen=True)
class Notice:
    kind: str  # "attention" (a problem that stops part of the sync) or "parked" (items need a person)
    message: str = ""  # the engine's own words for an attention notice
    count: int = 0  # how many items wait, for a parked notice


class AttentionNotices:
    def __init__(self, *, quiet_seconds: float = QUIET_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._quiet = quiet_seconds
        self._clock = clock
        self._known: set[str] = set()
        self._parked_seen = 0
        self._last_at: dict[str, float] = {}

    def consider(self, health: Health) -> list[Notice]:
        """The notices to show for this health report (often none)."""
        problems = [m for m in health.attention
                    if not (health.parked_count and m.startswith(f"{health.parked_count} item"))]
        fresh = [m for m in problems if m not in self._known]
        # A problem that went away and comes back later is news again.
        self._known = set(problems)
        out: list[Notice] = []
        if fresh and self._may("attention"):
            out.append(Notice("attention", message=fresh[0]))
        if health.parked_count > self._parked_seen and self._may("parked"):
            out.append(Notice("parked", count=health.parked_count))
        self._parked_seen = health.parked_count
        return out

    def _may(self, kind: str) -> bool:
        now = self._clock()
        last = self._last_at.get(kind)
        if last is not None and now - last < self._quiet:
            return False
        self._last_at[kind] = now
        return True
