"""``sarif``: a SARIF 2.1.0 log (GitHub code scanning, VS Code's SARIF viewer, Azure DevOps, ...).

One run; ``tool.driver.rules`` describes every code vplint has (file and shape checks, then
the rules) with its rationale and a failing and a passing example; each result names its
rule by id and index, carries the severity it was reported with, its message in the
canvas's language, the location (columns count Unicode code points: ``columnKind``) and,
for fixable findings, the fix.  Paths are relative URIs against ``%SRCROOT%`` (the current
folder), percent-encoded; files outside it get an absolute ``file://`` URI.  Rule texts are
English unless ``lang`` is ``zh``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from vplint import __version__
from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render, table
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.result import FileResult, Result
from vplint.report.common import absolute_path, base_dir, fingerprints, relative_path
from vplint.report.concise import path_problem, printable, summary_language, write_path_errors
from vplint.report.terminal import escape_bidi
from vplint.rules import RULES
from vplint.rules.docs import explain_text

__all__ = ["SCHEMA_URI", "artifact_location", "log", "rule_descriptors", "write"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "vplint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LANGUAGE_TAG = {"en": "en-US", "zh": "zh-CN"}


_LIST_ITEM = re.compile(r"(?:[-*]|\d+\.)\s")


def _unwrap(text: str, lang: str) -> str:
    """Paragraphs without their hard line breaks (Chinese lines join without a space); list items stay lines."""
    joint = "" if lang == "zh" else " "
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines: list[str] = []
        for raw in paragraph.splitlines():
            line = raw.strip()
            if lines and not _LIST_ITEM.match(raw):
                lines[-1] += joint + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def rule_descriptors(lang: str = "en") -> list[dict[str, Any]]:
    """A ``reportingDescriptor`` for every code: the file and shape checks (F, S), then the rules."""
    zh = lang == "zh"
    out: list[dict[str, Any]] = []
    for b in BUILTIN_CODES.values():
        summary = b.summary_zh if zh else b.summary_en
        out.append(
            {
                "id": b.code,
                "name": b.name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "help": {"text": summary, "markdown": summary},
                "defaultConfiguration": {"enabled": True, "level": LEVEL[b.severity]},
                "properties": {"fixable": False},
            }
        )
    labels = table(lang)
    for r in RULES.values():
        rationale = _unwrap(r.rationale(lang), lang)
        text = f"{rationale}\n\n{labels['sarif.bad']}\n{r.bad}\n\n{labels['sarif.good']}\n{r.good}"
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary_zh if zh else r.summary_en},
                "fullDescription": {"text": rationale},
                "help": {"text": text, "markdown": explain_text(r, "zh" if zh else "en")},
                "defaultConfiguration": {"enabled": r.default_enabled, "level": LEVEL[r.severity]},
                "properties": {"fixable": r.fixable},
            }
        )
    return out


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """A relative, percent-encoded URI against ``%SRCROOT%``, or an absolute ``file://`` URI outside it."""
    rel = relative_path(path, base)
    if rel is not None:
        # quote() on bytes keeps the file name's own bytes, even ones that are not UTF-8
        return {"uri": quote(rel.encode("utf-8", "surrogateescape"), safe="/"), "uriBaseId": SRCROOT}
    absolute = absolute_path(path).as_posix()
    return {"uri": "file://" + quote(absolute.encode("utf-8", "surrogateescape"), safe="/")}


def _region(line: int, column: int, end_column: int | None = None) -> dict[str, int]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_column is not None:
        region["endLine"] = region["startLine"]
        region["endColumn"] = max(end_column, region["startColumn"])
    return region


def _result(d: Diagnostic, index: dict[str, int], location: dict[str, str], fingerprint: str) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": d.code}
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    out["level"] = LEVEL[d.severity]
    out["message"] = {"text": d.message}
    out["locations"] = [{"physicalLocation": {"artifactLocation": dict(location), "region": _region(d.line, d.column)}}]
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    if d.fix:
        out["fixes"] = [
            {
                "description": {"text": d.message},
                "artifactChanges": [
                    {
                        "artifactLocation": dict(location),
                        "replacements": [
                            {
                                "deletedRegion": _region(e.line, e.column, e.end_column),
                                "insertedContent": {"text": e.text},
                            }
                            for e in d.fix
                        ],
                    }
                ],
            }
        ]
    return out


def _notification(text: str, location: dict[str, str]) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": dict(location)}}],
    }


def log(result: Result, lang: str | None = None, base: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    base = base or base_dir()
    rules = rule_descriptors(lang or "en")
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    message_lang = summary_language(result, lang)
    for p in result.missing:
        text = render("cli.no_path", {"path": printable(p)}, message_lang)
        notifications.append(_notification(text, artifact_location(p, base)))
    for problem in result.unreadable:
        notifications.append(_notification(path_problem(problem, message_lang), artifact_location(problem.path, base)))
    for res in result.files:
        location = artifact_location(res.path, base)
        if res.error is not None:
            text = render("cli.unreadable", {"path": printable(res.path), "reason": res.error}, message_lang)
            notifications.append(_notification(text, location))
        results.extend(_file_results(res, index, location, base))
    driver: dict[str, Any] = {
        "name": "vplint",
        "version": __version__,
        "semanticVersion": __version__,
        "language": _LANGUAGE_TAG["zh" if lang == "zh" else "en"],
        "rules": rules,
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications},
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if lang in _LANGUAGE_TAG:
        run["language"] = _LANGUAGE_TAG[lang]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _file_results(res: FileResult, index: dict[str, int], location: dict[str, str], base: Path) -> list[dict[str, Any]]:
    if not res.diagnostics:
        return []
    path = printable(relative_path(res.path, base) or res.path)
    return [_result(d, index, location, fp) for d, fp in zip(res.diagnostics, fingerprints(res, path), strict=True)]


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None:
    write_path_errors(result, err, lang)
    out.write(escape_bidi(json.dumps(log(result, lang), ensure_ascii=False, indent=2)) + "\n")
