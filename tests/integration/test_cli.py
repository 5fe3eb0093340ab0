"""The command line as an admin uses it: configure, status, run --headless --once, against the sandbox."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from epages_sync.__main__ import main
from epages_sync.instance import InstanceLock
from epages_sync.paths import app_paths
from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend

pytestmark = pytest.mark.timeout(240)

SECRET = "sandbox-secret"
KEY = "sandbox-afosto-key"


def configure(data: Path, url: str, sandbox: Sandbox, *extra: str, client_id: str = "sandbox-client",
              secrets: bool = True) -> int:
    w = sandbox.world
    args = ["--data-dir", str(data), "configure", "--store", "https://demo-shop.beyondshop.cloud/cockpit/login",
            "--client-id", client_id, "--sandbox", url,
            "--channel", w.default_channel.channel_id, "--start-date", "2020-01-01", *extra]
    if secrets:
        args += ["--client-secret-stdin", "--afosto-key-stdin"]
    for ep, af in w.default_location_map.items():
        args += ["--map", f"{ep}={af}"]
    for loc in w.feeding_location_ids:
        args += ["--stock-from", loc]
    return main(args, out=io.StringIO(), stdin=io.StringIO(f"{SECRET}\n{KEY}\n"))


def entries(data: Path) -> str:
    """The keyring service of the data folder's own entries for the store 'demo-shop'."""
    return Secrets.of_folder(app_paths(data), "demo-shop").service


def test_secrets_given_to_configure_and_used_by_a_run_appear_nowhere_on_disk(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, orders=8)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()) as ring:
        assert configure(tmp_path, url, sandbox) == 0
        assert ring.items[(entries(tmp_path), "epages-client-secret")] == SECRET
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "run", "--headless", "--once"], out=out) == 0
        assert "imported into Afosto" in out.getvalue()
        status = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "status", "--json"], out=status) == 0
    data = json.loads(status.getvalue())
    assert data["settings"]["store_name"] == "demo-shop"  # the pasted cockpit address was reduced
    assert data["secrets"] == {"epages_client_secret": True, "afosto_api_key": True}
    assert data["engine"]["orders_linked"] > 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any("sqlite3" in p.name for p in files)
    for path in files:
        blob = path.read_bytes()
        assert SECRET.encode() not in blob, path
        assert KEY.encode() not in blob, path
        assert b"Basic " + b"c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=" not in blob, path


def test_without_a_keyring_configure_with_secrets_saves_nothing_and_says_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import keyring.backends.fail

    sandbox = Sandbox(seed=2, orders=1)
    with keyring_backend(keyring.backends.fail.Keyring()):
        assert configure(tmp_path / "new", "http://127.0.0.1:9", sandbox) == 3
        err = capsys.readouterr().err
        assert "No secure password store" in err and "Nothing was saved." in err
        assert not (tmp_path / "new").exists()
        # Without secrets on the command line the settings are saved: the service reads the secrets from
        # its environment at each start.
        assert configure(tmp_path / "new", "http://127.0.0.1:9", sandbox, secrets=False) == 0
    status = io.StringIO()
    main(["--data-dir", str(tmp_path / "new"), "status"], out=status)
    assert "demo-shop" in status.getvalue()
    assert not any(SECRET.encode() in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_bad_store_names_are_refused_before_anything_is_saved(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--data-dir", str(tmp_path), "configure", "--store", "evil.com/x", "--client-id", "c"],
                out=io.StringIO(), stdin=io.StringIO())
    assert code == 2
    assert "is not a store name" in capsys.readouterr().err
    status = io.StringIO()
    main(["--data-dir", str(tmp_path), "status"], out=status)
    assert "Not configured yet" in status.getvalue()


def test_a_second_run_on_the_same_data_folder_is_refused(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    lock = InstanceLock(app_paths(tmp_path).lock_file).acquire()
    try:
        assert main(["--data-dir", str(tmp_path), "run", "--headless", "--once"], out=io.StringIO()) == 1
    finally:
        lock.release()
    assert "already running" in capsys.readouterr().err


def test_once_exits_non_zero_when_a_chosen_flow_cannot_run(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, orders=3)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()):
        assert configure(tmp_path, url, sandbox, client_id="sandbox-limited") == 0
        out = io.StringIO()
        code = main(["--data-dir", str(tmp_path), "run", "--headless", "--once"], out=out)
    assert code == 1
    assert "stock: not running" in out.getvalue() and "prda:u" in out.getvalue()


def test_check_prints_the_scope_table_and_fails_when_a_required_scope_is_missing(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, orders=1)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()):
        assert configure(tmp_path / "good", url, sandbox) == 0
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path / "good"), "check"], out=out) == 0
        assert "Produktverfügbarkeit aktualisieren" in out.getvalue()
        assert configure(tmp_path / "limited", url, sandbox, client_id="sandbox-limited") == 0
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path / "limited"), "check", "--json"], out=out) == 1
    report = json.loads(out.getvalue())
    missing = {row["scope"] for row in report["scopes"] if not row["present"]}
    assert {"prda:u", "shpr:c", "loca:r"} <= missing


