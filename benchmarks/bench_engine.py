"""The engine's speed, cost and footprint against the sandbox, in one run: prints a table.

Run: ``python benchmarks/bench_engine.py [--orders 5000] [--latency-ms 40] [--idle-seconds 60] [--samples 30]
[--compare REF]``

The sandbox runs as a separate process (``epages-sync sandbox``), so the CPU and memory figures are the
engine's own. The sandbox adds the latency on its side, so requests in flight overlap as they would with the
real services.

1. Import of N orders with the latency on every request: wall time, and its ratio to the bound
   requests made x latency / requests in flight (the HTTP policy's limit per API). Target: within 1.3x.
   Requests per imported order, split by API and by path (ePages) or operation (Afosto); target for a first
   import: at most 0.75. Store commits per page of orders. With ``--compare REF`` the same import runs first
   with the code of that git commit (a temporary worktree), against a fresh sandbox of the same seed, and
   both are shown side by side.
2. Cost of an idle poll (nothing changed): requests per poll. Target: 1 to ePages, at most 1 to Afosto.
   The pushers' idle round (Afosto check and stock check) is shown on its own row. Target: 1 request.
3. Push latency from a parcel shipped in Afosto to the finished ePages shipment: p50 and p95.
   Target: p95 within the push interval + 1 s.
4. CPU used by the idle running engine over the idle window, after the start's own work (shown on its own
   row: adopting what Afosto has, the first poll and stock check). Target: under 1 % of one core.
5. Peak memory (resident) of the engine process during the import.

The import runs in a process of its own (``--import-only``), with the code of the tree it is pointed at.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[1]
# The code under test: this tree, or (``--code DIR``, for the import of another commit) that one.
CODE = pathlib.Path(sys.argv[sys.argv.index("--code") + 1]).resolve() if "--code" in sys.argv else ROOT
sys.path.insert(0, str(CODE))

from epages_sync.clients.afosto import AfostoClient  # noqa: E402
from epages_sync.clients.http import HttpPolicy  # noqa: E402
from epages_sync.config import Settings  # noqa: E402
from epages_sync.engine.poller import LAST_GOOD_POLL  # noqa: E402
from epages_sync.engine.service import SyncService  # noqa: E402
from epages_sync.sandbox.seed import build_world  # noqa: E402
from epages_sync.store import Store  # noqa: E402

SEED = 1


def start_sandbox(orders: int) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "epages_sync", "sandbox", "--port", "0", "--orders",
                             str(orders), "--seed", str(SEED)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "Sandbox running at" in line:
            return proc, line.split("at", 1)[1].split()[0]
    raise RuntimeError("the sandbox did not start")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def settings_for(url: str, push_interval: int) -> Settings:
    world = build_world(SEED)
    return Settings.checked(
        store_name="demo-shop", client_id="sandbox-client", afosto_channel_id=world.default_channel.channel_id,
        location_map=world.default_location_map, stock_locations=world.feeding_location_ids,
        start_date=dt.date(2020, 1, 1), sandbox_url=url, push_interval=push_interval)


async def import_only(args: argparse.Namespace) -> dict[str, Any]:
    """The first import against a running sandbox, with the code of ``CODE``: what it took."""
    from epages_sync.engine.poller import OrderPoller

    store = Store.open(pathlib.Path(args.data) / "sync.sqlite3")
    policy = HttpPolicy()
    service = SyncService(settings_for(args.url, args.push_interval), store, client_secret="sandbox-secret",
                          afosto_key="sandbox-afosto-key", policy=policy)
    try:
        service.ctx = await service._connect()
        poller = OrderPoller(service.ctx, parallel=policy.max_in_flight)
        async with httpx.AsyncClient() as control:
            await control.delete(args.url + "/_sandbox/requests")
        commits = getattr(store, "commits", None)
        start = time.perf_counter()
        summary = await poller.poll_once()
        wall = time.perf_counter() - start
        return {"imported": summary.imported, "parked": summary.parked, "pages": summary.pages, "wall": wall,
                "in_flight": policy.max_in_flight, "rss_mb": peak_rss_mb(),
                "commits": None if commits is None else store.commits - commits,
                "code": str(pathlib.Path(sys.modules["epages_sync"].__file__ or "").parent)}
    finally:
        await service.close()
        store.close()


def run_import(url: str, control: httpx.Client, code: pathlib.Path, data: pathlib.Path,
               args: argparse.Namespace) -> dict[str, Any]:
    """One import in a process of its own, with the latency on every request; its figures and requests."""
    control.post("/_sandbox/faults", json={"spec": f"all:latency={args.latency_ms}"})
    done = subprocess.run([sys.executable, __file__, "--import-only", "--code", str(code), "--url", url,
                           "--data", str(data), "--push-interval", str(args.push_interval)],
                          cwd=code, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(code)})
    if done.returncode != 0:
        raise RuntimeError(f"the import with {code} failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["requests"] = control.get("/_sandbox/requests").json()
    control.post("/_sandbox/faults", json={"spec": ""})
    return result


def per_order(result: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Requests per imported order, by API and by path or operation."""
    imported = max(1, result["imported"])
    counts = result["requests"]
    made = counts["epages"]["total"] + counts["afosto"]["total"]
    rows = [("", "all requests", f"{made / imported:.2f} per order", f"{made} requests")]
    for api, parts in (("ePages", counts["epages"]["paths"]), ("Afosto", counts["afosto"].get("operations") or
                                                               counts["afosto"]["paths"])):
        for name, n in sorted(parts.items(), key=lambda kv: -kv[1]):
            rows.append(("", f"  {api} {name}", f"{n / imported:.3f} per order", f"{n} requests"))
    return rows


