"""On Linux the window names a missing system library (and the package that brings it) instead of Qt
aborting the process with a core dump."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from epages_sync.ui.system_libraries import DEBIAN_PACKAGES, debian_package, window_problem

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11's libraries are Linux's")


@pytest.mark.parametrize(("library", "package"), [
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libEGL.so.1", "libegl1"),
])
def test_each_library_is_named_with_the_package_that_ships_it(library: str, package: str) -> None:
    assert debian_package(library) == package
    assert package in DEBIAN_PACKAGES.split()


@pytest.fixture
def plugin_missing_a_library(tmp_path: Path) -> Path:
    """A stand-in for Qt's X11 plugin that needs a library this computer then lacks."""
    if shutil.which("cc") is None:
        pytest.skip("no C compiler to build the stand-in plugin")
    (tmp_path / "bar.c").write_text("int bar(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int bar(void);\nint plugin(void) { return bar(); }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-Wl,-soname,libxcb-fancy.so.7", "-o", "libxcb-fancy.so.7",
                    "bar.c"], cwd=tmp_path, check=True)
    subprocess.run(["cc", "-shared", "-fPIC", "-o", "libqxcb.so", "plugin.c", "-L.", "-l:libxcb-fancy.so.7"],
                   cwd=tmp_path, check=True)
    (tmp_path / "libxcb-fancy.so.7").unlink()
    return tmp_path / "libqxcb.so"


@linux_only
def test_a_missing_library_is_named_with_the_command_that_installs_it(plugin_missing_a_library: Path) -> None:
    problem = window_problem({"DISPLAY": ":0"}, plugin=plugin_missing_a_library)
    assert problem is not None
    assert "lacks the system library libxcb-fancy.so.7" in problem
    assert "sudo apt install libxcb-fancy7" in problem


@linux_only
def test_nothing_is_said_when_every_library_is_there(tmp_path: Path) -> None:
    if shutil.which("cc") is None:
        pytest.skip("no C compiler to build the stand-in plugin")
    (tmp_path / "plugin.c").write_text("int plugin(void) { return 1; }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", "libqxcb.so", "plugin.c"], cwd=tmp_path, check=True)
    assert window_problem({"DISPLAY": ":0"}, plugin=tmp_path / "libqxcb.so") is None


@linux_only
def test_another_platform_chosen_on_purpose_is_not_second_guessed(plugin_missing_a_library: Path) -> None:
    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}):
        assert window_problem(env, plugin=plugin_missing_a_library) is None
    assert window_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, plugin=plugin_missing_a_library)


@linux_only
def test_without_a_screen_the_app_says_so_and_names_the_headless_command(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "epages_sync", "--data-dir", str(tmp_path), "--demo"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1  # not a core dump (-6)
    assert "no screen to show the window on" in done.stderr
    assert "epages-sync run --headless" in done.stderr
    assert "Traceback" not in done.stderr
