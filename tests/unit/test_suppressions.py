"""Suppression comments and the report of unused ones."""

from __future__ import annotations

import datetime as dt

import pytest

from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text

TODAY = dt.date(2026, 11, 27)


def _found(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in lint_text(text, "t.md", options=Options(today=TODAY)).diagnostics]


@pytest.fixture
def no_actions(en_text: str) -> str:
    return en_text.replace("- Inform (M1):", "- X:").replace("- Empathize (M1):", "- Y:")


def test_finding_without_suppression(no_actions: str) -> None:
    assert _found(no_actions) == [("A001", 82, 4)]


def test_disable_next_line(no_actions: str) -> None:
    text = no_actions.replace("## Actions", "<!-- vplint-disable-next-line A001 -->\n\n## Actions")
    assert _found(text) == []


def test_disable_next_line_by_name_and_comma_list(no_actions: str) -> None:
    text = no_actions.replace("## Actions", "<!-- vplint-disable-next-line P003,lever-planned -->\n## Actions")
    assert _found(text) == [("U001", 82, 1)]  # P003 part suppressed nothing


def test_disable_enable_region(no_actions: str) -> None:
    text = no_actions.replace("## Conversion", "<!-- vplint-disable A001 -->\n## Conversion")
    assert _found(text) == []
    closed = text.replace("## Actions", "<!-- vplint-enable A001 -->\n## Actions")
    assert _found(closed) == [("U001", 79, 1), ("A001", 84, 4)]


def test_disable_file_and_front_matter_comment(no_actions: str) -> None:
    assert _found(no_actions + "\n<!-- vplint-disable-file A001 -->\n") == []
    text = no_actions.replace("language: en\n", "language: en\n# vplint: disable=A001\n")
    assert _found(text) == []


def test_unused_and_unknown_suppressions(en_text: str) -> None:
    text = en_text.replace("## Needs", "<!-- vplint-disable-next-line C002 -->\n## Needs")
    assert _found(text) == [("U001", 45, 1)]
    text = en_text + "\n<!-- vplint-disable-file NOPE1 -->\n"
    found = lint_text(text, "t.md", options=Options(today=TODAY)).diagnostics
    assert [(d.code, d.line, d.message_id) for d in found] == [("U001", 86, "U001.unknown")]


def test_comments_in_code_blocks_are_not_directives(no_actions: str) -> None:
    text = no_actions + "\n```\n<!-- vplint-disable-file A001 -->\n```\n"
    assert _found(text) == [("A001", 82, 4)]


def test_a_partial_enable_reenables_only_its_codes(en_text: str) -> None:
    text = en_text.replace(
        "- Diagnosis: lessons-learned - a peer, Globex, was fined in 2025 for late e-invoice filing\n", ""
    )
    text = text.replace("- Diagnosis: before-after - invoices", "- Notes: invoices").replace(
        "since the 2024 reorganisation", ""
    )
    assert [c for c, _, _ in _found(text)] == ["C001", "P003", "C001", "N005"]  # N2, stated, solves P2
    text = text.replace("## Problems", "## Problems\n<!-- vplint-disable C001 P003 -->")
    text = text.replace("### P2", "<!-- vplint-enable C001 -->\n### P2")
    assert [c for c, _, _ in _found(text)] == ["C001", "N005"]  # P2's C001 again; P1's findings stay suppressed


def test_a_prefix_that_suppresses_something_is_not_stale(en_text: str) -> None:
    text = en_text.replace("since the 2024 reorganisation", "")
    text = text.replace(
        "- Diagnosis: before-after - invoices started slipping after regional billing teams were merged in Q3 2024\n",
        "- Notes: x\n",
    )
    assert sorted(c for c, _, _ in _found(text)) == ["C001", "P003"]
    suppressed = text.replace("### P1", "<!-- vplint-disable-next-line P, C001 -->\n### P1")
    assert _found(suppressed) == []
