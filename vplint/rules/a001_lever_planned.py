"""The canvas plans at least one action to stir the customer's motivation.

Knowing the customer's motivation is not enough: the seller has to act on it, and
domain.md §8 names the four levers: ``inform`` (tell the customer of changes they may not
know), ``analyse`` (show the change behind a phenomenon, so the customer sees it will
persist), ``empathise`` (share the customer's feelings) and ``relationship`` (maintain the
relationship).  A canvas without a planned lever ends at the diagnosis and leaves the rep
with nothing to do in the next meeting.  Plan at least one in the Actions section, one
line per lever with what you will do (``- Inform: share the mandate timeline``).  A lever
line with nothing after the colon does not count.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import text
from vplint.model import vocabulary as voc
from vplint.model.labels import join_terms, section_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "A001"
NAME = "lever-planned"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
画布至少要计划一项激发客户动机的行动。

了解客户的动机还不够，销售必须据此行动。domain.md §8 给出四种手段：告知（告诉客户他们可能不知道的变化）、分析（揭示
现象背后的变化，让客户看到它会持续）、同理（体会并分担客户的感受）、客情（维护客情关系）。没有计划任何手段的画布止步
于诊断，销售在下次会面时无事可做。请在“激发动机”章节至少计划一项，每种手段一行，写明要做什么（如“- 告知：同步新规
施行时间表”）。冒号后没有内容的行不算。
"""

BAD = """
## Actions
- Next meeting: 2026-12-03
"""

GOOD = """
## Actions
- Inform: share the mandate timeline and the Globex fine
"""


def _planned(action: object) -> bool:
    return (
        isinstance(action, dict)
        and action.get("lever") in voc.LEVER.slugs
        and bool(str(action.get("text") or "").strip())
    )


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    actions = canvas.data.get("actions")
    if isinstance(actions, list) and any(_planned(a) for a in actions):
        return
    lang = ctx.lang
    example = text("A001.example", lang)
    levers = join_terms("lever", voc.LEVER.slugs, lang)
    if isinstance(actions, list):
        yield canvas.report(("actions",), CODE, "A001.empty", example=example, levers=levers)
    else:
        section = section_label("actions", lang)
        yield canvas.report(("$body",), CODE, "A001.missing", section=section, example=example, levers=levers)
