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
    text = text.replace("function: finance", "function: procurment").replace(
        "updated: 2026-11-20", "updated: 2026-02-30"
    )
    assert _found(text) == [("S001", 1, 1), ("S003", 3, 1), ("S002", 6, 13), ("S004", 12, 10)]


def test_unknown_value_has_did_you_mean(en_text: str) -> None:
    res = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), "t.md")
    (d,) = res.diagnostics
    assert (d.code, d.line, d.column) == ("S002", 21, 9)
    assert "did you mean" in d.message
    assert "problem-solving" in d.message
    zh = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), "t.md", options=Options(lang="zh"))
    assert "问题解决型" in zh.diagnostics[0].message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("### P2 Audit", "### Audit", [("S001", 25, 5), ("C005", 42, 11)]),
        ("### P2 Audit", "### X2 Audit", [("S004", 25, 5), ("C005", 42, 11)]),
        ("- Type: risk-prevention\n", "", [("P001", 25, 5)]),
        ("- Kind: window-of-opportunity\n", "", [("M001", 51, 5)]),
        ("- Solves: P3", "- Solves: N3", [("S004", 46, 11)]),
        ("- Continuity: discontinuous", "- Continuity: sometimes", [("S002", 54, 15)]),
        ("- Trigger: more-important-or-urgent", "- Trigger: more-money", [("S002", 61, 12)]),
        (
            "kpis:\n    - Operating margin at or above 12%\n    - Days sales outstanding under 45\n",
            "kpis: 12%\n",
            [("S005", 7, 9)],
        ),
        ("owner: alice@example.com", "owner:", [("S005", 11, 1)]),
    ],
)
def test_body_and_type_errors(en_text: str, old: str, new: str, expected: list[tuple[str, int, int]]) -> None:
    assert old in en_text
    assert _found(en_text.replace(old, new)) == expected


def test_missing_sections(en_text: str) -> None:
    head = en_text.split("## Problems")[0]
    found = _found(head)
    assert found == [("A001", 16, 1), ("S001", 16, 1), ("S001", 16, 1), ("S001", 16, 1), ("T001", 16, 1)]
    messages = [d.message for d in lint_text(head, "t.md").diagnostics]
    assert any("Problems" in m for m in messages)
    assert any("Motivators" in m for m in messages)


def test_empty_section(en_text: str) -> None:
    text = en_text.replace("### M1 Window of opportunity", "Notes only.")
    assert ("S001", 49, 4) in _found(text)
