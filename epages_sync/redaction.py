"""Removes secrets, tokens and Authorization headers from any text before it is logged or stored."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

MASK = "«redacted»"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Authorization headers in any spelling, with the scheme kept so support can still read what was sent.
    (
        re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"),
        r"\1\2 " + MASK,
    ),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/-]{12,}=*"), r"\1 " + MASK),
    # JWTs wherever they appear.
    (re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), MASK),
    # key=value and "key": "value" for the names secrets travel under.
    (
        re.compile(
            r"(?i)([\"']?(?:access_token|refresh_token|client_secret|api_key|apikey|password|secret|token)"
            r"[\"']?\s*[:=]\s*[\"']?)([^\"'&\s,}]+)"
        ),
        r"\1" + MASK,
    ),
]


# Every pattern above needs one of these words (JWTs start with "eyJ"); text without them is left as it is.
_TRIGGERS = ("authorization", "bearer", "basic", "eyj", "token", "secret", "api_key", "apikey", "password")


class Redactor:
    """Pattern-based redaction plus the exact secret values the app knows at run time."""

    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add_secret(self, value: str | None) -> None:
        # Very short values would mangle ordinary words; real secrets are long.
        if value and len(value) >= 6:
            with self._lock:
                self._secrets.add(value)

    def add_secrets(self, values: Iterable[str | None]) -> None:
        for v in values:
            self.add_secret(v)

    def text(self, text: str) -> str:
        with self._lock:
            known = sorted(self._secrets, key=len, reverse=True)
        for secret in known:
            if secret in text:
                text = text.replace(secret, MASK)
        lowered = text.lower()
        if not any(word in lowered for word in _TRIGGERS):
            return text  # nothing any pattern could match: skip the expensive passes
        for pattern, repl in _PATTERNS:
            text = pattern.sub(repl, text)
        return text

    def value(self, value: Any) -> Any:
        """Redact strings inside JSON-like data (dicts, lists), keys named like secrets masked whole."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                if isinstance(k, str) and _SECRET_KEY.search(k):
                    out[k] = MASK
                else:
                    out[k] = self.value(v)
            return out
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        return value


_SECRET_KEY = re.compile(
    r"(?i)^(authorization|access_token|refresh_token|client_secret|api_key|apikey|password|"
    r"secret|token|x-api-key)$"
)

# One redactor for the process: secrets registered anywhere are removed everywhere.
redactor = Redactor()


def redact(text: str) -> str:
    return redactor.text(text)
