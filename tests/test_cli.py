"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vplint.cli import main

from .conftest import ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_check_defaults_to_canvases() -> None:
    proc = run("check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "All clean: 2 files checked, no problems."


def test_check_findings_exit_1_with_concise_lines(tmp_path: Path, en_text: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:21:9: S002 'problem-solvin' is not a known problem type")
    assert lines[-1] == "Found 1 error in 1 file."


def test_check_in_chinese(tmp_path: Path, zh_text: str) -> None:
    bad = tmp_path / "画布.md"
    bad.write_text(zh_text.replace("类型：问题解决型", "类型：问题解决形"), encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 1
    assert "不是已知的问题类型" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "在 1 个文件中发现 1 个错误。"
    proc_en = run("check", "--lang", "en", str(bad))
    assert "is not a known problem type" in proc_en.stdout


def test_missing_path_exits_2(tmp_path: Path) -> None:
    proc = run("check", str(tmp_path / "nope.md"))
    assert proc.returncode == 2
    assert "nope.md" in proc.stderr
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_directory_walk_skips_readme_and_hidden(tmp_path: Path, en_text: str) -> None:
    (tmp_path / "README.md").write_text("# not a canvas\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.md").write_text("junk")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(en_text, encoding="utf-8")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 0, proc.stdout
    assert "1 file checked" in proc.stdout


def test_export_prints_the_model() -> None:
    proc = run("export", "canvases/acme-cfo.en.md")
    assert proc.returncode == 0
    model = json.loads(proc.stdout)
    assert model["id"] == "acme-cfo"
    assert model["problems"][0]["type"] == "problem-solving"


def test_export_of_broken_file_is_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "b.md"
    bad.write_bytes(b"\xff\xfe\x00\x00junk")
    proc = run("export", str(bad))
    assert proc.returncode == 1
    assert "F006" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_version_and_module_entry_point() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("vplint ")


def test_main_returns_int(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "canvases")]) == 0
    assert "All clean" in capsys.readouterr().out
    assert main([]) == 2
