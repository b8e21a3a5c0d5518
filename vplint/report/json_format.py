"""``json``: one JSON object with every finding, in the shape documented in docs/output-formats.md.

The shape is stable: keys keep their names, meanings and order; new keys may be added.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from vplint import __version__
from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.lint.result import Result
from vplint.report.common import rule_name
from vplint.report.concise import path_problem, printable, summary_language, write_path_errors
from vplint.report.terminal import escape_bidi

__all__ = ["finding", "report", "write"]


def finding(d: Diagnostic) -> dict[str, Any]:
    """One finding as the ``findings`` list holds it."""
    return {
        "path": printable(d.path),
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "name": rule_name(d.code),
        "severity": d.severity.value,
        "message": d.message,
        "message_id": d.message_id,
        "args": {k: str(v) for k, v in d.args.items()},
        "lang": d.lang,
        "fixable": bool(d.fix),
        "fix": {
            "edits": [
                {"line": e.line, "column": e.column, "end_column": e.end_column, "old": e.old, "new": e.text}
                for e in d.fix
            ]
        }
        if d.fix
        else None,
    }


def report(result: Result, lang: str | None = None) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    message_lang = summary_language(result, lang)
    unreadable = [
        {
            "path": printable(f.path),
            "message": render("cli.unreadable", {"path": printable(f.path), "reason": f.error or ""}, message_lang),
        }
        for f in result.files
        if f.error is not None
    ] + [{"path": printable(p.path), "message": path_problem(p, message_lang)} for p in result.unreadable]
    missing = [
        {"path": printable(p), "message": render("cli.no_path", {"path": printable(p)}, message_lang)}
        for p in result.missing
    ]
    return {
        "version": __version__,
        "files": len(result.files),
        "summary": {
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "fixable": sum(1 for d in result.diagnostics if d.fix),
            "unreadable": len(unreadable),
            "missing": len(missing),
        },
        "findings": [finding(d) for d in result.diagnostics],
        "unreadable": unreadable,
        "missing": missing,
    }


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None:
    write_path_errors(result, err, lang)
    out.write(escape_bidi(json.dumps(report(result, lang), ensure_ascii=False, indent=2)) + "\n")
