"""A problem-solving problem names the better past it wants back.

A problem-solving problem is "today is worse than before" (domain.md §2, 今不如昔): the
decision-maker is dissatisfied because things used to be better, and wants that past
back.  Problems come from how the decision-maker sees past, present and future, and
from comparing with others, so the canvas should say what the better past was: when it
was, or what today is compared with.  That past is also where the diagnosis starts
(§3): a before/after analysis asks what happened just before the problem appeared, a
peer comparison what differs from a similar case with no problem.  vplint accepts a
``Baseline`` field, or a past time or a comparison in the title, the diagnoses or the
root cause: a year or date up to this year, a quarter, or words such as since, before,
last year, used to, previously, compared with, than (去年, 以前, 之前, 过去, 曾经, 上季度, 同期,
比…多, 比…少...).  A year after this year is a target, not a past, and does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.rules._text import names_past_time, problem_text

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "P003"
NAME = "better-past"
SEVERITY = Severity.WARNING
DATE_DEPENDENT = True
"""Findings change with today\'s date (briefs leave them out, so time alone never makes one stale)."""

RATIONALE_ZH = """
问题解决型问题要写明想恢复的更好的过去。

问题解决型问题是“今不如昔”（domain.md §2）：决策人不满，是因为过去更好，他想回到那时。问题来自决策人对过去、现在和未来
的看法，以及与别人的比较，所以画布应写明那个更好的过去：是什么时候，或者拿现在和什么比。诊断也从这里开始（§3）：前后
对比要问问题出现前发生了什么，同类比较要看与没有问题的同类有何不同。vplint 接受“基线”字段，或标题、诊断、根本原因中的
过去时间或比较：不晚于今年的年份或日期、季度，或“去年、以前、之前、过去、曾经、上季度、同期、比…多、比…少”以及 since、
before、last year、used to、previously、compared with、than 等词。晚于今年的年份是目标而不是过去，不算在内。
"""

BAD = """
### P1 Quote-to-cash is slow
- Type: problem-solving
- Diagnosis: decomposition - credit checks take most of the cycle time
- Root cause: manual credit checks queue in one central team
"""

GOOD = """
### P1 Quote-to-cash is slow
- Type: problem-solving
- Diagnosis: decomposition - credit checks take most of the cycle time
- Root cause: manual credit checks queue in one central team since the regional teams were merged
"""

_PAST_WORDS = re.compile(
    r"\b(?:since|before|ago|previously|formerly|earlier|used\s+to|in\s+the\s+past|no\s+longer|any\s*more"
    r"|last\s+(?:year|quarter|month|week|season|fy|fiscal\s+year|peak|time)|compared\s+(?:with|to)|than"
    r"|versus|vs|year[- ](?:on|over)[- ]year|yoy|qoq|back\s+to"
    r"|(?:down|up|fell|dropped|declined|slipped|rose|grew|increased|decreased|went|jumped)\s+from)\b"
    r"|去年|前年|往年|上一?年|以前|之前|此前|先前|从前|以往|过去|曾经|原来|原先|上一?个?季度|上个?月|同期|同比|环比|相比|相较|对比"
    r"|自从|以来|前几年|不再|回到|(?<!\d)(?:\d{1,2}|[一两二三四五六七八九十几数]+)\s*个?\s*(?:年|月|季度|周)前"
    r"|从[^，。,；;\n]{1,15}?(?:变成|变为|[降升跌涨增减加少]到|[降升跌涨增减]至)"
    r"|比(?!例|率|重|如|方|较|赛)[^，。,；;！？!?\n]{0,15}?"
    r"(?:多|少|高|低|慢|快|差|好|长|短|大|小|强|弱|严重|频繁|落后|领先|下降|上升|增加|减少)",
    re.IGNORECASE,
)


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        if problem.get("type") != "problem-solving":
            continue
        baseline = problem.get("baseline")
        if isinstance(baseline, str) and baseline.strip():
            continue
        text = problem_text(problem, "root_cause")
        if _PAST_WORDS.search(text) or names_past_time(text, ctx.today):
            continue
        path = ("problems", i)
        yield canvas.report(
            path,
            CODE,
            "P003.missing",
            item=item_label(canvas, path, lang),
            field=field_label("problems", "baseline", lang),
        )
