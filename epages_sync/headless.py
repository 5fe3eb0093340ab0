"""``epages-sync run --headless``: the engine without a window (every store of the installation, each in the same
event loop), printing each log row as it happens."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TextIO, TypeVar

from .cli_stores import chosen_store, store_paths
from .config import FLOW_WORDS, flow_from_word
from .data_folder import check_folders, open_store
from .errors import AlreadyRunning, ConfigError, SyncError
from .instance import InstanceLock
from .logs import setup_logging
from .paths import AppPaths
from .secrets import AFOSTO_KEY_ENTRY, CLIENT_SECRET_ENTRY, Secrets, how_to_supply, not_saved
from .store import Store
from .store.models import LogEntry
from .store_folders import StoreFolder, store_folders
from .texts import PRESS_RETRY, Text, localize

if TYPE_CHECKING:
    from .engine.context import WorkProgress
    from .engine.service import Health, SyncService
    from .engine.store_set import StoreSet

T = TypeVar("T")

EXIT_OK = 0
EXIT_FLOW_FAILED = 1
EXIT_CONFIG = 2


def format_row(row: LogEntry) -> str:
    arrow = {"epages_to_afosto": "ePages->Afosto", "afosto_to_epages": "Afosto->ePages"}.get(
        str(row.direction), "system"
    )
    parts = [
        row.at.astimezone().strftime("%H:%M:%S"),
        f"{arrow:<14}",
        f"{_flow_word(row.flow):<13}",
        f"{row.outcome!s:<8}",
        localize(row.text, lambda template: _retry_command(row.parked_id) if template == PRESS_RETRY else ""),
    ]
    return "  ".join(parts)


def _flow_word(stored: str | None) -> str:
    flow = flow_from_word(stored or "")
    return FLOW_WORDS[flow] if flow is not None else stored or "-"


def _retry_command(parked_id: int | None) -> str:
    """What the command line says where the window names its Retry button: there is no button here."""
    if parked_id is None:
        return "run 'epages-sync retry' with the item's number from 'epages-sync parked'"
    return f"run 'epages-sync retry {parked_id}'"


def format_progress(progress: WorkProgress, now: dt.datetime) -> str:
    """'Importing orders since 1 Jan 2020: 257 of 1,500, about 1 min left'."""
    since = progress.since
    if progress.first_import or not isinstance(since, dt.datetime):
        day = since.astimezone().date() if isinstance(since, dt.datetime) else since
        head = f"Importing orders since {day.day} {day:%b %Y}"
    else:
        head = f"Reading order changes since {since.astimezone():%H:%M}"
    if progress.total is None:
        return f"{head}: {progress.done:,} so far"
    text = f"{head}: {progress.done:,} of {progress.total:,}"
    minutes = progress.minutes_left(now)
    if minutes is not None:
        text += ", less than a minute left" if minutes == 0 else f", about {minutes:,} min left"
    return text


class ProgressLine:
    """Shows a long poll's progress: on a terminal one line redrawn in place (log rows print above it); in
    a file or a service journal a plain line now and then."""

    WIDTH = 20

    def __init__(self, out: TextIO, *, every_seconds: float = 10.0) -> None:
        self._out = out
        self._terminal = bool(getattr(out, "isatty", lambda: False)())
        self._every = every_seconds
        self._shown = ""  # the line on screen (terminal only)
        self._last_plain = 0.0
        self._progress: WorkProgress | None = None

    def update(self, progress: WorkProgress | None) -> None:
        self._progress = progress if progress is not None and progress.worth_showing else None
        if self._terminal:
            self._draw()
        elif self._progress is not None and time.monotonic() - self._last_plain >= self._every:
            self._last_plain = time.monotonic()
            print(format_progress(self._progress, dt.datetime.now(dt.UTC)), file=self._out, flush=True)
        elif progress is None:
            self._last_plain = 0.0  # the next long poll reports at once

    def print_row(self, text: str) -> None:
        """A log row, above the progress line."""
        self._clear()
        print(text, file=self._out, flush=True)
        if self._terminal:
            self._draw()

    def _clear(self) -> None:
        if self._shown:
            self._out.write("\r\033[K")
            self._shown = ""

    def _draw(self) -> None:
        self._clear()
        progress = self._progress
        if progress is None:
            self._out.flush()
            return
        filled = int(self.WIDTH * progress.done / progress.total) if progress.total else 0
        self._shown = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] " + format_progress(
            progress, dt.datetime.now(dt.UTC))
        self._out.write(self._shown)
        self._out.flush()


def load_credentials(store: Store, paths: AppPaths) -> tuple[object, str, str]:
    settings = store.load_settings()
    if settings is None or not settings.is_configured:
        raise ConfigError(
            "Nothing is configured in this data folder yet.",
            action="Run the window's setup, or 'epages-sync configure'.",
        )
    secrets = Secrets.of_folder(paths, settings.store_name or "")
    client_secret, afosto_key = secrets.client_secret(), secrets.afosto_key()
    if not client_secret or not afosto_key:
        missing = [entry for entry, value in ((CLIENT_SECRET_ENTRY, client_secret), (AFOSTO_KEY_ENTRY, afosto_key))
                   if not value]
        raise ConfigError(not_saved(missing), title="Secrets not saved",
                          action=how_to_supply(settings.store_name or "", settings.client_id or "", missing,
                                               available=secrets.available))
    return settings, client_secret, afosto_key


async def run_engine(store: Store, paths: AppPaths, out: TextIO, *, once: bool, duration: float | None) -> int:
    from .engine.service import SyncService

    settings, client_secret, afosto_key = load_credentials(store, paths)
    service = SyncService(settings, store, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
    last = store.newest_log_id()
    line = ProgressLine(out)

    def show(_newest: int) -> None:
        nonlocal last
        for row in store.log_after(last, limit=1000):
            line.print_row(format_row(row))
            last = row.id

    unsubscribe = store.subscribe(show)
    stop_progress = service.on_health(lambda health: line.update(health.progress))
    stop = _stop_on_signals()
    failed = False
    try:
        if once:
            try:
                await _unless_stopped(service.run_once(), stop)
            except SyncError as exc:
                print(f"{exc}\n{exc.action}", file=sys.stderr)
                failed = True
        else:
            await service.start()
            try:
                await asyncio.wait_for(stop.wait(), timeout=duration)
            except TimeoutError:
                pass
        failed = failed or _flows_failed(service)
    finally:
        await service.stop() if not once else await service.close()
        unsubscribe()
        stop_progress()
        line.update(None)
        show(0)
    _print_summary(service, out)
    return EXIT_FLOW_FAILED if failed else EXIT_OK


async def show_preview(store: Store, paths: AppPaths, out: TextIO, *, as_json: bool) -> int:
    """``run --dry-run``: read both systems, plan, print what the sync would do; write to neither."""
    from .engine.service import SyncService

    settings, client_secret, afosto_key = load_credentials(store, paths)
    service = SyncService(settings, store, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
    try:
        preview = await service.preview()
    except SyncError as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_FLOW_FAILED
    if as_json:
        print(json.dumps(preview.as_dict(), indent=2, ensure_ascii=False), file=out)
    else:
        print("Preview: nothing was written to ePages or Afosto.", file=out)
        for line in preview.lines():
            print(line, file=out)
    return EXIT_OK


def cmd_run(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    dry_run = bool(getattr(args, "dry_run", False))
    if not args.headless and not dry_run:
        print("'run' needs --headless (sync without a window) or --dry-run (show what the sync would do). "
              "To open the window, start epages-sync without 'run'.", file=sys.stderr)
        return EXIT_CONFIG
    stores = store_folders(paths)
    several = len(stores) > 1 and not dry_run
    # One store (or none set up yet), or a preview: one data folder, exactly as a single store always ran.
    folder = paths if several else store_paths(args, paths, command="run --dry-run" if dry_run else "run")
    named = chosen_store(args, paths, command="run") if several and getattr(args, "store", None) else None
    chosen = [named] if named is not None else stores
    check_folders(paths)  # before the lock file is made in the folder
    try:
        lock = InstanceLock(paths.lock_file).acquire()
    except AlreadyRunning as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_FLOW_FAILED
    try:
        setup_logging(paths.log_dir)
        if several:
            return _run_stores(args, stores, chosen, out)
        store = open_store(folder, rebuild=bool(getattr(args, "rebuild", False)),
                           told=lambda text: print(text, file=out))
        try:
            if dry_run:
                return asyncio.run(show_preview(store, folder, out, as_json=bool(args.json)))
            return asyncio.run(run_engine(store, folder, out, once=args.once, duration=args.duration))
        except KeyboardInterrupt:
            return 130
        finally:
            store.close()
    finally:
        lock.release()


def _run_stores(args: argparse.Namespace, stores: list[StoreFolder], chosen: list[StoreFolder],
                out: TextIO) -> int:
    """``run --headless`` for several stores: each opened on its own; one that cannot run is said and left
    out, and the others run."""
    from .engine.store_set import StoreSet

    engines = StoreSet()
    opened: list[Store] = []
    failed = False
    try:
        for folder in stores:
            if folder not in chosen:
                # Not run by this command, but its shop sells from the same stock: the others count it.
                locations = _stock_locations(folder)
                if locations is not None:
                    engines.add_problem(folder.name, ConfigError(Text("not run by this command")),
                                        stock_locations=locations)
                continue
            try:
                store = open_store(folder.paths, rebuild=bool(getattr(args, "rebuild", False)),
                                   told=_told_with(folder.name, out))
            except SyncError as exc:
                print(f"[{folder.name}] cannot run: {exc}\n[{folder.name}] {exc.action}", file=sys.stderr)
                engines.add_problem(folder.name, exc, stock_locations=_stock_locations(folder))
                failed = True
                continue
            opened.append(store)
            try:
                settings, client_secret, afosto_key = load_credentials(store, folder.paths)
            except SyncError as exc:
                print(f"[{folder.name}] cannot run: {exc}\n[{folder.name}] {exc.action}", file=sys.stderr)
                loaded = store.load_settings()
                engines.add_problem(folder.name, exc,
                                    stock_locations=loaded.stock_locations if loaded and loaded.is_configured
                                    else None)
                failed = True
                continue
            engines.add(settings, store, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
        if not engines.services:
            return EXIT_FLOW_FAILED if failed else EXIT_CONFIG
        try:
            code = asyncio.run(run_store_set(engines, out, once=args.once, duration=args.duration))
        except KeyboardInterrupt:
            return 130
        return EXIT_FLOW_FAILED if failed else code
    finally:
        for store in opened:
            store.close()


def _told_with(name: str, out: TextIO) -> Callable[[str], None]:
    return lambda text: print(f"[{name}] {text}", file=out)


def _stock_locations(folder: StoreFolder) -> list[str] | None:
    """The stock locations a store's saved settings name, read from its settings copy; None when unknown."""
    from .store.settings_copy import SettingsCopy
    from .store.state import parse_settings

    saved = SettingsCopy(folder.paths.settings_copy).read()
    try:
        settings = parse_settings(saved) if saved is not None else None
    except SyncError:
        return None
    return settings.stock_locations if settings is not None and settings.is_configured else None


