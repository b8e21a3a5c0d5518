"""What the fuzz campaign found (``tests/fuzz/fuzz_vplint.py``, recorded in docs/hardening.md), each as a test.

While a bug is open its test is a strict xfail naming the code at fault, and its kind is listed in
``KNOWN_BUGS`` in tests/property/test_property_briefs.py; all the bugs found so far are fixed.
The ``--fix`` idempotence bug the campaign also found is tested in tests/integration/test_hardening_writes.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT
from vplint.briefs.context import TIME_DEPENDENT, canvas_context
from vplint.briefs.render import Renderer
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")


def _svg(text: str) -> str:
    res = lint_text(text, "c.md", options=Options(ignore=TIME_DEPENDENT))
    assert res.canvas is not None
    renderer = Renderer()
    view = canvas_context(res.canvas, res.diagnostics, "en", renderer.bank("en"), "c.md")
    html = renderer.render("brief.en.html.j2", {**view, "format": "html"})
    return html[html.index("<svg") : html.index("</svg>") + len("</svg>")]


@pytest.mark.parametrize("char", ["\x08", "\ufffe"])
def test_control_characters_do_not_break_the_mind_map_svg(char: str) -> None:
    svg = _svg(EN.replace("### P1 Quote-to-cash", f"### P1 Quote{char}-to-cash", 1))
    ET.fromstring(svg)


@pytest.mark.parametrize(("marker_line", "indent"), [("-", "  "), ("- ", "\t"), ("-\t", "   ")])
def test_an_item_whose_text_starts_on_the_next_line_keeps_its_position(marker_line: str, indent: str) -> None:
    text = EN.replace("- Type: problem-solving", f"{marker_line}\n{indent}Type: problem-slving", 1)
    res = lint_text(text, "c.md")
    column = len(f"{indent}Type: ") + 1
    assert [(d.line, d.column, d.code) for d in res.diagnostics] == [(34, column, "S002")]
