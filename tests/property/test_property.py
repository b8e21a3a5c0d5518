"""Property tests: no input makes vplint raise, and every finding points into the input.

(a) the two sample canvases, mutated at random (lines deleted, duplicated, swapped, text and
    bytes inserted, values changed, separators swapped, fences, headings, list markers and
    YAML punctuation added, the file cut short);
(b) arbitrary bytes and text, and text shaped like a canvas;
(c) ``vplint.parse`` of an unmutated sample is deterministic, also across interpreters with
    different hash seeds; line ends, a BOM and bytes-vs-str do not change a result.

Hypothesis runs derandomized (the same examples on every run) so CI never flakes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

import vplint
from tests.conftest import ROOT
from vplint.diagnostics import Diagnostic
from vplint.i18n import render
from vplint.lint.codes import BUILTIN_CODES
from vplint.lint.pipeline import lint_text
from vplint.rules import RULES

EXAMPLES = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "canvases").glob("*.md"))}
EXAMPLE_NAMES = sorted(EXAMPLES)
CODE = re.compile(r"[A-Z]\d{3}")
KNOWN_CODES = frozenset(RULES) | frozenset(BUILTIN_CODES)

BASE = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


def test_the_samples_are_there() -> None:
    assert EXAMPLE_NAMES == ["acme-cfo.en.md", "huaxin-cio.zh.md"]


# --- the property every result must have ----------------------------------------------------


def line_count(data: bytes | str) -> int:
    """Lines in the input as vplint counts them (any of CRLF, CR and LF ends a line)."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def assert_well_formed(diags: list[Diagnostic], data: bytes | str) -> None:
    limit = line_count(data) + 1
    for d in diags:
        assert CODE.fullmatch(d.code), d
        assert d.code in KNOWN_CODES, d
        assert d.line >= 1, d
        assert d.column >= 1, d
        assert d.line <= limit, (d, limit)
        # the message renders, in both languages, with the arguments the finding carries
        assert d.message, d
        for lang in ("en", "zh"):
            assert render(d.message_id, d.args, lang), (d, lang)
        for edit in d.fix:
            assert 1 <= edit.line <= limit, (d, edit)
            assert 1 <= edit.column <= edit.end_column, (d, edit)


def check(data: bytes | str) -> list[Diagnostic]:
    res = lint_text(data, "mutated.md")
    assert res.error is None
    assert_well_formed(res.diagnostics, data)
    return res.diagnostics


def found(diags: list[Diagnostic]) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.code, d.message) for d in diags]


# --- mutations ----------------------------------------------------------------------------------

SPECIAL = [
    "---",
    "...",
    "***",
    "#",
    "# ",
    "## ",
    "### ",
    "####### ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "  - ",
    "    ",
    "> ",
    "```",
    "~~~",
    ":",
    "：",
    ": ",
    "&a ",
    "*a",
    "!!python/object/apply:os.system ['true']",
    "!custom",
    "|",
    ">-",
    "'",
    '"',
    "%YAML 1.1",
    "@",
    "`",
    "{",
    "}",
    "[",
    "]",
    ",",
    "?",
    "\t",
    "~",
    "null",
    "<<: *a",
    "\\",
    "——",
    " - ",
    "/",
    "／",
    "、",
    "<!--",
    "-->",
    "<!-- vplint-disable -->",
    "<!-- vplint-enable -->",
    "<!-- vplint-disable-next-line S002 -->",
    "<!-- vplint-disable-file C001, problem-diagnosis -->",
    "# vplint: disable=S001",
    "P1",
    "P99",
    "N1",
    "M1",
    "x-",
    "2026-02-30",
    "2026年13月1日",
    "\u00a0",
    "\u3000",
    "\ufeff",
    "\u200b",
    "\x00",
    "\x07",
    "\x0c",
    "\x1b",
    "\x7f",
    "\ufffe",
    "\r",
]
YAMLISH = st.sampled_from(list("-:#[]{}&*!|>'\"%@`,?~ \t\nabcP1：——、/"))
fragment = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=20),
    st.text(alphabet=YAMLISH, max_size=20),
    st.text(alphabet=st.characters(codec="ascii"), max_size=20),
)


