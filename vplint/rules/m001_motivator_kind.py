"""Every motivator says which of the nine motivators it is.

The seller's main lever on the latent need is to raise its priority, and the method
(§6, docs/method.md#motivators) names the nine ways a customer's motivation to act now can
arise: the problem is more severe, a window of opportunity, the alternative fails, lower
cost or risk, a more lasting impact, a wider impact, important-versus-urgent priority, the
relationship, and the pressure to keep up or the wish to lead.  Naming the kind makes the
rep say which argument the motivator supports, lets reviewers see whether the canvas leans
on the two over-used ones (the discount and the reference case, see M006), and lets briefs
group the arguments.  A kind vplint does not recognise is reported by the schema (S002) with
a suggestion, not here.
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

CODE = "M001"
NAME = "motivator-kind"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
每个客户动机都要写明属于九种动机中的哪一种。

销售推动潜在需求的主要抓手是提高它的优先级；方法（§6，docs/method.zh.md#motivators）列出了客户愿意现在行动的九种动机：
问题更严重、机会窗口、替代方案失效、成本或风险更小、影响更久远、影响范围更大、先处理重要的事还是紧急的事、客情关系、落
伍的压力或领先的渴望。写明类型，销售就得说清这个动机支撑的是哪种说法；评审也能看出画布是否只依赖最常被滥用的两种（降价
和标杆案例，见 M006）；简报也能据此归类。vplint 不认识的写法由 schema 检查（S002）并给出建议，本规则不重复报告。
"""

BAD = """
### M1 Window of opportunity
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, motivator in canvas.items("motivators"):
        if motivator.get("kind") is not None:
            continue  # unknown or empty spellings are the schema's (S002)
        path = ("motivators", i)
        yield canvas.report(
            path,
            CODE,
            "M001.missing",
            item=item_label(canvas, path, lang),
            field=field_label("motivators", "kind", lang),
            kinds=join_terms("motivator", voc.MOTIVATOR.slugs, lang),
        )
