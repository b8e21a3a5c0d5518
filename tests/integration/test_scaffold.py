"""Scaffolding and editor support: ``vplint init``, ``vplint new``, ``vplint schema`` and the files they write.

The files ``vplint init`` writes are checked as a team would use them: the configuration
loads, the workflows are valid YAML and every ``vplint`` command line in them parses with
the real command line (subcommand, flags and values), and the pre-commit configuration
names the hook this repository ships.  The skeleton ``vplint new`` writes is checked to
produce exactly its to-do list: one placeholder finding per prompt, plus the findings of
the rules that name what an item still lacks, and nothing once it is filled in.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT
from vplint.cli.main import _parser, main
from vplint.config.loader import load_config_file
from vplint.diagnostics import Diagnostic
from vplint.lint.discovery import SKIP_FILES
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.lint.runner import lint_paths
from vplint.model import vocabulary as voc
from vplint.scaffold.files import EXAMPLES, PLACEHOLDER_REPO, PLACEHOLDER_REV, SCAFFOLD, plan
from vplint.scaffold.skeleton import canvas_id, prompts, slugify
from vplint.store.files import create_exclusive
from vplint.store.resources import resource_dir

TODAY = dt.date(2026, 11, 27)


def _yaml_file(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- vplint init ------------------------------------------------------------------------------


def test_init_writes_the_scaffold_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "team"
    assert main(["init", str(root), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    expected = [f"canvases/{EXAMPLES['en']}", *(relpath for relpath, _ in SCAFFOLD)]
    for relpath in expected:
        assert (root / relpath).is_file(), relpath
        assert f"created      {root.as_posix()}/{relpath}" in out
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == sorted(expected)
    # the example is the normative sample, and it checks clean in its new home
    assert (root / "canvases" / EXAMPLES["en"]).read_bytes() == (ROOT / "canvases" / EXAMPLES["en"]).read_bytes()
    result = lint_paths([str(root / "canvases")], Options(today=TODAY))
    assert result.exit_code == 0
    assert result.diagnostics == []
    assert "pre-commit install" in out


def test_init_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".gitlab-ci.yml").write_text("# ours\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# ours\n"
    assert "kept         " in out
    assert ".gitlab-ci.yml (it exists; --force overwrites it)" in out
    assert (tmp_path / "vplint.toml").is_file()

    (tmp_path / "vplint.toml").write_text("# edited\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Nothing written" in out
    assert (tmp_path / "vplint.toml").read_text(encoding="utf-8") == "# edited\n"

    assert main(["init", str(tmp_path), "--force"]) == 0
    out = capsys.readouterr().out
    assert "overwritten  " in out
    assert (tmp_path / "vplint.toml").read_text(encoding="utf-8").startswith("# vplint's configuration")
    assert (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8") != "# ours\n"
    assert not list(tmp_path.rglob(".vplint-*"))  # no temporary files left behind


def test_init_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path), "--lang", "zh"]) == 0
    assert "已创建" in capsys.readouterr().out
    assert (tmp_path / "canvases" / EXAMPLES["zh"]).is_file()
    assert not (tmp_path / "canvases" / EXAMPLES["en"]).exists()


def test_init_refuses_a_file_as_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "f")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_scaffolded_config_loads_and_its_examples_are_valid(tmp_path: Path) -> None:
    text = (resource_dir("scaffold") / "vplint.toml").read_text(encoding="utf-8")
    (tmp_path / "vplint.toml").write_text(text, encoding="utf-8")
    config = load_config_file(tmp_path / "vplint.toml")
    assert config is not None
    assert config.paths == ("canvases",)
    assert config.templates == "templates"
    # every commented example, uncommented, is a valid configuration too
    examples = re.sub(r"^# (\[|[a-z\"-]+ = )", r"\1", text, flags=re.M)
    assert examples.count("\n[") >= 3
    (tmp_path / "vplint.toml").write_text(examples, encoding="utf-8")
    config = load_config_file(tmp_path / "vplint.toml")
    assert config is not None
    assert config.select == ("ALL",)
    assert config.exclude == ("canvases/drafts/",)


def test_scaffolded_precommit_config_uses_the_shipped_hook() -> None:
    hooks = {h["id"]: h for h in _yaml_file(ROOT / ".pre-commit-hooks.yaml")}
    config = yaml.safe_load(next(p.content for p in plan() if p.relpath == ".pre-commit-config.yaml"))
    (repo,) = config["repos"]
    assert repo["repo"] == PLACEHOLDER_REPO
    assert repo["rev"] == PLACEHOLDER_REV
    assert [h["id"] for h in repo["hooks"]] == ["vplint"]
    assert "vplint" in hooks


# --- the workflow files call commands that exist ------------------------------------------------


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def vplint_commands(data: Any) -> list[str]:
    """Every ``vplint ...`` command line in a parsed YAML file (comments are not commands)."""
    lines = [line.strip() for s in _strings(data) for line in s.splitlines()]
    return [line for line in lines if line.startswith("vplint ")]


def _argv(command: str) -> list[str]:
    """The arguments of a shell command line, without its redirections."""
    words = shlex.split(command, comments=True)
    for i, word in enumerate(words):
        if word.startswith((">", "2>", "<", "|")) or word in ("&&", "||", ";"):
            return words[1:i]
    return words[1:]


def assert_commands_exist(commands: list[str]) -> None:
    parser = _parser()
    for command in commands:
        argv = _argv(command)
        try:
            parser.parse_args(argv)
        except SystemExit as exc:  # argparse reports the bad argument on stderr
            pytest.fail(f"{command!r} does not parse with vplint's command line (exit {exc.code})")
    for sub in sorted({_argv(c)[0] for c in commands}):
        assert _help(sub) == "", f"vplint {sub} --help failed"


@functools.cache
def _help(sub: str) -> str:
    """``vplint SUB --help`` as a user runs it: '' when it works, else its error output."""
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", sub, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    return "" if proc.returncode == 0 and proc.stdout.startswith(f"usage: vplint {sub}") else proc.stderr or "?"


def _workflows() -> dict[str, Any]:
    return {p.relpath: yaml.safe_load(p.content) for p in plan() if p.relpath.endswith((".yml", ".yaml"))}


def test_github_workflow_checks_uploads_sarif_and_briefs() -> None:
    wf = _workflows()[".github/workflows/vplint.yml"]
    steps = [step for job in wf["jobs"].values() for step in job["steps"]]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    runs = [s["run"] for s in steps if "run" in s]
    assert {"actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif"} <= set(uses)
    assert "actions/upload-artifact" in uses
    assert "vplint check --output-format github" in runs
    sarif = next(r for r in runs if "--output-format sarif" in r)
    assert "--exit-zero" in sarif
    assert sarif.split(">")[-1].strip() == uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"]
    brief = next(r for r in runs if r.startswith("vplint brief"))
    out_dir = _argv(brief)[_argv(brief).index("-o") + 1]
    assert uses["actions/upload-artifact"]["with"]["path"].rstrip("/") == out_dir
    assert wf["jobs"]["check"]["permissions"]["security-events"] == "write"


def test_gitlab_ci_reports_code_quality_and_keeps_briefs() -> None:
    ci = _workflows()[".gitlab-ci.yml"]
    job = ci["vplint"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any("--output-format gitlab" in line and line.endswith(f"> {report}") for line in job["script"])
    assert job["artifacts"]["when"] == "always"
    briefs = ci["briefs"]
    brief = next(line for line in briefs["script"] if line.startswith("vplint brief"))
    assert briefs["artifacts"]["paths"] == [_argv(brief)[_argv(brief).index("-o") + 1] + "/"]


@pytest.mark.parametrize("relpath", [".github/workflows/vplint.yml", ".gitlab-ci.yml", ".pre-commit-hooks.yaml"])
def test_workflow_commands_exist(relpath: str) -> None:
    data = _yaml_file(ROOT / relpath) if relpath == ".pre-commit-hooks.yaml" else _workflows()[relpath]
    if relpath == ".pre-commit-hooks.yaml":
        commands = [f"{h['entry']} canvases/x.md" for h in data]
    else:
        commands = vplint_commands(data)
    assert commands, f"no vplint command found in {relpath}"
    assert_commands_exist(commands)


def test_workflow_commands_run_in_a_scaffolded_repo(tmp_path: Path) -> None:
    """Every vplint step of both CI files, run in a fresh ``vplint init`` repository, succeeds and writes its file."""
    assert main(["init", str(tmp_path)]) == 0
    env = {**os.environ, "VPLINT_TODAY": TODAY.isoformat(), "CI": "true"}
    env.pop("VPLINT_OUTPUT_FORMAT", None)
    env.pop("GITHUB_WORKSPACE", None)
    written: dict[str, bytes] = {}
    for relpath, data in _workflows().items():
        for command in vplint_commands(data):
            words = shlex.split(command)
            target = words[words.index(">") + 1] if ">" in words else None
            argv = [sys.executable, "-m", "vplint", *_argv(command)]
            proc = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, timeout=120, check=False)
            assert proc.returncode == 0, f"{relpath}: {command}: {proc.stdout!r} {proc.stderr!r}"
            if target:
                written[target] = proc.stdout
    sarif = json.loads(written["vplint.sarif"])
    assert sarif["version"] == "2.1.0"
    assert json.loads(written["gl-code-quality-report.json"]) == []  # the example canvas is clean
    assert any(p.name.startswith("acme-cfo") for p in (tmp_path / "briefs").iterdir())  # the example's brief


# --- the pre-commit hook skips markdown that is not a canvas ---------------------------------------


def test_hook_files_pattern_selects_canvases_only() -> None:
    (hook,) = [h for h in _yaml_file(ROOT / ".pre-commit-hooks.yaml") if h["id"] == "vplint"]
    files = re.compile(hook["files"])
    assert hook["types"] == ["markdown"]
    for path in ("canvases/acme.en.md", "sales/emea/canvases/acme.md", "canvases/README.md"):
        assert files.search(path), path
    for path in ("README.md", "docs/x.md", "docs/canvases-howto.md", "mycanvases/x.md"):
        assert not files.search(path), path


def test_non_canvas_markdown_passed_by_name_is_skipped(tmp_path: Path, en_text: str) -> None:
    """What pre-commit passes (its ``files:`` widened to all markdown): only canvases are checked."""
    (tmp_path / "vplint.toml").write_text('paths = ["canvases"]\nexclude = ["docs/"]\n', encoding="utf-8")
    for rel, text in {
        "README.md": "# Team canvases\n",
        "docs/x.md": "# How we write canvases\n\n- Type: of thing\n",
        "canvases/README.md": "# Canvases\n",
        "canvases/CHANGELOG.md": "# Changes\n",
        "canvases/acme-cfo.en.md": en_text,
    }.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert SKIP_FILES.match("README.md")
    assert SKIP_FILES.match("CHANGELOG.md")
    passed = ["README.md", "docs/x.md", "canvases/README.md", "canvases/CHANGELOG.md", "canvases/acme-cfo.en.md"]
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = lint_paths(passed, Options(today=TODAY))
    finally:
        os.chdir(cwd)
    assert [f.path for f in result.files] == ["canvases/acme-cfo.en.md"]
    assert result.exit_code == 0


# --- vplint new ----------------------------------------------------------------------------------


def _new(tmp_path: Path, name: str, *extra: str) -> tuple[int, Path]:
    path = tmp_path / name
    argv = ["new", str(path), "--account", "ACME Manufacturing", "--title", "Chief Financial Officer"]
    argv += ["--function", "finance", "--today", TODAY.isoformat(), *extra]
    return main(argv), path


def _prompt_positions(text: str) -> list[tuple[int, int]]:
    """(line, column) of each ``<prompt>`` outside HTML comments."""
    blanked = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    return [
        (n, m.start() + 1) for n, line in enumerate(blanked.split("\n"), 1) for m in re.finditer(r"<[^<>\n]+>", line)
    ]


STRUCTURAL = {"P001", "C001", "C002", "C003", "M001", "M004", "T001", "A001"}
"""The rules that name what a fresh skeleton's items lack (besides the placeholders)."""