def import_rows(label: str, result: dict[str, Any], latency_ms: int) -> list[tuple[str, str, str, str]]:
    counts = result["requests"]
    made = counts["epages"]["total"] + counts["afosto"]["total"]
    bound = made * latency_ms / 1000 / result["in_flight"]
    commits = result.get("commits")
    rows = [(f"1. import ({label})",
             f"{result['imported']} orders imported ({result['parked']} parked) in {result['wall']:.1f} s",
             f"{made} requests; bound {bound:.1f} s; ratio {result['wall'] / bound:.2f}",
             "<= 1.3x of the bound")]
    if commits is not None:
        rows.append(("", "store commits", f"{commits / max(1, result['pages']):.1f} per page of orders",
                     f"{commits} in {result['pages']} pages"))
    rows.extend(per_order(result))
    rows.append(("5. peak memory", f"{result['rss_mb']:.0f} MB resident (import process)", label, "-"))
    return rows


def stop(sandbox: subprocess.Popen[str]) -> None:
    sandbox.terminate()
    sandbox.wait()


def import_before(args: argparse.Namespace, work: pathlib.Path) -> dict[str, Any]:
    """The import with the code of ``args.compare`` (a worktree of that commit), against a fresh sandbox of
    the same seed."""
    old = work / "before"
    subprocess.run(["git", "worktree", "add", "--detach", str(old), args.compare], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        sandbox, url = start_sandbox(args.orders)
        try:
            with httpx.Client(base_url=url, timeout=120) as control:
                (work / "data-before").mkdir()
                return run_import(url, control, old, work / "data-before", args)
        finally:
            stop(sandbox)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False,
                       capture_output=True)


