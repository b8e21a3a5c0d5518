"""The mind map: Mermaid text GitHub can render, and the same tree as a deterministic, offline SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from vplint.briefs.mindmap import Node, mermaid, svg, text_width, wrap

TREE = Node(
    "Chief Financial Officer",
    "root",
    (
        Node("P1 Quote-to-cash slowed since the 2024 reorganisation", "problem-solving", (Node("N1 Credit", "need"),)),
        Node("M1 机会窗口", "motivator", (Node("外部 · 政策：《数据安全法》配套细则 2027年1月1日起施行", "change"),)),
    ),
)


def test_mermaid_is_an_indented_mindmap() -> None:
    assert mermaid(TREE) == (
        "mindmap\n"
        '  root(("Chief Financial Officer"))\n'
        '    n1["P1 Quote-to-cash slowed since the 2024 reorganisation"]\n'
        '      n2["N1 Credit"]\n'
        '    n3["M1 机会窗口"]\n'
        '      n4["外部 · 政策：《数据安全法》配套细则 2027年1月1日起施行"]\n'
    )


def test_mermaid_labels_cannot_break_out() -> None:
    text = mermaid(Node('a "quoted" <b>x</b> `tick` #12; %% c\nnext', "root", (Node("", "need"),)))
    assert text.splitlines()[1] == """  root(("a 'quoted' ‹b›x‹/b› 'tick' ＃12; %% c next"))"""
    assert text.splitlines()[2] == '    n1["…"]'


def test_svg_is_well_formed_deterministic_and_offline() -> None:
    out = svg(TREE)
    assert out == svg(TREE)
    root = ET.fromstring(out)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) == 5
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) == 4
    assert not re.search(r"href|<script|<image|url\(|@import|@font-face", out)
    coordinates = re.findall(r' (?:[xy]|width|height|d)="([^"]*)"', out)
    assert coordinates
    assert not any(re.search(r"\d\.\d{2,}", c) for c in coordinates)


def test_svg_escapes_text() -> None:
    out = svg(Node("<script>alert('x') & \"y\"</script>", "root"))
    ET.fromstring(out)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#39;x&#39;)" in out


def test_wide_characters_count_double() -> None:
    assert text_width("中文", 10) == 20
    assert text_width("ab", 10) < 12
    lines = wrap("旺季系统宕机次数比去年多而且越来越严重需要尽快解决", 100, 10)
    assert all(text_width(line, 10) <= 100 for line in lines)
    assert "".join(lines) == "旺季系统宕机次数比去年多而且越来越严重需要尽快解决"


def test_wrap_breaks_words_and_ends_long_text_with_an_ellipsis() -> None:
    assert wrap("one two three", 1000) == ["one two three"]
    assert wrap("one two three", 40) == ["one", "two", "three"]
    lines = wrap("word " * 60, 60)
    assert len(lines) == 4
    assert lines[-1].endswith("…")
    assert all(text_width(line) <= 60 for line in lines)
    assert wrap("Supercalifragilisticexpialidocious", 50)[0] != "Supercalifragilisticexpialidocious"
    assert wrap("问题，", 22, 11) == ["问题，"]  # no line starts with a comma
