"""An action works on the motivator that carries the evidence of change.

The levers (inform, analyse, empathise, relationship) exist to move the decision-maker along
the chain from a change to a perception that the problem is urgent
(method §8, docs/method.md#levers).  The motivator with evidence of a real change is the
strongest reason to act now; a plan whose actions work on none of them spends the meeting on
what cannot move the decision.  Actions name what they work on in brackets:
``- Inform (M1): ...``.  A warning: canvases written before actions named their motivators
name none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import text
from vplint.model.labels import item_label
from vplint.rules.c003_change_evidence import pieces

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "A002"
NAME = "action-on-change"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
至少有一项行动作用于带有变化证据的动机。

激发手段（告知、分析、同理、客情）是为了推动决策人沿着“变化 → 现象 → 感受 → 认知”的链条，最终认为问题紧迫
（方法 §8，docs/method.zh.md#levers）。有真实变化证据的动机，是“现在就行动”最有力的理由；如果所有行动都不作用于这样的
动机，会议时间就花在了无法推动决策的事情上。行动在括号里写明它作用于哪个动机：“- 告知（M1）：……”。这是一条警告：
在行动写明动机之前写的画布都没有它。
"""

BAD = """
## Actions
- Inform: share the mandate timeline and the Globex fine
"""

GOOD = """
## Actions
- Inform (M1): share the mandate timeline and the Globex fine
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    actions = canvas.data.get("actions")
    if not isinstance(actions, list) or not actions:
        return  # no plan at all: A001's finding
    evidenced = [(i, str(m.get("id"))) for i, m in canvas.items("motivators") if all(pieces(m)) and m.get("id")]
    if not evidenced:
        return  # no motivator carries evidence of a change: C003's finding
    targets = {str(ref).upper() for a in actions if isinstance(a, dict) for ref in a.get("for") or ()}
    if any(mid.upper() in targets for _, mid in evidenced):
        return
    i, mid = evidenced[0]
    yield canvas.report(
        ("actions",),
        CODE,
        "A002.missing",
        item=item_label(canvas, ("motivators", i), ctx.lang),
        example=text("A002.example", ctx.lang).format(id=mid),
    )
