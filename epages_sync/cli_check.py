"""``epages-sync check``: the saved configuration tested against both services, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from .connection_check import Service, run_check
from .data_folder import open_for_command, open_store
from .headless import load_credentials
from .paths import AppPaths
from .secrets import AFOSTO_KEY_ENTRY, CLIENT_SECRET_ENTRY, Secrets, how_to_supply


async def cmd_check(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    store = open_for_command(args, paths, out)
    try:
        settings, client_secret, afosto_key = load_credentials(store, paths)
    finally:
        store.close()
    report = await run_check(settings, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
    store = open_store(paths)
    try:
        store.remember_names(report.place_names())  # so 'status' shows names, not ids
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), indent=2), file=out)
    else:
        store_name, client_id = settings.store_name or "", settings.client_id or ""  # type: ignore[attr-defined]
        available = Secrets.of_folder(paths, store_name).available
        resave = {service: how_to_supply(store_name, client_id, [entry], available=available)
                  for service, entry in ((Service.EPAGES, CLIENT_SECRET_ENTRY), (Service.AFOSTO, AFOSTO_KEY_ENTRY))}
        print(report.to_text(resave=resave), file=out)
    return 0 if report.flows_runnable(settings.flows) else 1  # type: ignore[attr-defined]
