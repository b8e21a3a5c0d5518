"""Every need solves at least one business problem.

A latent need is the purchase of a solution to a diagnosed business problem
(method §3, docs/method.md#needs): the decision-maker diagnoses the root cause of a problem,
looks for solutions, and buying one is the need.  A need that names no problem has skipped
that chain, so nothing on the canvas says why the decision-maker would want it; and when a
customer already states a need, the article asks the seller to find the business problem
behind it and re-diagnose from there.  Each need therefore lists the problems it solves in
its ``Solves`` field (``- Solves: P1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "N001"
NAME = "need-solves"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
每个需求至少要解决一个业务问题。

潜在需求是对已诊断业务问题的解决方案的购买（方法 §3，docs/method.zh.md#needs）：决策人诊断出问题的根源，寻找解决方案，
购买方案就是需求。不指向任何问题的需求跳过了这条链，画布上就没有任何内容说明决策人为什么需要它；而当客户已经说出需求
时，文章要求销售找到需求背后的业务问题并从那里重新诊断。因此每个需求都要在“解决”字段中列出它解决的问题（“- 解决：
P1”）。
"""

BAD = """
### N3 Working-capital analytics
- Strategy: financial/asset-investment
"""

GOOD = """
### N3 Working-capital analytics
- Solves: P3
- Strategy: financial/asset-investment
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, need in canvas.items("needs"):
        if need.get("solves"):
            continue
        path = ("needs", i)
        yield canvas.report(
            path,
            CODE,
            "N001.missing",
            item=item_label(canvas, path, lang),
            field=field_label("needs", "solves", lang),
        )
