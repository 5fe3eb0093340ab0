"""The Afosto simulator: a GraphQL tenant (schema.graphql) with warehouse activity, for tests and the demo."""

from __future__ import annotations

from .api import SCHEMA_PATH, afosto_schema
from .world import AfostoWorld

__all__ = ["SCHEMA_PATH", "AfostoWorld", "afosto_schema"]
