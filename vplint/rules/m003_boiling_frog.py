"""Every gradual change names its tipping point: boiling the frog creates no motivation.

The method (§7, docs/method.md#change) warns that a continuous change which has not yet
turned quantity into quality is "boiling the frog" (温水煮青蛙, 那些没有引起质变的量变不会形成需求转变的动机): the
customer has grown used to it, so it creates no feelings and no motivation.  That holds for
each motivator on its own, so vplint reports every motivator whose change is marked
continuous and that does not say in ``Shift`` what tipping point has now been reached, even
beside a motivator that rests on a sudden change: that motivator will not move the customer,
whatever the others do.  Either say in ``Shift`` what has turned the gradual change into a
felt one (a threshold crossed, a first incident, a deadline), or drop the motivator and find
a sudden, discontinuous change.  A continuous change with a ``Shift`` counts as real
evidence.  The message is sharper when the gradual change is the canvas's only evidence of a
change (as C003 defines it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.rules.c003_change_evidence import pieces

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "M003"
NAME = "boiling-frog"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
每个渐变都要写明质变：温水煮青蛙不会产生动机。

方法（§7，docs/method.zh.md#change）提醒：还没有由量变引起质变的连续变化就是“温水煮青蛙”（那些没有引起质变的量变是温水
煮青蛙，不会形成需求转变的动机），客户已经习以为常，不会产生情绪感受，也就不会产生动机。这一点对每个动机都成立，所
以 vplint 报告每个变化被标为连续、又没有在“质变”中写明已经到了哪个转折点的动机，即使画布上还有依据突发变化的动机：这个
动机本身推动不了客户，与别的动机无关。请在“质变”中写明渐变是如何变成能被感受到的变化的（越过了某个阈值、第一次出事、临
近期限），或者去掉这个动机，找出一个突发的、非连续的变化。写了“质变”的连续变化算作真正的证据。如果这个渐变是画布上唯一
的变化证据（按 C003 的定义），提示会更严厉。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/rivalry - competitors cut their invoice-to-cash time a little every quarter
- Continuity: continuous
- Evidence: industry benchmark report of 2026-10-12
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/rivalry - competitors cut their invoice-to-cash time a little every quarter
- Continuity: continuous
- Shift: two key accounts moved to a competitor in October, citing slow invoicing
- Evidence: industry benchmark report of 2026-10-12
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    motivators = list(canvas.items("motivators"))
    evidenced = [i for i, m in motivators if all(pieces(m))]
    shift = field_label("motivators", "shift", lang)
    for i, motivator in motivators:
        if motivator.get("continuity") != "continuous" or str(motivator.get("shift") or "").strip():
            continue
        path = ("motivators", i)
        only = evidenced == [i]  # the canvas's only evidence of a change
        yield canvas.report(
            path, CODE, "M003.frog_one" if only else "M003.frog", item=item_label(canvas, path, lang), shift=shift
        )