def _findings(path: Path) -> list[Diagnostic]:
    return lint_paths([str(path)], Options(today=TODAY)).diagnostics


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_new_skeleton_lists_exactly_what_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, path = _new(tmp_path, f"acme-cfo.{lang}.md")
    assert code == 0
    text = path.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert str(path) in out
    assert f" {len(prompts(text))} " in out
    found = _findings(path)
    placeholders = sorted((d.line, d.column) for d in found if d.code == "H002")
    assert placeholders == _prompt_positions(text)  # one finding per prompt, each where the prompt is
    others = [d for d in found if d.code != "H002"]
    offering_line = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("offering:"))
    assert [(d.code, d.line) for d in others if d.code.startswith(("F", "S"))] == [("S002", offering_line)]
    assert {d.code for d in others if not d.code.startswith("S")} == STRUCTURAL
    assert all(d.lang == lang for d in found)
    # written in the canonical spellings: the style rules have nothing to say
    assert lint_paths([str(path)], Options(today=TODAY, select=("Y",))).diagnostics == []


FILLS = {
    "en": {
        "  function: ": "  function: Finance - budgets, margin and cash for the group",
        "  authority: ": "  authority: signs off spend up to EUR 500k",
        "    - title: ": "    - title: Head of Credit Control",
        "      function: ": "      function: Finance operations",
        "      evaluates: ": "      evaluates: feasibility of automated credit decisions",
        "    - <when": "    - FY2027 budget round, March 2027",
        "    - ": "    - Days sales outstanding under 45",
        "owner: ": "owner: alice@example.com",
        "### P1 ": "### P1 Quote-to-cash slowed since the 2024 reorganisation",
        "- Type: ": "- Type: problem-solving",
        "- Diagnosis: ": "- Diagnosis: before-after - invoices started slipping after the billing teams merged",
        "- Root cause: ": "- Root cause: manual credit checks queue in one central team",
        "- Baseline: ": "- Baseline: DSO was 38 days in 2023",
        "### N1 ": "### N1 Automated credit decisions",
        "- Origin: ": "- Origin: uncovered",
        "- Objective: ": "- Objective: cut days sales outstanding to 40 by the end of FY2027",
        "- Strategy: ": "- Strategy: operations/service-process",
        "- Serves: ": "- Serves: financial/cost-efficiency",
        "- Sponsor: ": "- Sponsor: COO",
        "### M1 ": "### M1 Window of opportunity",
        "- Kind: ": "- Kind: window",
        "- Change: ": "- Change: external/political - national e-invoicing mandate takes effect 2027-01-01",
        "- Continuity: ": "- Continuity: discontinuous",
        "- Evidence: ": "- Evidence: Ministry notice of 2026-10-12",
        "- Phenomenon: ": "- Phenomenon: finance staff doing overtime on invoice corrections",
        "- Feeling: ": "- Feeling: anxiety about the first audit",
        "- Perception: ": "- Perception: the problem is urgent and will not go away by itself",
        "- Trigger: ": "- Trigger: higher-priority",
        "- Inform (M1): ": "- Inform (M1): share the mandate timeline",
        "- Analyse (M1): ": "- Analyse (M1): show how the correction backlog grows with volume",
        "- Empathise (M1): ": "- Empathise (M1): acknowledge the overtime load in finance",
        "- Relationship (M1): ": "- Relationship (M1): lunch with the controller after the audit",
    },
    "zh": {
        "  function: ": "  function: 信息技术——调度平台与数据安全",
        "  authority: ": "  authority: 500万元以内的IT投入可自行审批",
        "    - title: ": "    - title: 信息安全经理",
        "      function: ": "      function: 信息安全",
        "      evaluates: ": "      evaluates: 数据安全治理方案的可行性",
        "    - <决策人何时": "    - 2027年一季度IT预算评审会",
        "    - ": "    - 应收账款周转天数低于 45 天",
        "owner: ": "owner: 李雷",
        "### P1 ": "### P1 旺季系统宕机次数比去年多",
        "- 类型：<问题": "- 类型：问题解决型",
        "- 诊断：": "- 诊断：前后对比 —— 2025年迁移到新调度平台之后，双十一期间宕机三次",
        "- 根本原因：": "- 根本原因：调度平台没有容灾",
        "- 基线：": "- 基线：去年旺季没有宕机",
        "### N1 ": "### N1 调度平台高可用改造",
        "- 需求来源：": "- 需求来源：挖掘",
        "- 领导目标：": "- 领导目标：2027年旺季零宕机，保住前十大客户的续约",
        "- 策略：": "- 策略：运营/服务流程",
        "- 服务于：": "- 服务于：客户/老客户关系维护",
        "- 支持者：": "- 支持者：集团COO",
        "### M1 ": "### M1 机会窗口",
        "- 类型：<九种": "- 类型：机会窗口",
        "- 变化：": "- 变化：外部/政策 —— 《数据安全法》配套细则 2027年1月1日起施行",
        "- 连续性：": "- 连续性：非连续",
        "- 证据：": "- 证据：2026-10-20 监管部门公告",
        "- 现象：": "- 现象：安全团队连续加班准备合规自查",
        "- 感受：": "- 感受：焦虑",
        "- 认知：": "- 认知：这件事必须在年底前解决",
        "- 触发：": "- 触发：更重要或更紧急",
        "- 告知（M1）：": "- 告知（M1）：同步新规施行时间表与同行处罚案例",
        "- 分析（M1）：": "- 分析（M1）：说明宕机与旺季流量的关系",
        "- 同理（M1）：": "- 同理（M1）：理解安全团队的加班压力",
        "- 客情（M1）：": "- 客情（M1）：审计后约 CIO 复盘",
    },
}


