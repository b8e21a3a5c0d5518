"""Which findings a file reports: the enabled codes, their severity, per-file ignores, suppressions and U001.

A file's raw findings (from the parser, the schema and the rules) are finished here once the
whole run is known: findings of codes the configuration or the command line leave out are
dropped, each keeps the severity the configuration gives its code, suppression comments hide
what they cover, and U001 reports the suppression comments that hid nothing.  The result is
sorted and rendered in the file's language.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from vplint.config.loader import Config, expand_codes
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.options import Options
from vplint.lint.result import FileResult
from vplint.lint.suppressions import Directive, apply_suppressions
from vplint.rules import RULES

__all__ = ["enabled_codes", "finish", "per_config"]

_T = TypeVar("_T")
_MEMO: dict[tuple[Hashable, ...], tuple[Config, Any]] = {}


def per_config(config: Config, key: tuple[Hashable, ...], compute: Callable[[], _T]) -> _T:
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


def enabled_codes(config: Config, options: Options) -> set[str]:
    """The codes a file with this configuration reports in a run with these options (memoized)."""
    return per_config(config, ("enabled", options), lambda: _enabled(config, options))


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


def finish(res: FileResult, options: Options) -> None:
    """Apply selection, severity, per-file ignores and suppressions; render in the file's language."""
    if not res.diagnostics and not res.directives:  # most files of a large run: nothing to do
        return
    config = res.config or Config()
    enabled = enabled_codes(config, options)
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
            kept.extend(unused_suppressions(res.path, directives, enabled))
    res.diagnostics = _dedupe(sorted((replace(d, lang=res.lang) for d in kept), key=Diagnostic.sort_key))


def unused_suppressions(path: str, directives: Iterable[Directive], enabled: set[str]) -> list[Diagnostic]:
    """U001: suppression comments that name an unknown code, or hid nothing of what was checked."""
    out: list[Diagnostic] = []
    severity = RULES["U001"].severity
    for d in directives:
        for written in d.written:
            if not expand_codes([written]):
                out.append(Diagnostic(path, d.line, d.column, "U001", "U001.unknown", severity, {"code": written}))
        if not d.written:
            if not d.used:
                out.append(Diagnostic(path, d.line, d.column, "U001", "U001.unused_all", severity, {}))
            continue
        # a written selector (a code, a prefix, a name, ALL) is stale when it covers checked codes and none was hit
        stale = [w for w in d.written if (codes := expand_codes([w]) & enabled) and not codes & d.hits]
        if stale:
            out.append(Diagnostic(path, d.line, d.column, "U001", "U001.unused", severity, {"codes": ", ".join(stale)}))
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
