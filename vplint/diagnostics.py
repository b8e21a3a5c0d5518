"""Diagnostics: what vplint finds, with where and how bad."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Diagnostic", "Position", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``line[column-1 : end_column-1]`` (1-based, characters) by ``text``."""

    line: int
    column: int
    end_column: int
    text: str
    old: str = ""
    """What the span holds now; the fix is skipped if the file says otherwise."""


@dataclass(frozen=True)
class Diagnostic:
    """One finding.

    ``message_id`` names a message in :mod:`vplint.i18n`; ``args`` fill it.  The text is
    rendered by reporters in the reader's language, so a diagnostic carries no prose.
    """

    path: str
    line: int
    column: int
    code: str
    message_id: str
    severity: Severity = Severity.ERROR
    args: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    lang: str = "en"
    """The language the arguments were written in, and the message's default language."""
    fix: tuple[Edit, ...] = ()
    """A safe fix: edits that resolve the finding (empty: not fixable)."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message_id)

    @property
    def message(self) -> str:
        from vplint.i18n import render

        return render(self.message_id, self.args, self.lang)
