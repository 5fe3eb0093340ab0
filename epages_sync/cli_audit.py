"""``epages-sync audit``: compare both systems through their public APIs and list what differs.

Each difference also becomes an attention item (seen in the window and in ``epages-sync parked``); the exit
code is 1 when anything differs, so a script or a monitoring job notices.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
from typing import Any, TextIO, cast

from .clients.afosto import AfostoClient
from .clients.epages import EpagesClient
from .config import Settings
from .data_folder import add_rebuild_option, open_for_command
from .engine.audit import compare_both_systems, summary
from .headless import load_credentials
from .paths import AppPaths

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


async def _audit(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    store = open_for_command(args, paths, out)
    try:
        loaded, client_secret, afosto_key = load_credentials(store, paths)
        settings = cast(Settings, loaded)
        async with EpagesClient.from_settings(settings, client_secret) as epages, \
                AfostoClient.from_settings(settings, afosto_key) as afosto:
            found = await compare_both_systems(epages, afosto, settings, store, since=args.since)
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


def cmd_audit(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    return asyncio.run(_audit(args, paths, out))
