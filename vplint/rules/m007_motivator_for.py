"""A motivator names the problems it makes more important or urgent.

Motivation, in the method, is making *our* problems weigh more: the seller works on the
decision-maker's sense that the business problems the offering solves are more important and
more urgent than the others competing for attention (method §6, docs/method.md#motivators).
A motivator that names no problem may be a true change in the customer's world and still
move nothing the canvas is about.  ``- For: P2`` ties it to the problem it makes urgent, so
the brief can tell "why now" problem by problem.  A warning: canvases written before the
field existed name none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "M007"
NAME = "motivator-for"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
每个动机都要写明它让哪些业务问题变得更重要、更紧急。

方法所说的激发动机，是让客户认为我们关注的业务问题比其他问题更重要、更紧急（方法 §6，docs/method.zh.md#motivators）。
一个不指向任何问题的动机，也许确实是客户环境中的真实变化，却推动不了画布关心的任何事情。“- 针对：P2”把动机和它让之
变得紧迫的问题联系起来，简报才能按问题说明“为什么是现在”。这是一条警告：在这个字段出现之前写的画布都没有它。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- For: P2
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    for i, motivator in canvas.items("motivators"):
        if motivator.get("for"):
            continue
        path = ("motivators", i)
        yield canvas.report(
            path,
            CODE,
            "M007.missing",
            item=item_label(canvas, path, ctx.lang),
            field=field_label("motivators", "for", ctx.lang),
        )
