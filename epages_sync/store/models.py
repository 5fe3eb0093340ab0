"""The plain records that go in and out of the store: links, pushes, parked items, log rows."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..texts import Text


class LinkKind(enum.StrEnum):
    """What a link pairs: the one list of link kinds (the engine's flows and the store's queries use these)."""

    ORDER = "order"  # an ePages order and the Afosto order imported from it
    SHIPPING = "shipping"  # an ePages shipping process and its Afosto parcel
    PICKUP = "pickup"  # an ePages pickup process and its Afosto parcel
    RETURN = "return"  # an ePages return process and the Afosto return items it became (or came from)
    RMA = "rma"  # one Afosto return item counted for an ePages return
    CANCEL_ITEM = "cancel_item"  # one Afosto unit cancelled for (or from) an ePages cancellation


class LinkStatus(enum.StrEnum):
    PENDING = "pending"  # written before the Afosto call, so a crash cannot create the order twice
    LINKED = "linked"


class Origin(enum.StrEnum):
    """Which side created the linked thing; the engine never imports back what the app wrote itself."""

    EPAGES = "epages"
    AFOSTO = "afosto"
    APP = "app"


class PushStatus(enum.StrEnum):
    PENDING = "pending"
    IN_FLIGHT = "in_flight"  # a send may have reached ePages: read its state before sending again
    DONE = "done"
    PARKED = "parked"
    DISMISSED = "dismissed"  # a person decided it is not to be sent; the key stays known


class ParkedStatus(enum.StrEnum):
    OPEN = "open"
    RETRIED = "retried"  # handed back to the engine; parking it again reopens the same item
    DISMISSED = "dismissed"
    RESOLVED = "resolved"  # the sync got past it on its own


class Direction(enum.StrEnum):
    EPAGES_TO_AFOSTO = "epages_to_afosto"
    AFOSTO_TO_EPAGES = "afosto_to_epages"
    SYSTEM = "system"


class Outcome(enum.StrEnum):
    OK = "ok"
    RETRYING = "retrying"
    PARKED = "parked"
    SKIPPED = "skipped"
    ERROR = "error"
    INFO = "info"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Link(_Record):
    """One ePages thing and its Afosto counterpart (the Afosto id is missing while pending)."""

    id: int
    kind: str
    epages_id: str
    afosto_id: str | None
    status: LinkStatus
    parent: str | None
    origin: Origin
    data: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    # Set for orders that are closed on both sides, so the pushers stop checking them.
    finished_at: dt.datetime | None = None


class OutboxPush(_Record):
    """A change for ePages, stored before it is sent; its key makes the same push impossible twice."""

    id: int
    key: str
    kind: str
    epages_order_id: str | None
    epages_order_number: str | None
    payload: dict[str, Any]
    status: PushStatus
    attempts: int
    next_attempt_at: dt.datetime
    last_error: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class PushAttempt(_Record):
    """One try at sending a push, with what was sent and answered (redacted)."""

    at: dt.datetime
    outcome: Outcome
    message: str
    request: Any = None
    response: Any = None


class ParkedItem(_Record):
    """Something the sync cannot finish alone and a person has to look at."""

    id: int
    kind: str
    reference: str
    message: str
    request: Any = None
    response: Any = None
    # What the engine needs to try again (order id, SKU, ...), handed back by retry_parked.
    data: dict[str, Any]
    outbox_key: str | None
    status: ParkedStatus
    times: int  # how often this same problem was parked
    created_at: dt.datetime
    updated_at: dt.datetime
    # What went wrong, without the order it concerns: the same for items parked for the same reason.
    cause: str | None = None


class LogRow(_Record):
    """One action of the sync as the engine writes it."""

    direction: Direction
    outcome: Outcome
    message: str
    flow: str | None = None
    epages_ref: str | None = None
    afosto_ref: str | None = None
    parked_id: int | None = None
    # The redacted request and response for support; stored apart so listing stays fast.
    detail: Any = None
    at: dt.datetime | None = None  # None: the time it is stored
    # The message's template and parameters when it was given as a Text, so the window can show it in the
    # person's language; filled in from ``message`` on its own.
    message_args: dict[str, Any] | None = None

    @model_validator(mode="before")
    @classmethod
    def _keep_template(cls, data: Any) -> Any:
        message = data.get("message") if isinstance(data, dict) else None
        if isinstance(message, Text) and data.get("message_args") is None:
            data = {**data, "message_args": data["message"].to_json()}
        return data


class LogEntry(_Record):
    """One stored log row as the window lists it; the detail is fetched on demand by id."""

    id: int
    at: dt.datetime
    direction: Direction
    flow: str | None
    epages_ref: str | None
    afosto_ref: str | None
    outcome: Outcome
    message: str
    parked_id: int | None
    has_detail: bool
    # True while the parked item this row belongs to is still waiting for a person.
    needs_attention: bool
    # For a row of a parked item: where the item stands, how often the problem was met, since when.
    parked_status: ParkedStatus | None = None
    parked_times: int = 0
    parked_since: dt.datetime | None = None
    parked_cause: str | None = None
    # Template and parameters of the message (see ``LogRow``); None for rows written as plain text.
    message_args: dict[str, Any] | None = None

    @property
    def text(self) -> str:
        """The message as a ``Text`` when it has its template, else the stored English."""
        if self.message_args:
            try:
                return Text.from_json(self.message_args)
            except (KeyError, IndexError, ValueError, TypeError):
                pass
        return self.message


class HourActivity(_Record):
    """What the sync did in one hour, for the window's picture of the day."""

    start: dt.datetime
    orders_imported: int = 0
    sent_to_epages: int = 0
    problems: int = 0


class LogFilter(_Record):
    """What the log view shows; an empty set means no restriction on that column."""

    flows: frozenset[str] = Field(default_factory=frozenset)
    directions: frozenset[Direction] = Field(default_factory=frozenset)
    outcomes: frozenset[Outcome] = Field(default_factory=frozenset)
    # Order number or Afosto reference, or the start of one.
    search: str = ""
    attention_first: bool = False

    @field_validator("search")
    @classmethod
    def _search(cls, v: str) -> str:
        # Staff often type the number as shown in mails ("#10042").
        return v.strip().lstrip("#").strip()
