"""Inline suppressions: markdown comments and a front-matter comment.

``<!-- vplint-disable CODE ... -->`` … ``<!-- vplint-enable CODE ... -->``
    no findings of those codes between the two comments (no codes: every code);
``<!-- vplint-disable-next-line CODE ... -->``
    none on the next line that is not blank;
``<!-- vplint-disable-file CODE ... -->``
    none in the whole file;
``# vplint: disable=CODE,CODE`` on its own line inside the front-matter
    none in the whole file.

Codes may be separated by spaces or commas, and rule names work as codes.  Comments
inside fenced code blocks are text, not directives.  A directive that suppresses nothing
is itself reported (U001), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from vplint.config.loader import expand_codes
from vplint.diagnostics import Diagnostic
from vplint.parser.directives import HTML_DIRECTIVE, YAML_DIRECTIVE, directive_codes

__all__ = ["Directive", "apply_suppressions", "parse_directives"]

_HTML = HTML_DIRECTIVE
_YAML = YAML_DIRECTIVE
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass
class Directive:
    kind: str
    codes: frozenset[str]
    """Empty: every code."""
    written: tuple[str, ...]
    line: int
    column: int
    applies_from: int = 0
    applies_to: int = 0
    reenabled: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """``vplint-enable CODE`` inside this region: (line, codes) that are reported again from that line on."""
    hits: set[str] = field(default_factory=set)
    used: bool = False

    def covers(self, code: str, line: int | None = None) -> bool:
        """Every code when the directive names none; else the codes it names that vplint knows.

        With ``line``, also whether the code was re-enabled before that line.
        """
        if self.written and code not in self.codes:
            return False
        return line is None or not any(line >= start and code in codes for start, codes in self.reenabled)


def parse_directives(text: str, body_line: int) -> list[Directive]:
    lines = text.split("\n")
    out: list[Directive] = []
    open_regions: list[Directive] = []
    fence: str | None = None
    for idx, line in enumerate(lines):
        n = idx + 1
        if n < body_line:  # front-matter
            m = _YAML.match(line)
            if m and n > 1:
                written = directive_codes(m.group(1) or "")
                out.append(
                    Directive(
                        "disable-file",
                        frozenset(expand_codes(written)),
                        written,
                        n,
                        line.index("#") + 1,
                        1,
                        len(lines) + 1,
                    )
                )
            continue
        fm = _FENCE.match(line)
        if fence is not None:
            if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence):
                fence = None
            continue
        if fm:
            fence = fm.group(1)
            continue
        for m in _HTML.finditer(line):
            kind, written = m.group(1), directive_codes(m.group(2))
            d = Directive(kind, frozenset(expand_codes(written)), written, n, m.start() + 1)
            if kind == "disable-file":
                d.applies_from, d.applies_to = 1, len(lines) + 1
            elif kind == "disable-next-line":
                target = n + 1
                while target <= len(lines) and (
                    not lines[target - 1].strip() or _HTML.fullmatch(lines[target - 1].strip())
                ):
                    target += 1
                d.applies_from, d.applies_to = target, target
            elif kind == "disable":
                d.applies_from, d.applies_to = n, len(lines) + 1
                open_regions.append(d)
            else:  # enable: ends the regions it names; a partial enable re-enables only its codes
                for region in list(open_regions):
                    if not d.written or (region.written and region.codes <= d.codes):
                        region.applies_to = n
                        open_regions.remove(region)
                    elif not region.written or region.codes & d.codes:
                        region.reenabled = (*region.reenabled, (n, tuple(sorted(d.codes))))
                continue
            out.append(d)
    return out


def apply_suppressions(diagnostics: Iterable[Diagnostic], directives: list[Directive]) -> list[Diagnostic]:
    """The diagnostics no directive suppresses; directives record what they suppressed.

    Time linear in the findings and directives (plus the overlaps of regions): a directive for one
    line is found by its line, and a region is looked at only for the findings inside it (a sweep
    over the findings in line order, with the regions open at each line).
    """
    by_line: dict[int, list[Directive]] = {}
    regions: list[Directive] = []
    for directive in directives:
        if directive.applies_from == directive.applies_to:
            by_line.setdefault(directive.applies_from, []).append(directive)
        elif directive.applies_from < directive.applies_to:
            regions.append(directive)
    regions.sort(key=lambda r: r.applies_from)
    order = sorted(range(len(findings := list(diagnostics))), key=lambda i: findings[i].line)
    suppressed = [False] * len(findings)
    open_regions: list[Directive] = []
    closes = 0  # the first line after the earliest end of an open region
    next_region = 0
    for i in order:
        d = findings[i]
        if open_regions and d.line >= closes:  # a region ended: drop the ended ones
            open_regions = [r for r in open_regions if r.applies_to >= d.line]
            closes = min((r.applies_to for r in open_regions), default=0) + 1
        while next_region < len(regions) and regions[next_region].applies_from <= d.line:
            region = regions[next_region]
            next_region += 1
            if region.applies_to >= d.line:
                closes = region.applies_to + 1 if not open_regions else min(closes, region.applies_to + 1)
                open_regions.append(region)
        for directive in (*by_line.get(d.line, ()), *open_regions):
            if directive.covers(d.code, d.line):
                directive.used = True
                directive.hits.add(d.code)
                suppressed[i] = True
    return [d for d, gone in zip(findings, suppressed, strict=True) if not gone]
