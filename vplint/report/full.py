"""``full``: each finding with the line it is on and a caret under its column, then the summary.

Like ruff's full format::

    canvases/acme-cfo.en.md:21:9: S002 'problem-solvin' is not a known problem type; ...
       |
    21 | - Type: problem-solvin
       |         ^
       |

Carets line up under wide (CJK) characters, which take two terminal columns; a tab is shown
as four spaces and control characters as visible symbols, so a canvas cannot send escape
sequences to the terminal.  Colour only when the stream is a terminal and ``NO_COLOR`` is
not set (``FORCE_COLOR`` forces it; ``TERM=dumb`` turns it off).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from typing import TextIO

from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.result import Result
from vplint.report import concise
from vplint.report.terminal import BIDI, terminal_text

__all__ = ["caret_line", "format_finding", "use_color", "write"]

TAB = "    "
_SEVERITY_COLOR = {Severity.ERROR: "1;31", Severity.WARNING: "1;33", Severity.INFO: "1;34"}
_BOLD, _GUTTER, _FIXABLE, _RESET = "1", "1;34", "36", "\x1b[0m"


def use_color(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Colour for ``stream``: never with ``NO_COLOR``, always with ``FORCE_COLOR``, else on a terminal."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}{_RESET}" if color and text else text


def _shown(ch: str) -> str:
    """How a character of the source line is printed."""
    if ch == "\t":
        return TAB
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)  # the Unicode control pictures: ␀ ... ␟
    if o == 0x7F:
        return "\u2421"
    if 0x80 <= o < 0xA0 or unicodedata.category(ch) == "Cs":
        return "\ufffd"
    if ch in BIDI or ch in "\u2028\u2029":  # would reorder or break the line: shown as its escape
        return f"\\u{o:04x}"
    return ch


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide and full-width characters 2, combining and format characters 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _span(d: Diagnostic) -> int:
    """How many characters to underline: the text a fix replaces, else one."""
    for e in d.fix:
        if e.line == d.line and e.column == d.column and e.end_column > e.column:
            return e.end_column - e.column
    return 1


def caret_line(line: str, column: int, span: int = 1) -> tuple[str, str]:
    """The source line as printed and the caret line that points at ``column`` (1-based, characters)."""
    shown = [_shown(ch) for ch in line]
    start = min(max(column, 1), len(shown) + 1) - 1
    pad = _width("".join(shown[:start]))
    carets = max(1, _width("".join(shown[start : start + max(span, 1)])))
    return "".join(shown), " " * pad + "^" * carets


def format_finding(d: Diagnostic, text: str | None, color: bool = False) -> str:
    """The header line and, when the file has the line (``text``), the source snippet with its caret."""
    fixable = " " + _paint("[*]", _FIXABLE, color) if d.fix else ""
    header = (
        f"{_paint(concise.printable(d.path), _BOLD, color)}:{d.line}:{d.column}: "
        f"{_paint(d.code, _SEVERITY_COLOR[d.severity], color)}{fixable} {terminal_text(d.message)}"
    )
    if text is None:
        return header
    number = str(d.line)
    empty = _paint(" " * len(number) + " |", _GUTTER, color)
    shown, carets = caret_line(text, d.column, _span(d))
    source = _paint(f"{number} |", _GUTTER, color) + (f" {shown}" if shown else "")
    marker = carets.lstrip(" ")
    pointer = f"{empty} {carets[: len(carets) - len(marker)]}{_paint(marker, _SEVERITY_COLOR[d.severity], color)}"
    return "\n".join((header, empty, source, pointer, empty))


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None, summary: bool = True) -> None:
    """Each finding with its line and a caret, then (unless ``summary`` is false: ``--quiet``) the summary."""
    color = use_color(out)
    concise.write_path_errors(result, err, lang)
    for res in result.files:
        for d in res.diagnostics:
            print(format_finding(d, res.source_line(d.line), color), file=out)
            print(file=out)
    if summary:
        concise.write_summary(result, out, lang)
