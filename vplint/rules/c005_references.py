"""Every reference resolves: a need's ``Solves`` and a motivator's ``For`` name problems that exist, and an
action's ``(M1)`` names a motivator that exists.

A latent need is the purchase of a solution to a diagnosed business problem
(method §3, docs/method.md#needs), so each need points at the problems it solves; a
motivator makes one of those problems more important or urgent, and an action works on a
motivator.  A reference to an item that is not on the canvas (renamed, deleted or mistyped)
breaks that chain silently: the brief would show a need that solves nothing the
decision-maker said, or a reason to act now about nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.model.labels import item_label, term_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C005"
NAME = "references"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
所有引用都必须能找到：需求的“解决”和动机的“针对”所列的问题必须存在，行动括号里的“（M1）”所指的动机必须存在。

潜在需求是对已诊断业务问题的解决方案的购买（方法 §3，docs/method.zh.md#needs），所以每个需求都要指向它解决的问题；动机
让其中的问题变得更重要、更紧急，行动则作用于动机。引用一个画布上不存在的条目（改名、删除或写错），会悄悄打断这条链：简
报里会出现一个不解决决策人任何问题的需求，或者一个没有对象的“现在就行动”的理由。
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
    problems = _ids(canvas, "problems")
    yield from _unresolved(canvas, ctx, "needs", "solves", "P", problems, "C005.unresolved")
    yield from _unresolved(canvas, ctx, "motivators", "for", "P", problems, "C005.unresolved_for")
    yield from _unresolved(canvas, ctx, "actions", "for", "M", _ids(canvas, "motivators"), "C005.unresolved_action")


def _ids(canvas: Canvas, section: str) -> dict[str, str]:
    return {str(p.get("id")).upper(): str(p.get("id")) for _, p in canvas.items(section) if p.get("id")}


def _unresolved(
    canvas: Canvas, ctx: Context, section: str, key: str, prefix: str, known: dict[str, str], message_id: str
) -> Iterator[Diagnostic]:
    for i, item in canvas.items(section):
        refs = item.get(key)
        if not isinstance(refs, list):
            continue
        for j, ref in enumerate(refs):
            if not isinstance(ref, str) or ref[:1].upper() != prefix or not ref[1:].isdigit():
                continue  # malformed references are the schema's (S004)
            if ref.upper() in known:
                continue
            close = difflib.get_close_matches(ref.upper(), list(known), n=1)
            hint = render("hint.did_you_mean", {"options": known[close[0]]}, ctx.lang) if close else ""
            if section == "actions":  # an action has no id: it is named by its lever
                label = term_label("lever", str(item.get("lever", "")), ctx.lang)
            else:
                label = item_label(canvas, (section, i), ctx.lang)
            yield canvas.report((section, i, key, j), CODE, message_id, item=label, ref=ref, hint=hint)
