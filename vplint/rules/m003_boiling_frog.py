"""A gradual change with no tipping point cannot be the only evidence of change.

domain.md §7 warns that a continuous change which has not yet turned quantity into
quality is "boiling the frog" (温水煮青蛙): the customer has grown used to it, so it
creates no feelings and no motivation.  When every motivator with evidence of a change
(what changed, when and where it is known from, as C003 defines it) describes a
continuous change and none says what tipping point has now been reached, the canvas
rests on a change the customer may not feel at all.  Either say in ``Shift`` what has
turned the gradual change into a felt one (a threshold crossed, a first incident, a
deadline), or find a sudden, discontinuous change.  A continuous change with a ``Shift``
counts as real evidence.
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
没有质变的渐变不能作为唯一的变化证据。

domain.md §7 提醒：还没有由量变引起质变的连续变化就是“温水煮青蛙”，客户已经习以为常，不会产生情绪感受，也就不会产生
动机。如果所有有变化证据（按 C003 的定义：变化内容、时间和来源）的动机都是连续变化，而且都没有写明已经到了哪个转折点，
画布所依据的变化客户可能根本感受不到。请在“质变”中写明渐变是如何变成能被感受到的变化的（越过了某个阈值、第一次出事、
临近期限），或者找出一个突发的、非连续的变化。写了“质变”的连续变化算作真正的证据。
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
    evidenced = [(i, m) for i, m in canvas.items("motivators") if all(pieces(m))]
    if not evidenced:
        return  # no evidence of a change at all is C003's
    for _, motivator in evidenced:
        if motivator.get("continuity") != "continuous" or str(motivator.get("shift") or "").strip():
            return
    lang = ctx.lang
    labels = [item_label(canvas, ("motivators", i), lang) for i, _ in evidenced]
    yield canvas.report(
        ("motivators", evidenced[0][0]),
        CODE,
        "M003.frog" if len(labels) > 1 else "M003.frog_one",
        items=("、" if lang == "zh" else ", ").join(labels),
        shift=field_label("motivators", "shift", lang),
    )
