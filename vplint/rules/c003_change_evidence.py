"""At least one motivator has evidence of a change: what changed, when, and how we know.

Motivation comes from change (domain.md §7): a change causes phenomena, phenomena cause
feelings, and feelings shape the perception that makes a latent need urgent.  A seller
who cannot point to a real change is guessing at the customer's motive.  vplint counts a
motivator as having *evidence of a change* when all three parts are written:

1. **what changed** — a ``Change`` field with a description (``Change: external/political
   - e-invoicing mandate takes effect 2027-01-01``);
2. **when** — a calendar date in its ``Evidence`` field (``2026-10-12``, ``2026/10/12``,
   ``2026.10.12`` or ``2026年10月12日``; one-digit months and days are fine);
3. **where it is known from** — the ``Evidence`` field names a source besides the date
   (``Ministry notice of 2026-10-12``).

The finding points at the motivator that comes closest and says which parts it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.model.canvas import find_dates
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C003"
NAME = "change-evidence"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
至少一个客户动机要有变化的证据：发生了什么变化、何时发生、从何得知。

动机来自变化（domain.md §7）：变化引起现象，现象引起情绪感受，感受形成认知，认知让潜在需求变得紧迫。说不出真实变化的
销售只是在猜测客户的动机。vplint 认为一个动机有“变化的证据”，当且仅当三部分都写明：

1. **变化内容**——“变化”字段有描述（如“变化：外部/政策 —— 新规 2027年1月1日起施行”）；
2. **时间**——“证据”字段中有日期（2026-10-12、2026/10/12 或 2026年10月12日）；
3. **来源**——“证据”字段除日期外写明来源（如“2026-10-20 监管部门公告”）。

问题会指向最接近的动机，并说明还缺哪些部分。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - e-invoicing mandate takes effect 2027-01-01
- Evidence: heard it somewhere
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - e-invoicing mandate takes effect 2027-01-01
- Evidence: Ministry notice of 2026-10-12
"""

_DATE_TEXT = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|[\s\W_]+|\b(?:of|on|dated|from|at|in)\b|于|在|发布|的",
    re.UNICODE | re.IGNORECASE,
)


def pieces(motivator: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(what changed, when, source) as this rule defines them."""
    change = motivator.get("change")
    what = isinstance(change, dict) and bool(str(change.get("description") or "").strip())
    evidence = motivator.get("evidence")
    text = str(evidence.get("text") or "") if isinstance(evidence, dict) else ""
    when = bool(find_dates(text))
    source = len(_DATE_TEXT.sub("", text)) >= 2
    return what, when, source


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    best: tuple[int, int, tuple[bool, bool, bool]] | None = None
    for i, motivator in canvas.items("motivators"):
        got = pieces(motivator)
        if all(got):
            return
        score = sum(got)
        if best is None or score > best[0]:
            best = (score, i, got)
    if best is None:
        return  # no motivators at all: the schema reports the missing section
    lang = ctx.lang
    score, i, got = best
    path = ("motivators", i)
    if score == 0:
        yield canvas.report(
            ("motivators",),
            CODE,
            "C003.none",
            change=field_label("motivators", "change", lang),
            evidence=field_label("motivators", "evidence", lang),
        )
        return
    names = ["piece.what_changed", "piece.when", "piece.source"]
    missing = [render(n, {}, lang) for n, ok in zip(names, got, strict=False) if not ok]
    yield canvas.report(
        path,
        CODE,
        "C003.partial",
        item=item_label(canvas, path, lang),
        missing=render("piece.and", {}, lang).join(missing),
    )
