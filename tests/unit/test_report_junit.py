"""The ``junit`` format: well-formed XML, one test case per canvas, failures for errors only."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
import xmlschema

from tests.conftest import ROOT, TESTS
from tests.report_support import EN_NAME, EXAMPLES, TODAY, ZH_NAME, broken_tree, check, drafts, render, shipped
from vplint.diagnostics import Diagnostic, Severity
from vplint.lint.options import Options
from vplint.lint.result import FileResult, PathProblem, Result

XSD_FILE = TESTS / "data" / "junit-10.xsd"  # the Jenkins xunit plugin's schema: tests/data/README.md


@cache
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD_FILE))


def assert_valid(document: str) -> None:
    """``document`` is valid against junit-10.xsd; the message lists what is not."""
    errors = list(schema().iter_errors(document))
    assert not errors, "\n".join(f"{e.path}: {e.reason}" for e in errors[:5])


def parse(result: Result, lang: str | None = None) -> ET.Element:
    out, _ = render("junit", result, lang)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert_valid(out)
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    assert suite.get("name") == "vplint"
    cases = suite.findall("testcase")
    for element in (root, suite):
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))
        assert element.get("errors") == str(sum(1 for c in cases if c.find("error") is not None))
    for case in cases:
        assert case.get("classname") == "vplint"
        assert case.get("name")
    return suite


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {Path(str(c.get("name"))).name: c for c in suite.findall("testcase")}


def test_shipped_canvases_pass() -> None:
    suite = parse(shipped())
    found = cases(suite)
    assert sorted(found) == ["acme-cfo.en.md", "huaxin-cio.zh.md"]
    assert all(len(c) == 0 for c in found.values())  # no failure, error or output


def test_broken_canvases(tmp_path: Path, en_text: str, zh_text: str) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    result = check(folder, tmp_path / "nowhere.md", options=Options(today=TODAY, extend_select=("Y",)))
    suite = parse(result)
    found = cases(suite)
    assert sorted(found) == sorted([EN_NAME, ZH_NAME, "gone.md", "no-front-matter.md", "nowhere.md"])
    en = found[EN_NAME]
    failure = en.find("failure")
    assert failure is not None
    assert failure.text
    errors = [d for d in result.diagnostics if d.path.endswith(EN_NAME) and d.severity is Severity.ERROR]
    assert failure.get("message") == f"{len(errors)} error" + ("s" if len(errors) != 1 else "")
    assert len(failure.text.splitlines()) == len(errors)
    assert all(":" in line and " S002 " in line for line in failure.text.splitlines())
    out = en.find("system-out")
    assert out is not None
    assert out.text
    assert " H002 " in out.text
    assert " Y001 [*] " in out.text
    zh_failure = found[ZH_NAME].find("failure")
    assert zh_failure is not None
    assert zh_failure.get("message") == "1 个错误"
    for name, kind in (("gone.md", "unreadable"), ("nowhere.md", "missing")):
        error = found[name].find("error")
        assert error is not None
        assert error.get("type") == kind
        assert error.get("message")
        assert found[name].find("failure") is None


def test_warnings_alone_do_not_fail() -> None:
    result = check(EXAMPLES / "draft.zh.md", options=Options(today=TODAY, isolated=True, select=("H", "A001")))
    assert result.diagnostics
    assert result.count(Severity.ERROR) == 0
    case = cases(parse(result))["draft.zh.md"]
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None
    assert out.text
    assert len(out.text.splitlines()) == len(result.diagnostics)


def test_drafts() -> None:
    result = drafts()
    found = cases(parse(result))
    assert sorted(found) == ["draft.en.md", "draft.zh.md"]
    assert all(c.find("failure") is not None for c in found.values())
    assert parse(result, "en").find("testcase/failure[@message='2 errors']") is not None


def test_characters_xml_cannot_hold_are_escaped() -> None:
    d = Diagnostic("odd.md", 3, 1, "H002", "H002.placeholder", Severity.ERROR, {"text": "a\x0bb\x1b[31m"})
    result = Result(files=[FileResult("odd.md", [d])])
    failure = cases(parse(result))["odd.md"].find("failure")
    assert failure is not None
    assert failure.text
    assert "a\\x0bb\\x1b[31m" in failure.text


def test_the_schema_is_the_xunit_one_and_strict() -> None:
    assert XSD_FILE.read_text(encoding="utf-8").count("Copyright (c) 2014, Gregory Boissinot") == 1
    suite = '<testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c"/></testsuite>'
    valid = f"<testsuites>{suite}</testsuites>"
    assert_valid(valid)
    for broken in (
        valid.replace('<testcase name="c"/>', '<testcase name="c" file="c.md"/>'),  # no file attribute there
        valid.replace(' tests="1"', ""),  # a suite's tests count is required
        valid.replace("<testcase name=", "<testcase title="),  # a case's name is required
    ):
        assert list(schema().iter_errors(broken)), broken


def test_every_report_is_valid_against_the_xunit_schema(tmp_path: Path, en_text: str, zh_text: str) -> None:
    """Findings of every severity in both languages, a fix, an unreadable file, a missing path, hostile text."""
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    odd = Diagnostic("odd\x1b.md", 3, 1, "H002", "H002.placeholder", Severity.ERROR, {"text": "a\x0bb\n\u202ec\x85"})
    results = [
        shipped(),
        drafts(),
        check(folder, tmp_path / "nowhere.md", options=Options(today=TODAY, extend_select=("Y",))),
        Result(files=[FileResult("odd.md", [odd])], unreadable=[PathProblem("locked", "Permission denied")]),
        Result(files=[]),
    ]
    for result in results:
        for lang in (None, "en", "zh"):
            assert_valid(render("junit", result, lang)[0])


def test_the_file_is_named_without_a_file_attribute(tmp_path: Path, en_text: str, zh_text: str) -> None:
    folder = broken_tree(tmp_path / "t", en_text, zh_text)
    suite = parse(check(folder, options=Options(today=TODAY)))
    for case in suite.findall("testcase"):
        assert case.get("file") is None
        name = str(case.get("name"))
        assert Path(name).parent == folder
        for element in (case.find("failure"), case.find("system-out")):
            if element is not None and element.text:
                assert all(line.startswith(f"{name}:") for line in element.text.splitlines())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_documented_example_is_valid(lang: str) -> None:
    doc = (ROOT / "docs" / ("output-formats.zh.md" if lang == "zh" else "output-formats.md")).read_text(
        encoding="utf-8"
    )
    (example,) = [block for block in doc.split("```xml\n")[1:] if "<testsuites" in block]
    assert_valid(example.split("```")[0])
