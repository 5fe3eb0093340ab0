"""Opening the store: upgrades keep data and a backup, newer or foreign databases are refused, threads."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlite_utils import Database

from epages_sync.config import Flow, Settings
from epages_sync.store import (
    SCHEMA_VERSION,
    DatabaseTooNew,
    Direction,
    LogFilter,
    LogRow,
    NotOurDatabase,
    Outcome,
    Store,
    StoreError,
    schema,
)
from epages_sync.store.connection import connect


def _v1_database(path: Path) -> None:
    """A database as version 1 of the app left it, with an order link, a log row and a watermark."""
    conn = connect(str(path))
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(Database(conn), path, target=1)
    conn.execute("INSERT INTO links (kind, epages_id, afosto_id, status, parent, origin, data, created_at, "
                 "updated_at) VALUES ('order', 'ep-1', 'af-1', 'linked', NULL, 'epages', '{}', 1, 1)")
    conn.execute("INSERT INTO log (at, direction, flow, epages_ref, afosto_ref, outcome, message) "
                 "VALUES (1714550400000, 'epages_to_afosto', 'orders', '10001', 'A1', 'ok', 'Order imported')")
    conn.execute("INSERT INTO engine_state (key, value, updated_at) VALUES ('orders.watermark', '2024-05-01', 1)")
    conn.close()


def test_a_new_database_gets_the_current_layout_in_wal_mode(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        assert store.journal_mode == "wal"
        assert store._scalar("PRAGMA synchronous") == 1  # NORMAL
        assert store._scalar("PRAGMA foreign_keys") == 1
    # Nothing to protect yet, so no backup copy.
    assert list(data_dir.glob("*.bak")) == []
    with Store.open(path) as again:
        assert again.schema_version == SCHEMA_VERSION


def test_upgrading_a_version_1_database_keeps_its_data_and_a_v1_backup(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    _v1_database(path)

    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        order = store.link_by_afosto("order", "af-1")
        assert order is not None and order.epages_id == "ep-1"
        # The column version 2 added works on the old rows: the order is watched until finished.
        assert [link.epages_id for link in store.unfinished_orders()] == ["ep-1"]
        assert store.get_state("orders.watermark") == "2024-05-01"
        # Old rows are found through the filters that version 2's indexes serve.
        rows = store.log_page(filters=LogFilter(outcomes={Outcome.OK}))
        assert [(r.epages_ref, r.flow, r.message) for r in rows] == [("10001", "orders", "Order imported")]
        # Rows from before version 3 have no template: they show their stored English in every language.
        assert rows[0].message_args is None and rows[0].text == "Order imported"

    backup = data_dir / "epages-sync.sqlite3.v1.bak"
    assert backup.exists()
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT epages_id FROM links").fetchall() == [("ep-1",)]
    finally:
        copy.close()


def test_an_existing_backup_is_never_overwritten(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    (data_dir / "epages-sync.sqlite3.v1.bak").write_bytes(b"an older copy")
    _v1_database(path)
    Store.open(path).close()
    assert (data_dir / "epages-sync.sqlite3.v1.bak").read_bytes() == b"an older copy"
    assert (data_dir / "epages-sync.sqlite3.v1.2.bak").exists()


def test_a_failed_upgrade_leaves_the_old_database_usable(data_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_dir / "epages-sync.sqlite3"
    _v1_database(path)

    def broken_step(db: Database) -> None:
        db.execute("ALTER TABLE links ADD COLUMN finished_at INTEGER")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], broken_step])
    with pytest.raises(StoreError) as exc:
        Store.open(path)
    assert "disk I/O error" in exc.value.message
    monkeypatch.undo()

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "finished_at" not in [c[1] for c in conn.execute("PRAGMA table_info(links)")]
    finally:
        conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.link_by_epages("order", "ep-1") is not None


def test_a_database_from_a_newer_version_is_refused_untouched(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()

    with pytest.raises(DatabaseTooNew) as exc:
        Store.open(path)
    assert "newer version" in exc.value.title
    assert "version 7" in exc.value.message and f"up to {SCHEMA_VERSION}" in exc.value.message
    assert "Install" in exc.value.action
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    finally:
        conn.close()
    assert list(data_dir.glob("*.bak")) == []


def test_another_programs_database_is_refused(data_dir: Path) -> None:
    path = data_dir / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(NotOurDatabase):
        Store.open(path)


def test_a_damaged_file_is_reported_not_replaced(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    path.write_bytes(b"this is not a database, " * 200)
    with pytest.raises(StoreError) as exc:
        Store.open(path)
    assert str(path) in exc.value.message
    assert path.read_bytes() == b"this is not a database, " * 200


def test_settings_round_trip_and_absent_before_setup(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    settings = Settings(store_name="my-shop", client_id="abc", afosto_channel_id="ch-1",
                        location_map={"loc-e": "loc-a"}, stock_locations=["loc-a"],
                        flows={Flow.ORDERS, Flow.SHIPMENTS}, start_date=dt.date(2024, 5, 1), poll_interval=600)
    with Store.open(path) as store:
        assert store.load_settings() is None
        store.save_settings(settings)
        store.save_settings(settings.with_changes(poll_interval=900))
    with Store.open(path) as store:
        assert store.load_settings() == settings.with_changes(poll_interval=900)


def test_settings_saved_by_a_newer_version_are_refused() -> None:
    store = Store.memory()
    store.save_settings(Settings(store_name="my-shop"))
    store._conn.execute("UPDATE settings SET version = version + 1")
    with pytest.raises(DatabaseTooNew):
        store.load_settings()


def test_a_settings_field_named_like_a_secret_is_not_written() -> None:
    class LeakySettings(Settings):
        client_secret: str = "s3cr3t-value"

    store = Store.memory()
    with pytest.raises(StoreError):
        store.save_settings(LeakySettings())
    assert store.load_settings() is None


def test_engine_state_values_are_written_together() -> None:
    store = Store.memory()
    store.set_state("orders.watermark", "2024-05-01T08:00:00Z")
    store.set_states({"orders.watermark": "2024-05-01T09:00:00Z", "orders.page": "3"})
    assert store.get_state("orders.watermark") == "2024-05-01T09:00:00Z"
    assert store.get_state("orders.page") == "3"
    assert store.get_state("stock.last_push") is None


def test_an_executor_thread_and_the_gui_thread_share_the_store(data_dir: Path) -> None:
    store = Store.open(data_dir / "epages-sync.sqlite3")
    row = LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="tick")
    with ThreadPoolExecutor(max_workers=1) as executor:
        # In turn: a bulk write on the executor, then reads on this thread.
        last = executor.submit(store.add_logs, [row] * 500).result()
        assert store.log_count() == 500 and store.newest_log_id() == last

        # At the same time: the lock serialises them, nothing is lost or half-written.
        errors: list[BaseException] = []

        def links(prefix: str) -> None:
            try:
                for i in range(200):
                    assert store.add_pending_link("order", f"{prefix}{i}")
                    store.complete_link("order", f"{prefix}{i}", f"af-{prefix}{i}")
            except BaseException as exc:  # noqa: BLE001 - reported to the test below
                errors.append(exc)

        other = threading.Thread(target=links, args=("t",))
        other.start()
        futures = [executor.submit(store.add_logs, [row] * 100) for _ in range(20)]
        links("m")
        other.join()
        for f in futures:
            f.result()
    assert errors == []
    assert store.log_count() == 500 + 2000
    assert store.count_links("order") == 400
    store.close()


def _many_commits(store: Store, rows: int) -> None:
    for i in range(rows):
        store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message=f"commit {i} " + "x" * 400))


def test_commits_leave_the_disk_work_to_the_checkpoint_thread(data_dir: Path) -> None:
    """The window's thread commits; copying the log into the database file (the slow, syncing part) happens
    on the store's own thread, so no commit waits for the disk."""
    path = data_dir / "epages-sync.sqlite3"
    store = Store.open(path)
    assert store.checkpointer is not None
    store.checkpointer.stop()  # first without it: commits alone must not copy anything into the file
    size_before = path.stat().st_size
    _many_commits(store, 1000)  # ~5,000 pages: SQLite's default would have checkpointed 5 times
    assert path.stat().st_size == size_before
    assert store._scalar("PRAGMA wal_autocheckpoint") == 10_000  # the fallback for a stalled thread
    store.close()

    store = Store.open(path)
    size_before = path.stat().st_size
    _many_commits(store, 1000)
    checkpointer = store.checkpointer
    assert checkpointer is not None
    # The file grows while the thread's checkpoint runs, a moment before the thread counts it: wait for both.
    deadline = time.monotonic() + 10
    while ((path.stat().st_size == size_before or checkpointer.checkpoints < 1)
           and time.monotonic() < deadline):
        time.sleep(0.05)
    assert path.stat().st_size > size_before
    assert checkpointer.checkpoints >= 1
    assert store.log_count() == 2000
    store.close()
    assert not any(t.name == "store-checkpoints" and t.is_alive() for t in threading.enumerate())