def _fill(text: str, lang: str) -> str:
    """What a rep does with a skeleton: replace each prompt, delete the lines that do not apply."""
    out = []
    for line in text.split("\n"):
        if "<" in line and not line.startswith("<!--") and _prompt_positions(line):
            if "else delete this line" in line or "否则删除此行" in line:
                continue
            line = next(new for start, new in FILLS[lang].items() if line.startswith(start))
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_new_skeleton_filled_in_is_clean(tmp_path: Path, lang: str) -> None:
    code, path = _new(tmp_path, f"acme-cfo.{lang}.md", "--offering", "differentiated")
    assert code == 0
    filled = _fill(path.read_text(encoding="utf-8"), lang)
    assert not prompts(filled)
    diagnostics = lint_text(filled, "t.md", options=Options(today=TODAY)).diagnostics
    assert [f"{d.code} {d.line}: {d.message}" for d in diagnostics] == []


def test_new_front_matter_comes_from_the_options(tmp_path: Path) -> None:
    code, path = _new(tmp_path, "x.md", "--offering", "差异化", "--owner", "bob@example.com", "--lang", "zh")
    assert code == 0
    res = lint_text(path.read_text(encoding="utf-8"), str(path), options=Options(today=TODAY))
    assert res.canvas is not None
    data = res.canvas.data
    assert data["id"] == "acme-manufacturing-chief-financial-officer"
    assert (data["account"], data["offering"], data["owner"], data["updated"], data["language"]) == (
        "ACME Manufacturing",
        "differentiated",
        "bob@example.com",
        "2026-11-27",
        "zh",
    )
    assert data["decision_maker"]["buying_role"] == "finance"
    assert "## 业务问题" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("account", "title"),
    [("ACME: Inc. #1", "CFO"), ("true", "- CFO"), ("'quoted'", 'say "hi"'), ("2026", "null"), ("a\\b", "@x")],
)
def test_new_writes_any_account_and_title_as_text(tmp_path: Path, account: str, title: str) -> None:
    path = tmp_path / "x.md"
    assert main(["new", str(path), "--account", account, "--title", title, "--function", "bu", "--id", "x"]) == 0
    res = lint_text(path.read_text(encoding="utf-8"), str(path))
    assert res.canvas is not None
    assert (res.canvas.data["account"], res.canvas.data["decision_maker"]["title"]) == (account, title)
    assert not [d for d in res.diagnostics if d.code.startswith("F")]


