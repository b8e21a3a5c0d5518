"""Run a check: find canvases, parse them, validate, apply the rules, filter and sort findings.

This is the library behind ``vplint check``; it returns values and prints nothing.

A check runs in three steps: each file is parsed, validated and checked by the
per-canvas rules; then the cross-file rules see all canvases of the run; then each
file's findings are filtered by its configuration (selection, severity, per-file
ignores) and its suppression comments, and sorted.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from vplint.config.loader import Config, ConfigError, ConfigLoader, expand_codes
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.discovery import SKIP_DIRS, SKIP_FILES, discover
from vplint.lint.options import Options
from vplint.lint.suppressions import Directive, apply_suppressions, parse_directives
from vplint.model.canvas import Canvas, build_canvas, detect_language
from vplint.parser.document import Document, parse_document, read_document
from vplint.rules import RULES, Check, Context
from vplint.validation.schema import validate

__all__ = [
    "SKIP_DIRS",
    "SKIP_FILES",
    "ConfigError",
    "FileResult",
    "Options",
    "Result",
    "check_file",
    "check_paths",
    "check_text",
    "detect_language",
    "discover",
    "env_language",
]

_BROKEN = ("F001", "F006", "F009")


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    canvas: Canvas | None = None
    error: str | None = None
    """An I/O error: the file could not be read at all."""
    lang: str = "en"
    document: Document | None = None
    config: Config | None = None
    directives: list[Directive] = field(default_factory=list)
    """The file's suppression comments (parsed with the file, applied when the run finishes)."""


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


