"""The demo: a simulated shop and warehouse served from this process, secrets kept in memory, data in the
demo's own folder, starting over at each start.

It never reads or writes a real shop's settings, secrets or data: the keyring is an in-memory one for the
whole run, and a folder whose database belongs to a real shop is refused untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import SyncError
from ..paths import AppPaths
from ..sandbox.app import Sandbox
from ..sandbox.epages.auth import CLIENT_ID, CLIENT_SECRET
from ..sandbox.server import run_in_thread
from ..secrets import MemoryKeyring, Secrets, keyring_backend
from ..store import Store
from ..store_folders import StoreFolder, add_store_folder

DEMO_STORE = "demo-shop"
# The sandbox's seeded orders are spread 47 minutes apart into the past (sandbox/epages/world.py).
_SEEDED_ORDER_SPACING_MINUTES = 47


class NotADemoFolder(SyncError):
    title = "Not a demo folder"
    action = "Start the demo without --data-dir, or give it an empty folder of its own."


class DemoShop:
    """The sandbox the demo talks to, and the settings that point at it."""

    def __init__(self, *, orders: int = 20, activity: str = "calm", seed: int = 1, latency_ms: float = 0) -> None:
        self.orders = orders
        self.sandbox = Sandbox(seed=seed, orders=orders, activity=activity, latency_ms=latency_ms)
        self.url: str | None = None
        self.keyring = MemoryKeyring()

    @contextlib.contextmanager
    def running(self) -> Iterator[str]:
        """Serve the sandbox on a loopback port and use the in-memory keyring, for as long as the block runs."""
        with keyring_backend(self.keyring), run_in_thread(self.sandbox) as url:
            self.url = url
            try:
                yield url
            finally:
                self.url = None

    def settings(self) -> Settings:
        if self.url is None:
            raise RuntimeError("the demo's sandbox is not running")
        world = self.sandbox.world
        days_back = math.ceil(self.orders * _SEEDED_ORDER_SPACING_MINUTES / (24 * 60)) + 1
        # Quick intervals, so a visitor sees orders arrive within a minute rather than five.
        return Settings.checked(
            store_name=DEMO_STORE, client_id=CLIENT_ID, afosto_channel_id=world.default_channel.channel_id,
            location_map=dict(world.default_location_map), stock_locations=list(world.feeding_location_ids),
            start_date=dt.date.today() - dt.timedelta(days=days_back), poll_interval=15, push_interval=3,
            sandbox_url=self.url)

    @property
    def client_secret(self) -> str:
        return CLIENT_SECRET

    @property
    def afosto_key(self) -> str:
        return self.sandbox.afosto.API_KEY

    @staticmethod
    def clear_previous_run(paths: AppPaths) -> None:
        """Remove the last demo's databases and its list of stores: their links point into a simulated
        warehouse that is gone.

        Raises NotADemoFolder, touching nothing, when a database there belongs to a real shop.
        """
        further = paths.store_dir(DEMO_STORE).parent
        databases = [paths.database, *sorted(further.glob(f"*/{paths.database.name}"))]
        for database in databases:
            if database.exists() and not _is_demo_database(database):
                raise NotADemoFolder(f"The folder {database.parent} holds the settings of a real shop. "
                                     "The demo does not use it.", concerns=str(database.parent))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        paths.stores_index.unlink(missing_ok=True)
        if further.is_dir():
            shutil.rmtree(further)

    def store_names(self) -> list[str]:
        """The demo's stores, in the order the window lists them."""
        return [DEMO_STORE]

    def make_folders(self, paths: AppPaths) -> list[StoreFolder]:
        """A folder for each of the demo's stores (blocking: off the GUI thread); the first is the demo
        folder itself."""
        folders = [StoreFolder(DEMO_STORE, paths)]
        for name in self.store_names()[1:]:
            folders.append(add_store_folder(paths, name))
        return folders

    def prepare(self, store: Store, name: str, secrets_for: Callable[[str], Secrets]) -> Settings:
        """Save the demo's settings for the store ``name`` and put its secrets in the in-memory keyring
        (blocking: off the GUI thread).

        ``secrets_for`` gives the store folder's entries; the demo's keyring is the process's while it runs.
        """
        settings = self.settings()
        secrets = secrets_for(name)
        secrets.set_client_secret(self.client_secret)
        secrets.set_afosto_key(self.afosto_key)
        store.save_settings(settings)
        return settings


def _is_demo_database(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT json FROM settings WHERE id = 1").fetchone()
    except sqlite3.Error:
        return False  # not readable as ours: leave it alone
    if row is None:
        return True  # created but never configured
    try:
        settings = Settings.model_validate_json(row[0])
    except ValueError:
        return False
    return settings.sandbox_url is not None and settings.store_name == DEMO_STORE
