"""The engine's speed, cost and footprint against the sandbox, in one run: prints a table.

Run: ``python benchmarks/bench_engine.py [--orders 5000] [--latency-ms 40] [--idle-seconds 60] [--samples 30]``

The sandbox runs as a separate process (``epages-sync sandbox``), so the CPU and memory figures are the
engine's own. The sandbox adds the latency on its side, so requests in flight overlap as they would with the
real services.

1. Import of N orders with the latency on every request: wall time, and its ratio to the bound
   requests made x latency / requests in flight (the HTTP policy's limit per API). Target: within 1.5x.
2. Cost of an idle poll (nothing changed): requests per poll. Target: 1 to ePages, at most 1 to Afosto.
   The pushers' idle round (Afosto check and stock check) is shown on its own row.
3. Push latency from a parcel shipped in Afosto to the finished ePages shipment: p50 and p95.
   Target: p95 within the push interval + 1 s.
4. CPU used by the idle running engine over the idle window. Target: under 1 % of one core.
5. Peak memory (resident) of the engine process during the import.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from epages_sync.clients.afosto import AfostoClient  # noqa: E402
from epages_sync.clients.http import HttpPolicy  # noqa: E402
from epages_sync.config import Settings  # noqa: E402
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


async def main(args: argparse.Namespace) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    sandbox, url = start_sandbox(args.orders)
    control = httpx.Client(base_url=url, timeout=120)
    world = build_world(SEED)
    data = pathlib.Path(tempfile.mkdtemp(prefix="bench-engine-"))
    store = Store.open(data / "sync.sqlite3")
    settings = Settings.checked(
        store_name="demo-shop", client_id="sandbox-client", afosto_channel_id=world.default_channel.channel_id,
        location_map=world.default_location_map, stock_locations=world.feeding_location_ids,
        start_date=dt.date(2020, 1, 1), sandbox_url=url, push_interval=args.push_interval)
    policy = HttpPolicy()
    service = SyncService(settings, store, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                          policy=policy)
    try:
        # 1 and 5: the import.
        service.ctx = await service._connect()
        from epages_sync.engine.poller import OrderPoller

        poller = OrderPoller(service.ctx, parallel=policy.max_in_flight)
        control.post("/_sandbox/faults", json={"spec": f"all:latency={args.latency_ms}"})
        control.delete("/_sandbox/requests")
        start = time.perf_counter()
        summary = await poller.poll_once()
        wall = time.perf_counter() - start
        counts = control.get("/_sandbox/requests").json()
        made = counts["epages"]["total"] + counts["afosto"]["total"]
        bound = made * args.latency_ms / 1000 / policy.max_in_flight
        rows.append(("1. import", f"{summary.imported} orders imported ({summary.parked} parked) in {wall:.1f} s",
                     f"{made} requests; bound {bound:.1f} s; ratio {wall / bound:.2f}", "<= 1.5x"))
        rows.append(("5. peak memory", f"{peak_rss_mb():.0f} MB resident (engine process)", "during the import",
                     "-"))
        control.post("/_sandbox/faults", json={"spec": ""})
        await service.close()

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
                     ", ".join(f"{k}: {v}" for api in ("epages", "afosto") for k, v in idle[api]["paths"].items()),
                     "1 / <= 1"))
        control.delete("/_sandbox/requests")
        await service.push_round()
        idle = control.get("/_sandbox/requests").json()
        rows.append(("2b. idle push round", f"{idle['epages']['total']} to ePages, {idle['afosto']['total']} to Afosto",
                     ", ".join(f"{k}: {v}" for api in ("epages", "afosto") for k, v in idle[api]["paths"].items()),
                     "-"))
        await service.close()

        # 3 and 4: the running engine.
        service = SyncService(settings, store, client_secret="sandbox-secret", afosto_key="sandbox-afosto-key",
                              policy=policy)
        await service.start()
        await asyncio.sleep(2)
        cpu0, t0 = time.process_time(), time.perf_counter()
        await asyncio.sleep(args.idle_seconds)
        cpu = time.process_time() - cpu0
        span = time.perf_counter() - t0
        rows.append(("4. idle CPU", f"{cpu:.2f} s CPU in {span:.0f} s", f"{100 * cpu / span:.2f} % of one core",
                     "< 1 %"))

        latencies = await push_latencies(url, store, args.samples)
        rows.append(("3. push latency", f"p50 {statistics.median(latencies):.2f} s, p95 "
                                        f"{percentile(latencies, 0.95):.2f} s",
                     f"{len(latencies)} parcels, push interval {args.push_interval} s",
                     f"p95 <= {args.push_interval + 1} s"))
        await service.stop()
    finally:
        store.close()
        sandbox.terminate()
        sandbox.wait()
    return rows


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
            if order.delivery is None or str(order.delivery.type) != "ADDRESS":
                continue
            items = [i.id for i in order.items if str(i.status) == "OPEN" and not i.parcel_id]
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--latency-ms", type=int, default=40)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--push-interval", type=int, default=5)
    args = parser.parse_args()
    table = asyncio.run(main(args))
    width = [max(len(r[i]) for r in table) for i in range(4)]
    print(f"{'benchmark':<{width[0]}}  {'result':<{width[1]}}  {'detail':<{width[2]}}  target")
    for r in table:
        print(f"{r[0]:<{width[0]}}  {r[1]:<{width[1]}}  {r[2]:<{width[2]}}  {r[3]}")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "engine.json").write_text(json.dumps({"args": vars(args), "rows": table}, indent=2))
