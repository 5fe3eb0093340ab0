"""The planner of a page's imports, on plain data: which orders are created, finished, parked, followed or
left alone, and why. No store, no requests: the same list is what a preview would show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_order_import import KNOWN, order

from epages_sync.clients.epages_models import Order
from epages_sync.engine.order_import import ImportFacts, plan_order_import
from epages_sync.engine.steps import AddItems, CreateOrder, FollowChanges, Park
from epages_sync.store.models import Link, LinkKind

NOW = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)


def link(epages_id: str, *, status: str = "linked", **data: Any) -> Link:
    return Link(id=1, kind=LinkKind.ORDER, epages_id=epages_id, afosto_id=None if status == "pending" else "af-1",
                status=status, parent=None, origin="epages", data=data, created_at=NOW, updated_at=NOW)


def facts(**changes: Any) -> ImportFacts:
    values: dict[str, Any] = dict(links={}, parked_stamps={}, afosto_skus=KNOWN, channel_id="ch-1",
                                  channel_currency="EUR", location_map={}, start_date=dt.date(2026, 1, 1))
    values.update(changes)
    return ImportFacts(**values)


def numbered(n: int, **overrides: Any) -> Order:
    return order(_id=f"o-{n}", orderNumber=str(10000 + n), **overrides)


def test_new_orders_become_create_steps_in_page_order() -> None:
    steps = plan_order_import([numbered(1), numbered(2)], facts())
    assert [type(s) for s in steps] == [CreateOrder, CreateOrder]
    first = steps[0]
    assert isinstance(first, CreateOrder)
    assert (first.epages_order_id, first.number, first.units, first.settled) == ("o-1", "10001", 3, True)
    assert first.order.meta_data["epages_order_id"] == "o-1"
    assert first.held == {"CF-1001": 2, "CF-1002": 1}


def test_an_unknown_sku_parks_that_order_alone_with_what_to_do() -> None:
    bad = numbered(2, productLineItems=[
        {"_id": "l-9", "product": {"_id": "p-9", "sku": "EP-ONLY-1", "name": "Mug"}, "quantity": 3,
         "unitPrice": {"currency": "EUR", "amount": "5.00"}}])
    steps = plan_order_import([numbered(1), bad, numbered(3)], facts())
    assert [type(s) for s in steps] == [CreateOrder, Park, CreateOrder]
    park = steps[1]
    assert isinstance(park, Park)
    assert "EP-ONLY-1" in park.reason and "unknown in Afosto" in park.reason
    assert park.lines == {"EP-ONLY-1": 3} and park.stamp == bad.updated_at.isoformat()  # type: ignore[union-attr]


def test_an_order_parked_and_unchanged_since_waits_and_a_changed_one_is_planned_again() -> None:
    o = numbered(1)
    stamp = o.updated_at.isoformat()  # type: ignore[union-attr]
    assert plan_order_import([o], facts(parked_stamps={"10001": stamp})) == []
    steps = plan_order_import([o], facts(parked_stamps={"10001": "2026-10-01T00:00:00"}))
    assert [type(s) for s in steps] == [CreateOrder]


def test_an_order_with_shipments_or_cancellations_is_imported_and_then_followed() -> None:
    shipped = numbered(1, productLineItems=[
        {"_id": "l-1", "product": {"_id": "p-1", "sku": "CF-1001", "name": "Espresso"}, "quantity": 2,
         "initialQuantity": 2, "unitPrice": {"currency": "EUR", "amount": "19.90"},
         "shipped": {"quantity": 2}}])
    steps = plan_order_import([shipped], facts())
    assert [type(s) for s in steps] == [CreateOrder, FollowChanges]
    assert isinstance(steps[0], CreateOrder) and not steps[0].settled


def test_linked_orders_are_followed_only_when_they_changed_since_last_seen() -> None:
    o = numbered(1)
    stamp = o.updated_at.isoformat()  # type: ignore[union-attr]
    assert plan_order_import([o], facts(links={"o-1": link("o-1", stage="items", seen=stamp)})) == []
    steps = plan_order_import([o], facts(links={"o-1": link("o-1", stage="items", seen="older")}))
    assert steps == [FollowChanges("o-1", "10001")]


def test_an_import_cut_short_after_the_order_was_created_adds_its_lines() -> None:
    steps = plan_order_import([numbered(1)], facts(links={"o-1": link("o-1", stage="created")}))
    assert len(steps) == 1 and isinstance(steps[0], AddItems)
    assert steps[0].afosto_id == "af-1" and steps[0].units == 3


def test_a_pending_claim_gets_no_step_until_it_is_resolved() -> None:
    """After a crash between the claim and Afosto's answer, creating the order again could double it."""
    assert plan_order_import([numbered(1)], facts(links={"o-1": link("o-1", status="pending")})) == []


def test_orders_before_the_start_date_or_with_imports_off_are_left_alone() -> None:
    old = numbered(1, createdAt="2025-12-31T23:00:00.000")
    assert plan_order_import([old], facts()) == []
    assert plan_order_import([numbered(2)], facts(importing=False)) == []
    # A linked order is still followed with imports off: its changes belong to other flows.
    linked = facts(importing=False, links={"o-2": link("o-2", stage="items", seen="older")})
    assert plan_order_import([numbered(2)], linked) == [FollowChanges("o-2", "10002")]


def test_the_planner_is_pure_the_same_facts_give_the_same_steps() -> None:
    page = [numbered(1), numbered(2)]
    assert plan_order_import(page, facts()) == plan_order_import(page, facts())
