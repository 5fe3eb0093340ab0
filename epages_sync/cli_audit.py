"""``epages-sync audit``: compare both systems through their public APIs and list what differs.

Each difference also becomes an attention item (seen in the window and in ``epages-sync parked``); the exit
code is 1 when anything differs, so a script or a monitoring job notices.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from collections import Counter
from typing import Any, TextIO, cast

from .clients.afosto import AfostoClient
from .clients.epages import EpagesClient
from .config import Settings
from .data_folder import add_rebuild_option, open_for_command
from .engine.audit import compare_both_systems, held_back, read_both_sides, summary
from .engine.shared_stock import draw_from_the_same
from .errors import SyncError
from .headless import load_credentials
from .paths import AppPaths
from .store_folders import store_folders

EXIT_SAME = 0
EXIT_DIFFERENT = 1


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day; write it as YYYY-MM-DD.") from None


def add_audit_parser(sub: Any) -> argparse.ArgumentParser:
    audit = sub.add_parser(
        "audit", help="compare both systems (orders, units, stock) and list every difference",
        description="Reads ePages and Afosto (only their public APIs, never this app's own records) and lists "
                    "orders missing in Afosto, orders in Afosto more than once, unit counts that differ and "
                    "stock figures that differ from the stock rule. Exit code 1 when anything differs.")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--since", type=_day, metavar="DATE",
                       help="only orders created on or after this day (YYYY-MM-DD; default: the start date)")
    add_rebuild_option(audit)
    return audit


async def _audit(args: argparse.Namespace, paths: AppPaths, out: TextIO, installation: AppPaths | None) -> int:
    store = open_for_command(args, paths, out)
    try:
        loaded, client_secret, afosto_key = load_credentials(store, paths)
        settings = cast(Settings, loaded)
        elsewhere = await _held_elsewhere(installation, paths, settings, out) if installation else None
        async with EpagesClient.from_settings(settings, client_secret) as epages, \
                AfostoClient.from_settings(settings, afosto_key) as afosto:
            found = await compare_both_systems(epages, afosto, settings, store, since=args.since,
                                               held_elsewhere=elsewhere)
    finally:
        store.close()
    if args.json:
        shown = [{k: v for k, v in d.as_dict().items() if k != "text"} for d in found]
        print(json.dumps({"differences": shown}, indent=2, ensure_ascii=False), file=out)
    else:
        for d in found:
            print(f"- {d.message}", file=out)
        print(summary(found), file=out)
        if found:
            print("Each difference is also listed as an attention item ('epages-sync parked', or the window).",
                  file=out)
    return EXIT_DIFFERENT if found else EXIT_SAME


async def _held_elsewhere(installation: AppPaths, paths: AppPaths, settings: Settings,
                          out: TextIO) -> Counter[str]:
    """The units of the installation's other stores' orders not in Afosto yet, where they sell from the same
    stock, read from their shops and their sales channels (never from this app's records)."""
    held: Counter[str] = Counter()
    for other in store_folders(installation):
        if other.paths == paths:
            continue
        try:
            store = open_for_command(argparse.Namespace(), other.paths, out)
            try:
                loaded, client_secret, afosto_key = load_credentials(store, other.paths)
            finally:
                store.close()
            theirs = cast(Settings, loaded)
            if not draw_from_the_same(frozenset(settings.stock_locations), frozenset(theirs.stock_locations)):
                continue
            async with EpagesClient.from_settings(theirs, client_secret) as epages, \
                    AfostoClient.from_settings(theirs, afosto_key) as afosto:
                held.update(held_back(await read_both_sides(epages, afosto, theirs)))
        except SyncError as exc:
            print(f"Store {other.name} could not be read ({exc}): its orders not in Afosto yet are not counted "
                  "here, so stock figures it lowered may be listed as differences.", file=sys.stderr)
    return held


def cmd_audit(args: argparse.Namespace, paths: AppPaths, out: TextIO, installation: AppPaths | None = None) -> int:
    """``installation``: the installation's folder, when it has several stores (their stock is shared)."""
    return asyncio.run(_audit(args, paths, out, installation))
