"""The buying role that drives the purchase fits what is bought.

Who drives a purchase depends on the offering (method §1, docs/method.md#decision-maker): an
innovative or differentiated offering is driven by the business unit that uses or benefits
from it, an offering in between by the technical evaluation department, and a homogeneous
(commodity) offering by the commercial or procurement department; finance approves budgets
for any of them, with a power that varies by company, so it fits every offering.  The rule
reports only a clear mismatch, the opposite ends of that scale: a differentiated offering
whose decision-maker is commercial (procurement buys on price, so the differentiation will
not be valued), or a commodity whose decision-maker is the business unit (a commodity is
rarely a business unit's decision).  Adjacent pairs, such as a differentiated offering
evaluated by the technical department or a commodity chosen by technical evaluation, are
common in practice (classifying an offering is a judgement, and the technical department
often takes part), so they are not reported.  Either the canvas addresses someone who does
not drive the purchase, or the offering is classified wrong; both change the whole value
proposition.  The role is ``decision_maker.buying_role`` (a ``function`` written as one of
the four roles, as canvases did before ``buying_role`` existed, counts as the role).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "D002"
NAME = "driver-fits-offering"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
推动采购的购买角色要与所购产品的类型相符。

谁推动采购取决于产品类型（方法 §1，docs/method.zh.md#decision-maker）：创新或差异化产品由最终使用或收益的业务部门推
动，介于两者之间的由技术评估部门推动，同质化产品由商务（采购）部门推动；财务部门为任何采购审批预算，其权力大小因公司而
异，因此与任何产品类型都相符。本规则只报告明显的错配，即两个极端：差异化产品的决策人是商务部门（采购看价格，差异化价值
得不到重视），或同质化产品的决策人是业务部门（同质化产品很少由业务部门决定）。相邻的组合（如差异化产品由技术部门评估、
同质化产品由技术评估部门选择）在实际中很常见——产品归类本身是一种判断，技术部门也常常参与——因此不报告。出现明显错配，要
么画布针对的不是推动采购的人，要么产品类型归类有误；两者都会改变整个价值主张。购买角色写在“decision_maker.buying_role”
（购买角色）；旧格式中写成四种角色之一的“function”（职能）同样算作购买角色。
"""

BAD = """
---
id: acme-cfo
account: ACME Manufacturing
decision_maker:
  title: Head of Procurement
  function: Procurement
  buying_role: commercial
  kpis:
    - Purchase price variance under 2%
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
  title: Head of Finance Operations
  function: Finance operations
  buying_role: business-unit
  kpis:
    - Days sales outstanding under 45
offering: differentiated
owner: alice@example.com
updated: 2026-11-20
language: en
---
"""

_MISMATCH = {"differentiated": "commercial", "commodity": "business-unit"}
"""The offerings at the ends of the scale, and the buying role at the opposite end."""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    dm = canvas.data.get("decision_maker")
    offering = canvas.data.get("offering")
    if not isinstance(dm, dict) or not isinstance(offering, str):
        return
    if offering in _MISMATCH and dm.get("buying_role") == _MISMATCH[offering]:
        yield canvas.report(("decision_maker", "buying_role"), CODE, f"D002.{offering}")
