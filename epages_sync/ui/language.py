"""The window's language: German, Dutch or English, following the system or the person's choice in Settings.

The translations are Qt ``.ts`` files in ``resources/translations``, compiled to ``.qm`` when the app is built
(``python tools/translations.py compile``). A checkout where nobody compiled them still shows the
translations: the ``.ts`` file is then read into memory, which costs a few milliseconds at start. With
neither file the window stays in English, and the log file says why. Qt's own words (the wizard's Back and
Next, OK and Cancel in dialogs) come from the ``qtbase`` catalogue that ships with Qt.

A choice takes effect at the next start: every text is set when its widget is built, so a live switch would
mean building the windows again in the middle of a sync.
"""

from __future__ import annotations

import enum
import logging
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGUE = "epages_sync"  # resources/translations/epages_sync_de.ts, ..._de.qm


class Language(enum.StrEnum):
    """What the person chose in Settings; SYSTEM follows the language of the computer."""

    SYSTEM = "system"
    ENGLISH = "en"
    GERMAN = "de"
    DUTCH = "nl"


# The languages the sources are translated into; English is the language of the sources themselves.
TRANSLATED = (Language.GERMAN, Language.DUTCH)
_QT_LANGUAGES = {Language.ENGLISH: QLocale.Language.English, Language.GERMAN: QLocale.Language.German,
                 Language.DUTCH: QLocale.Language.Dutch}


def _candidates() -> list[Path]:
    here = Path(__file__).resolve()
    places = [here.parents[2] / "resources" / "translations",  # a checkout (also an editable install)
              Path(sys.prefix) / "share" / "epages-sync" / "translations"]  # a wheel's data files
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle unpacks its data files here
    if bundle:
        places.insert(0, Path(bundle) / "resources" / "translations")
    return places


@cache
def translations_dir() -> Path | None:
    return next((p for p in _candidates() if p.is_dir()), None)


def language_of_system(ui_languages: Sequence[str] | None = None) -> Language:
    """The first of the computer's display languages that the app speaks; English when it speaks none.

    Windows and macOS list the display languages in the person's order of preference ("de-CH", "en-US"); a
    Swiss shop PC set to German therefore gets German, and one set to French gets English.
    """
    names = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    spoken = {lang.value: lang for lang in _QT_LANGUAGES}
    for name in names:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in spoken:
            return spoken[code]
    return Language.ENGLISH


def effective_language(choice: Language, ui_languages: Sequence[str] | None = None) -> Language:
    """The language the window will speak for this choice (never SYSTEM)."""
    return language_of_system(ui_languages) if choice == Language.SYSTEM else choice


class TsCatalogue(QTranslator):
    """The finished translations of one ``.ts`` file, read into memory: the stand-in for a missing ``.qm``."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._texts = read_ts(path)

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (not "") tells Qt this catalogue has no translation, so the next one or the source is used.
        return self._texts.get((context, source_text))

    def isEmpty(self) -> bool:
        return not self._texts

    def __len__(self) -> int:
        return len(self._texts)


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished entry of a ``.ts`` file."""
    texts: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") is not None:
                continue  # unfinished, vanished or obsolete: the English source is better than a guess
            if translation.text:
                texts[(name, source)] = translation.text
    return texts


class WindowLanguage:
    """Installs the translators of one language into the application, and takes them out again.

    Keeps the translators referenced: Qt holds only a pointer, and a translator Python collected would take
    every translated text with it.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = Language.ENGLISH
        self.source: Path | None = None  # the file the app's own texts came from, if any

    def install(self, choice: Language, *, ui_languages: Sequence[str] | None = None) -> Language:
        """Speak ``choice`` from now on in every widget built after this; returns the language in effect."""
        self.remove()
        language = effective_language(choice, ui_languages)
        self.language = language
        if choice != Language.SYSTEM:
            # Dates, numbers and the CSV separator follow the chosen language, in the computer's country.
            QLocale.setDefault(QLocale(_QT_LANGUAGES[language], QLocale.system().territory()))
        if language == Language.ENGLISH:
            return language
        app_catalogue = self._app_catalogue(language)
        if app_catalogue is None:
            log.warning("no translation of the window into %s was found; it stays in English", language.value)
            self.language = Language.ENGLISH
            return self.language
        self._add(app_catalogue)
        qt_catalogue = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_catalogue.load(f"qtbase_{language.value}", qt_folder):
            self._add(qt_catalogue)
        else:
            log.info("Qt's own %s texts were not found in %s", language.value, qt_folder)
        return language

    def remove(self) -> None:
        """Back to the English sources and the computer's own locale."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self.language = Language.ENGLISH
        self.source = None
        QLocale.setDefault(QLocale.system())

    def _add(self, translator: QTranslator) -> None:
        if QCoreApplication.instance() is None:
            raise RuntimeError("the application must exist before its language is set")
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def _app_catalogue(self, language: Language) -> QTranslator | None:
        folder = self._folder or translations_dir()
        if folder is None:
            return None
        compiled = folder / f"{CATALOGUE}_{language.value}.qm"
        text = folder / f"{CATALOGUE}_{language.value}.ts"
        translator = QTranslator()
        # A .qm older than its .ts (a checkout updated after the last compile) would show yesterday's words.
        stale = compiled.is_file() and text.is_file() and compiled.stat().st_mtime < text.stat().st_mtime
        if compiled.is_file() and not stale and translator.load(str(compiled)):
            self.source = compiled
            return translator
        if text.is_file():
            try:
                catalogue = TsCatalogue(text)
            except (ElementTree.ParseError, OSError):
                log.exception("the translation file %s cannot be read", text)
                return None
            log.info("%s is not compiled; using %s (%d texts)", compiled.name, text.name, len(catalogue))
            self.source = text
            return catalogue
        return None


def language_names() -> list[tuple[Language, str]]:
    """The choices as the Settings list shows them: each language in its own words, so anyone finds theirs."""
    system = QCoreApplication.translate("Language", "As this computer ({language})").format(
        language=_own_name(language_of_system()))
    return [(Language.SYSTEM, system), (Language.GERMAN, _own_name(Language.GERMAN)),
            (Language.DUTCH, _own_name(Language.DUTCH)), (Language.ENGLISH, _own_name(Language.ENGLISH))]


def _own_name(language: Language) -> str:
    return {Language.GERMAN: "Deutsch", Language.DUTCH: "Nederlands", Language.ENGLISH: "English"}[language]
