"""The sandbox over a real loopback socket, as the app, the benchmarks and the demo use it."""

from __future__ import annotations

import os
import pathlib
import signal
import socket
import subprocess
import sys

import httpx
import pytest

from epages_sync.sandbox.app import Sandbox
from epages_sync.sandbox.server import run_in_thread

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_both_apis_and_the_controls_answer_over_loopback() -> None:
    sandbox = Sandbox(seed=2, orders=9)
    with run_in_thread(sandbox) as url:
        assert url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=url, timeout=10) as client:
            r = client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                            auth=("sandbox-client", "sandbox-secret"))
            client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
            page = client.get("/api/orders", params={"size": 4, "sort": "createdAt,asc"}).json()
            seen = []
            while True:
                seen += [o["orderNumber"] for o in page["_embedded"]["orders"]]
                if "next" not in page["_links"]:
                    break
                assert page["_links"]["next"]["href"].startswith(url + "/api/orders?")
                page = client.get(page["_links"]["next"]["href"]).json()
            assert seen == [str(10001 + i) for i in range(9)]
            query = "{ channels(first: 5) { edges { node { id name } } } }"
            r = client.post("/graphql", json={"query": query},
                            headers={"Authorization": f"Bearer {sandbox.afosto.API_KEY}"})
            assert r.status_code == 200 and r.json()["data"]["channels"]["edges"]
            events = sandbox.step(5)  # the test's thread and the server's thread share the worlds safely
            assert client.post("/_sandbox/step", json={"count": 1}).status_code == 200
            state = client.get("/_sandbox/state").json()
            assert len(state["epages"]["orders"]) >= 9
            assert state["activity"]["recent"][: len(events)] == events
            counts = client.get("/_sandbox/requests").json()
            assert counts["epages"]["paths"]["GET /api/orders"] == 3 and counts["afosto"]["total"] == 1
            assert client.delete("/_sandbox/requests").status_code == 200
            assert client.get("/_sandbox/requests").json()["epages"]["total"] == 0


def test_activity_runs_on_its_own_only_while_switched_on() -> None:
    sandbox = Sandbox(seed=2, orders=3, activity="calm")
    with run_in_thread(sandbox) as url, httpx.Client(base_url=url, timeout=10) as client:
        assert sandbox.activity_running  # started with the server
        assert client.post("/_sandbox/activity", json={"mode": "off"}).json()["mode"] == "off"
        assert not sandbox.activity_running
        assert client.post("/_sandbox/activity", json={"mode": "busy"}).status_code == 200
        assert sandbox.activity_running
    assert not sandbox.activity_running  # and stopped with it


def test_a_dropped_connection_is_a_transport_error_for_a_real_client() -> None:
    sandbox = Sandbox(seed=2, orders=3, faults="stock:drop=1")
    product = sandbox.epages.catalogue.by_sku["CF-1001"]
    before = product.stock
    with run_in_thread(sandbox) as url, httpx.Client(base_url=url, timeout=10) as client:
        token = client.post("/api/oauth/token", params={"grant_type": "client_credentials"},
                            auth=("sandbox-client", "sandbox-secret")).json()["access_token"]
        with pytest.raises(httpx.TransportError):
            client.post(f"/api/products/{product.product_id}/availability/adjust-available-stock",
                        json={"relativeAmount": 2}, headers={"Authorization": f"Bearer {token}"})
    assert product.stock == before + 2


def test_the_server_stops_and_frees_its_port() -> None:
    with run_in_thread(Sandbox(seed=2, orders=1)) as url:
        port = int(url.rsplit(":", 1)[1])
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))  # would fail while a server still listened


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT as Ctrl+C does on a terminal")
def test_the_sandbox_command_prints_where_it_runs_and_stops_on_ctrl_c() -> None:
    program = ("import argparse, sys\n"
               "from epages_sync.sandbox.cli import add_sandbox_parser, run_sandbox\n"
               "parser = argparse.ArgumentParser(); sub = parser.add_subparsers(dest='command')\n"
               "add_sandbox_parser(sub)\n"
               "sys.exit(run_sandbox(parser.parse_args(['sandbox', '--port', '0', '--orders', '3'])))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Sandbox running at http://127.0.0.1:"), first + proc.stderr.read()
        url = first.split()[3]
        lines = [proc.stdout.readline() for _ in range(5)]
        assert any("sandbox-client" in line and "sandbox-secret" in line for line in lines)
        assert any("/graphql" in line for line in lines)
        with httpx.Client(base_url=url, timeout=10) as client:
            assert client.get("/_sandbox/state").status_code == 200
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
        assert proc.returncode == 0 and "Sandbox stopped." in out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_sandbox_command_refuses_a_bad_fault_spec_and_documents_the_format() -> None:
    import argparse

    from epages_sync.sandbox.cli import add_sandbox_parser

    parser = argparse.ArgumentParser(prog="epages-sync")
    add_sandbox_parser(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit):
        parser.parse_args(["sandbox", "--faults", "epages:5xx=3"])
    args = parser.parse_args(["sandbox", "--faults", "stock:409=0.2", "--activity", "busy", "--seed", "4"])
    assert (args.port, args.seed, args.activity, args.faults) == (8765, 4, "busy", "stock:409=0.2")
    sandbox_parser = parser._subparsers._group_actions[0].choices["sandbox"]  # type: ignore[union-attr]
    assert "drop=SHARE" in sandbox_parser.format_help() and "token:expire" in sandbox_parser.format_help()
