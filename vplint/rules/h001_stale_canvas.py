"""The canvas has been reviewed recently: its ``updated`` date is neither old nor in the future.

A canvas is a working picture of one class of decision-maker
(method §1, docs/method.md#decision-maker), and most of what it holds moves: the problems
the decision-maker worries about (§2), the strategy a leader has committed to (§4), and
above all the changes behind the motivators (§7), which are news for a quarter and
background a year later.  A canvas nobody has touched for months is likely to send the rep
into a meeting with yesterday's arguments.  vplint reports a front-matter ``updated`` date
more than ``max-age-days`` (90 by default) before today, and one after today, which is a
typing mistake.  Review the canvas with the latest from the account and set ``updated`` to
the day you did.  A value that is not a ``YYYY-MM-DD`` date is the schema's (S004).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.rules.base import Option

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "H001"
NAME = "stale-canvas"
SEVERITY = Severity.WARNING
DATE_DEPENDENT = True
"""Findings change with today\'s date (briefs leave them out, so time alone never makes one stale)."""

RATIONALE_ZH = """
画布要近期复核过：元数据中的 updated 日期既不能太旧，也不能晚于今天。

一份画布描绘的是一类决策人当下的情况（方法 §1，docs/method.zh.md#decision-maker），其中大部分内容都会变化：决策人担心
的问题（§2）、领导承诺的策略（§4），尤其是动机背后的变化（§7）——一个季度内是新闻，一年后就成了背景。几个月没人动过的画
布，很可能让销售带着过时的说法去见客户。vplint 报告早于今天超过 max-age-days 天（默认 90 天）的 updated 日期，以及晚于
今天的日期（那是笔误）。请结合客户的最新情况复核画布，并把 updated 改为复核当天。不是 YYYY-MM-DD 格式的值由 schema 检
查（S004）。
"""

BAD = """
---
id: acme-cfo
account: ACME Manufacturing
decision_maker:
  title: Chief Financial Officer
  function: finance
  kpis:
    - Operating margin at or above 12%
offering: differentiated
owner: alice@example.com
updated: 2026-03-02
language: en
---
"""

GOOD = """
---
id: acme-cfo
account: ACME Manufacturing
decision_maker:
  title: Chief Financial Officer
  function: finance
  kpis:
    - Operating margin at or above 12%
offering: differentiated
owner: alice@example.com
updated: 2026-11-20
language: en
---
"""

MAX_AGE_DAYS = 90


OPTIONS: dict[str, Option] = {
    "max-age-days": Option(
        MAX_AGE_DAYS,
        "a canvas whose 'updated' date is more than this many days before today is reported",
        "updated 日期早于今天超过这么多天的画布会被报告",
        minimum=1,
    ),
}

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    updated = _date(canvas.data.get("updated"))
    if updated is None:
        return  # missing or malformed dates are the schema's (S001, S004)
    max_age = int(ctx.option("max-age-days"))
    age = (ctx.today - updated).days
    if age < 0:
        yield canvas.report(("updated",), CODE, "H001.future", date=updated.isoformat(), today=ctx.today.isoformat())
    elif age > max_age:
        yield canvas.report(("updated",), CODE, "H001.stale", date=updated.isoformat(), days=age, max=max_age)
