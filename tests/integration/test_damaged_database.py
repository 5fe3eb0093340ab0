"""A damaged database says so: an emptied file, a damaged page, a missing table, a full disk, a read-only or
an uncreatable folder each give a message with what happened and what to do, never a traceback, on every
command; --rebuild moves a damaged database aside (never deletes it) and keeps the settings."""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from epages_sync.__main__ import main
from epages_sync.config import Settings
from epages_sync.data_folder import open_store
from epages_sync.paths import AppPaths, app_paths
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend
from epages_sync.store import Direction, LogRow, Outcome, Store, StoreError
from epages_sync.store import connection as store_connection
from epages_sync.store.errors import DatabaseDamaged, DiskFull

pytestmark = pytest.mark.timeout(120)

STORE = "my-shop"
# What each command needs after the data folder (a sandbox that does not answer: the database is what fails).
COMMANDS = {
    "status": ["status"],
    "check": ["check"],
    "run": ["run", "--headless", "--once"],
    "configure": ["configure", "--store", STORE, "--client-id", "cid"],
    "parked": ["parked"],
}


def _chmod_binds() -> bool:
    """False where a read-only folder can be written anyway (the superuser; Windows, whose ACLs differ)."""
    if sys.platform == "win32":
        return False
    probe = Path(tempfile.mkdtemp())
    try:
        probe.chmod(0o500)
        return not os.access(probe, os.W_OK)
    finally:
        probe.chmod(0o700)
        probe.rmdir()


chmod_binds = pytest.mark.skipif(not _chmod_binds(), reason="a read-only folder does not stop this user")


@pytest.fixture(autouse=True)
def ring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        yield backend


def set_up(data: Path) -> AppPaths:
    """A configured folder with some history: settings, passwords, and enough log rows for many pages."""
    assert main(["--data-dir", str(data), "configure", "--store", STORE, "--client-id", "cid", "--channel", "ch-1",
                 "--sandbox", "http://127.0.0.1:9", "--client-secret-stdin", "--afosto-key-stdin"],
                out=io.StringIO(), stdin=io.StringIO("cs-damaged-0123456789\nak-damaged-0123456789\n")) == 0
    paths = app_paths(data)
    with Store.open(paths.database) as store:
        store.add_logs(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=f"Row {n} " + "x" * 200)
                       for n in range(2000))
    return paths


def run(data: Path, command: str, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        code = main(["--data-dir", str(data), *COMMANDS[command], *extra], out=out, stdin=io.StringIO())
    finally:
        sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix != ".log" and not p.name.endswith(".lock")}


def empty(paths: AppPaths) -> None:
    paths.database.write_bytes(b"")


