"""The stores of one installation: a single-store folder becomes the first store with nothing moved or lost,
further stores get folders of their own, names are checked, and a damaged list of stores is made again."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from epages_sync.__main__ import main
from epages_sync.config import Settings
from epages_sync.data_folder import open_store
from epages_sync.errors import ConfigError
from epages_sync.installation import Installation
from epages_sync.paths import app_paths
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend
from epages_sync.store_folders import add_store_folder, remove_store_folder, store_folders


def configure(data: Path, store: str, secret: str = "cs-0123456789", key: str = "ak-0123456789") -> int:
    return main(["--data-dir", str(data), "configure", "--store", store, "--client-id", "cid",
                 "--channel", "ch-1", "--client-secret-stdin", "--afosto-key-stdin"],
                out=io.StringIO(), stdin=io.StringIO(f"{secret}\n{key}\n"))


def test_a_folder_not_set_up_has_no_stores(data_dir: Path) -> None:
    assert store_folders(app_paths(data_dir)) == []
    assert not app_paths(data_dir).stores_index.exists()


def test_an_existing_single_store_folder_becomes_the_first_store_with_nothing_lost(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    with keyring_backend(MemoryKeyring()):
        assert configure(data_dir, "my-shop") == 0
        paths.stores_index.unlink(missing_ok=True)  # as the folder was before stores had a list
        store = open_store(paths)
        store.add_link("order", "ep-1", "af-1")
        store.close()
        installation = Installation.find(paths)
        files_before = sorted(p.name for p in data_dir.iterdir())

        stores = store_folders(paths)

        assert [(s.name, s.paths) for s in stores] == [("my-shop", paths)]
        assert json.loads(paths.stores_index.read_text())["stores"] == [{"name": "my-shop", "folder": "."}]
        assert sorted(p.name for p in data_dir.iterdir()) == sorted([*files_before, paths.stores_index.name])
        assert Installation.find(paths) == installation
        store = open_store(stores[0].paths)
        try:
            assert store.link_by_epages("order", "ep-1") is not None
            settings = store.load_settings()
            assert settings is not None and settings.store_name == "my-shop" and settings.afosto_channel_id == "ch-1"
        finally:
            store.close()
        secrets = Secrets.of_folder(stores[0].paths, "my-shop")
        assert (secrets.client_secret(), secrets.afosto_key()) == ("cs-0123456789", "ak-0123456789")
        assert store_folders(paths) == stores  # read again: the same, nothing written twice


def test_a_further_store_gets_a_complete_folder_of_its_own(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    with keyring_backend(MemoryKeyring()):
        assert configure(data_dir, "shop-de", "cs-de-0123456", "ak-de-0123456") == 0
        added = add_store_folder(paths, "https://shop-nl.beyondshop.cloud/cockpit/login")
        assert added.name == "shop-nl"
        assert added.paths.data_dir == data_dir / "stores" / "shop-nl"
        assert added.paths.log_dir.is_dir()
        store = open_store(added.paths)
        store.save_settings(Settings(store_name="shop-nl", client_id="cid-nl", afosto_channel_id="ch-2"))
        store.close()
        Secrets.of_folder(added.paths, "shop-nl").set_client_secret("cs-nl-0123456")

        assert [s.name for s in store_folders(paths)] == ["shop-de", "shop-nl"]
        assert Installation.find(added.paths) != Installation.find(paths)
        assert Secrets.of_folder(paths, "shop-de").client_secret() == "cs-de-0123456"
        assert Secrets.of_folder(added.paths, "shop-nl").client_secret() == "cs-nl-0123456"


@pytest.mark.parametrize("name", ["Shop_DE", "-shop", "a" * 64, "https://evil.example.com/x", ""])
def test_an_invalid_name_is_refused_with_nothing_written(data_dir: Path, name: str) -> None:
    paths = app_paths(data_dir)
    with pytest.raises(ConfigError, match="store name"):
        add_store_folder(paths, name)
    assert not paths.stores_index.exists() and not (data_dir / "stores").exists()


def test_a_name_taken_is_refused(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    add_store_folder(paths, "shop-de")
    add_store_folder(paths, "shop-nl")
    with pytest.raises(ConfigError, match="already has a store named 'shop-nl'"):
        add_store_folder(paths, "SHOP-NL")
    assert [s.name for s in store_folders(paths)] == ["shop-de", "shop-nl"]


def test_the_first_store_added_keeps_the_installation_folder(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    first = add_store_folder(paths, "shop-de")
    assert first.paths == paths


def test_removing_a_store_takes_its_folder_and_passwords_and_leaves_the_other(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    with keyring_backend(MemoryKeyring()):
        assert configure(data_dir, "shop-de", "cs-de-0123456", "ak-de-0123456") == 0
        nl = add_store_folder(paths, "shop-nl")
        open_store(nl.paths).close()
        Secrets.of_folder(nl.paths, "shop-nl").set_afosto_key("ak-nl-0123456")
        remove_store_folder(paths, "shop-nl")
        assert [s.name for s in store_folders(paths)] == ["shop-de"]
        assert not nl.paths.data_dir.exists()
        assert Secrets.of_folder(nl.paths, "shop-nl").afosto_key() is None
        assert Secrets.of_folder(paths, "shop-de").afosto_key() == "ak-de-0123456"
        with pytest.raises(ConfigError, match=r"There is no store 'shop-nl'\. The stores of this installation: "
                                              r"shop-de"):
            remove_store_folder(paths, "shop-nl")


def test_removing_the_first_store_keeps_the_further_ones(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    with keyring_backend(MemoryKeyring()):
        assert configure(data_dir, "shop-de") == 0
        nl = add_store_folder(paths, "shop-nl")
        remove_store_folder(paths, "shop-de")
        assert not paths.database.exists() and not paths.settings_copy.exists()
        assert [s.name for s in store_folders(paths)] == ["shop-nl"]
        assert nl.paths.data_dir.is_dir()
        # A store added now takes the installation's own folder again.
        assert add_store_folder(paths, "shop-at").paths == paths
        assert [s.name for s in store_folders(paths)] == ["shop-nl", "shop-at"]


def test_a_damaged_list_of_stores_is_made_again_from_the_folders(data_dir: Path) -> None:
    paths = app_paths(data_dir)
    with keyring_backend(MemoryKeyring()):
        assert configure(data_dir, "shop-de") == 0
        nl = add_store_folder(paths, "shop-nl")
        open_store(nl.paths).close()
        add_store_folder(paths, "shop-at")  # added, but nothing kept in its folder yet
        paths.stores_index.write_text('{"version": 1, "stores": [{"name": "shop-de", "fol')

        assert [s.name for s in store_folders(paths)] == ["shop-de", "shop-nl"]
        assert (data_dir / "epages-sync-stores.json.damaged").exists()
        assert [e["name"] for e in json.loads(paths.stores_index.read_text())["stores"]] == ["shop-de", "shop-nl"]
