"""``gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array, one object a finding::

    {"description": "S002 'problem-solvin' is not ...", "check_name": "S002",
     "fingerprint": "<sha256>", "severity": "major",
     "location": {"path": "canvases/a.md", "lines": {"begin": 21}}}

Severity: error → ``major``, warning → ``minor``, info → ``info``.  Paths are relative to
``$CI_PROJECT_DIR`` (the checkout; else the git top level, else the current folder).  The fingerprint is stable
across runs and does not change when unrelated lines move (see
:func:`vplint.report.common.fingerprints`), so merge-request widgets show new findings only.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from vplint.diagnostics import Severity
from vplint.lint.result import Result
from vplint.report.common import base_dir, fingerprints, relative_path
from vplint.report.concise import printable, write_path_errors
from vplint.report.terminal import escape_bidi

__all__ = ["SEVERITY", "issues", "write"]

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(result: Result) -> list[dict[str, Any]]:
    base = base_dir("CI_PROJECT_DIR")
    out: list[dict[str, Any]] = []
    for res in result.files:
        if not res.diagnostics:
            continue
        path = printable(relative_path(res.path, base) or res.path)
        for d, fingerprint in zip(res.diagnostics, fingerprints(res, path), strict=True):
            out.append(
                {
                    "description": f"{d.code} {d.message}",
                    "check_name": d.code,
                    "fingerprint": fingerprint,
                    "severity": SEVERITY[d.severity],
                    "location": {"path": path, "lines": {"begin": d.line}},
                }
            )
    return out


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None:
    write_path_errors(result, err, lang)
    out.write(escape_bidi(json.dumps(issues(result), ensure_ascii=False, indent=2)) + "\n")
