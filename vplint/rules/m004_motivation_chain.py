"""At least one motivator shows the whole chain: change, phenomenon, feeling, perception.

The method (§7, docs/method.md#change) traces where motivation comes from: a change (变化)
shows up as phenomena at work or in life (现象: overtime, churn, pressure from leaders), the
phenomena cause feelings (情绪感受: anxiety or desire), and the feelings shape the perception
(认知) that makes the problem rank higher.  The seller checks that the four corroborate each
other (相互印证); a motivator that skips a link is an assumption, not something the rep has
seen.  At least one motivator must therefore fill in all four: a ``Change`` with a
description, a ``Phenomenon``, a ``Feeling`` and a ``Perception``.  The finding points at
the motivator that comes closest and names the links it lacks.  When only the change is
missing and no motivator has evidence of a change, C003 already asks for the change and this
rule is quiet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.rules.c003_change_evidence import pieces

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "M004"
NAME = "motivation-chain"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
至少一个客户动机要写全整条链：变化、现象、感受、认知。

方法（§7，docs/method.zh.md#change）说明了动机从哪里来：变化表现为工作或生活中的现象（加班、客户流失、领导施压等），现
象引起情绪感受（焦虑或渴望），感受形成认知，认知让问题的优先级上升。销售要确认这四者相互印证；缺了一环的动机只是假设，
而不是销售亲眼所见。因此至少要有一个动机把四项都写上：有描述的“变化”、“现象”、“感受”和“认知”。问题会指向最接近的动机，
并列出它缺少的环节。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
- Phenomenon: finance staff doing overtime on invoice corrections
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
- Phenomenon: finance staff doing overtime on invoice corrections
- Feeling: anxiety about the first audit
- Perception: the problem is urgent and will not go away by itself
"""

LINKS = ("change", "phenomenon", "feeling", "perception")


def links(motivator: dict[str, Any]) -> tuple[bool, ...]:
    """Which of change, phenomenon, feeling and perception the motivator fills in."""
    change = motivator.get("change")
    described = isinstance(change, dict) and bool(str(change.get("description") or "").strip())
    return (described, *(bool(str(motivator.get(k) or "").strip()) for k in LINKS[1:]))


def _join(labels: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(f"“{x}”" for x in labels)
    quoted = [f"'{x}'" for x in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    best: tuple[int, int, tuple[bool, ...]] | None = None
    for i, motivator in canvas.items("motivators"):
        got = links(motivator)
        if all(got):
            return
        if best is None or sum(got) > best[0]:
            best = (sum(got), i, got)
    if best is None:
        return  # no motivators at all: the schema reports the missing section
    lang = ctx.lang
    _, i, got = best
    if got == (False, True, True, True) and not any(all(pieces(m)) for _, m in canvas.items("motivators")):
        return  # only the change is missing, and C003 (change-evidence) already asks for one
    labels = [field_label("motivators", k, lang) for k in LINKS]
    path = ("motivators", i)
    yield canvas.report(
        path,
        CODE,
        "M004.incomplete",
        chain=" → ".join(labels),
        item=item_label(canvas, path, lang),
        missing=_join([label for label, ok in zip(labels, got, strict=True) if not ok], lang),
    )
