"""``epages-sync run --headless``: the engine without a window, printing each log row as it happens."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TextIO

from .config import FLOW_WORDS, flow_from_word
from .errors import AlreadyRunning, ConfigError, SyncError
from .instance import InstanceLock
from .logs import setup_logging
from .paths import AppPaths
from .secrets import AFOSTO_KEY_ENTRY, CLIENT_SECRET_ENTRY, Secrets, how_to_supply, not_saved
from .store import Store
from .store.models import LogEntry
from .texts import PRESS_RETRY, localize

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
        localize(row.text, lambda template: _retry_command(row.parked_id) if template == PRESS_RETRY else None),
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


def load_credentials(store: Store) -> tuple[object, str, str]:
    settings = store.load_settings()
    if settings is None or not settings.is_configured:
        raise ConfigError(
            "Nothing is configured in this data folder yet.",
            action="Run the window's setup, or 'epages-sync configure'.",
        )
    secrets = Secrets(settings.store_name or "")
    client_secret, afosto_key = secrets.client_secret(), secrets.afosto_key()
    if not client_secret or not afosto_key:
        missing = [entry for entry, value in ((CLIENT_SECRET_ENTRY, client_secret), (AFOSTO_KEY_ENTRY, afosto_key))
                   if not value]
        raise ConfigError(not_saved(missing), title="Secrets not saved",
                          action=how_to_supply(settings.store_name or "", settings.client_id or "", missing,
                                               available=secrets.available))
    return settings, client_secret, afosto_key


async def run_engine(store: Store, out: TextIO, *, once: bool, duration: float | None) -> int:
    from .engine.service import EngineState, SyncService

    settings, client_secret, afosto_key = load_credentials(store)
    service = SyncService(settings, store, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
    last = store.newest_log_id()

    def show(_newest: int) -> None:
        nonlocal last
        for row in store.log_after(last, limit=1000):
            print(format_row(row), file=out, flush=True)
            last = row.id

    unsubscribe = store.subscribe(show)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C arrives as KeyboardInterrupt
            pass
    failed = False
    try:
        if once:
            try:
                await service.run_once()
            except SyncError as exc:
                print(f"{exc}\n{exc.action}", file=sys.stderr)
                failed = True
        else:
            await service.start()
            try:
                await asyncio.wait_for(stop.wait(), timeout=duration)
            except TimeoutError:
                pass
        health = service.health()
        if any(not f.enabled and f.flow in settings.flows for f in health.flows):  # type: ignore[attr-defined]
            failed = True
        if health.state == EngineState.ATTENTION and any(
            not m.startswith("Engine") for m in health.attention if "item(s) need a person" not in m
        ):
            failed = True
    finally:
        await service.stop() if not once else await service.close()
        unsubscribe()
        show(0)
    health = service.health()
    print(
        f"Summary: {health.orders_linked} orders linked, {health.parked_count} parked item(s), "
        f"outbox {health.outbox_depth}.",
        file=out,
    )
    for flow in health.flows:
        if not flow.enabled and flow.flow in settings.flows:  # type: ignore[attr-defined]
            print(f"  {FLOW_WORDS[flow.flow]}: not running ({flow.reason})", file=out)
    return EXIT_FLOW_FAILED if failed else EXIT_OK


def cmd_run(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    paths.ensure()
    try:
        lock = InstanceLock(paths.lock_file).acquire()
    except AlreadyRunning as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_FLOW_FAILED
    setup_logging(paths.log_dir)
    store = Store.open(paths.database)
    try:
        return asyncio.run(run_engine(store, out, once=args.once, duration=args.duration))
    except KeyboardInterrupt:
        return 130
    finally:
        store.close()
        lock.release()
