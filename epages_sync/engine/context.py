"""What the poller, the pushers and the stock sync share while the engine runs."""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..clients.afosto import AfostoClient
from ..clients.epages import EpagesClient
from ..clients.epages_models import Page
from ..config import Flow, Settings
from ..store import Store
from ..store.models import Direction, LogRow, Outcome

# Afosto's change time (ms) after which the watcher looks for changes made in Afosto next.
AFOSTO_MARK = "push.afosto_since"

# Contra item ids are derived, not random: the same unit cancelled or returned again after a lost answer
# carries the same id, and Afosto treats the repeat as the same contra item.
_CONTRA_NS = uuid.UUID("6f1c2a55-3f0e-4c7b-9a51-0d3c7a8e2b10")


def contra_id(purpose: str, item_id: str) -> str:
    return str(uuid.uuid5(_CONTRA_NS, f"{purpose}:{item_id}"))


def ids_digest(ids: Iterable[str]) -> str:
    """A short key for a set of ids, the same whatever their order (a push or link key made from them)."""
    return hashlib.sha1(",".join(sorted(ids)).encode()).hexdigest()[:16]


# The requests and answers of the action under way in this task, for the log row that reports it.
_exchanges: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
    "exchanges", default=None
)
_KEEP_EXCHANGES = 12
_KEEP_BODY = 4000


def _clip(text: str | None) -> Any:
    """A body for the detail pane: as JSON when it is whole JSON (readable there), else cut text."""
    if text is None:
        return None
    if len(text) <= _KEEP_BODY:
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text[:_KEEP_BODY] + f"... ({len(text) - _KEEP_BODY} more characters)"


def record_exchange(
    method: str, url: str, status: int | None, request: str | None, response: str | None
) -> None:
    """The clients' exchange hook (bodies arrive redacted): kept for the current action's log row."""
    bucket = _exchanges.get()
    if bucket is not None and len(bucket) < _KEEP_EXCHANGES:
        bucket.append(
            {
                "method": method,
                "url": url,
                "status": status,
                "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "request": _clip(request),
                "response": _clip(response),
            }
        )


@contextmanager
def recording_exchanges() -> Iterator[None]:
    """Collect the exchanges of one action (one order, one push) for the detail pane of its log rows."""
    token = _exchanges.set([])
    try:
        yield
    finally:
        _exchanges.reset(token)


class Journal:
    """Writes the log rows a shop worker reads: one per action, in plain words."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def write(
        self,
        direction: Direction,
        outcome: Outcome,
        message: str,
        *,
        flow: Flow | str | None = None,
        epages_ref: str | None = None,
        afosto_ref: str | None = None,
        detail: Any = None,
        parked_id: int | None = None,
    ) -> int:
        flow_text = flow.value if isinstance(flow, Flow) else flow
        bucket = _exchanges.get()
        if detail is None and bucket:
            detail = {"exchanges": list(bucket)}
            bucket.clear()  # the next row of this action shows only what came after
        return self.store.add_log(
            LogRow(
                direction=direction,
                outcome=outcome,
                message=message,
                flow=flow_text,
                epages_ref=epages_ref,
                afosto_ref=afosto_ref,
                detail=detail,
                parked_id=parked_id,
            )
        )

    def to_afosto(self, outcome: Outcome, message: str, **kw: Any) -> int:
        return self.write(Direction.EPAGES_TO_AFOSTO, outcome, message, **kw)

    def to_epages(self, outcome: Outcome, message: str, **kw: Any) -> int:
        return self.write(Direction.AFOSTO_TO_EPAGES, outcome, message, **kw)

    def system(self, outcome: Outcome, message: str, **kw: Any) -> int:
        return self.write(Direction.SYSTEM, outcome, message, **kw)


class WorkProgress(BaseModel):
    """How far a poll of ePages orders is: the window's progress bar and the headless progress line."""

    model_config = ConfigDict(frozen=True)

    first_import: bool  # the first poll: every order since the start date
    since: dt.datetime | dt.date  # the start date, or the time changes are read from
    done: int = 0  # orders read so far
    total: int | None = None  # orders the lists announced (ePages' page information), when they did
    pages: int = 0
    started_at: dt.datetime

    @property
    def worth_showing(self) -> bool:
        """Only work of more than one page is worth a bar; a poll of a few orders is over at once."""
        return self.pages > 1 or (self.total is not None and self.total > self.done)

    def seconds_left(self, now: dt.datetime) -> float | None:
        """At the pace so far; None until there is a pace to go by."""
        elapsed = (now - self.started_at).total_seconds()
        if self.total is None or self.done <= 0 or elapsed <= 0:
            return None
        return max(0.0, (self.total - self.done) * elapsed / self.done)

    def minutes_left(self, now: dt.datetime) -> int | None:
        """Whole minutes left, rounded (0: under a minute); None while unknown."""
        seconds = self.seconds_left(now)
        return None if seconds is None else (0 if seconds < 45 else max(1, round(seconds / 60)))


