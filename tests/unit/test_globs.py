"""config/globs.py: gitignore-like globs with character sets, in linear time however many stars."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vplint.config.globs import _simulate, compile_glob


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a/b/c.md", True),
        ("*.md", "a/b/c.md/", True),
        ("*.md", "c.mdx", False),
        ("drafts/", "drafts", True),
        ("drafts/**", "drafts/x/y.md", True),
        ("canvases/*.md", "canvases/a.md", True),
        ("canvases/*.md", "canvases/sub/a.md", False),
        ("canvases/**/*.md", "canvases/a.md", True),
        ("canvases/**/*.md", "canvases/sub/deeper/a.md", True),
        ("**/README.md", "README.md", True),
        ("a?.md", "ab.md", True),
        ("a?.md", "a/.md", False),
        ("[ab].md", "a.md", True),
        ("[ab].md", "c.md", False),
        ("[ab].md", "[ab].md", False),
        ("[!ab].md", "c.md", True),
        ("[^ab].md", "a.md", False),
        ("[a-c]x.md", "bx.md", True),
        ("[a-c]x.md", "dx.md", False),
        ("[]]x", "]x", True),
        ("[x", "[x", True),  # not closed: a literal bracket
        ("a[/]b", "a/b", False),  # a set never matches a folder separator
        ("*a*a*a*a*a*a*a*a*b", "a" * 60, False),
        ("*a*a*a*a*a*a*a*a*b", "a" * 60 + "b", True),
    ],
)
def test_globs(pattern: str, path: str, matches: bool) -> None:
    assert compile_glob(pattern).match(path) is matches


def test_many_stars_against_a_long_name_take_no_time() -> None:
    """'*a*a*a*a*a*a*a*a*b' against a 60-character name never finished (issue 'Hardening, round two', 8)."""
    glob = compile_glob("*a*a*a*a*a*a*a*a*b")
    assert glob.regex is None  # matched by the automaton
    start = time.perf_counter()
    for n in (60, 255, 4096):
        assert not glob.match("a" * n)
    assert time.perf_counter() - start < 5  # a backtracking matcher takes hours on the first name


def test_common_patterns_stay_regular_expressions() -> None:
    for pattern in ("*.md", "drafts", "archive/**", "**/drafts/*.md", "canvases/*.md", "[ab]*.md"):
        assert compile_glob(pattern).regex is not None, pattern


PATTERN_PARTS = st.sampled_from(["a", "b", ".", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "[a-b]", "["])
PATH_CHARS = st.sampled_from(["a", "b", ".", "/", "c", "["])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(PATTERN_PARTS, max_size=8), path=st.lists(PATH_CHARS, max_size=12))
def test_the_automaton_and_the_regular_expression_agree(parts: list[str], path: list[str]) -> None:
    glob = compile_glob("".join(parts))
    text = "".join(path)
    import re

    from vplint.config.globs import _regex

    regex = re.compile("".join(_regex(t) for t in glob.tokens) + r"\Z")
    assert _simulate(glob.tokens, text) is (regex.match(text) is not None), (glob.pattern, text)


def test_a_reversed_range_matches_nothing_and_does_not_crash() -> None:
    assert not compile_glob("[z-a].md").match("b.md")
    assert compile_glob("[!z-a].md").match("b.md")
    assert not compile_glob("*[z-a]*[z-a]*x").match("abc")  # the automaton agrees
