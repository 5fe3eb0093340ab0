"""Words for people that the window can show in the person's language.

The engine, the clients and the errors write English (the log file, the command line and support read that),
but the window is German or Dutch for most shop staff. So a text a person may read is made with ``Text``: an
English template with named parameters. A ``Text`` *is* the English string (it is a ``str``), so everything
that logs, compares or prints it keeps working; the window translates its template and fills in the
parameters again, translating those that are ``Text`` too. Rows of the action log keep the template and the
parameters beside the English message (``to_json``), so yesterday's rows show in today's language.

Templates are found in the source by ``tools/translations.py`` (a call ``Text("...")`` with a literal) and
go into the same translation files as the window's own texts, in the context ``engine``. Keep templates
free of format specs (``{n:.0f}``): give the parameter already formatted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

CONTEXT = "engine"

Param = Any  # str, int, float, Text, or a list of them (joined with ", ")


def _plain(value: Param) -> Any:
    """A parameter as it goes into the stored form: JSON values, with texts kept as texts."""
    if isinstance(value, Text):
        return value.to_json()
    if type(value) in (int, float, str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)  # enum members, Decimals, None and the like: as their text


def _english(value: Param) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


class Text(str):
    """An English sentence made from a template and named parameters; ``str(text)`` is the English."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Param) -> Text:
        english = template.format(**{k: _english(v) for k, v in params.items()}) if params else template
        self = super().__new__(cls, english)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the template, not just the English
        return (_rebuild, (self.template, self.params))

    def to_json(self) -> dict[str, Any]:
        stored: dict[str, Any] = {"t": self.template}
        if self.params:
            stored["p"] = {k: _plain(v) for k, v in self.params.items()}
        return stored

    @classmethod
    def from_json(cls, stored: Mapping[str, Any]) -> Text:
        params = {k: _revive(v) for k, v in (stored.get("p") or {}).items()}
        return cls(str(stored["t"]), **params)


def _rebuild(template: str, params: dict[str, Any]) -> Text:
    return Text(template, **params)


def _revive(value: Any) -> Any:
    if isinstance(value, dict) and "t" in value:
        return Text.from_json(value)
    if isinstance(value, list):
        return [_revive(v) for v in value]
    return value


def join(parts: list[Any], separator: str = " ") -> Text:
    """Sentences side by side as one text (each translated on its own)."""
    names = {f"p{i}": part for i, part in enumerate(parts) if str(part)}
    return Text(separator.join("{" + name + "}" for name in names), **names)


def localize(value: Any, translate: Callable[[str], str]) -> str:
    """``value`` in the language ``translate`` gives (template -> template in that language).

    A template without a translation stays English; a translation whose placeholders do not fit is ignored
    rather than shown broken. Plain strings (the server's own words, order numbers) are shown as they are.
    """
    if isinstance(value, list | tuple):
        return ", ".join(localize(v, translate) for v in value)
    if not isinstance(value, Text):
        return str(value)
    if not value.params:
        return translate(value.template) or value.template
    filled = {k: localize(v, translate) for k, v in value.params.items()}
    translated = translate(value.template)
    if translated and translated != value.template:
        try:
            return translated.format(**filled)
        except (KeyError, IndexError, ValueError):
            pass
    return value.template.format(**filled)


# The step that hands a parked item back to the sync, as a person with the window takes it. Sentences name it
# as a parameter (``then {retry}``), so the command line can say its own command there instead of a button.
PRESS_RETRY = Text("press Retry")


def template(text: str) -> str:
    """Marks a template kept aside (in a table, say) for a ``Text(template, ...)`` later: it is translated."""
    return text
