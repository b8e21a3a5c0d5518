"""The ``full`` format: source lines, carets that line up under Chinese text, colour only on a terminal."""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.report_support import (
    CLI_PINNED,
    EN_NAME,
    EXAMPLES,
    OPTIONS,
    TODAY,
    ZH_NAME,
    broken_tree,
    check,
    drafts,
    render,
    shipped,
)
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.lint.result import Result
from vplint.report import concise, full

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HEADER = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3})(?: \[\*\])? .+$")


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour unless a test asks for it, whatever the shell or CI sets."""
    for var in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)


def width(text: str) -> int:
    """Terminal columns, counted independently of the reporter: W and F characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def blocks(output: str) -> list[list[str]]:
    """The findings of a full report, each as its lines (the summary left out)."""
    chunks = output.rstrip("\n").split("\n\n")
    return [chunk.split("\n") for chunk in chunks[:-1]]


# --- the caret ------------------------------------------------------------------------------


def test_caret_under_an_ascii_column() -> None:
    shown, carets = full.caret_line("- Type: problem-solvin", 9)
    assert shown == "- Type: problem-solvin"
    assert carets == " " * 8 + "^"


def test_caret_under_a_chinese_character_covers_both_columns() -> None:
    # column 13 is '业': 12 one-column characters before it
    assert full.caret_line("  function: 业务部门", 13)[1] == " " * 12 + "^^"
    # column 6 is '问'; before it '- ' (2), '类型' (4) and the full-width colon (2)
    assert full.caret_line("- 类型：问题解决形", 6)[1] == " " * 8 + "^^"


def test_caret_after_chinese_text_counts_display_columns() -> None:
    line = "- 服务于：客户/老客户维护"
    column = line.index("老") + 1
    assert full.caret_line(line, column, span=5)[1] == " " * width(line[: column - 1]) + "^" * 10


def test_tab_control_and_combining_characters() -> None:
    shown, carets = full.caret_line("\tx\x1b[31m", 2)
    assert "\x1b" not in shown
    assert "\t" not in shown
    assert shown.startswith(full.TAB + "x")
    assert carets == " " * len(full.TAB) + "^"
    # a combining accent takes no column of its own
    assert full.caret_line("e\u0301x", 3)[1] == " ^"


def test_caret_past_the_end_of_the_line() -> None:
    assert full.caret_line("ab", 9)[1] == "  ^"
    assert full.caret_line("", 1) == ("", "^")


def test_every_caret_of_a_chinese_canvas_lines_up(tmp_path: Path, en_text: str, zh_text: str) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    result = check(folder / ZH_NAME, EXAMPLES / "draft.zh.md", options=Options(today=TODAY, extend_select=("Y",)))
    out, _ = render("full", result)
    found = blocks(out)
    assert len(found) == len(result.diagnostics) > 3
    for lines, d in zip(found, result.diagnostics, strict=True):
        assert lines[0] == concise.format_line(d)
        source, pointer = lines[2], lines[3]
        gutter = len(str(d.line)) + 3  # "21 | "
        assert source[:gutter] == f"{d.line} | "
        text = source[gutter:]
        pad = len(pointer) - len(pointer[gutter:].lstrip(" ")) - gutter
        assert pad == width(text[: d.column - 1]), (lines, d)
        carets = pointer[gutter + pad :]
        assert set(carets) == {"^"}
        if not d.fix:
            assert len(carets) == width(text[d.column - 1])


# --- the report -----------------------------------------------------------------------------


def test_shipped_canvases_print_only_the_summary() -> None:
    out, err = render("full", shipped())
    assert out == "All clean: 2 files checked, no problems.\n"
    assert err == ""


