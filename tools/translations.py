"""The window's German and Dutch translations: extract, compile and check them.

    python tools/translations.py update    # new texts from the sources into the .ts files, marked unfinished
    python tools/translations.py compile   # .ts -> .qm (done by the build; the .qm files are not in git)
    python tools/translations.py check     # exit 1, naming every text without German or Dutch, or whose
                                           # placeholders ({n}, %1) or markup (<b>) differ from the source

``update`` and ``compile`` use Qt's own pyside6-lupdate and pyside6-lrelease, which come with PySide6.
``update`` keeps every existing translation; a text whose source changed keeps its old translation as a
suggestion, marked unfinished, so ``check`` fails until a person has looked at it. ``check`` also extracts the
sources afresh and fails for a text the .ts files do not have yet (someone forgot ``update``), and for a
tr() or translate() call lupdate cannot read (inside an f-string, or of a variable).

The engine's own sentences (``Text("...")`` and ``template("...")`` outside ``epages_sync/ui``) are collected
too, into the context ``engine``; ``check`` fails for a Text() made from an f-string.
"""

from __future__ import annotations

import argparse
import ast
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "epages_sync" / "ui"
FOLDER = ROOT / "resources" / "translations"
CATALOGUE = "epages_sync"
LANGUAGES = ("de", "nl")

# {n}, {store}, {0} of str.format, and %1, %n of Qt.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*\}|%(?:\d+|n)")
_TAG = re.compile(r"</?[A-Za-z]+\b[^>]*>")


def ts_file(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def source_files(root: Path = SOURCES) -> list[Path]:
    """The window's sources, and (for the project's own window) a file listing the engine's templates."""
    files = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    if root == SOURCES:
        files.append(engine_texts_file())
    return files


# -- the engine's texts --------------------------------------------------------------------------------
# The engine, the clients and the errors write English ``Text("template", name=value)`` (see
# epages_sync/texts.py); the window translates the template in the context "engine". lupdate does not know
# Text(), so the templates are listed here in a form it reads.

PACKAGE = ROOT / "epages_sync"
ENGINE_CONTEXT = "engine"
_MARKERS = {"Text", "template"}


def engine_sources(package: Path = PACKAGE) -> list[Path]:
    """Everything outside the window that may write words for a person (not the simulators)."""
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts
                  and p.relative_to(package).parts[0] not in ("ui", "sandbox"))


def _marker_calls(sources: Sequence[Path] | None) -> Iterator[tuple[Path, ast.Call, str]]:
    """Every call of Text() or template() in the engine's sources, with the file and the name called."""
    for path in engine_sources() if sources is None else sources:
        for call, _ in _calls(ast.parse(path.read_text(encoding="utf-8"), str(path)), in_fstring=False):
            func = call.func
            name = (func.attr if isinstance(func, ast.Attribute)
                    else func.id if isinstance(func, ast.Name) else "")
            if name in _MARKERS and call.args:
                yield path, call, name


def engine_templates(sources: Sequence[Path] | None = None) -> list[str]:
    """Every literal template of Text() and template() in the engine's sources, in order of appearance."""
    found: dict[str, None] = {}
    for _, call, _ in _marker_calls(sources):
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found[first.value] = None
    return list(found)


def unreadable_templates(sources: Sequence[Path] | None = None) -> list[str]:
    """Text() or template() of an f-string or a sum of strings: such a template would never be translated
    (and an f-string's values belong in the parameters)."""
    found = []
    for path, call, name in _marker_calls(sources):
        if isinstance(call.args[0], ast.JoinedStr | ast.BinOp):
            where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{call.lineno}"
            found.append(f"{where}: {name}() of an f-string or a sum of strings; give the values as "
                         "parameters")
    return found


