"""The team's canvases as data: one row per canvas, one per finding, one per item (problem, need, motivator).

This is what ``vplint report --format json`` and ``--format csv`` write for BI tools and what the team
pages are built from.  Its JSON shape is ``schema/team-report.schema.json`` (docs/report.md); the rows
are sorted by path, then line, so the same canvases give the same bytes.  Paths are written as
``vplint check`` prints them: a byte of a file name that is not UTF-8 becomes ``\\xNN``.  Values come from the canvas
model (``vplint export``), so they are canonical slugs whatever language a canvas is written in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.report.concise import printable
from vplint.report.terminal import terminal_text

if TYPE_CHECKING:
    from vplint.lint.result import FileResult, Result

__all__ = [
    "REPORT_VERSION",
    "canvas_facts",
    "canvas_rows",
    "content_fingerprint",
    "finding_rows",
    "item_rows",
    "newest_evidence",
    "severity_counts",
    "team_data",
]

REPORT_VERSION = 1
"""The version of the data's shape; it changes when a field is removed or changes meaning."""


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _items(data: Mapping[str, Any], section: str) -> list[Mapping[str, Any]]:
    items = data.get(section)
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def _evidence_dates(data: Mapping[str, Any]) -> list[dt.date]:
    dates = []
    for m in _items(data, "motivators"):
        evidence = m.get("evidence")
        if isinstance(evidence, Mapping):
            dates += [d for d in (_date(x) for x in evidence.get("dates") or []) if d is not None]
    return dates


def newest_evidence(data: Mapping[str, Any]) -> dt.date | None:
    """The newest date in the motivators' evidence."""
    dates = _evidence_dates(data)
    return max(dates) if dates else None


def _people(data: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The needs' sponsors and the decision process's evaluators (titles), each once, in order."""
    sponsors = [s for n in _items(data, "needs") if (s := _text(n.get("sponsor")))]
    process = data.get("decision_process")
    evaluators = _items(process, "evaluators") if isinstance(process, Mapping) else []
    titles = [t for e in evaluators if (t := _text(e.get("title")))]
    return list(dict.fromkeys(sponsors)), list(dict.fromkeys(titles))


def severity_counts(diagnostics: Iterable[Diagnostic]) -> tuple[int, int, int]:
    """How many errors, warnings and infos."""
    counts = Counter(d.severity for d in diagnostics)
    return counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]


def content_fingerprint(data: Mapping[str, Any]) -> str:
    """Changes when the canvas says something else: its model without ``updated`` (a new date alone, a
    formatting change or a move is no change)."""
    import hashlib
    import json

    content = {k: v for k, v in data.items() if k != "updated"}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def canvas_facts(res: FileResult) -> dict[str, Any]:
    """What the report needs of one checked file's canvas model: ``{"row": ..., "items": [...]}``.

    Taken where the model is (in a worker process for a large run), so the model itself is never kept:
    the row's model-derived fields (the findings' counts and the ages are added later) and its items.
    """
    data: Mapping[str, Any] = res.canvas.data if res.canvas is not None else {}
    dm = data.get("decision_maker") if isinstance(data.get("decision_maker"), Mapping) else {}
    assert isinstance(dm, Mapping)
    updated = _date(data.get("updated"))
    evidence = newest_evidence(data)
    sponsors, evaluators = _people(data)
    row = {
        "id": _text(data.get("id")),
        "account": _text(data.get("account")),
        "owner": _text(data.get("owner")),
        "language": res.lang,
        "decision_maker": _text(dm.get("title")),
        "buying_role": _text(dm.get("buying_role")),
        "offering": _text(data.get("offering")),
        "updated": updated.isoformat() if updated else None,
        "newest_evidence": evidence.isoformat() if evidence else None,
        "problems": len(_items(data, "problems")),
        "needs": len(_items(data, "needs")),
        "motivators": len(_items(data, "motivators")),
        "sponsors": sponsors,
        "evaluators": evaluators,
    }
    items = _item_rows(res) if res.canvas is not None else []
    return {"row": row, "items": items, "fingerprint": content_fingerprint(data)}


def _days(today: dt.date, day: str | None) -> int | None:
    return (today - dt.date.fromisoformat(day)).days if day else None


def canvas_rows(
    files: Iterable[FileResult],
    facts: Mapping[str, Mapping[str, Any]],
    today: dt.date,
    changed: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per file: what it is (id, account, owner, decision-maker), how old, and what is open in it.

    ``facts``: each file's :func:`canvas_facts`; ``changed``: from the git history (``--history``), the
    date each file was last substantively changed.
    """
    rows = []
    for res in sorted(files, key=lambda r: r.path):
        f = facts[res.path]["row"]
        errors, warnings, infos = severity_counts(res.diagnostics)
        rows.append(
            {
                "path": printable(res.path),
                "id": f["id"],
                "account": f["account"],
                "owner": f["owner"],
                "language": res.lang,
                "decision_maker": f["decision_maker"],
                "buying_role": f["buying_role"],
                "offering": f["offering"],
                "updated": f["updated"],
                "age_days": _days(today, f["updated"]),
                "newest_evidence": f["newest_evidence"],
                "evidence_age_days": _days(today, f["newest_evidence"]),
                "problems": f["problems"],
                "needs": f["needs"],
                "motivators": f["motivators"],
                "errors": errors,
                "warnings": warnings,
                "infos": infos,
                "clean": res.error is None and not errors and not warnings,
                "readable": res.error is None,
                "stale": any(d.code == "H001" for d in res.diagnostics),
                "last_changed": (changed or {}).get(printable(os.path.normpath(res.path))),
                "sponsors": f["sponsors"],
                "evaluators": f["evaluators"],
            }
        )
    return rows