def _index(draw: DrawFn, lines: list[str], *, end: bool = False) -> int:
    return draw(st.integers(0, len(lines) if end else max(len(lines) - 1, 0)))


def _delete(draw: DrawFn, lines: list[str]) -> list[str]:
    if lines:
        del lines[_index(draw, lines)]
    return lines


def _duplicate(draw: DrawFn, lines: list[str]) -> list[str]:
    if lines:
        i = _index(draw, lines)
        lines.insert(i, lines[i])
    return lines


def _swap(draw: DrawFn, lines: list[str]) -> list[str]:
    if lines:
        i, j = _index(draw, lines), _index(draw, lines)
        lines[i], lines[j] = lines[j], lines[i]
    return lines


def _insert_line(draw: DrawFn, lines: list[str]) -> list[str]:
    lines.insert(_index(draw, lines, end=True), draw(fragment) + draw(st.sampled_from(["", " ", " text"])))
    return lines


def _splice(draw: DrawFn, lines: list[str]) -> list[str]:
    if lines:
        i = _index(draw, lines)
        pos = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:pos] + draw(fragment) + lines[i][pos:]
    return lines


def _wrap(draw: DrawFn, lines: list[str]) -> list[str]:
    """Hard-wrap a line, as an editor does: the rest goes on an indented (or lazy) continuation line."""
    if lines:
        i = _index(draw, lines)
        pos = draw(st.integers(0, len(lines[i])))
        indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
        lines[i : i + 1] = [lines[i][:pos].rstrip(" "), indent + lines[i][pos:].lstrip(" ")]
    return lines


def _truncate(draw: DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    i = _index(draw, lines)
    pos = draw(st.integers(0, len(lines[i])))
    return [*lines[:i], lines[i][:pos]]


def _change_value(draw: DrawFn, lines: list[str]) -> list[str]:
    fields = [i for i, line in enumerate(lines) if re.search(r"[:：]", line)]
    if fields:
        i = draw(st.sampled_from(fields))
        m = re.search(r"[:：]\s*", lines[i])
        assert m is not None
        lines[i] = lines[i][: m.end()] + draw(st.one_of(fragment, st.text(max_size=40)))
    return lines


_SWAPS = [
    (":", "："),
    ("：", ":"),
    (" - ", " —— "),
    ("——", "-"),
    ("/", "／"),
    ("/", " > "),
    ("- ", "* "),
    ("- ", "1. "),
    ("- ", "-"),
    ("- ", "  - "),
    ("---", "***"),
    ("---", "..."),
    ("## ", "### "),
    ("### ", "## "),
    ("# ", "#"),
    ("  ", "\t"),
    (", ", "、"),
    ("P", "p"),
]


def _replace_separators(draw: DrawFn, lines: list[str]) -> list[str]:
    old, new = draw(st.sampled_from(_SWAPS))
    if draw(st.booleans()):
        return [line.replace(old, new) for line in lines]
    if lines:
        i = _index(draw, lines)
        lines[i] = lines[i].replace(old, new)
    return lines


def _insert_structure(draw: DrawFn, lines: list[str]) -> list[str]:
    head = draw(st.sampled_from(["---", "# ", "## ", "### ", "- ", "* ", "1. ", "  - ", "```", "> ", "- Type: "]))
    tail = draw(st.one_of(st.sampled_from(["", "Problems", "Needs", "P1 x", "业务问题", "Diagnosis: goal"]), fragment))
    lines.insert(_index(draw, lines, end=True), head + tail)
    return lines


Mutation = Callable[[DrawFn, list[str]], list[str]]
MUTATIONS: list[Mutation] = [
    _delete,
    _duplicate,
    _swap,
    _insert_line,
    _splice,
    _wrap,
    _truncate,
    _change_value,
    _replace_separators,
    _insert_structure,
]


@st.composite
def mutated_text(draw: DrawFn) -> str:
    lines = EXAMPLES[draw(st.sampled_from(EXAMPLE_NAMES))].split("\n")
    for _ in range(draw(st.integers(1, 6))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return "\n".join(lines)


@st.composite
def mutated_input(draw: DrawFn) -> bytes | str:
    """A mutated sample as text, or as bytes: UTF-8, with a BOM, CRLF, random bytes spliced in, or cut."""
    text = draw(mutated_text())
    form = draw(st.sampled_from(["str", "utf8", "bom", "crlf", "cr", "bytes", "cut"]))
    if form == "str":
        return text
    if form == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if form == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    data = text.encode("utf-8")
    if form == "bom":
        return b"\xef\xbb\xbf" + data
    pos = draw(st.integers(0, len(data)))
    if form == "cut":  # may end in the middle of a character
        return data[:pos]
    if form == "bytes":
        return data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos:]
    return data


# --- (a) mutated samples ------------------------------------------------------------------------


@given(mutated_input())
@settings(BASE, max_examples=500)
def test_mutated_samples_never_raise_and_point_into_the_input(data: bytes | str) -> None:
    check(data)


def input_lines(data: bytes | str) -> list[str]:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@given(mutated_input())
@settings(BASE, max_examples=500)
def test_mutated_samples_findings_stay_within_their_line(data: bytes | str) -> None:
    lines = input_lines(data)
    for d in check(data):
        text = lines[d.line - 1] if d.line <= len(lines) else ""
        assert d.column <= len(text) + 1, (d, text)


@given(mutated_text())
@settings(BASE, max_examples=150)
def test_mutated_samples_do_not_depend_on_line_ends_or_a_bom(text: str) -> None:
    if "\r" in text:
        text = text.replace("\r", "")
    expected = found(check(text))
    assert found(check(text.encode("utf-8"))) == expected
    assert found(check(text.replace("\n", "\r\n"))) == expected
    assert found(check(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))) == expected


