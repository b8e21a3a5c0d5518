"""The ``github`` format: workflow commands, escaped as the Actions toolkit escapes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.report_support import EN_NAME, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.options import Options
from vplint.lint.result import FileResult, Result
from vplint.report import github

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=vplint ([A-Z]\d{3})::(.+)$")


@pytest.fixture(autouse=True)
def _workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def commands(result: Result) -> list[re.Match[str]]:
    out, _ = render("github", result)
    lines = out.splitlines()
    matches = [COMMAND.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    return [m for m in matches if m]


def test_escape_data() -> None:
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"


def test_escape_property() -> None:
    assert github.escape_property("a,b: 100%\n") == "a%2Cb%3A 100%25%0A"


def test_shipped_canvases_write_nothing() -> None:
    assert render("github", shipped()) == ("", "")


def test_levels_and_locations() -> None:
    result = drafts()
    found = commands(result)
    assert len(found) == len(result.diagnostics)
    for m, d in zip(found, result.diagnostics, strict=True):
        assert m[1] == {"error": "error", "warning": "warning", "info": "notice"}[d.severity.value]
        assert (int(m[3]), int(m[4]), m[5]) == (d.line, d.column, d.code)
        assert m[6].endswith(github.escape_data(d.message))
    assert {m[1] for m in found} == {"error", "warning", "notice"}


def test_file_names_and_messages_are_escaped(
    tmp_path: Path, en_text: str, zh_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    monkeypatch.chdir(tmp_path)
    result = check(folder / EN_NAME, folder / ZH_NAME, options=Options(today=TODAY))
    lines = render("github", result)[0].splitlines()
    assert lines[0].startswith(
        "::error file=t/bad%2C en%3A 1.md,line=33,col=9,title=vplint S002::t/bad, en: 1.md:33:9: S002 "
    )
    assert any(line.startswith(f"::error file=t/{ZH_NAME},") for line in lines)
    d = Diagnostic("a.md", 1, 1, "H002", "H002.placeholder", Severity.WARNING, {"text": "50%\nx\ry"})
    line = github.annotation(d, "a.md")
    assert "\n" not in line
    assert "\r" not in line
    # a newline from the input is shown as an escape, not as a line break in the annotation
    assert line.endswith("50%25\\nx\\ry' left in; replace it with what you know, or remove it")


def test_paths_relative_to_the_workspace(tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text(en_text.replace("Type: problem-solving", "Type: x"), encoding="utf-8")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    (m,) = commands(check(tmp_path / "sub" / "c.md"))
    assert m[2] == "sub/c.md"
    assert m[6].startswith("sub/c.md:33:9: S002 ")


def test_errors_about_paths_go_to_stderr(tmp_path: Path) -> None:
    result = Result(files=[FileResult(str(tmp_path / "gone.md"), error="No such file")], missing=["nowhere.md"])
    out, err = render("github", result)
    assert out == ""
    assert "gone.md" in err
    assert "nowhere.md" in err
