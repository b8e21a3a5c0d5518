"""``vplint check --add-suppressions``: adopt vplint on existing canvases, then see only new findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.integration.test_cli_stdin import _defective
from vplint.cli.main import main
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.adopt import add_suppressions


def check(*args: str) -> int:
    return main(["check", *args, "--isolated", "--no-cache", "--output-format", "concise", "--today", "2026-12-06"])


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Canvases with findings of many kinds, in the body and in the front-matter, LF and CRLF, with a BOM."""
    _defective(tmp_path / "set")
    sample = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    stale = sample.replace("updated: 2026-11-20", "updated: 2024-01-01").replace("- Type: problem-solving", "- Type: x")
    (tmp_path / "set" / "stale.en.md").write_text(stale, encoding="utf-8")
    (tmp_path / "set" / "crlf.en.md").write_bytes(b"\xef\xbb\xbf" + stale.replace("\n", "\r\n").encode())
    (tmp_path / "set" / "empty.md").write_text("", encoding="utf-8")  # F001: cannot be suppressed
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_after_adopting_only_new_findings_show(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check("set") == 1
    before = capsys.readouterr().out
    assert " S002 " in before
    assert " H001 " in before  # a front-matter finding
    assert check("set", "--add-suppressions") == 1  # the empty file's F001 remains
    out = capsys.readouterr().out
    assert [line.split(" ")[1] for line in out.splitlines() if line.startswith("set/")] == ["F001"]
    assert "Suppressed " in out
    crlf = (repo / "set" / "crlf.en.md").read_bytes()
    assert crlf.startswith(b"\xef\xbb\xbf---\r\n# vplint: disable=H001\r\n")
    assert b"\r\n<!-- vplint-disable-next-line S002 -->\r\n- Type: x\r\n" in crlf
    assert b"\n" not in crlf.replace(b"\r\n", b"")
    # a new finding shows; the suppressed ones stay quiet
    text = (repo / "set" / "stale.en.md").read_text(encoding="utf-8")
    (repo / "set" / "stale.en.md").write_text(text.replace("- Solves: P1", "- Solves: P7", 1), encoding="utf-8")
    assert check("set") == 1
    out = capsys.readouterr().out
    assert sorted(line.split(" ")[1] for line in out.splitlines() if line.startswith("set/")) == ["C005", "F001"]


def test_adopting_twice_adds_nothing_the_second_time(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "set" / "empty.md").unlink()
    assert check("set", "--add-suppressions") == 0
    capsys.readouterr()
    texts = {p: p.read_bytes() for p in (repo / "set").iterdir()}
    assert check("set", "--add-suppressions") == 0
    assert {p: p.read_bytes() for p in (repo / "set").iterdir()} == texts


def _finding(line: int, code: str) -> Diagnostic:
    return Diagnostic("c.md", line, 1, code, "x", Severity.ERROR, {})


def test_comments_merge_with_the_ones_already_there() -> None:
    text = "---\nid: c\n# vplint: disable=P005\n---\n\n## Problems\n<!-- vplint-disable-next-line P001 -->\n### P1 x\n"
    added = add_suppressions(text, [_finding(8, "S002"), _finding(2, "H001"), _finding(8, "P003"), _finding(3, "F002")])
    assert added.text == (
        "---\nid: c\n# vplint: disable=H001,P005\n---\n\n## Problems\n"
        "<!-- vplint-disable-next-line P001 P003 S002 -->\n### P1 x\n"
    )
    assert added.suppressed == 3
    bare = add_suppressions("---\n# vplint: disable\n---\nx\n", [_finding(2, "H001")])
    assert bare.text == "---\n# vplint: disable\n---\nx\n"  # a bare disable already covers every code


def test_an_indented_line_gets_an_indented_comment() -> None:
    text = "---\nid: c\n---\n## Needs\n### N1 x\n- Solves: P1\n  - nested: y\n"
    assert add_suppressions(text, [_finding(7, "S002")]).text == (
        "---\nid: c\n---\n## Needs\n### N1 x\n- Solves: P1\n  <!-- vplint-disable-next-line S002 -->\n  - nested: y\n"
    )


def test_the_shipped_samples_are_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "canvases", tmp_path / "canvases")
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "canvases").iterdir()}
    assert check("canvases", "--add-suppressions") == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "canvases").iterdir()} == before
