"""Each data folder's installation keeps its own saved passwords: two folders for the same store never touch
each other's, and the entries an earlier version saved under the store name alone move over once."""

from __future__ import annotations

import io
from pathlib import Path

import keyring.errors
import pytest

from epages_sync.__main__ import main
from epages_sync.config import Settings
from epages_sync.data_folder import open_store
from epages_sync.installation import Installation
from epages_sync.paths import AppPaths, app_paths
from epages_sync.removal import remove_all_data, saved_store_names
from epages_sync.secrets import (
    AFOSTO_KEY_ENTRY,
    CLIENT_SECRET_ENTRY,
    MOVED_TO_ENTRY,
    MemoryKeyring,
    Secrets,
    keyring_backend,
    service_name,
)
from epages_sync.store import Store

STORE = "my-shop"
EARLIER = service_name(STORE, None)  # how earlier versions named the entries: the store name alone


def configure(data: Path, secret: str, key: str) -> int:
    return main(["--data-dir", str(data), "configure", "--store", STORE, "--client-id", "cid",
                 "--channel", "ch-1", "--client-secret-stdin", "--afosto-key-stdin"],
                out=io.StringIO(), stdin=io.StringIO(f"{secret}\n{key}\n"))


def saved(data: Path) -> tuple[str | None, str | None]:
    secrets = Secrets.of_folder(app_paths(data), STORE)
    return secrets.client_secret(), secrets.afosto_key()


def set_up_by_an_earlier_version(data: Path) -> AppPaths:
    """A folder as an earlier version left it: settings in the database, no installation file."""
    paths = app_paths(data).ensure()
    with Store.open(paths.database) as store:
        store.save_settings(Settings(store_name=STORE, client_id="cid", afosto_channel_id="ch-1"))
    assert Installation.find(paths) is None
    return paths


