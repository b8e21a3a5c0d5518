"""``vplint check -``: a canvas from standard input is checked exactly as the same bytes saved at its path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.integration.brief_set import write_set
from vplint.parser.document import MAX_BYTES


def vplint(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args], input=stdin, capture_output=True, cwd=cwd, check=False, timeout=120
    )


def _findings(proc: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    report = json.loads(proc.stdout)
    return [d for f in report["files"] for d in f["diagnostics"]] if "files" in report else report


def _defective(folder: Path) -> list[Path]:
    """Canvases with findings of many kinds: the varied set, each with a few defects added."""
    paths = write_set(folder)
    for i, path in enumerate(paths):
        text = path.read_text(encoding="utf-8")
        if i % 2:
            text = text.replace("- Type: ", "- Type: Problem Solving x", 1).replace("- 类型：", "- 类型：未知", 1)
        if i % 3 == 0:
            text = text.replace("- Solves: P1", "- Solves: P9", 1).replace("- 解决：P1", "- 解决：P9", 1)
        if i % 4 == 1:
            text = text.replace("## Motivators", "## Motivators\n\n### M9\n", 1)
        path.write_text(text, encoding="utf-8")
    return paths


def test_stdin_gives_the_findings_of_the_saved_file(tmp_path: Path) -> None:
    canvases = [*sorted((ROOT / "canvases").glob("*.md")), *_defective(tmp_path / "set")]
    assert len(canvases) >= 20
    different = 0
    for path in canvases:
        saved = vplint("check", str(path), "--output-format", "json", "--no-cache", "--isolated")
        piped = vplint(
            "check",
            "-",
            "--stdin-filename",
            str(path),
            "--output-format",
            "json",
            "--isolated",
            stdin=path.read_bytes(),
        )
        assert piped.returncode == saved.returncode, path.name
        assert piped.stdout == saved.stdout, path.name
        assert piped.stderr == saved.stderr, path.name
        different += saved.returncode != 0
    assert different >= 12  # the set really has findings to compare, in both languages


def test_the_configuration_is_the_one_of_the_stdin_filename_folder(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "vplint.toml").write_text('ignore = ["S002"]\n', encoding="utf-8")
    text = (
        (ROOT / "canvases" / "acme-cfo.en.md")
        .read_text(encoding="utf-8")
        .replace("- Type: problem-solving", "- Type: x")
    )
    here = vplint("check", "-", "--stdin-filename", str(team / "c.md"), stdin=text.encode(), cwd=tmp_path)
    elsewhere = vplint("check", "-", "--stdin-filename", str(tmp_path / "c.md"), stdin=text.encode(), cwd=tmp_path)
    assert here.returncode == 0, here.stdout
    assert elsewhere.returncode == 1
    assert f"{tmp_path / 'c.md'}:33:9: S002" in elsewhere.stdout.decode()


def test_without_a_filename_the_findings_name_standard_input() -> None:
    text = (ROOT / "canvases" / "acme-cfo.en.md").read_bytes().replace(b"- Type: problem-solving", b"- Type: x")
    proc = vplint("check", "-", "--output-format", "concise", stdin=text)
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("-:33:9: S002 ")


@pytest.mark.parametrize("others", [["-", "canvases/acme-cfo.en.md"], ["-", "-"]])
def test_standard_input_is_checked_alone(others: list[str]) -> None:
    proc = vplint("check", *others, stdin=b"")
    assert proc.returncode == 2
    assert (
        proc.stderr.decode() == "vplint: error: '-' reads one canvas from standard input: give no other path with it\n"
    )


def test_fix_writes_the_fixed_text_to_stdout_and_what_remains_to_stderr() -> None:
    original = (ROOT / "canvases" / "acme-cfo.en.md").read_bytes()
    messy = original.replace(b"- Type: problem-solving", b"- Type: Problem Solving")
    proc = vplint("check", "-", "--fix", "--stdin-filename", "canvases/acme-cfo.en.md", stdin=messy)
    assert proc.returncode == 0, proc.stderr
    assert b"- Type: problem-solving\n" in proc.stdout
    assert b"Problem Solving" not in proc.stdout
    assert proc.stderr.decode().startswith("All clean")
    # the same fix as --fix on the saved file
    again = vplint("check", "-", "--fix", "--stdin-filename", "canvases/acme-cfo.en.md", stdin=proc.stdout)
    assert again.stdout == proc.stdout


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xff\xfe not utf-8 \x00\x00 at all", id="not-text"),
        pytest.param(b"---\nid: [unclosed\n", id="broken-yaml"),
        pytest.param(b"", id="empty"),
        pytest.param(b"---\nid: x\n---\n" + b"- item\n" * (MAX_BYTES // 7 + 10), id="too-large"),
    ],
)
def test_fix_never_loses_the_text_it_cannot_fix(data: bytes) -> None:
    proc = vplint("check", "-", "--fix", stdin=data)
    assert proc.stdout == data
    assert b"Traceback" not in proc.stderr
    assert proc.returncode in (0, 1)


def test_diff_of_standard_input_applies_to_the_saved_file(tmp_path: Path) -> None:
    original = (ROOT / "canvases" / "acme-cfo.en.md").read_bytes()
    messy = original.replace(b"- Type: problem-solving", b"- Type: Problem Solving")
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "c.md").write_bytes(messy)
    proc = vplint("check", "-", "--diff", "--stdin-filename", "canvases/c.md", stdin=messy, cwd=tmp_path)
    assert proc.returncode == 1
    saved = vplint("check", "canvases/c.md", "--diff", "--no-cache", cwd=tmp_path)
    assert proc.stdout == saved.stdout
    assert proc.stdout.startswith(b"--- a/canvases/c.md\n+++ b/canvases/c.md\n")
