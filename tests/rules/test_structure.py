"""What the rules say about a canvas's structure: lines under Actions that name no lever, and sections read from a
heading vplint does not know (the positions are in the fixtures: tests/fixtures/rules/A001, T001)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.test_rules import RULE_FIXTURES, TODAY
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text


def _messages(path: Path, lang: str | None = None) -> list[tuple[str, int, int, str]]:
    """The findings of the fixture's own code (the rule's folder), with their messages."""
    res = lint_text(path.read_bytes(), str(path), options=Options(today=TODAY, isolated=True, lang=lang))
    code = path.relative_to(RULE_FIXTURES).parts[0]
    return [(d.code, d.line, d.column, d.message) for d in res.diagnostics if d.code == code]


def test_actions_naming_no_lever_say_what_was_read_en() -> None:
    (found,) = _messages(RULE_FIXTURES / "A001/fail/unknown-lever.en.md")
    assert found[:3] == ("A001", 82, 4)
    assert "'Educate'" in found[3]
    assert "no lever is planned" not in found[3]
    assert "'inform', 'analyse', 'empathise' or 'relationship'" in found[3]


def test_actions_naming_no_lever_say_what_was_read_zh() -> None:
    (found,) = _messages(RULE_FIXTURES / "A001/fail/no-lever.zh.md")
    assert found[:3] == ("A001", 54, 4)
    assert "“下次拜访”" in found[3]
    assert "没有计划任何手段" not in found[3]
    assert "告知（inform）、分析（analyse）、同理（empathise）、客情（relationship）" in found[3]


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("misspelt-lever.en.md", (84, 3), ("'Empathising' is not a lever", "did you mean 'empathise'?")),
        ("unknown-lever-beside-known.zh.md", (70, 3), ("“教育”不是激发手段", "客情（relationship）")),
    ],
)
def test_a_line_naming_no_lever_beside_planned_ones(name: str, where: tuple[int, int], words: tuple[str, ...]) -> None:
    (found,) = _messages(RULE_FIXTURES / "A001/fail" / name)
    assert found[:3] == ("A001", *where)
    assert all(word in found[3] for word in words)


def test_the_closest_lever_of_a_zh_key() -> None:
    text = (RULE_FIXTURES / "A001/fail/unknown-lever-beside-known.zh.md").read_text(encoding="utf-8")
    path = RULE_FIXTURES / "A001/fail/unknown-lever-beside-known.zh.md"
    res = lint_text(text.replace("- 教育（M1）", "- 客情维护（M1）"), str(path), options=Options(today=TODAY))
    (d,) = [d for d in res.diagnostics if d.code == "A001"]
    assert (d.code, d.line, d.column) == ("A001", 70, 3)
    assert "您是不是想写 客情（relationship）？" in d.message


@pytest.mark.parametrize(
    ("path", "where", "words"),
    [
        ("T001/fail/unknown-heading.en.md", (79, 4), ("'## Conversion triggers'", "did you mean '## Conversion'?")),
        ("A001/fail/unknown-heading.zh.md", (68, 4), ("“## 激发动机计划”", "您是不是想写“## 激发动机”？")),
    ],
)
def test_a_heading_close_to_a_missing_section(path: str, where: tuple[int, int], words: tuple[str, ...]) -> None:
    (found,) = _messages(RULE_FIXTURES / path)
    assert found[:3] == (path[:4], *where)
    assert all(word in found[3] for word in words)
