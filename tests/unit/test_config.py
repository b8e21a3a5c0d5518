"""Configuration files: discovery, validation, selection, severity, per-file ignores, options, clock."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vplint.config.globs import compile_glob
from vplint.config.loader import ConfigError, ConfigLoader, load_config_file
from vplint.lint.options import Options
from vplint.lint.runner import lint_paths
from vplint.model.titles import BUILTIN_GROUPS, title_table

TODAY = dt.date(2026, 11, 27)


def _repo(tmp_path: Path, en_text: str, config: str = "", name: str = "vplint.toml") -> Path:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "a.md").write_text(en_text, encoding="utf-8")
    if config:
        (tmp_path / name).write_text(config, encoding="utf-8")
    return tmp_path


def _codes(tmp_path: Path, options: Options | None = None) -> list[tuple[str, str]]:
    res = lint_paths([str(tmp_path / "canvases")], options or Options(today=TODAY))
    return [(d.code, d.severity.value) for d in res.diagnostics]


def test_no_config_is_defaults(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text.replace("- Inform (M1):", "- Informer:").replace("- Empathize (M1):", "- Notes:"))
    assert _codes(tmp_path) == [("A001", "warning")]


def test_pyproject_table_severity_and_ignore(tmp_path: Path, en_text: str) -> None:
    text = en_text.replace("- Inform (M1):", "- Informer:").replace("- Empathize (M1):", "- Notes:")
    _repo(tmp_path, text, '[tool.vplint]\nseverity = { A001 = "error" }\n', "pyproject.toml")
    assert _codes(tmp_path) == [("A001", "error")]
    (tmp_path / "pyproject.toml").write_text('[tool.vplint]\nignore = ["lever-planned"]\n')
    assert _codes(tmp_path) == []


def test_pyproject_without_table_is_skipped(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text.replace("- Inform (M1):", "- X:").replace("- Empathize (M1):", "- Y:"))
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path.parent / "unrelated").mkdir(exist_ok=True)
    assert _codes(tmp_path) == [("A001", "warning")]


def test_nearest_config_wins(tmp_path: Path, en_text: str) -> None:
    text = en_text.replace("- Inform (M1):", "- X:").replace("- Empathize (M1):", "- Y:")
    _repo(tmp_path, text, 'severity = { A001 = "error" }\n')
    (tmp_path / "canvases" / "vplint.toml").write_text('severity = { A001 = "info" }\n')
    assert _codes(tmp_path) == [("A001", "info")]


def test_select_prefix_and_cli_override(tmp_path: Path, en_text: str) -> None:
    text = (
        en_text.replace("- Inform (M1):", "- X:")
        .replace("- Empathize (M1):", "- Y:")
        .replace("- Kind: window-of-opportunity", "- Kind: lower-cost")
    )
    _repo(tmp_path, text, 'select = ["M"]\n')
    assert _codes(tmp_path) == [("M006", "info")]
    assert _codes(tmp_path, Options(today=TODAY, select=("A",))) == [("A001", "warning")]
    assert _codes(tmp_path, Options(today=TODAY, ignore=("M006",))) == []


def test_extend_select_turns_on_style_rules(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, 'extend-select = ["Y001"]\n')
    assert [c for c, _ in _codes(tmp_path)] == ["Y001", "Y001", "Y001"]


def test_per_file_ignores(tmp_path: Path, en_text: str) -> None:
    text = en_text.replace("- Inform (M1):", "- X:").replace("- Empathize (M1):", "- Y:")
    _repo(tmp_path, text, '[per-file-ignores]\n"canvases/*.md" = ["A"]\n')
    assert _codes(tmp_path) == []


def test_exclude_applies_to_walks_and_explicit_files(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, 'exclude = ["drafts/"]\n')
    (tmp_path / "canvases" / "drafts").mkdir()
    (tmp_path / "canvases" / "drafts" / "d.md").write_text("junk\n")
    (tmp_path / "vplint.toml").write_text('exclude = ["drafts/", "**/d.md"]\n')
    res = lint_paths([str(tmp_path / "canvases"), str(tmp_path / "canvases" / "drafts" / "d.md")], Options(today=TODAY))
    assert [f.path for f in res.files] == [str(tmp_path / "canvases" / "a.md")]


def test_rule_options_and_today(tmp_path: Path, en_text: str) -> None:
    _repo(
        tmp_path,
        en_text,
        'today = "2027-06-01"\n[rules.H001]\nmax-age-days = 400\n[rules.evidence-age]\nmax-age-days = 400\n',
    )
    assert _codes(tmp_path, Options()) == []
    (tmp_path / "vplint.toml").write_text('today = "2027-06-01"\n')
    assert sorted(c for c, _ in _codes(tmp_path, Options())) == ["H001", "M005"]


def test_title_synonyms_extend_the_built_in_table(tmp_path: Path, en_text: str) -> None:
    """X002 folds a team's own title synonyms, joined to the built-in group they name ("CFO")."""
    _repo(tmp_path, en_text)
    head_of_finance = en_text.replace("id: acme-cfo\n", "id: acme-finance\n").replace(
        "title: Chief Financial Officer\n", "title: Head of Finance\n"
    )
    assert head_of_finance != en_text
    (tmp_path / "canvases" / "b.md").write_text(head_of_finance, encoding="utf-8")

    def x002() -> list[tuple[str, str, int, int]]:
        res = lint_paths([str(tmp_path / "canvases")], Options(today=TODAY))
        return [(Path(d.path).name, d.code, d.line, d.column) for d in res.diagnostics if d.code == "X002"]

    assert x002() == []
    (tmp_path / "vplint.toml").write_text('title-synonyms = [["Head of Finance", "CFO"]]\n', encoding="utf-8")
    assert x002() == [("b.md", "X002", 5, 10)]
    assert load_config_file(tmp_path / "vplint.toml") == load_config_file(tmp_path / "vplint.toml")  # hashable groups


