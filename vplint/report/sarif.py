"""``sarif``: a SARIF 2.1.0 log (GitHub code scanning, VS Code's SARIF viewer, Azure DevOps, ...).

One run; ``tool.driver.rules`` describes every code vplint has (file and shape checks, then
the rules) with its rationale and a failing and a passing example; each result names its
rule by id and index, carries the severity it was reported with, its message in the
canvas's language, the location (columns count Unicode code points: ``columnKind``) and,
for fixable findings, the fix.  Paths are relative URIs against ``%SRCROOT%``, the repository
root (``$GITHUB_WORKSPACE``, else the git top level, else the current folder: see
:func:`vplint.report.common.base_dir`), percent-encoded; files outside it get an absolute
``file://`` URI.  Each rule's ``helpUri`` is its section of the rules reference, and its
``fullDescription`` is cut to GitHub's 1,024 characters (``help`` keeps the whole text).  Rule
texts are English unless ``lang`` is ``zh``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from vplint import __version__
from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render, table, text
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.result import FileResult, Result
from vplint.report.common import absolute_path, base_dir, fingerprints, relative_path
from vplint.report.concise import path_problem, printable, summary_language, write_path_errors
from vplint.report.terminal import escape_bidi
from vplint.rules import RULES
from vplint.rules.docs import explain_text
from vplint.scaffold.files import PLACEHOLDER_REPO, PLACEHOLDER_REV

__all__ = [
    "DOCS_URL",
    "FULL_DESCRIPTION_LIMIT",
    "SCHEMA_URI",
    "artifact_location",
    "help_uri",
    "log",
    "rule_descriptors",
    "shorten",
    "write",
]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "vplint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LANGUAGE_TAG = {"en": "en-US", "zh": "zh-CN"}
DOCS_URL = f"{PLACEHOLDER_REPO}/blob/{PLACEHOLDER_REV}/docs/"
"""The docs folder of the repository vplint is installed from, at this version's tag, so each ``helpUri``
describes the rules this vplint checks.  The repository is ``PLACEHOLDER_REPO``, the URL ``vplint init``
writes into a team's files: where vplint is hosted, change that one constant."""
FULL_DESCRIPTION_LIMIT = 1024
"""GitHub code scanning's limit on a rule's ``fullDescription.text``, in characters."""


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


_SENTENCE_END = re.compile(r"(?<=[^\s\d.]{2}[.!?])(?=\s)|(?<=[。！？])")
"""After a full stop that ends a word of two letters or more: not "3." (a numbered list) nor "e.g."."""


def _wide(c: str) -> bool:
    """A CJK character or punctuation mark: text may be cut before or after it, as between words."""
    return unicodedata.east_asian_width(c) in ("W", "F")


def shorten(description: str, limit: int = FULL_DESCRIPTION_LIMIT) -> str:
    """``description`` if it fits in ``limit`` characters, else cut at a sentence end, else between words, with ``…``.

    Never mid-word: the cut falls at a space, or next to a Chinese character or punctuation mark.
    """
    if len(description) <= limit:
        return description
    room = limit - 2  # the ellipsis, and the space before it
    cut = max((m.start() for m in _SENTENCE_END.finditer(description, 0, room + 1)), default=0)
    if cut < room // 2:  # no sentence ends late enough: the last word boundary
        cut = max(
            (
                i
                for i in range(1, room + 1)
                if description[i].isspace() or _wide(description[i - 1]) or _wide(description[i])
            ),
            default=room,
        )
    kept = description[:cut].rstrip()
    return kept + ("…" if kept and _wide(kept[-1]) else " …")


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub and GitLab make it: lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def help_uri(code: str, lang: str = "en") -> str:
    """Where the rules reference (``docs/rules.md``, ``rules.zh.md``) explains ``code``.

    A rule has its own section (``## C001 problem-diagnosis``); the file and shape checks share one.
    """
    page = "rules.zh.md" if lang == "zh" else "rules.md"
    rule = RULES.get(code)
    heading = f"{rule.code} {rule.name}" if rule is not None else text("docs.builtin", lang).lstrip("#")
    return f"{DOCS_URL}{page}#{quote(_anchor(heading))}"


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
                "fullDescription": {"text": shorten(summary)},
                "helpUri": help_uri(b.code, lang),
                "help": {"text": summary, "markdown": summary},
                "defaultConfiguration": {"enabled": True, "level": LEVEL[b.severity]},
                "properties": {"fixable": False},
            }
        )
    labels = table(lang)
    for r in RULES.values():
        rationale = _unwrap(r.rationale(lang), lang)
        help_text = f"{rationale}\n\n{labels['sarif.bad']}\n{r.bad}\n\n{labels['sarif.good']}\n{r.good}"
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary_zh if zh else r.summary_en},
                "fullDescription": {"text": shorten(rationale)},
                "helpUri": help_uri(r.code, lang),
                "help": {"text": help_text, "markdown": explain_text(r, "zh" if zh else "en")},
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
    base = base or base_dir("GITHUB_WORKSPACE")
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
