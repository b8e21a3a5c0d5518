"""Hypothesis strategies for canvases: the suite's mutations of the samples, plus hostile text in values.

:func:`canvas_inputs` draws what a fuzz iteration feeds vplint: a sample canvas mutated the
way ``tests/property/test_property.py`` does (lines deleted, swapped, wrapped, punctuation and bytes
spliced in, the file cut short, as text or as bytes with a BOM or other line ends), and a
sample whose values, titles and headings carry :data:`~tests.fuzz.pipeline.HOSTILE` text
(markup, script, template code), which is what a brief must print as text.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from tests.fuzz.pipeline import HOSTILE, SEEDS
from tests.property.test_property import MUTATIONS, fragment, mutated_input

__all__ = ["canvas_inputs", "hostile_text"]

_VALUE = re.compile(r"^(?:[-*+] |#{1,6} |[A-Za-z_]+: |\s+[A-Za-z_]+: )|[:：] ?")

hostile_piece = st.one_of(st.sampled_from(HOSTILE), fragment, st.text(max_size=12))


@st.composite
def hostile_text(draw: DrawFn) -> str:
    """A sample canvas with hostile text put into values, titles and free text, then perhaps mutated."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    slots = [i for i, line in enumerate(lines) if _VALUE.search(line)]
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.sampled_from(slots))
        m = _VALUE.search(lines[i])
        assert m is not None
        start = draw(st.integers(m.end(), len(lines[i])))
        piece = draw(hostile_piece)
        if draw(st.booleans()):  # insert into the value
            lines[i] = lines[i][:start] + piece + lines[i][start:]
        else:  # replace the rest of the value
            lines[i] = lines[i][:start] + piece
    for _ in range(draw(st.integers(0, 2))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    return "\n".join(lines)


@st.composite
def _encoded(draw: DrawFn, text: str) -> bytes | str:
    form = draw(st.sampled_from(["str", "utf8", "bom-crlf", "cr"]))
    if form == "str":
        return text
    if form == "bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    if form == "cr":
        return text.replace("\n", "\r").encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


def canvas_inputs() -> st.SearchStrategy[bytes | str]:
    """Mutated samples and samples carrying hostile text, as text or bytes."""
    return st.one_of(mutated_input(), hostile_text().flatmap(_encoded))