def damaged_page(paths: AppPaths) -> None:
    size = paths.database.stat().st_size
    with open(paths.database, "r+b") as f:  # one page in the middle of the log's rows
        f.seek((size // 4096 // 2) * 4096)
        f.write(b"\xde\xad\xbe\xef" * 1024)


def garbage_header(paths: AppPaths) -> None:
    paths.database.write_bytes(b"not a database at all " * 400)


def missing_table(paths: AppPaths) -> None:
    with sqlite3.connect(paths.database) as conn:
        conn.execute("DROP TABLE outbox")
    conn.close()


DAMAGE: dict[str, tuple[Callable[[AppPaths], None], str]] = {
    "empty": (empty, "is empty (0 bytes)"),
    "damaged page": (damaged_page, "is damaged"),
    "not a database": (garbage_header, "is damaged: SQLite reports 'file is not a database'"),
    "missing table": (missing_table, "its table(s) outbox are missing"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_says_the_database_is_damaged_and_changes_nothing(tmp_path: Path, damage: str,
                                                                       command: str) -> None:
    paths = set_up(tmp_path)
    harm, words = DAMAGE[damage]
    harm(paths)
    before = files_of(tmp_path)
    code, out, err = run(tmp_path, command)
    assert code != 0
    assert "The local database is damaged" in err and words in err, err
    assert "--rebuild" in err and "Traceback" not in err + out
    assert files_of(tmp_path) == before  # nothing moved, nothing written


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_rebuild_moves_the_damaged_database_aside_and_keeps_settings_and_passwords(tmp_path: Path, damage: str,
                                                                                   ring: MemoryKeyring) -> None:
    paths = set_up(tmp_path)
    DAMAGE[damage][0](paths)
    damaged = paths.database.read_bytes()
    code, out, err = run(tmp_path, "status", "--rebuild")
    assert code == 0, err
    assert "The damaged database was moved aside to" in out
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("epages-sync.sqlite3.damaged-")]
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [damaged]  # kept as it was
    assert f"Store{' ' * 22}  {STORE}" in out or STORE in out
    data = json.loads(run(tmp_path, "status")[1] and _status_json(tmp_path))
    assert data["settings"]["store_name"] == STORE and data["settings"]["afosto_channel_id"] == "ch-1"
    assert data["secrets"] == {"epages_client_secret": True, "afosto_api_key": True}
    assert data["engine"]["orders_linked"] == 0
    # The fresh database says what happened, in the log a person reads.
    with Store.open(paths.database) as store:
        assert any("moved aside" in row.message for row in store.log_after(0, limit=10))


def _status_json(data: Path) -> str:
    out = io.StringIO()
    assert main(["--data-dir", str(data), "status", "--json"], out=out) == 0
    return out.getvalue()


def test_rebuild_waits_for_a_running_copy_and_moves_nothing(tmp_path: Path) -> None:
    from epages_sync.instance import InstanceLock

    paths = set_up(tmp_path)
    empty(paths)
    with InstanceLock(paths.lock_file):
        code, _out, err = run(tmp_path, "status", "--rebuild")
    assert code != 0 and "already running" in err
    assert paths.database.read_bytes() == b""
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_rebuild_on_a_sound_database_changes_nothing(tmp_path: Path) -> None:
    set_up(tmp_path)
    code, out, _err = run(tmp_path, "status", "--rebuild")
    assert code == 0 and "moved aside" not in out
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_the_window_and_the_commands_find_an_emptied_database_with_the_settings_copy(tmp_path: Path) -> None:
    """Emptied, the database used to read as 'nothing configured'; the settings copy says it was set up."""
    paths = set_up(tmp_path)
    empty(paths)
    with pytest.raises(DatabaseDamaged):
        open_store(paths)
    store = open_store(paths, rebuild=True)
    try:
        settings = store.load_settings()
        assert settings is not None and settings.is_configured and settings.store_name == STORE
    finally:
        store.close()


def test_settings_saved_last_win_when_an_older_database_is_put_back(tmp_path: Path) -> None:
    paths = set_up(tmp_path)
    old = paths.database.read_bytes()
    store = open_store(paths)
    settings = store.load_settings()
    assert settings is not None
    store.save_settings(settings.with_changes(poll_interval=900))
    store.close()
    (tmp_path / "epages-sync.sqlite3-wal").unlink(missing_ok=True)
    paths.database.write_bytes(old)  # a backup from before the change
    store = open_store(paths)
    try:
        restored = store.load_settings()
        assert restored is not None and restored.poll_interval == 900
    finally:
        store.close()


# -- a full disk --------------------------------------------------------------------------------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Make every new connection see a disk with room for ``pages`` pages of the database (SQLite's limit)."""
    original = store_connection.connect

    def fill(pages: int) -> None:
        def connect(target: str) -> sqlite3.Connection:
            conn = original(target)
            conn.execute(f"PRAGMA max_page_count = {pages}")
            return conn

        monkeypatch.setattr(store_connection, "connect", connect)
        monkeypatch.setattr("epages_sync.store.store.connect", connect)

    return fill


@pytest.mark.parametrize("command", ["status", "run", "configure", "check"])
def test_a_full_disk_on_a_new_folder_says_so_and_leaves_no_folder(tmp_path: Path, command: str,
                                                                  full_disk: Callable[[int], None]) -> None:
    full_disk(2)
    folder = tmp_path / "new"
    code, out, err = run(folder, command)
    assert code != 0
    assert "The disk is full" in err and "Free some space" in err, err
    assert "Traceback" not in err + out
    if command == "configure":  # a refused configure leaves nothing behind
        assert not folder.exists()


def test_a_full_disk_while_working_says_so(tmp_path: Path, full_disk: Callable[[int], None]) -> None:
    paths = set_up(tmp_path)
    with Store.open(paths.database) as store:
        pages = store._scalar("PRAGMA page_count")
    full_disk(pages)
    with Store.open(paths.database) as store, pytest.raises(DiskFull) as exc:  # the last free pages fill up
        store.add_logs(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="y" * 3000)
                       for _ in range(50))
    assert "the disk is full" in exc.value.message and "Free some space" in exc.value.action


def test_a_full_disk_while_saving_settings_says_so_and_keeps_the_old_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_up(tmp_path)
    write_text = Path.write_text

    def no_room(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.startswith("epages-sync-settings"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", no_room)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    code = main(["--data-dir", str(tmp_path), *COMMANDS["configure"], "--poll-interval", "600", "--channel",
                 "ch-2", "--client-secret-stdin"], out=io.StringIO(), stdin=io.StringIO("cs-changed-0123456789\n"))
    monkeypatch.undo()
    assert code != 0 and "The disk is full" in err.getvalue() and "Traceback" not in err.getvalue()
    data = json.loads(_status_json(tmp_path))
    assert data["settings"]["afosto_channel_id"] == "ch-1" and data["settings"]["poll_interval"] == 300
    # The new secret went into the password store first; it is put back with the settings unsaved.
    assert Secrets.of_folder(app_paths(tmp_path), STORE).client_secret() == "cs-damaged-0123456789"


# -- folders that cannot be written or made -----------------------------------------------------------------


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_uncreatable_folder_says_which_and_why(tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = run(blocker / "data", command)
    assert code != 0
    assert "The data folder cannot be made" in err and f"{blocker} is a file, not a folder" in err, err
    assert "--data-dir" in err and "Traceback" not in err + out
    assert blocker.read_text() == "not a folder"


@chmod_binds
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_folder_says_so(tmp_path: Path, command: str) -> None:
    set_up(tmp_path / "data")
    (tmp_path / "data").chmod(0o500)
    try:
        before = files_of(tmp_path / "data")
        code, out, err = run(tmp_path / "data", command)
        assert files_of(tmp_path / "data") == before
    finally:
        (tmp_path / "data").chmod(0o700)
    assert code != 0
    assert "The data folder cannot be written" in err and "is read-only for this user account" in err, err
    assert "Traceback" not in err + out


@chmod_binds
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_read_only_database_file_says_so(tmp_path: Path, command: str) -> None:
    paths = set_up(tmp_path)
    paths.database.chmod(0o400)
    try:
        code, out, err = run(tmp_path, command)
    finally:
        paths.database.chmod(0o600)
    assert code != 0
    assert f"The file {paths.database} is read-only" in err, err
    assert "Traceback" not in err + out


def test_a_store_error_during_work_reads_as_a_person_would(tmp_path: Path) -> None:
    """What SQLite says mid-run about the file reaches the engine as a StoreError with what to do."""
    paths = set_up(tmp_path)
    size = paths.database.stat().st_size
    with open(paths.database, "r+b") as f:  # the second half of the pages, the log's rows among them
        for page in range(size // 4096 // 2, size // 4096):
            f.seek(page * 4096 + 8)
            f.write(b"\xde\xad\xbe\xef" * 16)
    store = Store.open(paths.database)  # opens (only the check at the start reads every page)
    try:
        with pytest.raises(StoreError) as exc:
            store._all("SELECT max(length(message)) FROM log NOT INDEXED")
    finally:
        store.close()
    assert isinstance(exc.value, DatabaseDamaged) and "--rebuild" in exc.value.action


def test_settings_copy_holds_no_secret(tmp_path: Path) -> None:
    paths = set_up(tmp_path)
    text = paths.settings_copy.read_text()
    assert STORE in text and "cs-damaged-0123456789" not in text and "ak-damaged-0123456789" not in text
    assert Settings.model_validate(json.loads(text)["settings"]).store_name == STORE


def test_opening_a_sound_folder_rewrites_nothing(tmp_path: Path) -> None:
    paths = set_up(tmp_path)
    open_store(paths).close()
    copy, installation = paths.settings_copy.stat().st_mtime_ns, paths.installation_file.stat().st_mtime_ns
    open_store(paths).close()
    assert (paths.settings_copy.stat().st_mtime_ns, paths.installation_file.stat().st_mtime_ns) == (copy, installation)
