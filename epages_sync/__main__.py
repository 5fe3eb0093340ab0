"""Command line: the window (default), --demo, configure, status, check, sandbox, run --headless, and
parked/retry/dismiss."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .cli_stores import add_store_option, store_paths
from .config import FLOW_WORDS, Flow, Settings, flow_from_word, parse_store_name
from .data_folder import add_rebuild_option, open_for_command
from .errors import ConfigError, SecretStoreUnavailable, SyncError
from .paths import AppPaths, app_paths
from .secrets import ENV_AFOSTO_KEY, ENV_CLIENT_SECRET, Secrets, no_secure_store, secure_store_available
from .store_folders import add_store_folder, planned_store_folder, store_folders

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NO_SECRET_STORE = 3


def _flows(text: str) -> set[Flow]:
    names = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [n for n in names if flow_from_word(n) is None]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown {'flow' if len(unknown) == 1 else 'flows'}: {', '.join(unknown)}; "
            f"choose from {', '.join(FLOW_WORDS.values())}"
        )
    return {flow for n in names if (flow := flow_from_word(n)) is not None}


def _mapping(text: str) -> tuple[str, str]:
    left, sep, right = text.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise argparse.ArgumentTypeError(f"'{text}' is not EPAGES_LOCATION=AFOSTO_LOCATION")
    return left.strip(), right.strip()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="epages-sync",
        description="Keeps an ePages Beyond shop and Afosto in step. Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"epages-sync {__version__}")
    parser.add_argument("--data-dir", help="keep settings, database and logs in this folder")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a built-in sandbox shop, with its own data folder",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start in the tray without opening the window (used when starting at login)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    cfg = sub.add_parser(
        "configure",
        help="set up without the window (admins, scripts)",
        description="Non-interactive set-up. Secrets come from standard input or the "
        f"environment variables {ENV_CLIENT_SECRET} / {ENV_AFOSTO_KEY}, "
        "never from the command line.",
    )
    cfg.add_argument("--store", required=True,
                     help="store name, or the pasted cockpit address; a store the installation does not have yet "
                          "is added to it (with a data folder of its own)")
    cfg.add_argument("--client-id", required=True)
    cfg.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="read the ePages client secret from the first line of standard input",
    )
    cfg.add_argument(
        "--afosto-key-stdin",
        action="store_true",
        help="read the Afosto API key from standard input (after the client secret, if both)",
    )
    cfg.add_argument("--channel", help="Afosto sales channel id")
    cfg.add_argument(
        "--map",
        action="append",
        type=_mapping,
        default=[],
        metavar="EPAGES_LOC=AFOSTO_LOC",
        help="map an ePages location to an Afosto location (repeatable)",
    )
    cfg.add_argument(
        "--stock-from",
        action="append",
        default=[],
        metavar="AFOSTO_LOC",
        help="an Afosto location whose stock feeds the online shop (repeatable)",
    )
    cfg.add_argument("--flows", type=_flows, help="comma-separated: " + ",".join(FLOW_WORDS.values()))
    cfg.add_argument(
        "--start-date", type=_date, help="import orders created on or after this day (YYYY-MM-DD)"
    )
    cfg.add_argument("--poll-interval", type=int, metavar="S", help="seconds between ePages polls (15-3600)")
    cfg.add_argument("--push-interval", type=int, metavar="S", help="seconds between Afosto checks (2-60)")
    cfg.add_argument("--sandbox", metavar="URL", help="point both APIs at a sandbox on this computer")
    add_rebuild_option(cfg)

    st = sub.add_parser("status", help="what is configured and stored (never a secret), for every store")
    st.add_argument("--json", action="store_true")
    add_store_option(st, what="show only this store")
    add_rebuild_option(st)

    ck = sub.add_parser("check", help="test the saved connection: token, scopes, locations, Afosto, schema")
    ck.add_argument("--json", action="store_true")
    add_store_option(ck)
    add_rebuild_option(ck)

    run = sub.add_parser("run", help="run the sync")
    run.add_argument("--headless", action="store_true", help="without a window (service mode)")
    run.add_argument("--dry-run", action="store_true",
                     help="read both systems and show what the sync would do, without writing to either")
    run.add_argument("--json", action="store_true", help="with --dry-run: the preview as JSON")
    run.add_argument("--once", action="store_true", help="one poll, then push until the outbox is empty")
    run.add_argument("--for", dest="duration", type=float, metavar="SECONDS", help="stop after this long")
    add_store_option(run, what="run only this store (without it, --headless runs every store that is set up)")
    add_rebuild_option(run)

    from .cli_audit import add_audit_parser
    from .cli_parked import add_parked_parsers
    from .removal import add_remove_parser

    for command in (*add_parked_parsers(sub), add_audit_parser(sub)):
        add_store_option(command)
    add_store_option(add_remove_parser(sub), what="remove only this store's data (its passwords, database, "
                                                   "settings and logs) and take it out of the installation")
    try:
        from .sandbox.cli import add_sandbox_parser
    except ImportError:  # the sandbox is part of the package; only a broken install lacks it
        pass
    else:
        add_sandbox_parser(sub)
    return parser


def _read_secrets(args: argparse.Namespace, stdin: TextIO) -> tuple[str | None, str | None]:
    client_secret = os.environ.get(ENV_CLIENT_SECRET) or None
    afosto_key = os.environ.get(ENV_AFOSTO_KEY) or None
    if args.client_secret_stdin:
        client_secret = stdin.readline().strip() or None
        if client_secret is None:
            raise ConfigError(
                "--client-secret-stdin was given but standard input had no secret.", concerns="client secret"
            )
    if args.afosto_key_stdin:
        afosto_key = stdin.readline().strip() or None
        if afosto_key is None:
            raise ConfigError(
                "--afosto-key-stdin was given but standard input had no key.", concerns="Afosto key"
            )
    return client_secret, afosto_key


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The settings ``configure`` was asked to change."""
    changes: dict[str, Any] = {"store_name": args.store, "client_id": args.client_id}
    optional = {"afosto_channel_id": args.channel, "flows": args.flows, "start_date": args.start_date,
                "poll_interval": args.poll_interval, "push_interval": args.push_interval,
                "sandbox_url": args.sandbox}
    changes |= {name: value for name, value in optional.items() if value is not None}
    if args.map:
        changes["location_map"] = dict(args.map)
    if args.stock_from:
        changes["stock_locations"] = list(dict.fromkeys(args.stock_from))
    return changes


