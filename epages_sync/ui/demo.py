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
from ..sandbox.app import STORE_PREFIX, Sandbox
from ..sandbox.epages.auth import CLIENT_ID, CLIENT_SECRET
from ..sandbox.server import run_in_thread
from ..secrets import MemoryKeyring, Secrets, keyring_backend
from ..store import Store
from ..store_folders import StoreFolder, add_store_folder, store_folders

DEMO_STORE = "demo-shop"
# A German and a Dutch shop selling from the one simulated warehouse, each through its own sales channel.
DEMO_STORES = (DEMO_STORE, "demo-shop-nl")
# The sandbox's seeded orders are spread 47 minutes apart into the past (sandbox/epages/world.py).
_SEEDED_ORDER_SPACING_MINUTES = 47


class NotADemoFolder(SyncError):
    title = "Not a demo folder"
    action = "Start the demo without --data-dir, or give it an empty folder of its own."


class DemoShop:
    """The sandbox the demo talks to, and the settings that point at it."""

    def __init__(self, *, orders: int = 20, activity: str = "calm", seed: int = 1, latency_ms: float = 0,
                 stores: tuple[str, ...] = DEMO_STORES) -> None:
        self.orders = orders
        self.stores = stores
        # One shop is the sandbox as it always was; several are served under /stores/<name> (the first also
        # under the sandbox's own address).
        self.sandbox = Sandbox(seed=seed, orders=orders, activity=activity, latency_ms=latency_ms,
                               stores=stores if len(stores) > 1 else ())
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

    def settings(self, name: str = DEMO_STORE) -> Settings:
        """The settings of one of the demo's stores: its own shop, its own sales channel, the shared stock."""
        if self.url is None:
            raise RuntimeError("the demo's sandbox is not running")
        world = self.sandbox.world
        first = name == self.stores[0]
        channel = world.default_channel.channel_id if first else self.sandbox.shop(name).channel_id
        days_back = math.ceil(self.orders * _SEEDED_ORDER_SPACING_MINUTES / (24 * 60)) + 1
        # Quick intervals, so a visitor sees orders arrive within a minute rather than five.
        return Settings.checked(
            store_name=name, client_id=CLIENT_ID, afosto_channel_id=channel,
            location_map=dict(world.default_location_map), stock_locations=list(world.feeding_location_ids),
            start_date=dt.date.today() - dt.timedelta(days=days_back), poll_interval=15, push_interval=3,
            sandbox_url=self.url if first else f"{self.url}{STORE_PREFIX}{name}")

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

    def make_folders(self, paths: AppPaths) -> list[StoreFolder]:
        """A folder for each of the demo's stores (blocking: off the GUI thread, after ``clear_previous_run``);
        the first is the demo folder itself."""
        known = {folder.name: folder for folder in store_folders(paths)}  # the last run's first store
        for name in self.stores:
            if name not in known:
                known[name] = add_store_folder(paths, name)
        return [known[name] for name in self.stores]

    def prepare(self, store: Store, name: str, secrets_for: Callable[[str], Secrets]) -> Settings:
        """Save the demo's settings for the store ``name`` and put its secrets in the in-memory keyring
        (blocking: off the GUI thread).

        ``secrets_for`` gives the store folder's entries; the demo's keyring is the process's while it runs.
        """
        settings = self.settings(name)
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
    return settings.sandbox_url is not None and settings.store_name in DEMO_STORES
