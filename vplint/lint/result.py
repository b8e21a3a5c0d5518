"""What a check returns: one :class:`FileResult` per file and the :class:`Result` of a run.

A result carries what reporters need and nothing they would have to read again: its findings,
the source lines those findings point to, and (when the caller asked to keep them) the
document and the canvas model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.config.loader import Config
    from vplint.lint.suppressions import Directive
    from vplint.model.canvas import Canvas
    from vplint.parser.document import Document

__all__ = ["FileResult", "PathProblem", "Result", "exit_code"]


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that exists, or may, but cannot be looked at: a folder that cannot be listed, a file name that is
    too long, a file under a folder without search permission.  Named on the command line or met in a walk."""

    path: str
    """As it was given, or as the walk joined it (``tree/sub``)."""
    reason: str
    """What the system said (``Permission denied``, ``File name too long``)."""


@dataclass(slots=True)
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    canvas: Canvas | None = None
    """The canvas model; in a lean result only what cross-file rules read (id, account, title)."""
    error: str | None = None
    """An I/O error: the file could not be read at all."""
    lang: str = "en"
    document: Document | None = None
    config: Config | None = None
    directives: list[Directive] = field(default_factory=list)
    """The file's suppression comments (parsed with the file, applied when the run finishes)."""
    lines: dict[int, str] = field(default_factory=dict)
    """Source lines by number (1-based) as vplint parsed them: every line a finding can point to.

    A result that keeps its document reads its lines from the document instead."""
    _all_lines: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    def source_line(self, number: int) -> str | None:
        """Line ``number`` of the file (newlines normalised, no byte-order mark), or None when there is none."""
        if self._all_lines is None:
            text = ""
            if self.document is not None and self.document.text:
                text = self.document.text
            elif self.canvas is not None and self.canvas.text:
                text = self.canvas.text
            if not text:
                return self.lines.get(number)
            self._all_lines = text.split("\n")
        return self._all_lines[number - 1] if 1 <= number <= len(self._all_lines) else None


@dataclass
class Result:
    files: list[FileResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Paths that do not exist."""
    unreadable: list[PathProblem] = field(default_factory=list)
    """Paths that cannot be looked at, with the reason (a file found but not read is a FileResult with an error)."""

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def exit_code(self) -> int:
        if self.missing or self.unreadable or any(f.error for f in self.files):
            return 2
        return 1 if self.count(Severity.ERROR) else 0


def exit_code(result: Result, *, exit_zero: bool = False, strict: bool = False) -> int:
    """0: clean; 1: findings that fail (errors; with ``strict``, warnings too); 2: missing or unreadable paths.

    ``exit_zero`` turns 1 into 0; it never hides 2.
    """
    code = result.exit_code
    if code == 2:
        return 2
    if strict and result.count(Severity.WARNING):
        code = 1
    return 0 if exit_zero else code