def env_language() -> str:
    for var in ("VPLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _env_today() -> dt.date | None:
    value = os.environ.get("VPLINT_TODAY", "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"VPLINT_TODAY must be a date written YYYY-MM-DD, not {value!r}") from None


# --- checking ------------------------------------------------------------------------------


PARALLEL_MIN_FILES = 64
"""Below this many files a pool costs more than it saves (the pre-commit path is one file)."""


def check_paths(
    paths: Sequence[str],
    options: Options | None = None,
    loader: ConfigLoader | None = None,
    discovered: tuple[list[str], list[str]] | None = None,
) -> Result:
    """Check files and folders.  Raises :class:`ConfigError` for a bad configuration.

    ``discovered`` passes the result of :func:`discover` when the caller already has it.
    """
    options = options or Options()
    loader = loader or ConfigLoader(options.config, options.isolated)
    files, missing = discovered if discovered is not None else discover(paths, loader)
    result = Result(missing=missing)
    if options.keep:
        result.files = [_check_one(path, options, loader.for_file(path)) for path in files]
    else:
        from vplint.lint.runner import check_files_lean

        result.files = check_files_lean(files, options, loader)
    _cross_file(result.files, options)
    for res in result.files:
        _finish(res, options)
    return result


def check_file(path: str, options: Options | None = None, config: Config | None = None) -> FileResult:
    """Check one file on its own (no cross-file rules)."""
    options = options or Options()
    if config is None:
        config = ConfigLoader(options.config, options.isolated).for_path(Path(path))
    res = _check_one(path, options, config)
    _finish(res, options)
    return res


def check_text(
    text: str | bytes, path: str = "<string>", options: Options | None = None, config: Config | None = None
) -> FileResult:
    """Check a canvas held in memory (what tests and editors use); no configuration file is read."""
    options = options or Options()
    res = _check_document(parse_document(text, path), options, config or Config())
    _finish(res, options)
    return res


def _check_one(path: str, options: Options, config: Config) -> FileResult:
    try:
        doc = read_document(path)
    except OSError as exc:
        return FileResult(
            path, error=exc.strerror or str(exc), lang=options.lang or config.language or env_language(), config=config
        )
    return _check_document(doc, options, config)


def _today(options: Options, config: Config) -> dt.date:
    return options.today or config.today or _env_today() or dt.date.today()


def _check_document(doc: Document, options: Options, config: Config) -> FileResult:
    canvas = build_canvas(doc)
    lang = options.lang or config.language or canvas.written_language(env_language())
    diagnostics = list(canvas.diagnostics)
    if doc.text.strip() and not any(d.code in _BROKEN for d in doc.diagnostics):
        schema_diags = validate(canvas, lang)
        if doc.front_matter is None:  # the front-matter is already reported as broken
            schema_diags = [d for d in schema_diags if d.message_id != "schema.missing_key"]
        diagnostics.extend(schema_diags)
        for check, ctx in _rule_plan(config, options, lang):
            diagnostics.extend(check(canvas, ctx))
    directives = parse_directives(doc.text, doc.body_line) if ("<!--" in doc.text or "vplint:" in doc.text) else []
    return FileResult(doc.path, diagnostics, canvas, lang=lang, document=doc, config=config, directives=directives)


def _rule_plan(config: Config, options: Options, lang: str) -> list[tuple[Check, Context]]:
    """The enabled per-file rules with their contexts, worked out once per configuration, options, language and day."""
    today = _today(options, config)

    def plan() -> list[tuple[Check, Context]]:
        enabled = _enabled_memo(config, options)
        return [
            (
                rule.check,
                Context(
                    lang=lang, today=today, options=rule.resolved_options(config.rule_options(rule.code, rule.name))
                ),
            )
            for rule in RULES.values()
            if rule.check is not None and rule.code in enabled
        ]

    return _per_config(config, ("plan", options, lang, today), plan)


def _cross_file(files: list[FileResult], options: Options) -> None:
    by_path = {f.path: f for f in files}
    canvases = [f.canvas for f in files if f.canvas is not None and _has_front_matter(f)]
    if len(canvases) < 2:
        return
    for rule in RULES.values():
        if rule.check_all is None:
            continue
        ctx = Context(lang=options.lang or "en", options=rule.resolved_options(None))
        for d in rule.check_all(canvases, ctx):
            target = by_path.get(d.path)
            if target is not None:
                target.diagnostics.append(d)


def _has_front_matter(res: FileResult) -> bool:
    if res.document is not None:
        return res.document.front_matter is not None
    return not any(d.code in ("F002", "F003", "F004") for d in res.diagnostics)


def _enabled(config: Config, options: Options) -> set[str]:
    enabled = config.enabled_codes(options.select, options.ignore)
    enabled |= expand_codes(options.extend_select)
    if options.fix:  # the style rules --fix applies, unless a selection or the configuration leaves them out
        selected = options.select or config.select
        candidates = {c for c, r in RULES.items() if r.fixable and not r.default_enabled}
        if selected:
            candidates &= expand_codes(selected)
        ignored = expand_codes(config.ignore) | expand_codes(options.ignore)
        enabled |= {c for c in candidates - ignored if config.severity.get(c) != "off"}
    return enabled


def _default_severity(code: str, fallback: Severity) -> Severity:
    rule = RULES.get(code)
    if rule is not None:
        return rule.severity
    builtin = BUILTIN_CODES.get(code)
    return builtin.severity if builtin is not None else fallback


_T = TypeVar("_T")
_MEMO: dict[tuple[Hashable, ...], tuple[Config, Any]] = {}


def _per_config(config: Config, key: tuple[Hashable, ...], compute: Callable[[], _T]) -> _T:
    """``compute()``, worked out once per configuration and ``key`` in a run (not once per file).

    Keyed by the configuration's identity; the entry holds the configuration itself, so its id
    cannot be reused by another object while the entry exists.
    """
    full = (id(config), *key)
    found = _MEMO.get(full)
    if found is None or found[0] is not config:
        if len(_MEMO) > 512:
            _MEMO.clear()
        found = _MEMO[full] = (config, compute())
    value: _T = found[1]
    return value


def _enabled_memo(config: Config, options: Options) -> set[str]:
    """:func:`_enabled`, computed once per configuration and options of a run."""
    return _per_config(config, ("enabled", options), lambda: _enabled(config, options))


def _finish(res: FileResult, options: Options) -> None:
    """Apply selection, severity, per-file ignores and suppressions; render in the file's language."""
    config = res.config or Config()
    enabled = _enabled_memo(config, options)
    ignored = config.ignored_for(Path(res.path)) if config.per_file_ignores else set()
    kept = [
        replace(d, severity=config.severity_of(d.code, _default_severity(d.code, d.severity)))
        for d in res.diagnostics
        if d.code in enabled and d.code not in ignored
    ]
    if res.directives:
        directives = [replace(d, hits=set(), used=False) for d in res.directives]
        kept = apply_suppressions(kept, directives)
        if "U001" in enabled and "U001" not in ignored:
            kept.extend(_unused(res, directives, enabled))
    res.diagnostics = _dedupe(sorted((replace(d, lang=res.lang) for d in kept), key=Diagnostic.sort_key))


def _unused(res: FileResult, directives: Iterable[object], enabled: set[str]) -> list[Diagnostic]:
    from vplint.lint.suppressions import Directive

    out: list[Diagnostic] = []
    severity = RULES["U001"].severity
    for d in directives:
        assert isinstance(d, Directive)
        for written in d.written:
            if not expand_codes([written]):
                out.append(Diagnostic(res.path, d.line, d.column, "U001", "U001.unknown", severity, {"code": written}))
        if not d.written:
            if not d.used:
                out.append(Diagnostic(res.path, d.line, d.column, "U001", "U001.unused_all", severity, {}))
            continue
        # a written selector (a code, a prefix, a name, ALL) is stale when it covers checked codes and none was hit
        stale = [w for w in d.written if (codes := expand_codes([w]) & enabled) and not codes & d.hits]
        if stale:
            out.append(
                Diagnostic(res.path, d.line, d.column, "U001", "U001.unused", severity, {"codes": ", ".join(stale)})
            )
    return out


def _dedupe(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[object, ...]] = set()
    for d in diags:
        key = (d.line, d.column, d.code, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
