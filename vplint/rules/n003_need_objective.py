"""A need at or serving the financial level names the leader's committed objective.

The higher strategy a need serves is, in the method, a business problem a senior leader has
already committed to solving: the objective is in the leader's own words and has a date or a
number (method §4, docs/method.md#strategy).  A Balanced Scorecard tag such as
``financial/cost-efficiency`` says which kind of strategy; it does not say which commitment
the purchase helps keep, and without one the financial case is the seller's, not the
leader's.  ``- Objective: cut days sales outstanding to 40 by the end of FY2027`` names it.
A warning: canvases written before the field existed name none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "N003"
NAME = "need-objective"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
处于或服务于财务层级的需求，要写明高层领导已承诺的目标。

在方法中，需求所服务的更高层策略，是高层领导已经明确要解决的业务问题：目标用领导自己的话写，带有时间或数字
（方法 §4，docs/method.zh.md#strategy）。“财务/支出和效率”这样的平衡计分卡标签只说明是哪一类策略，却没有说明这次采购
帮助兑现哪一项承诺；没有它，财务上的理由只是销售自己的，而不是领导的。用“- 领导目标：2027财年末应收账款天数降到40天”
写明它。这是一条警告：在这个字段出现之前写的画布都没有它。
"""

BAD = """
### N2 Compliant e-invoicing pipeline
- Solves: P2
- Strategy: financial/financial-risk
"""

GOOD = """
### N2 Compliant e-invoicing pipeline
- Solves: P2
- Strategy: financial/financial-risk
- Objective: no compliance findings in the first e-invoicing audit
"""


def _levels(need: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for value in (need.get("strategy"), *(need.get("serves") or ())):
        if isinstance(value, dict) and isinstance(value.get("level"), str):
            out.add(value["level"])
    return out


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    for i, need in canvas.items("needs"):
        if "financial" not in _levels(need) or str(need.get("objective") or "").strip():
            continue
        path = ("needs", i)
        yield canvas.report(
            path,
            CODE,
            "N003.missing",
            item=item_label(canvas, path, ctx.lang),
            field=field_label("needs", "objective", ctx.lang),
        )
