"""How many requests per second the sandbox serves over a real loopback socket (target: 500 simple ones).

Run: ``python benchmarks/bench_sandbox.py [--seconds 3] [--concurrency 8]``. The server runs in a thread
of this process, the client is httpx with a few connections, so both share the machine's cores, as they do
when the app's tests run against the sandbox.
"""

from __future__ import annotations

import argparse
import asyncio
import pathlib
import statistics
import sys
import time
from collections.abc import Awaitable, Callable

import httpx

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread

TARGET_PER_SECOND = 500


async def measure(name: str, call: Callable[[httpx.AsyncClient], Awaitable[httpx.Response]], url: str,
                  headers: dict[str, str], seconds: float, concurrency: int) -> tuple[str, int, float, float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits, timeout=30) as client:
        await call(client)  # warm the connection pool
        latencies: list[float] = []
        errors = 0
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                r = await call(client)
                latencies.append(time.perf_counter() - start)
                if r.status_code >= 400:
                    errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    if errors:
        raise SystemExit(f"{name}: {errors} requests failed")
    p50 = statistics.median(latencies) * 1000
    return name, len(latencies), len(latencies) / elapsed, p50


async def run(url: str, sandbox: Sandbox, seconds: float,
              concurrency: int) -> list[tuple[str, int, float, float]]:
    async with httpx.AsyncClient(base_url=url) as client:
        token = (await client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                                   auth=("sandbox-client", "sandbox-secret"))).json()["access_token"]
    epages = {"Authorization": f"Bearer {token}"}
    product = sandbox.epages.catalogue.by_sku["CF-1001"]
    order = sandbox.epages.orders[-1]
    afosto = {"Authorization": f"Bearer {sandbox.afosto.API_KEY}"}
    cases: list[tuple[str, Callable[[httpx.AsyncClient], Awaitable[httpx.Response]], dict[str, str]]] = [
        ("GET availability", lambda c: c.get(f"/api/products/{product.product_id}/availability"), epages),
        ("POST adjust stock", lambda c: c.post(f"/api/products/{product.product_id}/availability/"
                                               "adjust-available-stock", json={"relativeAmount": 0}), epages),
        ("GET one order", lambda c: c.get(f"/api/orders/{order.order_id}"), epages),
        ("GET orders page (20)", lambda c: c.get("/api/orders", params={"size": 20}), epages),
        ("POST graphql channels", lambda c: c.post("/graphql", json={
            "query": "{ channels(first: 5) { edges { node { id name } } } }"}), afosto),
    ]
    return [await measure(name, call, url, headers, seconds, concurrency) for name, call, headers in cases]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per case (default 3)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    args = parser.parse_args()
    sandbox = Sandbox(seed=1, orders=40)
    with run_in_thread(sandbox) as url:
        rows = asyncio.run(run(url, sandbox, args.seconds, args.concurrency))
    print(f"{'case':<24}{'requests':>10}{'per second':>12}{'p50 ms':>9}")
    for name, count, rate, p50 in rows:
        print(f"{name:<24}{count:>10}{rate:>12.0f}{p50:>9.1f}")
    simple = rows[0][2]
    verdict = "ok" if simple >= TARGET_PER_SECOND else "BELOW TARGET"
    print(f"simple requests: {simple:.0f}/s (target {TARGET_PER_SECOND}/s): {verdict}")
    return 0 if simple >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
