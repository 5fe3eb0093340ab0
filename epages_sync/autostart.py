"""Start epages-sync when the user logs in, minimised to the tray: the per-user Run key on Windows, an XDG
autostart entry on Linux, a LaunchAgent on macOS.

Only the current user's own entries are touched, so neither switching it on nor off needs an administrator.
The installer's "start with Windows" box writes the same Run value, so the app's own switch and the
installer agree on what is set.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Protocol

from . import APP_NAME

MINIMIZED_FLAG = "--minimized"
# One id for the AppStream metainfo, the macOS bundle and the LaunchAgent label.
APP_ID = "io.github.epages_sync.EpagesSync"
ENTRY_NAME = APP_NAME
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's Startup tab keeps its own on/off switch per Run value here.
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"


class Registry(Protocol):
    """The few registry operations autostart needs, all under HKEY_CURRENT_USER."""

    def get_value(self, key: str, name: str) -> object | None: ...

    def set_value(self, key: str, name: str, value: str) -> None: ...

    def delete_value(self, key: str, name: str) -> bool: ...


_NOT_WINDOWS = "the Windows registry exists only on Windows"


class CurrentUserRegistry:
    """HKEY_CURRENT_USER through winreg (Windows only)."""

    def get_value(self, key: str, name: str) -> object | None:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value

    def set_value(self, key: str, name: str, value: str) -> None:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
            winreg.SetValueEx(handle, name, 0, winreg.REG_SZ, value)

    def delete_value(self, key: str, name: str) -> bool:
        if sys.platform != "win32":
            raise OSError(_NOT_WINDOWS)
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key, 0, winreg.KEY_SET_VALUE) as handle:
                winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            return False
        return True


def desktop_exec(arguments: Sequence[str]) -> str:
    """An ``Exec=`` value for a desktop entry, quoted as the Desktop Entry Specification asks.

    An argument with a space or a reserved character goes in double quotes with ``"`` `` ` `` ``$`` and
    ``\\`` backslash-escaped; the file format's own escaping then doubles every backslash, and ``%`` is
    written ``%%`` so it is not taken for a field code.
    """
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for arg in arguments:
        arg = arg.replace("%", "%%")
        if any(c in reserved for c in arg) or not arg:
            arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        parts.append(arg.replace("\\", "\\\\"))
    return " ".join(parts)


class Autostart:
    """The login entry that starts ``command`` with ``--minimized``.

    ``platform``, ``home``, ``registry`` and ``environ`` default to this computer's; tests hand in a
    temporary home and a fake registry to exercise every platform's entry on any machine.
    """

    def __init__(self, command: Sequence[str], *, platform: str = sys.platform, home: Path | None = None,
                 registry: Registry | None = None, environ: Mapping[str, str] | None = None) -> None:
        if not command:
            raise ValueError("the autostart command must name the program to start")
        self.command = [*command] if MINIMIZED_FLAG in command else [*command, MINIMIZED_FLAG]
        self.platform = platform
        self.home = home if home is not None else Path.home()
        self._registry = registry
        self._environ = environ if environ is not None else os.environ

    @classmethod
    def for_this_install(cls, *, data_dir: str | os.PathLike[str] | None = None, **kw: object) -> Autostart:
        """The entry for the copy of the app that is running now (bundle, pip install or source checkout)."""
        command = launch_command()
        if data_dir is not None:
            command += ["--data-dir", str(Path(data_dir).resolve())]
        return cls(command, **kw)  # type: ignore[arg-type]

    @property
    def _windows(self) -> bool:
        return self.platform == "win32"

    @property
    def _macos(self) -> bool:
        return self.platform == "darwin"

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = CurrentUserRegistry()
        return self._registry

    @property
    def entry_file(self) -> Path | None:
        """The file that holds the entry (None on Windows, where it is a registry value)."""
        if self._windows:
            return None
        if self._macos:
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        config = self._environ.get("XDG_CONFIG_HOME", "")
        # The XDG spec says to ignore a relative XDG_CONFIG_HOME.
        base = Path(config) if config and os.path.isabs(config) else self.home / ".config"
        return base / "autostart" / f"{ENTRY_NAME}.desktop"

    @property
    def location(self) -> str:
        """Where the entry lives, for messages and the removal report."""
        if self._windows:
            return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{ENTRY_NAME}"
        return str(self.entry_file)

    def windows_command_line(self) -> str:
        """The Run value: the program always in quotes, like the installer writes it (a path with spaces
        left unquoted could start another program)."""
        program, *arguments = self.command
        return " ".join([f'"{program}"', subprocess.list2cmdline(arguments)]).rstrip()

    def enable(self) -> None:
        """Start the app at login from now on; writing again updates a path that changed (a moved install)."""
        if self._windows:
            self.registry.set_value(RUN_KEY, ENTRY_NAME, self.windows_command_line())
            # A switch-off from Task Manager would otherwise keep winning over the app's own switch.
            self.registry.delete_value(STARTUP_APPROVED_KEY, ENTRY_NAME)
            return
        path = self.entry_file
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self._launch_agent() if self._macos else self._desktop_entry().encode("utf-8")
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # a login in the middle of writing never sees half an entry

    def disable(self) -> bool:
        """Stop starting at login; True when an entry was there to remove."""
        if self._windows:
            removed = self.registry.delete_value(RUN_KEY, ENTRY_NAME)
            self.registry.delete_value(STARTUP_APPROVED_KEY, ENTRY_NAME)
            return removed
        path = self.entry_file
        assert path is not None
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def is_enabled(self) -> bool:
        """True when the app will start at the next login (an entry switched off elsewhere counts as off)."""
        if self._windows:
            if self.registry.get_value(RUN_KEY, ENTRY_NAME) is None:
                return False
            approval = self.registry.get_value(STARTUP_APPROVED_KEY, ENTRY_NAME)
            # Task Manager writes 12 bytes; an odd first byte (03, 07) means switched off there.
            return not (isinstance(approval, bytes | bytearray) and approval[:1] and approval[0] & 1)
        path = self.entry_file
        assert path is not None
        if not path.is_file():
            return False
        if self._macos:
            try:
                agent = plistlib.loads(path.read_bytes())
            except (plistlib.InvalidFileException, ValueError):
                return False
            return not agent.get("Disabled", False)
        entry = _desktop_keys(path.read_text(encoding="utf-8", errors="replace"))
        # Desktops switch an entry off with Hidden=true or X-GNOME-Autostart-enabled=false in the user copy.
        return (entry.get("Hidden", "false").lower() != "true"
                and entry.get("X-GNOME-Autostart-enabled", "true").lower() != "false")

    def _desktop_entry(self) -> str:
        return "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Comment=Keeps the ePages shop and Afosto in step",
            "Comment[de]=Hält den ePages-Shop und Afosto auf demselben Stand",
            "Comment[nl]=Houdt de ePages-webshop en Afosto gelijk",
            f"Exec={desktop_exec(self.command)}",
            f"Icon={APP_NAME}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            # The tray icon needs the panel; KDE starts entries before it otherwise.
            "X-KDE-autostart-after=panel",
            "",
        ])

    def _launch_agent(self) -> bytes:
        return plistlib.dumps({
            "Label": APP_ID,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            # Only in a graphical login: an ssh session has no tray to minimise to.
            "LimitLoadToSessionType": "Aqua",
            "ProcessType": "Interactive",
        })


def _desktop_keys(text: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    in_entry = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def launch_command(*, frozen: bool | None = None, executable: str | None = None,
                   platform: str = sys.platform) -> list[str]:
    """How to start this copy of the app with its window (not a console) at login."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = executable or sys.executable
    if frozen:
        exe = PureWindowsPath(executable) if platform == "win32" else PurePosixPath(executable)
        # The bundle's console launcher would open a terminal at every login: use its windowed sibling.
        if exe.stem == f"{APP_NAME}-cli":
            exe = exe.with_name(APP_NAME + exe.suffix)
        return [str(exe)]
    script = shutil.which(f"{APP_NAME}-gui" if platform == "win32" else APP_NAME)
    if script:
        return [str(Path(script).resolve())]
    python = Path(executable)
    if platform == "win32" and python.with_name("pythonw.exe").is_file():
        python = python.with_name("pythonw.exe")  # no console window at login
    return [str(python), "-m", "epages_sync"]
