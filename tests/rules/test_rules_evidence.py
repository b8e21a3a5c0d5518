"""Issue #11: evidence dates in every written form (C003), every boiling frog (M003), comparisons (P003).

The canvases are fixtures in the first format, so the lines asserted here do not move when
the shipped sample canvases change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURES
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text

TODAY = dt.date(2026, 11, 27)
EN = (FIXTURES / "rules" / "C003" / "pass" / "slash-date.en.md").read_text(encoding="utf-8")
"""Updated 2026-11-20; M1 on line 51, its only Evidence on line 55: '- Evidence: Ministry notice, 2026/10/12'."""
ZH = (FIXTURES / "rules" / "C003" / "pass" / "chinese-date.zh.md").read_text(encoding="utf-8")
"""Updated 2026-11-18; M1 on line 42, its only Evidence on line 46: '- 证据：监管部门2026年10月20日发布公告'."""
EN_EVIDENCE = "- Evidence: Ministry notice, 2026/10/12"
ZH_EVIDENCE = "- 证据：监管部门2026年10月20日发布公告"


def _edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _found(text: str, code: str) -> list[tuple[int, int, str]]:
    res = lint_text(text, "example.md", options=Options(today=TODAY))
    return [(d.line, d.column, d.message) for d in res.diagnostics if d.code == code]


# --- C003: dates in English and Chinese --------------------------------------------------------


@pytest.mark.parametrize(
    "evidence",
    [
        "- Evidence: Ministry notice of 2026-11-10",
        "- Evidence: Ministry notice of 2026/11/10",
        "- Evidence: Ministry notice of 10 Nov 2026",
        "- Evidence: Ministry notice of 14 November 2026",
        "- Evidence: Ministry notice of Nov 10, 2026",
        "- Evidence: Ministry notice, November 2026",
        "- Evidence: Ministry notice, Nov 2026",
        "- Evidence: Ministry notice of 10 Nov",
        "- Evidence: 2026年11月 监管部门公告",
        "- Evidence: 2026年11月10日 监管部门公告",
        "- Evidence: 11月10日 监管部门公告",
    ],
)
def test_every_written_date_counts(evidence: str) -> None:
    text = _edit(EN, (EN_EVIDENCE, evidence))
    assert _found(text, "C003") == []
    assert _found(text, "M005") == []


@pytest.mark.parametrize("evidence", ["- Evidence: November 2026", "- Evidence: on 10 Nov 2026", "- 证据：于11月10日"])
def test_a_date_is_not_a_source(evidence: str) -> None:
    (finding,) = _found(_edit(EN, (EN_EVIDENCE, evidence)), "C003")
    assert finding[:2] == (51, 5)
    assert finding[2].endswith("lacks the source in the Evidence")


def test_no_date_lists_the_forms_that_count() -> None:
    (finding,) = _found(_edit(EN, (EN_EVIDENCE, "- Evidence: Ministry notice, Q3 2026")), "C003")
    assert finding[:2] == (51, 5)
    assert finding[2] == (
        "M1 is the closest to evidence of a change but lacks a date in the Evidence; dates that count: 2026-11-10, "
        "2026/11/10, 10 Nov 2026, Nov 10, 2026, November 2026, Nov 2026, 2026年11月10日, 2026年11月, and 11月10日 "
        "or 10 Nov (the year taken from 'updated')"
    )


def test_no_date_lists_the_forms_that_count_in_chinese() -> None:
    (finding,) = _found(_edit(ZH, (ZH_EVIDENCE, "- 证据：监管部门公告（2026年第三季度）")), "C003")
    assert finding[:2] == (42, 5)
    assert finding[2] == (
        "M1 最接近变化证据，但缺少证据中的日期；可用的日期写法：2026年11月10日、2026年11月、"
        "11月10日（年份取自 updated）、2026-11-10、2026/11/10、10 Nov 2026、Nov 10, 2026、November 2026"
    )


def test_no_motivator_part_lists_the_forms_too() -> None:
    text = _edit(
        EN,
        ("- Change: external/political - national e-invoicing mandate takes effect 2027-01-01\n", ""),
        (EN_EVIDENCE + "\n", ""),
    )
    (finding,) = _found(text, "C003")
    assert finding[:2] == (49, 4)
    assert "; dates that count: 2026-11-10, " in finding[2]


def test_a_day_with_no_year_needs_a_valid_updated() -> None:
    text = _edit(ZH, ("updated: 2026-11-18", "updated: 2026/11/18"), (ZH_EVIDENCE, "- 证据：11月10日 监管部门公告"))
    (finding,) = _found(text, "C003")
    assert finding == (
        42,
        5,
        "M1 最接近变化证据，但缺少证据中的日期；“11月10日”没有年份，而 updated 不是有效日期（YYYY-MM-DD），"
        "无法推断年份：请写上年份，如“2026年11月10日”",
    )
    assert [(d[0], d[1]) for d in _found(text, "S004")] == [(12, 10)]


# --- M003: every gradual change without a shift ------------------------------------------------

EN_M2 = """
### M2 Rivals invoice faster
- Kind: keep-up-or-lead
- Change: external/rivalry - competitors shorten their invoice-to-cash time a little every quarter
- Continuity: continuous
- Evidence: industry benchmark report of 2026-09-30
"""
EN_M1_END = "- Perception: the problem is urgent and will not go away by itself\n"


def test_a_boiling_frog_beside_a_sudden_change() -> None:
    (finding,) = _found(_edit(EN, (EN_M1_END, EN_M1_END + EN_M2)), "M003")
    assert finding == (
        60,
        5,
        "the change of M2 is gradual and has no tipping point: 'boiling the frog' creates no motivation, whatever "
        "the other motivators show; say in 'Shift' what has turned quantity into quality, or drop this motivator",
    )


def test_a_boiling_frog_without_evidence_is_still_one() -> None:
    m2 = EN_M2.replace("- Evidence: industry benchmark report of 2026-09-30\n", "")
    assert [f[:2] for f in _found(_edit(EN, (EN_M1_END, EN_M1_END + m2)), "M003")] == [(60, 5)]


def test_every_boiling_frog_is_reported() -> None:
    text = _edit(EN, ("- Continuity: discontinuous", "- Continuity: continuous"), (EN_M1_END, EN_M1_END + EN_M2))
    assert [f[:2] for f in _found(text, "M003")] == [(51, 5), (60, 5)]


def test_the_only_evidence_gets_the_sharper_message() -> None:
    (finding,) = _found(_edit(ZH, ("- 连续性：非连续", "- 连续性：连续")), "M003")
    assert finding[:2] == (42, 5)
    assert finding[2].startswith("唯一有证据的变化（M1）是渐变且没有质变")


def test_a_shift_clears_the_frog() -> None:
    m2 = EN_M2.replace("- Continuity: continuous\n", "- Continuity: continuous\n- Shift: two key accounts left\n")
    assert _found(_edit(EN, (EN_M1_END, EN_M1_END + m2)), "M003") == []


# --- P003: comparisons -------------------------------------------------------------------------

EN_P1 = (
    "### P1 Quote-to-cash slowed since the 2024 reorganisation\n- Type: problem-solving\n"
    "- Diagnosis: before-after - invoices started slipping after regional billing teams were merged in Q3 2024\n"
)
ZH_P1 = (
    "### P1 旺季系统宕机次数比去年多\n- 类型：问题解决型\n"
    "- 诊断：前后对比 —— 2025年迁移到新调度平台之后，双十一期间宕机三次\n"
)


@pytest.mark.parametrize(
    ("diagnosis", "found"),
    [
        ("before-after - overbilling doubled after the TMS migration", []),
        ("peer-comparison - the Rotterdam hub leaks half as much as Hamburg", []),
        ("before-after - overbilling is up", [(20, 5)]),
        ("decomposition - as much as 40% of invoices are overbilled", [(20, 5)]),
    ],
)
def test_better_past_in_english(diagnosis: str, found: list[tuple[int, int]]) -> None:
    text = _edit(EN, (EN_P1, f"### P1 Overbilling\n- Type: problem-solving\n- Diagnosis: {diagnosis}\n"))
    assert [f[:2] for f in _found(text, "P003")] == found


@pytest.mark.parametrize(
    ("diagnosis", "found"),
    [
        ("前后对比——换外包商前每月停机不到20小时，换了之后超过40小时", []),
        ("同类比较——宕机时长是同城华运的两倍", []),
        ("前后对比——停机时长同比增长了30%", []),
        ("结构分解——目前每月停机超过40小时", [(20, 5)]),
        ("结构分解——停机越来越多", [(20, 5)]),
    ],
)
def test_better_past_in_chinese(diagnosis: str, found: list[tuple[int, int]]) -> None:
    text = _edit(ZH, (ZH_P1, f"### P1 外包运维停机\n- 类型：问题解决型\n- 诊断：{diagnosis}\n"))
    assert [f[:2] for f in _found(text, "P003")] == found
