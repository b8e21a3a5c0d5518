"""Schema errors land on the right file:line:col with the right code."""

from __future__ import annotations

import json

import pytest

from tools.schemagen import GENERATED, render
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.store.resources import resource_dir


def _found(text: str, lang: str | None = None) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint_text(text, "t.md", options=Options(lang=lang)).diagnostics]


def test_generated_schemas_are_up_to_date() -> None:
    for name, make in GENERATED.items():
        on_disk = (resource_dir("schema") / name).read_text(encoding="utf-8")
        assert on_disk == render(make()), f"run: python -m tools.schemagen ({name} drifted)"


def test_schema_is_valid_2020_12() -> None:
    import jsonschema

    schema = json.loads((resource_dir("schema") / "canvas.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)


def test_front_matter_errors(en_text: str) -> None:
    text = en_text.replace("account: ACME Manufacturing\n", "acount: ACME\n")
    text = text.replace("buying_role: finance", "buying_role: procurment").replace(
        "updated: 2026-11-20", "updated: 2026-02-30"
    )
    assert _found(text) == [("S001", 1, 1), ("S003", 3, 1), ("S002", 7, 16), ("S004", 24, 10)]


def test_unknown_value_has_did_you_mean(en_text: str) -> None:
    res = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), "t.md")
    (d,) = res.diagnostics
    assert (d.code, d.line, d.column) == ("S002", 33, 9)
    assert "did you mean" in d.message
    assert "problem-solving" in d.message
    zh = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), "t.md", options=Options(lang="zh"))
    assert "问题解决型" in zh.diagnostics[0].message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("### P2 Audit", "### Audit", [("S001", 37, 5), ("C005", 56, 11), ("N005", 57, 11), ("C005", 71, 8)]),
        ("### P2 Audit", "### X2 Audit", [("S004", 37, 5), ("C005", 56, 11), ("N005", 57, 11), ("C005", 71, 8)]),
        ("- Type: risk-prevention\n", "", [("P001", 37, 5)]),
        ("- Kind: window-of-opportunity\n", "", [("M001", 69, 5)]),
        ("- Solves: P3", "- Solves: N3", [("S004", 62, 11)]),
        ("- Continuity: discontinuous", "- Continuity: sometimes", [("S002", 73, 15)]),
        ("- Trigger: more-important-or-urgent", "- Trigger: more-money", [("S002", 80, 12)]),
        (
            "kpis:\n    - Operating margin at or above 12%\n    - Days sales outstanding under 45\n",
            "kpis: 12%\n",
            [("S005", 9, 9)],
        ),
        ("owner: alice@example.com", "owner:", [("S005", 23, 1)]),
    ],
)
def test_body_and_type_errors(en_text: str, old: str, new: str, expected: list[tuple[str, int, int]]) -> None:
    assert old in en_text
    assert _found(en_text.replace(old, new)) == expected


def test_missing_sections(en_text: str) -> None:
    head = en_text.split("## Problems")[0]
    found = _found(head)
    assert found == [("A001", 28, 1), ("S001", 28, 1), ("S001", 28, 1), ("S001", 28, 1), ("T001", 28, 1)]
    messages = [d.message for d in lint_text(head, "t.md").diagnostics]
    assert any("Problems" in m for m in messages)
    assert any("Motivators" in m for m in messages)


def test_empty_section(en_text: str) -> None:
    text = en_text.replace("### M1 Window of opportunity", "Notes only.")
    assert ("S001", 67, 4) in _found(text)


def _explained(text: str, code: str, lang: str) -> list[tuple[int, int, str]]:
    """Where and what the findings of ``code`` say, in ``lang``."""
    diagnostics = lint_text(text, "t.md", options=Options(lang=lang)).diagnostics
    return [(d.line, d.column, d.message) for d in diagnostics if d.code == code]


_NEED = "---\nid: t\n---\n## Needs\n### N1 t\n"
_MOTIVATOR = "---\nid: t\n---\n## Motivators\n### M1 t\n"


def test_unknown_area_after_a_level_lists_the_level_s_areas() -> None:
    assert _explained(_NEED + "- Strategy: operations-plant-floor\n", "S002", "en") == [
        (
            6,
            24,
            "'plant-floor' is not a known strategy area; areas of operations: 'sales-process', 'rnd-process', "
            "'production-process', 'service-process' or 'innovation-process'",
        )
    ]
    assert _explained(_NEED + "- 策略：运营-制造流程\n", "S002", "zh") == [
        (
            6,
            9,
            "“制造流程”不是已知的策略领域；“运营（operations）”的领域有：销售流程（sales-process）、研发流程（rnd-process）、"
            "生产流程（production-process）、服务流程（service-process）、业务创新流程（innovation-process）",
        )
    ]


