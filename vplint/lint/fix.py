"""Apply safe fixes to files: exactly the edits the findings carry, atomically.

A file is rewritten only when it parsed (no F-code finding), when every edit still
matches the text it expects, and through a temporary file in the same folder that
replaces the original in one step (:func:`vplint.store.files.write_atomic`): a crash
midway leaves the old file whole.  Line ends (LF, CRLF, CR) and a UTF-8 byte-order mark are kept as they were;
a file with mixed line ends is left alone.  Applying the fixes of a fixed file changes
nothing (each fix writes the spelling its rule accepts).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass

from vplint.diagnostics import Diagnostic, Edit

__all__ = ["FixOutcome", "fix_file", "fixed_text", "unified_diff"]


@dataclass
class FixOutcome:
    path: str
    original: str
    fixed: str
    applied: int

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fixed_text(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """``text`` (newlines normalised) with the edits applied; overlapping or stale edits are skipped."""
    lines = text.split("\n")
    applied = 0
    by_line: dict[int, list[Edit]] = {}
    for e in edits:
        by_line.setdefault(e.line, []).append(e)
    for line_no, line_edits in by_line.items():
        if not 1 <= line_no <= len(lines):
            continue
        line = lines[line_no - 1]
        last_start = len(line) + 1
        for e in sorted(line_edits, key=lambda e: (e.column, e.end_column), reverse=True):
            start, end = e.column - 1, e.end_column - 1
            if end > last_start or start < 0 or end > len(line) or (e.old and line[start:end] != e.old):
                continue
            line = line[:start] + e.text + line[end:]
            last_start = start
            applied += 1
        lines[line_no - 1] = line
    return "\n".join(lines), applied


def _newline(raw: str) -> str | None:
    crlf = raw.count("\r\n")
    cr = raw.count("\r") - crlf
    lf = raw.count("\n") - crlf
    kinds = [k for k, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if len(kinds) > 1:
        return None
    return kinds[0] if kinds else "\n"


def fix_file(path: str, diagnostics: Iterable[Diagnostic]) -> FixOutcome | None:
    """The fixed content of ``path`` (None: the file is not to be rewritten)."""
    diags = list(diagnostics)
    if any(d.code.startswith("F") for d in diags):
        return None
    edits = [e for d in diags for e in d.fix]
    if not edits or os.path.islink(path):  # never replace a link by a file
        return None
    from vplint.store.files import open_regular

    with open(path, "rb", opener=open_regular) as fh:  # a pipe put in its place must not block
        data = fh.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        raw = data[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    newline = _newline(raw)
    if newline is None:
        return None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    fixed, applied = fixed_text(text, edits)
    out = fixed.replace("\n", newline)
    return FixOutcome(path, ("\ufeff" if bom else "") + raw, ("\ufeff" if bom else "") + out, applied)


def unified_diff(outcome: FixOutcome) -> str:
    return "".join(
        difflib.unified_diff(
            outcome.original.splitlines(keepends=True),
            outcome.fixed.splitlines(keepends=True),
            fromfile=f"a/{outcome.path}",
            tofile=f"b/{outcome.path}",
        )
    )
