"""Autofix: what --fix writes, what --diff shows, and what is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vplint.diagnostics import Edit
from vplint.lint.fix import fixed_text


def vplint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args, "--today", "2026-11-27"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


MESSY_EN = {
    "- Kind: window-of-opportunity": "- Kind: Window of Opportunity",
    "- Diagnosis: before-after - invoices": "- Diagnosis：Before-After——invoices",
    "- Solves: P3": "- Solves: P3, P1",
    "## Problems": "## Business problems",
}
CLEAN_EN = {
    "- Kind: window-of-opportunity": "- Kind: window",
    "- Diagnosis: before-after - invoices": "- Diagnosis: before-after - invoices",
    "- Solves: P3": "- Solves: P1, P3",
    "## Problems": "## Problems",
    "- Trigger: more-important-or-urgent": "- Trigger: higher-priority",
    "- Empathize:": "- Empathise:",
}


def _apply(text: str, changes: dict[str, str]) -> str:
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    return text


def test_fix_normalises_and_is_idempotent(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    proc = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Fixed 8 findings in 1 file." in proc.stdout
    assert path.read_text(encoding="utf-8") == _apply(en_text, CLEAN_EN)
    before = path.read_bytes()
    again = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert again.returncode == 0
    assert "Fixed" not in again.stdout
    assert path.read_bytes() == before


def test_fix_in_chinese_uses_chinese_spellings(tmp_path: Path, zh_text: str) -> None:
    path = tmp_path / "c.md"
    messy = zh_text.replace("类型：机会窗口", "类型: window").replace("诊断：前后对比 ——", "诊断：前后比较 - ")
    path.write_text(messy, encoding="utf-8")
    assert vplint("check", "--fix", "c.md", cwd=tmp_path).returncode == 0
    fixed = path.read_text(encoding="utf-8")
    assert "- 类型：机会窗口" in fixed
    assert "- 诊断：前后对比 —— 2025年" in fixed
    assert "服务于：客户/老客户关系维护" in fixed


def test_diff_shows_and_writes_nothing(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    before = path.read_bytes()
    proc = vplint("check", "--diff", "c.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "-- Kind: Window of Opportunity" in proc.stdout
    assert "+- Kind: window" in proc.stdout
    assert path.read_bytes() == before


def test_findings_are_marked_fixable(tmp_path: Path, en_text: str) -> None:
    (tmp_path / "c.md").write_text(en_text, encoding="utf-8")
    proc = vplint("check", "--extend-select", "Y001", "c.md", cwd=tmp_path)
    assert "c.md:52:9: Y001 [*] write 'window' instead of 'window-of-opportunity'" in proc.stdout
    assert "3 fixable with 'vplint check --fix'" in proc.stdout


def test_crlf_and_bom_are_kept(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_bytes(b"\xef\xbb\xbf" + en_text.replace("\n", "\r\n").encode())
    assert vplint("check", "--fix", "c.md", cwd=tmp_path).returncode == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"- Kind: window\r\n" in data
    assert data.count(b"\r\n") == en_text.count("\n")


def test_unparseable_file_is_never_rewritten(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    broken = en_text.replace("offering: differentiated", "offering: [unclosed")
    path.write_text(broken, encoding="utf-8")
    proc = vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert "F003" in proc.stdout
    assert path.read_text(encoding="utf-8") == broken


def test_symlink_is_not_replaced(tmp_path: Path, en_text: str) -> None:
    target = tmp_path / "real.md"
    target.write_text(en_text, encoding="utf-8")
    link = tmp_path / "link.md"
    os.symlink(target, link)
    vplint("check", "--fix", "link.md", cwd=tmp_path)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == en_text


def test_permissions_are_kept(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(en_text, encoding="utf-8")
    path.chmod(0o640)
    vplint("check", "--fix", "c.md", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") != en_text
    assert path.stat().st_mode & 0o777 == 0o640
    assert not list(tmp_path.glob(".vplint-*"))


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        ([Edit(1, 1, 4, "xyz", "abc")], "xyz def"),
        ([Edit(1, 1, 4, "xyz", "nope")], "abc def"),  # stale: skipped
        ([Edit(1, 5, 8, "DEF"), Edit(1, 1, 4, "ABC")], "ABC DEF"),
        ([Edit(1, 1, 6, "X"), Edit(1, 3, 8, "Y")], "abY"),  # overlapping: the rightmost wins, the other is skipped
        ([Edit(9, 1, 2, "x")], "abc def"),
    ],
)
def test_fixed_text(edits: list[Edit], expected: str) -> None:
    assert fixed_text("abc def", edits)[0] == expected


def test_fix_never_translates_a_canvas(tmp_path: Path, zh_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(zh_text.replace("language: zh\n", ""), encoding="utf-8")  # no language key
    proc = vplint("check", "--diff", "--lang", "en", "c.md", cwd=tmp_path)
    assert "## 业务问题" not in proc.stdout  # headings are not rewritten into English
    assert "+- Type:" not in proc.stdout


def test_fix_respects_the_selection(tmp_path: Path, en_text: str) -> None:
    path = tmp_path / "c.md"
    path.write_text(_apply(en_text, MESSY_EN), encoding="utf-8")
    proc = vplint("check", "--diff", "--select", "Y003", "c.md", cwd=tmp_path)
    changed = [line for line in proc.stdout.splitlines() if line.startswith("+- ")]
    assert changed == ["+- Solves: P1, P3"]
