"""``github``: GitHub Actions workflow commands, one annotation a finding.

    ::error file=canvases/a.md,line=21,col=9,title=vplint S002::canvases/a.md:21:9: S002 'problem-solvin' ...

Errors become ``::error``, warnings ``::warning``, infos ``::notice``.  The message repeats
the location and code so the raw log reads like the concise format.  Paths are relative to
``$GITHUB_WORKSPACE`` (the checkout; else the git top level, else the current folder), as
annotations need.  Data is escaped as the Actions toolkit does (``%``, CR, LF), properties also
``:`` and ``,``.
"""

from __future__ import annotations

from typing import TextIO

from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.result import Result
from vplint.report.common import base_dir, relative_path
from vplint.report.concise import printable, write_path_errors
from vplint.report.terminal import terminal_text

__all__ = ["annotation", "escape_data", "escape_property", "write"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, path: str) -> str:
    props = ",".join(
        (
            f"file={escape_property(path)}",
            f"line={d.line}",
            f"col={d.column}",
            f"title={escape_property(f'vplint {d.code}')}",
        )
    )
    message = f"{path}:{d.line}:{d.column}: {d.code} {terminal_text(d.message)}"
    return f"::{_COMMAND[d.severity]} {props}::{escape_data(message)}"


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None:
    write_path_errors(result, err, lang)
    base = base_dir("GITHUB_WORKSPACE")
    for res in result.files:
        path = printable(relative_path(res.path, base) or res.path)
        for d in res.diagnostics:
            print(annotation(d, path), file=out)
