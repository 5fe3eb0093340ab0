"""A page of new orders imported together: one batched request per kind of Afosto change, one commit a page
(its claims, with the page before's completions); a refused order parks alone; a crash between any two of
these steps loses no order and doubles none."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from engine_rig import TEST_POLICY, Rig, rig

from epages_sync.engine import poller as poller_module
from epages_sync.engine.applier import ImportApplier
from epages_sync.engine.service import SyncService
from epages_sync.sandbox.seed import random_customer
from epages_sync.store.models import LinkKind, LinkStatus


class Killed(BaseException):
    """The process dies here: nothing after this point runs, nothing is cleaned up."""


def place(r: Rig, count: int, *, seed: int = 5, **customer: Any) -> list[str]:
    """New orders in the shop, as customers place them; their ePages ids."""
    rng = random.Random(seed)
    shop = r.sandbox.epages
    ids = []
    for _ in range(count):
        buyer = dataclasses.replace(random_customer(rng), **customer)
        # Products both systems know, with stock left in the shop.
        skus = sorted(sku for sku, p in shop.catalogue.by_sku.items() if sku in r.sandbox.afosto.ledger.catalogue
                      and p.purchasable and (not p.stock_managed or (p.stock or 0) >= 3))
        ids.append(shop.place_order(buyer, [(rng.choice(skus), rng.randint(1, 3))]).order_id)
    return ids


def afosto_orders_per_shop_order(r: Rig) -> dict[str, int]:
    counts: dict[str, int] = {}
    for order in r.sandbox.afosto.ledger.orders:
        key = order.meta_data["epages_order_id"]
        counts[key] = counts.get(key, 0) + 1
    return counts


def batched_requests(r: Rig) -> dict[str, int]:
    """Requests that create orders or add their lines."""
    return {k: v for k, v in r.sandbox.afosto.requests_by_operation.items()
            if k.startswith(("CreateOrder", "AddItemsToOrder"))}


async def test_a_page_of_new_orders_costs_one_create_and_one_lines_request() -> None:
    with rig(orders=0) as r:
        ids = place(r, 30)
        await r.service.run_once()
        assert afosto_orders_per_shop_order(r) == dict.fromkeys(ids, 1)
        assert batched_requests(r) == {"CreateOrderBatch": 1, "AddItemsToOrderBatch": 1}
        assert all(len(o.items) > 0 for o in r.sandbox.afosto.ledger.orders)
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_an_order_afosto_refuses_in_a_batch_is_parked_alone_and_the_others_are_imported() -> None:
    with rig(orders=0) as r:
        good = place(r, 4)
        # A country Afosto does not take (three letters): Afosto refuses this one order of the batch.
        [bad] = place(r, 1, seed=6, country="DEU")
        good += place(r, 3, seed=7)
        await r.service.run_once()
        assert set(afosto_orders_per_shop_order(r)) == set(good)
        parked = r.store.open_parked()
        number = r.sandbox.epages.by_id[bad].number
        assert [p.reference for p in parked] == [number]
        assert "Afosto refused order" in parked[0].message and "country" in parked[0].message
        assert r.store.link_by_epages(LinkKind.ORDER, bad) is None  # no claim left behind
        assert batched_requests(r)["CreateOrderBatch"] == 1
        await r.service.close()


async def test_lines_afosto_refuses_park_that_order_alone() -> None:
    """A product removed in Afosto after the sync last saw it: the order's lines are refused, the order is
    parked saying so, the rest of the page is imported."""
    with rig(orders=0) as r:
        place(r, 2)
        await r.service.run_once()  # the sync now knows CF-1001..3 in Afosto
        ids = place(r, 6, seed=8)
        gone = r.sandbox.epages.by_id[ids[0]].lines[0].sku
        del r.sandbox.afosto.ledger.catalogue[gone]
        await r.service.run_once()
        shop = r.sandbox.epages.by_id
        with_gone = {i for i in ids if any(line.sku == gone for line in shop[i].lines)}
        assert with_gone and with_gone != set(ids)
        parked = {p.reference: p.message for p in r.store.open_parked()}
        assert set(parked) == {shop[i].number for i in with_gone}
        assert all("Afosto refused the lines of order" in m for m in parked.values())
        for i in set(ids) - with_gone:
            link = r.store.link_by_epages(LinkKind.ORDER, i)
            assert link is not None and link.data.get("stage") == "items"
        await r.service.close()


@pytest.mark.parametrize("moment", ["claimed", "created", "filled"], ids=[
    "after-the-claims-before-the-request", "after-the-create-request", "after-the-requests-before-completion"])
async def test_killed_between_the_batch_steps_no_order_is_lost_or_doubled(monkeypatch: pytest.MonkeyPatch,
                                                                          moment: str) -> None:
    def die_at(at: str) -> None:
        if at == moment:
            raise Killed(at)

    with rig(orders=0) as r:
        ids = place(r, 12)
        monkeypatch.setattr(poller_module, "ImportApplier", lambda ctx: ImportApplier(ctx, hook=die_at))
        with pytest.raises(Killed):
            await r.service.run_once()
        claims = r.store.pending_links(LinkKind.ORDER)
        assert len(claims) == 12  # the page's claims were written before the request, all at once
        made = len(r.sandbox.afosto.ledger.orders)
        assert made == (0 if moment == "claimed" else 12)
        await r.service.close()

        # The next start: a new engine over the same database, nothing of the old one's memory.
        monkeypatch.setattr(poller_module, "ImportApplier", ImportApplier)
        r.service = SyncService(r.settings, r.store, client_secret="sandbox-secret",
                                afosto_key="sandbox-afosto-key", policy=TEST_POLICY, retry_base_seconds=0.05)
        await r.settle(2)
        assert afosto_orders_per_shop_order(r) == dict.fromkeys(ids, 1)
        assert all(len(o.items) > 0 for o in r.sandbox.afosto.ledger.orders)
        units = {o.meta_data["epages_order_id"]: len(o.items) for o in r.sandbox.afosto.ledger.orders}
        shop = r.sandbox.epages.by_id
        assert units == {i: sum(line.initial_quantity for line in shop[i].lines) for i in ids}  # lines added once
        assert r.store.pending_links(LinkKind.ORDER) == []
        for i in ids:
            link = r.store.link_by_epages(LinkKind.ORDER, i)
            assert link is not None and link.status == LinkStatus.LINKED and link.data.get("stage") == "items"
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_each_page_of_imports_commits_once_and_leaves_no_order_lock_behind() -> None:
    with rig(orders=0) as r:
        ids = place(r, 130)  # two pages of 100
        service = r.service
        service.ctx = await service._connect()
        poller = poller_module.OrderPoller(service.ctx)
        before = r.store.commits
        summary = await poller.poll_once()
        assert summary.imported == len(ids) and summary.pages == 2
        # Each page's claims go to disk with the page before's completions, links and log rows; the last
        # page's go with the poll's marks (the watermark, the time of the last good poll): 2 pages, 3 commits.
        assert r.store.commits - before == 3
        assert service.ctx.orders_locked == 0
        rows = [row for row in r.store.log_page(limit=200) if "imported into Afosto" in row.message]
        assert len(rows) == len(ids) and all(row.has_detail for row in rows)
        assert not r.store._conn.in_transaction  # nothing is left waiting for a commit after the poll
        await service.close()


async def test_killed_after_a_page_before_the_next_pages_claims_no_order_is_lost_or_doubled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page's completions wait for the second page's claims; the process dies in between."""
    pages = []

    def die_at(at: str) -> None:
        if at == "planned":
            pages.append(at)
            if len(pages) == 2:
                raise Killed(at)

    with rig(orders=0) as r:
        ids = place(r, 130)
        monkeypatch.setattr(poller_module, "ImportApplier", lambda ctx: ImportApplier(ctx, hook=die_at))
        monkeypatch.setattr(r.store, "settle", lambda: None)  # a dying process commits nothing more
        with pytest.raises(Killed):
            await r.service.run_once()
        r.store._conn.rollback()  # what the dying process had not committed is gone
        monkeypatch.undo()
        made = afosto_orders_per_shop_order(r)
        assert len(made) == 100  # the first page is in Afosto ...
        assert len(r.store.pending_links(LinkKind.ORDER)) == 100  # ... but its completions were lost
        await r.service.close()

        r.service = SyncService(r.settings, r.store, client_secret="sandbox-secret",
                                afosto_key="sandbox-afosto-key", policy=TEST_POLICY, retry_base_seconds=0.05)
        await r.settle(2)
        assert afosto_orders_per_shop_order(r) == dict.fromkeys(ids, 1)
        shop = r.sandbox.epages.by_id
        units = {o.meta_data["epages_order_id"]: len(o.items) for o in r.sandbox.afosto.ledger.orders}
        assert units == {i: sum(line.initial_quantity for line in shop[i].lines) for i in ids}  # lines added once
        assert r.store.pending_links(LinkKind.ORDER) == []
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_an_idle_push_round_asks_afosto_once() -> None:
    """Nothing changed: the round's look for changed orders and its stock check share one request."""
    with rig(orders=8) as r:
        await r.settle()
        before = dict(r.sandbox.afosto.requests_by_operation)
        r.sandbox.requests.reset()
        await r.service.push_round()
        counts = r.sandbox.requests.as_dict()
        assert counts["afosto"]["total"] == 1 and counts["epages"]["total"] == 0
        after = r.sandbox.afosto.requests_by_operation
        assert {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)} == {
            "ListOrdersAndInventory": 1}
        # ... and it still sees what changes: a parcel shipped in Afosto reaches ePages.
        r.sandbox.step(10)
        await r.settle()
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_one_order_handled_alone_is_on_disk_when_it_returns() -> None:
    """A person's Retry imports one order outside a poll: nothing of it waits for a later commit."""
    with rig(orders=0) as r:
        [order_id] = place(r, 1)
        service = r.service
        service.ctx = await service._connect()
        poller = poller_module.OrderPoller(service.ctx)
        await poller.handle_order(await service.ctx.epages.get_order(order_id))
        assert afosto_orders_per_shop_order(r) == {order_id: 1}
        assert not r.store._conn.in_transaction
        await service.close()
