"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.cli.main import main


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
    assert lines[0].startswith(f"{bad}:33:9: S002 'problem-solvin' is not a known problem type")
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


# --- start-up: what a command imports (the time budgets are in benchmarks/, not here) -----------


def _modules_after(code: str) -> set[str]:
    """Modules imported by ``code`` beyond those a bare interpreter has (site, .pth files)."""
    script = f"import sys; base = set(sys.modules); {code}; print(' '.join(sorted(set(sys.modules) - base)))"
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.splitlines()[-1].split()) if proc.stdout.strip() else set()


def test_version_imports_next_to_nothing() -> None:
    added = _modules_after("from vplint.cli.main import main; main(['--version'])")
    assert not added & {"argparse", "typing", "collections.abc", "re", "dataclasses"}, added


def test_checking_a_canvas_leaves_heavy_modules_alone() -> None:
    """jsonschema and Jinja are for tests and briefs; shutil (zlib, bz2, lzma), OpenSSL's hashlib
    binding and tempfile cost milliseconds at every commit and are not needed to check."""
    added = _modules_after("from vplint.cli.main import main; main(['check', '--no-cache', 'canvases'])")
    assert "vplint.lint.pipeline" in added
    assert not added & {"jsonschema", "jinja2", "markupsafe", "shutil", "_hashlib", "tempfile"}, added
    other_commands = {f"vplint.cli.{name}" for name in ("brief", "explain", "export", "init", "new", "rules", "schema")}
    assert not added & other_commands, added


def test_one_command_configured_reads_like_all_of_them(capsys: pytest.CaptureFixture[str]) -> None:
    """vplint configures only the command it runs; its help and the command list stay the same."""
    from vplint.cli.commands import COMMANDS
    from vplint.cli.main import _parser

    def help_of(parser: object, *argv: str) -> str:
        with pytest.raises(SystemExit) as exc:
            parser.parse_args([*argv, "--help"])  # type: ignore[attr-defined]
        assert exc.value.code == 0
        return capsys.readouterr().out

    full = _parser()
    assert help_of(_parser("check")) == help_of(full)
    for name, _ in COMMANDS:
        assert help_of(_parser(name), name) == help_of(full, name), name
    args = _parser("check").parse_args(["check", "--no-cache", "--jobs", "1", "canvases"])
    assert args.run is full.parse_args(["check", "canvases"]).run
    assert (args.no_cache, args.jobs, args.paths) == (True, 1, ["canvases"])


def test_help_wraps_to_the_terminal_width() -> None:
    narrow = subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "COLUMNS": "50"},
    )
    assert narrow.returncode == 0
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 50


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["check", "--bogus"], "usage: vplint check "),
        (["brief", "-o", "out", "--bogus"], "usage: vplint brief "),
        (["export", "canvases/acme-cfo.en.md", "--bogus"], "usage: vplint export "),
        (["--bogus"], "usage: vplint [-h] [--version] COMMAND ..."),
    ],
)
def test_a_bad_option_gets_the_usage_of_its_command(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert err.rstrip().endswith("error: unrecognized arguments: --bogus")
