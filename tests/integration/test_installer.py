"""The Windows installer (packaging/windows/epages-sync.iss) as a shop PC meets it, tried under wine:
compiled by Inno Setup's own compiler, installed silently into a fresh wine prefix, and uninstalled so that
nothing of the program is left: no file, no Start menu link, no autostart value, no uninstall entry.

The payload is a stand-in with the bundle's layout whose executables are a small program
(installer_standin.c) that records how it was started and exits with the codes the real
``remove-all-data`` uses (epages_sync/removal.py). So the uninstaller's "remove all data" step runs for
real, each answer and each outcome: the uninstall is interactive, on a wine desktop under Xvfb; the test
reads every message box from the uninstaller's own log (Inno Setup logs each box and the answer) and
presses the answer with xdotool.

Needs wine (64-bit with its 32-bit half), Xvfb, xdotool, mingw-w64 and ISCC.exe; ``bash
.ci/install-installer-tools`` installs them and prints where ISCC.exe is. Found at its default place, or
named by EPAGES_SYNC_ISCC, the tests run; without the tools they are skipped, unless EPAGES_SYNC_ISCC is
set (as in CI): then a missing tool is a failure, never a silent skip. Each test gets a copy of one fresh
prefix (1.3 GB, removed after the test).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from epages_sync import __version__
from epages_sync.autostart import RUN_KEY, STARTUP_APPROVED_KEY, Autostart
from epages_sync.removal import EXIT_INCOMPLETE, EXIT_OK, EXIT_RUNNING

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "packaging" / "windows" / "epages-sync.iss"
STANDIN_SOURCE = Path(__file__).with_name("installer_standin.c")
DEFAULT_ISCC = Path.home() / ".cache" / "epages-sync-ci" / "innosetup-6.4.1" / "node_modules" / "innosetup" \
    / "bin" / "ISCC.exe"
ISCC = Path(os.environ.get("EPAGES_SYNC_ISCC") or DEFAULT_ISCC)
TOOLS = ("wine", "wineboot", "wineserver", "Xvfb", "xdotool", "i686-w64-mingw32-gcc")
MISSING = [t for t in TOOLS if shutil.which(t) is None] + ([] if ISCC.is_file() else [str(ISCC)])

pytestmark = [
    pytest.mark.installer,
    pytest.mark.timeout(600),
    pytest.mark.skipif(bool(MISSING) and not os.environ.get("EPAGES_SYNC_ISCC"),
                       reason=f"tries the Windows installer under wine; missing: {', '.join(MISSING)} "
                              "(bash .ci/install-installer-tools installs them)"),
]

APP = "epages-sync"


def uninstall_key() -> str:
    """Where Windows lists the installed program: named after the script's AppId."""
    app_id = re.search(r"^AppId=\{(\{[0-9A-F-]+\})", ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)
    assert app_id, f"no AppId in {ISS}"
    return f"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{app_id.group(1)}_is1"


UNINSTALL_KEY = uninstall_key()
# The bundle's layout (packaging/build.py): two executables and everything else under _internal.
BUNDLE_FILES = ("epages-sync.exe", "epages-sync-cli.exe", "_internal/python311.dll",
                "_internal/resources/icons/app/epages-sync.svg",
                "_internal/PySide6/plugins/platforms/qwindows.dll")
# Wine's locale decides the button labels and so the keys that press them: English, whatever the host's.
WINE_LOCALE = "C.UTF-8"
DESKTOP_SIZE = (800, 600)
SLOW = 120  # seconds for one wine step on a busy two-core machine; they take 1-20 s


def windows_path(path: Path) -> str:
    """The path as wine's programs see it: drive Z: is the host's root."""
    return "Z:" + str(path).replace("/", "\\")


# --- the machine: an X display, a fresh prefix, the compiled setup -------------------------------------


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    if MISSING:
        pytest.fail(f"EPAGES_SYNC_ISCC is set but the installer test lacks: {', '.join(MISSING)}. "
                    "Run bash .ci/install-installer-tools first.")
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as reader:
        number = reader.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)


