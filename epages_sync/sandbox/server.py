"""Serving the sandbox over loopback with uvicorn: in a background thread (tests, benchmarks, demo) or in
the foreground (the ``sandbox`` command). It only ever binds to 127.0.0.1."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from .app import Sandbox
from .faults import ConnectionDropped

HOST = "127.0.0.1"


class _HideDeliberateDrops(logging.Filter):
    """A connection the fault plan drops on purpose is not a server error worth a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


_filter = _HideDeliberateDrops()


def _config(sandbox: Sandbox, log_level: str) -> uvicorn.Config:
    logging.getLogger("uvicorn.error").addFilter(_filter)
    # h11 and asyncio are enough for loopback; access logs would cost more than the requests themselves.
    return uvicorn.Config(sandbox.app, host=HOST, lifespan="on", log_level=log_level, access_log=False,
                          http="h11", loop="asyncio", timeout_graceful_shutdown=2)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1; port 0 picks a free one. Raises OSError when the port is taken."""
    # IPPROTO_TCP spelled out: asyncio switches Nagle off only for sockets that say so, and without that
    # every answer written in two parts waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((HOST, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def base_url(sock: socket.socket) -> str:
    return f"http://{HOST}:{sock.getsockname()[1]}"


@contextmanager
def run_in_thread(sandbox: Sandbox, port: int = 0, *, log_level: str = "warning") -> Iterator[str]:
    """Serve the sandbox in a background thread; yields its base URL (``http://127.0.0.1:PORT``).

    The socket is listening before the URL is handed out, so the first request never races the start-up.
    Leaving the block stops the server and waits for the thread.
    """
    sock = bind(port)
    server = uvicorn.Server(_config(sandbox, log_level))
    failure: list[BaseException] = []

    def serve_forever() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as e:  # noqa: BLE001 (surfaced in the caller's thread below)
            failure.append(e)

    thread = threading.Thread(target=serve_forever, name="sandbox-server", daemon=True)
    thread.start()
    # Requests would simply queue on the listening socket, but direct calls (activity, state) should see
    # a started app; a server that dies during start-up ends the wait too.
    while not sandbox.serving.wait(0.05) and thread.is_alive():
        pass
    try:
        if failure:
            raise RuntimeError("The sandbox server could not start.") from failure[0]
        yield base_url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        if failure:
            raise RuntimeError("The sandbox server stopped with an error.") from failure[0]


def serve(sandbox: Sandbox, port: int, *, log_level: str = "info", sock: socket.socket | None = None) -> None:
    """Serve in the foreground until Ctrl+C.

    uvicorn shuts down cleanly on the signal and then raises it again, so the caller sees KeyboardInterrupt
    only after the server is down.
    """
    sock = sock or bind(port)
    try:
        uvicorn.Server(_config(sandbox, log_level)).run(sockets=[sock])
    finally:
        sock.close()
