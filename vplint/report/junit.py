"""``junit``: JUnit XML, one test case per checked canvas (GitLab, Jenkins, Azure DevOps, CircleCI, ...).

::

    <testsuites name="vplint" tests="2" failures="1" errors="0">
      <testsuite name="vplint" tests="2" failures="1" errors="0" skipped="0">
        <testcase classname="vplint" name="canvases/a.md">
          <failure message="1 error" type="vplint">canvases/a.md:21:9: S002 ...</failure>
          <system-out>canvases/a.md:40:4: M006 ...</system-out>
        </testcase>
        ...

A canvas with error findings fails (``<failure>``: the count, then one concise line per
error); warnings and infos do not fail it and are listed in ``<system-out>``; a file that
cannot be read, and a path that does not exist, is an ``<error>``.

The report is valid against the Jenkins xunit plugin's ``junit-10.xsd`` (the Surefire schema), which
has no ``file`` attribute on ``testcase``: the canvas's path is the test case's ``name``, and each
line of ``<failure>`` and ``<system-out>`` starts with it.  ``classname`` stays ``vplint``, as
Jenkins splits a class name at its dots into package and class, which would cut a path apart.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from vplint.diagnostics import Severity
from vplint.i18n import count, render
from vplint.lint.result import Result
from vplint.report.concise import format_line, path_problem, printable, summary_language, write_path_errors
from vplint.report.terminal import xml_references

__all__ = ["tree", "write"]

# characters XML 1.0 cannot hold, even escaped
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else "\ufffd", text)


def tree(result: Result, lang: str | None = None) -> ET.Element:
    """The ``<testsuites>`` element."""
    message_lang = summary_language(result, lang)
    suite = ET.Element("testsuite", name="vplint")
    failures = errors = 0
    for p in result.missing:
        case = ET.SubElement(suite, "testcase", classname="vplint", name=_xml(printable(p)))
        text = render("cli.no_path", {"path": printable(p)}, message_lang)
        ET.SubElement(case, "error", message=_xml(text), type="missing")
        errors += 1
    for problem in result.unreadable:
        case = ET.SubElement(suite, "testcase", classname="vplint", name=_xml(printable(problem.path)))
        ET.SubElement(case, "error", message=_xml(path_problem(problem, message_lang)), type="unreadable")
        errors += 1
    for res in result.files:
        path = _xml(printable(res.path))
        case = ET.SubElement(suite, "testcase", classname="vplint", name=path)
        if res.error is not None:
            text = render("cli.unreadable", {"path": printable(res.path), "reason": res.error}, message_lang)
            ET.SubElement(case, "error", message=_xml(text), type="unreadable")
            errors += 1
            continue
        failing = [d for d in res.diagnostics if d.severity is Severity.ERROR]
        other = [d for d in res.diagnostics if d.severity is not Severity.ERROR]
        if failing:
            message = count("errors", len(failing), lang or res.lang)
            failure = ET.SubElement(case, "failure", message=message, type="vplint")
            failure.text = _xml("\n".join(format_line(d) for d in failing))
            failures += 1
        if other:
            ET.SubElement(case, "system-out").text = _xml("\n".join(format_line(d) for d in other))
    counts = {
        "tests": str(len(result.missing) + len(result.unreadable) + len(result.files)),
        "failures": str(failures),
        "errors": str(errors),
    }
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", {"name": "vplint", **counts})
    root.append(suite)
    ET.indent(root)
    return root


def write(result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None:
    write_path_errors(result, err, lang)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    # bidi controls as character references: the same text to an XML reader, inert on a terminal
    xml = ET.tostring(tree(result, lang), encoding="unicode")
    out.write(xml_references(xml) + "\n")
