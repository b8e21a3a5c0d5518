"""The ``json`` format: the documented, stable shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import vplint
from tests.conftest import ROOT
from tests.report_support import EN_NAME, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.diagnostics import Severity
from vplint.lint.options import Options
from vplint.lint.result import Result
from vplint.report.common import rule_name

TOP_KEYS = ["version", "files", "summary", "findings", "unreadable", "missing"]
SUMMARY_KEYS = ["error", "warning", "info", "fixable", "unreadable", "missing"]
FINDING_KEYS = [
    "path",
    "line",
    "column",
    "code",
    "name",
    "severity",
    "message",
    "message_id",
    "args",
    "lang",
    "fixable",
    "fix",
]
EDIT_KEYS = ["line", "column", "end_column", "old", "new"]


def report(result: Result, lang: str | None = None) -> dict[str, Any]:
    out, _ = render("json", result, lang)
    assert out.endswith("}\n")
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def assert_shape(data: dict[str, Any], result: Result) -> None:
    assert list(data) == TOP_KEYS
    assert data["version"] == vplint.__version__
    assert data["files"] == len(result.files)
    assert list(data["summary"]) == SUMMARY_KEYS
    for sev in Severity:
        assert data["summary"][sev.value] == result.count(sev)
    assert data["summary"]["fixable"] == sum(1 for f in data["findings"] if f["fixable"])
    assert data["summary"]["unreadable"] == len(data["unreadable"])
    assert data["summary"]["missing"] == len(data["missing"])
    assert len(data["findings"]) == len(result.diagnostics)
    for f, d in zip(data["findings"], result.diagnostics, strict=True):
        assert list(f) == FINDING_KEYS
        assert (f["path"], f["line"], f["column"], f["code"]) == (d.path, d.line, d.column, d.code)
        assert f["name"] == rule_name(d.code) != ""
        assert f["severity"] in ("error", "warning", "info")
        assert f["message"] == d.message
        assert isinstance(f["args"], dict)
        assert all(isinstance(v, str) for v in f["args"].values())
        assert f["lang"] in ("en", "zh")
        if f["fixable"]:
            assert f["fix"]["edits"]
            for e in f["fix"]["edits"]:
                assert list(e) == EDIT_KEYS
                assert e["line"] >= 1
                assert e["end_column"] >= e["column"] >= 1
        else:
            assert f["fix"] is None


def test_shipped_canvases_are_clean() -> None:
    result = shipped()
    data = report(result)
    assert_shape(data, result)
    assert data["files"] == 2
    assert data["findings"] == []
    assert data["unreadable"] == []
    assert data["missing"] == []
    assert set(data["summary"].values()) == {0}


def test_broken_canvases(tmp_path: Path, en_text: str, zh_text: str) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    result = check(folder, tmp_path / "nowhere", options=Options(today=TODAY, extend_select=("Y",)))
    data = report(result)
    assert_shape(data, result)
    assert data["summary"]["error"] > 0
    assert data["summary"]["warning"] > 0
    assert data["summary"]["fixable"] > 0
    assert [u["path"] for u in data["unreadable"]] == [str(folder / "gone.md")]
    assert [m["path"] for m in data["missing"]] == [str(tmp_path / "nowhere")]
    assert all(m["message"] for m in data["unreadable"] + data["missing"])
    paths = {f["path"] for f in data["findings"]}
    assert str(folder / EN_NAME) in paths
    assert str(folder / ZH_NAME) in paths
    typo = next(f for f in data["findings"] if f["code"] == "S002" and f["lang"] == "en")
    assert typo["args"]["value"] == "problem-solvin"
    window = next(f for f in data["findings"] if f["code"] == "Y001" and "window" in f["message"])
    assert window["fix"]["edits"] == [
        {"line": window["line"], "column": 9, "end_column": 30, "old": "window-of-opportunity", "new": "window"}
    ]


def test_text_is_written_as_is() -> None:
    out, _ = render("json", drafts())
    assert "未" in out or "没有" in out
    assert "\\u" not in out  # ensure_ascii=False: Chinese is written as Chinese


def test_drafts_in_their_own_languages() -> None:
    result = drafts()
    data = report(result)
    assert_shape(data, result)
    langs = {f["path"].rsplit("/", 1)[-1]: f["lang"] for f in data["findings"]}
    assert langs == {"draft.en.md": "en", "draft.zh.md": "zh"}
    assert {f["lang"] for f in report(result, "zh")["findings"]} == {"en", "zh"}  # lang= sets only added text


def test_output_is_deterministic() -> None:
    assert render("json", drafts())[0] == render("json", drafts())[0]


def test_the_documented_example_has_the_real_shape() -> None:
    for name in ("output-formats.md", "output-formats.zh.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        match = re.search(r"```json\n(\{\n  \"version\".*?)\n```", text, re.S)
        assert match, f"docs/{name} has no JSON report example"
        example = json.loads(match.group(1))
        assert list(example) == TOP_KEYS
        assert list(example["summary"]) == SUMMARY_KEYS
        assert example["findings"], "the example shows a finding"
        for f in example["findings"]:
            assert list(f) == FINDING_KEYS
            if f["fix"] is not None:
                assert all(list(e) == EDIT_KEYS for e in f["fix"]["edits"])
