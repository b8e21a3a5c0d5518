"""Checking takes time linear in the size of the input: a pasted paragraph must not hang a pre-commit hook.

Each shape makes one part of a canvas long (a body line, a front-matter value, a heading, a
diagnosis, Chinese placeholder words, markup characters ...) and checks it with every rule at
two sizes, ten times apart.  Linear work takes about ten times longer; quadratic work a hundred
times.  The bound is generous (twenty-fold, plus a quarter of a second for noise) and the
times are the best of three, so the test cannot flake; the H002 e-mail pattern, which tried
every position of a long word, took 24 s on the first shape before it was fixed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.conftest import ROOT
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
ZH = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
ALL = Options(select=("ALL",))

SHAPES: dict[str, Callable[[int], str]] = {
    "a body line after TODO": lambda n: EN + "\n- Note: TODO " + "a" * n + "\n",
    "a front-matter value": lambda n: EN.replace("owner: alice@example.com", "owner: " + "x" * n),
    "a heading": lambda n: EN + "\n## " + "b " * (n // 2) + "\n",
    "a diagnosis": lambda n: EN.replace("- Diagnosis:", "- Diagnosis: " + "c" * n + " ", 1),
    "Chinese placeholder words": lambda n: ZH + "\n- 备注：" + "待" * n + "\n",
    "angle brackets": lambda n: EN + "\n- Note: " + "<" * n + "\n",
    "question marks": lambda n: EN + "\n- Note: " + "?a" * (n // 2) + "\n",
    "at signs": lambda n: EN + "\n- Note: " + "a@" * (n // 2) + "\n",
    "separators": lambda n: EN + "\n- Change: external - " + "- " * (n // 2) + "\n",
    "years": lambda n: EN + "\n- Evidence: " + "2026 " * (n // 5) + "\n",
    "month names and days": lambda n: EN + "\n- Evidence: " + "10 Nov May 1 2026年11月 " * (n // 20) + "\n",
    "comparisons": lambda n: EN.replace("- Diagnosis:", "- Diagnosis: " + "前是比不到 from 1 doubled " * (n // 25), 1),
    # many parts rather than one long one (n // 10 of them: 500 and 5,000)
    "one-line list items": lambda n: EN + "".join(f"- Note {i}: x\n" for i in range(n // 10)),
    "items with continuation lines": lambda n: EN + "".join(f"- Note {i}:\n  more\n" for i in range(n // 10)),
    "nested lists": lambda n: EN + "".join(f"- Note {i}:\n  - a\n  - b\n" for i in range(n // 10)),
    "problems": lambda n: EN.replace(
        "### P2 ", "".join(f"### P{i} x\n- Type: problem-solving\n" for i in range(10, 10 + n // 10)) + "### P2 ", 1
    ),
    "headings": lambda n: EN + "".join(f"## H{i}\n" for i in range(n // 10)),
    "paragraphs": lambda n: EN + "".join(f"para {i}\n\n" for i in range(n // 10)),
    "suppressed regions": lambda n: (
        EN
        + "".join(f"<!-- vplint-disable H002 -->\n- Note {i}: TODO\n<!-- vplint-enable -->\n" for i in range(n // 10))
    ),
    "suppression comments": lambda n: (
        EN + "".join(f"<!-- vplint-disable-next-line H002 -->\n- Note {i}: TODO\n" for i in range(n // 10))
    ),
}


def _best_of_three(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        lint_text(text, "long.md", options=ALL)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_ten_times_the_input_takes_about_ten_times_as_long(shape: str) -> None:
    make = SHAPES[shape]
    small, large = _best_of_three(make(5_000)), _best_of_three(make(50_000))
    assert large < 20 * small + 0.25, f"{shape}: {small:.3f} s at 5,000, {large:.3f} s at 50,000"


def _fix_and_diff(text: str) -> float:
    from vplint.lint.fix import FixOutcome, fixed_text, unified_diff

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        res = lint_text(text, "long.md", options=ALL)
        fixed, _ = fixed_text(text, [e for d in res.diagnostics for e in d.fix])
        unified_diff(FixOutcome("long.md", text, fixed, 1))
        best = min(best, time.perf_counter() - start)
    return best


def test_fixes_and_their_diff_take_linear_time() -> None:
    """``--fix`` and ``--diff`` on a canvas with many fixes: the edits, then the diff (difflib) of the two texts."""
    block = EN[EN.index("### P1 ") : EN.index("### P2 ")].replace("- Type: problem-solving", "- Type: Problem Solving")

    def make(n: int) -> str:
        return EN + "".join(block.replace("### P1 ", f"### P{i} ") for i in range(10, 10 + n))

    small, large = _fix_and_diff(make(50)), _fix_and_diff(make(500))
    assert large < 20 * small + 0.25, f"{small:.3f} s at 50 fixes, {large:.3f} s at 500"