def finding_rows(files: Iterable[FileResult], facts: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per finding, as ``vplint check`` reports it."""
    rows = []
    for res in sorted(files, key=lambda r: r.path):
        canvas_id = facts[res.path]["row"]["id"]
        for d in sorted(res.diagnostics, key=lambda d: (d.line, d.column, d.code)):
            rows.append(
                {
                    "path": printable(res.path),
                    "canvas": canvas_id,
                    "line": d.line,
                    "column": d.column,
                    "code": d.code,
                    "severity": d.severity.value,
                    "message": terminal_text(d.message),
                    "fixable": bool(d.fix),
                }
            )
    return rows


def _strategy(value: object) -> tuple[str | None, str | None]:
    if isinstance(value, Mapping):
        return _text(value.get("level")), _text(value.get("area"))
    return None, None


def _item_rows(res: FileResult) -> list[dict[str, Any]]:
    """One row per problem, need and motivator of a file's canvas: its kind, id, title and what classifies it."""
    rows: list[dict[str, Any]] = []
    if res.canvas is not None:
        data = res.canvas.data
        canvas_id = _text(data.get("id"))
        base = {"path": printable(res.path), "canvas": canvas_id, "account": _text(data.get("account"))}
        for p in _items(data, "problems"):
            methods = [_text(d.get("method")) for d in p.get("diagnoses") or [] if isinstance(d, Mapping)]
            rows.append(
                {
                    **base,
                    "section": "problems",
                    "id": _text(p.get("id")),
                    "title": _text(p.get("title")),
                    "kind": _text(p.get("type")),
                    "detail": ",".join(m for m in methods if m) or None,
                    "refs": None,
                }
            )
        for n in _items(data, "needs"):
            level, area = _strategy(n.get("strategy"))
            solves = [s for s in n.get("solves") or [] if isinstance(s, str)]
            rows.append(
                {
                    **base,
                    "section": "needs",
                    "id": _text(n.get("id")),
                    "title": _text(n.get("title")),
                    "kind": level,
                    "detail": area,
                    "refs": ",".join(solves) or None,
                }
            )
        for m in _items(data, "motivators"):
            change = m.get("change") if isinstance(m.get("change"), Mapping) else {}
            assert isinstance(change, Mapping)
            targets = [s for s in m.get("for") or [] if isinstance(s, str)]
            rows.append(
                {
                    **base,
                    "section": "motivators",
                    "id": _text(m.get("id")),
                    "title": _text(m.get("title")),
                    "kind": _text(m.get("kind")),
                    "detail": "/".join(x for x in (_text(change.get("scope")), _text(change.get("category"))) if x)
                    or None,
                    "refs": ",".join(targets) or None,
                }
            )
    return rows


def item_rows(files: Iterable[FileResult], facts: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every file's items (:func:`canvas_facts`), in path order."""
    return [item for res in sorted(files, key=lambda r: r.path) for item in facts[res.path]["items"]]


def team_data(
    result: Result,
    facts: Mapping[str, Mapping[str, Any]],
    today: dt.date,
    history: Mapping[str, Any] | None = None,
    changed: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The whole report's data (``schema/team-report.schema.json``); ``history`` from :mod:`vplint.team.history`."""
    from vplint import __version__

    return {
        "version": REPORT_VERSION,
        "vplint": __version__,
        "today": today.isoformat(),
        "history": history,
        "canvases": canvas_rows(result.files, facts, today, changed),
        "findings": finding_rows(result.files, facts),
        "items": item_rows(result.files, facts),
        "missing": sorted(printable(p) for p in result.missing),
        "unreadable": sorted(printable(p.path) for p in result.unreadable),
    }
