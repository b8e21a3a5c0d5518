"""Each rule against its fixtures: pass fixtures are clean, fail fixtures give exactly the expected findings.

Fixtures live in ``tests/fixtures/rules/<CODE>/{pass,fail}/NAME.md``; a fail fixture's
``NAME.expected`` lists ``CODE line:col`` for every finding the whole canvas must produce.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vplint.engine import Options, check_text
from vplint.rules import RULES

from .conftest import FIXTURES

RULE_FIXTURES = FIXTURES / "rules"


def _cases(kind: str) -> list[Path]:
    return sorted(RULE_FIXTURES.glob(f"*/{kind}/*.md"))


def _findings(path: Path) -> list[tuple[str, int, int]]:
    res = check_text(path.read_bytes(), str(path))
    return [(d.code, d.line, d.column) for d in res.diagnostics]


@pytest.mark.parametrize("path", _cases("pass"), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_pass_fixture_is_clean(path: Path) -> None:
    assert _findings(path) == []


@pytest.mark.parametrize("path", _cases("fail"), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_fail_fixture_gives_expected_findings(path: Path) -> None:
    expected = []
    for line in path.with_suffix(".expected").read_text().split("\n"):
        if line.strip():
            code, pos = line.split()
            ln, col = pos.split(":")
            expected.append((code, int(ln), int(col)))
    assert expected, "a fail fixture must expect at least one finding"
    assert any(code == path.parent.parent.name for code, _, _ in expected)
    assert _findings(path) == expected


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_docs_and_fixtures_in_both_languages(code: str) -> None:
    rule = RULES[code]
    assert rule.name
    assert rule.name == rule.name.lower()
    assert len(rule.rationale_en.split()) >= 30, "the rationale is a paragraph tied to the domain"
    assert "domain.md" in rule.rationale_en
    assert "domain.md" in rule.rationale_zh
    assert rule.bad.strip()
    assert rule.good.strip()
    assert rule.bad != rule.good
    for kind in ("pass", "fail"):
        files = list((RULE_FIXTURES / code / kind).glob("*.md"))
        assert files, f"{code} has no {kind} fixtures"
    fail_langs = {p.name.split(".")[-2] for p in (RULE_FIXTURES / code / "fail").glob("*.md")}
    assert {"en", "zh"} <= fail_langs, f"{code} needs fail fixtures in English and Chinese"


def test_rule_examples_behave(en_text: str) -> None:
    """Each rule's BAD example, put into a canvas, triggers the rule; GOOD does not."""
    for code, rule in RULES.items():
        for snippet, expect in ((rule.bad, True), (rule.good, False)):
            text = _with_snippet(en_text, snippet)
            codes = {d.code for d in check_text(text, "example.md", Options()).diagnostics}
            assert (code in codes) is expect, (code, expect, codes)


def _with_snippet(full: str, snippet: str) -> str:
    """The canvas with the snippet's items in place of the items of the same ids.

    An item whose id the snippet already used goes right after the previous one, so a
    snippet can show two items sharing an id.
    """
    text = full
    done: set[str] = set()
    cursor = 0
    for block in snippet.strip().split("\n\n"):
        item_id = block.split("\n", 1)[0].split()[1]
        if item_id in done:
            text = text[:cursor] + "\n" + block + "\n" + text[cursor:]
            cursor += len(block) + 2
            continue
        start = text.find(f"### {item_id} ")
        assert start >= 0, item_id
        ends = [x for x in (text.find("\n### ", start + 1), text.find("\n## ", start + 1)) if x >= 0]
        end = min(ends) if ends else len(text)
        text = text[:start] + block + "\n" + text[end:]
        cursor = start + len(block) + 1
        done.add(item_id)
    return text