@given(mutated_text())
@settings(BASE, max_examples=100)
def test_checking_a_mutated_sample_is_repeatable(text: str) -> None:
    assert found(check(text)) == found(check(text))
    assert vplint.parse(text) == vplint.parse(text)


# --- (b) arbitrary input -----------------------------------------------------------------------


@given(st.binary(max_size=4096))
@settings(BASE, max_examples=300)
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    check(data)


@given(st.text(max_size=2000))
@settings(BASE, max_examples=300)
def test_arbitrary_text_never_raises(text: str) -> None:
    check(text)
    check(text.encode("utf-8"))


@given(
    st.text(alphabet=YAMLISH, max_size=400),
    st.lists(st.tuples(st.sampled_from(SPECIAL), st.text(max_size=30)), max_size=30),
)
@settings(BASE, max_examples=300)
def test_canvas_shaped_text_never_raises(front: str, body: list[tuple[str, str]]) -> None:
    text = "---\n" + front + "\n---\n" + "\n".join(head + rest for head, rest in body)
    check(text)
    vplint.parse(text)


# --- (c) determinism -----------------------------------------------------------------------------

_PARSE_SNIPPET = """
import json, sys
import vplint
with open(sys.argv[1], "rb") as fh:
    print(json.dumps(vplint.parse(fh.read()), ensure_ascii=False, sort_keys=False))
"""


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_parse_of_a_sample_is_deterministic(name: str) -> None:
    text = EXAMPLES[name]
    first = vplint.parse(text)
    dumped = json.dumps(first, ensure_ascii=False)
    for _ in range(3):
        assert json.dumps(vplint.parse(text), ensure_ascii=False) == dumped  # same values, same order
    for variant in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.replace("\n", "\r\n").encode("utf-8"),
        text.replace("\n", "\r"),
    ):
        assert json.dumps(vplint.parse(variant), ensure_ascii=False) == dumped
    assert first["id"] == name.split(".")[0]
    # the same in fresh interpreters whose str hashes (and so set order) differ
    path = ROOT / "canvases" / name
    for seed in ("0", "1", "4242"):
        env = dict(os.environ)
        env["PYTHONHASHSEED"] = seed
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        proc = subprocess.run(
            [sys.executable, "-c", _PARSE_SNIPPET, str(path)],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == dumped, seed
