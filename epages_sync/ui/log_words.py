"""How the log's codes read for a shop worker: flows, directions, outcomes and times, all translatable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from ..config import Flow
from ..store.models import Direction, LogEntry, Outcome, ParkedStatus
from ..texts import CONTEXT as ENGINE_CONTEXT
from ..texts import localize

# Called by this name, with the context spelled out, so pyside6-lupdate finds every text.
translate = QCoreApplication.translate
# The engine's templates are collected by tools/translations.py, not by lupdate; a name of its own keeps
# the check for unreadable translate() calls quiet about this one.
_engine_lookup = QCoreApplication.translate


def engine_words(value: str) -> str:
    """Words the engine, a client or an error wrote (a ``Text``), in the window's language.

    Plain strings, such as a server's own message or an order number, come back as they are.
    """
    return localize(value, lambda template: _engine_lookup(ENGINE_CONTEXT, template))

def flow_label(flow: str | None) -> str:
    labels = {
        Flow.ORDERS.value: translate("LogWords", "Orders"),
        Flow.CANCELLATIONS.value: translate("LogWords", "Cancellations"),
        Flow.SHIPMENTS.value: translate("LogWords", "Shipments"),
        Flow.RETURNS.value: translate("LogWords", "Returns"),
        Flow.INVENTORY.value: translate("LogWords", "Stock"),
    }
    if flow is None:
        return translate("LogWords", "General")
    return labels.get(flow, flow)


def flow_description(flow: Flow) -> str:
    return {
        Flow.ORDERS: translate("LogWords", "New webshop orders go into Afosto, in the chosen sales channel."),
        Flow.CANCELLATIONS: translate("LogWords", "Cancelled items are cancelled on the other side too, both ways."),
        Flow.SHIPMENTS: translate("LogWords", "Parcels shipped or delivered and pickups ready or collected reach "
                                              "the webshop; shipments entered in ePages reach Afosto."),
        Flow.RETURNS: translate("LogWords", "Returns accepted or rejected in Afosto are recorded in ePages (as "
                                            "return or defect), and returns entered in ePages reach Afosto."),
        Flow.INVENTORY: translate("LogWords", "The webshop's stock follows the available stock of the chosen "
                                              "Afosto locations."),
    }[flow]


def direction_label(direction: Direction | str) -> str:
    return {
        Direction.EPAGES_TO_AFOSTO.value: translate("LogWords", "ePages → Afosto"),
        Direction.AFOSTO_TO_EPAGES.value: translate("LogWords", "Afosto → ePages"),
        Direction.SYSTEM.value: translate("LogWords", "App"),
    }.get(str(direction), str(direction))


def outcome_label(outcome: Outcome | str) -> str:
    return {
        Outcome.OK.value: translate("LogWords", "Done"),
        Outcome.RETRYING.value: translate("LogWords", "Retrying"),
        Outcome.PARKED.value: translate("LogWords", "Needs a person"),
        Outcome.SKIPPED.value: translate("LogWords", "Skipped"),
        Outcome.ERROR.value: translate("LogWords", "Error"),
        Outcome.INFO.value: translate("LogWords", "Note"),
    }.get(str(outcome), str(outcome))


def entry_outcome_label(entry: LogEntry) -> str:
    """The outcome as the row shows it: a parked item's row says where the item stands now."""
    settled = {
        ParkedStatus.RETRIED.value: translate("LogWords", "Retried"),
        ParkedStatus.DISMISSED.value: translate("LogWords", "Dismissed"),
        ParkedStatus.RESOLVED.value: translate("LogWords", "Solved"),
    }
    if entry.outcome == Outcome.PARKED and entry.parked_status in settled:
        return settled[str(entry.parked_status)]
    return outcome_label(entry.outcome)


def seen_text(entry: LogEntry) -> str:
    """'waiting since 07:44, seen 14 times' for a problem met more than once; else nothing."""
    if entry.outcome != Outcome.PARKED or entry.parked_times < 2 or entry.parked_since is None:
        return ""
    return translate("LogWords", "waiting since {time}, seen {n} times").format(
        time=local_time(entry.parked_since).rsplit(":", 1)[0], n=entry.parked_times)


def outcome_icon_name(outcome: Outcome | str) -> str:
    return f"outcome-{outcome}"


def date_format() -> str:
    """The locale's short date format; ISO dates where the locale has none of its own (the C locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    # "19.11.26" reads as a day or a year alike; a start date is picked once and must be unmistakable.
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def local_date(day: dt.date) -> str:
    return QDate(day.year, day.month, day.day).toString(date_format())


def local_time(when: dt.datetime | None, *, with_date: bool = True) -> str:
    """A stored UTC time as the shop PC's local time; today's times without the date, which only crowds."""
    if when is None:
        return translate("LogWords", "never")
    local = when.astimezone()
    # Written here rather than by QTime: the log's table makes this text for every row that arrives, and
    # each call into Qt is a wait for the interpreter lock while the sync works in other threads.
    time_text = f"{local.hour:02d}:{local.minute:02d}:{local.second:02d}"
    if not with_date or local.date() == dt.date.today():
        return time_text
    return f"{local_date(local.date())} {time_text}"


def interval_text(seconds: int) -> str:
    """'every 5 minutes', 'every 90 seconds'."""
    if seconds % 60 == 0:
        minutes = seconds // 60
        return translate("LogWords", "every minute") if minutes == 1 else translate("LogWords", "every {n} minutes").format(n=minutes)
    return translate("LogWords", "every {n} seconds").format(n=seconds)


def relative_time(when: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """'just now', '3 min ago', 'in 4 min': how long ago or ahead, for the health figures."""
    if when is None:
        return translate("LogWords", "not yet")
    now = now or dt.datetime.now(dt.UTC)
    seconds = (when - now).total_seconds()
    ahead = seconds > 0
    seconds = abs(seconds)
    if seconds < 10:
        return translate("LogWords", "now") if ahead else translate("LogWords", "just now")
    if seconds < 90:
        amount = translate("LogWords", "{n} s").format(n=int(seconds))
    elif seconds < 90 * 60:
        amount = translate("LogWords", "{n} min").format(n=round(seconds / 60))
    elif seconds < 36 * 3600:
        amount = translate("LogWords", "{n} h").format(n=round(seconds / 3600))
    else:
        return local_time(when)
    return (translate("LogWords", "in {amount}") if ahead else translate("LogWords", "{amount} ago")).format(amount=amount)
