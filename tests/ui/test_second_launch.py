"""One window per data folder: starting the app again brings the running window forward and ends with 0;
a copy that is quitting lets the new start take over; a folder taken by a copy that does not answer (the
service) is not mistaken for a window."""

from __future__ import annotations

import asyncio
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from epages_sync.instance import InstanceLock
from epages_sync.paths import app_paths
from epages_sync.ui.app import DesktopApp, _hand_over, answer_second_launches
from epages_sync.ui.demo import DemoShop
from epages_sync.ui.second_launch import Answer, LaunchListener, hand_over, listener_name

ROOT = pathlib.Path(__file__).resolve().parents[2]
WAIT = 15_000


@pytest.fixture
def demo() -> Iterator[DemoShop]:
    shop = DemoShop(activity="off")
    with shop.running():
        yield shop


def _start_again(qtbot: QtBot, folder: pathlib.Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    second = subprocess.Popen([sys.executable, "-m", "epages_sync", "--demo", "--data-dir", str(folder), *extra],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder.parent)
    try:
        # The running copy answers from its own loop, which runs while the test waits.
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    finally:
        if second.poll() is None:
            second.kill()
        stdout, stderr = second.communicate()
    return subprocess.CompletedProcess(second.args, second.returncode, stdout, stderr)


def test_a_second_start_shows_the_running_window_and_ends(qtbot: QtBot, qloop: asyncio.AbstractEventLoop,
                                                          tmp_path: pathlib.Path, demo: DemoShop) -> None:
    folder = tmp_path / "demo"
    paths = app_paths(folder, demo=True)
    lock = InstanceLock(paths.ensure().lock_file).acquire()
    desktop = DesktopApp(paths, demo=demo, lock=lock)
    listener = answer_second_launches(desktop)
    desktop.begin()
    qtbot.waitUntil(lambda: desktop.window is not None and desktop.window.isVisible(), timeout=WAIT)
    window = desktop.window
    assert window is not None and listener.listening
    window.hide()  # closed to the tray, as on a shop PC most of the day

    # A start at login while the app already runs (--minimized) leaves the window where it is.
    at_login = _start_again(qtbot, folder, "--minimized")
    assert at_login.returncode == 0, at_login.stderr.decode(errors="replace")[-2000:]
    assert not window.isVisible()

    again = _start_again(qtbot, folder)
    assert again.returncode == 0, again.stderr.decode(errors="replace")[-2000:]
    assert window.isVisible() and not window.isMinimized()
    assert desktop.control is not None and desktop.control.is_running  # still the one sync, never a second

    stop = asyncio.ensure_future(desktop.shutdown())
    qtbot.waitUntil(stop.done, timeout=WAIT)
    listener.close()
    lock.release()
    window.deleteLater()


def test_a_folder_nobody_answers_for_is_not_taken_for_a_window(tmp_path: pathlib.Path) -> None:
    one, other = tmp_path / "one", tmp_path / "other"
    assert listener_name(one) != listener_name(other)
    assert listener_name(one) == listener_name(tmp_path / "x" / ".." / "one")
    # A service holds the folder's lock but listens nowhere: the second start must not count that as handed over.
    assert hand_over(one, starting_seconds=0.2) == Answer.NONE


def test_a_copy_on_its_way_out_says_so_and_the_next_start_takes_over(qtbot: QtBot, tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "data"
    listener = LaunchListener(folder, quitting=lambda: True)
    shown: list[bool] = []
    listener.show_requested.connect(lambda: shown.append(True))
    assert listener.listen()
    program = ("import pathlib, sys\n"
               "from epages_sync.ui.second_launch import hand_over\n"
               "print(hand_over(pathlib.Path(sys.argv[1])).value)")
    asking = subprocess.Popen([sys.executable, "-c", program, str(folder)],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        qtbot.waitUntil(lambda: asking.poll() is not None, timeout=30_000)  # this test's loop answers
    finally:
        if asking.poll() is None:
            asking.kill()
        stdout, stderr = asking.communicate()
        listener.close()
    assert stdout.decode().strip() == Answer.QUITTING.value, stderr.decode(errors="replace")[-2000:]
    assert not shown  # a window about to close is not brought forward

    # The copy has gone by the time the next start looks again: that start takes the lock and runs.
    paths = app_paths(folder).ensure()
    lock = InstanceLock(paths.lock_file)
    try:
        assert _hand_over(lock, paths, show=True, starting_seconds=0.2) is False and lock.held
    finally:
        lock.release()