ProgressListener = Callable[[WorkProgress | None], None]


@dataclass
class SyncContext:
    settings: Settings
    store: Store
    epages: EpagesClient
    afosto: AfostoClient
    journal: Journal
    # Flows that run, and for each flow that does not, the reason shown to a person.
    flows: set[Flow] = field(default_factory=set)
    flows_off: dict[Flow, str] = field(default_factory=dict)
    channel_currency: str = "EUR"
    # SKUs Afosto knows (grows as inventory reads and imports see them).
    afosto_skus: set[str] = field(default_factory=set)
    # SKUs Afosto did not know when asked during the current poll.
    absent_skus: set[str] = field(default_factory=set)
    # SKUs whose ePages stock may have moved (new orders seen): the stock sync looks at them first.
    dirty_skus: set[str] = field(default_factory=set)
    # The locks of the orders being worked on now (lock, holders and waiters): dropped when nobody needs it.
    _order_locks: dict[str, tuple[asyncio.Lock, list[int]]] = field(default_factory=dict)
    # First wait before a failed push is tried again (doubles per try); tests make it short.
    retry_base_seconds: float = 2.0
    # Set while the engine may work; cleared by pause. Work stops at the next checkpoint, between requests.
    running: asyncio.Event = field(default_factory=asyncio.Event)
    # The poll under way, page by page (None between polls), and who wants to hear of it.
    progress: WorkProgress | None = None
    on_progress: ProgressListener | None = None
    # Orders the poll under way has read, and how many of them its earlier queries had (a poll asks again
    # from the newest change it saw, and the answer starts with a few orders read already).
    _read_ids: set[str] = field(default_factory=set)

    def page_read(self, page: Page[Any], *, since: dt.datetime | None) -> None:
        """The poller read and handled one page of orders (``since``: where the poll reads from, None on the
        first import): announce how far the poll is."""
        progress = self.progress
        if progress is None:
            progress = WorkProgress(first_import=since is None, since=since or self.settings.start_date,
                                    started_at=self.now())
            self._read_ids = set()
        # Every pass over a poll's window asks for the whole window again (see OrderWindow): an order read
        # twice counts once, and the total is the window's.
        self._read_ids.update(str(getattr(item, "id", "")) for item in page.items)
        done = len(self._read_ids)
        announced = page.info.total_elements if page.info else None
        total = None if announced is None else max(done, announced)
        self.progress = progress.model_copy(update={"done": done, "total": total, "pages": progress.pages + 1})
        self._tell_progress()

    def work_started(self, *, since: dt.datetime | None) -> None:
        """A poll begins (``since``: where it reads from, None for the first import): the window says
        'checking now' from the first request on, before any page is in."""
        self._read_ids = set()
        self.progress = WorkProgress(first_import=since is None, since=since or self.settings.start_date,
                                     started_at=self.now())
        self._tell_progress()

    def work_finished(self) -> None:
        """The poll is over (done or failed): no progress to show until the next one."""
        self._read_ids = set()
        if self.progress is not None:
            self.progress = None
            self._tell_progress()

    def _tell_progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.progress)

    async def checkpoint(self) -> None:
        """Wait here while paused: what is in flight finishes, nothing new starts."""
        if not self.running.is_set():
            self.store.settle()  # nothing waits in an open transaction while the sync is paused
            await self.running.wait()
        else:
            # Between two orders or pushes the loop gets a turn: in the window, Qt paints and answers clicks
            # there, so a long import never freezes it.
            await asyncio.sleep(0)

    def on(self, flow: Flow) -> bool:
        return flow in self.flows

    @asynccontextmanager
    async def order_lock(self, epages_order_id: str | None) -> AsyncIterator[None]:
        """One lock per order: the poller, the pushers and the outbox never work on one order at once.

        The lock exists while someone holds or waits for it, so the engine keeps no lock per order it ever
        touched."""
        key = epages_order_id or "-"
        lock, users = self._order_locks.setdefault(key, (asyncio.Lock(), [0]))
        users[0] += 1
        try:
            async with lock:
                yield
        finally:
            users[0] -= 1
            if users[0] == 0:
                del self._order_locks[key]

    @asynccontextmanager
    async def order_locks(self, epages_order_ids: Iterable[str]) -> AsyncIterator[None]:
        """The locks of several orders at once (a batch of them), taken in one fixed order."""
        async with AsyncExitStack() as stack:
            for order_id in sorted(set(epages_order_ids)):
                await stack.enter_async_context(self.order_lock(order_id))
            yield

    @property
    def orders_locked(self) -> int:
        """Locks the engine keeps right now (each for an order someone works on or waits for)."""
        return len(self._order_locks)

    @staticmethod
    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)
