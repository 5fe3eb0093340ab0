"""``epages-sync parked``, ``retry`` and ``dismiss``: what waits for a person, settled one by one or by cause.

They work on the store, so they also work while the window or a service runs the sync: a push handed back
goes into the outbox, an order is read again at the running sync's next poll (or at its next start).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any, TextIO

from .data_folder import add_rebuild_option, open_for_command
from .paths import AppPaths
from .store import ParkedItem, Store
from .store.models import Direction, LogRow, Outcome
from .texts import Text

EXIT_OK = 0
EXIT_NOTHING = 1

# The kinds of parked items in the words the window uses.
KIND_WORDS = {
    "order": "order not imported",
    "order_update": "order change not applied",
    "push": "update to ePages refused",
    "stock_drop": "stock push held",
    "conflict_shipment": "shipped differently in both systems",
    "conflict_cancellation": "cancelled in ePages, packed in Afosto",
    "conflict_return": "return counted differently in both systems",
    "audit": "ePages and Afosto differ (found by comparing both)",
}


def add_parked_parsers(sub: Any) -> list[argparse.ArgumentParser]:
    """``parked``, ``retry`` and ``dismiss``; returns their parsers."""
    listing = sub.add_parser("parked", help="list what waits for a person (retry or dismiss it)")
    listing.add_argument("--json", action="store_true")
    add_rebuild_option(listing)
    made = [listing]
    for name, verb, effect in (
            ("retry", "try again", "after you put the cause right"),
            ("dismiss", "settle without doing anything more", "a refused update is then never sent")):
        command = sub.add_parser(name, help=f"{verb}: parked items by id, or all with one cause ({effect})",
                                 description=f"{verb.capitalize()} ({effect}). 'epages-sync parked' lists "
                                             "the ids and causes.")
        command.add_argument("ids", nargs="*", type=int, metavar="ID", help="parked item id (repeatable)")
        command.add_argument("--cause", action="append", default=[], metavar="CAUSE",
                             help="every open item with this cause (from 'epages-sync parked')")
        add_rebuild_option(command)
        made.append(command)
    return made


def _local(when: dt.datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def item_data(item: ParkedItem) -> dict[str, Any]:
    return {"id": item.id, "kind": item.kind, "what": KIND_WORDS.get(item.kind, item.kind),
            "reference": item.reference, "cause": item.cause, "times": item.times,
            "since": item.created_at.isoformat(), "last_seen": item.updated_at.isoformat(), "message": item.message}


def cmd_parked(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    store = open_for_command(args, paths, out)
    try:
        items = store.open_parked()
    finally:
        store.close()
    if args.json:
        print(json.dumps([item_data(i) for i in items], indent=2, ensure_ascii=False), file=out)
        return EXIT_OK
    if not items:
        print("Nothing waits for a person.", file=out)
        return EXIT_OK
    rows = [("ID", "Since", "Seen", "Cause", "What", "Reference")] + [
        (str(i.id), _local(i.created_at), f"{i.times}x", i.cause or "-", KIND_WORDS.get(i.kind, i.kind),
         i.reference if i.kind != "push" else i.data.get("order_number") or i.reference) for i in items]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(), file=out)
        if n:
            print(f"    {items[n - 1].message}", file=out)
    causes = {i.cause for i in items}
    waits = "waits" if len(items) == 1 else "wait"
    cause_words = "1 cause" if len(causes) == 1 else f"{len(causes)} causes"
    print(f"\n{_items(len(items))} {waits} for a person, {cause_words}. Put the cause right, then "
          "'epages-sync retry ID' or 'epages-sync retry --cause CAUSE'; 'epages-sync dismiss ...' if nothing "
          "more is needed.", file=out)
    return EXIT_OK


def _items(n: int) -> str:
    return "1 item" if n == 1 else f"{n} items"


def _chosen(store: Store, args: argparse.Namespace) -> tuple[list[int], list[str]]:
    """The open items the arguments name, and a sentence for each argument that named none."""
    ids: list[int] = []
    missing: list[str] = []
    for parked_id in args.ids:
        item = store.get_parked(parked_id)
        if item is None or item.status != "open":
            missing.append(f"No open parked item has the id {parked_id}." if item is None else
                           f"Item {parked_id} is not waiting any more ({item.status}).")
        else:
            ids.append(parked_id)
    for cause in args.cause:
        found = [i.id for i in store.open_parked_with_cause(cause.strip().lower())]
        if not found:
            missing.append(f"No open parked item has the cause '{cause}'.")
        ids += found
    return list(dict.fromkeys(ids)), missing


def cmd_settle(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """``retry`` or ``dismiss`` (``args.command``)."""
    if not args.ids and not args.cause:
        print(f"Name what to {args.command}: an ID, or --cause CAUSE. 'epages-sync parked' lists both.",
              file=sys.stderr)
        return EXIT_NOTHING
    store = open_for_command(args, paths, out)
    try:
        ids, missing = _chosen(store, args)
        if args.command == "retry":
            items = store.retry_parked_many(ids)
            done = [i.reference for i in items]
            if items:
                store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=Text(
                    "Retry asked for on the command line: {reference}.", reference=", ".join(done))))
        else:
            settled = store.dismiss_parked_many(ids)
            done = [str(i) for i in settled]
            if settled:
                store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=Text(
                    "Dismissed on the command line: parked item {id}.", id=settled[0]) if len(settled) == 1
                    else Text("Dismissed on the command line: {n} parked items.", n=len(settled))))
    finally:
        store.close()
    for sentence in missing:
        print(f"{sentence} 'epages-sync parked' lists what waits.", file=sys.stderr)
    if not done:
        return EXIT_NOTHING
    if args.command == "retry":
        print(f"Handed back for a retry: {', '.join(done)}. A running sync tries them at its next round; "
              "if none runs, at its next start.", file=out)
    else:
        print(f"Dismissed {_items(len(done))}: {', '.join(done)}. Nothing more is sent for them.", file=out)
    return EXIT_OK if not missing else EXIT_NOTHING
