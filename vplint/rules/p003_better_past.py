"""A problem-solving problem names the better past it wants back.

A problem-solving problem is "today is worse than before" (今不如昔;
method §2, docs/method.md#problems): the decision-maker is dissatisfied because things used
to be better, and wants that past back.  Problems come from how the decision-maker sees
past, present and future, and from comparing with others, so the canvas should say what the
better past was: when it was, or what today is compared with.  That past is also where the
diagnosis starts (§3): a before/after analysis asks what happened just before the problem
appeared, a peer comparison what differs from a similar case with no problem.  vplint
accepts a ``Baseline`` field, or a past time or a comparison in the title, the diagnoses or
the root cause.  A past time is a year or date up to this year, a quarter, or words such as
since, before, last year, used to, previously (去年, 以前, 之前, 过去, 曾经, 上季度, 同期).  A comparison
measures today against another time or a peer: than, compared with, versus, year on year, a
multiple (doubled, halved, half as much as, twice as many as), a change by an amount (up
20%, fell by a third, from 38 to 52 days), a change after an event (doubled after the
migration); 同比, 环比, 相比, 不如, 比…多/少, 从…变成, a before and after pair (换外包商前……换了之后), a quantity
below and one above (不到20小时……超过40小时), 翻了一倍, 是…的两倍, 增长了10%, 低于同行.  A level on its own ("late
deliveries are up", 超过40小时, 越来越慢) does not say what was better, and a year after this year
is a target, not a past: neither counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.rules._text import names_comparison, names_past_time, problem_text

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

问题解决型问题是“今不如昔”（方法 §2，docs/method.zh.md#problems）：决策人不满，是因为过去更好，他想回到那时。问题来自
决策人对过去、现在和未来的看法，以及与别人的比较，所以画布应写明那个更好的过去：是什么时候，或者拿现在和什么比。诊断也
从这里开始（§3）：前后对比要问问题出现前发生了什么，同类比较要看与没有问题的同类有何不同。vplint 接受“基线”字段，或标
题、诊断、根本原因中的过去时间或比较。过去时间指不晚于今年的年份或日期、季度，或“去年、以前、之前、过去、曾经、上季
度、同期”以及 since、before、last year、used to、previously 等词。比较指把现在和另一个时间或同类相比：同比、环比、相
比、不如、比…多/少、从…变成、前后成对（换外包商前……换了之后）、一低一高的数量（不到20小时……超过40小时）、翻了一倍、是…
的两倍、增长了10%、低于同行，以及 than、compared with、versus、year on year、倍数（doubled、halved、
half as much as）、带幅度的变化（up 20%、from 38 to 52 days）、事件之后的变化（doubled after the migration）。只写现状
（“超过40小时”“越来越慢”、late deliveries are up）说不出过去哪里更好，晚于今年的年份是目标而不是过去，都不算在内。
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
    r"|last\s+(?:year|quarter|month|week|season|fy|fiscal\s+year|peak|time)|back\s+to)\b"
    r"|去年|前年|往年|上一?年|以前|之前|此前|先前|从前|以往|过去|曾经|原来|原先|上一?个?季度|上个?月|同期"
    r"|自从|以来|前几年|不再|回到|(?<!\d)(?:\d{1,2}|[一两二三四五六七八九十几数]+)\s*个?\s*(?:年|月|季度|周)前",
    re.IGNORECASE,
)
"""Words that name a time before now; comparisons (than, doubled, 比…多, 前…后) are :func:`names_comparison`'s."""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        if problem.get("type") != "problem-solving":
            continue
        baseline = problem.get("baseline")
        if isinstance(baseline, str) and baseline.strip():
            continue
        text = problem_text(problem, "root_cause")
        if _PAST_WORDS.search(text) or names_comparison(text) or names_past_time(text, ctx.today):
            continue
        path = ("problems", i)
        yield canvas.report(
            path,
            CODE,
            "P003.missing",
            item=item_label(canvas, path, lang),
            field=field_label("problems", "baseline", lang),
        )
