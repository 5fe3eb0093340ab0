"""Desktop files, icons, the systemd unit, the installer script and the CI workflow, as the tools that read
them will: keys a desktop needs, metadata that parses, images of the stated size, no secret in a unit file."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from epages_sync import __version__
from epages_sync.autostart import APP_ID, ENTRY_NAME, MINIMIZED_FLAG, RUN_KEY
from epages_sync.removal import EXIT_RUNNING, add_remove_parser

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "resources" / "linux"
ICONS = REPO / "resources" / "icons" / "app"
UNIT = REPO / "packaging" / "linux" / "epages-sync.service"
ISS = REPO / "packaging" / "windows" / "epages-sync.iss"
WORKFLOW = REPO / ".github" / "workflows" / "build.yml"
SPEC = REPO / "packaging" / "epages-sync.spec"


def _desktop_groups(path: Path) -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], {})
            continue
        assert current is not None and "=" in line, f"{path.name}:{number}: {line!r} is not key=value"
        key, _, value = line.partition("=")
        assert key not in current, f"{path.name}:{number}: {key} twice"
        current[key] = value
    return groups


def test_the_menu_entry_has_what_desktops_need_in_english_german_and_dutch() -> None:
    entry = _desktop_groups(LINUX / "epages-sync.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "epages-sync"
    for key in ("GenericName", "Comment"):
        assert entry[key] and entry[f"{key}[de]"] and entry[f"{key}[nl]"]
        assert len({entry[key], entry[f"{key}[de]"], entry[f"{key}[nl]"]}) == 3, f"{key} is not translated"
    assert entry["Exec"].split()[0] == "epages-sync"
    assert entry["Icon"] == "epages-sync" and (ICONS / "epages-sync.svg").is_file()
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    # Qt's window class is the application name; the desktop matches the running window to this entry by it.
    assert entry["StartupWMClass"] == "epages-sync"
    assert entry["Terminal"] == "false"


def test_the_menu_entry_passes_the_desktop_file_validator() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validator, str(LINUX / "epages-sync.desktop")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_appstream_metainfo_parses_and_describes_this_release() -> None:
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "epages-sync"
    summaries = {s.get("{http://www.w3.org/XML/1998/namespace}lang"): s.text for s in root.findall("summary")}
    assert set(summaries) == {None, "de", "nl"}
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert (LINUX / (launchable.text or "")).is_file()
    assert root.find("content_rating") is not None
    assert root.find("content_rating").get("type", "").startswith("oars-")  # type: ignore[union-attr]
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert versions and versions[0] == __version__, "add a <release> for the version being shipped"


def test_the_appstream_metainfo_passes_appstreamcli() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run([appstreamcli, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_the_app_icon_exists_in_each_usual_size(size: int) -> None:
    assert _png_size(ICONS / f"epages-sync-{size}.png") == (size, size)


def test_the_scalable_icon_is_a_square_svg_and_the_windows_and_mac_icons_hold_every_size() -> None:
    svg = ET.parse(ICONS / "epages-sync.svg").getroot()
    assert svg.tag.endswith("svg")
    _x, _y, width, height = (float(v) for v in svg.get("viewBox", "").split())
    assert width == height
    ico = (ICONS / "epages-sync.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    edges = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= edges
    icns = (ICONS / "epages-sync.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def _unit(path: Path) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
        else:
            key, _, value = line.partition("=")
            current[key] = value
    return sections


def test_the_service_unit_runs_headless_restarts_on_failure_and_holds_no_secret() -> None:
    unit = _unit(UNIT)
    service = unit["Service"]
    assert re.search(r"\brun --headless\b", service["ExecStart"])
    assert service["ExecStart"].split()[0].endswith("epages-sync")
    assert service["Restart"] == "on-failure"
    assert "2" in service["RestartPreventExitStatus"].split()  # nothing configured: restarting cannot help
    assert service["StandardOutput"] == "journal"
    assert service["EnvironmentFile"].startswith("-")  # optional: the keyring may hold the secrets instead
    assert unit["Install"]["WantedBy"] == "default.target"  # a user unit
    text = UNIT.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("Environment="):
            assert "SECRET" not in line and "KEY" not in line, line
    assert "sandbox-secret" not in text and "sandbox-afosto-key" not in text


def test_the_service_unit_passes_systemd_analyze(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # Verify the unit as written, only with a program that exists on this machine.
    copy = tmp_path / "epages-sync.service"
    copy.write_text(UNIT.read_text().replace("%h/.local/bin/epages-sync", "/bin/true"))
    result = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True, check=False)
    # Complaints about the unit name it; others are about the machine (no systemd running in a container).
    problems = [line for line in (result.stdout + result.stderr).splitlines() if "epages-sync.service" in line]
    assert not problems, problems


def _iss_text() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads the German and Dutch texts right only with a BOM"
    return raw[3:].decode("utf-8").replace("\r\n", "\n")


def test_the_windows_installer_is_per_user_in_three_languages_with_an_autostart_box() -> None:
    text = _iss_text()
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile: "([^"]+)"', text, re.MULTILINE)
    assert {name for name, _ in languages} == {"en", "de", "nl"}
    assert any("German.isl" in f for _, f in languages) and any("Dutch.isl" in f for _, f in languages)
    # Every custom message exists in every language.
    messages: dict[str, set[str]] = {}
    for lang, name in re.findall(r"^(en|de|nl)\.(\w+)=", text, re.MULTILINE):
        messages.setdefault(name, set()).add(lang)
    assert messages and all(langs == {"en", "de", "nl"} for langs in messages.values()), messages
    # The installer's box writes exactly the Run value the app's own switch writes.
    run = re.search(r'^Root: HKCU; Subkey: "([^"]+)"; ValueType: string; ValueName: "([^"]+)"; '
                    r'ValueData: """\{app\}\\([^"]+)"" ([^"]+)"; Flags: uninsdeletevalue; Tasks: autostart$',
                    text.replace("{#AppName}", "epages-sync").replace("{#AppExe}", "epages-sync.exe"), re.MULTILINE)
    assert run, "the autostart Run value is missing"
    assert run.group(1) == RUN_KEY and run.group(2) == ENTRY_NAME
    assert run.group(3) == "epages-sync.exe" and run.group(4) == MINIMIZED_FLAG