def cmd_configure(args: argparse.Namespace, paths: AppPaths, out: TextIO, stdin: TextIO) -> int:
    """Check everything first, then write: a configure that is refused leaves the data folder as it was."""
    client_secret, afosto_key = _read_secrets(args, stdin)
    changes = _changes(args)
    Settings.checked(**changes)  # every value on its own, before anything is written
    if (client_secret or afosto_key) and not secure_store_available():
        if args.client_secret_stdin or args.afosto_key_stdin:
            exc = no_secure_store()
            print(f"{exc.title}: {exc.message} Nothing was saved.\n{exc.action}", file=sys.stderr)
            return EXIT_NO_SECRET_STORE
        # From the environment only: they are read from there at each start, so there is nothing to keep.
        print(f"No secure password store on this computer: the secrets in {ENV_CLIENT_SECRET} / {ENV_AFOSTO_KEY} "
              "were not saved. 'check' and 'run --headless' read them from there.", file=out)
        client_secret = afosto_key = None
    installation = paths
    stores = store_folders(installation)
    name = changes["store_name"] = parse_store_name(args.store)
    known = next((s for s in stores if s.name == name), None)
    folder = known or planned_store_folder(installation, name)
    paths = folder.paths
    made = [folder for folder in dict.fromkeys((paths.data_dir, paths.log_dir, paths.config_dir))
            if not folder.exists()]
    try:
        settings = _save_configuration(args, paths, out, changes, client_secret, afosto_key)
        if known is None and all(s.name != name for s in store_folders(installation)):
            add_store_folder(installation, name)  # (the first store is recorded by reading the stores)
    except BaseException:
        _remove_new_folders(made)
        raise
    if settings is None:
        _remove_new_folders(made)
        return EXIT_NO_SECRET_STORE
    if known is None and stores:
        print(f"Store '{name}' added to the installation: {len(stores) + 1} stores now. Its data folder is "
              f"{paths.data_dir}.", file=out)
    print(f"Settings saved for store '{settings.store_name}' in {paths.data_dir}.", file=out)
    if client_secret or afosto_key:
        print("Secrets saved in the system's password store.", file=out)
    return EXIT_OK


