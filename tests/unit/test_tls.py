"""Whom the HTTP client trusts: the computer's own certificate store, so HTTPS inspected by a company proxy
(signed with a root the company installed on its PCs) works as it does in the browser."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import truststore

from epages_sync.clients import http as http_module
from epages_sync.clients.http import HttpPolicy, HttpSession, tls_context
from epages_sync.errors import CertificateError

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is not here")


def test_the_client_trusts_the_system_store_not_only_a_bundled_one() -> None:
    assert isinstance(tls_context(), truststore.SSLContext)
    assert tls_context() is tls_context()  # made once: reading the store is not repeated per client


def test_a_computer_without_any_certificate_store_falls_back_to_the_bundled_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(http_module, "_system_store_exists", lambda: False)
    context = tls_context.__wrapped__()  # type: ignore[attr-defined]
    assert not isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 50  # certifi's roots are loaded


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def company_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on loopback whose certificate is signed by a private root, as an inspecting proxy's."""
    d = tmp_path_factory.mktemp("proxy")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Kaffee GmbH Proxy CA",
             "-keyout", "ca.key", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=d)
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                               "extendedKeyUsage=serverAuth\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-out", "server.pem", "-extfile", "ext.cnf", cwd=d)

    class Hello(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hello)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(d / "server.pem", d / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/api/ping", d / "ca.pem"
    finally:
        server.shutdown()
        server.server_close()


@needs_openssl
async def test_a_root_installed_on_this_computer_is_trusted(
        company_proxy: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, root = company_proxy
    # On Linux the system store is where OpenSSL is told to look; a company's root lands there.
    monkeypatch.setenv("SSL_CERT_FILE", str(root))
    monkeypatch.setattr(http_module, "tls_context", tls_context.__wrapped__)  # type: ignore[attr-defined]
    session = HttpSession("Shop", policy=HttpPolicy(max_attempts=1))
    try:
        answer = await session.request("GET", url)
    finally:
        await session.aclose()
    assert answer.json() == {"ok": True}


@needs_openssl
async def test_a_root_this_computer_does_not_trust_is_refused_in_plain_words(
        company_proxy: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = company_proxy
    monkeypatch.setattr(http_module, "tls_context", tls_context.__wrapped__)  # type: ignore[attr-defined]
    session = HttpSession("Shop", policy=HttpPolicy(max_attempts=1))
    try:
        with pytest.raises(CertificateError) as refused:
            await session.request("GET", url)
    finally:
        await session.aclose()
    assert "certificate of 127.0.0.1 could not be verified" in str(refused.value)
