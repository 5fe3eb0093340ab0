"""Two stores of one installation, busy shops, trouble on the line, and the headless run killed with SIGKILL
twenty times: every order in Afosto exactly once in its own store's sales channel, stock exact in both shops,
and neither store's trouble stopping the other."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from both_worlds import audit_keys, unexplained, verdict_keys

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread

pytestmark = [pytest.mark.timeout(900), pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

REPO = Path(__file__).resolve().parents[2]
KILLS = 20
STORES = ("shop-de", "shop-nl")
FAULTS = "epages:5xx=0.05,afosto:5xx=0.03,afosto:rate=0.03,all:drop=0.02,all:cut=0.02,stock:409=0.1"


def _cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EPAGES_SYNC_CLIENT_SECRET": "sandbox-secret",
           "EPAGES_SYNC_AFOSTO_KEY": "sandbox-afosto-key", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "epages_sync", "--data-dir", str(data_dir), *args],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _done(proc: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        raise AssertionError(f"{proc.args} still ran after {timeout} s:\n{out[-5000:]}") from None
    return proc.returncode, out


def _held_drops(data_dir: Path, name: str) -> list[str]:
    code, parked = _done(_cli(data_dir, "parked", "--json", "--store", name), 60)
    assert code == 0, parked
    return [str(item["id"]) for item in json.loads(parked) if item["kind"] == "stock_drop"]


def _confirm_large_drops(data_dir: Path, sandbox: Sandbox) -> None:
    """What a person does when many figures fall by more than half at once (while the other shop sold, the
    killed runs seldom got as far as the stock): confirm them with Retry while the sync runs."""
    held = {name: ids for name in STORES if (ids := _held_drops(data_dir, name))}
    if not held:
        return
    running = _cli(data_dir, "run", "--headless")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(running.stdout.readline, "")),  # type: ignore[union-attr]
                              daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while not all(any(f"[{n}]" in line and "Sync started" in line for line in list(lines)) for n in STORES):
            assert time.monotonic() < deadline and running.poll() is None, "".join(lines)[-3000:]
            time.sleep(0.2)
        for name, ids in held.items():
            code, out = _done(_cli(data_dir, "retry", "--store", name, *ids), 60)
            assert code == 0, out
        while any(d.startswith("Stock of") for s in sandbox.state()["stores"].values()
                  for d in s["consistency"]["differences"]):
            assert time.monotonic() < deadline, "".join(lines)[-3000:]
            time.sleep(0.5)
    finally:
        running.send_signal(signal.SIGTERM)
        running.wait(60)
        reader.join(10)


def test_two_stores_killed_at_random_moments_twenty_times_lose_and_double_nothing(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=23, orders=8, order_listing="shuffled", stores=STORES)
    w = sandbox.world
    rng = random.Random(23)
    with run_in_thread(sandbox) as url:
        for name in STORES:
            args = ["configure", "--store", name, "--client-id", "sandbox-client", "--sandbox", f"{url}/stores/{name}",
                    "--channel", sandbox.shops[name].channel_id, "--start-date", "2020-01-01",
                    "--push-interval", "2", "--poll-interval", "15"]
            for ep, af in w.default_location_map.items():
                args += ["--map", f"{ep}={af}"]
            for loc in w.feeding_location_ids:
                args += ["--stock-from", loc]
            code, out = _done(_cli(tmp_path, *args), 60)
            assert code in (0, 3), out  # 3: no keyring here; the secrets come from the environment

        sandbox.set_faults(FAULTS)
        busy: dict[str, int] = dict.fromkeys(STORES, 0)
        kills_mid_work = 0
        for _ in range(KILLS):
            sandbox.step(8)  # four things in each shop and its part of the warehouse
            proc = _cli(tmp_path, "run", "--headless")
            time.sleep(rng.uniform(2.0, 5.0))  # two stores take a moment longer to start
            proc.send_signal(signal.SIGKILL)
            code, out = _done(proc, 30)
            assert code == -signal.SIGKILL
            kills_mid_work += bool(out.strip())
            for name in STORES:
                busy[name] += f"[{name}]" in out
        assert kills_mid_work >= KILLS // 2  # most kills hit a process that was busy syncing
        # Both stores worked in many runs, whatever the other met on the line.
        assert all(n >= KILLS // 4 for n in busy.values()), busy

        # Quiet shops, no more trouble: one last complete run finishes what the killed ones left.
        sandbox.set_faults(None)
        code, out = _done(_cli(tmp_path, "run", "--headless", "--once"))
        assert code == 0, out[-3000:]
        _confirm_large_drops(tmp_path, sandbox)

        stores = sandbox.state()["stores"]
        figures = sandbox.afosto.order_figures()
        for name in STORES:
            shop = sandbox.shops[name]
            code, parked_listing = _done(_cli(tmp_path, "parked", "--json", "--store", name), 60)
            assert code == 0, parked_listing
            waiting = {str(item["reference"]) for item in json.loads(parked_listing) if item["kind"] == "order"}
            for order_id, order in shop.epages.by_id.items():
                copies = figures.get(order_id, [])
                if any(sandbox.afosto.available_stock(li.sku, ()) is None for li in order.lines if li.sku):
                    # A SKU Afosto does not know: not imported, and waiting for a person who is told so.
                    assert copies == [] and order.number in waiting, (name, order.number, copies)
                    continue
                # Every other order of the shop in Afosto, exactly once, in its own store's channel.
                assert len(copies) == 1, (name, order_id, copies)
                assert copies[0].channel_id == shop.channel_id, (name, order_id)
            differences = stores[name]["consistency"]["differences"]
            assert not [d for d in differences if d.startswith("Stock of")], differences  # stock exact
            # What differs still is a conflict the shop and the warehouse made at the same moment, waiting for
            # a person on that order; none is left silently.
            code, parked = _done(_cli(tmp_path, "parked", "--json", "--store", name), 60)
            assert code == 0, parked
            assert unexplained(differences, json.loads(parked)) == [], (name, out[-3000:])
            # The app's own comparison of both systems sees what the sandbox's verdict sees.
            code, listed = _done(_cli(tmp_path, "audit", "--json", "--store", name))
            verdict = verdict_keys(differences)
            assert code == (1 if verdict else 0), listed[-3000:]
            assert audit_keys(json.loads(listed)["differences"]) == verdict