def test_the_uninstaller_removes_data_through_a_command_the_app_has() -> None:
    text = _iss_text()
    program = re.search(r"^\s*(\w+) := ExpandConstant\('\{app\}\\\{#AppExe\}'\);", text, re.MULTILINE)
    assert program, "the uninstaller does not name the installed app"
    call = re.search(rf"Exec\({program.group(1)}, '([^']+)'", text)
    assert call, "the uninstaller does not run the app to remove the data"
    import argparse

    parser = argparse.ArgumentParser()
    add_remove_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(call.group(1).split())
    assert args.command == "remove-all-data" and args.yes
    assert re.search(rf"#define RemovalAppRunning {EXIT_RUNNING}\b", text)
    assert "UninstallSilent" in text  # a silent uninstall never deletes a shop's data


def test_the_ci_workflow_builds_on_linux_windows_and_macos_and_compiles_the_installer() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["name"] and workflow[True]  # PyYAML reads the key "on" as True
    runners = {name: job["runs-on"] for name, job in workflow["jobs"].items()}
    assert {r.split("-")[0] for r in runners.values()} == {"ubuntu", "windows", "macos"}
    for name, job in workflow["jobs"].items():
        scripts = "\n".join(step.get("run", "") for step in job["steps"])
        assert "packaging/build.py" in scripts, name
        assert "--version" in scripts, name
    windows = next(j for j in workflow["jobs"].values() if j["runs-on"].startswith("windows"))
    scripts = "\n".join(step.get("run", "") for step in windows["steps"])
    assert "iscc" in scripts and "packaging\\windows\\epages-sync.iss" in scripts


def test_the_bundle_recipe_names_every_keyring_backend_keyring_itself_announces() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    listed: list[str] = next(ast.literal_eval(node.value) for node in ast.walk(tree)
                             if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "KEYRING_BACKENDS")
    announced = {ep.value.split(":")[0] for ep in importlib.metadata.entry_points(group="keyring.backends")
                 if ep.value.startswith("keyring.")}
    assert announced <= set(listed), announced - set(listed)
    for needed in ("Windows", "macOS", "SecretService", "kwallet", "chainer", "fail"):
        assert f"keyring.backends.{needed}" in listed
