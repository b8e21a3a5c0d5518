"""vplint's findings as LSP diagnostics: the range at the finding's line and column, the severity, the rule
code, ``source = "vplint"`` and the message as ``vplint check`` prints it (in the canvas's language)."""

from __future__ import annotations

import re

from lsprotocol import types

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.lsp.positions import Lines

__all__ = ["SOURCE", "finding_span", "problem_diagnostic", "to_lsp"]

SOURCE = "vplint"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

_WORD = re.compile(r"[^\s:：,，、;；()（）\[\]]+")
"""What a finding's range covers from its column: the value, id or word written there."""


def finding_span(d: Diagnostic, lines: Lines) -> tuple[int, int, int]:
    """(0-based line, first character, character after the last) that the finding points to, in vplint's characters."""
    line0 = max(d.line - 1, 0)
    start = max(d.column - 1, 0)
    edit = next((e for e in d.fix if e.line == d.line and e.column == d.column), None)
    if edit is not None and edit.end_column > edit.column:
        return line0, start, edit.end_column - 1
    text = lines.text(line0)
    m = _WORD.match(text, start)
    if m is not None:
        return line0, start, m.end()
    return line0, start, min(start + 1, len(text)) if start < len(text) else start


def _range(line0: int, start: int, end: int, lines: Lines) -> types.Range:
    a = lines.to_client(line0, start)
    b = lines.to_client(line0, end)
    return types.Range(types.Position(*a), types.Position(*b))


def to_lsp(d: Diagnostic, lines: Lines) -> types.Diagnostic:
    """One finding as the client shows it."""
    return types.Diagnostic(
        range=_range(*finding_span(d, lines), lines),
        message=d.message,
        severity=_SEVERITY[d.severity],
        code=d.code,
        source=SOURCE,
        data={"fixable": bool(d.fix)},
    )


def problem_diagnostic(message_id: str, error: str, lang: str) -> types.Diagnostic:
    """The one diagnostic of a buffer that could not be checked at all (a configuration vplint cannot use)."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=render(message_id, {"error": error}, lang),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