def test_without_a_password_store_check_says_how_to_give_the_secrets_on_this_computer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import keyring.backends.fail

    sandbox = Sandbox(seed=2, orders=1)
    with keyring_backend(keyring.backends.fail.Keyring()):
        assert configure(tmp_path, "http://127.0.0.1:9", sandbox, secrets=False) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(tmp_path), "check"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "The ePages client secret and the Afosto API key are not saved." in err
    assert "no secure password store" in err
    # The way that works without a password store: the environment, for each command.
    assert "EPAGES_SYNC_CLIENT_SECRET and EPAGES_SYNC_AFOSTO_KEY" in err


def test_with_one_secret_missing_check_names_it_and_the_command_that_saves_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox(seed=2, orders=1)
    with keyring_backend(MemoryKeyring()) as ring:
        assert configure(tmp_path, "http://127.0.0.1:9", sandbox) == 0
        del ring.items[(entries(tmp_path), "afosto-api-key")]
        capsys.readouterr()
        assert main(["--data-dir", str(tmp_path), "check"], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "The Afosto API key is not saved." in err
    assert ("Save it with: epages-sync configure --store demo-shop --client-id sandbox-client "
            "--afosto-key-stdin") in err
    assert "--client-secret-stdin" not in err


def test_check_sends_a_refused_afosto_key_to_afosto_and_a_stopped_sandbox_to_the_sandbox(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, orders=1)
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()) as ring:
        assert configure(tmp_path, url, sandbox) == 0
        ring.items[(entries(tmp_path), "afosto-api-key")] = "not-the-key"
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "check"], out=out) == 1
    text = out.getvalue()
    login, afosto = (line for line in text.splitlines() if line.strip().startswith(("Login", "API key")))
    assert login.split()[1] == "ok"
    assert "FAILED - API key refused: Afosto did not accept this API key." in afosto
    assert "Save it with: epages-sync configure --store demo-shop --client-id sandbox-client " \
           "--afosto-key-stdin" in afosto and afosto.endswith("Then run 'epages-sync check' again.")
    assert "client id" not in afosto.lower()

    with keyring_backend(MemoryKeyring()):  # the sandbox has stopped: nothing answers at its address
        assert configure(tmp_path, url, sandbox) == 0
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "check"], out=out) == 1
    text = out.getvalue()
    assert "The local sandbox is not running" in text and url in text
    assert "internet" not in text


def test_status_shows_names_local_times_and_stock(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, orders=3)
    world = sandbox.world
    with run_in_thread(sandbox) as url, keyring_backend(MemoryKeyring()):
        assert configure(tmp_path, url, sandbox, "--flows", "orders,stock") == 0
        assert main(["--data-dir", str(tmp_path), "check"], out=io.StringIO()) == 0  # learns the names
        assert main(["--data-dir", str(tmp_path), "run", "--headless", "--once"], out=io.StringIO()) == 0
        out = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "status"], out=out) == 0
        as_json = io.StringIO()
        assert main(["--data-dir", str(tmp_path), "status", "--json"], out=as_json) == 0
    text = out.getvalue()
    rows = {line[:28].strip(): line[28:].strip() for line in text.splitlines()}
    assert rows["Afosto sales channel"] == world.default_channel.name
    assert world.default_channel.channel_id not in text
    for afosto_id in world.feeding_location_ids:
        assert afosto_id not in rows["Stock from"]
    assert rows["Flows"] == "orders, stock" and "inventory" not in text
    # A local time as a person reads it, not ISO with an offset.
    assert re.fullmatch(r"\w{3} \d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \(.+\)", rows["Last good order check"])
    assert "+00:00" not in text and rows["Start date"] == "Wed 01 Jan 2020"
    data = json.loads(as_json.getvalue())
    assert data["names"][world.default_channel.channel_id] == world.default_channel.name


def test_flows_accept_stock_and_the_older_inventory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox(seed=2, orders=1)
    with keyring_backend(MemoryKeyring()):
        assert configure(tmp_path / "new", "http://127.0.0.1:9", sandbox, "--flows", "stock") == 0
        assert configure(tmp_path / "old", "http://127.0.0.1:9", sandbox, "--flows", "inventory,orders") == 0
        with pytest.raises(SystemExit):
            configure(tmp_path / "bad", "http://127.0.0.1:9", sandbox, "--flows", "stok")
    assert "unknown flow: stok; choose from orders, cancellations, shipments, returns, stock" in capsys.readouterr().err
    for name, shown in (("new", "stock"), ("old", "orders, stock")):
        out = io.StringIO()
        main(["--data-dir", str(tmp_path / name), "status"], out=out)
        assert ["Flows", shown] in [line.split(None, 1) for line in out.getvalue().splitlines()]
