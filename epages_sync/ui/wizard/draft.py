"""What the setup wizard starts from, what it has gathered so far, and how it is saved; plain data, no Qt."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from ...config import ALL_FLOWS, Flow, Settings
from ...connection_check import AfostoFindings, ChannelInfo, EpagesFindings, NamedPlace
from ...secrets import Secrets
from ...store import Store

log = logging.getLogger(__name__)


@dataclass
class SetupContext:
    """Where the wizard runs: the store it saves to, what is set up already, and which services it talks to."""

    store: Store | None  # None: a store the installation does not have yet (see ``save_new``)
    initial: Settings | None = None
    client_secret: str = ""
    afosto_key: str = ""
    sandbox_url: str | None = None
    transport: httpx.AsyncBaseTransport | None = None
    demo: bool = False
    # First setup: each page's choices are kept (never the secrets), so a setup broken off resumes filled in.
    save_draft: Callable[[Settings], None] | None = None
    secrets_for: Callable[[str], Secrets] = Secrets
    # The other stores of the installation: the setup refuses their names.
    taken_names: frozenset[str] = frozenset()
    # An installation of several stores keeps each store's folder under its name: changing one store's setup
    # cannot make it another store (that is "Add store…").
    fixed_name: str | None = None
    # A new store: Finish hands the settings, the secrets and the place names to this (blocking, off the GUI
    # thread), which makes the store's folder and saves them there.
    save_new: Callable[[Settings, str, str, dict[str, str]], None] | None = None


@dataclass
class SetupDraft:
    """The person's choices and what the checks found, page by page."""

    store_text: str = ""
    client_id: str = ""
    client_secret: str = ""
    afosto_key: str = ""
    epages: EpagesFindings | None = None
    afosto: AfostoFindings | None = None
    channel_id: str | None = None
    location_map: dict[str, str] = field(default_factory=dict)
    stock_locations: list[str] = field(default_factory=list)
    # The flows the person wants. A flow that cannot run yet (Stock before a stock location is ticked) stays
    # wanted, so it is on again once the reason is gone; ``chosen_flows`` are those that will run.
    flows: set[Flow] = field(default_factory=lambda: set(ALL_FLOWS))
    start_date: dt.date = field(default_factory=dt.date.today)
    poll_interval: int = 300
    pickup_blockers: dict[str, int] | None = None  # ePages location id -> waiting pickup orders, once checked

    @classmethod
    def from_context(cls, context: SetupContext) -> SetupDraft:
        s = context.initial
        draft = cls(client_secret=context.client_secret, afosto_key=context.afosto_key)
        if s is not None:
            draft.store_text = s.store_name or ""
            draft.client_id = s.client_id or ""
            draft.channel_id = s.afosto_channel_id
            draft.location_map = dict(s.location_map)
            draft.stock_locations = list(s.stock_locations)
            draft.flows = set(s.flows)
            draft.start_date = s.start_date
            draft.poll_interval = s.poll_interval
        return draft

    def flows_off(self) -> set[Flow]:
        """The flows that cannot run with what the checks found and the locations chosen."""
        off: set[Flow] = set()
        if self.epages is not None:
            off |= set(self.epages.flows_lacking())
        if self.afosto is not None:
            off |= set(self.afosto.flows_blocked())
        if not self.stock_locations:
            off.add(Flow.INVENTORY)
        return off

    @property
    def chosen_flows(self) -> set[Flow]:
        """The flows that will run: wanted, and able to."""
        return self.flows - self.flows_off()

    def place_names(self) -> dict[str, str]:
        """Id -> name of the sales channels and locations the checks found."""
        afosto, epages = self.afosto, self.epages
        places: list[ChannelInfo | NamedPlace] = [*(afosto.channels if afosto else []),
                                                  *(afosto.locations if afosto else []),
                                                  *((epages.locations if epages else None) or [])]
        return {place.id: place.name for place in places}

    def settings(self, base: Settings | None, *, sandbox_url: str | None, with_channel: bool = True) -> Settings:
        """The settings these choices make, on top of ``base`` (which keeps what the wizard does not ask)."""
        values = (base.model_dump() if base is not None else {})
        values.update(
            store_name=(self.epages.store_name if self.epages and self.epages.store_name else self.store_text) or None,
            client_id=self.client_id.strip() or None,
            afosto_channel_id=self.channel_id if with_channel else None,
            location_map=dict(self.location_map), stock_locations=list(dict.fromkeys(self.stock_locations)),
            flows=self.chosen_flows, start_date=self.start_date, poll_interval=self.poll_interval,
            sandbox_url=sandbox_url)
        return Settings.checked(**values)


def save_setup(store: Store, settings: Settings, client_secret: str, afosto_key: str,
               secrets_for: Callable[[str], Secrets] = Secrets, names: dict[str, str] | None = None) -> None:
    """Secrets to the keyring first, then the settings: a setup without its secrets is never saved as done.

    Blocking (keyring, SQLite): call it off the GUI thread. Raises SecretStoreUnavailable when the computer
    has no secure password store; nothing is saved then.
    """
    secrets = secrets_for(settings.store_name or "")
    secrets.set_client_secret(client_secret)
    secrets.set_afosto_key(afosto_key)
    store.save_settings(settings)
    store.remember_names(names or {})  # what the ids are called, for 'status' and the window
    log.info("setup saved for store %s", settings.store_name)
