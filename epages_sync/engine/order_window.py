"""Reading every ePages order changed since a moment, whatever order ePages lists them in.

ePages' description documents ``updatedAfter``/``updatedBefore`` and page numbers for ``GET /orders``, but
no sort order for it, and no time zone for its times. So nothing here compares ePages' times with this
computer's clock, and nothing relies on the order of a list:

- The first pass reads ``updatedAfter`` only. When the page information stays the same from the first
  page to the last and as many distinct orders came back as it counts, every order of the window was seen.
- Otherwise orders came or went while the pages were read, which shifts the pages after them and can hide
  one. The window is then closed at the newest change already seen (``updatedBefore``, in ePages' own
  time): from then on orders can only leave it (a change moves an order past the end, into the next poll),
  and it is read again until a pass sees it whole.

Only a window read whole moves the watermark, to the newest change in it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass, field

from ..clients.epages import EpagesClient
from ..clients.epages_models import Order, Page
from ..errors import Unavailable
from ..texts import Text, join

log = logging.getLogger(__name__)

# ePages' default order may be anything; asking for the creation time keeps pages stable where it is honoured
# (the time of the last change would move an order to another page while the window is read).
SORT = "createdAt,asc"
# Passes over one window before a poll gives up for now (the watermark then stays where it was).
MAX_PASSES = 5


def naive_utc(value: dt.datetime) -> dt.datetime:
    """ePages' times as they are compared and stored: without an offset (one given is taken off as UTC)."""
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def _parsed(text: str | None) -> dt.datetime | None:
    try:
        return naive_utc(dt.datetime.fromisoformat(text)) if text else None
    except ValueError:
        return None


@dataclass
class OrderWindow:
    """The orders changed after ``after`` (all of them when None), and what the passes over it saw."""

    epages: EpagesClient
    created_after: dt.date | dt.datetime | None
    after: dt.datetime | None
    page_size: int = 100
    before: dt.datetime | None = None  # set once the window had to be closed
    newest: dt.datetime | None = None  # the newest change seen, in ePages' time
    complete: bool = False
    passes: int = 0
    seen: set[str] = field(default_factory=set)

    async def pages(self) -> AsyncIterator[Page[Order]]:
        """One pass over the window, page by page. Afterwards ``complete`` says whether every order in it
        was on some page; if not, iterate again for another pass."""
        self.passes += 1
        self.complete = False
        self.seen = set()
        first_total: int | None = None
        total: int | None = None
        async with aclosing(self.epages.iter_order_pages(
                created_after=self.created_after, updated_after=self.after, updated_before=self.before,
                sort=SORT, size=self.page_size)) as pages:
            async for page in pages:
                total = page.info.total_elements if page.info is not None else None
                if first_total is None:
                    first_total = total
                self.seen.update(o.id for o in page.items)
                self.seen.update(u.id or f"unreadable:{self.passes}:{n}" for n, u in enumerate(page.unreadable))
                stamps = [naive_utc(o.updated_at) for o in page.items if o.updated_at is not None]
                stamps += [s for u in page.unreadable if (s := _parsed(u.updated_at)) is not None]
                if stamps and (self.newest is None or max(stamps) > self.newest):
                    self.newest = max(stamps)
                yield page
                if total != first_total:
                    break  # the rest would be read from shifted pages anyway
        if total != first_total or (first_total is not None and len(self.seen) < first_total):
            log.info("orders changed while the window was read (%s, then %s; %s seen): reading it again",
                     first_total, total, len(self.seen))
            if self.before is None and self.newest is not None:
                # ePages' updatedBefore excludes the moment itself.
                self.before = self.newest + dt.timedelta(milliseconds=1)
        else:
            self.complete = True

    @property
    def exhausted(self) -> bool:
        return not self.complete and self.passes >= MAX_PASSES

    async def whole(self, then: Text) -> AsyncIterator[Page[Order]]:
        """Every page of every pass until the window was read whole (an order may come twice, from two
        passes); raises Unavailable saying ``then`` when orders kept changing for MAX_PASSES passes."""
        while not self.complete:
            if self.exhausted:
                raise Unavailable(join([Text("Orders kept changing in ePages while they were read."), then]),
                                  concerns=Text("ePages orders"))
            async for page in self.pages():
                yield page
