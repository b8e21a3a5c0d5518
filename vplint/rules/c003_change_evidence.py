"""At least one motivator has evidence of a change: what changed, when, and how we know.

Motivation comes from change (method §7, docs/method.md#change): a change causes phenomena,
phenomena cause feelings, and feelings shape the perception that makes a latent need urgent.
A seller who cannot point to a real change is guessing at the customer's motive.  vplint
counts a motivator as having *evidence of a change* when all three parts are written:

1. **what changed** — a ``Change`` field with a description (``Change: external/political
   - e-invoicing mandate takes effect 2027-01-01``);
2. **when** — a date in its ``Evidence`` field, in English or Chinese: ``2026-10-12``,
   ``2026/10/12``, ``2026.10.12``, ``12 Oct 2026``, ``Oct 12, 2026``, ``2026年10月12日``
   (one-digit months and days are fine), a month (``October 2026``, ``Oct 2026``,
   ``2026年10月``) or a day with no year (``10月12日``, ``12 Oct``), which takes its year
   from the canvas's ``updated`` date (the latest such day not after it);
3. **where it is known from** — the ``Evidence`` field names a source besides the date
   (``Ministry notice of 2026-10-12``).

The finding points at the motivator that comes closest and says which parts it lacks;
when it lacks a date, it lists the forms that count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import render
from vplint.model.dates import find_date_mentions, find_dates
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C003"
NAME = "change-evidence"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
至少一个客户动机要有变化的证据：发生了什么变化、何时发生、从何得知。

动机来自变化（方法 §7，docs/method.zh.md#change）：变化引起现象，现象引起情绪感受，感受形成认知，认知让潜在需求变得紧
迫。说不出真实变化的销售只是在猜测客户的动机。vplint 认为一个动机有“变化的证据”，当且仅当三部分都写明：

1. **变化内容**——“变化”字段有描述（如“变化：外部/政策 —— 新规 2027年1月1日起施行”）；
2. **时间**——“证据”字段中有日期，中英文均可：2026年10月12日、2026-10-12、2026/10/12、2026.10.12、12 Oct 2026、
   Oct 12, 2026，只到月份的 2026年10月、October 2026，或没有年份的 10月12日、12 Oct（年份取自画布的 updated 日期：
   不晚于它的最近一个这一天）；
3. **来源**——“证据”字段除日期外写明来源（如“2026-10-20 监管部门公告”）。

问题会指向最接近的动机，并说明还缺哪些部分；缺日期时会列出可用的日期写法。
"""

BAD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - e-invoicing mandate takes effect 2027-01-01
- Evidence: heard it somewhere
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
- Change: external/political - e-invoicing mandate takes effect 2027-01-01
- Evidence: Ministry notice of 2026-10-12
"""

_NOT_SOURCE = re.compile(r"[\s\W_]+|\b(?:of|on|dated|from|at|in)\b|于|在|发布|的", re.UNICODE | re.IGNORECASE)
"""What is left out when looking for a source besides the date: spaces, punctuation, "of", "on", "于"..."""
_SOME_LATE_DAY = dt.date(2099, 12, 31)


def _evidence_text(motivator: dict[str, Any]) -> str:
    evidence = motivator.get("evidence")
    return str(evidence.get("text") or "") if isinstance(evidence, dict) else ""


def _dates(motivator: dict[str, Any]) -> list[str]:
    """The evidence's dates as the model found them (with the canvas's ``updated`` for 11月10日)."""
    evidence = motivator.get("evidence")
    if isinstance(evidence, dict) and isinstance(evidence.get("dates"), list):
        return [str(d) for d in evidence["dates"]]
    return find_dates(_evidence_text(motivator))


def _without_dates(text: str) -> str:
    for mention in reversed(find_date_mentions(text)):
        text = text[: mention.start] + " " + text[mention.end :]
    return text


def pieces(motivator: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(what changed, when, source) as this rule defines them."""
    change = motivator.get("change")
    what = isinstance(change, dict) and bool(str(change.get("description") or "").strip())
    text = _evidence_text(motivator)
    when = bool(_dates(motivator))
    source = len(_NOT_SOURCE.sub("", _without_dates(text))) >= 2
    return what, when, source


def _date_hint(motivator: dict[str, Any], lang: str) -> str:
    """Why no date counted: a day with no year and no ``updated`` to take it from, else the forms that count."""
    text = _evidence_text(motivator)
    for mention in find_date_mentions(text):
        if mention.year is None and mention.resolve(_SOME_LATE_DAY) is not None:  # a real day, if it had a year
            return render("C003.no_year", {"date": text[mention.start : mention.end]}, lang)
    return render("C003.date_forms", {}, lang)


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    best: tuple[int, int, tuple[bool, bool, bool]] | None = None
    for i, motivator in canvas.items("motivators"):
        got = pieces(motivator)
        if all(got):
            return
        score = sum(got)
        if best is None or score > best[0]:
            best = (score, i, got)
    if best is None:
        return  # no motivators at all: the schema reports the missing section
    lang = ctx.lang
    score, i, got = best
    path = ("motivators", i)
    if score == 0:
        yield canvas.report(
            ("motivators",),
            CODE,
            "C003.none",
            change=field_label("motivators", "change", lang),
            evidence=field_label("motivators", "evidence", lang),
            hint=render("C003.date_forms", {}, lang),
        )
        return
    names = ["piece.what_changed", "piece.when", "piece.source"]
    missing = [render(n, {}, lang) for n, ok in zip(names, got, strict=False) if not ok]
    yield canvas.report(
        path,
        CODE,
        "C003.partial",
        item=item_label(canvas, path, lang),
        missing=render("piece.and", {}, lang).join(missing),
        hint="" if got[1] else _date_hint(canvas.data["motivators"][i], lang),
    )