def test_a_failing_checkpoint_is_logged_once_and_the_store_keeps_working(
        data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    from epages_sync.store.checkpoints import Checkpointer

    broken = Checkpointer(data_dir / "missing-folder" / "db.sqlite3")
    with caplog.at_level("WARNING", logger="epages_sync.store.checkpoints"):
        assert broken.checkpoint_now() is None
        assert broken.checkpoint_now() is None
    assert broken.failures == 2
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "will checkpoint on its own" in warnings[0]
    broken.stop()
    gone = data_dir / "removed.sqlite3"  # e.g. after "remove all data": never made anew by a checkpoint
    assert Checkpointer(gone).checkpoint_now() is None and not gone.exists()

    with Store.open(data_dir / "epages-sync.sqlite3") as store:  # an in-memory store has no log to copy
        store.add_log(LogRow(direction=Direction.SYSTEM, outcome=Outcome.INFO, message="still fine"))
        assert store.log_count() == 1
    assert Store.memory().checkpointer is None


def test_upgrading_to_version_4_collapses_piled_up_problem_rows_and_finds_causes(data_dir: Path) -> None:
    path = data_dir / "epages-sync.sqlite3"
    conn = connect(str(path))
    schema.migrate(Database(conn), path, target=3)
    for n in ("1001", "1002"):
        conn.execute("INSERT INTO parked (kind, reference, message, data, status, times, created_at, updated_at) "
                     f"VALUES ('order', '{n}', 'Order {n}: SKU X is unknown in Afosto.', "
                     f"'{{\"order_number\": \"{n}\"}}', 'open', 3, 1, 1)")
    for parked_id in (1, 1, 1, 2):
        conn.execute("INSERT INTO log (at, direction, flow, epages_ref, outcome, message, parked_id) "
                     f"VALUES (1714550400000, 'epages_to_afosto', 'orders', 'x', 'parked', 'held', {parked_id})")
    conn.execute("INSERT INTO log (at, direction, outcome, message) VALUES (1714550400000, 'system', 'info', 'hi')")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        rows = store.log_page()
        assert sorted((r.parked_id, r.id) for r in rows if r.parked_id) == [(1, 3), (2, 4)]
        assert store.log_count() == 3
        first, second = store.get_parked(1), store.get_parked(2)
        assert first is not None and second is not None and first.cause and first.cause == second.cause
        assert [i.id for i in store.open_parked_with_cause(first.cause)] == [1, 2]
