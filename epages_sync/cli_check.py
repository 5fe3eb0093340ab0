"""``epages-sync check``: the saved configuration tested against both services, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from .connection_check import run_check
from .headless import load_credentials
from .paths import AppPaths
from .store import Store


async def cmd_check(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    store = Store.open(paths.ensure().database)
    try:
        settings, client_secret, afosto_key = load_credentials(store)
    finally:
        store.close()
    report = await run_check(settings, client_secret=client_secret, afosto_key=afosto_key)  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), indent=2), file=out)
    else:
        print(report.to_text(), file=out)
    return 0 if report.flows_runnable(settings.flows) else 1  # type: ignore[attr-defined]
