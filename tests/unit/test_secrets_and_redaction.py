"""Secrets live only in a secure keyring; logs and stored text never show them."""

from __future__ import annotations

import logging
import pathlib

import keyring.backends.fail
import pytest

from epages_sync.errors import SecretStoreUnavailable
from epages_sync.logs import setup_logging
from epages_sync.redaction import MASK, redactor
from epages_sync.secrets import MemoryKeyring, Secrets

TOKEN = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZSI6WyJvcmRyOnJ1Il0sInRlbmFudElkIjoxfQ."
         "c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw")


def test_secrets_are_kept_per_store_in_the_keyring() -> None:
    backend = MemoryKeyring()
    s = Secrets("shop-a", backend)
    s.set_client_secret("cs-0123456789")
    s.set_afosto_key("ak-abcdefghij")
    assert s.client_secret() == "cs-0123456789"
    assert Secrets("shop-b", backend).client_secret() is None
    assert ("epages-sync:shop-a", "afosto-api-key") in backend.items
    s.delete_all()
    assert backend.items == {}


def test_without_a_secure_keyring_nothing_is_stored_and_the_message_says_why() -> None:
    s = Secrets("shop", keyring.backends.fail.Keyring())
    assert not s.available
    with pytest.raises(SecretStoreUnavailable) as exc:
        s.set_client_secret("cs-0123456789")
    assert "secure password store" in str(exc.value).lower()
    assert "plain file" in exc.value.action


def test_environment_variables_supply_secrets_for_service_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EPAGES_SYNC_CLIENT_SECRET", "from-env-secret")
    assert Secrets("shop", keyring.backends.fail.Keyring()).client_secret() == "from-env-secret"


@pytest.fixture
def file_logging(tmp_path: pathlib.Path):
    logger = setup_logging(tmp_path)
    yield logger
    # Give the logger back as other tests expect it (propagating, no file handler).
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    logger.propagate = True
    logger.setLevel(logging.NOTSET)


def test_a_token_passed_through_the_logging_filter_never_reaches_the_file(tmp_path: pathlib.Path,
                                                                          file_logging: logging.Logger) -> None:
    logger = file_logging
    redactor.add_secret("super-secret-value-42")
    log = logging.getLogger("epages_sync.test")
    log.info("token response %s", {"access_token": TOKEN, "expires_in": 43199})
    log.warning("header Authorization: Bearer %s", TOKEN)
    log.info("secret seen: super-secret-value-42 and client_secret=abcdefgh123")
    try:
        raise RuntimeError(f"failed with {TOKEN}")
    except RuntimeError:
        log.exception("request failed")
    for h in logger.handlers:
        h.flush()
    text = "".join(p.read_text() for p in tmp_path.glob("*.log*"))
    assert TOKEN not in text
    assert "super-secret-value-42" not in text
    assert "abcdefgh123" not in text
    assert text.count(MASK) >= 4
    assert "expires_in" in text  # the rest of the record survives


def test_redaction_of_request_details_masks_headers_and_secret_fields() -> None:
    detail = {"headers": {"Authorization": "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=", "Accept": "x"},
              "body": {"access_token": TOKEN, "orderNumber": "10001"}}
    clean = redactor.value(detail)
    assert clean["headers"]["Authorization"] == MASK
    assert clean["headers"]["Accept"] == "x"
    assert clean["body"]["access_token"] == MASK
    assert clean["body"]["orderNumber"] == "10001"


def test_the_in_memory_keyring_is_never_picked_on_its_own() -> None:
    import subprocess
    import sys
    code = ("import keyring, epages_sync.secrets as s; from keyring.backend import get_all_keyring; "
            "print(any(isinstance(k, s.MemoryKeyring) for k in get_all_keyring()), type(keyring.get_keyring()).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"
    assert out[1] != "MemoryKeyring"
