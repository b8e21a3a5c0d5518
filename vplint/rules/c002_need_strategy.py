"""Every need maps to a strategy level, and its area belongs to that level.

When a purchase exceeds the decision-maker's authority, a higher leader must back it, and
the seller must show how the need serves that leader's strategy
(method §4, docs/method.md#strategy).  The Balanced Scorecard gives the levels and the areas
within each: financial (revenue and profit, cost and efficiency, financial risk, assets and
investment), customer (retention, acquisition), operations (sales, R&D, production, service
and innovation processes) and learning and growth (capability, IT systems, incentives and
collaboration).  A need without a level cannot be argued upstairs; an area filed under the
wrong level (``customer/service-process``) shows the chain of strategy is muddled.  This
applies to ``Strategy`` and to every ``Serves`` entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import text
from vplint.model import vocabulary as voc
from vplint.model.labels import field_label, item_label, join_terms, term_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas, JsonPath
    from vplint.rules.base import Context

CODE = "C002"
NAME = "need-strategy"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
每个需求都要对应一个策略层级，且策略领域要属于该层级。

当采购超出决策人的权限时，需要更高层领导的支持，销售必须说明该需求如何服务于领导的业务策略（方法 §4，
docs/method.zh.md#strategy）。平衡计分卡给出四个层级及其领域：财务（收入和利润、支出和效率、财务风险管理、资产利用和投
资）、客户（老客户关系维护、新客户拓展）、运营（销售、研发、生产、服务、业务创新流程）、学习与成长（员工能力、IT系统支
撑、激励授权与协作制度）。没有层级的需求无法向上争取支持；领域放错层级（如“客户/服务流程”）说明策略链条不清楚。“策略”
和每个“服务于”都适用本规则。
"""

BAD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: customer/service-process
"""

GOOD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: operations/service-process
"""


def _check_pair(canvas: Canvas, path: JsonPath, value: dict[str, Any], lang: str) -> Iterator[Diagnostic]:
    level, area = value.get("level"), value.get("area")
    if level not in voc.LEVEL or area not in voc.AREA:
        return  # unknown spellings are the schema's (S002)
    term = voc.AREA[str(area)]
    if term.parent != level:
        yield canvas.report(
            (*path, "area"),
            CODE,
            "C002.mismatch",
            area=term_label("area", term.slug, lang),
            area_level=term_label("level", term.parent or "", lang),
            level=term_label("level", str(level), lang),
            areas=join_terms("area", [t.slug for t in voc.AREA.children_of(str(level))], lang),
        )


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, need in canvas.items("needs"):
        path: JsonPath = ("needs", i)
        strategy = need.get("strategy")
        if not isinstance(strategy, dict) or not strategy.get("level"):
            yield canvas.report(
                path,
                CODE,
                "C002.missing",
                item=item_label(canvas, path, lang),
                field=field_label("needs", "strategy", lang),
                example=text("C002.example", lang),
            )
        else:
            yield from _check_pair(canvas, (*path, "strategy"), strategy, lang)
        serves = need.get("serves")
        if isinstance(serves, list):
            for j, entry in enumerate(serves):
                if isinstance(entry, dict):
                    yield from _check_pair(canvas, (*path, "serves", j), entry, lang)
