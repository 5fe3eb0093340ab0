"""A simulated ePages Beyond shop: its world (catalogue, orders, processes, rules) and its REST endpoints."""

from __future__ import annotations

from .api import EpagesApi
from .auth import (
    CLIENT_ID,
    CLIENT_SECRET,
    DEFAULT_TOKEN_LIFETIME,
    FULL_SCOPES,
    LIMITED_CLIENT_ID,
    LIMITED_SCOPES,
    TokenDesk,
    parse_scopes,
)
from .refusals import BeyondError
from .world import EpagesWorld, iso_to_ms, ms_to_iso

__all__ = [
    "CLIENT_ID", "CLIENT_SECRET", "DEFAULT_TOKEN_LIFETIME", "FULL_SCOPES", "LIMITED_CLIENT_ID",
    "LIMITED_SCOPES", "BeyondError", "EpagesApi", "EpagesWorld", "TokenDesk", "iso_to_ms", "ms_to_iso",
    "parse_scopes",
]
