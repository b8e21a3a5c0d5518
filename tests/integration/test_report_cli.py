"""``--output-format``, ``$VPLINT_OUTPUT_FORMAT``, ``--exit-zero`` and ``--strict``, run as a user runs them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.report_support import CLI_PINNED, EN_NAME, ZH_NAME, broken_tree, vplint
from tests.unit.test_report_junit import assert_valid
from vplint.report import FORMATS

MACHINE = ["json", "github", "sarif", "junit", "gitlab"]
DRAFT_EN = "examples/draft.en.md"
DRAFT_ZH = "examples/draft.zh.md"


def parses(fmt: str, stdout: str) -> None:
    """The whole of stdout is one report in ``fmt``."""
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(stdout)
    elif fmt == "junit":
        ET.fromstring(stdout.encode("utf-8"))
        assert_valid(stdout)  # against the Jenkins xunit junit-10.xsd
    elif fmt == "github":
        assert all(line.startswith("::") for line in stdout.splitlines())


def test_every_format_is_registered() -> None:
    assert list(FORMATS) == ["full", "concise", "json", "github", "sarif", "junit", "gitlab"]
    assert [name for name, f in FORMATS.items() if f.machine] == MACHINE
    for f in FORMATS.values():
        assert callable(f.write)


def test_a_pipe_gets_concise_by_default() -> None:
    default = vplint("check", *CLI_PINNED, DRAFT_EN)
    concise = vplint("check", *CLI_PINNED, "--output-format", "concise", DRAFT_EN)
    assert default.returncode == concise.returncode == 1
    assert default.stdout == concise.stdout
    assert default.stdout.startswith("examples/draft.en.md:6:13: D002 ")
    assert "\x1b" not in default.stdout


@pytest.mark.parametrize("fmt", ["full", "concise", *MACHINE])
def test_each_format_on_the_shipped_canvases(fmt: str) -> None:
    proc = vplint("check", "--output-format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    parses(fmt, proc.stdout)


@pytest.mark.parametrize("fmt", MACHINE)
def test_machine_formats_write_only_the_report(fmt: str, tmp_path: Path, en_text: str, zh_text: str) -> None:
    broken_tree(tmp_path / "t", en_text, zh_text)
    proc = vplint("check", *CLI_PINNED, "--output-format", fmt, "t", "nowhere.md", cwd=tmp_path)
    assert proc.returncode == 2  # a missing path and an unreadable file
    parses(fmt, proc.stdout)
    assert "Found" not in proc.stdout
    assert "nowhere.md: no such file or directory" in proc.stderr
    assert "gone.md: cannot read" in proc.stderr
    names = unquote(proc.stdout) if fmt in ("sarif", "github") else proc.stdout  # percent-encoded there
    assert EN_NAME in names
    assert ZH_NAME in names


@pytest.mark.parametrize("fmt", ["full", "concise", *MACHINE])
def test_each_format_on_the_drafts(fmt: str) -> None:
    proc = vplint("check", *CLI_PINNED, "--output-format", fmt, DRAFT_EN, DRAFT_ZH)
    assert proc.returncode == 1
    assert proc.stderr == ""
    parses(fmt, proc.stdout)
    assert "目标" in proc.stdout or "没有" in proc.stdout  # the Chinese draft's findings are in Chinese


def test_the_environment_variable_chooses_the_format() -> None:
    proc = vplint("check", *CLI_PINNED, DRAFT_EN, env={"VPLINT_OUTPUT_FORMAT": "json"})
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["files"] == 1
    upper = vplint("check", *CLI_PINNED, DRAFT_EN, env={"VPLINT_OUTPUT_FORMAT": "JSON"})
    assert upper.stdout == proc.stdout
    flag = vplint("check", *CLI_PINNED, "--output-format", "gitlab", DRAFT_EN, env={"VPLINT_OUTPUT_FORMAT": "json"})
    assert isinstance(json.loads(flag.stdout), list)  # the option wins
    empty = vplint("check", *CLI_PINNED, DRAFT_EN, env={"VPLINT_OUTPUT_FORMAT": ""})
    assert empty.stdout.startswith("examples/draft.en.md:")


def test_an_unknown_format_is_a_usage_error() -> None:
    proc = vplint("check", "--output-format", "xml")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "--output-format" in proc.stderr
    assert "'xml'" in proc.stderr
    assert "sarif" in proc.stderr
    env = vplint("check", env={"VPLINT_OUTPUT_FORMAT": "xml"})
    assert env.returncode == 2
    assert env.stdout == ""
    assert env.stderr.startswith("vplint: error: VPLINT_OUTPUT_FORMAT: unknown output format 'xml'")
    assert "full, concise, json, github, sarif, junit, gitlab" in env.stderr
    assert "Traceback" not in proc.stderr + env.stderr


@pytest.mark.parametrize(
    ("select", "flags", "code"),
    [
        # the English draft has errors, warnings and infos; --select narrows it to one severity
        ((), (), 1),
        ((), ("--exit-zero",), 0),
        ((), ("--strict",), 1),
        (("--select", "A001,M002"), (), 0),  # warnings only
        (("--select", "A001,M002"), ("--strict",), 1),
        (("--select", "A001,M002"), ("--exit-zero",), 0),
        (("--select", "P005,M006"), ("--strict",), 0),  # infos never fail
        (("--select", "C001"), ("--exit-zero", "--output-format", "sarif"), 0),
    ],
)
def test_exit_codes(select: tuple[str, ...], flags: tuple[str, ...], code: int) -> None:
    proc = vplint("check", *CLI_PINNED, *select, *flags, DRAFT_EN)
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert proc.stdout  # the findings are reported all the same


def test_exit_zero_does_not_hide_a_missing_path() -> None:
    proc = vplint("check", "--exit-zero", "nowhere.md")
    assert proc.returncode == 2
    assert "nowhere.md" in proc.stderr


def test_exit_zero_and_strict_do_not_mix() -> None:
    proc = vplint("check", "--exit-zero", "--strict")
    assert proc.returncode == 2
    assert "not allowed with" in proc.stderr


def test_fix_with_a_machine_format_keeps_stdout_clean(tmp_path: Path, en_text: str) -> None:
    (tmp_path / "c.md").write_text(en_text, encoding="utf-8")
    assert "Kind: window-of-opportunity" in en_text  # an alias --fix rewrites
    proc = vplint("check", "--fix", "--output-format", "json", "c.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []
    assert "Fixed" in proc.stderr
    assert "Fixed" not in proc.stdout
    assert "window-of-opportunity" not in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_diff_reports_a_missing_path() -> None:
    proc = vplint("check", "--diff", "nowhere.md")
    assert proc.returncode == 2
    assert "nowhere.md: no such file or directory" in proc.stderr


def test_diff_with_exit_zero(tmp_path: Path, en_text: str) -> None:
    (tmp_path / "c.md").write_text(en_text, encoding="utf-8")
    assert vplint("check", "--diff", "c.md", cwd=tmp_path).returncode == 1
    proc = vplint("check", "--diff", "--exit-zero", "--output-format", "json", "c.md", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.startswith("--- ")  # the diff, whatever the format
