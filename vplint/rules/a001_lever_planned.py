"""The canvas plans at least one action to stir the customer's motivation.

Knowing the customer's motivation is not enough: the seller has to act on it, and there are
four levers (method §8, docs/method.md#levers): ``inform`` (tell the customer of changes
they may not know), ``analyse`` (show the change behind a phenomenon, so the customer sees
it will persist), ``empathise`` (share the customer's feelings) and ``relationship``
(maintain the relationship).  A canvas without a planned lever ends at the diagnosis and
leaves the rep with nothing to do in the next meeting.  Plan at least one in the Actions
section, one line per lever with what you will do (``- Inform: share the mandate
timeline``).  A lever line with nothing after the colon does not count.  A line whose key is
not a lever (``- Educate: ...``) plans nothing either: beside planned levers it is reported
on its own line, with the levers and the closest one; when no line names a lever, the
finding says which keys it read instead.  A ``##`` heading vplint does not know that is
close to Actions, on a canvas without an Actions heading, is read as Actions and reported
here with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render, text
from vplint.model import vocabulary as voc
from vplint.model.labels import join_terms, section_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas, Unread
    from vplint.rules.base import Context

CODE = "A001"
NAME = "lever-planned"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
画布至少要计划一项激发客户动机的行动。

了解客户的动机还不够，销售必须据此行动。方法（§8，docs/method.zh.md#levers）给出四种手段：告知（告诉客户他们可能不知道
的变化）、分析（揭示现象背后的变化，让客户看到它会持续）、同理（体会并分担客户的感受）、客情（维护客情关系）。没有计划
任何手段的画布止步于诊断，销售在下次会面时无事可做。请在“激发动机”章节至少计划一项，每种手段一行，写明要做什么（如
“- 告知：同步新规施行时间表”）。冒号后没有内容的行不算。键不是激发手段的行（如“- 教育：……”）也不算：旁边
有已计划的手段时，在该行报告，并列出可用的手段和最接近的一个；没有任何一行写的是手段时，报告会说明读到了哪些键。
画布没有“激发动机”标题、却有一个 vplint 不认识但与之接近的“##”标题时，按“激发动机”读取，并在此报告“您是不是想写”。
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
    return isinstance(action, dict) and action.get("lever") in voc.LEVER and bool(str(action.get("text") or "").strip())


def _written(lines: list[Unread], lang: str) -> str:
    """The keys of lines that name no lever, as written, each once."""
    keys = dict.fromkeys(line.text for line in lines)
    if lang == "zh":
        return "、".join(f"“{key}”" for key in keys)
    return ", ".join(f"'{key}'" for key in keys)


def _hint(lines: list[Unread], lang: str) -> str:
    """A "did you mean" with the levers closest to those keys, if any is close."""
    close = list(dict.fromkeys(line.near for line in lines if line.near))
    return render("hint.did_you_mean", {"options": join_terms("lever", close, lang)}, lang) if close else ""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    levers = join_terms("lever", voc.LEVER.slugs, lang)
    heading = canvas.guessed.get("actions")
    if heading is not None:  # read from a heading vplint does not know: that is the finding
        section = section_label("actions", lang)
        yield canvas.report(("actions",), CODE, "A001.guessed", heading=heading.text, section=section)
        return
    actions = canvas.data.get("actions")
    unread = canvas.unread_levers
    if isinstance(actions, list) and any(_planned(a) for a in actions):
        for line in unread:  # beside planned levers, a line whose key is no lever
            args = {"key": line.text, "levers": levers, "hint": _hint([line], lang)}
            yield Diagnostic(canvas.path, line.line, line.column, CODE, "A001.unknown_lever", SEVERITY, args)
        return
    example = text("A001.example", lang)
    if unread:  # say what was read, not that nothing is planned
        keys, hint = _written(unread, lang), _hint(unread, lang)
        yield canvas.report(("actions",), CODE, "A001.unread", keys=keys, example=example, levers=levers, hint=hint)
    elif isinstance(actions, list):
        yield canvas.report(("actions",), CODE, "A001.empty", example=example, levers=levers)
    else:
        section = section_label("actions", lang)
        yield canvas.report(("$body",), CODE, "A001.missing", section=section, example=example, levers=levers)
