"""User settings as versioned pydantic models, and the store-name rules that keep requests on ePages' hosts."""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError
from .texts import Text

SETTINGS_VERSION = 1

_STORE_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_COCKPIT_HOST_SUFFIX = ".beyondshop.cloud"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


class Flow(str, enum.Enum):  # noqa: UP042 (str() and format() of members must stay as they are)
    """What can be synced; each can be switched off on its own."""

    ORDERS = "orders"
    CANCELLATIONS = "cancellations"
    SHIPMENTS = "shipments"
    RETURNS = "returns"
    INVENTORY = "inventory"


ALL_FLOWS = frozenset(Flow)

# How the command line names each flow: in the window's words ("stock"). The stored value ("inventory") stays
# an accepted alias, so saved settings and scripts written before keep working.
FLOW_WORDS: dict[Flow, str] = {flow: flow.value for flow in Flow} | {Flow.INVENTORY: "stock"}
_FLOW_BY_WORD: dict[str, Flow] = {flow.value: flow for flow in Flow} | {w: f for f, w in FLOW_WORDS.items()}


def flow_from_word(word: str) -> Flow | None:
    """The flow a word on the command line names ("stock" or "inventory", "orders", ...), or None."""
    return _FLOW_BY_WORD.get(word.strip().lower())


def parse_store_name(text: str) -> str:
    """Return the store name from what a person typed or pasted, or raise ConfigError.

    Accepts the bare name (``my-shop``) or a pasted cockpit address
    (``https://my-shop.beyondshop.cloud/cockpit/login``). Anything else is refused before any request, so
    no other host can ever be reached through this field.
    """
    raw = (text or "").strip()
    candidate = raw.lower()  # host names are case-insensitive
    if "/" in raw or "." in raw or ":" in raw:
        url = raw if "://" in raw else "https://" + raw
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            host = ""
        if (parts.username or parts.password or parts.port) if host else False:
            host = ""
        if not host.endswith(_COCKPIT_HOST_SUFFIX) or host.count(".") != 2:
            raise ConfigError(
                Text("'{raw}' is not a store name. Enter only the part before '{suffix}', for example "
                     "'my-shop' from https://my-shop{suffix}/cockpit/login.",
                     raw=raw, suffix=_COCKPIT_HOST_SUFFIX),
                concerns=Text("store name"),
            )
        candidate = host[: -len(_COCKPIT_HOST_SUFFIX)]
    if not _STORE_RE.match(candidate):
        raise ConfigError(
            Text("'{raw}' is not a valid store name: use 1 to 63 lower-case letters, digits and hyphens, not "
                 "starting or ending with a hyphen.", raw=raw),
            concerns=Text("store name"),
        )
    return candidate


def epages_base_url(store: str) -> str:
    return f"https://{parse_store_name(store)}{_COCKPIT_HOST_SUFFIX}/api"


def check_loopback_url(url: str) -> str:
    """A sandbox URL must point at this machine; returns it without a trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in LOOPBACK_HOSTS:
        raise ConfigError(
            f"'{url}' is not a sandbox address on this computer. Use http://127.0.0.1:PORT "
            "(as printed by 'epages-sync sandbox').",
            concerns="sandbox URL",
        )
    return url.strip().rstrip("/")


# Afosto changes of one kind (new orders, their lines) sent in one request. Afosto publishes no limit; this
# stays modest, and a request Afosto refuses as too large is sent again in halves.
AFOSTO_BATCH_SIZE = 50


class Settings(BaseModel):
    """Everything a person chooses in the wizard. Secrets are never part of it (see secrets.py)."""

    model_config = ConfigDict(validate_assignment=True, extra="ignore")

    version: int = SETTINGS_VERSION
    store_name: str | None = None
    client_id: str | None = None
    afosto_channel_id: str | None = None
    # ePages location id -> Afosto location id (by id, never by name).
    location_map: dict[str, str] = Field(default_factory=dict)
    # Afosto locations whose available stock makes up the online shop's figure.
    stock_locations: list[str] = Field(default_factory=list)
    flows: set[Flow] = Field(default_factory=lambda: set(ALL_FLOWS))
    start_date: dt.date = Field(default_factory=dt.date.today)
    poll_interval: int = Field(300, ge=15, le=3600, description="seconds between ePages polls")
    push_interval: int = Field(5, ge=2, le=60, description="seconds between Afosto checks")
    overlap_seconds: int = Field(120, ge=0, le=3600, description="re-read window behind the watermark")
    stock_safety_share: Decimal = Field(
        Decimal("0.5"), gt=0, le=1, description="largest drop share before a person must confirm"
    )
    log_retention_days: int = Field(90, ge=1, le=3650)
    afosto_batch_size: int = Field(AFOSTO_BATCH_SIZE, ge=1, le=100,
                                   description="Afosto changes of one kind sent together in one request")
    # Loopback base URL of a sandbox serving both APIs; None for the real services.
    sandbox_url: str | None = None

    @field_validator("store_name")
    @classmethod
    def _store(cls, v: str | None) -> str | None:
        return None if v is None else parse_store_name(v)

    @field_validator("sandbox_url")
    @classmethod
    def _sandbox(cls, v: str | None) -> str | None:
        return None if v is None else check_loopback_url(v)

    @field_validator("client_id", "afosto_channel_id")
    @classmethod
    def _strip(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = v.strip()
        if not v:
            raise ValueError("must not be empty")
        return v

    @model_validator(mode="after")
    def _stock_locations_unique(self) -> Settings:
        if len(set(self.stock_locations)) != len(self.stock_locations):
            raise ValueError("stock_locations lists a location twice")
        return self

    @property
    def is_configured(self) -> bool:
        return bool(self.store_name and self.client_id and self.afosto_channel_id)

    @property
    def epages_api_url(self) -> str:
        if self.sandbox_url:
            return self.sandbox_url + "/api"
        if not self.store_name:
            raise ConfigError(Text("No store name is set."), concerns=Text("store name"))
        return epages_base_url(self.store_name)

    @property
    def afosto_graphql_url(self) -> str:
        return (self.sandbox_url + "/graphql") if self.sandbox_url else "https://afosto.app/graphql"

    @classmethod
    def checked(cls, **values: object) -> Settings:
        """Build settings, turning pydantic's errors into one ConfigError that names field and range."""
        try:
            return cls(**values)
        except ValidationError as exc:
            raise config_error_from(exc) from None

    def with_changes(self, **values: object) -> Settings:
        data = self.model_dump()
        data.update(values)
        return Settings.checked(**data)


_RANGE_HINTS = dict(Settings.model_fields.items())


def _allowed(field_name: str) -> str:
    field = _RANGE_HINTS.get(field_name)
    if field is None:
        return ""
    lo = hi = None
    for meta in field.metadata:
        lo = getattr(meta, "ge", None) if getattr(meta, "ge", None) is not None else lo
        lo = getattr(meta, "gt", None) if getattr(meta, "gt", None) is not None else lo
        hi = getattr(meta, "le", None) if getattr(meta, "le", None) is not None else hi
    if lo is not None and hi is not None:
        return f" Allowed: {lo} to {hi}."
    return ""


def config_error_from(exc: ValidationError) -> ConfigError:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ())) or "settings"
    ctx_err = (first.get("ctx") or {}).get("error")
    if isinstance(ctx_err, ConfigError):
        return ctx_err
    msg = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    return ConfigError(f"{field}: {msg}.{_allowed(field.split('.')[0])}", concerns=field)


class NoSecureStoreNotice(BaseModel):
    """Shown when keyring has no backend: a plain statement, never a silent fallback."""

    message: str
