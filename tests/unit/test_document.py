"""Reading files: front-matter positions, body positions, YAML kept as written."""

from __future__ import annotations

from vplint import parse
from vplint.parser.document import Heading, Item, YMap, YScalar, YSeq, parse_document


def test_front_matter_positions(en_text: str) -> None:
    doc = parse_document(en_text, "x.md")
    assert doc.diagnostics == []
    fm = doc.front_matter
    assert isinstance(fm, YMap)
    keys = {k.value: (k.line, k.column) for k, _ in fm.items}
    assert keys["id"] == (2, 1)
    assert keys["language"] == (25, 1)
    dm = fm.get("decision_maker")
    assert isinstance(dm, YMap)
    kpis = dm.get("kpis")
    assert isinstance(kpis, YSeq)
    first = kpis.items[0]
    assert isinstance(first, YScalar)
    assert (first.line, first.column) == (10, 7)
    assert doc.body_line == 27


def test_body_positions(en_text: str) -> None:
    doc = parse_document(en_text, "x.md")
    headings = [(b.level, b.text, b.line, b.column) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[1] == (2, "Problems", 30, 4)
    assert headings[2][2:] == (32, 5)
    items = [b for b in doc.blocks if isinstance(b, Item)]
    assert (items[0].text, items[0].line, items[0].column) == ("Type: problem-solving", 33, 3)


def test_code_blocks_quotes_and_prose_are_not_structure() -> None:
    text = (
        "---\nid: a\n---\n\n## Problems\n\nSome prose.\n\n```\n### P9 not a heading\n- Type: x\n```\n\n"
        "> ### P8 quoted\n\n### P1 Real\n\nA paragraph.\n\n- Type: risk-prevention\n"
        "- Diagnosis: symptom-check - late payments\n  continued on a second line\n"
    )
    doc = parse_document(text)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["Problems", "P1 Real"]
    items = [b for b in doc.blocks if isinstance(b, Item)]
    assert [(i.line, i.column) for i in items] == [(20, 3), (21, 3)]
    assert items[1].text == "Diagnosis: symptom-check - late payments continued on a second line"


def test_list_items_with_nested_lists_and_fences_keep_lines() -> None:
    text = (
        "---\nid: a\n---\n## Needs\n### N1 x\n"
        "- Solves:\n  - P1\n  - P2\n"
        "- Sponsor: COO\n\n  ```\n  - not an item\n  ```\n"
        "- Strategy: financial\n"
    )
    doc = parse_document(text)
    items = [b for b in doc.blocks if isinstance(b, Item)]
    assert [(i.text.split(":")[0], i.line) for i in items] == [("Solves", 6), ("Sponsor", 9), ("Strategy", 14)]
    assert items[0].children == ("P1", "P2")


def test_yaml_11_surprises_stay_as_written() -> None:
    text = "---\nid: 1e3\naccount: 0777\nowner: NO\noffering: on\nupdated: 2026-11-20\nx-flag: yes\n---\n"
    model = parse(text)
    assert model["id"] == "1e3"
    assert model["account"] == "0777"
    assert model["owner"] == "NO"
    assert model["offering"] == "on"
    assert model["updated"] == "2026-11-20"
    assert model["x-flag"] == "yes"


def test_crlf_and_bom_do_not_move_positions(en_text: str) -> None:
    lf = parse_document(en_text)
    crlf = parse_document(b"\xef\xbb\xbf" + en_text.replace("\n", "\r\n").encode())
    assert crlf.diagnostics == []
    assert [(b.line, b.column) for b in lf.blocks] == [(b.line, b.column) for b in crlf.blocks]


def test_the_body_is_read_by_the_markdown_adapter() -> None:
    from vplint.parser import markdown

    assert Heading is markdown.Heading
    assert Item is markdown.Item
    text = "---\nid: a\n---\n## Needs\n- Solves: P1\n  and P2\n"
    assert parse_document(text).blocks == markdown.parse_body("## Needs\n- Solves: P1\n  and P2\n", 4)


def test_setext_headings_are_headings() -> None:
    """``Title`` over ``===`` is a level-1 heading and ``Problems`` over ``---`` a level-2 one, at their text."""
    text = (
        "---\nid: a\n---\n\nTitle\n=====\n\nProblems\n--------\n\n### P1 x\n- Type: risk\n\nProse.\n\n"
        "  Two-line\nheading\n---\n- Type: y\n"
    )
    doc = parse_document(text)
    heads = [(b.level, b.text, b.line, b.column) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [(1, "Title", 5, 1), (2, "Problems", 8, 1), (3, "P1 x", 11, 5), (2, "Two-line heading", 16, 3)]
    assert [(b.line, b.column) for b in doc.blocks if isinstance(b, Item)] == [(12, 3), (19, 3)]


def test_a_setext_section_is_a_section() -> None:
    model = parse("---\nid: a\n---\nProblems\n---\n### P1 x\n- Type: risk\n\n购买需求\n--\n### N1 y\n- 解决：P1\n")
    assert [p["id"] for p in model["problems"]] == ["P1"]
    assert model["needs"][0]["solves"] == ["P1"]