def test_two_folders_for_the_same_store_keep_their_own_passwords(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    with keyring_backend(MemoryKeyring()) as ring:
        assert configure(first, "cs-first-0123456", "ak-first-0123456") == 0
        assert configure(second, "cs-second-0123456", "ak-second-0123456") == 0
        assert saved(first) == ("cs-first-0123456", "ak-first-0123456")
        assert saved(second) == ("cs-second-0123456", "ak-second-0123456")
        assert Installation.find(app_paths(first)) != Installation.find(app_paths(second))

        # Setting one up again changes only its own entries.
        assert configure(first, "cs-first-b-0123456", "ak-first-b-0123456") == 0
        assert saved(first) == ("cs-first-b-0123456", "ak-first-b-0123456")
        assert saved(second) == ("cs-second-0123456", "ak-second-0123456")

        # Removing one folder's data leaves the other's passwords where they were.
        paths = app_paths(first)
        report = remove_all_data(paths, store_names=saved_store_names(paths), autostart=None)
        assert report.complete, report.text()
        assert not first.exists() or not any(first.iterdir())
        assert saved(second) == ("cs-second-0123456", "ak-second-0123456")
        assert len(ring.items) == 2  # only the second folder's two entries are left
        out = io.StringIO()
        assert main(["--data-dir", str(second), "status", "--json"], out=out) == 0
        assert '"afosto_api_key": true' in out.getvalue() and '"epages_client_secret": true' in out.getvalue()


def test_entries_of_an_earlier_version_move_over_once_at_the_first_start(tmp_path: Path) -> None:
    paths = set_up_by_an_earlier_version(tmp_path / "data")
    with keyring_backend(MemoryKeyring()) as ring:
        ring.set_password(EARLIER, CLIENT_SECRET_ENTRY, "cs-earlier-0123456")
        ring.set_password(EARLIER, AFOSTO_KEY_ENTRY, "ak-earlier-0123456")
        open_store(paths).close()
        installation = Installation.find(paths)
        assert installation is not None and installation.earlier_entries_of is None  # done
        own = service_name(STORE, installation.id)
        assert ring.get_password(own, CLIENT_SECRET_ENTRY) == "cs-earlier-0123456"
        assert ring.get_password(own, AFOSTO_KEY_ENTRY) == "ak-earlier-0123456"
        # Moved, not copied: the earlier entries are gone; a note says where they went.
        assert ring.get_password(EARLIER, CLIENT_SECRET_ENTRY) is None
        assert ring.get_password(EARLIER, MOVED_TO_ENTRY) == installation.id

        # Once: an entry under the earlier name written later (an older copy of the app still running
        # elsewhere) never replaces this folder's own.
        ring.set_password(EARLIER, CLIENT_SECRET_ENTRY, "cs-written-later-0123456")
        open_store(paths).close()
        assert saved(paths.data_dir) == ("cs-earlier-0123456", "ak-earlier-0123456")
        out = io.StringIO()
        assert main(["--data-dir", str(paths.data_dir), "status", "--json"], out=out) == 0
        assert '"epages_client_secret": true' in out.getvalue()


def test_a_second_folder_of_an_earlier_version_still_finds_its_passwords(tmp_path: Path) -> None:
    first = set_up_by_an_earlier_version(tmp_path / "first")
    second = set_up_by_an_earlier_version(tmp_path / "second")
    with keyring_backend(MemoryKeyring()) as ring:
        ring.set_password(EARLIER, CLIENT_SECRET_ENTRY, "cs-earlier-0123456")
        ring.set_password(EARLIER, AFOSTO_KEY_ENTRY, "ak-earlier-0123456")
        open_store(first).close()  # the first to start takes the entries ...
        open_store(second).close()  # ... and the second copies them from there
        assert saved(first.data_dir) == ("cs-earlier-0123456", "ak-earlier-0123456")
        assert saved(second.data_dir) == ("cs-earlier-0123456", "ak-earlier-0123456")
        # From now on each has its own: removing the first leaves the second working.
        report = remove_all_data(first, store_names=saved_store_names(first), autostart=None)
        assert report.complete, report.text()
        assert saved(second.data_dir) == ("cs-earlier-0123456", "ak-earlier-0123456")
        assert ring.get_password(EARLIER, MOVED_TO_ENTRY) is None  # the note pointed at the removed folder


def test_a_password_store_that_refuses_at_the_first_start_is_tried_again_at_the_next(tmp_path: Path) -> None:
    paths = set_up_by_an_earlier_version(tmp_path / "data")

    class Locked(MemoryKeyring):
        locked = True

        def get_password(self, service: str, username: str) -> str | None:
            if self.locked:
                raise keyring.errors.KeyringLocked("locked")
            return super().get_password(service, username)

    with keyring_backend(Locked()) as ring:
        ring.items[(EARLIER, CLIENT_SECRET_ENTRY)] = "cs-earlier-0123456"
        ring.items[(EARLIER, AFOSTO_KEY_ENTRY)] = "ak-earlier-0123456"
        open_store(paths).close()
        installation = Installation.find(paths)
        assert installation is not None and installation.earlier_entries_of == STORE  # still to move
        assert ring.items[(EARLIER, CLIENT_SECRET_ENTRY)] == "cs-earlier-0123456"  # nothing lost meanwhile
        ring.locked = False
        open_store(paths).close()
        assert saved(paths.data_dir) == ("cs-earlier-0123456", "ak-earlier-0123456")
        installation = Installation.find(paths)
        assert installation is not None and installation.earlier_entries_of is None


def test_a_new_folder_never_takes_the_entries_of_an_earlier_version(tmp_path: Path) -> None:
    with keyring_backend(MemoryKeyring()) as ring:
        ring.set_password(EARLIER, CLIENT_SECRET_ENTRY, "cs-earlier-0123456")
        assert main(["--data-dir", str(tmp_path / "new"), "configure", "--store", STORE, "--client-id", "cid"],
                    out=io.StringIO(), stdin=io.StringIO()) == 0
        open_store(app_paths(tmp_path / "new")).close()
        assert ring.get_password(EARLIER, CLIENT_SECRET_ENTRY) == "cs-earlier-0123456"
        assert saved(tmp_path / "new") == (None, None)


@pytest.mark.parametrize("store_name", ["shop-a", "shop-b"])
def test_entries_are_named_by_store_and_installation(store_name: str) -> None:
    ring = MemoryKeyring()
    Secrets(store_name, ring, installation="abc").set_client_secret("cs-0123456789")
    assert (f"epages-sync:{store_name}:abc", CLIENT_SECRET_ENTRY) in ring.items
    assert Secrets(store_name, ring, installation="other").client_secret() is None
