"""The canvas model: aliases, separators, value syntaxes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vplint import parse
from vplint.model.canvas import find_dates
from vplint.model.dates import find_date_mentions

HEAD = "---\nid: t\n---\n"


def _problem(field: str) -> dict[str, Any]:
    model = parse(HEAD + "## Problems\n### P1 t\n" + field + "\n")
    problem: dict[str, Any] = model["problems"][0]
    return problem


def test_example_models(en_text: str, zh_text: str) -> None:
    en, zh = parse(en_text), parse(zh_text)
    assert en["problems"][0]["diagnoses"] == [
        {
            "method": "before-after",
            "detail": "invoices started slipping after regional billing teams were merged in Q3 2024",
        }
    ]
    assert en["motivators"][0]["kind"] == zh["motivators"][0]["kind"] == "window"
    assert en["conversion"] == zh["conversion"] == {"triggers": ["higher-priority"]}
    assert zh["needs"][0]["serves"] == [{"level": "customer", "area": "retention"}]
    assert zh["motivators"][0]["change"]["category"] == "political"
    assert [a["lever"] for a in en["actions"]] == ["inform", "empathise"]


@pytest.mark.parametrize(
    "field",
    [
        "- Diagnosis: before-after - x",
        "- Diagnosis: before-after — x",
        "- Diagnosis: before-after —— x",
        "- Diagnosis: Before After: x",
        "- Diagnosis: before after - x",
        "- Diagnosis: before_after — x",
        "- 诊断：前后对比——x",
        "- 诊断: 前后对比 - x",
        "- **Diagnosis**: before-after - x",
        "- Diagnosis：前后比较 —— x",
    ],
)
def test_diagnosis_spellings(field: str) -> None:
    assert _problem(field)["diagnoses"] == [{"method": "before-after", "detail": "x"}]


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("- Kind: window-of-opportunity", "window"),
        ("- 类型：机会窗口", "window"),
        ("- Kind: window", "window"),
        ("- Kind: Window of Opportunity", "window"),
        ("- Kind: keep up or lead", "keep-up-or-lead"),
        ("- 类型：落伍的压力或领先的渴望", "keep-up-or-lead"),
    ],
)
def test_motivator_kind_spellings(field: str, kind: str) -> None:
    model = parse(HEAD + "## Motivators\n### M1 t\n" + field + "\n")
    assert model["motivators"][0]["kind"] == kind


def test_unknown_spellings_are_kept_as_written() -> None:
    assert _problem("- Type: problem-solvin")["type"] == "problem-solvin"
    assert _problem("- Diagnosis: befor-after - x")["diagnoses"] == [{"method": "befor-after", "detail": "x"}]
    assert _problem("- Diagnosis: beforeafter - x")["diagnoses"] == [{"method": "beforeafter", "detail": "x"}]
    assert _problem("- Diagnosis: before  after - x")["diagnoses"] == [{"method": "before  after", "detail": "x"}]
    assert _problem("- Diagnosis: we looked at the plant")["diagnoses"] == [{"detail": "we looked at the plant"}]


def test_strategy_forms() -> None:
    def strategy(value: str) -> Any:
        return parse(HEAD + "## Needs\n### N1 t\n- Strategy: " + value + "\n")["needs"][0]["strategy"]

    assert strategy("operations/service-process") == {"level": "operations", "area": "service-process"}
    assert strategy("运营 / 服务流程") == {"level": "operations", "area": "service-process"}
    assert strategy("financial") == {"level": "financial"}
    assert strategy("retention") == {"level": "customer", "area": "retention"}
    assert strategy("financial/cost - cheaper audits") == {
        "level": "financial",
        "area": "cost-efficiency",
        "detail": "cheaper audits",
    }


def test_change_forms() -> None:
    def change(value: str) -> Any:
        return parse(HEAD + "## Motivators\n### M1 t\n- Change: " + value + "\n")["motivators"][0]["change"]

    assert change("external/political - new law") == {
        "scope": "external",
        "category": "political",
        "description": "new law",
    }
    assert change("personnel - new CFO in March") == {
        "scope": "internal",
        "category": "personnel",
        "description": "new CFO in March",
    }
    assert change("外部/政策 —— 新规") == {"scope": "external", "category": "political", "description": "新规"}
    assert change("a new CFO arrived") == {"description": "a new CFO arrived"}
    assert change("exteral/politcal - x") == {"scope": "exteral", "category": "politcal", "description": "x"}


def test_solves_lists() -> None:
    def solves(value: str) -> Any:
        return parse(HEAD + "## Needs\n### N1 t\n- Solves: " + value + "\n")["needs"][0]["solves"]

    assert solves("P1, P2") == ["P1", "P2"]
    assert solves("P1、P2，P3") == ["P1", "P2", "P3"]
    assert solves("P1 and P2") == ["P1", "P2"]
    assert solves("P1 P2") == ["P1", "P2"]


def test_find_dates() -> None:
    assert find_dates("notice of 2026-10-12") == ["2026-10-12"]
    assert find_dates("2026/1/2 and 2026年10月20日") == ["2026-01-02", "2026-10-20"]
    assert find_dates("2026-13-40, FY2028, 2025年") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-10", "2026-11-10"),
        ("2026/11/10", "2026-11-10"),
        ("2026.11.10", "2026-11-10"),
        ("Ministry notice of 10 Nov 2026", "2026-11-10"),
        ("14 November 2026", "2026-11-14"),
        ("10th of November, 2026", "2026-11-10"),
        ("Reuters, Nov 10, 2026", "2026-11-10"),
        ("Nov. 10 2026", "2026-11-10"),
        ("2026年11月10日 监管部门公告", "2026-11-10"),
        ("2026 年 11 月 10 号", "2026-11-10"),
        # a month with no day: its day nearest 'updated' (2026-11-20), so the last day of an earlier month
        ("board memo, November 2026", "2026-11-20"),
        ("Nov 2026", "2026-11-20"),
        ("2026年11月 监管部门公告", "2026-11-20"),
        ("2026年10月份", "2026-10-31"),
        ("May 2026", "2026-05-31"),
        ("December 2026", "2026-12-01"),
        # a day with no year: the latest such day on or before 'updated'
        ("11月10日 监管部门公告", "2026-11-10"),
        ("12月10日", "2025-12-10"),
        ("call on 10 Nov", "2026-11-10"),
        ("Nov 21", "2025-11-21"),
        ("2月29日", "2024-02-29"),
    ],
)
def test_find_dates_forms(text: str, expected: str) -> None:
    assert find_dates(text, dt.date(2026, 11, 20)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Q3 2026",
        "2026-10",
        "12/10/2026",
        "2026-02-30",
        "31 Nov 2026",
        "2026年11月10",
        "we may 2026",
        "FY2026",
        "2月30日",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, dt.date(2026, 11, 20)) == []


def test_find_dates_without_updated() -> None:
    """A month is its last day; a day with no year is no date at all."""
    assert find_dates("November 2026, 11月10日, 10 Nov") == ["2026-11-30"]
    assert find_dates("Nov 10, 2026 and 2026年1月5号") == ["2026-11-10", "2026-01-05"]


def test_date_mentions_are_where_they_were_written() -> None:
    text = "notice 14 Nov 2026, memo 11月10日; 2026-02-30"
    spans = [(m.start, m.end, text[m.start : m.end]) for m in find_date_mentions(text)]
    assert spans == [(7, 18, "14 Nov 2026"), (25, 31, "11月10日"), (33, 43, "2026-02-30")]


def test_evidence_dates_take_the_year_from_updated() -> None:
    model = parse(
        "---\nid: t\nupdated: 2026-03-02\n---\n## Motivators\n### M1 t\n- Evidence: 11月10日 公告, March 2026\n"
    )
    assert model["motivators"][0]["evidence"] == {
        "text": "11月10日 公告, March 2026",
        "dates": ["2025-11-10", "2026-03-02"],
    }
    model = parse("---\nid: t\nupdated: 2026/03/02\n---\n## Motivators\n### M1 t\n- Evidence: 11月10日 公告\n")
    assert model["motivators"][0]["evidence"]["dates"] == []


def test_front_matter_aliases() -> None:
    model = parse("---\n编号: t\n客户: 华信\n决策人:\n  职位: CIO\n  职能: 业务部门\n产品类型: 创新\n语言: 中文\n---\n")
    assert model["id"] == "t"
    # a role written as the function (the format before Canvas 2) is the buying role; the text stays as written
    assert model["decision_maker"] == {"title": "CIO", "function": "业务部门", "buying_role": "business-unit"}
    model = parse("---\n决策人:\n  职位: CIO\n  职能: 信息技术\n  购买角色: 业务部门\n  决策权限: 500万元以内\n---\n")
    assert model["decision_maker"] == {
        "title": "CIO",
        "function": "信息技术",
        "buying_role": "business-unit",
        "authority": "500万元以内",
    }
    model = parse("---\n编号: t\n客户: 华信\n决策人:\n  职位: CIO\n  职能: 业务部门\n产品类型: 创新\n语言: 中文\n---\n")
    assert model["offering"] == "differentiated"
    assert model["language"] == "zh"


def test_unknown_sections_and_fields_are_ignored(en_text: str) -> None:
    extra = en_text.replace("## Needs", "## Meeting notes\n\n### Q1 Who attends\n- Owner: me\n\n## Needs")
    extra = extra.replace("- Root cause:", "- Colour: blue\n- Root cause:")
    assert parse(extra) == parse(en_text)


def test_numbered_headings_and_full_width_ids() -> None:
    model = parse(HEAD + "## 1. Problems\n### Ｐ１：标题\n- Type: risk\n## 二、购买需求\n### N1 x\n- Solves: P1\n")
    assert model["problems"][0]["id"] == "P1"
    assert model["problems"][0]["title"] == "标题"
    assert model["needs"][0]["solves"] == ["P1"]


def test_prefix_matching_sees_every_spelling() -> None:
    """match_prefix looks spellings up by first character: each is non-empty and found from its own text."""
    from vplint.model.vocabulary import ALL_VOCABULARIES

    for vocabulary in ALL_VOCABULARIES.values():
        for term in vocabulary.terms:
            for spelling in term.spellings:
                assert spelling, (vocabulary.name, term.slug)
                found = vocabulary.match_prefix(spelling + " - more text")
                assert found is not None, (vocabulary.name, spelling)


def test_detect_language() -> None:
    from vplint.model.canvas import detect_language

    assert detect_language("问题：发票开具延误 Type: operational") == "zh"
    assert detect_language("Invoices are late since the 2024 reorganisation") == "en"
    assert detect_language("") == "en"
    assert detect_language("12345 — ！") == "en"
    assert detect_language("Problems 业务问题 and a few English words here") == "en"  # 4 Han vs 32 letters
    assert detect_language("ab 业务") == "zh"  # 2 Han x 3 >= 2 letters


def _strategy(value: str, field: str = "Strategy") -> Any:
    need = parse(HEAD + f"## Needs\n### N1 t\n- {field}: " + value + "\n")["needs"][0]
    return need["strategy"] if field in ("Strategy", "策略") else need["serves"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Financial: cost-efficiency", {"level": "financial", "area": "cost-efficiency"}),
        ("Financial – cost and efficiency", {"level": "financial", "area": "cost-efficiency"}),
        (
            "financial - cost-efficiency - lower DSO",
            {"level": "financial", "area": "cost-efficiency", "detail": "lower DSO"},
        ),
        ("financial-cost-efficiency", {"level": "financial", "area": "cost-efficiency"}),
        ("learning-growth-capability", {"level": "learning-growth", "area": "capability"}),
        ("财务：成本和效率", {"level": "financial", "area": "cost-efficiency"}),
        ("运营层级：生产流程", {"level": "operations", "area": "production-process"}),
        ("运营-生产流程", {"level": "operations", "area": "production-process"}),
        ("运营——生产流程 —— 良率提升", {"level": "operations", "area": "production-process", "detail": "良率提升"}),
        # an area written after a separator that is not one of the level's stays free detail
        (
            "Financial: cost of goods sold is too high",
            {"level": "financial", "detail": "cost of goods sold is too high"},
        ),
        ("Customer: service", {"level": "customer", "detail": "service"}),
        ("财务：成本上升两成", {"level": "financial", "detail": "成本上升两成"}),
        # a level, a bare dash and an unknown area: the area as written, for the schema's hint (S002)
        ("运营-制造流程", {"level": "operations", "area": "制造流程"}),
        ("operations-plant-floor", {"level": "operations", "area": "plant-floor"}),
    ],
)
def test_strategy_level_then_area_after_a_separator(value: str, expected: dict[str, str]) -> None:
    assert _strategy(value) == expected


def test_serves_level_then_area_after_a_separator() -> None:
    assert _strategy("财务：成本和效率", "服务于") == [{"level": "financial", "area": "cost-efficiency"}]
    assert _strategy("customer/retention, Financial: revenue - margin", "Serves") == [
        {"level": "customer", "area": "retention"},
        {"level": "financial", "area": "revenue-profit", "detail": "margin"},
    ]


def _change(value: str) -> Any:
    return parse(HEAD + "## Motivators\n### M1 t\n- Change: " + value + "\n")["motivators"][0]["change"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("external - political: new law", {"scope": "external", "category": "political", "description": "new law"}),
        ("external – political - new law", {"scope": "external", "category": "political", "description": "new law"}),
        ("PEST/political - new law", {"scope": "external", "category": "political", "description": "new law"}),
        ("five forces/rivalry - price war", {"scope": "external", "category": "rivalry", "description": "price war"}),
        ("external (political) - new law", {"scope": "external", "category": "political", "description": "new law"}),
        ("external (political)", {"scope": "external", "category": "political", "description": ""}),
        ("外部（政策）", {"scope": "external", "category": "political", "description": ""}),
        ("外部（政策）—— 新规", {"scope": "external", "category": "political", "description": "新规"}),
        ("外部(政策)：新规", {"scope": "external", "category": "political", "description": "新规"}),
        ("外部 - 政策：新规", {"scope": "external", "category": "political", "description": "新规"}),
        ("外部-政策 —— 新规", {"scope": "external", "category": "political", "description": "新规"}),
        ("PEST/政策 —— 新规", {"scope": "external", "category": "political", "description": "新规"}),
        ("五力/同业竞争 —— 同行降价", {"scope": "external", "category": "rivalry", "description": "同行降价"}),
        # after a dash, words that are no category are the description
        ("external - new law: in force 2027", {"scope": "external", "description": "new law: in force 2027"}),
        ("外部 —— 新规：2027年施行", {"scope": "external", "description": "新规：2027年施行"}),
        # an unknown category in brackets or after '/' is kept for the schema's hint (S002)
        (
            "external/five forces - rivals cut prices",
            {"scope": "external", "category": "five forces", "description": "rivals cut prices"},
        ),
        ("外部（五力）—— 同行降价", {"scope": "external", "category": "五力", "description": "同行降价"}),
        (
            "external (new EU tariffs announced in May)",
            {"scope": "external", "description": "(new EU tariffs announced in May)"},
        ),
    ],
)
def test_change_scope_then_category(value: str, expected: dict[str, str]) -> None:
    assert _change(value) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "## 业务问题 Business Problems",
        "## Problems 业务问题",
        "## 业务问题 / Business problems",
        "## 业务问题（Problems）",
        "## 1. 业务问题 Business Problems (P1-P3)",
        "## 一、Business problems 业务问题",
    ],
)
def test_a_heading_in_both_languages_is_its_section(heading: str) -> None:
    model = parse(HEAD + heading + "\n### P1 t\n- Type: risk\n")
    assert [p["id"] for p in model["problems"]] == ["P1"]


@pytest.mark.parametrize("heading", ["## IT问题", "## 2026 问题", "## Problems Needs"])
def test_a_heading_is_split_by_script_only_when_each_part_is_a_section(heading: str) -> None:
    """Mixed-script text that is not two spellings of a section is not a section (unless close to a missing one)."""
    model = parse(HEAD + "## Problems\n### P1 t\n" + heading + "\n### P2 u\n")
    assert [p["id"] for p in model["problems"]] == ["P1"]


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("- 类型：成本更低", "lower-cost"),
        ("- 类型：风险更小", "lower-cost"),
        ("- 类型：成本或风险等代价更小", "lower-cost"),
        ("- Kind: cost or risk is smaller", "lower-cost"),
        ("- Kind: smaller cost or risk", "lower-cost"),
    ],
)
def test_the_articles_wording_of_the_lower_cost_motivator(field: str, kind: str) -> None:
    model = parse(HEAD + "## Motivators\n### M1 t\n" + field + "\n")
    assert model["motivators"][0]["kind"] == kind


def test_an_unknown_heading_close_to_a_missing_section_is_read_as_it() -> None:
    model = parse(HEAD + "## Business problems & diagnosis\n### P1 t\n## Needs\n### N1 n\n- Solves: P1\n")
    assert [p["id"] for p in model["problems"]] == ["P1"]
    model = parse(HEAD + "## Problems\n### P1 t\n## Problem background\n### P2 u\n")  # Problems is there: own section
    assert [p["id"] for p in model["problems"]] == ["P1"]
