"""Before the window starts on Linux: is there a screen, and are the system libraries there that Qt's X11
platform plugin needs? Without one of them Qt aborts the whole process with a core dump, and its message
names a library that may well be installed (libxcb-cursor0) instead of the one that is missing.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# Debian and Ubuntu package names of the libraries the plugin loads, where the name does not follow
# from the file name by the usual rule (libxcb-icccm.so.4 -> libxcb-icccm4).
_PACKAGES = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

# Everything the window needs on a fresh Debian or Ubuntu machine (the README lists the same).
DEBIAN_PACKAGES = (
    "libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 "
    "libxcb-shape0 libxcb-xkb1 libx11-xcb1"
)

_MISSING = re.compile(r"(?P<name>[^\s:/]+\.so(?:\.\d+)*): cannot open shared object file")
_SONAME = re.compile(r"^(?P<stem>lib[\w.+-]*?)\.so\.(?P<major>\d+)")


def debian_package(library: str) -> str | None:
    """The Debian/Ubuntu package that ships a library file, where the name tells it."""
    if library in _PACKAGES:
        return _PACKAGES[library]
    match = _SONAME.match(library)
    if match is None:
        return None
    stem, major = match["stem"], match["major"]
    # A package name ends in the library's major version, with a hyphen when the stem ends in a digit.
    return f"{stem.lower()}{'-' if stem[-1].isdigit() else ''}{major}"


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin of the Qt this app runs on (a checkout, a wheel or the bundle)."""
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_library(plugin: Path) -> str | None:
    """The first library the plugin needs that this computer lacks, by asking the system loader."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        match = _MISSING.search(str(exc))
        return match["name"] if match else str(exc)
    return None


def window_problem(env: Mapping[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """Why the window cannot start on this Linux computer, in words that say what to install or do;
    None where it can (or where Qt will use something else than X11). English: Qt, which would translate
    it, is what cannot start."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc ...: chosen on purpose, and not X11's libraries
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return ("There is no screen to show the window on (no desktop session here: DISPLAY is not set). "
                "Start epages-sync from the desktop, or run the sync without a window: "
                "epages-sync run --headless")
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    library = missing_library(plugin)
    if library is None:
        return None
    package = debian_package(library)
    if package is None:
        return (f"The window cannot start: this computer lacks the system library {library}, which Qt "
                "needs to draw windows. Install it with the system's package manager.")
    return (f"The window cannot start: this computer lacks the system library {library}, which Qt needs "
            f"to draw windows. On Debian or Ubuntu install it with: sudo apt install {package}\n"
            f"Everything the window needs: sudo apt install {DEBIAN_PACKAGES}")
