"""Positions: vplint's (1-based line, 1-based character column) and the client's (0-based line, code units).

vplint counts columns in characters (code points) of a line whose newlines were normalised and whose
byte-order mark was dropped.  LSP counts lines from 0, splits them at ``\\r\\n``, ``\\r`` and ``\\n`` only
(the same lines as vplint's), and counts characters in the code units of the negotiated position
encoding: UTF-16 unless the client offered UTF-8 or UTF-32.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Lines", "split_lines", "units"]


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding`` (``utf-8``, ``utf-16`` or ``utf-32``)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as LSP and vplint both count them (a final newline leaves an empty last line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@dataclass(frozen=True)
class Lines:
    """A buffer's lines, converting columns between vplint and the client."""

    lines: tuple[str, ...]
    encoding: str = "utf-16"
    bom: bool = False
    """The buffer starts with a byte-order mark: the client counts it on line 0, vplint does not."""

    @classmethod
    def of(cls, text: str, encoding: str = "utf-16") -> Lines:
        return cls(tuple(split_lines(text)), encoding, text.startswith("\ufeff"))

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, line0: int) -> str:
        """Line ``line0`` (0-based) as vplint reads it ('' past the end)."""
        if not 0 <= line0 < len(self.lines):
            return ""
        line = self.lines[line0]
        return line[1:] if line0 == 0 and self.bom else line

    def _offset(self, line0: int) -> int:
        return units("\ufeff", self.encoding) if line0 == 0 and self.bom else 0

    def to_client(self, line0: int, char: int) -> tuple[int, int]:
        """vplint's character index ``char`` (0-based) on line ``line0`` as the client's (line, character)."""
        if line0 >= len(self.lines):
            return len(self.lines) - 1, units(self.lines[-1], self.encoding)
        line0 = max(line0, 0)
        text = self.text(line0)
        return line0, self._offset(line0) + units(text[: max(char, 0)], self.encoding)

    def from_client(self, line0: int, character: int) -> int:
        """The client's ``character`` (code units) on line ``line0`` as vplint's 0-based character index."""
        text = self.text(line0)
        remaining = character - self._offset(line0)
        for index, ch in enumerate(text):
            if remaining <= 0:
                return index
            remaining -= units(ch, self.encoding)
        return len(text)

    def end(self) -> tuple[int, int]:
        """The client position just after the last character."""
        last = len(self.lines) - 1
        return last, self._offset(last) + units(self.text(last), self.encoding)
