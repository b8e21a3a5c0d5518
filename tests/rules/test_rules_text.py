"""Time and quantity detection in free text (vplint.rules._text)."""

from __future__ import annotations

import datetime as dt

import pytest

from vplint.rules._text import has_quantity, has_time, names_comparison, names_past_time, time_spans, without_time

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "text",
    [
        "operating margin 14% by FY2028",
        "by FY28",
        "be the leader by 2028",
        "go live 2027-03-31",
        "in Q3 2027",
        "H1",
        "by the end of next year",
        "by end of the rollout",
        "before year-end",
        "next fiscal year",
        "within 18 months",
        "in two years",
        "by March 2027",
        "by June",
        "1 March",
        "2027年营收达到50亿",
        "2027年6月底前",
        "年底前完成",
        "年末",
        "年内上线",
        "明年底",
        "下半年",
        "第三季度",
        "季度末",
        "6月底",
        "十二月",
        "三年内",
        "6个月内",
    ],
)
def test_time_is_found(text: str) -> None:
    assert has_time(text)


@pytest.mark.parametrize(
    "text",
    [
        "become the margin leader in the segment",
        "critical path is working capital",
        "by margin and by volume",
        "成为行业领先的物流企业",
        "每个月都有投诉",
        "the scaffold may fall",
    ],
)
def test_no_time(text: str) -> None:
    assert not has_time(text)


def test_spans_merge_and_blank_out() -> None:
    assert time_spans("in Q3 2027") == [(3, 10)]
    assert without_time("margin 14% by FY2028, critical path") == "margin 14% by  , critical path"
    assert not has_quantity(without_time("be the leader by 2028"))
    assert not has_quantity(without_time("2027年6月底前成为行业第一名"))
    assert has_quantity(without_time("2027年营收达到50亿"))


@pytest.mark.parametrize(
    "text",
    [
        "14%",
        "DSO under 45 days",
        "两倍",
        "提升三成",
        "翻一番",
        "百分之十",
        "营收过亿",
        "double the margin",
        "ten percent",
    ],
)
def test_quantity_is_found(text: str) -> None:
    assert has_quantity(text)


@pytest.mark.parametrize("text", ["be the leader", "成为行业领先者", "万一出问题", "a scaffold"])
def test_no_quantity(text: str) -> None:
    assert not has_quantity(text)


@pytest.mark.parametrize(
    "text",
    [
        "slowed since the 2024 reorganisation",
        "merged in Q3 2024",
        "better in Q2",
        "fined in FY25",
        "2025年迁移到新调度平台之后",
        "上季度投诉增加",
        "第三季度宕机",
        "on 2026-03-01",
    ],
)
def test_past_time_is_found(text: str) -> None:
    assert names_past_time(text, TODAY)


@pytest.mark.parametrize(
    "text",
    ["restore it by 2028", "in Q3 2027", "by FY28", "明年第三季度", "2027年底", "slow quote-to-cash"],
)
def test_no_past_time(text: str) -> None:
    assert not names_past_time(text, TODAY)


@pytest.mark.parametrize(
    "text",
    [
        # issue #11: findings that say what was better before
        "overbilling doubled after the TMS migration",
        "the Rotterdam hub leaks half as much as Hamburg",
        "换外包商前每月停机不到20小时，换了之后超过40小时",
        "invoices started slipping after regional billing teams were merged",
        "after the merger, DSO rose to 52 days",
        "claims are three times more frequent",
        "costs are up 20%",
        "margin fell by a third",
        "DSO went from 38 days to 52 days",
        "slower than the Lyon plant",
        "compared with the Lyon plant",
        "up 12% year on year",
        "停机次数翻了一倍",
        "宕机时长是同城华运的两倍",
        "损耗只有汉堡的一半",
        "投诉同比增加",
        "比去年多三次",
        "回款周期低于行业平均",
        "毛利下降了5个百分点",
        "停机增长了30%",
        "服务不如以前",
        "上线前每月一次，上线了之后每周三次",
        "现在超过40小时，以前不到20小时",
        "从每月一次变成每周一次",
    ],
)
def test_comparison_is_found(text: str) -> None:
    assert names_comparison(text)


@pytest.mark.parametrize(
    "text",
    [
        "Late deliveries are up",
        "as much as 40% of invoices",
        "we will decide after the audit",
        "credit checks take most of the cycle time",
        "double-check the invoices",
        "回款越来越慢",
        "每月停机超过40小时",
        "目前每月停机超过40小时，多数在夜班",
        "超过一半的订单延迟",
        "前十大客户续约之后再谈",
        "增加一个审批环节",
        "比例失调",
    ],
)
def test_no_comparison(text: str) -> None:
    assert not names_comparison(text)
