"""A note when the canvas relies only on the two most over-used motivators.

Of the nine motivators (method §6, docs/method.md#motivators), sellers reach first for two:
``lower-cost`` (cost or risk is smaller — in practice, the price cut) and
``keep-up-or-lead`` (the pressure of falling behind or the wish to lead — in practice, the
reference case).  Both are easy to say and easy for competitors to match, and neither comes
from a change in the customer's own business (§7).  When every motivator on a canvas is one
of these two, the rep has probably not yet found what really moves this decision-maker.
This is a note, not an error: look for another motivator — severity, a window of
opportunity, a failing alternative, a more lasting or wider impact, priority, or the
relationship.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model import vocabulary as voc
from vplint.model.labels import join_terms

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "M006"
NAME = "overused-motivators"
SEVERITY = Severity.INFO

RATIONALE_ZH = """
画布只依赖最常被滥用的两种动机时给出提示。

九种动机（方法 §6，docs/method.zh.md#motivators）中，销售最常用的是两种：成本或风险更小（实际上就是降价）和落伍的压力
或领先的渴望（实际上就是标杆案例）。这两种说起来容易，竞争对手也容易跟进，而且都不是来自客户自身业务的变化（§7）。如果
画布上的动机全是这两种，销售很可能还没有找到真正打动这位决策人的东西。这只是提示，不是错误：请寻找其他动机——问题更严
重、机会窗口、替代方案失效、影响更久远、影响范围更大、先处理重要的事还是紧急的事，或客情关系。
"""

BAD = """
### M1 Cheaper than the incumbent
- Kind: lower-cost
- Change: external/economic - the incumbent raised its licence fees by 15% in October
- Continuity: discontinuous
- Evidence: renewal quote of 2026-10-12
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
"""

OVERUSED = ("lower-cost", "keep-up-or-lead")


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    kinds = [m.get("kind") for _, m in canvas.items("motivators")]
    known = [k for k in kinds if k in voc.MOTIVATOR]
    if not known or any(k not in OVERUSED for k in known):
        return
    lang = ctx.lang
    used = [k for k in OVERUSED if k in known]
    others = [s for s in voc.MOTIVATOR.slugs if s not in OVERUSED]
    yield canvas.report(
        ("motivators",),
        CODE,
        "M006.only_overused",
        kinds=join_terms("motivator", used, lang),
        others=join_terms("motivator", others, lang),
    )
