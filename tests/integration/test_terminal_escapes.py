"""Nothing a format prints carries a control character, a bidi override or a raw newline from the input.

The red-team cases of issue 'Hardening, round two' (item 3): an id holding an OSC title sequence,
a screen clear and a colour; the same in a body value; U+202E; an ESC in a file name; a newline in
a file name, which split a concise line in two.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.report.terminal import BIDI, escape_bidi, terminal_text

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
HOSTILE_ID = 'id: "acme\\e]0;PWNED\\a\\e[2J\\e[31mRED"'  # YAML escapes: ESC, BEL
UNSAFE = {chr(c) for c in range(0x20) if chr(c) != "\n"} | {chr(c) for c in range(0x7F, 0xA0)} | set(BIDI)
UNSAFE |= {"\u2028", "\u2029"}
FORMATS = ("full", "concise", "github", "json", "sarif", "junit", "gitlab")


def _tree(tmp_path: Path) -> Path:
    folder = tmp_path / "canvases"
    folder.mkdir()
    (folder / "id.md").write_text(EN.replace("id: acme-cfo", HOSTILE_ID), encoding="utf-8")
    body = EN.replace("- Type: problem-solving", "- Type: problem\x1b[2J\u202esolving\u2028x", 1)
    (folder / "body.md").write_text(body, encoding="utf-8")
    (folder / "esc\x1b[31m.md").write_text(EN.replace("Type: problem-solving", "Type: nope", 1), encoding="utf-8")
    (folder / "new\nline.md").write_text(EN.replace("Type: problem-solving", "Type: nope", 1), encoding="utf-8")
    return folder


def _run(folder: Path, fmt: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VPLINT_", "CI", "PRE_COMMIT", "GITHUB_"))}
    env.update({"VPLINT_NO_CACHE": "1", "VPLINT_TODAY": "2026-11-27", "FORCE_COLOR": "", "NO_COLOR": "1"})
    return subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--isolated", "--output-format", fmt, str(folder)],
        cwd=folder.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_prints_a_control_character_or_bidi_override(tmp_path: Path, fmt: str) -> None:
    proc = _run(_tree(tmp_path), fmt)
    assert proc.returncode == 1, proc.stderr
    for stream in (proc.stdout, proc.stderr):
        found = {c for c in stream if c in UNSAFE}
        assert not found, (fmt, sorted(map(hex, map(ord, found))))
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(proc.stdout)  # still valid, and the escapes are JSON's own


def test_a_newline_in_a_file_name_does_not_split_a_concise_line(tmp_path: Path) -> None:
    proc = _run(_tree(tmp_path), "concise")
    lines = [line for line in proc.stdout.splitlines() if "line.md" in line]
    assert lines
    assert all(
        line.startswith(("canvases/new\\nline.md:", str(tmp_path))) or "new\\nline.md:" in line for line in lines
    )


def test_the_full_format_header_shows_escapes(tmp_path: Path) -> None:
    out = _run(_tree(tmp_path), "full").stdout
    assert "\\x1b]0;PWNED\\x07\\x1b[2J" in out or "\\x1b[2J" in out
    assert "\\u202e" in out


def test_terminal_text() -> None:
    assert terminal_text("plain 中文　全角") == "plain 中文　全角"
    assert terminal_text("a\x1b[2Jb\nc\td\u202ee\u2028") == "a\\x1b[2Jb\\nc\\td\\u202ee\\u2028"
    assert terminal_text("bad\udcffname") == "bad\\xffname"
    assert json.loads(escape_bidi(json.dumps("x\u202ey\x9bz", ensure_ascii=False))) == "x\u202ey\x9bz"
    assert "\u202e" not in escape_bidi(json.dumps("x\u202ey", ensure_ascii=False))
