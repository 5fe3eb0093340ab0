"""How the store's log behaves at a million rows: insert rate, open time, paging, counting, pruning.

Run from the repository root: PYTHONPATH=. python3 benchmarks/bench_store.py [--rows 1000000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from epages_sync.store import Direction, LogFilter, LogRow, Outcome, Store

# A shop's mix: mostly fine, a little retrying, very few needing a person.
_OUTCOMES = [(Outcome.OK, 80), (Outcome.INFO, 8), (Outcome.SKIPPED, 5), (Outcome.RETRYING, 5.4),
             (Outcome.PARKED, 0.4), (Outcome.ERROR, 0.2)]
_FLOWS = [("inventory", 40, Direction.AFOSTO_TO_EPAGES), ("orders", 33, Direction.EPAGES_TO_AFOSTO),
          ("shipments", 12, Direction.AFOSTO_TO_EPAGES), ("cancellations", 5, Direction.EPAGES_TO_AFOSTO),
          ("returns", 5, Direction.EPAGES_TO_AFOSTO), (None, 5, Direction.SYSTEM)]
_DETAIL = {"request": {"method": "POST", "url": "https://shop.beyondshop.cloud/api/orders/x/processes/shipping",
                       "body": {"lineItems": [{"lineItemId": "9f1c", "quantity": 1}], "trackingCode": "3S123"}},
           "response": {"status": 201, "body": {"_id": "5b2c", "status": "SHIPPED"}}}


def _rows(n: int, start: int, span_days: int, rng: random.Random, parked_ids: list[int]) -> list[LogRow]:
    now = dt.datetime.now(dt.UTC)
    outcomes, o_weights = zip(*_OUTCOMES, strict=False)
    flows = [(f, d) for f, _, d in _FLOWS]
    f_weights = [w for _, w, _ in _FLOWS]
    out: list[LogRow] = []
    for i in range(start, start + n):
        outcome = rng.choices(outcomes, o_weights)[0]
        flow, direction = rng.choices(flows, f_weights)[0]
        order = 10000 + i // 8
        out.append(LogRow(
            at=now - dt.timedelta(days=span_days) + dt.timedelta(seconds=i * span_days * 86400 / 1_000_000),
            direction=direction, flow=flow, outcome=outcome,
            epages_ref=str(order) if flow is not None else None,
            afosto_ref=f"A{order + 500000}" if flow is not None else None,
            message=f"Shipment of order {order} sent to ePages with tracking code 3S123",
            parked_id=rng.choice(parked_ids) if outcome is Outcome.PARKED and parked_ids else None,
            detail=_DETAIL if i % 10 == 0 else None))
    return out


def _time(fn: Callable[[], Any], repeat: int = 15) -> tuple[float, float, Any]:
    """The first call (SQLite's page cache still cold for these pages) and the median of the next ones."""
    t0 = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(times), result


def _sizes(path: Path) -> list[tuple[str, float]]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    finally:
        conn.close()
    return [(name, size / 1e6) for name, size in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="database file to build and keep (default: a temporary one)")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "bench.sqlite3"
    if path.exists():
        raise SystemExit(f"{path} exists; give a new file")
    rng = random.Random(7)
    results: list[tuple[str, float, float, str]] = []

    store = Store.open(path)
    parked_ids = [store.park("order", str(10000 + k * 997), "SKU 4711 is unknown in Afosto") for k in range(40)]
    t0 = time.perf_counter()
    for start in range(0, args.rows, args.batch):
        store.add_logs(_rows(min(args.batch, args.rows - start), start, 90, rng, parked_ids))
    insert_s = time.perf_counter() - t0
    results.append((f"add_logs, {args.rows:,} rows in batches of {args.batch:,}", insert_s * 1000,
                    insert_s * 1000, f"{args.rows / insert_s:,.0f} rows/s"))
    store.close()
    sizes = _sizes(path)

    t0 = time.perf_counter()
    store = Store.open(path)
    ms = (time.perf_counter() - t0) * 1000
    results.append(("Store.open (existing, current layout)", ms, ms, ""))
    newest = store.newest_log_id()
    mid = newest // 2
    order = str(10000 + (newest - 5000) // 8)

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("log_page newest 200, no filter", lambda: store.log_page()),
        ("log_page 200 from the middle, no filter", lambda: store.log_page(before_id=mid)),
        ("log_page newest 200, outcome parked+error",
         lambda: store.log_page(filters=LogFilter(outcomes={Outcome.PARKED, Outcome.ERROR}))),
        ("log_page 200 from the middle, outcome parked+error",
         lambda: store.log_page(before_id=mid, filters=LogFilter(outcomes={Outcome.PARKED, Outcome.ERROR}))),
        ("log_page newest 200, flow shipments", lambda: store.log_page(filters=LogFilter(flows={"shipments"}))),
        ("log_page newest 200, flow orders + outcome error",
         lambda: store.log_page(filters=LogFilter(flows={"orders"}, outcomes={Outcome.ERROR}))),
        ("log_page newest 200, direction system", lambda: store.log_page(
            filters=LogFilter(directions={Direction.SYSTEM}))),
        ("log_page, attention first", lambda: store.log_page(filters=LogFilter(attention_first=True))),
        ("log_page, search one order number", lambda: store.log_page(filters=LogFilter(search=order))),
        ("log_page, search prefix '1234' (~1,250 orders)",
         lambda: store.log_page(filters=LogFilter(search="1234"))),
        ("log_page, search prefix '1' (most rows)", lambda: store.log_page(filters=LogFilter(search="1"))),
        ("log_after newest-1000, 200 rows", lambda: store.log_after(newest - 1000)),
        ("log_after newest-1000, outcome parked+error",
         lambda: store.log_after(newest - 1000, filters=LogFilter(outcomes={Outcome.PARKED, Outcome.ERROR}))),
        ("log_count, no filter", lambda: store.log_count()),
        ("log_count, outcome parked+error",
         lambda: store.log_count(LogFilter(outcomes={Outcome.PARKED, Outcome.ERROR}))),
        ("log_count, flow inventory", lambda: store.log_count(LogFilter(flows={"inventory"}))),
        ("log_count, search one order number", lambda: store.log_count(LogFilter(search=order))),
        ("log_for_order (timeline)", lambda: store.log_for_order(order)),
        ("log_detail", lambda: store.log_detail(newest - newest % 10)),
        ("add_log, one row", lambda: store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO,
                                                          message="Sync started"))),
    ]
    for name, fn in cases:
        first, ms, result = _time(fn)
        note = f"{len(result)} rows" if isinstance(result, list) else (f"= {result:,}" if isinstance(result, int)
                                                                       else "")
        results.append((name, first, ms, note))

    t0 = time.perf_counter()
    pruned = store.prune_log(80)
    ms = (time.perf_counter() - t0) * 1000
    results.append(("prune_log(80 days)", ms, ms, f"{pruned:,} rows"))
    t0 = time.perf_counter()
    store.close()
    ms = (time.perf_counter() - t0) * 1000
    results.append(("Store.close (runs PRAGMA optimize)", ms, ms, ""))

    width = max(len(r[0]) for r in results)
    print(f"{'operation':<{width}}  {'first ms':>9}  {'median ms':>9}  note")
    for name, first, ms, note in results:
        print(f"{name:<{width}}  {first:>9.2f}  {ms:>9.2f}  {note}")
    print(f"\ndatabase after inserting: {sum(mb for _, mb in sizes):.0f} MB")
    for name, mb in sizes[:10]:
        print(f"  {name:<28} {mb:>7.1f} MB")
    tmp.cleanup()


if __name__ == "__main__":
    main()