async def run_store_set(engines: StoreSet, out: TextIO, *, once: bool, duration: float | None) -> int:
    """Run every store of the set in this event loop, printing each store's log rows with its name."""
    line = ProgressLine(out)
    stops = []
    shown: dict[str, int] = {}

    def printer(name: str, store: Store) -> Callable[[int], None]:
        def show(_newest: int) -> None:
            for row in store.log_after(shown[name], limit=1000):
                line.print_row(f"[{name}] {format_row(row)}")
                shown[name] = row.id
        return show

    shows = []
    for service in engines.services:
        name = service.settings.store_name or ""
        shown[name] = service.store.newest_log_id()
        show = printer(name, service.store)
        shows.append(show)
        stops.append(service.store.subscribe(show))
        stops.append(service.on_health(_progress_to(line)))
    stop = _stop_on_signals()
    failed: set[str] = set()
    try:
        if once:
            results = await _unless_stopped(asyncio.gather(
                *(service.run_once() for service in engines.services), return_exceptions=True), stop)
            for service, result in zip(engines.services, results, strict=True):
                if isinstance(result, SyncError):
                    print(f"[{service.settings.store_name}] {result}\n{result.action}", file=sys.stderr)
                    failed.add(service.settings.store_name or "")
                elif isinstance(result, BaseException):
                    raise result
        else:
            await engines.start()
            try:
                await asyncio.wait_for(stop.wait(), timeout=duration)
            except TimeoutError:
                pass
        failed.update(s.settings.store_name or "" for s in engines.services if _flows_failed(s))
    finally:
        if once:
            await engines.close()
        else:
            await engines.stop()
        for unsubscribe in stops:
            unsubscribe()
        line.update(None)
        for show in shows:
            show(0)
    for service in engines.services:
        _print_summary(service, out, prefix=f"[{service.settings.store_name}] ")
    return EXIT_FLOW_FAILED if failed else EXIT_OK


