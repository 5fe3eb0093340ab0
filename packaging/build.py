"""Build the one-folder bundle for this operating system: ``python packaging/build.py``.

Installs PyInstaller when it is missing (the project's ``bundle`` extra names the same version range),
builds ``dist/epages-sync/`` from ``packaging/epages-sync.spec``, runs the built ``--version`` once, and
prints the size and how long it took. The app's own dependencies come from the Python that runs this
script: install the project first (``python -m pip install .``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "epages-sync.spec"
PYINSTALLER = "pyinstaller>=6.3,<7"
BUNDLE_NAME = "epages-sync"


def console_executable(bundle: Path, platform: str = sys.platform) -> Path:
    """The bundled executable that keeps a console: the one for ``--version``, ``run --headless``, scripts."""
    if platform == "win32":
        return bundle / "epages-sync-cli.exe"
    if platform == "darwin":
        return bundle / "epages-sync-cli"
    return bundle / "epages-sync"


def window_executable(bundle: Path, platform: str = sys.platform) -> Path:
    """The bundled executable the Start menu, autostart and the uninstaller start (no console on Windows)."""
    return bundle / ("epages-sync.exe" if platform == "win32" else "epages-sync")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    print(f"PyInstaller is missing: installing {PYINSTALLER} ...", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER], check=True)


def ensure_app_installed() -> None:
    missing = [m for m in ("PySide6", "qasync", "httpx", "pydantic", "sqlite_utils", "keyring", "graphql",
                           "uvicorn", "starlette", "platformdirs") if importlib.util.find_spec(m) is None]
    if missing:
        raise SystemExit(f"The app's dependencies are missing ({', '.join(missing)}). "
                         f"Install the project first: {sys.executable} -m pip install {ROOT}")


def build(dist: Path, work: Path, *, clean: bool = True) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (``dist/epages-sync``)."""
    ensure_pyinstaller()
    ensure_app_installed()
    # German and Dutch are compiled at build time; the spec copies resources/ with the .qm files in it.
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "compile"], check=True, cwd=ROOT)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")
    # A headless build machine has no screen; Qt's hooks start a Qt process while collecting plugins.
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT, env=env)
    return dist / BUNDLE_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the epages-sync bundle for this operating system.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's scratch folder")
    parser.add_argument("--keep-cache", action="store_true", help="reuse PyInstaller's cache (faster rebuilds)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve(), clean=not args.keep_cache)
    took = time.monotonic() - started
    version = subprocess.run([str(console_executable(bundle)), "--version"], capture_output=True, text=True,
                             timeout=120, check=False)
    if version.returncode != 0:
        print(version.stdout + version.stderr, file=sys.stderr)
        raise SystemExit(f"The built bundle does not start: {console_executable(bundle)} --version failed.")
    print(f"Built {version.stdout.strip()} in {took:.0f} s: {bundle} "
          f"({folder_size(bundle) / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
