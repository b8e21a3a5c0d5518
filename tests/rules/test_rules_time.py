"""The time-dependent rules (M005 evidence-age, H001 stale-canvas) at their boundaries.

Both take "today" from the context (``Options(today=...)``), never from the real clock, and
both have a ``max-age-days`` option: a date exactly that many days old passes, one day
more is reported, and a date after today is "future".
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURES
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.model.canvas import build_canvas
from vplint.parser.document import parse_document
from vplint.rules import RULES, Context

EVIDENCE = dt.date(2026, 10, 12)  # "Ministry notice of 2026-10-12" in the English example
UPDATED = dt.date(2026, 11, 20)  # "updated: 2026-11-20" in the English example
DAY = dt.timedelta(days=1)


def _findings(text: str, code: str, today: dt.date) -> list[str]:
    res = lint_text(text, "example.md", options=Options(today=today))
    return [d.message_id for d in res.diagnostics if d.code == code]


def _with_option(text: str, code: str, today: dt.date, max_age: int) -> list[str]:
    """Run one rule directly, with the option set (the engine passes configured options the same way)."""
    rule = RULES[code]
    assert rule.check is not None
    canvas = build_canvas(parse_document(text, "example.md"))
    ctx = Context(lang="en", today=today, options={"max-age-days": max_age})
    return [d.message_id for d in rule.check(canvas, ctx)]


@pytest.mark.parametrize(("code", "default"), [("M005", 180), ("H001", 90)])
def test_max_age_option_is_declared(code: str, default: int) -> None:
    option = RULES[code].options["max-age-days"]
    assert option.default == default
    assert option.minimum == 1
    assert option.help_en
    assert option.help_zh


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (EVIDENCE, []),
        (EVIDENCE + 180 * DAY, []),
        (EVIDENCE + 181 * DAY, ["M005.old"]),
        (EVIDENCE - DAY, ["M005.future"]),
    ],
)
def test_evidence_age_default(en_text: str, today: dt.date, expected: list[str]) -> None:
    assert _findings(en_text, "M005", today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (EVIDENCE + 30 * DAY, []),
        (EVIDENCE + 31 * DAY, ["M005.old"]),
        (EVIDENCE - DAY, ["M005.future"]),
    ],
)
def test_evidence_age_option(en_text: str, today: dt.date, expected: list[str]) -> None:
    assert _with_option(en_text, "M005", today, 30) == expected


def test_evidence_age_uses_latest_date_and_reports_once(en_text: str) -> None:
    text = en_text.replace(
        "- Evidence: Ministry notice of 2026-10-12",
        "- Evidence: Ministry draft of 2025-01-10, final notice of 2026-10-12, confirmed on 2026-11-28",
    )
    assert _findings(text, "M005", dt.date(2026, 11, 27)) == ["M005.future"]
    assert _findings(text, "M005", dt.date(2026, 11, 28)) == []


def test_evidence_age_chinese_date(zh_text: str) -> None:
    text = zh_text.replace("- 证据：2026-10-20 监管部门公告", "- 证据：2026年10月20日 监管部门公告")
    assert _findings(text, "M005", dt.date(2026, 10, 20) + 180 * DAY) == []
    assert _findings(text, "M005", dt.date(2026, 10, 20) + 181 * DAY) == ["M005.old"]


def test_evidence_age_message_counts_days(en_text: str) -> None:
    res = lint_text(en_text, "example.md", options=Options(today=EVIDENCE + 200 * DAY))
    (finding,) = [d for d in res.diagnostics if d.code == "M005"]
    assert "200 days" in finding.message
    assert "180" in finding.message


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (UPDATED, []),
        (UPDATED + 90 * DAY, []),
        (UPDATED + 91 * DAY, ["H001.stale"]),
        (UPDATED - DAY, ["H001.future"]),
    ],
)
def test_stale_canvas_default(en_text: str, today: dt.date, expected: list[str]) -> None:
    assert _findings(en_text, "H001", today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (UPDATED + 7 * DAY, []),
        (UPDATED + 8 * DAY, ["H001.stale"]),
        (UPDATED - DAY, ["H001.future"]),
    ],
)
def test_stale_canvas_option(en_text: str, today: dt.date, expected: list[str]) -> None:
    assert _with_option(en_text, "H001", today, 7) == expected


def test_stale_canvas_message_in_chinese(zh_text: str) -> None:
    res = lint_text(zh_text, "example.md", options=Options(today=dt.date(2027, 11, 18)))
    (finding,) = [d for d in res.diagnostics if d.code == "H001"]
    assert "365 天" in finding.message
    assert (finding.line, finding.column) == (21, 10)


@pytest.mark.parametrize("value", ["2026-13-01", "20.11.2026", "next week"])
def test_stale_canvas_leaves_bad_dates_to_the_schema(en_text: str, value: str) -> None:
    text = en_text.replace("updated: 2026-11-20", f"updated: {value}")
    res = lint_text(text, "example.md", options=Options(today=dt.date(2026, 11, 27)))
    assert [d.code for d in res.diagnostics] == ["S004"]


# --- evidence dates in every written form (issue #11) -------------------------------------------

V1_EN = (FIXTURES / "rules" / "C003" / "pass" / "slash-date.en.md").read_text(encoding="utf-8")
"""A canvas updated 2026-11-20 whose only Evidence is line 55: '- Evidence: Ministry notice, 2026/10/12'."""
V1_ZH = (FIXTURES / "rules" / "C003" / "pass" / "chinese-date.zh.md").read_text(encoding="utf-8")
"""A canvas updated 2026-11-18 whose only Evidence is line 46: '- 证据：监管部门2026年10月20日发布公告'."""


def _evidence_age(text: str, old: str, new: str, today: dt.date) -> list[tuple[str, int, int, str]]:
    assert old in text
    res = lint_text(text.replace(old, new), "example.md", options=Options(today=today))
    return [(d.code, d.line, d.column, d.args["date"]) for d in res.diagnostics if d.code == "M005"]


@pytest.mark.parametrize(
    ("evidence", "day"),
    [
        ("Ministry notice of 14 Nov 2026", dt.date(2026, 11, 14)),
        ("Reuters, Nov 10, 2026", dt.date(2026, 11, 10)),
        ("Ministry notice, October 2026", dt.date(2026, 10, 31)),  # a month before 'updated': its last day
        ("Ministry notice, November 2026", dt.date(2026, 11, 20)),  # the month of 'updated': 'updated' itself
        ("Ministry notice of 10 Nov", dt.date(2026, 11, 10)),  # no year: the latest 10 Nov up to 'updated'
        ("Ministry notice of 21 Nov", dt.date(2025, 11, 21)),
    ],
)
def test_evidence_age_of_english_dates(evidence: str, day: dt.date) -> None:
    old = "Ministry notice, 2026/10/12"
    assert _evidence_age(V1_EN, old, evidence, day + 180 * DAY) == []
    assert _evidence_age(V1_EN, old, evidence, day + 181 * DAY) == [("M005", 55, 13, day.isoformat())]


@pytest.mark.parametrize(
    ("evidence", "day"),
    [
        ("2026年11月 监管部门公告", dt.date(2026, 11, 18)),
        ("2026年9月 监管部门公告", dt.date(2026, 9, 30)),
        ("11月10日 监管部门公告", dt.date(2026, 11, 10)),
        ("12月1日 监管部门公告", dt.date(2025, 12, 1)),
        ("2026/11/10 监管部门公告", dt.date(2026, 11, 10)),
    ],
)
def test_evidence_age_of_chinese_dates(evidence: str, day: dt.date) -> None:
    old = "监管部门2026年10月20日发布公告"
    assert _evidence_age(V1_ZH, old, evidence, day + 180 * DAY) == []
    assert _evidence_age(V1_ZH, old, evidence, day + 181 * DAY) == [("M005", 46, 6, day.isoformat())]


def test_a_month_that_has_begun_is_not_in_the_future() -> None:
    """'November 2026' on a canvas updated 2026-11-20, read on 2026-11-20: not after today."""
    old = "Ministry notice, 2026/10/12"
    assert _evidence_age(V1_EN, old, "Ministry notice, November 2026", dt.date(2026, 11, 20)) == []
    assert _evidence_age(V1_EN, old, "Ministry notice of 21 Nov 2026", dt.date(2026, 11, 20)) == [
        ("M005", 55, 13, "2026-11-21")
    ]
