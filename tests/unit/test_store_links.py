"""Links decide what counts as synced: a pending claim, completion, uniqueness both ways, resolution."""

from __future__ import annotations

import pytest

from epages_sync.store import LinkConflict, LinkKind, LinkStatus, Origin, Store, StoreError


@pytest.fixture
def store() -> Store:
    return Store.memory()


def test_an_order_is_claimed_once_then_completed_with_its_afosto_id(store: Store) -> None:
    assert store.add_pending_link(LinkKind.ORDER, "ep-1", data={"number": "10001"})
    # A second poll (or a restart) seeing the same order must not create it in Afosto again.
    assert not store.add_pending_link(LinkKind.ORDER, "ep-1")
    pending = store.link_by_epages("order", "ep-1")
    assert pending is not None and pending.status is LinkStatus.PENDING and pending.afosto_id is None
    assert [link.epages_id for link in store.pending_links("order")] == ["ep-1"]

    done = store.complete_link("order", "ep-1", "af-1", data={"afosto_number": "A-7"})
    assert done.status is LinkStatus.LINKED and done.afosto_id == "af-1"
    assert done.data == {"number": "10001", "afosto_number": "A-7"}
    assert store.link_by_afosto("order", "af-1") == done
    assert store.pending_links("order") == []
    # Completing again with the same id (a retried step) is harmless; another id is a conflict.
    assert store.complete_link("order", "ep-1", "af-1").afosto_id == "af-1"
    with pytest.raises(LinkConflict):
        store.complete_link("order", "ep-1", "af-2")


def test_an_afosto_thing_is_never_linked_to_two_epages_things(store: Store) -> None:
    store.add_link("process", "ep-proc-1", "parcel-1", origin=Origin.APP)
    with pytest.raises(LinkConflict) as exc:
        store.add_link("process", "ep-proc-2", "parcel-1")
    assert "parcel-1" in exc.value.message and "ep-proc-1" in exc.value.message
    store.add_pending_link("process", "ep-proc-3")
    with pytest.raises(LinkConflict):
        store.complete_link("process", "ep-proc-3", "parcel-1")
    # The same Afosto id under another kind is a different thing.
    store.add_link("line", "ep-line-1", "parcel-1")
    assert store.link_by_afosto("process", "parcel-1").epages_id == "ep-proc-1"  # type: ignore[union-attr]


def test_an_epages_thing_is_never_linked_twice(store: Store) -> None:
    first = store.add_link("product", "ep-prod", "sku-A")
    assert store.add_link("product", "ep-prod", "sku-A") == first
    with pytest.raises(LinkConflict):
        store.add_link("product", "ep-prod", "sku-B")
    store.add_pending_link("order", "ep-2")
    with pytest.raises(LinkConflict):
        store.add_link("order", "ep-2", "af-2")


def test_origin_tells_what_the_app_wrote_itself(store: Store) -> None:
    store.add_link("process", "ep-ship-1", "parcel-9", parent="ep-order-1", origin=Origin.APP)
    store.add_link("process", "ep-ship-2", "af-ship-2", parent="ep-order-1", origin=Origin.EPAGES)
    origins = {link.epages_id: link.origin for link in store.links_for_parent("process", "ep-order-1")}
    assert origins == {"ep-ship-1": Origin.APP, "ep-ship-2": Origin.EPAGES}


def test_a_pending_link_that_never_reached_afosto_is_resolved_by_deleting_it(store: Store) -> None:
    store.add_pending_link("order", "ep-3")
    assert store.delete_link("order", "ep-3")
    assert store.link_by_epages("order", "ep-3") is None
    assert not store.delete_link("order", "ep-3")
    # The order can be claimed again and imported on the next poll.
    assert store.add_pending_link("order", "ep-3")


def test_a_completed_link_is_never_deleted(store: Store) -> None:
    store.add_link("order", "ep-4", "af-4")
    with pytest.raises(LinkConflict):
        store.delete_link("order", "ep-4")
    assert store.link_by_epages("order", "ep-4") is not None


def test_completing_a_link_that_is_not_there_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError):
        store.complete_link("order", "nowhere", "af-x")


def test_lines_and_processes_are_found_by_their_order(store: Store) -> None:
    store.add_link("line", "l1", "i1", parent="ep-order-1")
    store.add_link("line", "l2", "i2", parent="ep-order-1")
    store.add_link("line", "l3", "i3", parent="ep-order-2")
    assert [link.epages_id for link in store.links_for_parent("line", "ep-order-1")] == ["l1", "l2"]
    assert store.links_for_parent("process", "ep-order-1") == []
    assert store.count_links("line") == 3
    assert store.count_links("order") == 0


def test_finished_orders_are_no_longer_watched_and_pages_continue(store: Store) -> None:
    for i in range(5):
        store.add_link("order", f"ep-{i}", f"af-{i}")
    store.add_pending_link("order", "ep-pending")
    store.add_link("line", "line-0", "item-0", parent="ep-0")

    assert store.mark_order_finished("ep-1")
    assert not store.mark_order_finished("ep-1")
    assert not store.mark_order_finished("ep-pending")

    first = store.unfinished_orders(limit=2)
    assert [link.epages_id for link in first] == ["ep-0", "ep-2"]
    rest = store.unfinished_orders(limit=2, after=first[-1].id)
    assert [link.epages_id for link in rest] == ["ep-3", "ep-4"]
    assert store.unfinished_orders(limit=2, after=rest[-1].id) == []
    assert store.count_links("order", LinkStatus.PENDING) == 1
