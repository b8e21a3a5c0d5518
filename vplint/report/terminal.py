"""Text from a canvas made safe to print: no control character, bidi override or raw newline reaches the reader.

A canvas (or its file name) can hold an escape sequence that retitles or clears a terminal, a
right-to-left override that makes a line read as something else, or a newline that splits one
finding into two lines of a one-line format.  Every format that prints text taken from the input
goes through :func:`terminal_text` (the text formats) or :func:`escape_bidi` (JSON and XML, whose
own escaping already covers control characters and newlines).
"""

from __future__ import annotations

import re

__all__ = ["BIDI", "escape_bidi", "terminal_text", "xml_references"]

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that change the direction in which the text around them is shown."""

_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{BIDI}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INERT = BIDI + "\u2028\u2029" + "".join(map(chr, range(0x7F, 0xA0)))
"""What JSON and XML writers leave raw but a terminal acts on (they escape C0 controls themselves)."""
_INERT_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in _INERT}


def _shown(match: re.Match[str]) -> str:
    c = match.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def terminal_text(text: str) -> str:
    """``text`` with control characters, line separators and bidi controls written as escapes (``\\x1b``).

    A file name that is not UTF-8 (surrogate escapes) shows its undecodable bytes as ``\\xNN``.
    """
    if text.isprintable():  # the common case, and ASCII space is printable
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNSAFE.sub(_shown, text)


def escape_bidi(document: str) -> str:
    """A JSON document with bidi controls, DEL, C1 controls and line separators as ``\\uXXXX`` escapes.

    Once parsed it is the same data; printed, it cannot reorder or control a terminal.
    """
    return document.translate(_INERT_ESCAPES)


def xml_references(document: str) -> str:
    """An XML document with the same characters as :func:`escape_bidi` written as character references."""
    return document.translate({ord(c): f"&#x{ord(c):x};" for c in _INERT})
