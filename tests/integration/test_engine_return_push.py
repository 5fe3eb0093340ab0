"""A return decided in Afosto reaches ePages once: sent again (the app stopped after the return was made and
linked, before the push was noted as done), it finds its own return and changes nothing."""

from __future__ import annotations

import pytest
from engine_rig import rig
from test_engine_conflicts import _afosto_order, _conflicts, _delivered_order

pytestmark = [pytest.mark.timeout(120)]


async def test_a_return_push_sent_again_after_it_was_done_finds_its_own_return_and_asks_nobody() -> None:
    with rig(orders=0, seed=3) as r:
        order_id = await _delivered_order(r)
        order = r.sandbox.epages.order(order_id)
        line = order.lines[0]
        afosto = _afosto_order(r, order_id)
        unit = next(i for i in afosto.items if i.sku == line.sku)
        r.sandbox.afosto.warehouse._walk_contra(afosto, "receive", {"item_id": unit.id, "outcome": "REJECTED"},
                                                restock=False)
        await r.settle()
        assert [rp.lines for rp in r.sandbox.epages.order(order_id).returns] == [[(line.line_id, 1, "BROKEN")]]
        rma_ids = [rma.id for rma in _afosto_order(r, order_id).rma_items]
        # The same push again, as after a restart that found it not done.
        assert r.service.sender is not None
        r.store.enqueue("return:again", "return", {"afosto_order_id": afosto.id, "afosto_number": afosto.number,
                                                   "rma_ids": rma_ids},
                        epages_order_id=order_id, epages_order_number=order.number)
        assert await r.service.sender.send_due() == 1
        assert len(r.sandbox.epages.order(order_id).returns) == 1
        assert _conflicts(r) == [] and r.store.open_parked() == [] and r.store.outbox_depth() == 0
        assert any(row.message == f"Order {order.number}: return was already in ePages."
                   for row in r.store.log_for_order(order.number))
        assert r.consistency()["differences"] == []
        await r.service.close()
