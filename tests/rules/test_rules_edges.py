"""Edge cases of the T, M, A and H rules that whole-canvas fixtures cannot show.

A fail fixture must produce a finding of its own rule, so "this rule stays quiet and the
schema reports it instead" is checked here, together with the placeholder scanner.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.rules.h002_placeholder import placeholders

TODAY = dt.date(2026, 11, 27)


def _codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, "example.md", options=Options(today=TODAY)).diagnostics]


def _edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("- Trigger: more-important-or-urgent", "- Trigger: more-importent"),  # T001: unknown trigger only
        ("- Kind: window-of-opportunity", "- Kind: windw"),  # M001: unknown kind
        ("- Continuity: discontinuous", "- Continuity: suddn"),  # M002: unknown continuity
        ("- Change: external/political", "- Change: exteral/politcal"),  # M002: unknown scope and category
        ("- Change: external/political", "- Change: external/politcal"),  # M002: unknown category
    ],
)
def test_unknown_spellings_are_left_to_the_schema(en_text: str, old: str, new: str) -> None:
    codes = _codes(_edit(en_text, old, new))
    assert codes
    assert set(codes) == {"S002"}


def test_an_empty_kind_is_the_schemas_empty_value(en_text: str) -> None:
    assert set(_codes(_edit(en_text, "- Kind: window-of-opportunity", "- Kind:"))) == {"S005"}


def test_missing_continuity_is_not_a_boiling_frog(en_text: str) -> None:
    assert _codes(_edit(en_text, "- Continuity: discontinuous\n", "")) == ["M002"]


def test_empty_change_is_not_classified(en_text: str) -> None:
    text = _edit(
        en_text, "- Change: external/political - national e-invoicing mandate takes effect 2027-01-01", "- Change:"
    )
    assert "M002" not in _codes(text)


def test_lever_with_text_in_a_sub_list_counts(en_text: str) -> None:
    text = _edit(
        en_text,
        "- Inform (M1): share the mandate timeline and the Globex fine\n",
        "- Inform (M1):\n  - share the mandate timeline\n  - send the Globex fine\n",
    )
    text = _edit(text, "- Empathize (M1): acknowledge the overtime load in finance\n", "")
    assert "A001" not in _codes(text)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("- Root cause: TODO", ["TODO"]),
        ("- Root cause: todo, tbd, Fixme", ["todo", "tbd", "Fixme"]),
        ("- 根本原因：待定TODO", ["待定", "TODO"]),
        ("__TODO__ and **TBD**", ["TODO", "TBD"]),
        ("growth of XXX% a year", ["XXX"]),
        ("- Feeling: ??? or ？？？", ["???", "？？？"]),
        ("- Diagnosis: goal - <what you found>", ["<what you found>"]),
        ("- 支持者：<请填写>", ["<请填写>"]),
        ("- 支持者：＜请填写＞", ["＜请填写＞"]),
        ("<TODO>", ["<TODO>"]),
        ("待补充、待填写、待确认、有待确认", ["待补充", "待填写", "待确认", "待确认"]),
    ],
)
def test_placeholders_found(line: str, found: list[str]) -> None:
    assert [text for _, _, text in placeholders(line)] == found


@pytest.mark.parametrize(
    "line",
    [
        "the CFO posts on Mastodon; todos are not todo-lists",
        "xxx is lower case and XXXL is a size; ?? is two",
        "line<br>break, <br/>, <BR />, <a href='https://example.com'>link</a>, <b>bold</b>, </span>",
        "<!-- a comment with <what you found> in it -->",
        "<https://example.com/todo> and <mailto:tbd@example.com> and <tbd@example.com>",
        "see https://intranet.example.com/todo?x=tbd and tbd@example.com",
        "[link](<some target>) and a < b and c > d, <- arrows ->",
        "管理层期待定期汇报，等待确认会议时间",
    ],
)
def test_not_placeholders(line: str) -> None:
    assert list(placeholders(line)) == []


def test_placeholders_skip_fenced_code_and_keep_positions() -> None:
    text = "TBD\n```\nTODO\n~~~\nTODO\n```\n~~~~ text\nTODO\n~~~\nTODO\n~~~~\n  x TODO"
    assert list(placeholders(text)) == [(1, 1, "TBD"), (12, 5, "TODO")]


def test_placeholders_unclosed_fence_runs_to_the_end() -> None:
    assert list(placeholders("TBD\n```\nTODO")) == [(1, 1, "TBD")]


def test_placeholder_in_a_comment_is_still_reported() -> None:
    assert list(placeholders("x <!-- TODO: ask the CFO -->")) == [(1, 8, "TODO")]
