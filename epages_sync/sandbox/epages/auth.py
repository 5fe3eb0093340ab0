"""The shop's custom apps and their tokens: client-credentials grant, JWT-shaped bearer tokens, scope checks.

Tokens look like Beyond's (RS256 header, ``scope`` as an array of merged entries such as ``"ordr:ru"``) but
are signed with a key only this sandbox knows; they are checked on every request: signature, expiry, and
whether the app was revoked since.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from .refusals import BeyondError

CLIENT_ID = "sandbox-client"
LIMITED_CLIENT_ID = "sandbox-limited"
CLIENT_SECRET = "sandbox-secret"
# Everything the sync needs, merged per resource the way Beyond lists granted scopes.
FULL_SCOPES = "ordr:ru orde:r ordp:r shpr:cru clpr:cr rtpr:cr rfpr:r prod:r prda:ru loca:r shpz:r"
# An app set up with boxes left unticked: no stock updates, no creating shipping/pickup processes, no
# locations.
LIMITED_SCOPES = "ordr:ru orde:r ordp:r shpr:ru clpr:cr rtpr:cr rfpr:r prod:r prda:r shpz:r"
DEFAULT_TOKEN_LIFETIME = 43199


def parse_scopes(text: str | list[str]) -> dict[str, set[str]]:
    """``"prod:cr prda:u"`` or ``["prod:cr"]`` -> ``{"prod": {"c", "r"}, "prda": {"u"}}``."""
    entries = text.split() if isinstance(text, str) else text
    out: dict[str, set[str]] = {}
    for entry in entries:
        resource, _, letters = entry.partition(":")
        out.setdefault(resource, set()).update(letters)
    return out


class OAuthRefusal(Exception):
    """The token endpoint's own error style: ``{"error", "error_description"}``, not Beyond's body."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


@dataclass(frozen=True)
class Grant:
    client_id: str
    scopes: dict[str, set[str]]

    def allows(self, scope: str) -> bool:
        resource, _, letter = scope.partition(":")
        return letter in self.scopes.get(resource, set())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _unauthorized(message: str, reason: str = "invalid_token") -> BeyondError:
    return BeyondError(401, "unauthorized", message,
                       headers={"WWW-Authenticate":
                                f'Bearer error="{reason}", error_description="{message}"'})


class TokenDesk:
    """Issues and checks tokens for the shop's custom apps."""

    _HEADER = _b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "1"}, separators=(",", ":")).encode())

    def __init__(self, tenant_id: int, *, clock: Callable[[], float] = time.time,
                 lifetime: int = DEFAULT_TOKEN_LIFETIME,
                 max_age: Callable[[], float | None] = lambda: None) -> None:
        self.tenant_id = tenant_id
        self.clock = clock
        self.lifetime = lifetime
        # A fault may make tokens die early, before the expires_in they announced.
        self.max_age = max_age
        self.clients: dict[str, tuple[str, str]] = {
            CLIENT_ID: (CLIENT_SECRET, FULL_SCOPES), LIMITED_CLIENT_ID: (CLIENT_SECRET, LIMITED_SCOPES)}
        self.revoked: set[str] = set()
        self._key = secrets.token_bytes(32)
        self._checked: dict[str, tuple[Grant, int, int]] = {}  # token -> (grant, iat, exp), saves re-parsing

    def revoke(self, client_id: str) -> None:
        """As if the shop owner removed the app in the cockpit: no new tokens, issued ones stop working."""
        self.revoked.add(client_id)

    def restore(self, client_id: str) -> None:
        self.revoked.discard(client_id)

    def _sign(self, message: bytes) -> str:
        # 256 bytes, the size of a real RS256 signature, so tokens have a realistic length.
        blocks = b"".join(hmac.new(self._key, bytes([i]) + message, hashlib.sha256).digest()
                          for i in range(8))
        return _b64(blocks)

    def issue(self, authorization: str | None, grant_type: str | None) -> dict[str, object]:
        client_id, secret = self._basic(authorization)
        known = self.clients.get(client_id)
        if known is None or not hmac.compare_digest(known[0], secret):
            raise OAuthRefusal(401, "unauthorized", "Bad credentials")
        if client_id in self.revoked:
            raise OAuthRefusal(401, "unauthorized", "The client was revoked.")
        if grant_type != "client_credentials":
            raise OAuthRefusal(400, "unsupported_grant_type",
                               f"Unsupported grant type: {grant_type}" if grant_type
                               else "Missing grant type")
        scopes = known[1].split()
        iat = int(self.clock())
        jti = _b64(secrets.token_bytes(20))
        payload = {"scope": scopes, "tenantId": self.tenant_id, "exp": iat + self.lifetime, "iat": iat,
                   "jti": jti, "client_id": client_id}
        body = self._HEADER + "." + _b64(json.dumps(payload, separators=(",", ":")).encode())
        token = body + "." + self._sign(body.encode("utf-8"))
        return {"access_token": token, "token_type": "bearer", "expires_in": self.lifetime,
                "scope": " ".join(scopes), "tenantId": self.tenant_id, "iat": iat, "jti": jti}

    @staticmethod
    def _basic(authorization: str | None) -> tuple[str, str]:
        if not authorization or not authorization.lower().startswith("basic "):
            raise OAuthRefusal(401, "unauthorized", "Full authentication is required to access this resource")
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise OAuthRefusal(401, "unauthorized", "Failed to decode basic authentication token") from None
        client_id, sep, secret = decoded.partition(":")
        if not sep:
            raise OAuthRefusal(401, "unauthorized", "Invalid basic authentication token")
        return client_id, secret

    def check(self, authorization: str | None) -> Grant:
        """The grant behind a bearer token, or Beyond's 401."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise _unauthorized("Full authentication is required to access this resource", "unauthorized")
        token = authorization[7:].strip()
        known = self._checked.get(token)
        if known is None:
            known = self._read(token)
            if len(self._checked) > 1000:
                self._checked.clear()
            self._checked[token] = known
        grant, iat, exp = known
        now = self.clock()
        if now >= exp:
            raise _unauthorized(f"Access token expired: {token[:12]}...")
        max_age = self.max_age()
        if max_age is not None and now >= iat + max_age:
            raise _unauthorized(f"Access token expired: {token[:12]}...")
        if grant.client_id in self.revoked:
            raise _unauthorized("The client was revoked.")
        return grant

    def _read(self, token: str) -> tuple[Grant, int, int]:
        parts = token.split(".")
        try:
            expected = self._sign(f"{parts[0]}.{parts[1]}".encode()).encode("ascii")
            if len(parts) != 3 or not hmac.compare_digest(expected, parts[2].encode("utf-8")):
                raise ValueError("signature")
            payload = json.loads(_unb64(parts[1]))
            return (Grant(payload["client_id"], parse_scopes(payload["scope"])), int(payload["iat"]),
                    int(payload["exp"]))
        except (ValueError, KeyError, TypeError, IndexError):
            raise _unauthorized("Cannot convert access token to JSON") from None

    @staticmethod
    def require(grant: Grant, scope: str) -> None:
        if not grant.allows(scope):
            raise BeyondError(403, "access-denied", f"Access is denied. The app lacks the scope {scope}.")
