"""The ``sarif`` format: valid against the official SARIF 2.1.0 schema, with rule metadata and locations."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from jsonschema.validators import validator_for

import vplint
from tests.conftest import ROOT, TESTS
from tests.report_support import EN_NAME, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.options import Options
from vplint.lint.result import Result
from vplint.report import common, sarif
from vplint.rules import RULES

SCHEMA_FILE = TESTS / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(autouse=True)
def _workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests say where the repository root is; a CI runner's own checkout must not decide it."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)


@cache
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = validator_for(schema)  # the schema says which draft it is written in
    assert cls is jsonschema.Draft4Validator, schema["$schema"]
    cls.check_schema(schema)
    return cls(schema)


def log(result: Result, lang: str | None = None) -> dict[str, Any]:
    out, _ = render("sarif", result, lang)
    data = json.loads(out)
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert isinstance(data, dict)
    return data


def run_of(data: dict[str, Any]) -> dict[str, Any]:
    assert data["version"] == "2.1.0"
    assert data["$schema"] == sarif.SCHEMA_URI
    assert len(data["runs"]) == 1
    run = data["runs"][0]
    assert isinstance(run, dict)
    return run


def assert_results_match(run: dict[str, Any], result: Result) -> None:
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(result.diagnostics)
    for r, d in zip(run["results"], result.diagnostics, strict=True):
        assert r["ruleId"] == d.code
        assert rules[r["ruleIndex"]]["id"] == d.code
        assert r["level"] == {"error": "error", "warning": "warning", "info": "note"}[d.severity.value]
        assert r["message"]["text"] == d.message
        (location,) = r["locations"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (d.line, d.column)
        assert len(r["partialFingerprints"]["vplint/v1"]) == 64
        assert ("fixes" in r) is bool(d.fix)


def test_the_schema_is_the_official_one() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"] == sarif.SCHEMA_URI
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"


def test_the_validator_catches_a_broken_log() -> None:
    data = json.loads(render("sarif", shipped())[0])
    del data["runs"][0]["tool"]["driver"]["name"]
    assert list(validator().iter_errors(data))


def test_shipped_canvases() -> None:
    run = run_of(log(shipped()))
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("vplint", vplint.__version__)


def test_rules_describe_every_code() -> None:
    rules = run_of(log(shipped()))["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(RULES) | set(BUILTIN_CODES)
    for r in rules:
        assert r["name"]
        assert r["shortDescription"]["text"]
        assert r["fullDescription"]["text"]
        assert r["help"]["text"]
        assert r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {r["id"]: r for r in rules}
    c001 = by_id["C001"]
    assert c001["shortDescription"]["text"] == RULES["C001"].summary_en
    assert RULES["C001"].bad.splitlines()[0] in c001["help"]["text"]
    assert RULES["C001"].good.splitlines()[0] in c001["help"]["markdown"]
    assert by_id["Y001"]["defaultConfiguration"]["enabled"] is False  # style rules are off by default
    assert by_id["S007"]["defaultConfiguration"]["level"] == "warning"


def test_rule_texts_in_chinese_with_lang_zh() -> None:
    run = run_of(log(shipped(), "zh"))
    by_id = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert by_id["C001"]["shortDescription"]["text"] == RULES["C001"].summary_zh
    assert by_id["F001"]["shortDescription"]["text"] == BUILTIN_CODES["F001"].summary_zh
    assert run["tool"]["driver"]["language"] == "zh-CN"
    assert run["language"] == "zh-CN"


def test_broken_canvases(tmp_path: Path, en_text: str, zh_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    broken_tree(tmp_path / "t", en_text, zh_text)
    result = check("t", "nowhere.md", options=Options(today=TODAY, extend_select=("Y",)))
    run = run_of(log(result))
    assert_results_match(run, result)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    uris = set()
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "%SRCROOT%"
        assert " " not in loc["uri"]
        assert "\\" not in loc["uri"]
        assert loc["uri"].isascii()
        uris.add(unquote(loc["uri"]))
    assert {f"t/{EN_NAME}", f"t/{ZH_NAME}"} <= uris
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert sorted(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notifications) == [
        "nowhere.md",
        "t/gone.md",
    ]


def test_fixes_replace_what_the_edits_replace(tmp_path: Path, en_text: str, zh_text: str) -> None:
    result = check(broken_tree(tmp_path / "t", en_text, zh_text), options=Options(today=TODAY, extend_select=("Y",)))
    run = run_of(log(result))
    fixed = [(r, d) for r, d in zip(run["results"], result.diagnostics, strict=True) if d.fix]
    assert fixed
    for r, d in fixed:
        (change,) = r["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"] == r["locations"][0]["physicalLocation"]["artifactLocation"]
        for replacement, edit in zip(change["replacements"], d.fix, strict=True):
            region = replacement["deletedRegion"]
            assert (region["startLine"], region["startColumn"], region["endColumn"]) == (
                edit.line,
                edit.column,
                edit.end_column,
            )
            assert replacement["insertedContent"]["text"] == edit.text


def test_drafts() -> None:
    result = drafts()
    run = run_of(log(result))
    assert_results_match(run, result)
    assert "language" not in run  # messages are in each canvas's own language


def test_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "repo"
    (base / "sub").mkdir(parents=True)
    monkeypatch.chdir(base / "sub")  # relative paths are relative to the current folder
    assert sarif.artifact_location("../canvases/a b/画布.md", base) == {
        "uri": "canvases/a%20b/%E7%94%BB%E5%B8%83.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert sarif.artifact_location(str(base / "x" / ".." / "c:d#1.md"), base) == {
        "uri": "c%3Ad%231.md",
        "uriBaseId": "%SRCROOT%",
    }
    outside = sarif.artifact_location(str(tmp_path / "other" / "a b.md"), base)
    assert outside == {"uri": (tmp_path / "other" / "a b.md").as_uri()}
    assert "%20" in outside["uri"]


# --- paths relative to the repository root ----------------------------------------------------


def _repository(tmp_path: Path, en_text: str, git: str = "folder") -> Path:
    """``tmp_path/repo``, a repository (``.git`` a folder, or the file of a worktree), with a broken canvas in sub/."""
    repo = tmp_path / "repo"
    (repo / "sub" / "deeper").mkdir(parents=True)
    if git == "folder":
        (repo / ".git").mkdir()
    else:
        (repo / ".git").write_text("gitdir: /somewhere/else/.git/worktrees/repo\n", encoding="utf-8")
    (repo / "sub" / "c d.md").write_text(en_text.replace("Type: problem-solving", "Type: x"), encoding="utf-8")
    return repo


def _uris(run: dict[str, Any]) -> list[dict[str, str]]:
    return [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]


@pytest.mark.parametrize("git", ["folder", "file"])
def test_uris_are_relative_to_the_git_top_level(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch, git: str
) -> None:
    """Regression: the URIs were relative to the current folder, so a run from sub/ wrote 'c%20d.md'."""
    repo = _repository(tmp_path, en_text, git)
    monkeypatch.chdir(repo / "sub" / "deeper")
    run = run_of(log(check("../c d.md")))
    assert _uris(run) == [{"uri": "sub/c%20d.md", "uriBaseId": "%SRCROOT%"}]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    # the github and gitlab formats name the file the same way, from the same code
    assert render("github", check("../c d.md"))[0].startswith("::error file=sub/c d.md,line=33,")
    assert json.loads(render("gitlab", check("../c d.md"))[0])[0]["location"]["path"] == "sub/c d.md"


def test_github_workspace_wins_over_the_git_top_level(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path, en_text)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo / "sub"))
    run = run_of(log(check("sub/c d.md")))
    assert _uris(run) == [{"uri": "c%20d.md", "uriBaseId": "%SRCROOT%"}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (repo / "sub").as_uri() + "/"


def test_outside_any_repository_the_current_folder_is_the_root(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path, en_text)
    (repo / ".git").rmdir()
    if common.repository_root(str(tmp_path)) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    monkeypatch.chdir(repo / "sub")
    run = run_of(log(check("c d.md", str(repo / ".." / "elsewhere.md"))))
    assert _uris(run) == [{"uri": "c%20d.md", "uriBaseId": "%SRCROOT%"}]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (repo / "sub").as_uri() + "/"
    (missing,) = run["invocations"][0]["toolExecutionNotifications"]
    outside = missing["locations"][0]["physicalLocation"]["artifactLocation"]
    assert outside == {"uri": (tmp_path / "elsewhere.md").as_uri()}  # absolute, so no uriBaseId


def test_every_relative_uri_has_the_base_and_every_absolute_one_none(
    tmp_path: Path, en_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repository(tmp_path, en_text)
    monkeypatch.chdir(repo)
    run = run_of(log(check("sub", str(tmp_path / "nowhere.md"), options=Options(today=TODAY, extend_select=("Y",)))))
    locations = [json.dumps(x) for x in [run["results"], run["invocations"]]]
    found = [json.loads(m) for m in re.findall(r'\{"uri": [^{}]*\}', "".join(locations))]
    assert len(found) > 2
    for location in found:
        if location["uri"].startswith("file://"):
            assert "uriBaseId" not in location
        else:
            assert location["uriBaseId"] in run["originalUriBaseIds"]


def test_repository_root(tmp_path: Path) -> None:
    (tmp_path / "r" / "a" / "b").mkdir(parents=True)
    (tmp_path / "r" / ".git").mkdir()
    assert common.repository_root(str(tmp_path / "r" / "a" / "b")) == tmp_path / "r"
    assert common.repository_root(str(tmp_path / "r" / "a" / ".." / "a")) == tmp_path / "r"
    (tmp_path / "r" / "a" / ".git").write_text("gitdir: ../.git/modules/a\n", encoding="utf-8")  # a submodule
    assert common.repository_root(str(tmp_path / "r" / "a" / "b")) == tmp_path / "r" / "a"
    assert common.repository_root(str(ROOT / "vplint")) in (ROOT, None)  # this checkout, or an sdist


def test_base_dir_reads_the_variable_then_git_then_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r" / "a").mkdir(parents=True)
    (tmp_path / "r" / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "r" / "a")
    assert common.base_dir() == tmp_path / "r"
    assert common.base_dir("GITHUB_WORKSPACE", {}) == tmp_path / "r"
    assert common.base_dir("GITHUB_WORKSPACE", {"GITHUB_WORKSPACE": "/ci/checkout/"}) == Path("/ci/checkout")
    assert common.base_dir("GITHUB_WORKSPACE", {"GITHUB_WORKSPACE": ""}) == tmp_path / "r"


# --- rule metadata: helpUri and the length of fullDescription ---------------------------------


def _anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a page's headings (fenced blocks left out)."""
    text = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    out = set()
    for heading in re.findall(r"^#{1,6} (.+)$", text, re.M):
        kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
        out.add(kept.replace(" ", "-"))
    return out


