"""The ``epages-sync sandbox`` command: both simulated APIs on this computer, for the demo and by hand."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from .activity import MODES
from .epages import CLIENT_ID, CLIENT_SECRET, LIMITED_CLIENT_ID
from .epages.api import ORDER_LISTINGS
from .faults import SPEC_HELP, FaultSpecError, parse_faults

DEFAULT_PORT = 8765


def _faults(text: str) -> str:
    try:
        parse_faults(text)
    except FaultSpecError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _stores(text: str) -> list[str]:
    from ..config import parse_store_name
    from ..errors import ConfigError

    names = [part.strip() for part in text.split(",") if part.strip()]
    try:
        names = [parse_store_name(name) for name in names]
    except ConfigError as e:
        raise argparse.ArgumentTypeError(e.message) from None
    if len(set(names)) != len(names):
        raise argparse.ArgumentTypeError("a store is named twice")
    return names


def add_sandbox_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "sandbox", help="run simulated ePages and Afosto APIs on this computer",
        description="Serves a simulated ePages Beyond shop (under /api) and Afosto (POST /graphql) on "
                    "127.0.0.1 only, with seeded orders, stock and optional activity and faults. "
                    "Stop it with Ctrl+C.",
        epilog=SPEC_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=_count, default=DEFAULT_PORT,
                        help=f"port on 127.0.0.1 (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--seed", type=int, default=1, help="world seed: the same seed gives the same shop")
    parser.add_argument("--orders", type=_count, default=20, help="orders the shop starts with (default 20)")
    parser.add_argument("--activity", choices=MODES, default="off",
                        help="customers, shop staff and warehouse acting on their own (default off)")
    parser.add_argument("--latency-ms", type=float, default=0.0, metavar="MS",
                        help="added delay per API request in milliseconds")
    parser.add_argument("--faults", type=_faults, metavar="SPEC", help="fault spec, see below")
    parser.add_argument("--order-listing", choices=ORDER_LISTINGS, default="sorted",
                        help="how GET /orders lists: honouring 'sort' (default), or only what ePages documents: "
                             "'unsorted' ignores it, 'shuffled' also mixes each page")
    parser.add_argument("--stores", type=_stores, default=[], metavar="NAME,NAME",
                        help="serve several ePages stores, each its own shop under /stores/NAME/api with a sales "
                             "channel of its own in the one Afosto (also under /stores/NAME/graphql); the first is "
                             "also the shop under /api")
    return parser


def run_sandbox(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Start the sandbox in the foreground; returns the exit code (0 after Ctrl+C)."""
    from .app import Sandbox
    from .server import base_url, bind, serve

    out = out or sys.stdout
    try:
        sock = bind(args.port)
    except OSError as e:
        print(f"Cannot listen on 127.0.0.1:{args.port} ({e.strerror or e}). "
              "Another program uses this port: choose another one with --port.", file=sys.stderr)
        return 2
    try:
        sandbox = Sandbox(seed=args.seed, orders=args.orders, activity=args.activity,
                          latency_ms=args.latency_ms, faults=args.faults,
                          order_listing=getattr(args, "order_listing", "sorted"),
                          stores=getattr(args, "stores", None) or ())
    except Exception:
        sock.close()
        raise
    url = base_url(sock)
    afosto_key = getattr(sandbox.afosto, "API_KEY", "")
    print(f"Sandbox running at {url}  (seed {args.seed}, {args.orders} orders, activity {args.activity})",
          file=out)
    print(f"  ePages API    {url}/api   client id {CLIENT_ID}, secret {CLIENT_SECRET}", file=out)
    print(f"                (fewer scopes: client id {LIMITED_CLIENT_ID}, same secret)", file=out)
    print(f"  Afosto API    {url}/graphql   API key {afosto_key}", file=out)
    for shop in sandbox.shops.values():
        print(f"  Store {shop.name:<8}{url}/stores/{shop.name}   (configure --sandbox with this address) "
              f"sales channel {shop.channel_id}", file=out)
    print(f"  State         {url}/_sandbox/state", file=out)
    if args.faults:
        print(f"  Faults        {args.faults}", file=out)
    print("Press Ctrl+C to stop.", file=out, flush=True)
    try:
        serve(sandbox, args.port, sock=sock)
    except KeyboardInterrupt:
        pass
    print("Sandbox stopped.", file=out)
    return 0
