"""How the window holds up: stalls of the Qt event loop while the demo imports 5,000 orders, and opening,
scrolling and memory with a log of a million rows.

Run from the repository root:  PYTHONPATH=. python3 benchmarks/bench_ui.py [--orders 5000] [--rows 1000000]
Each part runs in a process of its own (so one part's memory does not count for the other) and the results
are printed as one table. The import runs twice, side by side: as ``--demo`` runs it (the simulated shop
served from the window's own process, sharing its interpreter) and with the simulated shop served by a
process of its own (what the window carries in a real shop); ``--skip-apart`` leaves out the second. Targets: event-loop lateness p99 under 16 ms and none over 100 ms; the window
open in under 1 s; scrolling never loads every row; memory under 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE_MS = 5


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _qt() -> tuple[Any, Any]:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)  # as in the app: closing the window must not end the loop mid-stop
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=4))
    return app, loop


class LatenessProbe:
    """A timer asking to run every few ms; how late each tick comes is how long the loop was stalled."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.samples: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(SAMPLE_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, (now - self._last) * 1000 - SAMPLE_MS))
        self._last = now


class StallStacks:
    """Where every thread is while the loop stands still: a watchdog thread looks at the probe's last tick
    every millisecond and, while it is more than ``after_ms`` late, notes each thread's innermost frames.

    The watchdog needs the interpreter lock too, so a long C call (a ``json.loads``, a pydantic validation)
    shows as the frame that made it, sampled as soon as it returns: the counts say where the stalls come
    from, not how long each call took.
    """

    def __init__(self, probe: LatenessProbe, after_ms: float = 20.0, depth: int = 6) -> None:
        import threading

        self.probe = probe
        self.after_s = after_ms / 1000
        self.depth = depth
        self.counts: dict[tuple[str, str], int] = {}
        self.samples = 0
        # Each stall: roughly how long (ms), and where the loop's thread was in the project's code.
        self.episodes: list[tuple[float, dict[str, int]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-stacks", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _where(self, frame: Any) -> str:
        parts = []
        while frame is not None and len(parts) < self.depth:
            code = frame.f_code
            name = code.co_filename
            short = name.split("/epages_sync/")[-1] if "/epages_sync/" in name else name.rsplit("/", 2)[-1]
            parts.append(f"{short}:{frame.f_lineno} {code.co_name}")
            frame = frame.f_back
        return " < ".join(parts)

    def _ours(self, frame: Any) -> str:
        """The innermost frames of the project's own code (what it was doing, under any library)."""
        parts = []
        while frame is not None and len(parts) < 3:
            name = frame.f_code.co_filename
            if "/epages_sync/" in name:
                parts.append(f"{name.split('/epages_sync/')[-1]}:{frame.f_lineno} {frame.f_code.co_name}")
            frame = frame.f_back
        return " < ".join(parts) or "(outside the project's code)"

    def _watch(self) -> None:
        import threading

        me = threading.get_ident()
        main = threading.main_thread().ident
        names = {}
        episode: dict[str, int] = {}
        began = 0.0
        while not self._stop.wait(0.001):
            last = self.probe._last
            if not self.probe.timer.isActive() or time.perf_counter() - last < self.after_s:
                if episode:
                    self.episodes.append(((last - began) * 1000 + self.after_s * 1000, episode))
                    episode = {}
                continue
            if not episode:
                began = last
            names.update({t.ident: t.name for t in threading.enumerate()})
            self.samples += 1
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                key = (names.get(ident, str(ident)), self._where(frame))
                self.counts[key] = self.counts.get(key, 0) + 1
                if ident == main:
                    ours = self._ours(frame)
                    episode[ours] = episode.get(ours, 0) + 1

    def report(self, top: int = 12) -> str:
        by_thread: dict[str, list[tuple[int, str]]] = {}
        for (thread, where), n in self.counts.items():
            by_thread.setdefault(thread, []).append((n, where))
        lines = [f"{self.samples} samples while the loop was over {self.after_s * 1000:.0f} ms late",
                 "-- the longest stalls, with where the loop's thread was (samples)"]
        for ms, where in sorted(self.episodes, key=lambda e: -e[0])[:top * 3]:
            lines.append(f"{ms:6.0f} ms  " + " | ".join(
                f"{n}x {w}" for w, n in sorted(where.items(), key=lambda kv: -kv[1])[:3]))
        ours: dict[str, int] = {}
        for _ms, where in self.episodes:
            for w, n in where.items():
                ours[w] = ours.get(w, 0) + n
        lines.append("-- the loop's thread in all stalls, by the project's innermost frames")
        lines += [f"{n:6d}  {w}" for w, n in sorted(ours.items(), key=lambda kv: -kv[1])[:top * 2]]
        for thread, rows in sorted(by_thread.items(), key=lambda kv: -sum(n for n, _ in kv[1])):
            lines.append(f"-- {thread}")
            lines += [f"{n:6d}  {where}" for n, where in sorted(rows, reverse=True)[:top]]
        return "\n".join(lines)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- part 1: the demo importing thousands of orders ---------------------------------------------------------

def _demo_served_apart(orders: int) -> Any:
    """The demo's shop, served by ``epages-sync sandbox`` in a process of its own: the window then carries
    only what it carries in a real shop (the engine and itself), not the simulated servers."""
    import contextlib
    import socket

    from epages_sync.secrets import keyring_backend
    from epages_sync.ui.demo import DEMO_STORES, DemoShop

    class DemoApart(DemoShop):
        @contextlib.contextmanager
        def running(self):  # type: ignore[no-untyped-def]
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            # Same seed and order count as this process's copy, so the settings it derives fit the server.
            server = subprocess.Popen(
                [sys.executable, "-m", "epages_sync", "sandbox", "--port", str(port), "--orders", str(orders),
                 "--activity", "calm", "--seed", "1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            try:
                assert server.stdout is not None
                server.stdout.readline()  # "Sandbox running at ...": it listens
                with keyring_backend(self.keyring):
                    self.url = f"http://127.0.0.1:{port}"
                    yield self.url
            finally:
                self.url = None
                server.terminate()
                server.wait(timeout=20)

    # One store: the sandbox process serves the one shop it always served.
    return DemoApart(orders=orders, activity="calm", stores=DEMO_STORES[:1])


def _healths(services: list[Any]) -> list[Any]:
    return [service.health() for service in services]


def part_import(orders: int, limit_s: float, hidden: bool = False, apart: bool = False,
                stores: int = 1, stall_stacks: Path | None = None) -> dict[str, Any]:
    from epages_sync.paths import app_paths
    from epages_sync.ui.app import DesktopApp
    from epages_sync.ui.demo import DEMO_STORES, DemoShop

    _app, loop = _qt()
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        demo = (_demo_served_apart(orders) if apart
                else DemoShop(orders=orders, activity="calm", stores=DEMO_STORES[:stores]))
        result["sandbox_build_s"] = time.perf_counter() - t0
        probe = LatenessProbe()
        stalls = StallStacks(probe) if stall_stacks else None
        with demo.running():
            desktop = DesktopApp(app_paths(Path(tmp) / "demo", demo=True), demo=demo)
            done = {"t": None}

            async def watch() -> None:
                await asyncio.sleep(0)
                desktop.begin()
                while desktop.window is None:
                    await asyncio.sleep(0.05)
                desktop.window.resize(1280, 800)
                if hidden:  # the same work without painting: what the window itself adds
                    desktop.window.hide()
                started = time.perf_counter()
                probe.start()
                if stalls:
                    stalls.start()
                while time.perf_counter() - started < limit_s:
                    await asyncio.sleep(0.5)
                    # Every store's import done (each its own shop of ``orders`` orders). Read in a worker:
                    # the store is the engine's meanwhile, and this look is the benchmark's, not the window's.
                    services = [s.control.service for s in desktop.slots
                                if s.control is not None and s.control.service is not None]
                    healths = await asyncio.to_thread(_healths, services)
                    if len(healths) == stores and all(
                            h.orders_linked + h.parked_count >= orders * 0.99 and h.last_good_poll is not None
                            for h in healths):
                        break
                done["t"] = time.perf_counter() - started
                probe.stop()
                if stalls and stall_stacks:
                    stalls.stop()
                    await asyncio.to_thread(stall_stacks.write_text, stalls.report(), encoding="utf-8")
                healths = [s.control.health() for s in desktop.slots if s.control is not None]
                result["orders_linked"] = sum(h.orders_linked for h in healths)
                result["parked"] = sum(h.parked_count for h in healths)
                result["log_rows_in_model"] = desktop.window.log_model.rowCount()
                result["log_rows_stored"] = sum(s.store.newest_log_id() for s in desktop.slots if s.store is not None)
                await desktop.shutdown()
                loop.stop()

            loop.create_task(watch())
            loop.run_forever()
    samples = probe.samples
    result.update({
        "import_s": done["t"], "ticks": len(samples), "p50_ms": _percentile(samples, 0.5),
        "p99_ms": _percentile(samples, 0.99), "max_ms": max(samples, default=float("nan")),
        "over_16ms": sum(1 for s in samples if s > 16), "over_100ms": sum(1 for s in samples if s > 100),
        "peak_rss_mb": _peak_rss_mb()})
    return result


# -- part 2: a million log rows -----------------------------------------------------------------------------

def part_build_log(path: Path, rows: int) -> dict[str, Any]:
    from epages_sync.store import Direction, LogRow, Outcome, Store

    rng = random.Random(3)
    store = Store.open(path)
    parked = [store.park("order", str(100000 + k * 991), "SKU 4711 is unknown in Afosto.") for k in range(30)]
    flows = [("orders", Direction.EPAGES_TO_AFOSTO), ("shipments", Direction.AFOSTO_TO_EPAGES),
             ("inventory", Direction.AFOSTO_TO_EPAGES), ("returns", Direction.EPAGES_TO_AFOSTO),
             (None, Direction.SYSTEM)]
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=80)
    t0 = time.perf_counter()
    batch = 10_000
    for first in range(0, rows, batch):
        chunk = []
        for i in range(first, min(rows, first + batch)):
            flow, direction = flows[rng.randrange(len(flows))]
            outcome = Outcome.PARKED if i % 20_000 == 0 else Outcome.OK
            order = 100000 + i // 6
            chunk.append(LogRow(
                at=start + dt.timedelta(seconds=i * 6.9), direction=direction, flow=flow, outcome=outcome,
                epages_ref=str(order) if flow else None, afosto_ref=f"A{order}" if flow else None,
                message=f"Order {order}: shipment sent to ePages with tracking code 3S{order}.",
                parked_id=rng.choice(parked) if outcome is Outcome.PARKED else None))
        store.add_logs(chunk)
    store.close()
    return {"rows": rows, "write_s": time.perf_counter() - t0}


def part_open_log(path: Path, scroll_pages: int) -> dict[str, Any]:
    from epages_sync.store import Store
    from epages_sync.ui.background import UiTasks
    from epages_sync.ui.main_window import MainWindow
    from epages_sync.ui.sync_actions import SyncActions
    from epages_sync.ui.sync_control import SyncControl

    _app, loop = _qt()
    result: dict[str, Any] = {"rss_before_mb": _rss_mb()}

    async def run() -> None:
        t0 = time.perf_counter()
        store = Store.open(path)
        result["store_open_ms"] = (time.perf_counter() - t0) * 1000
        control = SyncControl(store)
        tasks = UiTasks()
        window = MainWindow(store, control, SyncActions(), tasks, data_dir=str(path.parent))
        window.resize(1280, 800)
        window.follow(control.health())
        window.show()
        model = window.log_model
        while not model.is_loaded:
            await asyncio.sleep(0.001)
        window.repaint()  # painted with the first page: what a person sees
        result["window_open_ms"] = (time.perf_counter() - t0) * 1000
        result["total_rows"] = model.total_count
        result["rows_after_open"] = model.rowCount()
        probe = LatenessProbe()
        probe.start()
        bar = window.log_panel.table.verticalScrollBar()
        t1 = time.perf_counter()
        for _ in range(scroll_pages):
            bar.setValue(bar.maximum())  # to the bottom: the view asks for the next page
            await asyncio.sleep(0.02)  # Qt's loop lays out and calls fetchMore meanwhile
            while model.is_busy:
                await asyncio.sleep(0.001)
        result["scroll_s"] = time.perf_counter() - t1
        result["scroll_to_bottom_times"] = scroll_pages
        result["rows_after_scrolling"] = model.rowCount()
        for text in ("100123", "A100123"):  # search as a person types an order number
            window.log_panel.search.setText(text)
            window.log_panel._on_filters_changed()
            t2 = time.perf_counter()
            while not model.is_loaded or model.is_busy:
                await asyncio.sleep(0.001)
            result[f"search_{text}_ms"] = (time.perf_counter() - t2) * 1000
        probe.stop()
        result["scroll_p99_ms"] = _percentile(probe.samples, 0.99)
        result["scroll_max_ms"] = max(probe.samples, default=float("nan"))
        result["scroll_ticks"] = len(probe.samples)
        result["rss_after_mb"] = _rss_mb()
        result["peak_rss_mb"] = _peak_rss_mb()
        window.allow_close()
        window.close()
        store.close()
        loop.stop()

    loop.create_task(run())
    loop.run_forever()
    return result


# -- running the parts --------------------------------------------------------------------------------------

def _child(args: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise SystemExit(f"part {args} failed:\n{out.stderr[-4000:]}")
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--limit", type=float, default=900, help="seconds to wait for the import at most")
    parser.add_argument("--scroll", type=int, default=50, help="how often to scroll to the bottom")
    parser.add_argument("--log-db", type=Path, help="reuse (or keep) the million-row database here")
    parser.add_argument("--hidden-window", action="store_true",
                        help="import with the window hidden, to tell the window's share of the stalls")
    parser.add_argument("--stores", type=int, choices=[1, 2], default=1,
                        help="demo stores importing at once, each its own shop of --orders orders (the demo "
                             "window opens two; one is what the figures were always measured with)")
    parser.add_argument("--skip-apart", action="store_true",
                        help="skip the second import, with the simulated shop served by a process of its own")
    parser.add_argument("--stall-stacks", type=Path, metavar="FILE",
                        help="write where each thread was while the loop stood still (over 20 ms) to FILE")
    parser.add_argument("--apart", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--part", choices=["import", "build-log", "open-log"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.part:
        part = {"import": lambda: part_import(args.orders, args.limit, args.hidden_window, args.apart, args.stores,
                                             args.stall_stacks),
                "build-log": lambda: part_build_log(args.path, args.rows),
                "open-log": lambda: part_open_log(args.path, args.scroll)}[args.part]
        print(json.dumps(part()), flush=True)
        # The figures are out; skip the interpreter's final collection of Qt wrappers, where PySide6 6.12
        # on Python 3.11 has been seen to abort (a refcount fault of the binding, not of the measured code).
        os._exit(0)

    rows: list[tuple[str, str, str]] = []
    shown = "window hidden" if args.hidden_window else "window shown"
    common = ["--part", "import", "--orders", str(args.orders), "--limit", str(args.limit),
              "--stores", str(args.stores)] + (["--hidden-window"] if args.hidden_window else []) + (
                  ["--stall-stacks", str(args.stall_stacks.resolve())] if args.stall_stacks else [])
    runs = [("sandbox in the window's process, as --demo runs it", common)]
    if not args.skip_apart:
        runs.append(("sandbox in a process of its own, as a real shop's servers", [*common, "--apart"]))
    for where, part_args in runs:
        imp = _child(part_args)
        rows += [
            (f"demo import of {args.orders:,} orders{' in each of two stores' if args.stores == 2 else ''} "
             f"({shown}), {where}", f"{imp['import_s']:.1f} s",
             f"{imp['orders_linked']:,} linked, {imp['parked']} parked, {imp['log_rows_stored']:,} log rows"),
            ("  event loop lateness p50 / p99", f"{imp['p50_ms']:.1f} / {imp['p99_ms']:.1f} ms", "target p99 < 16 ms"),
            ("  event loop lateness max", f"{imp['max_ms']:.1f} ms", "target < 100 ms"),
            ("  ticks late > 16 ms / > 100 ms", f"{imp['over_16ms']} / {imp['over_100ms']}",
             f"of {imp['ticks']:,} ticks every {SAMPLE_MS} ms"),
            ("  rows held by the log model at the end", f"{imp['log_rows_in_model']:,}",
             "trimmed while watching the top"),
            ("  peak memory of the window's process", f"{imp['peak_rss_mb']:.0f} MB", ""),
        ]
    tmp = tempfile.TemporaryDirectory()
    db = args.log_db or Path(tmp.name) / "log.sqlite3"
    if not db.exists():
        built = _child(["--part", "build-log", "--path", str(db), "--rows", str(args.rows)])
        rows.append((f"writing {built['rows']:,} log rows (add_logs, 10,000 per batch)", f"{built['write_s']:.1f} s",
                     f"{built['rows'] / built['write_s']:,.0f} rows/s"))
    log = _child(["--part", "open-log", "--path", str(db), "--scroll", str(args.scroll)])
    rows += [
        ("open the main window on the big log", f"{log['window_open_ms']:.0f} ms",
         f"store open {log['store_open_ms']:.0f} ms; target < 1000 ms"),
        ("  rows matching / loaded after opening", f"{log['total_rows']:,} / {log['rows_after_open']:,}", ""),
        (f"  scroll to the bottom {log['scroll_to_bottom_times']} times", f"{log['scroll_s']:.2f} s",
         f"{log['rows_after_scrolling']:,} rows loaded of {log['total_rows']:,}"),
        ("  event loop lateness while scrolling p99 / max", f"{log['scroll_p99_ms']:.1f} / {log['scroll_max_ms']:.1f} ms",
         ""),
        ("  search an order number / an Afosto reference",
         f"{log['search_100123_ms']:.0f} / {log['search_A100123_ms']:.0f} ms", ""),
        ("  memory after opening and scrolling", f"{log['rss_after_mb']:.0f} MB",
         f"peak {log['peak_rss_mb']:.0f} MB; target < 300 MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'result':>20}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>20}  {note}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
