"""Every business problem is solved by some need.

A business problem matters to the seller because diagnosing it turns it into a latent need,
the purchase of a solution (method §3, docs/method.md#needs), and the seller then argues
that need upwards against the leader's strategy (§4).  A problem that no need's ``Solves``
lists is a loose end: either the canvas is missing the need it leads to, or the problem is
not one our offering addresses and belongs elsewhere.  This is a note, not an error:
recording a problem we cannot solve yet can be worth it, but the rep should decide so on
purpose.  Problems without a well-formed id cannot be referred to, so the schema's report of
the id comes first.  The rule is also silent on a canvas with no needs at all (the schema
reports that), and while some ``Solves`` reference is broken (malformed or naming no
problem, reported by the schema and C005): the broken reference may well be meant for the
problem that looks unsolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "P005"
NAME = "unsolved-problem"
SEVERITY = Severity.INFO

RATIONALE_ZH = """
每个业务问题都应有需求来解决。

业务问题之所以重要，是因为诊断会把它转化为潜在需求，即购买解决方案（方法 §3，docs/method.zh.md#needs），销售再据此对照
领导的业务策略向上争取（§4）。如果没有任何需求的“解决”字段列出某个问题，它就是一个断头：要么画布缺少它引出的需求，要么
这个问题不是我们的产品能解决的，应另作处理。这只是提示而非错误：记下暂时解决不了的问题也可能有价值，但应由销售有意识地
决定。编号缺失或格式不对的问题无法被引用，先由 schema 报告编号。画布完全没有需求时（由 schema 报告），或某个“解决”引用
有误时（格式不对或指向不存在的问题，由 schema 和 C005 报告），本规则也不报告：那个有误的引用很可能本来就是指向看似没人
解决的问题。
"""

BAD = """
### N3 Working-capital analytics
- Solves: P1
- Strategy: financial/asset-investment
"""

GOOD = """
### N3 Working-capital analytics
- Solves: P3
- Strategy: financial/asset-investment
"""

_ID = re.compile(r"P\d{1,4}")
"""A well-formed problem id; the schema reports the others, which no need can refer to."""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    needs = [need for _, need in canvas.items("needs")]
    refs = {str(ref).upper() for need in needs if isinstance(need.get("solves"), list) for ref in need["solves"]}
    problems = [(i, str(p.get("id"))) for i, p in canvas.items("problems") if _ID.fullmatch(str(p.get("id")))]
    if not needs or not refs <= {item_id for _, item_id in problems}:
        return  # no needs (the schema's), or a broken reference (S004, C005) that may be meant for one of them
    for i, item_id in problems:
        if item_id not in refs:
            yield canvas.report(
                ("problems", i),
                CODE,
                "P005.unsolved",
                item=item_id,
                field=field_label("needs", "solves", ctx.lang),
            )
