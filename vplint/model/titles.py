"""Decision-maker titles that name one position: ``CFO``, ``Chief Financial Officer`` and ``首席财务官``.

The built-in groups are data, in ``titles.toml`` beside this module (with the reasons for
what is and is not folded: ``财务总监`` is not ``CFO`` unless a team says so).  A team adds
its own with ``title-synonyms`` in its configuration; a group that shares a title with
another joins it.  Titles are compared by :func:`fold_title`: width, case, spaces and
punctuation do not count.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["BUILTIN_GROUPS", "TitleTable", "fold_title", "title_table"]

_NOT_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def fold_title(text: str) -> str:
    """``text`` compared loosely: width, case, spaces and punctuation folded (``Vice President, Sales`` ->
    ``vicepresidentsales``)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _load_builtin() -> tuple[tuple[str, ...], ...]:
    data = tomllib.loads((Path(__file__).with_name("titles.toml")).read_text(encoding="utf-8"))
    return tuple(tuple(group) for group in data["groups"])


BUILTIN_GROUPS: tuple[tuple[str, ...], ...] = _load_builtin()
"""The groups of ``titles.toml``: each the spellings of one title, the usual name first."""


class TitleTable:
    """Which titles name one position: :meth:`key` is the same for all spellings of one title."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for group in groups:
            folded = [f for f in map(fold_title, group) if f]
            for other in folded[1:]:
                a, b = root(folded[0]), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)  # the smaller root wins: the result does not depend on order
        self._key = {x: root(x) for x in parent}

    def key(self, title: str) -> str:
        """The position ``title`` names: its group's key, or the folded title itself ("" for no letters or digits)."""
        folded = fold_title(title)
        return self._key.get(folded, folded)


@functools.lru_cache(maxsize=64)
def title_table(extra: tuple[tuple[str, ...], ...] = ()) -> TitleTable:
    """The built-in groups joined with a team's ``extra`` groups (from the configuration's ``title-synonyms``)."""
    return TitleTable((*BUILTIN_GROUPS, *extra))
