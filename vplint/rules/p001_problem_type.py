"""Every business problem states its type.

The article sorts business problems into three types (method §2, docs/method.md#problems):
problem-solving, "today is worse than before", where the customer wants a better past back
(今不如昔); risk-prevention, "prepare for the rain", where the customer wants to keep the
present and avoid what happened to others (未雨绸缪); and ideal-pursuit, "what we dream of", a
better future or being as good as others (梦寐以求).  The type decides how the problem is
diagnosed (§3) and what the rep must find out: the better past, the precedent or warning
sign, or the target and its deadline.  A problem with no type cannot be checked for any of
these, and usually means the rep has not yet understood how the decision-maker sees it.  A
type spelled in a way vplint does not know is reported by the schema instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model import vocabulary as voc
from vplint.model.labels import field_label, item_label, join_terms

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "P001"
NAME = "problem-type"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
每个业务问题都要写明类型。

文章把业务问题分为三类（方法 §2，docs/method.zh.md#problems）：问题解决型——今不如昔，客户想恢复更好的过去；防范隐患
型——未雨绸缪，客户想保持现状、避免别人遇到的问题；追求理想型——梦寐以求，追求更好的未来或向别人看齐。类型决定了问题如何
诊断（§3），也决定了销售要弄清什么：更好的过去、前车之鉴或征兆，还是目标和期限。没有类型的问题无法做这些检查，通常也说
明销售还没弄清决策人如何看待这个问题。类型写法无法识别时，由 schema 报告。
"""

BAD = """
### P1 Quote-to-cash slowed since the 2024 reorganisation
- Diagnosis: before-after - invoices started slipping after regional billing teams were merged in Q3 2024
"""

GOOD = """
### P1 Quote-to-cash slowed since the 2024 reorganisation
- Type: problem-solving
- Diagnosis: before-after - invoices started slipping after regional billing teams were merged in Q3 2024
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        if problem.get("type") is not None:
            continue  # a spelling vplint does not know is the schema's (S002)
        path = ("problems", i)
        yield canvas.report(
            path,
            CODE,
            "P001.missing",
            item=item_label(canvas, path, lang),
            field=field_label("problems", "type", lang),
            types=join_terms("problem_type", voc.PROBLEM_TYPE.slugs, lang),
        )
