"""The stock check's decisions, on plain data: which SKUs are checked, the figure each is set to (and by how
much it changes), the large drops held for a person, figures left alone, and figures waiting for a store
that sells from the same stock."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from epages_sync.engine.shared_stock import OtherStores
from epages_sync.engine.steps import (
    CheckStock,
    HoldDrops,
    SetStock,
    SkipStockPush,
    StockNotManaged,
    StockStep,
    StockUnchanged,
    WaitForStores,
)
from epages_sync.engine.stock import plan_stock, stock_to_check
from epages_sync.texts import Text

SKUS = ["A", "B", "C", "D"]
SAME = {"A": 5, "B": 5, "C": 5, "D": 5}  # Afosto's figures when each SKU was last set


def to_check(*, full: bool = False, dirty: set[str] | None = None, due: list[tuple[str, str]] | None = None,
             afosto: Mapping[str, int] | None = None, others: Mapping[str, int] | None = None,
             last_others: Mapping[str, int] | None = None) -> list[SkipStockPush | CheckStock]:
    return stock_to_check(SKUS, full=full, dirty=dirty or set(), due=due or [], afosto=afosto or SAME,
                          last_afosto=SAME, others=others or {}, last_others=last_others or {})


def test_a_full_check_reads_every_sku_and_otherwise_only_those_whose_figure_may_have_changed() -> None:
    assert to_check(full=True) == [CheckStock(("A", "B", "C", "D"))]
    assert to_check() == []  # nothing changed since the last figures: no figure is read
    assert to_check(dirty={"C"}) == [CheckStock(("C",))]  # an order or a change in Afosto touched it
    assert to_check(due=[("stock:D:1", "D")]) == [CheckStock(("D",))]  # a push waits to be sent again
    assert to_check(afosto={**SAME, "B": 4}) == [CheckStock(("B",))]
    # Another store's units not yet in Afosto changed (the first reading of 0 units is no change).
    assert to_check(others={"A": 2, "B": 0}) == [CheckStock(("A",))]
    assert to_check(others={"A": 2}, last_others={"A": 2}) == []


def test_a_waiting_push_for_a_sku_no_longer_synced_is_closed_not_sent() -> None:
    assert to_check(due=[("stock:X:3", "X"), ("stock:A:2", "A")]) == [SkipStockPush("stock:X:3", "X"),
                                                                       CheckStock(("A",))]


def plan(current: Mapping[str, int | None], afosto: Mapping[str, int], pending: Mapping[str, int] | None = None,
         *, products: int = 30, confirmed: bool = False, others: OtherStores | None = None) -> list[StockStep]:
    return plan_stock(sorted(current), current, afosto, Counter(pending or {}), share=0.5, products=products,
                      drop_confirmed=confirmed, others=others or OtherStores())


def test_the_figure_is_what_afosto_has_less_the_units_of_orders_it_does_not_have_never_below_zero() -> None:
    steps = plan({"A": 4, "B": 3, "C": 2, "D": 1}, {"A": 6, "B": 3, "C": 3, "D": 0}, {"C": 1, "D": 2})
    assert steps == [SetStock("A", 4, 6), StockUnchanged("B"), StockUnchanged("C"), SetStock("D", 1, 0)]
    assert [s.delta for s in steps if isinstance(s, SetStock)] == [2, -1]


def test_a_sku_the_shop_gives_no_figure_for_is_left_alone() -> None:
    """Stock management switched off in ePages since the catalogue was read."""
    assert plan({"A": None, "B": 1}, {"A": 0, "B": 3}) == [StockNotManaged("A"), SetStock("B", 1, 3)]


def test_many_large_drops_at_once_are_held_for_a_person_and_the_other_figures_still_go_out() -> None:
    current: dict[str, int | None] = {"A": 10, "B": 10, "C": 10, "D": 4, "E": None}
    afosto = {"A": 2, "B": 0, "C": 4, "D": 6, "E": 1}
    assert plan(current, afosto) == [HoldDrops({"A": (10, 2), "B": (10, 0), "C": (10, 4)}),
                                     SetStock("D", 4, 6), StockNotManaged("E")]
    # Confirmed by a person (Retry on the held item): sent this once.
    assert plan(current, afosto, confirmed=True)[:3] == [SetStock("A", 10, 2), SetStock("B", 10, 0),
                                                         SetStock("C", 10, 4)]


def test_the_drop_guard_is_three_drops_or_a_tenth_of_the_products_and_small_drops_never_count() -> None:
    two = plan({"A": 10, "B": 10, "C": 10}, {"A": 1, "B": 1, "C": 6})  # C loses 40 %, under the share
    assert two == [SetStock("A", 10, 1), SetStock("B", 10, 1), SetStock("C", 10, 6)]
    skus = [f"S{n:02}" for n in range(10)]
    nine = plan(dict.fromkeys(skus[:9], 10), dict.fromkeys(skus[:9], 0), products=100)
    assert all(isinstance(s, SetStock) for s in nine) and len(nine) == 9
    [held] = plan(dict.fromkeys(skus, 10), dict.fromkeys(skus, 0), products=100)
    assert isinstance(held, HoldDrops) and list(held.drops) == skus
    # A shop figure of 0 cannot drop.
    assert plan({"A": 0, "B": 0, "C": 0}, {"A": 0, "B": 0, "C": 0}) == [
        StockUnchanged("A"), StockUnchanged("B"), StockUnchanged("C")]


def test_a_figure_that_would_go_up_waits_for_a_silent_store_sharing_the_stock_and_lower_ones_go_out() -> None:
    silent = (("nl", Text("its sync is not connected")),)
    others = OtherStores(units=Counter({"A": 1}), silent=silent, hold=frozenset({"A", "B"}))
    steps = plan({"A": 2, "B": 5, "C": 1}, {"A": 4, "B": 3, "C": 4}, {"A": 1}, others=others)
    # A would go up (2 -> 3) and nl may sell it; B goes down; nl does not sell C.
    assert steps == [SetStock("B", 5, 3), SetStock("C", 1, 4), WaitForStores(("A",), silent)]
    # A store that never told which SKUs it sells holds every figure that would go up.
    anything = OtherStores(silent=silent, hold=None)
    assert plan({"A": 2, "C": 1}, {"A": 4, "C": 0}, others=anything) == [
        SetStock("C", 1, 0), WaitForStores(("A",), silent)]
