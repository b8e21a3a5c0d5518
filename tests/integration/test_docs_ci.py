"""The CI and editor docs stay true: their recipes are the scaffold's files, their commands exist.

docs/ci.md shows the files ``vplint init`` writes (the Chinese page with translated comments),
so each recipe is compared with the scaffold; every ``vplint`` command in the CI and editor
pages parses with vplint's command line; the sample outputs are what vplint prints; the VS Code
problem matcher and the Neovim errorformat read vplint's real output; and the README links
every page under docs/.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tests.integration.test_scaffold import assert_commands_exist, vplint_commands
from vplint.cli.main import main
from vplint.lint.options import Options
from vplint.lint.runner import lint_paths
from vplint.scaffold.files import plan

DOCS = ROOT / "docs"
RECIPES = {".pre-commit-config.yaml": "repos", ".github/workflows/vplint.yml": "jobs", ".gitlab-ci.yml": "stages"}
"""Each scaffolded file, and a top-level key that tells its recipe apart in a doc."""


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, re.S | re.M)


def _scaffold(relpath: str) -> str:
    return next(p.content for p in plan() if p.relpath == relpath)


@pytest.mark.parametrize("name", ["ci.md", "ci.zh.md"])
def test_ci_recipes_are_the_scaffolded_files(name: str) -> None:
    blocks = _blocks((DOCS / name).read_text(encoding="utf-8"), "yaml")
    assert len(blocks) == len(RECIPES)
    for relpath, key in RECIPES.items():
        (block,) = [b for b in blocks if key in (yaml.safe_load(b) or {})]
        assert yaml.safe_load(block) == yaml.safe_load(_scaffold(relpath)), f"{name}: {relpath} drifted"
        if name == "ci.md":  # the English page shows the files verbatim, comments included
            assert block == _scaffold(relpath), f"{name}: {relpath} differs from what vplint init writes"


def _doc_commands(text: str) -> list[str]:
    """``vplint ...`` commands in a doc's code blocks: YAML values, shell lines, JSON and Lua strings."""
    commands: list[str] = []
    for block in _blocks(text, "yaml"):
        commands += vplint_commands(yaml.safe_load(block))
    lines = [line for block in _blocks(text, "sh") for line in block.splitlines()]
    lines += [line[2:] for block in _blocks(text, "console") for line in block.splitlines() if line.startswith("$ ")]
    for line in lines:
        commands += [part.strip() for part in re.split(r"&&|;", line) if part.strip().startswith("vplint ")]
    for block in _blocks(text, "json") + _blocks(text, "lua"):
        commands += [m.replace(" %", " canvases/x.md") for m in re.findall(r'"(vplint [^"]*)"', block)]
    return commands


@pytest.mark.parametrize("name", ["ci.md", "ci.zh.md", "editors.md", "editors.zh.md"])
def test_doc_commands_exist(name: str) -> None:
    commands = _doc_commands((DOCS / name).read_text(encoding="utf-8"))
    assert commands
    assert_commands_exist(commands)


def test_ci_init_sample_is_what_init_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, lang in (("ci.md", "en"), ("ci.zh.md", "zh")):
        (tmp_path / lang).mkdir()
        monkeypatch.chdir(tmp_path / lang)
        (sample,) = [b for b in _blocks((DOCS / name).read_text(encoding="utf-8"), "console") if "vplint init" in b]
        command, *shown = sample.strip().split("\n")
        assert main(shlex.split(command.removeprefix("$ "))[1:]) == 0
        printed = capsys.readouterr().out.split("\n")
        assert printed[: len(shown)] == shown


@pytest.mark.parametrize(("name", "sample", "old", "new"), [
    ("ci.md", "acme-cfo.en.md", "Type: problem-solving", "Type: problem-solvin"),
    ("ci.zh.md", "huaxin-cio.zh.md", "类型：问题解决型", "类型：问题解决形"),
])  # fmt: skip
def test_ci_blocked_commit_sample_is_what_vplint_prints(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    sample: str,
    old: str,
    new: str,
) -> None:
    doc = (DOCS / name).read_text(encoding="utf-8")
    (block,) = [b for b in _blocks(doc, "console") if "git commit" in b]
    finding, summary = block.strip().split("\n")[-2:]
    path = finding.split(":")[0]
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_text((ROOT / "canvases" / sample).read_text(encoding="utf-8").replace(old, new), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--output-format", "concise", "--today", "2026-11-27", path]) == 1
    assert capsys.readouterr().out.split("\n")[:2] == [finding, summary]


def _bad_canvases(tmp_path: Path) -> Path:
    """A folder of canvases with errors, warnings and notes, one of them Chinese."""
    folder = tmp_path / "canvases"
    folder.mkdir()
    for path in (ROOT / "examples").glob("*.md"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> list[str]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        main(["check", "--output-format", fmt, "--today", "2026-11-27", "--extend-select", "Y", "canvases"])
    finally:
        os.chdir(cwd)
    return [line for line in capsys.readouterr().out.split("\n") if line]


@pytest.mark.parametrize("name", ["editors.md", "editors.zh.md"])
def test_vscode_problem_matcher_reads_vplint_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (block,) = _blocks((DOCS / name).read_text(encoding="utf-8"), "json")
    (task,) = json.loads(block)["tasks"]
    matcher: dict[str, Any] = task["problemMatcher"]
    pattern = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])  # the JavaScript pattern is plain enough to mean the same in Python
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    _bad_canvases(tmp_path)
    lines = _run_check(tmp_path, capsys, task["command"].split("--output-format ")[1].split()[0])
    expected = lint_paths(
        [str(tmp_path / "canvases")], Options(today=dt.date(2026, 11, 27), extend_select=("Y",))
    ).diagnostics
    assert len(lines) == len(expected) > 10
    severities = {"error": "error", "warning": "warning", "notice": "info"}
    for line, d in zip(lines, expected, strict=True):
        m = regexp.match(line)
        assert m, line
        assert severities[m.group(pattern["severity"])] == d.severity.value
        assert m.group(pattern["file"]) == f"canvases/{Path(d.path).name}"
        assert (int(m.group(pattern["line"])), int(m.group(pattern["column"]))) == (d.line, d.column)
        assert m.group(pattern["code"]) == d.code
        assert m.group(pattern["message"]) == d.message.replace("%", "%25")


@pytest.mark.parametrize("name", ["editors.md", "editors.zh.md"])
def test_neovim_errorformat_reads_vplint_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    efms = set(re.findall(r'"(%f:%l:%c: %m)"', (DOCS / name).read_text(encoding="utf-8")))
    assert efms == {"%f:%l:%c: %m"}
    _bad_canvases(tmp_path)
    lines = _run_check(tmp_path, capsys, "concise")
    expected = lint_paths([str(tmp_path / "canvases")], Options(today=dt.date(2026, 11, 27), extend_select=("Y",)))
    efm = re.compile(r"^(.+):(\d+):(\d+): (.*)$")  # what %f:%l:%c: %m matches
    findings = [m for line in lines if (m := efm.match(line))]
    assert [(m.group(1), int(m.group(2)), int(m.group(3))) for m in findings] == [
        (f"canvases/{Path(d.path).name}", d.line, d.column) for d in expected.diagnostics
    ]


def test_readme_links_every_doc_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.glob("*.md")):
        assert f"(docs/{page.name})" in readme, f"README.md does not link docs/{page.name}"
