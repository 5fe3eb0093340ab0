"""The few colours that carry meaning (fine, needs a person, paused, demo), picked to suit a light or dark palette.

Everything else (text, backgrounds, selection) comes from the application's QPalette, so the window follows
the shop PC's theme; only these meaning colours are ours, and only here.
"""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Tone(enum.Enum):
    GOOD = "good"
    ATTENTION = "attention"  # a person must act
    WARNING = "warning"  # retrying, paused: no action needed yet
    MUTED = "muted"
    DEMO = "demo"


# (on a light palette, on a dark palette); chosen for contrast against the window colour of each.
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#1b7f3b", "#6fd08c"),
    Tone.ATTENTION: ("#b3261e", "#ff8a80"),
    Tone.WARNING: ("#8a5a00", "#ffcc66"),
    Tone.MUTED: ("#5f6368", "#a8adb3"),
    Tone.DEMO: ("#6a1b9a", "#d7a8f0"),
}
# Soft backgrounds for banners and boxes.
_BACKGROUNDS: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#e6f4ea", "#1e3a26"),
    Tone.ATTENTION: ("#fce8e6", "#4a1f1c"),
    Tone.WARNING: ("#fff4d6", "#43361a"),
    Tone.MUTED: ("#f1f3f4", "#2f3134"),
    Tone.DEMO: ("#f3e5f5", "#3b2345"),
}


def current_palette() -> QPalette:
    app = QGuiApplication.instance()
    return QGuiApplication.palette() if app is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or current_palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def tone(kind: Tone, palette: QPalette | None = None) -> QColor:
    light, dark = _TONES[kind]
    return QColor(dark if is_dark(palette) else light)


def tone_background(kind: Tone, palette: QPalette | None = None) -> QColor:
    light, dark = _BACKGROUNDS[kind]
    return QColor(dark if is_dark(palette) else light)


def box_style(kind: Tone, palette: QPalette | None = None) -> str:
    """A style sheet for a message box or banner in this tone (text in the tone, soft background)."""
    fg, bg = tone(kind, palette), tone_background(kind, palette)
    return (f"color: {fg.name()}; background-color: {bg.name()}; border: 1px solid {fg.name()}; "
            "border-radius: 4px; padding: 6px;")
