"""The canvas names what will turn the latent need into an explicit one.

A diagnosed problem only gives a latent need; the customer buys when that need becomes
explicit, and the method (§5, docs/method.md#trigger) names three reasons it does: more
resources become available (``more-resources``), the problem becomes more important, urgent
or worthwhile (``higher-priority``), or the solution the customer was waiting for appears
(``solution-appears``).  A canvas that names none of them has no view of why the customer
would act now rather than later.  The seller's main lever is ``higher-priority``, which the
motivators then explain.  Write at least one trigger in the Conversion section (``- Trigger:
higher-priority``).  A trigger vplint does not recognise is reported by the schema (S002)
with a suggestion, not here.  A ``##`` heading vplint does not know that is close to
Conversion, on a canvas without a Conversion heading, is read as Conversion and reported
here with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model import vocabulary as voc
from vplint.model.labels import field_label, join_terms, section_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "T001"
NAME = "conversion-trigger"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
画布要写明是什么让潜在需求变成明确需求。

诊断过的问题只带来潜在需求；客户真正采购，是在潜在需求变成明确需求的时候。方法（§5，docs/method.zh.md#trigger）给出三
种原因：有了更多可用资源（more-resources）；问题变得更重要、更紧急或更值得（higher-priority）；出现了客户期待的解决方
案（solution-appears）。一个触发都没写的画布，说明销售还不清楚客户为什么要现在行动而不是以后。销售最主要的抓手是“更重
要或更紧急”，客户动机部分要对此加以说明。请在“需求转变”章节至少写一个触发（“- 触发：更重要或更紧急”）。vplint 不认识的
写法由 schema 检查（S002）并给出建议，本规则不重复报告。画布没有“需求转变”标题、却有一个 vplint 不认识但与之接近
的“##”标题时，按“需求转变”读取，并在此报告“您是不是想写”。
"""

BAD = """
## Conversion
- Note: the customer will buy when ready
"""

GOOD = """
## Conversion
- Trigger: higher-priority
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    heading = canvas.guessed.get("conversion")
    if heading is not None:  # read from a heading vplint does not know: that is the finding
        section = section_label("conversion", ctx.lang)
        yield canvas.report(("conversion",), CODE, "T001.guessed", heading=heading.text, section=section)
        return
    conversion = canvas.data.get("conversion")
    triggers = conversion.get("triggers") if isinstance(conversion, dict) else None
    if isinstance(triggers, list) and triggers:
        return  # known triggers pass; unknown spellings are the schema's (S002)
    lang = ctx.lang
    field = field_label("conversion", "trigger", lang)
    known = join_terms("trigger", voc.TRIGGER.slugs, lang)
    if isinstance(conversion, dict):
        yield canvas.report(("conversion",), CODE, "T001.empty", field=field, triggers=known)
    else:
        section = section_label("conversion", lang)
        yield canvas.report(("$body",), CODE, "T001.missing", section=section, field=field, triggers=known)
