"""The ``concise`` format: one finding a line, then a summary that counts the files with findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report_support import TODAY, check, render
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.options import Options
from vplint.lint.result import FileResult, Result
from vplint.report import concise, full, github

# every character str.splitlines() breaks a line at, and so do editors, terminals and log viewers
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# the problem matcher docs/output-formats.md (and its Chinese twin) offers for the concise lines
DOC_REGEX = r"`(\^\(\.\+\):\(\\d\+\):\(\\d\+\): \(\[A-Z\]\\d\{3\}\) \(\.\*\)\$)`"


def _error(path: str, line: int = 1, text: str = "TODO") -> Diagnostic:
    return Diagnostic(path, line, 1, "H002", "H002.placeholder", Severity.ERROR, {"text": text})


def _warning(path: str) -> Diagnostic:
    return Diagnostic(path, 2, 1, "H002", "H002.placeholder", Severity.WARNING, {"text": "TBD"})


def doc_regex(name: str = "output-formats.md") -> re.Pattern[str]:
    found = re.findall(DOC_REGEX, (ROOT / "docs" / name).read_text(encoding="utf-8"))
    assert len(found) == 1, name
    return re.compile(found[0])


# --- the summary ------------------------------------------------------------------------------


def test_the_summary_counts_the_files_with_findings() -> None:
    """Regression: two errors in one of two files read 'Found 2 errors in 2 files.'"""
    result = Result(files=[FileResult("a.md", [_error("a.md", 1), _error("a.md", 2)]), FileResult("b.md")])
    assert concise.summary(result, "en") == "Found 2 errors in 1 file (2 files checked)."
    assert concise.summary(result, "zh") == "在 1 个文件中发现 2 个错误（共检查了 2 个文件）。"


def test_the_checked_count_is_left_out_when_every_file_has_findings() -> None:
    result = Result(files=[FileResult("a.md", [_error("a.md")]), FileResult("b.md", [_warning("b.md")])])
    assert concise.summary(result, "en") == "Found 1 error, 1 warning in 2 files."
    assert concise.summary(result, "zh") == "在 2 个文件中发现 1 个错误、1 个警告。"
    one = Result(files=[FileResult("a.md", [_error("a.md"), _error("a.md", 2)])])
    assert concise.summary(one, "en") == "Found 2 errors in 1 file."


def test_an_unreadable_file_is_a_file_with_findings() -> None:
    result = Result(
        files=[FileResult("a.md", [_error("a.md")]), FileResult("gone.md", error="No such file"), FileResult("c.md")]
    )
    assert concise.summary(result, "en") == "Found 1 error, 1 file not read in 2 files (3 files checked)."


def test_all_clean_counts_the_files_checked() -> None:
    result = Result(files=[FileResult("a.md"), FileResult("b.md"), FileResult("c.md")])
    assert concise.summary(result, "en") == "All clean: 3 files checked, no problems."
    assert concise.summary(result, "zh") == "全部通过：检查了 3 个文件，没有发现问题。"


def test_the_summary_of_a_real_run(tmp_path: Path, en_text: str, zh_text: str) -> None:
    bad = en_text.replace("Type: problem-solving", "Type: problem-solvin").replace("## Needs", "## Needs\n\nTODO x\n")
    # another canvas, not a duplicate of good.en.md (X001, X002)
    bad = bad.replace("id: acme-cfo\n", "id: globex-cfo\n").replace("account: ACME Manufacturing", "account: Globex")
    (tmp_path / "bad.md").write_text(bad, encoding="utf-8")
    (tmp_path / "good.en.md").write_text(en_text, encoding="utf-8")
    (tmp_path / "good.zh.md").write_text(zh_text, encoding="utf-8")
    result = check(tmp_path, options=Options(today=TODAY, isolated=True))
    assert [Path(f.path).name for f in result.files if f.diagnostics] == ["bad.md"]
    out, _ = render("concise", result, "en")
    assert out.splitlines()[-1] == "Found 1 error, 1 warning in 1 file (3 files checked)."
    full_out, _ = render("full", result, "zh")
    assert full_out.splitlines()[-1] == "在 1 个文件中发现 1 个错误、1 个警告（共检查了 3 个文件）。"


# --- one finding, one line --------------------------------------------------------------------


def test_the_line_breaks_are_all_the_line_breaks() -> None:
    breaks = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) > 1}
    assert breaks == set(LINE_BREAKS)


@pytest.mark.parametrize("brk", [*LINE_BREAKS, "\r\n"])
def test_a_line_break_in_a_message_stays_on_the_line(brk: str) -> None:
    d = _error(f"a{brk}b.md", 3, f"x{brk}y")
    result = Result(files=[FileResult(d.path, [d])])
    out, _ = render("concise", result)
    lines = out.splitlines()
    assert len(lines) == 2, lines  # the finding, the summary
    assert doc_regex().fullmatch(lines[0]), lines[0]
    escaped = brk.encode("unicode_escape").decode("ascii")  # \n, \x85, \u2028 ...
    assert lines[0].startswith(f"a{escaped}b.md:3:1: H002 placeholder 'x{escaped}y' ")
    # full's header and github's message are the same line
    assert full.format_finding(d, None) == lines[0]
    annotation = github.annotation(d, concise.printable(d.path))
    assert annotation.splitlines() == [annotation]
    assert annotation.endswith("::" + github.escape_data(lines[0]))


def test_a_yaml_value_with_newlines_stays_on_one_line(tmp_path: Path, en_text: str) -> None:
    """A quoted front-matter value the message quotes: YAML's escapes make real line breaks of it."""
    assert "  buying_role: finance\n" in en_text
    text = en_text.replace("  buying_role: finance\n", '  buying_role: "fin\\nan\\rce\\u2028x\\x85y\\u2029"\n')
    (tmp_path / "c.md").write_text(text, encoding="utf-8")
    result = check(tmp_path / "c.md")
    (d,) = [d for d in result.diagnostics if d.line == 7]
    assert "\n" in d.message  # the finding quotes the value as it was read
    out, _ = render("concise", result)
    lines = out.splitlines()
    assert len(lines) == len(result.diagnostics) + 1
    regex = doc_regex()
    for line in lines[:-1]:
        assert regex.fullmatch(line), line
    (line,) = [line for line in lines if ":7:" in line]
    assert "'fin\\nan\\rce\\u2028x\\x85y\\u2029'" in line


@pytest.mark.parametrize("name", ["output-formats.md", "output-formats.zh.md"])
def test_both_docs_give_the_same_problem_matcher(name: str) -> None:
    assert doc_regex(name).pattern == r"^(.+):(\d+):(\d+): ([A-Z]\d{3}) (.*)$"
