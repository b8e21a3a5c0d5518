"""A file's result made lean, and its JSON form for worker processes and the result cache.

A run over many files keeps, for each file, only what the rest of the run needs: the raw
findings, the suppression directives, the few facts cross-file rules read (id, account,
decision-maker title, with their positions) and the source lines its findings and
directives point to.  (A cross-file finding, which is rare, gets its line from the runner.)
:func:`lean` makes that form in place; :func:`to_payload` and :func:`from_payload` turn it
into JSON-able data and back, only where a result crosses a process or goes to the cache.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from vplint.config.loader import Config
from vplint.diagnostics import Diagnostic, Edit, Position, Severity
from vplint.lint.result import FileResult
from vplint.lint.suppressions import Directive
from vplint.model.canvas import Canvas

__all__ = ["decode_diagnostic", "encode_diagnostic", "from_payload", "known_messages", "lean", "to_payload"]

_SUMMARY_PATHS: tuple[tuple[str, ...], ...] = (("id",), ("account",), ("decision_maker", "title"))


def lean(res: FileResult) -> FileResult:
    """``res`` without its document and full model: what a large run keeps of each file."""
    canvas = None
    if res.canvas is not None:
        summary: dict[str, Any] = {}
        canvas = Canvas(res.path, summary)
        data = res.canvas.data
        for path in _SUMMARY_PATHS:
            value: Any = data
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, str):
                node = summary
                for key in path[:-1]:
                    node = node.setdefault(key, {})
                node[path[-1]] = value
                canvas.positions[path] = res.canvas.pos(path)
    wanted = {d.line for d in res.diagnostics} | {d.line for d in res.directives}
    lines = {n: text for n in sorted(wanted) if (text := res.source_line(n)) is not None}
    return FileResult(
        res.path,
        res.diagnostics,
        canvas,
        error=res.error,
        lang=res.lang,
        config=res.config,
        directives=res.directives,
        lines=lines,
    )


def encode_diagnostic(d: Diagnostic) -> list[Any]:
    return [
        d.line,
        d.column,
        d.code,
        d.message_id,
        d.severity.value,
        dict(d.args),
        [list(asdict(e).values()) for e in d.fix],
    ]


def decode_diagnostic(path: str, lang: str, row: list[Any]) -> Diagnostic:
    line, column, code, message_id, severity, args, fix = row
    return Diagnostic(
        path, line, column, code, message_id, Severity(severity), args, lang, tuple(Edit(*e) for e in fix)
    )


def to_payload(res: FileResult) -> dict[str, Any]:
    """A lean result (see :func:`lean`) as JSON-able data."""
    return {
        "lang": res.lang,
        "error": res.error,
        "diagnostics": [encode_diagnostic(d) for d in res.diagnostics],
        "directives": [
            {
                k: (sorted(v) if isinstance(v, frozenset | set) else v)
                for k, v in asdict(d).items()
                if k not in ("hits", "used")
            }
            for d in res.directives
        ],
        "summary": res.canvas.data if res.canvas is not None else None,
        "positions": {
            "/".join(map(str, path)): [pos.line, pos.column]
            for path, pos in (res.canvas.positions if res.canvas else {}).items()
        },
        "lines": [[n, text] for n, text in res.lines.items()],
    }


def known_messages(payload: dict[str, Any]) -> bool:
    """Every finding of ``payload`` names a message this vplint has (a payload of another version may not)."""
    from vplint import i18n

    messages = i18n.table("en")
    return all(row[3] in messages for row in payload["diagnostics"])


def from_payload(path: str, payload: dict[str, Any], config: Config) -> FileResult:
    lang = payload["lang"]
    canvas = None
    if payload["summary"] is not None:
        canvas = Canvas(path, payload["summary"])
        for key, (line, column) in payload["positions"].items():
            canvas.positions[tuple(key.split("/"))] = Position(line, column)
    rows = payload["diagnostics"]
    directives = payload["directives"]
    return FileResult(
        path,
        [decode_diagnostic(path, lang, row) for row in rows] if rows else [],
        canvas,
        error=payload["error"],
        lang=lang,
        config=config,
        directives=[_directive(d) for d in directives] if directives else [],
        lines={int(n): str(text) for n, text in payload["lines"]} if payload.get("lines") else {},
    )


def _directive(d: dict[str, Any]) -> Directive:
    return Directive(
        d["kind"],
        frozenset(d["codes"]),
        tuple(d["written"]),
        d["line"],
        d["column"],
        d["applies_from"],
        d["applies_to"],
        tuple((start, tuple(codes)) for start, codes in d.get("reenabled", ())),
    )
