"""The ``gitlab`` format: GitLab Code Quality's required fields and fingerprints that stay put."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.report_support import EN_NAME, EXAMPLES, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.lint.options import Options
from vplint.lint.result import Result

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def issues(result: Result) -> list[dict[str, Any]]:
    out, _ = render("gitlab", result)
    data = json.loads(out)
    assert isinstance(data, list)
    for issue in data:
        assert isinstance(issue["description"], str)
        assert issue["description"]
        assert re.fullmatch(r"[A-Z]\d{3}", issue["check_name"])
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["location"]["path"], str)
        assert issue["location"]["path"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    fingerprints = [i["fingerprint"] for i in data]
    assert len(fingerprints) == len(set(fingerprints)), "fingerprints are unique within a report"
    return data


@pytest.fixture(autouse=True)
def _project_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)


def test_shipped_canvases() -> None:
    assert issues(shipped()) == []


def test_broken_canvases(tmp_path: Path, en_text: str, zh_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    result = check(folder, options=Options(today=TODAY, extend_select=("Y",)))
    data = issues(result)
    assert len(data) == len(result.diagnostics)
    for issue, d in zip(data, result.diagnostics, strict=True):
        assert issue["check_name"] == d.code
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[d.severity.value]
        assert issue["location"]["lines"]["begin"] == d.line
        assert d.message in issue["description"]
    paths = {i["location"]["path"] for i in data}
    assert {f"t/{EN_NAME}", f"t/{ZH_NAME}"} <= paths  # relative to $CI_PROJECT_DIR, forward slashes


def test_drafts() -> None:
    result = drafts()
    assert len(issues(result)) == len(result.diagnostics)


def test_fingerprints_are_stable_across_runs() -> None:
    first = [i["fingerprint"] for i in issues(drafts())]
    assert first == [i["fingerprint"] for i in issues(drafts())]


def _copy(tmp_path: Path, text: str) -> Result:
    (tmp_path / "c.md").write_text(text, encoding="utf-8")
    return check(tmp_path / "c.md")


def test_fingerprints_ignore_unrelated_line_moves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (EXAMPLES / "draft.en.md").read_text(encoding="utf-8")
    before = issues(_copy(tmp_path, text))
    # blank lines: one above every finding of the body, two more above the later ones
    moved = text.replace("\n# Globex", "\n\n# Globex", 1).replace("\n## Needs", "\n\n\n## Needs", 1)
    after = issues(_copy(tmp_path, moved))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    shifts = {
        a["location"]["lines"]["begin"] - b["location"]["lines"]["begin"] for a, b in zip(after, before, strict=True)
    }
    assert shifts == {0, 1, 3}  # the findings did move


def test_the_same_finding_on_identical_lines_is_told_apart(tmp_path: Path) -> None:
    text = (EXAMPLES / "draft.en.md").read_text(encoding="utf-8")
    twice = text.replace("- Type: risk-prevention\n", "- Type: risk-prevention\n- Diagnosis: TODO\n")
    data = issues(_copy(tmp_path, twice))
    placeholders = [i for i in data if i["check_name"] == "H002" and "TODO" in i["description"]]
    assert len(placeholders) == 2
    assert placeholders[0]["fingerprint"] != placeholders[1]["fingerprint"]


def test_fingerprints_do_not_depend_on_the_message_language(tmp_path: Path) -> None:
    text = (EXAMPLES / "draft.zh.md").read_text(encoding="utf-8")
    (tmp_path / "c.md").write_text(text, encoding="utf-8")
    zh = issues(check(tmp_path / "c.md", options=Options(today=TODAY, isolated=True)))
    en = issues(check(tmp_path / "c.md", options=Options(today=TODAY, isolated=True, lang="en")))
    assert [i["fingerprint"] for i in zh] == [i["fingerprint"] for i in en]
    assert [i["description"] for i in zh] != [i["description"] for i in en]