@pytest.mark.parametrize(("lang", "page"), [("en", "rules.md"), ("zh", "rules.zh.md")])
def test_every_rule_has_a_help_uri_to_its_section(lang: str, page: str) -> None:
    rules = run_of(log(shipped(), lang))["tool"]["driver"]["rules"]
    doc = (ROOT / "docs" / page).read_text(encoding="utf-8")
    anchors = _anchors(doc)
    for r in rules:
        uri = r["helpUri"]
        parts = urlsplit(uri)
        assert (parts.scheme, bool(parts.netloc)) == ("https", True), uri  # SARIF: an absolute URI
        assert uri.isascii()
        assert uri.startswith(sarif.DOCS_URL + page + "#")
        assert f"/blob/v{vplint.__version__}/docs/" in uri  # the docs of this version
        fragment = unquote(parts.fragment)
        assert fragment in anchors, (r["id"], fragment)
        if r["id"] in RULES:
            assert fragment == f"{r['id'].lower()}-{r['name']}"
        else:  # the file and shape checks share one section, which has a line for each
            section = doc.split("\n## ")[-1]
            assert _anchors("## " + section.splitlines()[0]) == {fragment}
            assert f"| {r['id']} | {r['name']} |" in section


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_full_descriptions_fit_github_and_are_cut_between_words(lang: str) -> None:
    rules = run_of(log(shipped(), lang))["tool"]["driver"]["rules"]
    texts = {r["id"]: r["fullDescription"]["text"] for r in rules}
    rationales = {code: sarif._unwrap(rule.rationale(lang), lang) for code, rule in RULES.items()}
    assert max(map(len, rationales.values())) > sarif.FULL_DESCRIPTION_LIMIT or lang == "zh"  # some are cut
    for code, text in texts.items():
        assert 0 < len(text) <= 1024, (code, len(text))
        original = rationales.get(code, text)
        if text == original:
            continue
        assert text.endswith("…"), code
        kept = text[:-1].rstrip()
        assert original.startswith(kept)
        before, after = kept[-1], original[len(kept)]
        assert after.isspace() or {unicodedata.east_asian_width(c) for c in (before, after)} & {"W", "F"}, code
    assert any(text.endswith("…") for text in texts.values()) or lang == "zh"


def test_shorten() -> None:
    assert sarif.shorten("Short. Text.", 20) == "Short. Text."
    assert sarif.shorten("One two three. Four five six seven.", 30) == "One two three. …"
    # no sentence ends in the second half: the last word that fits
    assert sarif.shorten("One. Two three four five six seven eight.", 30) == "One. Two three four five six …"
    assert sarif.shorten("Abbreviations such as e.g. here and there", 34) == "Abbreviations such as e.g. here …"
    cut = sarif.shorten("word " * 300)
    assert len(cut) <= 1024
    assert cut.endswith("word …")
    assert sarif.shorten("一二三四五。六七八九十一二三四五六七八九十", 12) == "一二三四五。…"
    assert sarif.shorten("这是一个很长的句子没有句号一直写下去", 10) == "这是一个很长的句…"
    assert sarif.shorten("3. list item number three and more words", 12) == "3. list …"
    for limit in range(10, 60):
        text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore."
        short = sarif.shorten(text, limit)
        assert len(short) <= limit
        kept = short.removesuffix("…").rstrip()
        assert text.startswith(kept)
        assert len(text) == len(kept) or text[len(kept)] == " ", (limit, short)
