"""The preview before going live: both systems read, the first sync planned and shown, nothing written to
either system; then the real first sync does what the preview said."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from engine_rig import rig

from epages_sync.sandbox.app import Sandbox

pytestmark = [pytest.mark.timeout(180)]


def _worlds(sandbox: Sandbox) -> str:
    """Both systems' whole state (the Afosto side's count of the requests it served left out)."""
    afosto = {k: v for k, v in sandbox.afosto.snapshot().items() if k != "requests_by_operation"}
    return json.dumps([sandbox.epages.snapshot(), afosto], sort_keys=True, default=str)


async def test_the_preview_shows_the_first_sync_and_changes_neither_system() -> None:
    with rig(orders=30, seed=21) as r:
        before = _worlds(r.sandbox)
        r.sandbox.requests.reset()
        preview = await r.service.preview()
        # Nothing written: both worlds are exactly as they were, and no request but reads (and the token) was sent.
        assert _worlds(r.sandbox) == before
        counts = r.sandbox.requests.as_dict()
        assert all(key.split()[0] == "GET" or key.endswith("/token") for key in counts["epages"]["paths"]), counts
        assert all(op[:1].isupper() and not op.startswith(("Create", "Add", "Cancel", "Set", "Approve", "Receive",
                                                              "Restock", "Finish"))
                   for op in counts["afosto"]["operations"]), counts
        assert r.store.links_for_parent("order", "") == [] and r.store.outbox_depth() == 0
        # What it shows: every order of the shop since the start date, to be imported or waiting for a person.
        shop = r.sandbox.epages.snapshot()["orders"]
        assert len(preview.imports) + len(preview.parked) == len(shop)
        assert preview.imports and preview.stock
        biggest = preview.stock[0]
        assert abs(biggest.change) == max(abs(s.change) for s in preview.stock)
        after_import = preview.carried_over
        lines = [str(line) for line in preview.lines()]
        assert lines[0].startswith(f"Orders to import into Afosto: {len(preview.imports)} (")
        assert any(line.startswith("Stock figures the shop would get now") for line in lines)

        # The real first sync then does what the preview said: the same orders imported, and what it
        # carries over after them.
        await r.settle()
        assert r.consistency()["differences"] == []
        numbers = {o["id"]: o["orderNumber"] for o in shop}
        assert {numbers[i] for i in r.sandbox.afosto.order_figures()} == {o.number for o in preview.imports}
        assert sum(after_import.values()) > 0
        await r.service.close()


async def test_the_stock_figures_shown_follow_the_stock_rule_and_the_biggest_come_first() -> None:
    # Before the first import every ePages order since the start date is unknown to Afosto: each figure is
    # what the feeding locations have, less those orders' units (cancelled units put back), never below 0.
    with rig(orders=20, seed=24) as r:
        preview = await r.service.preview()
        sold: dict[str, int] = {}
        for order in r.sandbox.epages.orders:
            counts = order.counts()
            for line in order.lines:
                sold[line.sku] = sold.get(line.sku, 0) + line.initial_quantity - counts[line.line_id].canceled
        locations = r.settings.stock_locations
        for s in preview.stock:
            expected = max(0, (r.sandbox.afosto.available_stock(s.sku, locations) or 0) - sold.get(s.sku, 0))
            assert s.target == expected, s
            assert s.shop == r.sandbox.epages.available_stock(s.sku)
        changes = [abs(s.change) for s in preview.stock]
        assert changes == sorted(changes, reverse=True) and all(changes)
        await r.service.close()


async def test_after_the_first_sync_the_preview_has_nothing_left_to_do() -> None:
    with rig(orders=10, seed=22) as r:
        await r.settle()
        preview = await r.service.preview()
        assert preview.imports == [] and preview.stock == [] and preview.to_follow == []
        assert str(preview.lines()[0]) == "Orders to import into Afosto: 0 (0 units)."
        await r.service.close()


def test_run_dry_run_on_the_command_line_prints_the_preview_and_writes_nothing(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from epages_sync.__main__ import main

    with rig(orders=8, seed=23) as r:
        monkeypatch.setenv("EPAGES_SYNC_CLIENT_SECRET", "sandbox-secret")
        monkeypatch.setenv("EPAGES_SYNC_AFOSTO_KEY", "sandbox-afosto-key")
        url = r.url
        w = r.sandbox.world
        args = ["--data-dir", str(tmp_path), "configure", "--store", "demo-shop", "--client-id", "sandbox-client",
                "--sandbox", url, "--channel", w.default_channel.channel_id, "--start-date", "2020-01-01"]
        for ep, af in w.default_location_map.items():
            args += ["--map", f"{ep}={af}"]
        for loc in w.feeding_location_ids:
            args += ["--stock-from", loc]
        assert main(args, out=io.StringIO()) in (0, 3)
        before = _worlds(r.sandbox)
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "run", "--dry-run"], out=out) == 0, out.getvalue()
        text = out.getvalue()
        assert text.startswith("Preview: nothing was written to ePages or Afosto.")
        assert "Orders to import into Afosto: 8 (" in text or "Orders that would wait for a person" in text
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "run", "--dry-run", "--json"], out=out) == 0
        data = json.loads(out.getvalue())
        assert data["orders_to_import"] + len(data["orders_waiting_for_a_person"]) == 8
        assert _worlds(r.sandbox) == before
        err = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "run"], out=err) == 2


async def test_a_fresh_database_on_a_synced_shop_previews_adoption_not_a_second_import() -> None:
    from engine_rig import TEST_POLICY

    from epages_sync.engine.service import SyncService
    from epages_sync.store import Store

    with rig(orders=12, seed=25) as r:
        await r.settle()
        fresh = SyncService(r.settings, Store.memory(), client_secret="sandbox-secret",
                            afosto_key="sandbox-afosto-key", policy=TEST_POLICY)
        before = _worlds(r.sandbox)
        preview = await fresh.preview()
        assert _worlds(r.sandbox) == before
        # Every order is in Afosto already: linked by the first look, none created twice.
        imported = set(r.sandbox.afosto.order_figures())
        assert len(preview.adopted) == len(imported) and preview.imports == []
        assert any(str(line).startswith("Orders Afosto has already, to be linked, not created again: ")
                   for line in preview.lines())
        await fresh.close()
        await r.service.close()


async def test_the_preview_says_when_sharp_drops_would_hold_the_stock_push_and_lists_them() -> None:
    """The stock check's own plan shown: figures that would drop sharply, too many at once, are listed with
    the hold said (a wrong location mapping must not empty the shop unseen)."""
    with rig(orders=0, seed=21) as r:
        catalogue = r.sandbox.epages.catalogue
        high = sorted(sku for sku, p in catalogue.by_sku.items() if p.stock_managed and not p.is_variation)[:3]
        for sku in high:
            catalogue.by_sku[sku].stock = 10_000
        preview = await r.service.preview()
        assert preview.stock_held
        shown = {s.sku: s for s in preview.stock}
        assert all(shown[sku].shop == 10_000 and shown[sku].target < 5_000 for sku in high)
        assert any("would wait for a person" in str(line) for line in preview.lines())
        # Only these three: the other figures do not hold anything.
        assert sum(1 for s in preview.stock if s.shop and s.target < s.shop * 0.5) == 3
        await r.service.close()