def _save_configuration(args: argparse.Namespace, paths: AppPaths, out: TextIO, changes: dict[str, Any],
                        client_secret: str | None, afosto_key: str | None) -> Settings | None:
    """The secrets, then the settings (a setup without its secrets is never saved as done); when the settings
    cannot be saved the secrets are put back as they were. None when the password store refused the secrets
    (nothing is saved then)."""
    store = open_for_command(args, paths, out)
    try:
        settings = (store.load_settings() or Settings()).with_changes(**changes)
        secrets = Secrets.of_folder(paths, settings.store_name or "")
        before = secrets.snapshot() if client_secret or afosto_key else {}
        try:
            if client_secret:
                secrets.set_client_secret(client_secret)
            if afosto_key:
                secrets.set_afosto_key(afosto_key)
            store.save_settings(settings)
        except SecretStoreUnavailable as exc:
            secrets.put_back(before)
            print(f"{exc.title}: {exc.message} Nothing was saved.\n{exc.action}", file=sys.stderr)
            return None
        except BaseException:
            secrets.put_back(before)
            raise
        return settings
    finally:
        store.close()


def _remove_new_folders(folders: list[Path]) -> None:
    """Undo the folders a refused ``configure`` made (they did not exist before it, so all in them is its own)."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def status_data(paths: AppPaths, args: argparse.Namespace | None = None,
                out: TextIO | None = None) -> dict[str, Any]:
    store = open_for_command(args or argparse.Namespace(), paths, out or sys.stdout)
    try:
        settings = store.load_settings()
        data: dict[str, Any] = {
            "data_dir": str(paths.data_dir),
            "configured": bool(settings and settings.is_configured),
        }
        if settings is not None:
            data["settings"] = json.loads(settings.model_dump_json())
            known = store.known_names()
            ids = [settings.afosto_channel_id, *settings.location_map, *settings.location_map.values(),
                   *settings.stock_locations]
            data["names"] = {i: known[i] for i in ids if i and i in known}
            secrets = Secrets.of_folder(paths, settings.store_name or "")
            data["secure_store"] = secrets.available
            data["secrets"] = {
                "epages_client_secret": secrets.client_secret() is not None,
                "afosto_api_key": secrets.afosto_key() is not None,
            }
        from .engine.service import engine_figures

        data["engine"] = engine_figures(store)
        return data
    finally:
        store.close()


def _moment(value: str | None) -> str:
    """A stored moment (ISO, UTC) in this computer's time zone, as a person reads it."""
    if not value:
        return "not yet"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return f"{local:%a %d %b %Y, %H:%M:%S} ({local:%Z})"


def _day(value: str | None) -> str:
    try:
        return f"{dt.date.fromisoformat(value or ''):%a %d %b %Y}"
    except ValueError:
        return value or "-"


