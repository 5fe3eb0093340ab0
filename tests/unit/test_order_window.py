"""The poll's time window is read whole or read again: orders that leave it while it is read shift the
pages after them, and the page information shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from typing import Any

from epages_sync.clients.epages_models import Order, Page, PageInfo
from epages_sync.engine.order_window import MAX_PASSES, OrderWindow


def order(n: int) -> Order:
    return Order.model_validate({"_id": f"o{n}", "orderNumber": str(n),
                                 "updatedAt": f"2026-12-03T10:{n:02d}:00.000"})


class ListingThatShifts:
    """Answers one pass after another from a script: each pass is a list of (total, order numbers) pages."""

    def __init__(self, *passes: list[tuple[int | None, list[int]]]) -> None:
        self.passes = list(passes)
        self.asked: list[dict[str, Any]] = []

    def iter_order_pages(self, **params: Any) -> AsyncGenerator[Page[Order], None]:
        self.asked.append(params)
        pages = self.passes.pop(0)

        async def gen() -> AsyncGenerator[Page[Order], None]:
            for total, numbers in pages:
                info = PageInfo(total_elements=total) if total is not None else None
                yield Page[Order](items=[order(n) for n in numbers], info=info)

        return gen()


async def read(window: OrderWindow) -> list[list[str]]:
    passes = []
    while not window.complete and not window.exhausted:
        passes.append([o.id async for page in window.pages() for o in page.items])
    return passes


async def test_a_window_read_whole_is_complete_after_one_pass_and_never_closed() -> None:
    listing = ListingThatShifts([(3, [1, 2]), (3, [3])])
    window = OrderWindow(listing, created_after=None, after=None)  # type: ignore[arg-type]
    assert await read(window) == [["o1", "o2", "o3"]]
    assert window.complete and window.newest == dt.datetime(2026, 12, 3, 10, 3)
    assert listing.asked[0]["updated_before"] is None and listing.asked[0]["sort"] == "createdAt,asc"


async def test_orders_arriving_mid_read_close_the_window_at_the_newest_change_seen_and_read_it_again() -> None:
    # o9 changed while page 2 was asked for and came into the window: the pages after it shifted, so o3 was
    # never shown. The second pass asks only up to the newest change the first one saw (o9's, in ePages'
    # own time: this computer's clock is never compared with ePages').
    listing = ListingThatShifts([(3, [1, 2]), (4, [9])], [(3, [1, 2, 3])])
    window = OrderWindow(listing, created_after=None, after=None)  # type: ignore[arg-type]
    passes = await read(window)
    assert passes == [["o1", "o2", "o9"], ["o1", "o2", "o3"]]
    assert listing.asked[1]["updated_before"] == dt.datetime(2026, 12, 3, 10, 9, 0, 1000)
    assert window.complete


async def test_an_order_leaving_the_closed_window_mid_read_makes_it_read_again() -> None:
    listing = ListingThatShifts([(3, [1, 2]), (4, [4])], [(3, [1, 2]), (2, [4])], [(2, [2, 3])])
    window = OrderWindow(listing, created_after=None, after=None)  # type: ignore[arg-type]
    assert len(await read(window)) == 3 and window.complete


async def test_fewer_orders_than_the_total_is_not_a_complete_window() -> None:
    listing = ListingThatShifts([(3, [1, 2]), (3, [2])], [(3, [1, 2, 3])])
    window = OrderWindow(listing, created_after=None, after=None)  # type: ignore[arg-type]
    assert len(await read(window)) == 2 and window.complete


async def test_a_window_that_never_holds_still_gives_up_without_claiming_it_was_read() -> None:
    shifting = [[(3, [1]), (2, [])] for _ in range(MAX_PASSES + 2)]
    window = OrderWindow(ListingThatShifts(*shifting), created_after=None, after=None)  # type: ignore[arg-type]
    assert len(await read(window)) == MAX_PASSES
    assert window.exhausted and not window.complete


async def test_without_page_information_following_the_pages_to_the_end_is_all_there_is() -> None:
    listing = ListingThatShifts([(None, [1, 2]), (None, [3])])
    window = OrderWindow(listing, created_after=None, after=None)  # type: ignore[arg-type]
    assert await read(window) == [["o1", "o2", "o3"]] and window.complete