def test_new_accepts_any_spelling_of_the_buying_role(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = (
        ("财务", "finance", "--buying-role"),
        ("Line of Business", "business-unit", "--function"),
        ("采购", "commercial", "--buying-role"),
    )
    for spelling, slug, option in cases:  # --function: the option's name before Canvas 2
        path = tmp_path / f"{slug}.md"
        argv = ["new", str(path), "--account", "A", "--title", "T", option, spelling]
        assert main(argv) == 0
        assert f"  buying_role: {slug}\n" in path.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["new", str(tmp_path / "y.md"), "--account", "A", "--title", "T", "--buying-role", "financ"])
    assert exc.value.code == 2
    assert "did you mean 'finance'" in capsys.readouterr().err


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "acme.md"
    path.write_text("mine\n", encoding="utf-8")
    code, _ = _new(tmp_path, "acme.md")
    assert code == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine\n"
    code, _ = _new(tmp_path, "acme.md", "--force")
    assert code == 0
    assert path.read_text(encoding="utf-8").startswith("---\nid: acme-manufacturing-chief-financial-officer\n")
    assert not list(tmp_path.glob(".vplint-*"))


def test_new_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert slugify("ACME Manufacturing, Inc.") == "acme-manufacturing-inc"
    assert slugify("Café Müller") == "cafe-muller"
    assert canvas_id("华信物流", "首席信息官", "huaxin-cio") == "huaxin-cio"
    assert len(canvas_id("a" * 60, "b" * 60)) <= 80
    path = tmp_path / "huaxin-cio.zh.md"
    assert main(["new", str(path), "--account", "华信物流", "--title", "首席信息官", "--function", "业务部门"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nid: huaxin-cio\n")
    assert "language: zh\n" in text
    chinese = ["--account", "华信物流", "--title", "首席信息官", "--function", "bu"]
    assert main(["new", str(tmp_path / "华信.md"), *chinese]) == 2
    assert "--id" in capsys.readouterr().err
    latin = ["--account", "A", "--title", "T", "--function", "bu"]
    assert main(["new", str(tmp_path / "a.md"), *latin, "--id", "A B"]) == 2
    assert main(["new", str(tmp_path / "a.txt"), *latin]) == 2
    assert not (tmp_path / "a.md").exists()
    assert not (tmp_path / "a.txt").exists()


def test_new_updated_follows_the_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPLINT_TODAY", "2026-01-02")
    argv = ["--account", "A", "--title", "T", "--function", "bu"]
    assert main(["new", str(tmp_path / "a.md"), *argv]) == 0
    assert "\nupdated: 2026-01-02\n" in (tmp_path / "a.md").read_text(encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "vplint.toml").write_text('today = "2025-05-06"\n', encoding="utf-8")
    assert main(["new", str(tmp_path / "sub" / "deep" / "b.md"), *argv]) == 0  # folders are created
    assert "\nupdated: 2025-05-06\n" in (tmp_path / "sub" / "deep" / "b.md").read_text(encoding="utf-8")
    assert main(["new", str(tmp_path / "c.md"), *argv, "--today", "2024-12-31"]) == 0
    assert "\nupdated: 2024-12-31\n" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_create_exclusive_creates_never_replaces(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    create_exclusive(path, "one\n")
    assert path.read_text(encoding="utf-8") == "one\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    with pytest.raises(FileExistsError):
        create_exclusive(path, "two\n")
    assert path.read_text(encoding="utf-8") == "one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


# --- vplint schema and the editor schema ----------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "name"),
    [
        ((), "canvas.schema.json"),
        (("--front-matter",), "front-matter.schema.json"),
        (("--config",), "config.schema.json"),
    ],
)
def test_schema_command_prints_the_shipped_schema(flag: tuple[str, ...], name: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "schema", *flag], capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout == (resource_dir("schema") / name).read_bytes()
    json.loads(proc.stdout)


def _front_matter_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((resource_dir("schema") / "front-matter.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _raw_front_matter(text: str) -> Any:
    """The front-matter as an editor's YAML server reads it: values as typed (strings)."""
    return yaml.load(text.split("---\n")[1], Loader=yaml.BaseLoader)


def test_front_matter_schema_accepts_the_samples_and_skeletons(tmp_path: Path) -> None:
    validator = _front_matter_validator()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "canvases").glob("*.md"))]
    for lang in ("en", "zh"):
        code, path = _new(tmp_path, f"a.{lang}.md", "--offering", "commodity", "--owner", "x")
        assert code == 0
        texts.append(path.read_text(encoding="utf-8"))
    for text in texts:
        fm = _raw_front_matter(text)
        fm["decision_maker"]["kpis"] = ["a KPI"]  # the skeleton's prompt is a valid text too
        assert [e.message for e in validator.iter_errors(fm)] == []


def _valid_front_matter() -> dict[str, Any]:
    return {
        "id": "acme-cfo",
        "account": "ACME",
        "decision_maker": {
            "title": "CFO",
            "function": "Finance - budgets and cash",
            "buying_role": "finance",
            "authority": "up to EUR 500k",
            "kpis": ["DSO under 45"],
        },
        "decision_process": {"evaluators": [{"title": "Head of Credit"}], "decision_points": ["budget round"]},
        "offering": "differentiated",
        "owner": "alice",
        "updated": "2026-11-20",
        "language": "en",
    }


@pytest.mark.parametrize("name", ["function", "offering", "language"])
def test_front_matter_schema_accepts_every_spelling_vplint_accepts(name: str) -> None:
    validator = _front_matter_validator()
    for term in voc.VOCABULARIES[name].terms:
        for spelling in {*term.spellings, term.en.upper(), term.en.title(), f" {term.slug} "}:
            fm = _valid_front_matter()
            if name == "function":  # the vocabulary of the buying role
                fm["decision_maker"]["buying_role"] = spelling
            else:
                fm[name] = spelling
            assert voc.VOCABULARIES[name].lookup(spelling) is term
            assert [e.message for e in validator.iter_errors(fm)] == [], spelling


def test_front_matter_schema_accepts_every_key_spelling() -> None:
    validator = _front_matter_validator()
    for term in voc.FRONT_MATTER_KEYS.terms:
        for spelling in term.spellings:
            fm = _valid_front_matter()
            fm[spelling if spelling not in fm else term.slug] = fm.pop(term.slug)
            assert [e.message for e in validator.iter_errors(fm)] == [], spelling
    for term in voc.DECISION_MAKER_KEYS.terms:
        for spelling in (*term.spellings, term.en.title()):
            fm = _valid_front_matter()
            dm = fm["decision_maker"]
            dm[spelling if spelling not in dm else term.slug] = dm.pop(term.slug)
            assert [e.message for e in validator.iter_errors(fm)] == [], spelling
    chinese = {
        "编号": "huaxin-cio",
        "客户": "华信物流",
        "决策人": {"职位": "首席信息官", "职能": "业务部门", "KPI": ["系统可用率 99.95%"]},
        "产品类型": "差异化",
        "负责人": "李雷",
        "更新日期": "2026-11-18",
        "语言": "中文",
        "x-区域": "华东",
    }
    assert [e.message for e in validator.iter_errors(chinese)] == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("decision_maker", "buying_role"), "sales"),
        (("offering",), "cheap"),
        (("language",), "fr"),
        (("id",), "ACME CFO"),
        (("updated",), "20/11/2026"),
        (("acount",), "ACME"),
        (("decision_maker", "titel"), "CFO"),
    ],
)
def test_front_matter_schema_rejects_what_vplint_rejects(path: tuple[str, ...], value: str) -> None:
    fm = _valid_front_matter()
    target = fm
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(_front_matter_validator().iter_errors(fm))


