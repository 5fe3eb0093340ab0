"""Remove all data: after a real configure and run nothing is left (files, passwords, autostart); it refuses
while another copy runs; a folder given with --data-dir keeps files that are not the app's."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
from pathlib import Path

import keyring.errors
import pytest

from epages_sync.__main__ import main
from epages_sync.autostart import Autostart
from epages_sync.errors import AlreadyRunning
from epages_sync.instance import InstanceLock
from epages_sync.paths import AppPaths, app_paths
from epages_sync.removal import (
    EXIT_NOT_CONFIRMED,
    add_remove_parser,
    cmd_remove_all_data,
    remove_all_data,
    saved_store_names,
)
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend

REPO = Path(__file__).resolve().parents[2]
# Another copy of the app: holds the data folder's lock until its standard input closes.
HOLD_LOCK = """
import sys
from pathlib import Path
from epages_sync.instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
sys.stdin.read()
"""


def _configure_and_run(data: Path, store: str = "demo-shop") -> None:
    """What a shop PC has after set-up and a first sync: settings, passwords, database, logs."""
    sandbox = Sandbox(seed=3, orders=4)
    w = sandbox.world
    with run_in_thread(sandbox) as url:
        args = ["--data-dir", str(data), "configure", "--store", store, "--client-id", "sandbox-client",
                "--client-secret-stdin", "--afosto-key-stdin", "--sandbox", url,
                "--channel", w.default_channel.channel_id, "--start-date", "2020-01-01"]
        for ep, af in w.default_location_map.items():
            args += ["--map", f"{ep}={af}"]
        for loc in w.feeding_location_ids:
            args += ["--stock-from", loc]
        assert main(args, out=io.StringIO(), stdin=io.StringIO("sandbox-secret\nsandbox-afosto-key\n")) == 0
        out = io.StringIO()
        assert main(["--data-dir", str(data), "run", "--headless", "--once"], out=out) == 0
    assert "imported into Afosto" in out.getvalue()


def _linux_autostart(home: Path) -> Autostart:
    return Autostart(["/opt/epages-sync/epages-sync"], platform="linux", home=home, environ={})


def test_after_set_up_and_a_sync_nothing_is_left(tmp_path: Path) -> None:
    data = tmp_path / "data"
    autostart = _linux_autostart(tmp_path / "home")
    with keyring_backend(MemoryKeyring()) as ring:
        _configure_and_run(data)
        paths = app_paths(data)
        # A backup an upgrade left behind, and the service-mode secrets file of a machine without keyring.
        shutil.copy(paths.database, data / f"{paths.database.name}.v1.bak")
        (data / "service.env").write_text("EPAGES_SYNC_AFOSTO_KEY=sandbox-afosto-key\n")
        autostart.enable()
        assert ring.items and list(paths.log_dir.glob("*.log")) and paths.database.exists()
        names = saved_store_names(paths)
        assert names == ["demo-shop"]

        report = remove_all_data(paths, store_names=names, autostart=autostart)

        assert ring.items == {}
    assert not data.exists(), list(data.rglob("*"))
    assert not autostart.is_enabled() and not autostart.entry_file.exists()  # type: ignore[union-attr]
    assert report.complete, report.text()
    text = report.text()
    for what in ("Saved passwords of store 'demo-shop'", "Database", "Logs", "Start at login"):
        assert what in text


def test_refuses_while_another_copy_runs_and_removes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    autostart = _linux_autostart(tmp_path / "home")
    with keyring_backend(MemoryKeyring()) as ring:
        _configure_and_run(data)
        autostart.enable()
        before = sorted(p.name for p in data.rglob("*"))
        paths = app_paths(data)
        holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(paths.lock_file)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            with pytest.raises(AlreadyRunning) as refused:
                remove_all_data(paths, store_names=["demo-shop"], autostart=autostart)
        finally:
            holder.communicate(input="", timeout=30)
        assert "Nothing was removed" in refused.value.message
        assert "Quit epages-sync" in refused.value.action
        assert sorted(p.name for p in data.rglob("*")) == before
        assert len(ring.items) == 2 and autostart.is_enabled()

        # Once that copy has quit, the same removal goes through.
        report = remove_all_data(paths, store_names=["demo-shop"], autostart=autostart)
        assert report.complete and not data.exists() and ring.items == {}


def test_a_chosen_data_folder_keeps_files_that_are_not_the_apps(tmp_path: Path) -> None:
    data = tmp_path / "shared-folder"
    with keyring_backend(MemoryKeyring()):
        _configure_and_run(data)
        (data / "prices.xlsx").write_bytes(b"the shop's own file")
        (data / "demo").mkdir()
        (data / "demo" / "notes.txt").write_text("not ours either")
        report = remove_all_data(app_paths(data), store_names=["demo-shop"], autostart=None)
    assert sorted(str(p.relative_to(data)) for p in data.rglob("*")) == ["demo", "demo/notes.txt", "prices.xlsx"]
    assert report.complete
    assert report.kept and "prices.xlsx" in report.kept[0][1]


def test_the_default_folders_go_completely_with_the_demo_and_their_empty_parents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the XDG folder layout is Linux's")
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    paths = app_paths(None).ensure()
    demo = app_paths(None, demo=True).ensure()
    for folder, name in ((paths.data_dir, paths.database.name), (paths.log_dir, "epages-sync.log.3"),
                         (paths.config_dir, "window-state.ini"), (demo.data_dir, demo.database.name),
                         (demo.log_dir, "epages-sync.log"), (paths.screenshots_dir, "main.png")):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")
    report = remove_all_data(paths, store_names=[], autostart=None)
    assert report.complete, report.text()
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == \
        [".config", ".local", ".local/share", ".local/state"]
    assert any("Demo folder" in line for line in report.removed)


class LockedKeyring(MemoryKeyring):
    """A password store that is locked: it reads, but refuses to delete."""

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def test_a_password_store_that_refuses_is_reported_with_what_to_do(tmp_path: Path) -> None:
    ring = LockedKeyring()
    ring.set_password("epages-sync:demo-shop", "epages-client-secret", "s")
    paths = app_paths(tmp_path / "data").ensure()
    report = remove_all_data(paths, store_names=["demo-shop"], secrets_factory=lambda n: Secrets(n, backend=ring),
                             autostart=None)
    assert not report.complete
    (what, why), = report.failed
    assert "demo-shop" in what and "unlock" in why
    assert "Could not remove" in report.text()


def _command_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_remove_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["remove-all-data", *argv])


def test_the_command_removes_nothing_without_confirmation(tmp_path: Path) -> None:
    paths: AppPaths = app_paths(tmp_path / "data").ensure()
    paths.database.write_bytes(b"")
    code = cmd_remove_all_data(_command_args(), paths, io.StringIO(), io.StringIO("REMOVE\n"))
    assert code == EXIT_NOT_CONFIRMED and paths.database.exists()


def test_the_command_with_yes_removes_and_prints_the_report(tmp_path: Path) -> None:
    paths: AppPaths = app_paths(tmp_path / "data").ensure()
    paths.database.write_bytes(b"")
    autostart = _linux_autostart(tmp_path / "home")
    autostart.enable()
    out = io.StringIO()
    with keyring_backend(MemoryKeyring()):
        assert cmd_remove_all_data(_command_args("--yes"), paths, out, None, autostart=autostart) == 0
    assert not paths.data_dir.exists() and not autostart.is_enabled()
    assert f"Database: {paths.database}" in out.getvalue() and "Start at login" in out.getvalue()


def test_the_window_removes_the_data_of_the_folder_it_holds_itself(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "data").ensure()
    paths.database.write_bytes(b"")
    own = InstanceLock(paths.lock_file).acquire()  # the window's own copy, its sync stopped
    with pytest.raises(AlreadyRunning):
        remove_all_data(paths, store_names=[], autostart=None)  # without saying so, it is "another copy"
    assert own.held and paths.database.exists()
    report = remove_all_data(paths, store_names=[], autostart=None, held_lock=own)
    assert report.complete and not paths.data_dir.exists() and not own.held