async def _unless_stopped(work: Awaitable[T], stop: asyncio.Event) -> T:
    """``work``, cancelled when Ctrl+C or a stop from the service manager comes first (``--once``)."""
    task = asyncio.ensure_future(work)
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    if not task.done():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        raise KeyboardInterrupt  # the command ends as after Ctrl+C (exit code 130), the stores closed
    return await task


def _stop_on_signals() -> asyncio.Event:
    """An event set by Ctrl+C or a service manager's stop (SIGINT, SIGTERM)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            pass
    return stop


def _print_summary(service: SyncService, out: TextIO, *, prefix: str = "") -> None:
    health = service.health()
    print(f"{prefix}Summary: {health.orders_linked} orders linked, {health.parked_count} parked item(s), "
          f"outbox {health.outbox_depth}.", file=out)
    for flow in health.flows:
        if not flow.enabled and flow.flow in service.settings.flows:
            print(f"  {FLOW_WORDS[flow.flow]}: not running ({flow.reason})", file=out)


def _progress_to(line: ProgressLine) -> Callable[[Health], None]:
    return lambda health: line.update(health.progress)


def _flows_failed(service: SyncService) -> bool:
    """A chosen flow cannot run, or something other than parked items needs a person."""
    from .engine.service import EngineState

    health = service.health()
    if any(not f.enabled and f.flow in service.settings.flows for f in health.flows):
        return True
    return health.state == EngineState.ATTENTION and any(
        not m.startswith("Engine") for m in health.attention if "item(s) need a person" not in m)
