"""Icons from ``resources/icons``: each SVG in a variant for light themes (``name.svg``) and dark ones
(``name-dark.svg``), chosen by the palette when the icon is asked for."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from .colours import is_dark


def _candidates() -> list[Path]:
    here = Path(__file__).resolve()
    places = [here.parents[2] / "resources" / "icons",  # a checkout (also an editable install)
              Path(sys.prefix) / "share" / "epages-sync" / "icons"]  # a wheel's data files
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks data files here
    if bundle:
        places.insert(0, Path(bundle) / "resources" / "icons")
    return places


@cache
def icon_dir() -> Path | None:
    return next((p for p in _candidates() if p.is_dir()), None)


# When the SVGs are not installed, a standard icon of the platform keeps each button recognisable.
_FALLBACK = {
    "pause": QStyle.StandardPixmap.SP_MediaPause,
    "resume": QStyle.StandardPixmap.SP_MediaPlay,
    "sync-now": QStyle.StandardPixmap.SP_BrowserReload,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
    "retry": QStyle.StandardPixmap.SP_BrowserReload,
    "dismiss": QStyle.StandardPixmap.SP_DialogDiscardButton,
    "state-attention": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "outcome-parked": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "outcome-error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "outcome-info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def icon_path(name: str, *, dark: bool | None = None) -> Path | None:
    folder = icon_dir()
    if folder is None:
        return None
    dark = is_dark() if dark is None else dark
    for candidate in ((f"{name}-dark.svg", f"{name}.svg") if dark else (f"{name}.svg",)):
        path = folder / candidate
        if path.is_file():
            return path
    return None


@cache
def _load(name: str, dark: bool) -> QIcon:
    path = icon_path(name, dark=dark)
    if path is not None:
        return QIcon(str(path))
    fallback = _FALLBACK.get(name)
    app = QApplication.instance()
    if fallback is not None and isinstance(app, QApplication):
        return app.style().standardIcon(fallback)
    return QIcon()


def icon(name: str) -> QIcon:
    """The named icon in the variant that suits the current palette."""
    return _load(name, is_dark())
