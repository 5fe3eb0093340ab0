"""The outbox sends each push once and survives crashes; parked items wait for a person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from epages_sync.store import Outcome, ParkedStatus, PushStatus, Store, StoreError

T0 = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(clock: FakeClock) -> Store:
    return Store.memory(clock=clock)


def _ship(store: Store, parcel: str, **kw: object) -> bool:
    return store.enqueue(f"ship:{parcel}", "shipment", {"parcel": parcel, "tracking": "3S1"},
                         epages_order_id="ep-1", epages_order_number="10001", **kw)  # type: ignore[arg-type]


def test_the_same_push_is_never_queued_twice(store: Store) -> None:
    assert _ship(store, "P1")
    assert not _ship(store, "P1")
    store.mark_in_flight("ship:P1")
    store.complete("ship:P1")
    # Even after it went out, seeing the parcel again does not send it again.
    assert not _ship(store, "P1")
    push = store.get_push("ship:P1")
    assert push is not None and push.status is PushStatus.DONE
    assert push.payload == {"parcel": "P1", "tracking": "3S1"}
    assert (push.epages_order_id, push.epages_order_number) == ("ep-1", "10001")


def test_due_pushes_come_oldest_deadline_first_and_only_when_due(store: Store, clock: FakeClock) -> None:
    _ship(store, "later", not_before=T0 + dt.timedelta(minutes=5))
    _ship(store, "now")
    _ship(store, "soon", not_before=T0 + dt.timedelta(minutes=1))
    assert [p.key for p in store.due()] == ["ship:now"]
    clock.advance(minutes=10)
    assert [p.key for p in store.due()] == ["ship:now", "ship:soon", "ship:later"]
    assert [p.key for p in store.due(limit=2)] == ["ship:now", "ship:soon"]
    # A push being sent is not handed out a second time.
    store.mark_in_flight("ship:now")
    assert [p.key for p in store.due()] == ["ship:soon", "ship:later"]
    assert store.outbox_depth() == 3


def test_a_send_in_progress_is_known_after_a_restart(data_dir: Path, clock: FakeClock) -> None:
    path = data_dir / "epages-sync.sqlite3"
    store = Store.open(path, clock=clock)
    _ship(store, "P1")
    _ship(store, "P2")
    assert store.mark_in_flight("ship:P1")
    store.close()  # the app dies while ePages may or may not have applied P1

    store = Store.open(path, clock=clock)
    assert [p.key for p in store.in_flight()] == ["ship:P1"]
    assert [p.key for p in store.due()] == ["ship:P2"]
    store.close()


def test_attempts_are_recorded_with_redacted_exchanges_and_retry_later(store: Store, clock: FakeClock) -> None:
    _ship(store, "P1")
    store.mark_in_flight("ship:P1")
    store.record_attempt("ship:P1", Outcome.RETRYING, "ePages did not answer in time (timeout)",
                         next_attempt_at=T0 + dt.timedelta(seconds=30),
                         request={"url": "/orders/ep-1/processes/shipping",
                                  "headers": {"Authorization": "Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2ln"}})
    push = store.get_push("ship:P1")
    assert push is not None
    assert push.status is PushStatus.PENDING and push.attempts == 1
    assert push.last_error == "ePages did not answer in time (timeout)"
    assert store.due() == []
    clock.advance(seconds=30)
    assert [p.key for p in store.due()] == ["ship:P1"]

    store.mark_in_flight("ship:P1")
    store.record_attempt("ship:P1", Outcome.OK, "Shipped", response={"status": 201})
    assert store.complete("ship:P1")
    history = store.push_attempts("ship:P1")
    assert [(a.outcome, a.message) for a in history] == [
        (Outcome.RETRYING, "ePages did not answer in time (timeout)"), (Outcome.OK, "Shipped")]
    assert "eyJ" not in str(history[0].request)
    assert history[0].request["url"] == "/orders/ep-1/processes/shipping"
    assert history[1].response == {"status": 201}
    assert store.outbox_depth() == 0


def test_an_attempt_for_an_unknown_push_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.record_attempt("ship:nowhere", Outcome.ERROR, "lost")


def test_done_pushes_are_pruned_by_age_and_open_ones_kept(store: Store, clock: FakeClock) -> None:
    _ship(store, "old")
    store.complete("ship:old")
    _ship(store, "waiting")
    clock.advance(days=31)
    _ship(store, "recent")
    store.complete("ship:recent")
    assert store.prune_outbox(older_than_days=30) == 1
    assert store.get_push("ship:old") is None
    assert store.get_push("ship:waiting") is not None
    assert store.get_push("ship:recent") is not None


def test_a_refused_push_is_parked_then_retried_or_dismissed(store: Store, clock: FakeClock) -> None:
    _ship(store, "P1")
    store.mark_in_flight("ship:P1")
    parked_id = store.park("push", "10001", "ePages refused the shipment: line item already shipped",
                           response={"status": 400, "body": {"message": "already shipped"}},
                           outbox_key="ship:P1")
    assert store.get_push("ship:P1").status is PushStatus.PARKED  # type: ignore[union-attr]
    assert store.due() == [] and store.outbox_depth() == 0
    assert store.parked_count() == 1

    clock.advance(minutes=3)
    item = store.retry_parked(parked_id)
    assert item is not None and item.status is ParkedStatus.RETRIED and item.outbox_key == "ship:P1"
    assert [p.key for p in store.due()] == ["ship:P1"]
    assert store.parked_count() == 0
    assert store.retry_parked(parked_id) is None

    # Refused again: the same item comes back, not a second one.
    assert store.park("push", "10001", "refused again", outbox_key="ship:P1") == parked_id
    again = store.get_parked(parked_id)
    assert again is not None and again.status is ParkedStatus.OPEN and again.times == 2
    assert again.message == "refused again"

    assert store.dismiss_parked(parked_id)
    assert not store.dismiss_parked(parked_id)
    assert store.get_push("ship:P1").status is PushStatus.DISMISSED  # type: ignore[union-attr]
    assert store.due() == [] and store.open_parked() == []
    # Dismissed means not sent, and the key still keeps it from being queued anew.
    assert not _ship(store, "P1")


def test_reparking_the_same_problem_updates_one_item(store: Store) -> None:
    first = store.park("order", "10002", "SKU 4711 is unknown in Afosto", data={"epages_order_id": "ep-2"})
    second = store.park("order", "10002", "SKU 4711 and 4712 are unknown in Afosto",
                        data={"epages_order_id": "ep-2"})
    other = store.park("stock", "4711", "Stock would drop from 40 to 0")
    assert first == second != other
    items = store.open_parked()
    assert [(i.kind, i.reference, i.times) for i in items] == [("order", "10002", 2), ("stock", "4711", 1)]
    assert items[0].message == "SKU 4711 and 4712 are unknown in Afosto"
    assert store.parked_count() == 2

    item = store.retry_parked(first)
    assert item is not None and item.data == {"epages_order_id": "ep-2"}
    # After a dismissal the same problem later is a fresh item for the person.
    assert store.dismiss_parked(other)
    assert store.park("stock", "4711", "Stock would drop from 40 to 0") != other
    assert store.parked_count() == 1


def test_parked_and_attempted_exchanges_are_stored_redacted(store: Store) -> None:
    pid = store.park("order", "10003", "Afosto refused the order",
                     request={"query": "mutation", "headers": {"Authorization": "Bearer abcdefghijklmnopqrstuv"}},
                     response={"errors": [{"message": "VALIDATION_ERROR"}]})
    item = store.get_parked(pid)
    assert item is not None
    assert "abcdefghijklmnopqrstuv" not in str(item.request)
    _ship(store, "P9")
    store.record_attempt("ship:P9", Outcome.ERROR, "401 for token=abcdefghijklmnopqrstuv")
    assert "abcdefghijklmnopqrstuv" not in str(store.get_push("ship:P9"))
    assert "abcdefghijklmnopqrstuv" not in str(store.push_attempts("ship:P9"))
    assert item.response == {"errors": [{"message": "VALIDATION_ERROR"}]}


def test_items_parked_for_the_same_reason_share_a_cause(store: Store) -> None:
    from epages_sync.texts import Text

    def unknown(number: str, sku: str) -> Text:
        return Text("Order {number}: SKU {skus} is unknown in Afosto.", number=number, skus=sku)

    same = [store.park("order", n, unknown(n, "TEE-RED"), data={"order_number": n}) for n in ("1001", "1002")]
    other = store.park("order", "1003", unknown("1003", "MUG"), data={"order_number": "1003"})
    plain = [store.park("push", f"ship:{n}", f"Order {n}: ePages refused: already shipped",
                        data={"order_number": n}) for n in ("1004", "1005")]
    causes = {i: store.get_parked(i).cause for i in [*same, other, *plain]}  # type: ignore[union-attr]
    assert causes[same[0]] == causes[same[1]] != causes[other]
    assert causes[plain[0]] == causes[plain[1]] != causes[same[0]]
    assert [i.id for i in store.open_parked_with_cause(causes[same[0]] or "")] == same
    store.dismiss_parked(same[0])
    assert [i.id for i in store.open_parked_with_cause(causes[same[0]] or "")] == [same[1]]