def test_unknown_change_category_lists_the_scope_s_categories() -> None:
    assert _explained(_MOTIVATOR + "- Change: external/five forces - rivals cut prices\n", "S002", "en") == [
        (
            6,
            20,
            "'five forces' is not a known change category; categories of external changes: 'political', 'economic', "
            "'social', 'technological', 'rivalry', 'new-entrants', 'substitutes', 'supplier-power' or 'buyer-power'",
        )
    ]
    assert _explained(_MOTIVATOR + "- Change: external/politcal - new law\n", "S002", "en") == [
        (
            6,
            20,
            "'politcal' is not a known change category; did you mean 'political'? Categories of external changes: "
            "'political', 'economic', 'social', 'technological', 'rivalry', 'new-entrants', 'substitutes', "
            "'supplier-power' or 'buyer-power'",
        )
    ]
    assert _explained(_MOTIVATOR + "- 变化：外部（五力）—— 同行降价\n", "S002", "zh") == [
        (
            6,
            9,
            "“五力”不是已知的变化类别；外部（external）变化的类别有：政策（political）、经济（economic）、社会（social）、"
            "技术（technological）、同业竞争（rivalry）、新进入者（new-entrants）、替代品（substitutes）、"
            "供应商议价能力（supplier-power）、客户议价能力（buyer-power）",
        )
    ]


def test_a_list_item_yaml_read_as_a_mapping_is_explained() -> None:
    en = "---\nid: t\ndecision_maker:\n  kpis:\n    - Savings delivered: EUR 3M / year\n"
    en += '    - Growth "organic": 5%\n---\n'
    assert _explained(en, "S005", "en") == [
        (
            5,
            7,
            "each 'decision_maker.kpis' entry must be text, but YAML read 'Savings delivered: EUR 3M / year' as a key "
            'and a value (because of the colon); quote the line: - "Savings delivered: EUR 3M / year"',
        ),
        (
            6,
            7,
            "each 'decision_maker.kpis' entry must be text, but YAML read 'Growth \"organic\": 5%' as a key and a "
            "value (because of the colon); quote the line: - 'Growth \"organic\": 5%'",
        ),
    ]
    zh = "---\nid: t\n决策人:\n  KPI:\n    - 年度IT成本: 下降 8%\n---\n"
    assert _explained(zh, "S005", "zh") == [
        (
            5,
            7,
            "'decision_maker.kpis' 的每一项都必须是文本，但 YAML 把“年度IT成本: 下降 8%”读成了键和值"
            '（因为其中的冒号）；请给这一行加上引号：- "年度IT成本: 下降 8%"',
        )
    ]


# --- section headings vplint does not know, headings naming two sections, a front-matter never closed ----------------


def _line_of(text: str, line: str) -> int:
    """The 1-based number of the first line of ``text`` that is exactly ``line``."""
    return text.split("\n").index(line) + 1


@pytest.mark.parametrize(
    ("fixture", "old", "new", "label"),
    [
        ("en_text", "## Problems", "## Business problems & diagnosis", "## Problems"),
        ("zh_text", "## 业务问题", "## 业务问题与诊断", "## 业务问题"),
        ("en_text", "## Needs", "## Needs and strategy", "## Needs"),
        ("zh_text", "## 客户动机", "## 客户动机分析", "## 客户动机"),
    ],
)
def test_unknown_heading_is_the_missing_section_with_a_did_you_mean(
    request: pytest.FixtureRequest, fixture: str, old: str, new: str, label: str
) -> None:
    """The heading is read as the section it is closest to: one S001 there, and nothing its unread items would cause."""
    text = request.getfixturevalue(fixture).replace(f"\n{old}\n", f"\n{new}\n")
    res = lint_text(text, "t.md")
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [("S001", _line_of(text, new), 4)]
    assert f"'{label}'" in res.diagnostics[0].message or f"“{label}”" in res.diagnostics[0].message
    assert "did you mean" in res.diagnostics[0].message or "您是不是想写" in res.diagnostics[0].message


def test_unknown_heading_far_from_every_section_is_ignored(en_text: str) -> None:
    text = en_text.replace("\n## Problems\n", "\n## Pain points\n")
    found = _found(text)
    assert ("S001", _line_of(text, "# ACME Manufacturing: CFO value proposition canvas"), 1) in found
    assert not any(code == "S001" and line == _line_of(text, "## Pain points") for code, line, _ in found)


@pytest.mark.parametrize(
    ("fixture", "old", "new", "words"),
    [
        ("en_text", "## Problems", "## Problems 购买需求", ("'Problems'", "'购买需求'")),
        ("zh_text", "## 业务问题", "## 业务问题 / 购买需求", ("“业务问题”", "“购买需求”")),
    ],
)
def test_a_heading_naming_two_sections_is_read_as_the_first(
    request: pytest.FixtureRequest, fixture: str, old: str, new: str, words: tuple[str, str]
) -> None:
    text = request.getfixturevalue(fixture).replace(f"\n{old}\n", f"\n{new}\n")
    res = lint_text(text, "t.md")
    assert [(d.code, d.line, d.column, d.severity.value) for d in res.diagnostics] == [
        ("S008", _line_of(text, new), 4, "warning")
    ]
    assert all(word in res.diagnostics[0].message for word in words)


@pytest.mark.parametrize("fixture", ["en_text", "zh_text"])
def test_an_unclosed_front_matter_is_reported_alone(request: pytest.FixtureRequest, fixture: str) -> None:
    """The whole file was taken for the front-matter: no finding about missing sections follows the F002."""
    text = request.getfixturevalue(fixture)
    lines = text.split("\n")
    closing = lines.index("---", 1)
    text = "\n".join(lines[:closing] + lines[closing + 1 :])
    res = lint_text(text, "t.md")
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [("F002", 1, 1)]
    heading = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("# "))
    assert res.diagnostics[0].args == {"heading": str(heading)}
    assert str(heading) in res.diagnostics[0].message
