"""What rule modules import: the rule context and the option declaration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Context", "Option"]


@dataclass(frozen=True)
class Option:
    """A rule option: its default and what it means."""

    default: int | str | bool
    help_en: str
    help_zh: str
    minimum: int | None = None


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the canvas."""

    lang: str = "en"
    today: dt.date = field(default_factory=dt.date.today)
    options: Mapping[str, Any] = field(default_factory=dict)
    title_synonyms: tuple[tuple[str, ...], ...] = ()
    """A team's own groups of titles that name one position (the configuration's ``title-synonyms``)."""

    def option(self, name: str) -> Any:
        """The value of the rule's option ``name``: configured, else the default its ``Option`` declares.

        The engine fills ``options`` from the rule's ``OPTIONS`` (:meth:`vplint.rules.Rule.resolved_options`),
        so a default is written in one place only.
        """
        return self.options[name]
