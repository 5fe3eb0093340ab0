"""Start at login: the XDG entry for real in a temporary home, the Windows Run key through a fake registry,
the macOS LaunchAgent in a temporary home."""

from __future__ import annotations

import plistlib
import subprocess
from pathlib import Path

import pytest

from epages_sync.autostart import (
    APP_ID,
    RUN_KEY,
    STARTUP_APPROVED_KEY,
    Autostart,
    desktop_exec,
    launch_command,
)


class FakeRegistry:
    """HKEY_CURRENT_USER as a dict of (key, value name) -> data."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}

    def get_value(self, key: str, name: str) -> object | None:
        return self.values.get((key, name))

    def set_value(self, key: str, name: str, value: str) -> None:
        self.values[(key, name)] = value

    def delete_value(self, key: str, name: str) -> bool:
        return self.values.pop((key, name), None) is not None


def _exec_arguments(exec_value: str) -> list[str]:
    """Read an Exec= value back the way the Desktop Entry Specification says a desktop does: the string
    escapes first (``\\\\`` is one backslash), then the quoting (``\\`` before ``"`$\\`` inside quotes)."""
    text = exec_value.replace("\\\\", "\\")
    args: list[str] = []
    current, quoted, started, i = "", False, False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
            current += text[i + 1]
            i += 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += c
        i += 1
    if started or current:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def _desktop_keys(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


def test_linux_entry_starts_the_app_minimised_at_login_and_goes_away_when_switched_off(tmp_path: Path) -> None:
    auto = Autostart(["/opt/epages-sync/epages-sync"], platform="linux", home=tmp_path, environ={})
    assert not auto.is_enabled()
    auto.enable()
    entry = tmp_path / ".config" / "autostart" / "epages-sync.desktop"
    assert auto.is_enabled() and entry.is_file()
    keys = _desktop_keys(entry)
    assert keys["Type"] == "Application"
    assert _exec_arguments(keys["Exec"]) == ["/opt/epages-sync/epages-sync", "--minimized"]
    assert auto.disable() is True
    assert not entry.exists() and not auto.is_enabled()
    assert auto.disable() is False  # switching off twice is no error


def test_linux_entry_follows_xdg_config_home_and_ignores_a_relative_one(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere"
    Autostart(["epages-sync"], platform="linux", home=tmp_path, environ={"XDG_CONFIG_HOME": str(config)}).enable()
    assert (config / "autostart" / "epages-sync.desktop").is_file()
    relative = Autostart(["epages-sync"], platform="linux", home=tmp_path, environ={"XDG_CONFIG_HOME": "rel"})
    assert relative.entry_file == tmp_path / ".config" / "autostart" / "epages-sync.desktop"


@pytest.mark.parametrize("command", [
    ["/home/shop/My Programs/epages-sync/epages-sync"],
    ["/usr/bin/python3", "-m", "epages_sync", "--data-dir", "/data/50% \"off\" $HOME `x` \\share"],
])
def test_linux_entry_starts_the_program_even_with_spaces_and_special_characters_in_its_path(
        tmp_path: Path, command: list[str]) -> None:
    auto = Autostart(command, platform="linux", home=tmp_path, environ={})
    auto.enable()
    keys = _desktop_keys(auto.entry_file)  # type: ignore[arg-type]
    assert _exec_arguments(keys["Exec"]) == [*command, "--minimized"]


def test_linux_entry_switched_off_in_the_desktop_settings_counts_as_off_until_switched_on_again(
        tmp_path: Path) -> None:
    auto = Autostart(["epages-sync"], platform="linux", home=tmp_path, environ={})
    auto.enable()
    entry = auto.entry_file
    assert entry is not None
    entry.write_text(entry.read_text().replace("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"))
    assert not auto.is_enabled()
    auto.enable()
    assert auto.is_enabled()
    entry.write_text(entry.read_text() + "Hidden=true\n")
    assert not auto.is_enabled()


def test_linux_entry_passes_the_desktop_file_validator(tmp_path: Path) -> None:
    validator = Path("/usr/bin/desktop-file-validate")
    if not validator.exists():
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    auto = Autostart(["/opt/epages sync/epages-sync"], platform="linux", home=tmp_path, environ={})
    auto.enable()
    result = subprocess.run([str(validator), str(auto.entry_file)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_windows_run_key_holds_the_quoted_command_with_minimized() -> None:
    registry = FakeRegistry()
    auto = Autostart([r"C:\Users\Shop\AppData\Local\Programs\epages-sync\epages-sync.exe"], platform="win32",
                     registry=registry)
    assert not auto.is_enabled()
    auto.enable()
    assert registry.values[(RUN_KEY, "epages-sync")] == \
        r'"C:\Users\Shop\AppData\Local\Programs\epages-sync\epages-sync.exe" --minimized'
    assert auto.is_enabled()
    assert auto.disable() is True
    assert registry.values == {} and not auto.is_enabled()


def test_windows_entry_switched_off_in_task_manager_is_off_and_the_apps_switch_turns_it_back_on() -> None:
    registry = FakeRegistry()
    auto = Autostart([r"C:\epages-sync\epages-sync.exe"], platform="win32", registry=registry)
    auto.enable()
    registry.values[(STARTUP_APPROVED_KEY, "epages-sync")] = bytes([3] + [0] * 11)
    assert not auto.is_enabled()
    auto.enable()
    assert auto.is_enabled()
    assert (STARTUP_APPROVED_KEY, "epages-sync") not in registry.values
    registry.values[(STARTUP_APPROVED_KEY, "epages-sync")] = bytes([2] + [0] * 11)  # switched on there
    assert auto.is_enabled()


def test_macos_launch_agent_runs_the_app_minimised_at_login(tmp_path: Path) -> None:
    auto = Autostart(["/Applications/epages-sync.app/Contents/MacOS/epages-sync"], platform="darwin",
                     home=tmp_path)
    auto.enable()
    agent_file = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    agent = plistlib.loads(agent_file.read_bytes())
    assert agent["Label"] == APP_ID
    assert agent["ProgramArguments"] == ["/Applications/epages-sync.app/Contents/MacOS/epages-sync", "--minimized"]
    assert agent["RunAtLoad"] is True
    assert auto.is_enabled()
    assert auto.disable() and not agent_file.exists() and not auto.is_enabled()


def test_the_bundles_console_launcher_is_replaced_by_the_windowed_one_at_login() -> None:
    command = launch_command(frozen=True, executable=r"C:\Programs\epages-sync\epages-sync-cli.exe",
                             platform="win32")
    assert command == [r"C:\Programs\epages-sync\epages-sync.exe"]
    assert launch_command(frozen=True, executable="/opt/epages-sync/epages-sync", platform="linux") == \
        ["/opt/epages-sync/epages-sync"]


def test_desktop_exec_quotes_only_what_needs_it() -> None:
    assert desktop_exec(["/usr/bin/epages-sync", "--minimized"]) == "/usr/bin/epages-sync --minimized"
    assert desktop_exec(["/opt/a b/epages-sync"]) == '"/opt/a b/epages-sync"'
