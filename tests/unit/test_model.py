"""The canvas model: aliases, separators, value syntaxes."""

from __future__ import annotations

from typing import Any

import pytest

from vplint import parse
from vplint.model.canvas import find_dates

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


def test_front_matter_aliases() -> None:
    model = parse("---\n编号: t\n客户: 华信\n决策人:\n  职位: CIO\n  职能: 业务部门\n产品类型: 创新\n语言: 中文\n---\n")
    assert model["id"] == "t"
    assert model["decision_maker"] == {"title": "CIO", "function": "business-unit"}
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