@pytest.mark.parametrize(
    ("groups", "same"),
    [
        ((), [("CFO", "chief financial officer"), ("首席信息官", "CIO"), ("Vice President, Sales", "VP Sales")]),
        ((), [("Chief Procurement Officer", "首席采购官"), ("IT总监", "信息总监"), ("ＣＦＯ", "c.f.o.")]),
        ((("财务总监", "CFO"),), [("财务总监", "Chief Financial Officer"), ("Finance Director", "首席财务官")]),
    ],
)
def test_title_table_folds_spellings_of_one_title(groups: tuple[tuple[str, ...], ...], same: list[Any]) -> None:
    table = title_table(groups)
    for a, b in same:
        assert table.key(a) == table.key(b), (a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("财务总监", "CFO"),
        ("信息总监", "CIO"),
        ("Head of Procurement", "采购总监"),
        ("CPO", "首席采购官"),
        ("Group CFO", "CFO"),
    ],
)
def test_title_table_keeps_different_titles_apart(a: str, b: str) -> None:
    assert title_table().key(a) != title_table().key(b)


@pytest.mark.parametrize("name", ["configuration.md", "configuration.zh.md"])
def test_configuration_docs_show_a_valid_configuration_and_every_title_synonym(tmp_path: Path, name: str) -> None:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    example = re.search(r"^```toml\n(.*?)^```$", text, re.S | re.M)
    assert example is not None
    (tmp_path / "pyproject.toml").write_text(example.group(1), encoding="utf-8")
    config = load_config_file(tmp_path / "pyproject.toml")
    assert config is not None
    assert config.title_synonyms
    missing = [title for group in BUILTIN_GROUPS for title in group if f"`{title}`" not in text]
    assert missing == [], f"docs/{name} does not list these built-in title synonyms"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["A"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('select = ["Z999"]\n', "unknown rule code or name 'Z999'"),
        ('severity = { A001 = "loud" }\n', "'severity.A001' must be one of"),
        ("[rules.H001]\nmax-age = 3\n", "rule H001 has no option 'max-age'"),
        ('[rules.H001]\nmax-age-days = "90"\n', "'rules.H001.max-age-days' must be int"),
        ("[rules.H001]\nmax-age-days = 0\n", "must be at least 1"),
        ('today = "soon"\n', "'today'"),
        ("select = [", "not valid TOML"),
        ('language = "fr"\n', "'language' must be one of en, zh"),
        ('title-synonyms = [["CFO"]]\n', "'title-synonyms.0': ['CFO'] is too short"),
        ('title-synonyms = ["CFO", "Head of Finance"]\n', "'title-synonyms.0': 'CFO' is not of type 'array'"),
        ('title-synonyms = [["CFO", "--"]]\n', "'title-synonyms': '--' has no letters or digits"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "vplint.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config_file(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_bad_config_exits_2_through_the_cli(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, "selct = []\n")
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "check", "canvases"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "vplint.toml: unknown key 'selct'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_config_and_isolated_flags(tmp_path: Path, en_text: str) -> None:
    text = en_text.replace("- Inform (M1):", "- X:").replace("- Empathize (M1):", "- Y:")
    _repo(tmp_path, text, 'ignore = ["A001"]\n')
    other = tmp_path / "other.toml"
    other.write_text('severity = { A001 = "error" }\n')
    assert _codes(tmp_path) == []
    assert _codes(tmp_path, Options(today=TODAY, isolated=True)) == [("A001", "warning")]
    assert _codes(tmp_path, Options(today=TODAY, config=other)) == [("A001", "error")]
    with pytest.raises(ConfigError):
        ConfigLoader(tmp_path / "missing.toml")


def test_paths_key_is_the_default_target(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, 'paths = ["canvases"]\ntoday = "2026-11-27"\n')
    (tmp_path / "canvases").rename(tmp_path / "elsewhere")
    (tmp_path / "vplint.toml").write_text('paths = ["elsewhere"]\ntoday = "2026-11-27"\n')
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "check"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 file checked" in proc.stdout


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a/b/c.md", True),
        ("drafts/", "drafts", True),
        ("drafts/**", "drafts/x/y.md", True),
        ("canvases/*.md", "canvases/a.md", True),
        ("canvases/*.md", "canvases/sub/a.md", False),
        ("canvases/**/*.md", "canvases/sub/a.md", True),
        ("**/README.md", "README.md", True),
        ("a?.md", "ab.md", True),
    ],
)
def test_globs(pattern: str, path: str, matches: bool) -> None:
    assert compile_glob(pattern).match(path) is matches


def test_configured_include_filters_files_named_explicitly(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, 'include = ["canvases/**/*.md"]\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Not a canvas\n")
    res = lint_paths([str(tmp_path / "docs" / "guide.md"), str(tmp_path / "canvases" / "a.md")], Options(today=TODAY))
    assert [f.path for f in res.files] == [str(tmp_path / "canvases" / "a.md")]
    assert res.exit_code == 0


def test_configured_paths_are_relative_to_the_configuration(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text, 'paths = ["canvases"]\ntoday = 2026-11-27\n')  # a TOML date works too
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--no-cache"],
        cwd=tmp_path / "canvases",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 file checked" in proc.stdout


def test_a_configuration_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "vplint.toml"
    path.write_bytes("# 团队配置\nignore = []\n".encode("gbk"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config_file(path)


def test_one_file_named_two_ways_is_checked_once(tmp_path: Path, en_text: str) -> None:
    _repo(tmp_path, en_text)
    res = lint_paths([str(tmp_path / "canvases"), str(tmp_path / "canvases" / "." / "a.md")], Options(today=TODAY))
    assert len(res.files) == 1
    assert res.diagnostics == []
