"""Every change is classified and marked continuous or discontinuous.

Motivation comes from change (method §7, docs/method.md#change), and where the change comes
from tells the seller how to work with it: an external change (PEST — political, economic,
social, technological — or one of Porter's five forces), an internal one (ownership,
organisation, personnel, culture, factions, business strategy, a major initiative) or a
personal one (the decision-maker's life).  Whether the change is sudden (discontinuous) or
gradual (continuous) matters as much: a gradual change that has not turned quantity into
quality is "boiling the frog" and creates no motivation (see M003).  So a motivator's
``Change`` starts with ``scope/category`` (``external/political - ...``), the category must
belong to that scope, and the motivator has a ``Continuity``.  Spellings vplint does not
recognise are reported by the schema (S002), not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import text
from vplint.model import vocabulary as voc
from vplint.model.labels import field_label, item_label, join_terms, term_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas, JsonPath
    from vplint.rules.base import Context

CODE = "M002"
NAME = "change-classified"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
每个变化都要分类，并写明是连续变化还是非连续变化。

动机来自变化（方法 §7，docs/method.zh.md#change），变化的来源决定了销售如何利用它：外部变化（PEST：政治、经济、社会、
技术，或波特五力之一），内部变化（股东资本结构、组织机构、人事变动、企业文化、内部派系、业务策略、重大业务策略），或个
人变化（决策人的生活环境）。变化是突发（非连续）还是渐变（连续）同样重要：还没有由量变引起质变的连续变化就是“温水煮青
蛙”，不会产生动机（见 M003）。因此动机的“变化”要以“范围/类别”开头（如“外部/政策 —— ……”），类别要属于该范围，动机还要有
“连续性”字段。vplint 不认识的写法由 schema 检查（S002），本规则不重复报告。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: national e-invoicing mandate takes effect 2027-01-01
- Evidence: Ministry notice of 2026-10-12
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
"""


def _scope_word(slug: str, lang: str) -> str:
    return voc.SCOPE[slug].zh if lang == "zh" else slug


def _classification(canvas: Canvas, path: JsonPath, change: dict[str, Any], lang: str) -> Iterator[Diagnostic]:
    scope, category = change.get("scope"), change.get("category")
    if scope is None:
        example = text("M002.example", lang)
        scopes = join_terms("scope", voc.SCOPE.slugs, lang)
        yield canvas.report(path, CODE, "M002.unclassified", example=example, scopes=scopes)
        return
    if scope not in voc.SCOPE:
        return  # an unknown scope is the schema's (S002)
    children = join_terms("change_category", [t.slug for t in voc.CHANGE_CATEGORY.children_of(scope)], lang)
    if category is None:
        yield canvas.report(path, CODE, "M002.no_category", scope=_scope_word(scope, lang), categories=children)
        return
    if category not in voc.CHANGE_CATEGORY:
        return  # an unknown category is the schema's (S002)
    parent = voc.CHANGE_CATEGORY[category].parent or ""
    if parent != scope:
        yield canvas.report(
            (*path, "category"),
            CODE,
            "M002.mismatch",
            category=term_label("change_category", category, lang),
            category_scope=_scope_word(parent, lang),
            scope=_scope_word(scope, lang),
            categories=children,
        )


def _has_change(change: dict[str, Any]) -> bool:
    return any(str(change.get(k) or "").strip() for k in ("scope", "category", "description"))


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, motivator in canvas.items("motivators"):
        change = motivator.get("change")
        if not isinstance(change, dict) or not _has_change(change):
            continue
        path: JsonPath = ("motivators", i)
        yield from _classification(canvas, (*path, "change"), change, lang)
        if motivator.get("continuity") is None:
            yield canvas.report(
                path,
                CODE,
                "M002.no_continuity",
                item=item_label(canvas, path, lang),
                field=field_label("motivators", "continuity", lang),
                discontinuous=voc.CONTINUITY["discontinuous"].label(lang),
                continuous=voc.CONTINUITY["continuous"].label(lang),
            )
