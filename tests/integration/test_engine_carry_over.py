"""Orders shipped in the shop before their first import: their parcels go to Afosto for the whole page at once
(one batched request to pack, one to move the parcels on, in the import's two transactions); a crash between
any two steps leaves no shipment packed twice and none missing."""

from __future__ import annotations

import pytest
from engine_rig import TEST_POLICY, Rig, rig
from test_engine_batches import Killed, place

from epages_sync.engine import poller as poller_module
from epages_sync.engine.applier import ImportApplier
from epages_sync.engine.service import SyncService
from epages_sync.sandbox.afosto.ledger import refuse
from epages_sync.store.models import LinkKind, LinkStatus


def ship_in_shop(r: Rig, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Ship every order in the cockpit (every other one delivered too): ePages order id -> (tracking code,
    the status its Afosto parcel must reach)."""
    shop = r.sandbox.epages
    out = {}
    for n, order_id in enumerate(ids):
        order = shop.by_id[order_id]
        code = f"TRACK-{n:03d}"
        process = shop.create_shipping(order_id, [(li.line_id, li.initial_quantity) for li in order.lines],
                                       tracking_code=code, tracking_link=f"https://track.example/{code}")
        shop.mark_shipped(order_id, process.process_id)
        if n % 2:
            shop.mark_delivered(order_id, process.process_id)
        out[order_id] = (code, "DELIVERED" if n % 2 else "IN_TRANSIT")
    return out


def parcels_per_shop_order(r: Rig) -> dict[str, list[tuple[str | None, str, int]]]:
    """Each ePages order's Afosto parcels: (tracking code, status, units)."""
    return {o.meta_data["epages_order_id"]: [(p.tracking_code, p.status, len(p.item_ids)) for p in o.parcels]
            for o in r.sandbox.afosto.ledger.orders}


def expected(r: Rig, shipped: dict[str, tuple[str, str]]) -> dict[str, list[tuple[str | None, str, int]]]:
    shop = r.sandbox.epages.by_id
    return {i: [(code, status, sum(li.initial_quantity for li in shop[i].lines))]
            for i, (code, status) in shipped.items()}


def single_parcel_requests(r: Rig) -> dict[str, int]:
    ops = r.sandbox.afosto.requests_by_operation
    return {k: v for k, v in ops.items() if k in ("AddTrackTraceToItems", "SetParcelStatus", "GetOrder")}


async def test_orders_shipped_before_their_import_get_their_parcels_in_one_request_of_each_kind() -> None:
    with rig(orders=0) as r:
        ids = place(r, 20)
        shipped = ship_in_shop(r, ids)
        service = r.service
        service.ctx = await service._connect()
        poller = poller_module.OrderPoller(service.ctx)
        before = r.store.commits
        summary = await poller.poll_once()
        assert summary.imported == 20
        assert parcels_per_shop_order(r) == expected(r, shipped)
        ops = r.sandbox.afosto.requests_by_operation
        assert (ops["AddTrackTraceToItemsBatch"], ops["SetParcelStatusBatch"]) == (1, 1)
        assert single_parcel_requests(r) == {}  # nothing one by one, and no order read again
        # The page's claims (orders and shipments); then everything it did goes to disk with the poll's marks:
        # two commits.
        assert r.store.commits - before == 2
        rows = [row.message for row in r.store.log_page(limit=200)]
        assert sum("shipment from ePages recorded in Afosto" in m for m in rows) == 20
        assert sum("delivery from ePages recorded in Afosto" in m for m in rows) == 10
        for i in ids:
            link = r.store.links_for_parent(LinkKind.SHIPPING, i)
            assert [(k.status, k.afosto_id is not None) for k in link] == [(LinkStatus.LINKED, True)]
        await service.close()
        # Nothing left to carry over: the next run packs nothing and the systems agree.
        await r.settle(2)
        assert parcels_per_shop_order(r) == expected(r, shipped)
        assert r.consistency()["differences"] == []
        await r.service.close()


async def test_a_shipment_afosto_refuses_is_carried_over_alone_the_careful_way() -> None:
    """One parcel of the batch refused (a unit the warehouse took meanwhile): the others are packed in the
    batch, and that order alone is looked at again order by order."""
    with rig(orders=0) as r:
        ids = place(r, 6)
        shipped = ship_in_shop(r, ids)
        afosto = r.sandbox.afosto
        real = afosto.api.add_track_trace_to_items
        refused: list[str] = []

        def refuse_first(input: dict) -> dict:  # type: ignore[type-arg]
            if not refused:
                refused.extend(input["items"])
                raise refuse("Item is locked by a pick list.", "items")
            return real(input)

        afosto.api.add_track_trace_to_items = refuse_first  # type: ignore[method-assign]
        try:
            await r.settle(2)
        finally:
            afosto.api.add_track_trace_to_items = real  # type: ignore[method-assign]
        assert refused
        assert parcels_per_shop_order(r) == expected(r, shipped)
        assert single_parcel_requests(r).get("AddTrackTraceToItems") == 1  # only the refused one, again
        assert r.consistency()["differences"] == []
        await r.service.close()


@pytest.mark.parametrize("moment", ["claimed", "filled", "packed", "moved"])
async def test_killed_between_the_steps_of_a_shipped_page_no_parcel_is_doubled_or_missing(
        monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    def die_at(at: str) -> None:
        if at == moment:
            raise Killed(at)

    with rig(orders=0) as r:
        ids = place(r, 10)
        shipped = ship_in_shop(r, ids)
        monkeypatch.setattr(poller_module, "ImportApplier", lambda ctx: ImportApplier(ctx, hook=die_at))
        with pytest.raises(Killed):
            await r.service.run_once()
        claims = [link for i in ids for link in r.store.links_for_parent(LinkKind.SHIPPING, i)]
        assert len(claims) == 10 and all(c.status == LinkStatus.PENDING for c in claims)
        await r.service.close()

        monkeypatch.setattr(poller_module, "ImportApplier", ImportApplier)
        r.service = SyncService(r.settings, r.store, client_secret="sandbox-secret",
                                afosto_key="sandbox-afosto-key", policy=TEST_POLICY, retry_base_seconds=0.05)
        await r.settle(2)
        assert parcels_per_shop_order(r) == expected(r, shipped)
        for i in ids:
            assert [k.status for k in r.store.links_for_parent(LinkKind.SHIPPING, i)] == [LinkStatus.LINKED]
        assert r.consistency()["differences"] == []
        await r.service.close()