async def main(args: argparse.Namespace) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    work = pathlib.Path(tempfile.mkdtemp(prefix="bench-engine-"))
    before = import_before(args, work) if args.compare else None
    if before is not None:
        rows.extend(import_rows(f"before: {args.compare}", before, args.latency_ms))

    sandbox, url = start_sandbox(args.orders)
    control = httpx.Client(base_url=url, timeout=120)
    data = work / "data"
    data.mkdir()
    settings = settings_for(url, args.push_interval)
    policy = HttpPolicy()
    try:
        # 1 and 5: the import, in its own process.
        after = run_import(url, control, ROOT, data, args)
        rows.extend(import_rows("this code", after, args.latency_ms))
        if before is not None:
            speedup = before["wall"] / after["wall"]
            rows.append(("1. side by side", f"{speedup:.1f}x faster", f"{before['wall']:.1f} s -> "
                         f"{after['wall']:.1f} s for {args.orders} orders at {args.latency_ms} ms", ">= 5x"))

        store = Store.open(data / "sync.sqlite3")
        # 2: an idle poll and an idle push round.
        service = SyncService(settings, store, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                              policy=policy)
        await service.run_once()  # stock and pushes settle first
        await service.run_once()
        control.delete("/_sandbox/requests")
        assert service.poller is not None
        await service.poller.poll_once()
        idle = control.get("/_sandbox/requests").json()
        rows.append(("2. idle poll", f"{idle['epages']['total']} to ePages, {idle['afosto']['total']} to Afosto",
                     describe(idle), "1 / <= 1"))
        control.delete("/_sandbox/requests")
        await service.push_round()
        idle = control.get("/_sandbox/requests").json()
        rows.append(("2b. idle push round", f"{idle['epages']['total']} to ePages, {idle['afosto']['total']} to "
                     "Afosto", describe(idle), "1"))
        await service.close()

        # 3 and 4: the running engine.
        service = SyncService(settings, store, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                              policy=policy)
        await service.start()
        # What the start itself does first (adopting what Afosto has since the start date, the first poll,
        # the first full stock check) is shown on its own row; the idle figure is the engine after it.
        started, cpu_start = time.perf_counter(), time.process_time()
        first = store.get_state(LAST_GOOD_POLL)
        while store.get_state(LAST_GOOD_POLL) == first and time.perf_counter() - started < 300:
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)
        rows.append(("4a. start", f"{time.process_time() - cpu_start:.2f} s CPU",
                     f"{time.perf_counter() - started:.1f} s to the first poll done, and 2 s", "-"))
        cpu0, t0 = time.process_time(), time.perf_counter()
        await asyncio.sleep(args.idle_seconds)
        cpu = time.process_time() - cpu0
        span = time.perf_counter() - t0
        rows.append(("4. idle CPU", f"{cpu:.2f} s CPU in {span:.0f} s", f"{100 * cpu / span:.2f} % of one core",
                     "< 1 %"))

        latencies = await push_latencies(url, store, args.samples)
        rows.append(("3. push latency", f"p50 {statistics.median(latencies):.2f} s, p95 "
                                        f"{percentile(latencies, 0.95):.2f} s" if latencies else
                     "no open order left to ship",
                     f"{len(latencies)} parcels, push interval {args.push_interval} s",
                     f"p95 <= {args.push_interval + 1} s"))
        await service.stop()
        store.close()
    finally:
        control.close()
        stop(sandbox)
        shutil.rmtree(work, ignore_errors=True)
    return rows


def describe(counts: dict[str, Any]) -> str:
    parts = [f"{k}: {v}" for k, v in counts["epages"]["paths"].items()]
    parts += [f"{k}: {v}" for k, v in (counts["afosto"].get("operations") or counts["afosto"]["paths"]).items()]
    return ", ".join(parts) or "none"


async def push_latencies(url: str, store: Store, samples: int) -> list[float]:
    """Ship open units in Afosto as the warehouse would, and time until ePages shows the shipment."""
    out: list[float] = []
    links = list(store.unfinished_orders(limit=5000))
    async with AfostoClient(url + "/graphql", "sandbox-afosto-key") as afosto, \
            httpx.AsyncClient(base_url=url, timeout=30) as http:
        token = (await http.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                                 auth=("sandbox-client", "sandbox-secret"))).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        for link in links:
            if len(out) >= samples:
                break
            order = await afosto.get_order(link.afosto_id or "")
            if order.delivery is not None and order.delivery.pickup_location_id is not None:  # a pickup
                continue
            items = [i.id for i in order.units if str(i.status) == "OPEN" and not i.parcel_id]
            if not items:
                continue
            code = f"BENCH{len(out):04d}"
            parcel, _ = await afosto.add_track_trace_to_items(items, tracking_code=code)
            await afosto.set_parcel_status(parcel.id, "IN_TRANSIT")
            start = time.perf_counter()
            while True:
                answer = await http.get(f"/api/orders/{link.epages_id}/processes/shippings", headers=headers)
                found = [p for p in answer.json().get("_embedded", {}).get("shipping-processes", [])
                         if p.get("trackingCode") == code and p.get("status") in ("SHIPPED", "DELIVERED")]
                if found:
                    out.append(time.perf_counter() - start)
                    break
                if time.perf_counter() - start > 60:
                    raise RuntimeError(f"parcel {code} never reached ePages")
                await asyncio.sleep(0.05)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--latency-ms", type=int, default=40)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--push-interval", type=int, default=5)
    parser.add_argument("--compare", metavar="REF", help="also import with the code of this git commit")
    # The import alone, in a process of its own (the benchmark runs it so).
    parser.add_argument("--import-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_only:
        print(json.dumps(asyncio.run(import_only(args))))
        sys.exit(0)
    table = asyncio.run(main(args))
    width = [max(len(r[i]) for r in table) for i in range(4)]
    print(f"{'benchmark':<{width[0]}}  {'result':<{width[1]}}  {'detail':<{width[2]}}  target")
    for r in table:
        print(f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]:<{width[2]}}  {r[3]}")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "engine.json").write_text(json.dumps({"args": vars(args), "rows": table}, indent=2))
