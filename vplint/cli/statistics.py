"""``vplint check --statistics``: how many findings of each code, instead of the findings.

One line a code, the most frequent first (then by code)::

    12  P005  [ ] unsolved-problem
     3  Y001  [*] canonical-spelling

``[*]`` marks a code whose findings ``--fix`` can all fix.  With ``--output-format json`` it is a
JSON list of ``{"code", "name", "count", "fixable"}``.  Paths that are missing or cannot be read are
told on standard error, as in every format.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from vplint.lint.result import Result

__all__ = ["Stat", "statistics", "write_statistics"]


@dataclass(frozen=True)
class Stat:
    code: str
    name: str
    count: int
    fixable: bool


def _name(code: str) -> str:
    from vplint.lint.codes import BUILTIN_CODES
    from vplint.rules import RULES

    if code in RULES:
        return RULES[code].name
    return BUILTIN_CODES[code].name if code in BUILTIN_CODES else ""


def statistics(result: Result) -> list[Stat]:
    """The count of each code's findings in ``result``, the most frequent first."""
    counts: Counter[str] = Counter()
    fixable: dict[str, bool] = {}
    for d in result.diagnostics:
        counts[d.code] += 1
        fixable[d.code] = fixable.get(d.code, True) and bool(d.fix)
    order = sorted(counts, key=lambda code: (-counts[code], code))
    return [Stat(code, _name(code), counts[code], fixable[code]) for code in order]


def write_statistics(result: Result, out: TextIO, err: TextIO, as_json: bool, lang: str | None = None) -> None:
    from vplint.report import concise

    stats = statistics(result)
    if as_json:
        out.write(json.dumps([asdict(s) for s in stats], ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(str(s.count)) for s in stats), default=1)
        for s in stats:
            print(f"{s.count:>{width}}  {s.code}  {'[*]' if s.fixable else '[ ]'} {s.name}".rstrip(), file=out)
    concise.write_path_errors(result, err, lang)
