"""Big simulated answers are written a list item at a time (so the demo's window gets its turn between
items); the text must be the same, byte for byte, as one ``json.dumps`` would write."""

from __future__ import annotations

import json
from decimal import Decimal


def test_a_page_written_an_item_at_a_time_is_the_same_text() -> None:
    """Writing big pages in parts (so the demo's window gets its turn) must not change a single byte."""
    from epages_sync.sandbox.epages import wire

    order = {"orderNumber": "10001", "grandTotal": wire.money(Decimal("19.90")), "notes": "Größe M – \"rot\"",
             "lineItems": [{"quantity": {"amount": wire.number(Decimal(2))}, "tags": []}, {"tags": ["x"]}]}
    body = {"_embedded": {"orders": [order, {**order, "orderNumber": "10002"}], "empty": [], "one": [order]},
            "_links": {"next": {"href": "https://shop/api/orders?page=1"}}, "page": {"size": 2, "number": 0}}
    whole = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    expected = whole.replace(wire._OPEN_ESCAPED, "").replace(wire._CLOSE_ESCAPED, "").encode("utf-8")
    assert wire.encode(body) == expected
    assert json.loads(wire.encode(body))["_embedded"]["orders"][1]["grandTotal"]["amount"] == 19.9


def test_graphql_answers_written_in_parts_are_the_same_text() -> None:
    from starlette.responses import JSONResponse as Plain

    from epages_sync.sandbox.afosto.world import _PagedJSONResponse

    answer = {"data": {"orders": {"edges": [{"node": {"id": "o1", "items": [{"sku": "Größe"}] * 3}}] * 4,
                                  "pageInfo": {"hasNextPage": False, "endCursor": None}}}}
    assert _PagedJSONResponse(answer).body == Plain(answer).body
