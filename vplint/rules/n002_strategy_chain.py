"""A need below the financial level says which higher strategy it serves.

When a purchase exceeds the decision-maker's authority, a higher leader must back it, and
the seller must show how the need serves that leader's strategy
(method §4, docs/method.md#strategy).  In the Balanced Scorecard each lower level serves the
ones above it: learning and growth serves operations, operations serves customer and
financial, customer serves financial.  A need whose own strategy level is below financial
must therefore state, in ``Serves``, which higher level it serves (``- Serves:
financial/cost-efficiency``); skipping a level upwards, such as learning-growth serving
financial directly, is fine.  Serving the same or a lower level breaks the chain.  A
financial need is already at the top and needs no ``Serves``; it may serve the parent
organisation's financial strategy (organisations nest the same way), but not a lower level.
Unknown level spellings are left to the schema, and a need with no strategy to C002.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import text
from vplint.model.labels import field_label, item_label, join_terms, term_label
from vplint.model.vocabulary import LEVEL_RANK

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "N002"
NAME = "strategy-chain"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
财务层级以下的需求要写明它服务于哪个更高层级的策略。

当采购超出决策人的权限时，需要更高层领导的支持，销售必须说明该需求如何服务于领导的业务策略（方法 §4，
docs/method.zh.md#strategy）。在平衡计分卡中，下层服务于上层：学习与成长服务于运营，运营服务于客户和财务，客户服务于财
务。因此策略层级低于财务的需求，必须在“服务于”中写明它服务的更高层级（如“- 服务于：客户/老客户维护”）；越级向上（如学
习与成长直接服务于财务）也可以。服务于同级或更低层级则打断了这条链。财务层级的需求已在最高层，不需要“服务于”；它可以服
务于上级组织的财务策略（组织也是层层嵌套的），但不能服务于更低层级。层级写法无法识别时由 schema 报告，没有策略的需求
由 C002 报告。
"""

BAD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: operations/service-process
- Sponsor: COO
"""

GOOD = """
### N1 Automated credit decisions
- Solves: P1
- Strategy: operations/service-process
- Serves: financial/cost-efficiency
- Sponsor: COO
"""


def _higher(level: str) -> list[str]:
    """The levels a need at ``level`` may serve: those above it; for financial, the parent's financial."""
    if level == "financial":
        return ["financial"]
    return sorted((slug for slug in LEVEL_RANK if LEVEL_RANK[slug] > LEVEL_RANK[level]), key=LEVEL_RANK.__getitem__)


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, need in canvas.items("needs"):
        strategy = need.get("strategy")
        level = str(strategy.get("level")) if isinstance(strategy, dict) else ""
        if level not in LEVEL_RANK:
            continue  # no strategy (C002) or an unknown spelling (the schema's S002)
        path = ("needs", i)
        item = item_label(canvas, path, lang)
        higher = join_terms("level", _higher(level), lang)
        serves = need.get("serves")
        entries = [(j, e) for j, e in enumerate(serves) if isinstance(e, dict)] if isinstance(serves, list) else []
        if not entries and level != "financial":
            yield canvas.report(
                path,
                CODE,
                "N002.missing",
                item=item,
                level=term_label("level", level, lang),
                field=field_label("needs", "serves", lang),
                example=text(f"N002.example.{level}", lang),
                higher=higher,
            )
        for j, entry in entries:
            served = str(entry.get("level"))
            if served not in LEVEL_RANK or served in _higher(level):
                continue
            yield canvas.report(
                (*path, "serves", j, "level"),
                CODE,
                "N002.not_higher_financial" if level == "financial" else "N002.not_higher",
                item=item,
                level=term_label("level", level, lang),
                served=term_label("level", served, lang),
                higher=higher,
            )