def wine_environment(display: str, prefix: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "XDG_", "LC_", "EPAGES_SYNC_"))}
    env.update(DISPLAY=display, WINEPREFIX=str(prefix), HOME=str(home), LC_ALL=WINE_LOCALE, WINEDEBUG="-all",
               # Wine would otherwise write menu entries for the links into the host's own menus.
               WINEDLLOVERRIDES="winemenubuilder.exe=d")
    return env


def wait_for_wine(env: dict[str, str]) -> None:
    """Until every program in the prefix has ended and wine has written its registry to disk."""
    subprocess.run(["wineserver", "-w"], env=env, timeout=SLOW, check=True)


@pytest.fixture(scope="module")
def template_prefix(display: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("wine")
    prefix, home = base / "prefix", base / "home"
    home.mkdir()
    env = wine_environment(display, prefix, home)
    subprocess.run(["wineboot", "--init"], env=env, timeout=SLOW, check=True, capture_output=True)
    wait_for_wine(env)
    assert "#arch=win64" in (prefix / "system.reg").read_text(errors="replace"), \
        "wine made a 32-bit prefix: the setup needs 64-bit Windows (install Debian's wine64 too)"
    # Wine links Desktop, Documents, ... to the host's home; a copy of the prefix gets folders of its own.
    for link in user_folder(prefix).iterdir():
        if link.is_symlink():
            link.unlink()
            link.mkdir()
    try:
        yield prefix
    finally:
        subprocess.run(["wineserver", "-k"], env=env, timeout=SLOW, check=False)
        shutil.rmtree(base, ignore_errors=True)


def user_folder(prefix: Path) -> Path:
    users = [p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
    assert len(users) == 1, users
    return users[0]


@pytest.fixture(scope="module")
def standin_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the bundle's layout; its executables are the stand-in program."""
    bundle = tmp_path_factory.mktemp("dist") / APP
    program = bundle.parent / "standin.exe"
    subprocess.run(["i686-w64-mingw32-gcc", "-Os", "-s", "-mwindows", "-o", str(program), str(STANDIN_SOURCE)],
                   check=True, timeout=SLOW)
    for name in BUNDLE_FILES:
        target = bundle / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".exe"):
            shutil.copyfile(program, target)
        else:
            target.write_text(f"stand-in for {name}\n")
    return bundle


def compile_installer(env: dict[str, str], bundle: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """ISCC.exe itself, not a wrapper: its exit code is the verdict (npm's wrapper says 0 on failure)."""
    return subprocess.run(["wine", str(ISCC), "/Q", f"/DAppVersion={__version__}",
                           f"/DBundleDir={windows_path(bundle)}", f"/O{windows_path(output)}", windows_path(ISS)],
                          env=env, capture_output=True, text=True, timeout=SLOW, check=False)


@pytest.fixture(scope="module")
def setup_exe(template_prefix: Path, standin_bundle: Path, display: str,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("setup")
    env = wine_environment(display, template_prefix, template_prefix.parent / "home")
    compiled = compile_installer(env, standin_bundle, output)
    wait_for_wine(env)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    setup = output / f"{APP}-{__version__}-setup.exe"
    assert setup.is_file(), sorted(p.name for p in output.iterdir())
    return setup


@dataclass
class MessageBox:
    buttons: str  # as the log names them: "Yes/No", "OK", "Retry/Cancel"
    text: str


@dataclass
class ShopPC:
    """One fresh wine prefix with the setup at hand, and what a person would look at on it."""

    prefix: Path
    env: dict[str, str]
    setup: Path
    logs: Path
    standin: Path  # the stand-in's calls.txt and codes.txt

    @property
    def user(self) -> Path:
        return user_folder(self.prefix)

    @property
    def windows_user(self) -> str:
        return f"C:\\users\\{self.user.name}"

    @property
    def app(self) -> Path:
        return self.user / "AppData" / "Local" / "Programs" / APP

    @property
    def windows_app(self) -> str:
        return f"{self.windows_user}\\AppData\\Local\\Programs\\{APP}"

    @property
    def start_menu(self) -> Path:
        return self.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"

    @property
    def desktop(self) -> Path:
        return self.user / "Desktop"

    @property
    def data(self) -> Path:
        """Where the app keeps its data (platformdirs: %LOCALAPPDATA%\\epages-sync\\epages-sync)."""
        return self.user / "AppData" / "Local" / APP / APP

    def wine(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True, timeout=SLOW,
                              check=False)

    def install(self, *options: str, language: str = "en") -> str:
        log = self.logs / "install.log"
        done = self.wine(str(self.setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", f"/LANG={language}",
                         f"/LOG={windows_path(log)}", *options)
        wait_for_wine(self.env)
        text = read_log(log)
        assert done.returncode == 0, text or done.stderr
        return text

    def uninstall_silently(self) -> str:
        log = self.logs / "uninstall.log"
        # The uninstaller copies itself and returns at once; the copy does the work.
        self.wine(str(self.app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                  f"/LOG={windows_path(log)}")
        wait_for_wine(self.env)
        text = read_log(log)
        assert "Uninstallation process succeeded." in text, text
        return text

    def uninstall_answering(self, *answers: tuple[str, str]) -> list[MessageBox]:
        """Uninstall as a person does, answering each message box in turn with a key.

        ``answers`` pairs a piece of the box's text, which must be there, with the key that answers it.
        Returns the boxes shown, for the caller to look at what they say.
        """
        log = self.logs / "uninstall.log"
        width, height = DESKTOP_SIZE
        # Keys go to the window under the pointer (no window manager): the wine desktop, which hands them
        # to its active window, the message box.
        subprocess.run(["xdotool", "mousemove", str(width // 2), str(height // 2)], env=self.env, check=True)
        uninstaller = subprocess.Popen(
            ["wine", "explorer", f"/desktop=shop-pc,{width}x{height}", str(self.app / "unins000.exe"),
             f"/LOG={windows_path(log)}"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            boxes = self._answer(log, list(answers))
            wait_for_wine(self.env)
        finally:
            if uninstaller.poll() is None:
                subprocess.run(["wineserver", "-k"], env=self.env, timeout=SLOW, check=False)
            uninstaller.wait(timeout=SLOW)
        text = read_log(log)
        assert "Uninstallation process succeeded." in text, text
        return boxes

    def _answer(self, log: Path, answers: list[tuple[str, str]]) -> list[MessageBox]:
        boxes: list[MessageBox] = []
        deadline = time.monotonic() + SLOW
        while time.monotonic() < deadline:
            text = read_log(log)
            shown = message_boxes(text)
            if len(shown) > len(boxes):
                box = shown[len(boxes)]
                assert answers, f"an unexpected message box: {box}\n\n{text}"
                expected, key = answers.pop(0)
                assert expected in box.text, f"expected a box saying {expected!r}, got {box}\n\n{text}"
                boxes.append(box)
                self._press(log, key, answered=len(boxes))
            elif "Log closed." in text:
                assert not answers, f"these boxes never came: {answers}\n\n{text}"
                return boxes
            time.sleep(0.2)
        raise AssertionError(f"the uninstaller did not finish in {SLOW} s\n\n{read_log(log)}")

    def _press(self, log: Path, key: str, *, answered: int) -> None:
        # The box is logged just before it shows: a key pressed too early is lost, so press again when no
        # answer came (after long enough that a slow answer is never taken for a lost key).
        for _ in range(10):
            time.sleep(0.5)
            subprocess.run(["xdotool", "key", key], env=self.env, check=True)
            until = time.monotonic() + 6
            while time.monotonic() < until:
                if read_log(log).count("User chose ") >= answered:
                    return
                time.sleep(0.1)
        raise AssertionError(f"pressing {key} did not answer the message box\n\n{read_log(log)}")

    def registry_key(self, key: str) -> dict[str, str] | None:
        """The values of a key of HKEY_CURRENT_USER, from the prefix's user.reg; None when there is no key."""
        return read_registry(self.prefix / "user.reg").get(key.lower())

    def standin_calls(self) -> list[str]:
        calls = self.standin / "calls.txt"
        return calls.read_text().splitlines() if calls.exists() else []

    def standin_answers(self, *codes: int) -> None:
        (self.standin / "codes.txt").write_text("".join(f"{c}\n" for c in codes))


@pytest.fixture
def pc(template_prefix: Path, setup_exe: Path, display: str, tmp_path: Path) -> Iterator[ShopPC]:
    prefix = tmp_path / "prefix"
    subprocess.run(["cp", "-a", str(template_prefix), str(prefix)], check=True, timeout=SLOW)
    home, logs, standin = tmp_path / "home", tmp_path / "logs", tmp_path / "standin"
    for folder in (home, logs, standin):
        folder.mkdir()
    env = wine_environment(display, prefix, home) | {"EPAGES_SYNC_STANDIN_DIR": windows_path(standin)}
    try:
        yield ShopPC(prefix, env, setup_exe, logs, standin)
    finally:
        subprocess.run(["wineserver", "-k"], env=env, timeout=SLOW, check=False)
        shutil.rmtree(prefix, ignore_errors=True)  # 1.3 GB each: never left for pytest's kept folders


def read_log(log: Path) -> str:
    return log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else ""


def message_boxes(log: str) -> list[MessageBox]:
    """Every message box in an Inno Setup log: "<time>   Message box (Yes/No):" then its lines, indented."""
    boxes = []
    entry = r"^\S+ \S+ +Message box \(([^)]*)\):\n((?:[ \t]{20,}.*(?:\n|$))*)"
    for match in re.finditer(entry, log, re.MULTILINE):
        lines = [line.strip() for line in match.group(2).splitlines()]
        boxes.append(MessageBox(match.group(1), "\n".join(lines).strip()))
    return boxes


def read_registry(user_reg: Path) -> dict[str, dict[str, str]]:
    """Keys (lower case) and their values in one of wine's registry files; values other than text as wine
    wrote them."""
    keys: dict[str, dict[str, str]] = {}
    values: dict[str, str] | None = None
    for line in user_reg.read_text(encoding="utf-8", errors="replace").splitlines():
        header = re.match(r"^\[(.+?)\](?: \d+)?$", line)
        if header:
            values = keys.setdefault(_unescape(header.group(1)).lower(), {})
            continue
        value = re.match(r'^(@|"(?:[^"\\]|\\.)*")=(.*)$', line)
        if value and values is not None:
            name = "" if value.group(1) == "@" else _unescape(value.group(1)[1:-1])
            data = value.group(2)
            values[name] = _unescape(data[1:-1]) if data.startswith('"') else data
    return keys


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}.get(m.group(1), m.group(1)),
                  text)


# --- what the tests look at ----------------------------------------------------------------------------


def installed_files(pc: ShopPC) -> set[str]:
    return {p.relative_to(pc.app).as_posix() for p in pc.app.rglob("*") if p.is_file()}


def lnk_says(link: Path, text: str) -> bool:
    """A shell link keeps its target's path in ANSI and its arguments in UTF-16."""
    data = link.read_bytes()
    return text.encode("utf-16-le") in data or text.encode("latin-1") in data


def give_the_app_some_data(pc: ShopPC) -> Path:
    """What a shop's data folder holds after a while; the uninstaller must keep it unless asked."""
    database = pc.data / "epages-sync.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"SQLite format 3\0 stand-in")
    return database


def assert_nothing_of_the_program_left(pc: ShopPC) -> None:
    assert not pc.app.exists(), sorted(p.as_posix() for p in pc.app.rglob("*"))
    assert not pc.app.parent.exists() or any(pc.app.parent.iterdir()), "an empty Programs folder is left"
    leftovers = [p.name for folder in (pc.start_menu, pc.desktop) if folder.exists()
                 for p in folder.iterdir() if APP in p.name]
    assert not leftovers, leftovers
    assert APP not in (pc.registry_key(RUN_KEY) or {})
    assert APP not in (pc.registry_key(STARTUP_APPROVED_KEY) or {})
    assert pc.registry_key(UNINSTALL_KEY) is None


# --- the tests -----------------------------------------------------------------------------------------


def test_the_compiler_fails_the_build_when_the_bundle_is_missing(
        template_prefix: Path, display: str, tmp_path: Path) -> None:
    # The test's verdict on a compile is ISCC's exit code: it must not be 0 when nothing was built.
    env = wine_environment(display, template_prefix, template_prefix.parent / "home")
    compiled = compile_installer(env, tmp_path / "no-bundle-here", tmp_path)
    wait_for_wine(env)
    assert compiled.returncode != 0, compiled.stdout
    assert "No files found" in compiled.stdout + compiled.stderr
    assert not list(tmp_path.glob("*.exe"))


def test_a_silent_install_puts_everything_in_place_and_the_uninstall_removes_all_of_it(pc: ShopPC) -> None:
    pc.install()

    assert installed_files(pc) == {*BUNDLE_FILES, "unins000.exe", "unins000.dat"}
    links = sorted(p.name for p in pc.start_menu.iterdir() if APP in p.name)
    assert links == [f"{APP} demo shop.lnk", f"{APP}.lnk"]
    assert lnk_says(pc.start_menu / f"{APP}.lnk", "epages-sync.exe")
    assert lnk_says(pc.start_menu / f"{APP} demo shop.lnk", "--demo")
    assert not [p for p in pc.desktop.iterdir() if APP in p.name], "the desktop icon is unticked by default"
    # The autostart box is ticked by default and writes what the app's own switch writes.
    expected = Autostart([f"{pc.windows_app}\\epages-sync.exe"], platform="win32").windows_command_line()
    assert (pc.registry_key(RUN_KEY) or {}).get(APP) == expected
    entry = pc.registry_key(UNINSTALL_KEY)
    assert entry is not None and entry["DisplayName"] == APP and entry["DisplayVersion"] == __version__
    assert entry["InstallLocation"].rstrip("\\") == pc.windows_app

    database = give_the_app_some_data(pc)
    # Task Manager's Startup tab keeps a value of its own; the uninstaller removes it too.
    pc.wine("reg", "add", f"HKCU\\{STARTUP_APPROVED_KEY}", "/v", APP, "/t", "REG_BINARY", "/d",
            "030000000000000000000000", "/f")
    wait_for_wine(pc.env)
    assert APP in (pc.registry_key(STARTUP_APPROVED_KEY) or {})

    log = pc.uninstall_silently()

    assert_nothing_of_the_program_left(pc)
    # A silent uninstall (an update script, an admin tool) never asks and never removes a shop's data.
    assert not message_boxes(log)
    assert pc.standin_calls() == []
    assert database.read_bytes().startswith(b"SQLite format 3")


def test_without_the_autostart_task_there_is_no_run_value(pc: ShopPC) -> None:
    pc.install("/TASKS=desktopicon")

    assert APP not in (pc.registry_key(RUN_KEY) or {})
    assert (pc.desktop / f"{APP}.lnk").is_file()
    assert (pc.start_menu / f"{APP}.lnk").is_file()

    pc.uninstall_silently()

    assert_nothing_of_the_program_left(pc)


ARE_YOU_SURE = ("completely remove epages-sync", "y")
REMOVE_DATA = "Also remove all epages-sync data"
REMOVED = ("epages-sync was successfully removed", "Return")


def removal_calls(pc: ShopPC) -> list[str]:
    return [f'"{pc.windows_app}\\epages-sync.exe" remove-all-data --yes']


def test_keeping_the_data_does_not_start_the_removal(pc: ShopPC) -> None:
    pc.install()
    database = give_the_app_some_data(pc)

    boxes = pc.uninstall_answering(ARE_YOU_SURE, (REMOVE_DATA, "n"), REMOVED)

    assert boxes[1].buttons == "Yes/No" and "cannot be undone" in boxes[1].text
    assert pc.standin_calls() == []
    assert database.is_file()
    assert_nothing_of_the_program_left(pc)


def test_removing_the_data_runs_remove_all_data_and_shows_no_error_when_it_succeeds(pc: ShopPC) -> None:
    pc.install()
    pc.standin_answers(EXIT_OK)

    pc.uninstall_answering(ARE_YOU_SURE, (REMOVE_DATA, "y"), REMOVED)

    # Run before the program's files go, the installed program itself, with --yes (no console to confirm in).
    assert pc.standin_calls() == removal_calls(pc)
    assert_nothing_of_the_program_left(pc)


def test_an_incomplete_removal_names_the_folder_to_delete_by_hand(pc: ShopPC) -> None:
    pc.install()
    pc.standin_answers(EXIT_INCOMPLETE)

    boxes = pc.uninstall_answering(ARE_YOU_SURE, (REMOVE_DATA, "y"), ("Not all data could be removed", "Return"),
                                   REMOVED)

    incomplete = boxes[2]
    assert incomplete.buttons == "OK"
    assert f"delete the folder {pc.windows_user}\\AppData\\Local\\{APP} by hand" in incomplete.text
    assert "%1" not in incomplete.text
    assert pc.standin_calls() == removal_calls(pc)
    assert_nothing_of_the_program_left(pc)


def test_while_the_app_runs_retry_removes_the_data_once_it_was_quit(pc: ShopPC) -> None:
    pc.install()
    pc.standin_answers(EXIT_RUNNING, EXIT_OK)  # running at first; quit before Retry

    boxes = pc.uninstall_answering(ARE_YOU_SURE, (REMOVE_DATA, "y"), ("is still running", "r"), REMOVED)

    assert boxes[2].buttons == "Retry/Cancel" and "then click Retry" in boxes[2].text
    assert pc.standin_calls() == removal_calls(pc) * 2
    assert_nothing_of_the_program_left(pc)


def test_while_the_app_runs_cancel_keeps_the_data_and_still_uninstalls(pc: ShopPC) -> None:
    pc.install()
    pc.standin_answers(EXIT_RUNNING, EXIT_RUNNING)

    pc.uninstall_answering(ARE_YOU_SURE, (REMOVE_DATA, "y"), ("is still running", "r"),
                           ("is still running", "Escape"), REMOVED)

    assert pc.standin_calls() == removal_calls(pc) * 2
    assert_nothing_of_the_program_left(pc)


def test_a_program_that_cannot_start_is_named_in_the_uninstallers_own_language(pc: ShopPC) -> None:
    pc.install(language="de")
    (pc.app / "epages-sync.exe").write_bytes(b"not a program")  # a damaged install

    boxes = pc.uninstall_answering(("epages-sync und alle zugehörigen Komponenten", "y"),
                                   ("Auch alle Daten von epages-sync", "y"),
                                   ("ließ sich nicht starten", "Return"),
                                   ("wurde erfolgreich von Ihrem Computer entfernt", "Return"))

    not_started = boxes[2].text
    assert "Ihre Daten bleiben erhalten" in not_started
    assert "%1" not in not_started and f"{pc.windows_app}\\epages-sync.exe" in not_started, not_started
    assert pc.standin_calls() == []
    assert_nothing_of_the_program_left(pc)