def engine_texts_file(folder: Path | None = None) -> Path:
    """The engine's templates as translate() calls, written where lupdate can read them."""
    folder = folder or Path(tempfile.gettempdir()) / "epages-sync-translations"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "engine_texts.py"
    lines = ["# Made by tools/translations.py from the engine's Text() templates; not part of the project.",
             "from PySide6.QtCore import QCoreApplication", ""]
    for text in engine_templates():
        literal = text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'QCoreApplication.translate("{ENGINE_CONTEXT}", "{literal}")')
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def qt_tool(name: str) -> str:
    """The Qt tool that ships inside the PySide6 package; the pyside6-* wrapper on PATH otherwise."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # type: ignore[assignment]
    if PySide6 is not None:
        folder = Path(PySide6.__file__).parent
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    raise SystemExit(f"Qt's {name} was not found: install PySide6 (pip install PySide6-Essentials).")


def run_lupdate(sources: Sequence[Path], targets: Sequence[Path]) -> None:
    command = [qt_tool("lupdate"), *map(str, sources), "-ts", *map(str, targets),
               "-no-obsolete", "-locations", "none", "-source-language", "en"]
    result = subprocess.run(command, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}{result.stderr}")


def update(languages: Sequence[str] = LANGUAGES, folder: Path = FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = []
    for language in languages:
        target = ts_file(language, folder)
        if not target.exists():
            target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                              f'<TS version="2.1" language="{language}" sourcelanguage="en"/>\n', encoding="utf-8")
        targets.append(target)
    run_lupdate(source_files(), targets)
    return targets


def compile_all(languages: Sequence[str] = LANGUAGES, folder: Path = FOLDER,
                out: Path | None = None) -> list[Path]:
    """Each .ts to its .qm (beside it, or in ``out``); unfinished entries stay out and show in English."""
    written = []
    for language in languages:
        source = ts_file(language, folder)
        target = (out or folder) / source.with_suffix(".qm").name
        target.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([qt_tool("lrelease"), str(source), "-qm", str(target)], check=False,
                                capture_output=True, text=True)
        if result.returncode != 0 or not target.is_file():
            raise SystemExit(f"lrelease failed for {source}:\n{result.stdout}{result.stderr}")
        written.append(target)
    return written


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    state: str  # "" when finished, else Qt's type: unfinished, vanished, obsolete


def read_entries(path: Path) -> list[Entry]:
    entries = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            entries.append(Entry(name, message.findtext("source") or "",
                                 (translation.text or "") if translation is not None else "",
                                 (translation.get("type") or "") if translation is not None else "unfinished"))
    return entries


def _shown(entry: Entry) -> str:
    text = entry.source if len(entry.source) <= 70 else entry.source[:67] + "..."
    return f"[{entry.context}] {text!r}"


def problems_in(path: Path) -> list[str]:
    """What is wrong with one .ts file, one line per text."""
    language = path.stem.rsplit("_", 1)[-1]
    found = []
    for entry in read_entries(path):
        if entry.state in ("vanished", "obsolete"):
            continue
        if entry.state == "unfinished" or not entry.translation.strip():
            found.append(f"{path.name}: no {language} text for {_shown(entry)}")
            continue
        for kind, pattern in (("placeholders", _PLACEHOLDER), ("markup", _TAG)):
            wanted = collections.Counter(pattern.findall(entry.source))
            got = collections.Counter(pattern.findall(entry.translation))
            if wanted != got:
                missing = sorted((wanted - got).elements())
                extra = sorted((got - wanted).elements())
                detail = ", ".join(filter(None, [f"missing {' '.join(missing)}" if missing else "",
                                                 f"not in the source {' '.join(extra)}" if extra else ""]))
                found.append(f"{path.name}: {kind} differ ({detail}) in {_shown(entry)}")
    return found


def missing_from(paths: Sequence[Path], sources: Sequence[Path]) -> list[str]:
    """Texts in the sources that a .ts file does not have at all."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        fresh.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1"/>\n',
                         encoding="utf-8")
        run_lupdate(sources, [fresh])
        current = {(e.context, e.source) for e in read_entries(fresh)}
    found = []
    for path in paths:
        known = {(e.context, e.source) for e in read_entries(path) if e.state not in ("vanished", "obsolete")}
        for context, source in sorted(current - known):
            found.append(f"{path.name}: not extracted yet (run 'update'): {_shown(Entry(context, source, '', ''))}")
    return found


def hidden_from_lupdate(sources: Sequence[Path]) -> list[str]:
    """Calls of tr() or translate() whose text lupdate cannot read: not a plain string, or inside an f-string.

    Such a text would never reach the .ts files, and so would show in English in every language.
    """
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for call, in_fstring in _calls(tree, in_fstring=False):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(call.args) <= position:
                continue
            text = call.args[position]
            where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{call.lineno}"
            if in_fstring:
                found.append(f"{where}: {name}() inside an f-string; lupdate cannot see it")
            elif not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                found.append(f"{where}: {name}() of something other than a plain string; lupdate cannot read it")
    return found


def _calls(node: ast.AST, *, in_fstring: bool) -> Iterator[tuple[ast.Call, bool]]:
    inside = in_fstring or isinstance(node, ast.JoinedStr)
    if isinstance(node, ast.Call):
        yield node, in_fstring
    for child in ast.iter_child_nodes(node):
        yield from _calls(child, in_fstring=inside)


def check(paths: Sequence[Path], *, sources: Sequence[Path] | None = None) -> list[str]:
    found = []
    for path in paths:
        if not path.is_file():
            found.append(f"{path}: missing (run 'update')")
            continue
        found += problems_in(path)
    if sources:
        found += hidden_from_lupdate(sources)
        if any(p.name == "engine_texts.py" for p in sources):
            found += unreadable_templates()
        found += missing_from([p for p in paths if p.is_file()], sources)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("command", choices=("update", "compile", "check"))
    parser.add_argument("--out", type=Path, help="compile: write the .qm files here instead")
    args = parser.parse_args(argv)
    if args.command == "update":
        for path in update():
            unfinished = sum(1 for e in read_entries(path) if e.state == "unfinished")
            print(f"{path.relative_to(ROOT)}: {unfinished} text(s) to translate")
        return 0
    if args.command == "compile":
        for path in compile_all(out=args.out):
            print(f"wrote {path}")
        return 0
    found = check([ts_file(language) for language in LANGUAGES], sources=source_files())
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} problem(s) in the translations.", file=sys.stderr)
        return 1
    print(f"Every text has its {' and '.join(LANGUAGES)} translation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
