"""What waits for a person, on the command line: listed, retried or dismissed by id or by cause."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from epages_sync.__main__ import main
from epages_sync.paths import app_paths
from epages_sync.store import Store
from epages_sync.texts import Text


def _park_orders(data: Path) -> dict[str, int]:
    """Three orders waiting for the same unknown SKU, one for another reason, and a refused push."""
    with Store.open(app_paths(str(data)).ensure().database) as store:
        ids = {n: store.park("order", n, Text("Order {number}: SKU {skus} is unknown in Afosto.", number=n,
                                               skus="TEE-RED"), data={"order_number": n})
               for n in ("1001", "1002", "1003")}
        ids["1004"] = store.park("order", "1004", Text("Order {number} has no product lines.", number="1004"),
                                 data={"order_number": "1004"})
        store.enqueue("ship:P9", "shipment", {"parcel_id": "P9"})
        ids["push"] = store.park("push", "ship:P9", "Order 1005: ePages refused: already shipped",
                                 data={"order_number": "1005"}, outbox_key="ship:P9")
    return ids


def _run(data: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--data-dir", str(data), *args], out=out)
    return code, out.getvalue()


def test_parked_lists_each_item_with_its_cause_and_json_for_scripts(tmp_path: Path) -> None:
    ids = _park_orders(tmp_path)
    code, text = _run(tmp_path, "parked")
    assert code == 0
    assert "SKU TEE-RED is unknown in Afosto" in text and "order not imported" in text
    assert "5 items wait for a person, 3 causes" in text
    code, raw = _run(tmp_path, "parked", "--json")
    items = json.loads(raw)
    assert [i["id"] for i in items] == list(ids.values())
    causes = {i["reference"]: i["cause"] for i in items}
    assert causes["1001"] == causes["1002"] == causes["1003"] != causes["1004"]
    assert causes["1001"] in text


def test_retry_by_cause_hands_back_every_item_of_that_cause_and_nothing_else(tmp_path: Path) -> None:
    ids = _park_orders(tmp_path)
    cause = next(i["cause"] for i in json.loads(_run(tmp_path, "parked", "--json")[1]) if i["reference"] == "1001")
    code, text = _run(tmp_path, "retry", "--cause", cause)
    assert code == 0 and "1001, 1002, 1003" in text
    with Store.open(app_paths(str(tmp_path)).database) as store:
        assert {store.get_parked(i).status for n, i in ids.items() if n in ("1001", "1002", "1003")} == {"retried"}
        assert [i.reference for i in store.open_parked()] == ["1004", "ship:P9"]
        assert "Retry asked for on the command line: 1001, 1002, 1003." in store.log_page(limit=1)[0].message


def test_dismiss_by_id_and_clear_words_for_what_is_not_open(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    ids = _park_orders(tmp_path)
    code, text = _run(tmp_path, "dismiss", str(ids["1004"]), str(ids["push"]))
    assert code == 0 and "Dismissed 2 items" in text
    with Store.open(app_paths(str(tmp_path)).database) as store:
        push = store.get_push("ship:P9")
        assert push is not None and push.status == "dismissed"  # never sent
    code, _ = _run(tmp_path, "dismiss", str(ids["1004"]))
    assert code == 1
    assert "Item " + str(ids["1004"]) + " is not waiting any more (dismissed)." in capsys.readouterr().err
    code, _ = _run(tmp_path, "retry", "--cause", "nonesuch")
    assert code == 1 and "No open parked item has the cause 'nonesuch'." in capsys.readouterr().err
    code, _ = _run(tmp_path, "retry")
    assert code == 1 and "Name what to retry" in capsys.readouterr().err
