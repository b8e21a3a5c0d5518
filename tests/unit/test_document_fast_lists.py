"""vplint's shortcut for simple lists builds exactly the tokens mistune builds.

``markdown._simple_list`` replaces mistune's recursive list parsing for the lists canvases almost
always have (one-line ``- Field: value`` items).  Every test here parses a text twice, with the
shortcut (``BodyParser()``, what vplint uses) and with mistune alone
(``BodyParser(simple_lists=False)``), and compares the whole token stream (positions included): on
every markdown file in the repository, on hand-picked edge cases around where a list ends, and on
hypothesis-built texts made of the lines that matter.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.property.test_property import BASE
from vplint.model.canvas import build_canvas
from vplint.parser.document import Document, parse_document
from vplint.parser.markdown import BodyParser

FAST = BodyParser()
PLAIN = BodyParser(simple_lists=False)


def parser(fast: bool) -> BodyParser:
    return FAST if fast else PLAIN


def tokens(text: str, fast: bool) -> list[dict[str, Any]]:
    toks = parser(fast).tokens(text)
    for tok in toks:
        tok.pop("_item_starts", None)  # the shortcut's note for vplint, not part of mistune's token
    return toks


def document(text: str, fast: bool, path: str = "<string>") -> Document:
    """``parse_document``, with the body parsed by the given adapter."""
    doc = parse_document(text, path)
    if doc.text.strip() and "\x00" not in doc.text:  # parse_document parsed the body
        body = "\n".join(doc.text.split("\n")[doc.body_line - 1 :])
        doc.blocks = parser(fast).blocks(body, doc.body_line)
    return doc


def blocks(text: str, fast: bool) -> list[Any]:
    return document("---\nid: x\n---\n" + text, fast).blocks


def test_vplint_parses_with_the_shortcut() -> None:
    text = "---\nid: x\n---\n## H\n- a: 1\n- b: 2\n\n- c\n  continued\n"
    assert parse_document(text).blocks == document(text, True).blocks == document(text, False).blocks
    assert "_item_starts" in FAST.tokens("- a\n- b\n")[0]
    assert "_item_starts" not in PLAIN.tokens("- a\n- b\n")[0]


def assert_same(text: str) -> None:
    """The same tokens, and the same headings and items with the same positions."""
    assert tokens(text, True) == tokens(text, False), repr(text)
    assert blocks(text, True) == blocks(text, False), repr(text)


def markdown_files() -> Iterator[Path]:
    for folder in ("canvases", "tests", "docs", "templates", "examples"):
        yield from sorted((ROOT / folder).rglob("*.md"))
    shared = ROOT.parent / "shared" / "examples"
    if shared.is_dir():
        yield from sorted(shared.glob("*.md"))


FILES = list(markdown_files())


def test_there_are_files_to_compare() -> None:
    assert len(FILES) > 100


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT.parent)) for p in FILES])
def test_repository_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    assert_same(text)


EDGES = [
    "- a\n- b\n",
    "- a\n- b",
    "- a\n- b  \n\n## H\n",
    "- a\n## H\n",
    "- a\n  ## H\n",
    "- a\n #H\n",
    "- a\n#H\n",
    "- a\n\n#H\n",
    "- a\n\n\n# H\nText\n",
    "- a\n\nText\n",
    "- a\nlazy continuation\n",
    "- a\n  continued\n",
    "- a\n\n  second paragraph\n",
    "- a\n\n- b\n",
    "- a\n* b\n",
    "- a\n\n* b\n",
    "- a\n1. b\n",
    "- a\n---\n",
    "- a\n\n---\n",
    "- a\n***\n",
    "- a\n> quote\n",
    "- a\n\n> quote\n",
    "- a\n```\ncode\n```\n",
    "- a\n<div>\n",
    "- a\n\n<div>\n",
    "- a\n \n",
    "- a\n\t\n",
    "- a\n\n    code\n",
    "- a\n\n\tcode\n",
    "- a\n\n\u3000full-width space\n",
    "- - -\n",
    "- * * *\n",
    "- - a\n",
    "- 1. a\n",
    "- > a\n",
    "- ```\n- b\n",
    "- ~~~\n",
    "-  two spaces\n",
    "-\ttab\n",
    "- \ttab after space\n",
    "-\n",
    "- \n",
    " - indented\n",
    "+ plus\n+ plus\n",
    "* star\n* star\n\n",
    "Para\n- a\n- b\n",
    "# H\n- a\n- b\n## H2\n- c\n",
    "- a\n- b\n\n\n",
    "- 中文：值\n- 类型: 今不如昔\n\n## 需求\n",
    "- a\n=\n",
    "- a\n\n=\n",
    "- a\n\n| t |\n",
    "- a\n\n_x_\n",
    "- a\n\n2024 was a year\n",
    "- a\n\n2. b\n",
    "- a\x0b\n",
    "- a\n\x0c\n",
]


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases(text: str) -> None:
    assert_same(text)


LINES = st.sampled_from(
    [
        "- Type: operational",
        "- 类型：今不如昔",
        "* star",
        "+ plus",
        "1. one",
        "-  two spaces",
        "- - nested",
        "  - indented nested",
        "    code",
        "  continued",
        "lazy text",
        "",
        " ",
        "\t",
        "## Heading",
        "#NoSpace",
        "   # indented heading",
        "---",
        "***",
        "> quote",
        "```",
        "~~~",
        "<div>",
        "=",
        "- ```",
        "- > q",
        "-",
        "- ",
    ]
)


@pytest.mark.slow
@given(st.lists(LINES, min_size=1, max_size=14), st.booleans())
@settings(BASE, max_examples=1500)
def test_texts_made_of_the_lines_that_matter(lines: list[str], final_newline: bool) -> None:
    assert_same("\n".join(lines) + ("\n" if final_newline else ""))


def test_canvas_positions_do_not_change() -> None:
    """The model built from either token stream is the same, positions included."""
    for path in FILES:
        if not path.name.endswith(".md"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        fast = build_canvas(document(text, True, str(path)))
        slow = build_canvas(document(text, False, str(path)))
        assert fast.data == slow.data, path
        assert fast.positions == slow.positions, path
