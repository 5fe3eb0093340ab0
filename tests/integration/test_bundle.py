"""The PyInstaller bundle as a shop PC gets it: it starts, carries its data files, Qt plugins and keyring
backends, and its own sandbox, configure and run --headless --once import orders without Python installed.

Building takes about a minute and a few hundred MB, so these run only with EPAGES_SYNC_BUILD_BUNDLE=1.
EPAGES_SYNC_BUNDLE=dist/epages-sync tests an already built bundle instead of building one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from epages_sync import __version__
from epages_sync.sandbox.app import Sandbox

REPO = Path(__file__).resolve().parents[2]


def _load_build_command() -> ModuleType:
    # packaging/ is no package, and a plain "import build" could find PyPA's build tool instead.
    spec = importlib.util.spec_from_file_location("epages_sync_bundle_build", REPO / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_build = _load_build_command()
build, console_executable, window_executable = _build.build, _build.console_executable, _build.window_executable

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.timeout(900),
    pytest.mark.skipif(os.environ.get("EPAGES_SYNC_BUILD_BUNDLE") != "1",
                       reason="builds the PyInstaller bundle: set EPAGES_SYNC_BUILD_BUNDLE=1"),
]

SEED, ORDERS = 5, 6
KEYRING_BACKENDS = ["keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.SecretService",
                    "keyring.backends.kwallet", "keyring.backends.chainer", "keyring.backends.fail"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("EPAGES_SYNC_BUNDLE")
    if given:
        folder = (REPO / given).resolve()
        assert console_executable(folder).is_file(), f"no bundle in {folder}"
        return folder
    base = tmp_path_factory.mktemp("bundle")
    return build(base / "dist", base / "work")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "EPAGES_SYNC_"))}
    # Never the developer's own keyring: the secrets come from the environment, as in service mode.
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", QT_QPA_PLATFORM="offscreen", **extra)
    return env


def _run(bundle: Path, *args: str, timeout: float = 180, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(console_executable(bundle)), *args], capture_output=True, text=True,
                          timeout=timeout, env=_env(**env), check=False)


def test_the_bundle_says_its_version(bundle: Path) -> None:
    result = _run(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"epages-sync {__version__}"
    assert window_executable(bundle).is_file()


def test_the_bundle_carries_the_graphql_documents_icons_and_keyring_metadata(bundle: Path) -> None:
    internal = bundle / "_internal"
    for source in (REPO / "epages_sync" / "clients" / "afosto_ops").glob("*.graphql"):
        assert (internal / "epages_sync" / "clients" / "afosto_ops" / source.name).is_file(), source.name
    assert (internal / "epages_sync" / "sandbox" / "afosto" / "schema.graphql").is_file()
    assert (internal / "resources" / "icons" / "app" / "epages-sync.svg").is_file()
    assert (internal / "resources" / "icons" / "pause.svg").is_file()
    # keyring reads its backends' entry points from its metadata.
    entry_points = next(internal.glob("keyring-*.dist-info")) / "entry_points.txt"
    assert "keyring.backends" in entry_points.read_text()


def test_the_bundle_carries_the_qt_plugins_the_window_needs(bundle: Path) -> None:
    plugins = next(bundle.rglob("plugins/platforms")).parent
    names = {p.relative_to(plugins).as_posix() for p in plugins.rglob("*") if p.is_file()}

    def has(folder: str, stem: str) -> bool:
        return any(re.fullmatch(rf"{folder}/(lib)?{stem}\.(so|dll|dylib)", n) for n in names)

    assert has("platforms", "qoffscreen")
    assert has("platforms", {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb"))
    assert has("iconengines", "qsvgicon")
    assert has("imageformats", "qsvg")
    if sys.platform == "win32":
        assert any(n.startswith("styles/") for n in names)


def test_every_keyring_backend_is_inside_the_bundle(bundle: Path) -> None:
    readers = pytest.importorskip("PyInstaller.archive.readers")
    archive = readers.CArchiveReader(str(console_executable(bundle)))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    missing = [m for m in KEYRING_BACKENDS if m not in modules]
    assert not missing, missing


@pytest.fixture
def sandbox_of_the_bundle(bundle: Path) -> Iterator[str]:
    """The bundle's own ``sandbox`` command on a free loopback port; yields its URL."""
    proc = subprocess.Popen([str(console_executable(bundle)), "sandbox", "--port", "0", "--seed", str(SEED),
                             "--orders", str(ORDERS)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=_env(PYTHONUNBUFFERED="1"))
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"Sandbox running at (http://127\.0\.0\.1:\d+)", first)
        assert match, first + (proc.stdout.read() if proc.poll() is not None else "")
        yield match.group(1)
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_the_bundle_imports_orders_from_its_own_sandbox_headless(
        bundle: Path, sandbox_of_the_bundle: str, tmp_path: Path) -> None:
    world = Sandbox(seed=SEED, orders=ORDERS).world  # the same seed builds the same ids in every process
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "configure", "--store", "demo-shop", "--client-id", "sandbox-client",
            "--sandbox", sandbox_of_the_bundle, "--channel", world.default_channel.channel_id,
            "--start-date", "2020-01-01"]
    for ep, af in world.default_location_map.items():
        args += ["--map", f"{ep}={af}"]
    for loc in world.feeding_location_ids:
        args += ["--stock-from", loc]
    secrets = {"EPAGES_SYNC_CLIENT_SECRET": "sandbox-secret", "EPAGES_SYNC_AFOSTO_KEY": "sandbox-afosto-key"}
    configured = _run(bundle, *args, **secrets)
    # No password store here, as on a server: secrets given only in the environment are read from there, so
    # the settings are saved and configure succeeds, saying where the secrets come from.
    assert configured.returncode == 0, configured.stdout + configured.stderr
    said = configured.stdout + configured.stderr
    assert "No secure password store" in said and "read them from there" in said and "Settings saved" in said

    run = _run(bundle, "--data-dir", str(data), "run", "--headless", "--once", **secrets)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "imported into Afosto" in run.stdout

    status = _run(bundle, "--data-dir", str(data), "status", "--json", **secrets)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["engine"]["orders_linked"] > 0
    for path in data.rglob("*"):
        if path.is_file():
            assert b"sandbox-afosto-key" not in path.read_bytes(), path
