"""The ``sarif`` format: valid against the official SARIF 2.1.0 schema, with rule metadata and locations."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from jsonschema.validators import validator_for

import vplint
from tests.conftest import TESTS
from tests.report_support import EN_NAME, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.options import Options
from vplint.lint.result import Result
from vplint.report import sarif
from vplint.rules import RULES

SCHEMA_FILE = TESTS / "data" / "sarif-schema-2.1.0.json"


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
