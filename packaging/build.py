"""Build the one-folder bundle for this operating system: ``python packaging/build.py``.

Installs PyInstaller when it is missing (the project's ``bundle`` extra names the same version range),
builds ``dist/epages-sync/`` from ``packaging/epages-sync.spec``, runs the built ``--version`` once, and
prints the size and how long it took. The app's own dependencies come from the Python that runs this
script: install the project first, for a release with the pinned versions
(``python -m pip install -c packaging/constraints.txt ".[bundle]"``), and build with ``--strict``, which
refuses to build when an installed version differs from ``packaging/constraints.txt``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "epages-sync.spec"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
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


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned_versions(constraints: Path = CONSTRAINTS) -> dict[str, str]:
    """Package -> version, from the ``name==version`` lines of the constraints file."""
    pins: dict[str, str] = {}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = (part.strip() for part in line.split("==", 1))
            pins[_canonical(name)] = version
    return pins


def differences_from_pins(constraints: Path = CONSTRAINTS) -> list[str]:
    """Installed packages whose version is not the pinned one (packages not installed here, such as the
    other systems' keyring helpers, are not differences)."""
    out = []
    for name, wanted in sorted(pinned_versions(constraints).items()):
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if installed != wanted:
            out.append(f"{name} {installed} (pinned {wanted})")
    return out


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


def build(dist: Path, work: Path, *, clean: bool = True, strict: bool = False) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (``dist/epages-sync``)."""
    ensure_pyinstaller()
    ensure_app_installed()
    differences = differences_from_pins()
    if differences:
        said = "; ".join(differences)
        if strict:
            raise SystemExit(f"Not the pinned versions: {said}. Install with: {sys.executable} -m pip install "
                             f"-c {CONSTRAINTS.relative_to(ROOT)} \".[bundle]\"")
        print(f"Note: this bundle ships other versions than packaging/constraints.txt pins: {said}", flush=True)
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
    parser.add_argument("--strict", action="store_true",
                        help="refuse to build with other versions than packaging/constraints.txt pins (releases)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve(), clean=not args.keep_cache, strict=args.strict)
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