def test_broken_canvases(tmp_path: Path, en_text: str, zh_text: str) -> None:
    result = check(broken_tree(tmp_path / "t", en_text, zh_text), options=Options(today=TODAY, extend_select=("Y",)))
    out, err = render("full", result)
    found = blocks(out)
    assert len(found) == len(result.diagnostics)
    for lines in found:
        match = HEADER.match(lines[0])
        assert match, lines[0]
        number = match["line"]
        assert lines[1] == lines[4] == " " * (len(number) + 1) + "|"
        assert lines[2].startswith(f"{number} |")
        assert lines[3].startswith(" " * (len(number) + 1) + "| ")
        assert lines[3].rstrip().endswith("^")
    assert out.rstrip("\n").split("\n")[-2:] == [
        concise.summary(result, "en"),
        "4 fixable with 'vplint check --fix' (marked [*]).",
    ]
    assert any("[*]" in lines[0] for lines in found)
    assert "gone.md" in err
    assert "cannot read" not in out
    assert EN_NAME in out
    assert ZH_NAME in out


def test_draft_canvases_in_their_own_languages() -> None:
    result = drafts()
    out, _ = render("full", result)
    found = blocks(out)
    assert len(found) == len(result.diagnostics)
    zh = [lines for lines in found if "draft.zh.md" in lines[0]]
    assert zh
    assert all(re.search(r"[\u4e00-\u9fff]", lines[0]) for lines in zh)


def test_a_finding_without_a_source_line_has_only_its_header() -> None:
    res = lint_text(b"\xff\xfe\x00\x00junk", "utf32.md", options=OPTIONS)
    assert [d.code for d in res.diagnostics] == ["F006"]
    assert full.format_finding(res.diagnostics[0], None, color=False) == concise.format_line(res.diagnostics[0])


# --- colour ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # no-color.org: an empty NO_COLOR does not count
        (False, {"FORCE_COLOR": "1"}, True),
        (True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        (True, {"TERM": "dumb"}, False),
    ],
)
def test_use_color(tty: bool, env: dict[str, str], expected: bool) -> None:
    assert full.use_color(FakeStream(tty), env) is expected


def test_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, en_text: str) -> None:
    for var in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(var, raising=False)
    res = lint_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), "c.md", options=OPTIONS)
    result = Result(files=[res])
    tty = FakeStream(True)
    full.write(result, tty, io.StringIO())
    colored = tty.getvalue()
    assert "\x1b[" in colored
    assert "\x1b[1;31mS002\x1b[0m" in colored  # an error's code in red
    assert ANSI.sub("", colored) == render("full", result)[0]
    pipe = FakeStream(False)
    full.write(result, pipe, io.StringIO())
    assert "\x1b" not in pipe.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    tty = FakeStream(True)
    full.write(result, tty, io.StringIO())
    assert "\x1b" not in tty.getvalue()


def test_severity_colours() -> None:
    res = lint_text((EXAMPLES / "draft.en.md").read_text(encoding="utf-8"), "d.md", options=OPTIONS)
    by_severity = {d.severity: d for d in res.diagnostics}
    assert set(by_severity) == set(Severity)

    def shown(d: Diagnostic) -> str:
        return full.format_finding(d, res.source_line(d.line), color=True)

    assert "\x1b[1;31m" in shown(by_severity[Severity.ERROR])
    assert "\x1b[1;33m" in shown(by_severity[Severity.WARNING])
    assert "\x1b[1;34m" + by_severity[Severity.INFO].code in shown(by_severity[Severity.INFO])


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(
    ("env", "fmt", "color"),
    [({}, "full", True), ({"NO_COLOR": "1"}, "full", False), ({"PRE_COMMIT": "1"}, "concise", False)],
)
def test_default_on_a_terminal(env: dict[str, str], fmt: str, color: bool) -> None:
    import pty
    import subprocess

    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI", "PRE_COMMIT")}
    environ.update({"TERM": "xterm", "VPLINT_OUTPUT_FORMAT": "", **env})
    main, child = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "vplint", "check", *CLI_PINNED, "examples/draft.en.md"],
            cwd=ROOT,
            stdout=child,
            stderr=subprocess.PIPE,
            env=environ,
            timeout=120,
            check=False,
        )
        os.close(child)
        child = -1
        data = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            data += chunk
    finally:
        os.close(main)
        if child != -1:
            os.close(child)
    assert proc.returncode == 1
    text = data.decode("utf-8").replace("\r\n", "\n")
    assert ("\x1b[" in text) is color
    plain = ANSI.sub("", text)
    assert ("\n   |" in plain) is (fmt == "full")
    assert plain.splitlines()[-1].startswith("Found ")
