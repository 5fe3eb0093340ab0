"""A refused ``configure`` creates no files: bad arguments, no secure password store or values out of range
leave a new data folder unmade and an existing one exactly as it was."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest

from epages_sync.__main__ import main
from epages_sync.paths import app_paths
from epages_sync.secrets import MemoryKeyring, Secrets, keyring_backend

BASE = ["configure", "--store", "my-shop", "--client-id", "cid"]
REFUSALS = {
    "unknown flow": ["--flows", "orders,parcels"],
    "bad mapping": ["--map", "no-equals-sign"],
    "bad date": ["--start-date", "31.01.2026"],
    "store name": ["--store", "evil.com/x"],
    "poll interval out of range": ["--poll-interval", "5"],
    "sandbox elsewhere": ["--sandbox", "http://example.com:8765"],
    "secret flag without a secret": ["--client-secret-stdin"],
    "no secure password store": ["--client-secret-stdin", "--afosto-key-stdin", "--channel", "ch-9"],
}


@pytest.fixture(autouse=True)
def ring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        yield backend


def refused(data: Path, case: str, capsys: pytest.CaptureFixture[str]) -> str:
    given = "" if case == "secret flag without a secret" else "cs-refused-new-0123456789\nak-refused-new-0123456789\n"
    stdin = io.StringIO(given)
    args = ["--data-dir", str(data), *BASE, *REFUSALS[case]]
    if case == "no secure password store":
        with keyring_backend(keyring.backends.fail.Keyring()):
            code = main(args, out=io.StringIO(), stdin=stdin)
    else:
        try:
            code = main(args, out=io.StringIO(), stdin=stdin)
        except SystemExit as exc:  # argparse refuses before the command runs
            code = int(exc.code or 0)
    assert code != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>", p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refused_configure_makes_no_new_folder(tmp_path: Path, case: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "new"
    err = refused(folder, case, capsys)
    assert err.strip()  # it says why
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_refused_configure_leaves_an_existing_folder_as_it_was(tmp_path: Path, case: str, ring: MemoryKeyring,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), *BASE, "--channel", "ch-1", "--client-secret-stdin",
                 "--afosto-key-stdin"], out=io.StringIO(), stdin=io.StringIO("cs-refused-0123456789\nak-refused-0123456789\n")) == 0
    before, passwords = snapshot(folder), dict(ring.items)
    capsys.readouterr()
    refused(folder, case, capsys)
    assert snapshot(folder) == before
    assert ring.items == passwords
    secrets = Secrets.of_folder(app_paths(folder), "my-shop")
    assert (secrets.client_secret(), secrets.afosto_key()) == ("cs-refused-0123456789", "ak-refused-0123456789")


def test_the_reasons_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "not a store name" in refused(tmp_path / "a", "store name", capsys)
    assert "Allowed: 15 to 3600" in refused(tmp_path / "a", "poll interval out of range", capsys)
    err = refused(tmp_path / "a", "no secure password store", capsys)
    assert "No secure password store" in err and "Nothing was saved." in err
    assert "unknown flow: parcels" in refused(tmp_path / "a", "unknown flow", capsys)
