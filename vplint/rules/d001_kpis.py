"""The decision-maker has at least one KPI.

One canvas addresses one class of decision-maker, and who drives a purchase depends on the
decision-maker's business function (method §1, docs/method.md#decision-maker).  The most
direct way to know that function is the decision-maker's KPIs (KPI指标): a CFO measured on
operating margin and days sales outstanding thinks differently from a CIO measured on system
availability.  No formal KPI does not mean no indicators: a sales team is measured on
contracts signed, profit, customer satisfaction and market share, so the rep can always
write down what the decision-maker is judged on.  Without it, the problems, needs and
motivators on the canvas cannot be tied to what this person cares about.  The KPIs go in the
front-matter as a list under ``decision_maker: kpis:``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "D001"
NAME = "kpis"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
决策人至少要有一项 KPI 指标。

每份画布针对一类决策人，而谁推动采购取决于决策人的业务职能（方法 §1，docs/method.zh.md#decision-maker）。了解业务职能
最直接的方式就是看决策人的 KPI 指标：以营业利润率和应收账款周转天数考核的 CFO，与以系统可用率考核的 CIO，关注点完全不
同。没有正式的 KPI 不代表没有职能指标：销售团队就以签约额、利润、客户满意度和市场份额来衡量，所以销售总能写出决策人被
考核的指标。缺少这些，画布上的问题、需求和动机就无法与这个人真正关心的事联系起来。KPI 写在元数据 decision_maker 下
的 kpis 列表中。
"""

BAD = """
---
id: acme-cfo
account: ACME Manufacturing
decision_maker:
  title: Chief Financial Officer
  function: finance
  kpis: []
offering: differentiated
owner: alice@example.com
updated: 2026-11-20
language: en
---
"""

GOOD = """
---
id: acme-cfo
account: ACME Manufacturing
decision_maker:
  title: Chief Financial Officer
  function: finance
  kpis:
    - Operating margin at or above 12%
offering: differentiated
owner: alice@example.com
updated: 2026-11-20
language: en
---
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    dm = canvas.data.get("decision_maker")
    if not isinstance(dm, dict):
        return  # missing or not a mapping: the schema reports it
    if "kpis" not in dm:
        yield canvas.report(("decision_maker",), CODE, "D001.missing", at_key=True)
        return
    kpis = dm["kpis"]
    if not isinstance(kpis, list):
        return  # no value, or a single value: the schema reports it (S005)
    if not any(k is not None and str(k).strip() for k in kpis):
        yield canvas.report(("decision_maker", "kpis"), CODE, "D001.empty", at_key=True)
