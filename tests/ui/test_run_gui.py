"""The command itself: ``epages-sync --demo`` starts, syncs, and stops cleanly on Ctrl+C; and the notices
the tray shows only when a person must act."""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import sqlite3
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from epages_sync.engine.service import EngineState, Health
from epages_sync.ui.notices import AttentionNotices

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _messages(database: pathlib.Path) -> list[str]:
    if not database.exists():
        return []
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as conn:
            return [r[0] for r in conn.execute("SELECT message FROM log ORDER BY id")]
    except sqlite3.Error:  # not created yet, or busy for a moment
        return []


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT as Ctrl+C does in a terminal")
def test_the_demo_command_syncs_and_stops_cleanly_on_ctrl_c(qtbot: QtBot, tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "epages_sync", "--demo", "--data-dir", str(folder)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    database = folder / "epages-sync.sqlite3"
    try:
        qtbot.waitUntil(lambda: any("imported into Afosto" in m for m in _messages(database)), timeout=30_000)
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    _, stderr = proc.communicate()
    assert code == 0, stderr.decode(errors="replace")[-2000:]
    messages = _messages(database)
    assert messages[-1] == "Sync stopped."  # the engine stopped before the store closed
    assert (folder / "logs" / "epages-sync.log").exists()


def _health(*, parked: int = 0, attention: list[str] | None = None) -> Health:
    attention = list(attention or [])
    if parked:
        attention.append(f"{parked} item(s) need a person: see the log's 'needs attention' rows.")
    return Health(state=EngineState.ATTENTION if attention else EngineState.RUNNING, message="",
                  parked_count=parked, attention=attention)


def test_notices_only_when_a_person_must_act_and_never_in_floods() -> None:
    now = [0.0]
    notices = AttentionNotices(quiet_seconds=600, clock=lambda: now[0])
    assert notices.consider(_health()) == []  # routine work: nothing
    first = notices.consider(_health(parked=1))
    assert [(n.kind, n.count) for n in first] == [("parked", 1)]
    assert notices.consider(_health(parked=1)) == []  # the same item again: nothing new
    now[0] += 60
    assert notices.consider(_health(parked=3)) == []  # more items within the quiet period: no flood
    now[0] += 600
    assert [n.count for n in notices.consider(_health(parked=4))] == [4]

    refused = "ePages: Credentials refused: ePages refused the client id and secret. Check them."
    got = notices.consider(_health(parked=4, attention=[refused]))
    assert [(n.kind, n.message) for n in got] == [("attention", refused)]
    assert notices.consider(_health(parked=4, attention=[refused])) == []  # still the same problem
