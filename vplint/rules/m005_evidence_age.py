"""Evidence of a change is recent, and not dated in the future.

Motivation comes from change (method §7, docs/method.md#change), and evidence of a change
says when it happened and where it is known from (C003).  Evidence is what the seller
already knows, so a date after today is a typing mistake or a plan passed off as a fact.
Old evidence is weak in another way: a change the customer has lived with for half a year
may have been absorbed ("boiling the frog", §7) or overtaken by later events, and the
phenomena and feelings built on it may no longer hold.  vplint takes the latest date written
in each ``Evidence`` field and reports it when it lies in the future or is older than
``max-age-days`` (180 by default).  Dates are read as C003 reads them: a month with no day
(``November 2026``, ``2026年11月``) counts as its day closest to the canvas's ``updated`` date
(the last day of a month before it, ``updated`` itself in its own month), so the age is
never overstated; a day with no year (``11月10日``, ``10 Nov``) is the latest such day on or
before ``updated``.  Refresh the evidence with a recent source, or confirm the change still
holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.rules.base import Option

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "M005"
NAME = "evidence-age"
SEVERITY = Severity.WARNING
DATE_DEPENDENT = True
"""Findings change with today\'s date (briefs leave them out, so time alone never makes one stale)."""

RATIONALE_ZH = """
变化的证据要是近期的，并且日期不能晚于今天。

动机来自变化（方法 §7，docs/method.zh.md#change），变化的证据要说明何时发生、从何得知（C003）。证据是销售已经掌握的事
实，日期晚于今天说明写错了日期，或者把计划当成了事实。过旧的证据也不可靠：客户已经习惯了半年的变化可能早已被消化（“温
水煮青蛙”，§7），或已被后来的事件取代，建立在它之上的现象和感受未必还成立。vplint 取每个“证据”字段中最晚的日期，若晚于
今天，或早于 max-age-days 天（默认 180 天）之前，就报告。日期的读法与 C003 相同：只有年月没有日的日期（2026年11月、
November 2026）取该月中最接近画布 updated 日期的一天（updated 之前的月份取月末，updated 所在的月份取 updated 当天），
所以不会夸大证据的时长；没有年份的日期（11月10日、10 Nov）取不晚于 updated 的最近一个这一天。请用近期的来源更新证据，
或确认该变化仍然成立。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2025-10-12
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - national e-invoicing mandate takes effect 2027-01-01
- Continuity: discontinuous
- Evidence: Ministry notice of 2026-10-12
"""

MAX_AGE_DAYS = 180


OPTIONS: dict[str, Option] = {
    "max-age-days": Option(
        MAX_AGE_DAYS,
        "evidence whose latest date is more than this many days before today is reported",
        "证据中最晚的日期早于今天超过这么多天时报告",
        minimum=1,
    ),
}


def _dates(evidence: object) -> list[dt.date]:
    if not isinstance(evidence, dict) or not isinstance(evidence.get("dates"), list):
        return []
    out = []
    for iso in evidence["dates"]:
        try:
            out.append(dt.date.fromisoformat(str(iso)))
        except ValueError:
            continue
    return out


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    max_age = int(ctx.option("max-age-days"))
    for i, motivator in canvas.items("motivators"):
        dates = _dates(motivator.get("evidence"))
        if not dates:
            continue  # no date at all is C003's
        path = ("motivators", i, "evidence")
        latest = max(dates)
        if latest > ctx.today:
            yield canvas.report(path, CODE, "M005.future", date=latest.isoformat(), today=ctx.today.isoformat())
        elif (ctx.today - latest).days > max_age:
            yield canvas.report(
                path, CODE, "M005.old", date=latest.isoformat(), days=(ctx.today - latest).days, max=max_age
            )