def test_front_matter_schema_requires_the_required_keys() -> None:
    validator = _front_matter_validator()
    for key in ("id", "account", "decision_maker", "offering", "owner", "updated"):
        fm = _valid_front_matter()
        del fm[key]
        assert list(validator.iter_errors(fm)), key


def test_front_matter_schema_uses_only_standard_keywords() -> None:
    """Strict validators (Ajv, used by front-matter linters) reject unknown keywords such as ``x-...``."""
    schema = json.loads((resource_dir("schema") / "front-matter.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"

    def keywords(node: Any, under_properties: bool = False) -> set[str]:
        if isinstance(node, list):
            return {k for v in node for k in keywords(v)}
        if not isinstance(node, dict):
            return set()
        own = set() if under_properties else set(node)
        named = ("properties", "patternProperties")  # their keys are names, not keywords
        children = {k for key, value in node.items() for k in keywords(value, not under_properties and key in named)}
        return own | children

    allowed = {
        "$schema", "$id", "title", "description", "type", "properties", "patternProperties", "propertyNames", "not",
        "additionalProperties", "required", "allOf", "if", "then", "else", "enum", "examples", "pattern", "minLength",
        "maxLength", "items", "anyOf",
    }  # fmt: skip
    assert keywords(schema) <= allowed
