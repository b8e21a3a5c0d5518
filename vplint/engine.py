"""Run a check: find canvases, parse them, validate, apply the rules, sort the findings.

This is the library behind ``vplint check``; it returns values and prints nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .document import parse_document, read_document
from .model import Canvas, build_canvas
from .rules import RULES, Context
from .schema import validate

__all__ = [
    "FileResult",
    "Options",
    "PathError",
    "Result",
    "check_document",
    "check_paths",
    "check_text",
    "detect_language",
    "discover",
]

SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".vplint_cache", "site-packages"}
)
SKIP_FILES = re.compile(
    r"^(?:readme|changelog|contributing|license|code_of_conduct|security)(?:\..*)?\.(?:md|markdown)$", re.IGNORECASE
)
MARKDOWN = (".md", ".markdown")


@dataclass(frozen=True)
class Options:
    lang: str | None = None
    """Force the message language (en or zh); by default each canvas's own."""


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    canvas: Canvas | None = None
    error: str | None = None
    """An I/O error: the file could not be read at all."""
    lang: str = "en"


@dataclass
class Result:
    files: list[FileResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def exit_code(self) -> int:
        if self.missing or any(f.error for f in self.files):
            return 2
        return 1 if self.count(Severity.ERROR) else 0


class PathError(Exception):
    pass


_CJK = re.compile(r"[\u4e00-\u9fff]")


def detect_language(text: str) -> str:
    """``zh`` when Chinese characters make up a real share of the text, else ``en``."""
    sample = text[:4000]
    han = len(_CJK.findall(sample))
    letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "zh" if han and han * 3 >= letters else "en"


def env_language() -> str:
    for var in ("VPLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def discover(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Files to check and paths that do not exist.

    A file named on the command line is always checked.  Directories are walked for
    ``*.md`` and ``*.markdown``, in sorted order, skipping hidden folders, dependency and
    build folders (``node_modules``, ``.venv``, ...) and project files that are never
    canvases (``README.md``, ``CHANGELOG.md``, ``LICENSE.md``, ...).  Symbolic links to
    folders are not followed, so a link loop cannot trap the walk.
    """
    files: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(names):
                    if name.lower().endswith(MARKDOWN) and not SKIP_FILES.match(name) and not name.startswith("."):
                        full = os.path.join(root, name)
                        if full not in seen:
                            seen.add(full)
                            files.append(full)
        elif p.exists() or p.is_symlink():
            if raw not in seen:
                seen.add(raw)
                files.append(raw)
        else:
            missing.append(raw)
    return files, missing


def check_paths(paths: Sequence[str], options: Options | None = None) -> Result:
    options = options or Options()
    files, missing = discover(paths)
    result = Result(missing=missing)
    for path in files:
        result.files.append(check_file(path, options))
    return result


def check_file(path: str, options: Options) -> FileResult:
    display = path
    try:
        doc = read_document(path, display)
    except OSError as exc:
        return FileResult(display, error=exc.strerror or str(exc), lang=options.lang or env_language())
    return check_document(doc, options)


def check_text(text: str | bytes, path: str = "<string>", options: Options | None = None) -> FileResult:
    """Check a canvas held in memory (what tests and editors use)."""
    return check_document(parse_document(text, path), options or Options())


def check_document(doc: object, options: Options) -> FileResult:
    from .document import Document

    assert isinstance(doc, Document)
    canvas = build_canvas(doc)
    lang = options.lang or _canvas_language(canvas, doc.text)
    diagnostics = list(canvas.diagnostics)
    if doc.text.strip() and not any(d.code in ("F001", "F006", "F009") for d in doc.diagnostics):
        schema_diags = validate(canvas, lang)
        if doc.front_matter is None:  # the front-matter is already reported as broken
            schema_diags = [d for d in schema_diags if d.message_id != "schema.missing_key"]
        diagnostics.extend(schema_diags)
        ctx = Context(lang=lang)
        for rule in RULES.values():
            for d in rule.check(canvas, ctx):
                diagnostics.append(replace(d, severity=rule.severity))
    diagnostics = [replace(d, lang=lang) for d in diagnostics]
    diagnostics.sort(key=Diagnostic.sort_key)
    return FileResult(doc.path, _dedupe(diagnostics), canvas, lang=lang)


def _canvas_language(canvas: Canvas, text: str) -> str:
    lang = canvas.data.get("language")
    if lang in ("en", "zh"):
        return str(lang)
    return detect_language(text) if text else env_language()


def _dedupe(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[object, ...]] = set()
    for d in diags:
        key = (d.line, d.column, d.code, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
