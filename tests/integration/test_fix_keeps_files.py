"""`vplint check --fix` never changes what a file is beyond its text: its links, owner and group stay.

A fix replaces the file by a new one in one step (so a crash leaves the old file whole).  A new
file cannot be another name of a hard-linked file, nor keep the owner of a file that belongs to
someone else unless vplint runs as root: such a file is left alone with a message, exit code 2.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vplint.cli.main import main


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VPLINT_TODAY", "2026-11-27")
    monkeypatch.setenv("VPLINT_NO_CACHE", "1")


def _fixable(en_text: str) -> str:
    fixable = en_text.replace("- Type: problem-solving", "- Type: Problem Solving", 1)
    assert fixable != en_text
    return fixable


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_fix_leaves_a_hard_linked_file_alone(
    lang: str, tmp_path: Path, en_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The message is in the file's language (here set with --lang) and names the file."""
    canvas, other = tmp_path / "c.md", tmp_path / "elsewhere.md"
    canvas.write_text(_fixable(en_text), encoding="utf-8")
    try:
        os.link(canvas, other)
    except OSError:
        pytest.skip("no hard links on this file system")
    before = canvas.read_bytes()
    assert main(["check", "--isolated", "--fix", "--lang", lang, "c.md"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "c.md" in err
    assert ("2 hard links" if lang == "en" else "2 个硬链接") in err
    assert canvas.read_bytes() == other.read_bytes() == before
    assert os.stat(canvas).st_ino == os.stat(other).st_ino
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".vplint-")] == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_fix_as_root_keeps_the_owner_of_a_users_file(tmp_path: Path, en_text: str) -> None:
    """root fixing a rep's file (a CI job, a shared server) must not make the file root's."""
    canvas = tmp_path / "c.md"
    canvas.write_text(_fixable(en_text), encoding="utf-8")
    os.chown(canvas, 12345, 23456)
    assert main(["check", "--isolated", "--fix", "c.md"]) in (0, 1)
    st = os.stat(canvas)
    assert (st.st_uid, st.st_gid) == (12345, 23456)
    assert "Problem Solving" not in canvas.read_text(encoding="utf-8")
