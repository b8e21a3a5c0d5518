"""Each rule against its fixtures: pass fixtures are clean, fail fixtures give exactly the expected findings.

Fixtures live in ``tests/fixtures/rules/<CODE>/{pass,fail}/NAME.md``; a fail fixture's
``NAME.expected`` lists ``CODE line:col`` for every finding the whole canvas must produce.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.lint.runner import lint_paths
from vplint.model.vocabulary import FUNCTION
from vplint.rules import RULES

RULE_FIXTURES = FIXTURES / "rules"


TODAY = dt.date(2026, 11, 27)
"""Fixtures are checked as of this date, so time-dependent rules give stable results."""


def _cases(kind: str) -> list[Path]:
    """Fixture canvases (files), and fixture repositories (folders, for the rules that look across files)."""
    return sorted(
        [*RULE_FIXTURES.glob(f"*/{kind}/*.md"), *(p for p in RULE_FIXTURES.glob(f"*/{kind}/*") if p.is_dir())]
    )


MIGRATION_WARNINGS = ("M007", "A002", "N003", "N004")
"""The warnings a canvas written before Canvas 2 gets for the fields it could not have (``For``, an action's
``(M1)``, ``Objective``, a ``Sponsor`` where one is now asked for)."""


def _canvas_2(path: Path) -> bool:
    """Whether a fixture (a file, or a folder's files) uses a field Canvas 2 added."""
    from vplint import parse

    files = sorted(path.rglob("*.md")) if path.is_dir() else [path]
    for file in files:
        data = parse(file.read_bytes(), str(file))
        dm = data.get("decision_maker")
        if "decision_process" in data or (isinstance(dm, dict) and "authority" in dm):
            return True
        if isinstance(dm, dict) and "buying_role" in dm:
            written_as_function = FUNCTION.lookup(str(dm.get("function", "")))
            if written_as_function is None or written_as_function.slug != dm["buying_role"]:
                return True  # written under its own key

        items = [i for s in ("needs", "motivators", "actions") for i in data.get(s) or () if isinstance(i, dict)]
        if any(k in i for i in items for k in ("origin", "objective", "for")):
            return True
    return False


def _findings(path: Path) -> list[tuple[str, int, int]] | list[tuple[str, str, int, int]]:
    """Every finding, with the fixture's own rule selected (style rules are off by default).

    A fixture written before Canvas 2 is checked without :data:`MIGRATION_WARNINGS` (unless it is one of
    theirs): it shows what its own rule does, and the migration warnings have fixtures of their own.
    """
    code = path.parent.parent.name
    ignore = () if code in MIGRATION_WARNINGS or _canvas_2(path) else MIGRATION_WARNINGS
    options = Options(today=TODAY, extend_select=(code,), ignore=ignore, isolated=True)
    if path.is_dir():
        result = lint_paths([str(path)], options)
        return [(Path(d.path).relative_to(path).as_posix(), d.code, d.line, d.column) for d in result.diagnostics]
    res = lint_text(path.read_bytes(), str(path), options=options)
    return [(d.code, d.line, d.column) for d in res.diagnostics]


def _case_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.name.removesuffix('.md')}"


@pytest.mark.parametrize("path", _cases("pass"), ids=_case_id)
def test_pass_fixture_is_clean(path: Path) -> None:
    assert _findings(path) == []


@pytest.mark.parametrize("path", _cases("fail"), ids=_case_id)
def test_fail_fixture_gives_expected_findings(path: Path) -> None:
    expected_file = path.with_suffix(".expected") if path.is_file() else path.parent / f"{path.name}.expected"
    expected: list[tuple[str, int, int]] | list[tuple[str, str, int, int]] = []
    for line in expected_file.read_text().split("\n"):
        if not line.strip():
            continue
        *where, code, pos = line.split()
        ln, col = pos.split(":")
        expected.append((*where, code, int(ln), int(col)))  # type: ignore[arg-type]
    assert expected, "a fail fixture must expect at least one finding"
    assert any(path.parent.parent.name in entry for entry in expected)
    assert _findings(path) == expected


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_has_docs_and_fixtures_in_both_languages(code: str) -> None:
    rule = RULES[code]
    assert rule.name
    assert rule.name == rule.name.lower()
    assert len(rule.rationale_en.split()) >= 30, "the rationale is a paragraph tied to the domain"
    assert "docs/method.md" in rule.rationale_en, "the rationale cites the method (see test_method_docs.py)"
    assert "docs/method.zh.md" in rule.rationale_zh
    assert rule.bad.strip()
    assert rule.good.strip()
    assert rule.bad != rule.good
    for kind in ("pass", "fail"):
        files = list((RULE_FIXTURES / code / kind).glob("*"))
        assert files, f"{code} has no {kind} fixtures"
    fail_langs = {
        p.name.removesuffix(".md").split(".")[-1]
        for p in (RULE_FIXTURES / code / "fail").glob("*")
        if not p.name.endswith(".expected")
    }
    assert {"en", "zh"} <= fail_langs, f"{code} needs fail fixtures in English and Chinese"
    pass_langs = {p.name.removesuffix(".md").split(".")[-1] for p in (RULE_FIXTURES / code / "pass").glob("*")}
    assert {"en", "zh"} <= pass_langs, f"{code} needs pass fixtures in English and Chinese"


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.check is not None and r.default_enabled))
def test_rule_examples_behave(code: str, en_text: str) -> None:
    """The rule's BAD example, put into the English sample canvas, triggers the rule; GOOD does not."""
    rule = RULES[code]
    for snippet, expect in ((rule.bad, True), (rule.good, False)):
        text = with_snippet(en_text, snippet)
        codes = {d.code for d in lint_text(text, "example.md", options=Options(today=TODAY)).diagnostics}
        assert (code in codes) is expect, (code, expect, codes, text)


def with_snippet(full: str, snippet: str) -> str:
    """The canvas with a rule example put in.

    An example is a front-matter block (``---`` ... ``---``, replacing the canvas's), a
    ``## Section`` block (replacing that section, or added at the end), or ``### ID``
    item blocks (replacing the items of the same ids; an id the example already used
    goes right after the previous item, so an example can show two items sharing an id).
    """
    snippet = snippet.strip()
    if snippet.startswith("---"):
        end = full.index("\n---\n", 4) + 5
        return snippet + "\n" + full[end:]
    if snippet.startswith("## "):
        heading = snippet.split("\n", 1)[0]
        start = full.find(heading + "\n")
        if start < 0:
            return full.rstrip("\n") + "\n\n" + snippet + "\n"
        nxt = full.find("\n## ", start + 1)
        return full[:start] + snippet + "\n" + (full[nxt:] if nxt >= 0 else "")
    text = full
    done: set[str] = set()
    cursor = 0
    for block in snippet.split("\n\n"):
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
