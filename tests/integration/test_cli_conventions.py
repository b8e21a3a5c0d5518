"""The options linters share: ``--show-files``, ``--show-settings``, ``--output-file``, ``--color``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.cli.main import main


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A team repository: a configuration, two canvases (one with a defect) and a draft that is excluded."""
    (tmp_path / "vplint.toml").write_text(
        'paths = ["canvases"]\nignore = ["P005"]\nexclude = ["canvases/drafts"]\ntoday = "2026-11-20"\n'
        '[severity]\nH001 = "error"\n',
        encoding="utf-8",
    )
    (tmp_path / "canvases" / "drafts").mkdir(parents=True)
    for sample in ("acme-cfo.en.md", "huaxin-cio.zh.md"):
        (tmp_path / "canvases" / sample).write_bytes((ROOT / "canvases" / sample).read_bytes())
    text = (tmp_path / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    (tmp_path / "canvases" / "acme-cfo.en.md").write_text(text.replace("- Type: problem-solving", "- Type: x"))
    (tmp_path / "canvases" / "drafts" / "wip.md").write_text("not yet\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VPLINT_TODAY", raising=False)
    return tmp_path


def test_show_files_lists_what_a_check_reads(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--show-files"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown == ["canvases/acme-cfo.en.md", "canvases/huaxin-cio.zh.md"]  # the draft is excluded
    assert main(["check", "--output-format", "json", "--no-cache"]) == 1
    assert json.loads(capsys.readouterr().out)["files"] == len(shown)


def test_show_files_of_a_missing_path_exits_2(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--show-files", "canvases", "nowhere"]) == 2
    said = capsys.readouterr()
    assert said.out.splitlines() == ["canvases/acme-cfo.en.md", "canvases/huaxin-cio.zh.md"]
    assert said.err == "vplint: nowhere: no such file or directory\n"


def test_show_settings_says_where_each_value_comes_from(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--show-settings", "canvases/acme-cfo.en.md", "--extend-select", "Y001"]) == 0
    out = capsys.readouterr().out
    assert "# configuration file: vplint.toml\n" in out
    assert 'ignore = ["P005"]  # vplint.toml\n' in out
    assert 'severity = { "H001" = "error" }  # vplint.toml\n' in out
    assert 'include = ["*.md", "*.markdown"]  # default\n' in out
    assert "# select is not set: the rules that are on by default run\n" in out
    assert 'extend-select = ["Y001"]  # command line (--extend-select), besides the above\n' in out
    assert 'today = "2026-11-20"  # vplint.toml\n' in out
    rules = next(line for line in out.splitlines() if line.startswith("rules-that-run = "))
    assert '"P005"' not in rules
    assert '"Y001"' in rules
    assert main(["check", "--show-settings", "x.md", "--isolated", "--today", "2027-01-02"]) == 0
    out = capsys.readouterr().out
    assert "# configuration file: none (vplint's defaults)\n" in out
    assert 'today = "2027-01-02"  # command line (--today)\n' in out


def test_output_file_holds_what_stdout_would(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "json", "--no-cache"]) == 1
    printed = capsys.readouterr().out
    assert main(["check", "--output-format", "json", "--output-file", "report.json", "--no-cache"]) == 1
    assert capsys.readouterr().out == ""
    assert (team / "report.json").read_text(encoding="utf-8") == printed
    # the replayed run (nothing changed) writes the same file again
    (team / "report.json").unlink()
    assert main(["check", "--output-format", "json", "--output-file", "report.json"]) == 1
    assert main(["check", "--output-format", "json", "--output-file", "report.json"]) == 1
    assert (team / "report.json").read_text(encoding="utf-8") == printed


def test_output_file_that_cannot_be_written(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (team / "taken").mkdir()
    assert main(["check", "--output-file", "taken", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err == "vplint: taken: cannot write: Is a directory\n"
    assert "Traceback" not in err
    assert (team / "taken").is_dir()


@pytest.mark.parametrize(("choice", "env", "coloured"), [("always", {}, True), ("never", {"FORCE_COLOR": "1"}, False)])
def test_color_overrides_the_environment_for_one_run(
    team: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
    env: dict[str, str],
    coloured: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NO_COLOR", raising=False)
    before = dict(os.environ)
    assert main(["check", "--output-format", "full", "--color", choice, "--no-cache"]) == 1
    assert ("\x1b[" in capsys.readouterr().out) is coloured
    assert dict(os.environ) == before


def test_statistics_count_each_code(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (team / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
    (team / "canvases" / "huaxin-cio.zh.md").write_text(
        text.replace("- 类型：问题解决型", "- 类型：未知"), encoding="utf-8"
    )
    assert main(["check", "--statistics", "--no-cache"]) == 1
    assert capsys.readouterr().out == "2  S002  [ ] unknown-value\n"  # P005 is ignored by the configuration
    assert main(["check", "--statistics", "--no-cache", "--extend-select", "Y001"]) == 1
    assert capsys.readouterr().out == "4  Y001  [*] canonical-spelling\n2  S002  [ ] unknown-value\n"
    assert main(["check", "--statistics", "--no-cache", "--output-format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {"code": "S002", "name": "unknown-value", "count": 2, "fixable": False}
    ]


@pytest.mark.parametrize("fmt", ["concise", "full"])
def test_quiet_prints_the_findings_and_nothing_else(team: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main(["check", "--no-cache", "--output-format", fmt]) == 1
    loud = capsys.readouterr().out
    assert main(["check", "--no-cache", "--output-format", fmt, "--quiet"]) == 1
    quiet = capsys.readouterr().out
    assert "Found 1 error" in loud
    assert quiet == loud[: loud.index("Found 1 error")]
    assert " S002 " in quiet
    # clean: nothing at all
    (team / "canvases" / "acme-cfo.en.md").write_bytes((ROOT / "canvases" / "acme-cfo.en.md").read_bytes())
    assert main(["check", "--no-cache", "--output-format", fmt, "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_quiet_fix_says_nothing_of_what_it_fixed(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    (team / "canvases" / "acme-cfo.en.md").write_text(text.replace("problem-solving", "Problem Solving"))
    assert main(["check", "--no-cache", "--output-format", "concise", "--fix", "-q"]) == 0
    said = capsys.readouterr()
    assert said.out == said.err == ""
    assert "- Type: problem-solving\n" in (team / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
