"""JSON text for big answers, written a list item at a time.

One ``json.dumps`` call over a page of 100 orders (750 KB) holds Python's interpreter lock for over 10 ms.
The demo serves both simulated APIs from the window's own process, so the window would stand still for that
long; between the items of a list the window gets its turn. The text is the same, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Lists this deep or less are written item by item: the pages' lists (``_embedded.orders``,
# ``data.orders.edges``) sit at depth 1 or 2.
_DEPTH = 3


def dumps_in_parts(value: Any, dumps: Callable[[Any], str], depth: int = 0) -> str:
    """``dumps(value)``, in parts; ``dumps`` must write compact JSON (no spaces after separators)."""
    if depth < _DEPTH and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return "{" + ",".join(f"{dumps(k)}:{dumps_in_parts(v, dumps, depth + 1)}" for k, v in value.items()) + "}"
    if depth < _DEPTH and isinstance(value, list) and len(value) > 1:
        return "[" + ",".join(dumps_in_parts(item, dumps, _DEPTH) for item in value) + "]"
    return dumps(value)
