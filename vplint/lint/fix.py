"""Apply safe fixes to files: exactly the edits the findings carry, atomically.

A file is rewritten only when it parsed (no F-code finding), when every edit still
matches the text it expects, and through a temporary file in the same folder that
replaces the original in one step (:func:`vplint.store.files.write_atomic`): a crash
midway leaves the old file whole.  Line ends (LF, CRLF, CR) and a UTF-8 byte-order mark are kept as they were;
a file with mixed line ends is left alone.  Applying the fixes of a fixed file changes
nothing (each fix writes the spelling its rule accepts).  :func:`unified_diff` (``--diff``) shows the same
change as a diff that ``patch -p1`` turns into exactly those bytes.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass

from vplint.diagnostics import Diagnostic, Edit

__all__ = ["FixOutcome", "fix_bytes", "fix_file", "fixed_text", "patch_lines", "split_text", "unified_diff"]


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
    return fix_bytes(path, data, diags)


def fix_bytes(path: str, data: bytes, diagnostics: Iterable[Diagnostic]) -> FixOutcome | None:
    """The fixed content of ``data`` (a file's bytes, or standard input's); None: it is not to be rewritten."""
    diags = list(diagnostics)
    edits = [e for d in diags for e in d.fix]
    if not edits or any(d.code.startswith("F") for d in diags):
        return None
    split = split_text(data)
    if split is None:
        return None
    bom, text, newline = split
    fixed, applied = fixed_text(text, edits)
    return FixOutcome(path, bom + text.replace("\n", newline), bom + fixed.replace("\n", newline), applied)


def split_text(data: bytes) -> tuple[str, str, str] | None:
    """A file's bytes as (its byte-order mark, or ''; its text with LF line ends; the line end it uses);
    None when it is not UTF-8 or mixes line ends (vplint rewrites neither)."""
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        raw = data[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    newline = _newline(raw)
    if newline is None:
        return None
    return ("\ufeff" if bom else ""), raw.replace("\r\n", "\n").replace("\r", "\n"), newline


_NO_NEWLINE_AT_END = "\\ No newline at end of file\n"


def patch_lines(text: str) -> list[str]:
    """``text`` in lines as ``patch`` (and ``git apply``) read a file: each ends after its LF, and only there.

    So a CRLF file's lines end in ``\\r\\n``, a CR-only file is one line, and form feeds, vertical tabs,
    U+0085, U+2028 and the other breaks of :meth:`str.splitlines` are characters inside a line.  The last
    line has no line end when the text does not end with one.
    """
    lines = [line + "\n" for line in text.split("\n")]
    last = lines.pop()[:-1]
    if last:
        lines.append(last)
    return lines


def unified_diff(outcome: FixOutcome) -> str:
    """The fixes as a unified diff, ``a/<path>`` to ``b/<path>``: ``patch -p1`` applied to the file writes exactly
    :attr:`FixOutcome.fixed`, byte for byte (line ends, a missing final newline and a byte-order mark included).

    Lines are cut where ``patch`` cuts them (:func:`patch_lines`), each keeps its own line end, and a last line
    without one is followed by ``\\ No newline at end of file``, on whichever side (or both) it is.
    """
    # a name with a space ends in a tab, as GNU diff writes it: patch reads a name up to a tab, else up to a space
    end = "\t" if any(c.isspace() for c in outcome.path) else ""
    diff = difflib.unified_diff(
        patch_lines(outcome.original),
        patch_lines(outcome.fixed),
        fromfile=f"a/{outcome.path}{end}",
        tofile=f"b/{outcome.path}{end}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE_AT_END for line in diff)
