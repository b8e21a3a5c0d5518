"""A need that serves a higher level than its own names the leader who sponsors it.

When a need serves a strategy above its own level (operations serving financial, customer
serving financial), the purchase helps a leader above the decision-maker's remit, and beyond
the decision-maker's authority that leader has to back it
(method §4, docs/method.md#strategy).  The seller must know who that leader is:
``- Sponsor: COO``.  A need that stays at its own level is within the decision-maker's reach
and needs no sponsor. Levels rank learning and growth < operations < customer < financial.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.model.vocabulary import LEVEL_RANK

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "N004"
NAME = "need-sponsor"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
服务于更高层级策略的需求，要写明支持它的高层领导。

当需求服务于高于自身层级的策略（运营服务于财务、客户服务于财务），这次采购就是在帮助决策人职责之上的领导；超出决策人
权限时，需要那位领导的支持（方法 §4，docs/method.zh.md#strategy）。销售必须知道这位领导是谁：“- 支持者：集团COO”。
停留在自身层级的需求在决策人的职责范围内，不需要支持者。层级由低到高：学习与成长 < 运营 < 客户 < 财务。
"""

BAD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: operations/service-process
- Serves: financial/cost-efficiency
"""

GOOD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: operations/service-process
- Serves: financial/cost-efficiency
- Sponsor: COO
"""


def _level(value: Any) -> int | None:
    level = value.get("level") if isinstance(value, dict) else None
    return LEVEL_RANK.get(level) if isinstance(level, str) else None


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    for i, need in canvas.items("needs"):
        own = _level(need.get("strategy"))
        if own is None or str(need.get("sponsor") or "").strip():
            continue
        if not any((rank := _level(s)) is not None and rank > own for s in need.get("serves") or ()):
            continue
        path = ("needs", i)
        yield canvas.report(
            path,
            CODE,
            "N004.missing",
            item=item_label(canvas, path, ctx.lang),
            field=field_label("needs", "sponsor", ctx.lang),
        )
