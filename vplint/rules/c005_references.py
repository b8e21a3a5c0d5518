"""Every reference resolves: a need's ``Solves`` names problems that exist.

A latent need is the purchase of a solution to a diagnosed business problem
(domain.md §3), so each need points at the problems it solves.  A reference to a problem
that is not on the canvas (renamed, deleted or mistyped) breaks that chain silently:
the brief would show a need that solves nothing the decision-maker said.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.model.labels import item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C005"
NAME = "references"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
所有引用都必须能找到：需求的“解决”字段所列的问题必须存在。

潜在需求是对已诊断业务问题的解决方案的购买（domain.md §3），所以每个需求都要指向它解决的问题。引用一个画布上不存在的
问题（改名、删除或写错），会悄悄打断这条链：简报里会出现一个不解决决策人任何问题的需求。
"""

BAD = """
### P1 Quote-to-cash slowed

### N1 Automated credit decisions
- Solves: P7
"""

GOOD = """
### P1 Quote-to-cash slowed

### N1 Automated credit decisions
- Solves: P1
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    problems = {str(p.get("id")).upper(): str(p.get("id")) for _, p in canvas.items("problems") if p.get("id")}
    for i, need in canvas.items("needs"):
        refs = need.get("solves")
        if not isinstance(refs, list):
            continue
        for j, ref in enumerate(refs):
            if not isinstance(ref, str) or ref[:1] not in ("P", "p") or not ref[1:].isdigit():
                continue  # malformed references are the schema's (S004)
            if ref.upper() in problems:
                continue
            close = difflib.get_close_matches(ref.upper(), list(problems), n=1)
            hint = render("hint.did_you_mean", {"options": problems[close[0]]}, ctx.lang) if close else ""
            yield canvas.report(
                ("needs", i, "solves", j),
                CODE,
                "C005.unresolved",
                item=item_label(canvas, ("needs", i), ctx.lang),
                ref=ref,
                hint=hint,
            )
