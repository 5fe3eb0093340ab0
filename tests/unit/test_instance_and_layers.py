"""One engine per data folder; the engine, clients and store never need Qt."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import textwrap

import pytest

from epages_sync.errors import AlreadyRunning
from epages_sync.instance import InstanceLock

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_a_second_copy_on_the_same_data_folder_is_refused(tmp_path: pathlib.Path) -> None:
    first = InstanceLock(tmp_path / "epages-sync.lock").acquire()
    try:
        with pytest.raises(AlreadyRunning) as exc:
            InstanceLock(tmp_path / "epages-sync.lock").acquire()
        assert "already running" in str(exc.value)
        # Another data folder is independent.
        InstanceLock(tmp_path / "other" / "epages-sync.lock").acquire().release()
    finally:
        first.release()
    InstanceLock(tmp_path / "epages-sync.lock").acquire().release()


def test_a_second_process_is_refused_and_a_killed_holder_frees_the_folder(tmp_path: pathlib.Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from epages_sync.instance import InstanceLock
            lock = InstanceLock(__import__('pathlib').Path({str(tmp_path / 'x.lock')!r})).acquire()
            print('held', flush=True)
            time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning) as exc:
            InstanceLock(tmp_path / "x.lock").acquire()
        assert str(holder.pid) in str(exc.value)
    finally:
        holder.kill()
        holder.wait()
    InstanceLock(tmp_path / "x.lock").acquire().release()


def test_engine_clients_and_store_import_with_qt_blocked() -> None:
    code = textwrap.dedent("""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'qasync', 'shiboken6'):
                    raise ImportError('blocked: ' + name)
                return None
        sys.meta_path.insert(0, Block())
        import pkgutil, epages_sync
        for pkg in ('epages_sync.engine', 'epages_sync.clients', 'epages_sync.store'):
            mod = importlib.import_module(pkg)
            for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):
                importlib.import_module(info.name)
        import epages_sync.__main__
        print('ok', sorted(m for m in sys.modules if m.startswith('PySide6')))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok []"


def test_a_copy_starting_while_a_window_probes_the_lock_still_starts(tmp_path: pathlib.Path) -> None:
    """A window watching a service looks at the lock now and then by taking it for a moment; a service that
    starts in that moment must wait the moment out, not give up."""
    import os
    import threading
    import time

    lock_file = tmp_path / "epages-sync.lock"
    probe = InstanceLock(lock_file).acquire()
    threading.Timer(0.1, probe.release).start()  # a probe that, unusually, holds it for 100 ms
    started = time.monotonic()
    service = InstanceLock(lock_file).acquire()
    assert time.monotonic() - started < 0.5
    assert service.held and service.lock_file.read_text(encoding="utf-8") == str(os.getpid())
    assert InstanceLock(lock_file).held_elsewhere() is True  # the window's probe sees the service
    service.release()
    assert InstanceLock(lock_file).held_elsewhere() is False
    assert lock_file.read_text(encoding="utf-8") == str(os.getpid())  # a probe writes nothing
