"""The command line with several stores in one installation: configure adds a store, status lists them all,
a command about one store asks which (exit 2, no traceback), --store chooses, and run --headless runs them
all side by side, each order in its own sales channel."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from both_worlds import audit_keys, verdict_keys

from epages_sync.__main__ import main
from epages_sync.paths import app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.seed import random_customer
from epages_sync.sandbox.server import run_in_thread
from epages_sync.secrets import MemoryKeyring, keyring_backend
from epages_sync.store_folders import store_folders

pytestmark = pytest.mark.timeout(300)

STORES = ("shop-de", "shop-nl")


def cli(data: Path, *args: str, stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--data-dir", str(data), *args], out=out, stdin=io.StringIO(stdin))
    return code, out.getvalue()


def configure(data: Path, sandbox: Sandbox, url: str, name: str) -> tuple[int, str]:
    w = sandbox.world
    args = ["configure", "--store", name, "--client-id", "sandbox-client", "--sandbox", f"{url}/stores/{name}",
            "--channel", sandbox.shops[name].channel_id, "--start-date", "2020-01-01", "--client-secret-stdin",
            "--afosto-key-stdin"]
    for ep, af in w.default_location_map.items():
        args += ["--map", f"{ep}={af}"]
    for loc in w.feeding_location_ids:
        args += ["--stock-from", loc]
    return cli(data, *args, stdin="sandbox-secret\nsandbox-afosto-key\n")


def test_two_stores_from_configure_to_a_headless_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox(seed=4, orders=6, stores=STORES)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()):
        assert configure(tmp_path, sandbox, url, "shop-de")[0] == 0
        # One store: every command as always, without --store.
        code, text = cli(tmp_path, "status")
        assert code == 0 and "Store" in text and "shop-de" in text and "stores:" not in text

        code, text = configure(tmp_path, sandbox, url, "shop-nl")
        assert code == 0 and "Store 'shop-nl' added to the installation: 2 stores now" in text
        assert [s.name for s in store_folders(app_paths(tmp_path))] == list(STORES)
        assert (tmp_path / "stores" / "shop-nl" / "epages-sync.sqlite3").is_file()

        code, text = cli(tmp_path, "status")
        assert code == 0
        assert "2 stores: shop-de, shop-nl" in text and "== Store shop-de ==" in text and "== Store shop-nl ==" in text
        code, text = cli(tmp_path, "status", "--json")
        listed = json.loads(text)
        assert [s["store"] for s in listed["stores"]] == list(STORES)
        assert [s["settings"]["afosto_channel_id"] for s in listed["stores"]] == [
            sandbox.shops[n].channel_id for n in STORES]

        # A command about one store, without --store: which stores there are and how to choose; no traceback.
        capsys.readouterr()
        assert cli(tmp_path, "check")[0] == 2
        err = capsys.readouterr().err
        assert "several stores: shop-de, shop-nl" in err and "--store" in err and "Traceback" not in err
        assert cli(tmp_path, "parked", "--store", "shop-at")[0] == 2
        err = capsys.readouterr().err
        assert "There is no store 'shop-at'. The stores of this installation: shop-de, shop-nl" in err

        code, text = cli(tmp_path, "run", "--headless", "--once")
        assert code == 0, capsys.readouterr().err
        assert "[shop-de] Summary: 6 orders linked" in text and "[shop-nl] Summary: 6 orders linked" in text
        stores = sandbox.state()["stores"]
        for name in STORES:
            assert stores[name]["consistency"]["differences"] == [], name
        figures = sandbox.afosto.order_figures()
        for name in STORES:
            shop_orders = set(sandbox.shops[name].epages.by_id)
            assert {f.channel_id for o in shop_orders for f in figures[o]} == {sandbox.shops[name].channel_id}
            assert all(len(figures[o]) == 1 for o in shop_orders)

        # A sale in shop-de that no sync has carried over yet: shop-nl's figure should already be lower, and
        # shop-nl's comparison of both systems says so, as the sandbox's verdict does.
        with sandbox.lock:
            sandbox.shops["shop-de"].epages.place_order(random_customer(random.Random(7)), [("CF-1003", 2)])
        capsys.readouterr()
        code, listed = cli(tmp_path, "audit", "--store", "shop-nl", "--json")
        verdict = verdict_keys(sandbox.state()["stores"]["shop-nl"]["consistency"]["differences"])
        assert verdict and all(key[0] == "stock" and key[1] == "CF-1003" for key in verdict)
        assert code == 1 and audit_keys(json.loads(listed)["differences"]) == verdict
        assert cli(tmp_path, "run", "--headless", "--once")[0] == 0

        code, text = cli(tmp_path, "check", "--store", "shop-nl")
        assert code == 0, text

        code, text = cli(tmp_path, "remove-all-data", "--store", "shop-nl", "--yes")
        assert code == 0 and "Stores left: shop-de" in text
        assert not (tmp_path / "stores" / "shop-nl").exists()
        code, text = cli(tmp_path, "status")
        assert "shop-de" in text and "shop-nl" not in text


def test_one_store_that_cannot_run_does_not_stop_the_other(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=4, orders=4, stores=STORES)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()):
        for name in STORES:
            assert configure(tmp_path, sandbox, url, name)[0] == 0
        (tmp_path / "epages-sync.sqlite3").write_bytes(b"")  # shop-de's database emptied
        code, text = cli(tmp_path, "run", "--headless", "--once")
        assert code == 1  # not everything could run
        assert "[shop-nl] Summary: 4 orders linked" in text
        stores = sandbox.state()["stores"]
        # Every order of shop-nl is in Afosto. Its stock figures stay apart from the rule only where shop-de
        # is concerned: its orders, which no store could read, still count nowhere, and a figure that would go
        # up waits until shop-de answers (said in the log).
        left = stores["shop-nl"]["consistency"]["differences"]
        assert left and all(d.startswith("Stock of") for d in left), left
        assert "not raised yet: store shop-de sells from the same stock" in text