def cmd_status(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """What is set up and stored: for the one store, the one ``--store`` names, or every store in turn."""
    stores = store_folders(paths)
    if len(stores) <= 1 or getattr(args, "store", None):
        return _print_status(status_data(store_paths(args, paths, command="status"), args,
                                         sys.stderr if args.json else out), args, out)
    every = [status_data(s.paths, args, sys.stderr if args.json else out) | {"store": s.name} for s in stores]
    if args.json:
        print(json.dumps({"data_dir": str(paths.data_dir), "stores": every}, indent=2, sort_keys=True,
                         default=str), file=out)
        return EXIT_OK
    print(f"Installation: {paths.data_dir}, {len(stores)} stores: {', '.join(s.name for s in stores)}. "
          "Choose one with --store NAME.", file=out)
    for data in every:
        print(f"\n== Store {data['store']} ==", file=out)
        _print_status(data, args, out)
    return EXIT_OK


def _print_status(data: dict[str, Any], args: argparse.Namespace, out: TextIO) -> int:
    if args.json:
        print(json.dumps(data, indent=2, sort_keys=True, default=str), file=out)
        return EXIT_OK
    print(f"Data folder: {data['data_dir']}", file=out)
    if "settings" not in data:
        print("Not configured yet. Open the app, or use 'epages-sync configure'.", file=out)
        return EXIT_OK
    s = data["settings"]
    names: dict[str, str] = data.get("names") or {}

    def named(place_id: str) -> str:
        return names.get(place_id, place_id)

    flows = [FLOW_WORDS[f] for f in Flow if f.value in (s.get("flows") or [])]
    rows: list[tuple[str, object]] = [
        ("Store", s.get("store_name") or "-"),
        ("Client id", s.get("client_id") or "-"),
        ("Afosto sales channel", named(s["afosto_channel_id"]) if s.get("afosto_channel_id") else "-"),
        ("Flows", ", ".join(flows) or "none"),
        ("Start date", _day(s.get("start_date"))),
        ("Poll / push interval", f"{s.get('poll_interval')} s / {s.get('push_interval')} s"),
        ("Location map", ", ".join(f"{named(k)} -> {named(v)}" for k, v in (s.get("location_map") or {}).items())
         or "-"),
        ("Stock from", ", ".join(named(i) for i in s.get("stock_locations") or []) or "-"),
        ("Sandbox", s.get("sandbox_url") or "no (live services)"),
        ("Secure password store", "yes" if data.get("secure_store") else "NOT AVAILABLE"),
        ("ePages client secret saved", "yes" if data["secrets"]["epages_client_secret"] else "no"),
        ("Afosto API key saved", "yes" if data["secrets"]["afosto_api_key"] else "no"),
    ]
    engine = data.get("engine") or {}
    rows += [("Orders linked", engine.get("orders_linked", 0)), ("Parked items", engine.get("parked_items", 0)),
             ("Changes waiting to be sent", engine.get("outbox_depth", 0)),
             ("Last good order check", _moment(engine.get("last_good_poll"))),
             ("Last good push", _moment(engine.get("last_good_push")))]
    rows += [(f"Last good {FLOW_WORDS[flow]}", _moment(engine.get(f"last_good_{flow.value}")))
             for flow in Flow if flow != Flow.ORDERS]
    shown = {"orders_linked", "parked_items", "outbox_depth", "last_good_poll", "last_good_push",
             *(f"last_good_{flow.value}" for flow in Flow)}
    rows += [(key.replace("_", " ").capitalize(), value) for key, value in engine.items() if key not in shown]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}", file=out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    out = out or sys.stdout
    stdin = stdin or sys.stdin
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = app_paths(args.data_dir, demo=args.demo)
    try:
        if args.command == "configure":
            return cmd_configure(args, paths, out, stdin)
        if args.command == "status":
            return cmd_status(args, paths, out)
        if args.command == "sandbox":
            from .sandbox.cli import run_sandbox

            return run_sandbox(args)
        installation = paths
        if args.command in ("check", "audit", "parked", "retry", "dismiss"):
            paths = store_paths(args, paths, command=args.command)
        if args.command == "check":
            from .cli_check import cmd_check

            return asyncio.run(cmd_check(args, paths, out))
        if args.command == "remove-all-data":
            from .removal import cmd_remove_all_data

            return cmd_remove_all_data(args, paths, out, stdin)
        if args.command == "parked":
            from .cli_parked import cmd_parked

            return cmd_parked(args, paths, out)
        if args.command == "audit":
            from .cli_audit import cmd_audit

            return cmd_audit(args, paths, out, installation if len(store_folders(installation)) > 1 else None)
        if args.command in ("retry", "dismiss"):
            from .cli_parked import cmd_settle

            return cmd_settle(args, paths, out)
        if args.command == "run":
            from .headless import cmd_run

            return cmd_run(args, paths, out)
        from .ui.system_libraries import window_problem

        problem = window_problem()
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_ERROR
        from .ui.app import run_gui

        return run_gui(args, paths)
    except SyncError as exc:
        print(f"{exc}\n{exc.action}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
