"""Property test: ``vplint check --diff``, applied by GNU patch, writes exactly what ``vplint check --fix`` writes.

Canvases with fixable findings (the samples, with aliases, separators and unsorted references that
Y001, Y002 and Y003 fix, also on the last line), saved with LF, CRLF or CR line ends, with or without a
final newline and a byte-order mark, and with the characters ``str.splitlines`` breaks lines at (form
feed, vertical tab, \\x1c-\\x1e, U+0085, U+2028, U+2029) put into values on and beside the fixed lines.
Each one is saved three times: ``check --diff`` runs on the first (and must leave it alone), ``check --fix``
on the second, and ``patch -p1`` applies the diff to the third, which must then be byte for byte the second.

vplint runs in this process (``vplint.cli.main.main``, standard output captured as UTF-8 bytes) so that the
60 examples take seconds; ``tests/unit/test_fix.py`` runs the same check once through ``python -m vplint``.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from tests.conftest import ROOT
from tests.property.test_property import BASE
from tests.unit.test_fix import MESSY_EN, SEPARATORS, apply_patch, gnu_patch
from vplint.cli.main import main
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text

MESSY_ZH = {
    "- 类型：机会窗口": "- 类型: window",
    "- 诊断：前后对比 ——": "- 诊断：前后比较 - ",
    "- 同理（M1）：": "- 同理心（M1）：",  # the last line
}
SAMPLES = {
    "acme-cfo.en.md": ((ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8"), MESSY_EN),
    "huaxin-cio.zh.md": ((ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8"), MESSY_ZH),
}


def _messy(text: str, changes: dict[str, str]) -> str:
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def _fixed_lines(text: str) -> list[int]:
    """The lines (0-based) that the fixes of ``text`` edit."""
    diagnostics = lint_text(text, "c.md", options=Options(fix=True)).diagnostics
    return sorted({e.line - 1 for d in diagnostics for e in d.fix})


FIXED_LINES = {name: _fixed_lines(_messy(text, changes)) for name, (text, changes) in SAMPLES.items()}

_VALUE = re.compile(r"[:：] ?")


@st.composite
def canvases(draw: DrawFn) -> bytes:
    """A sample with some of its messy spellings, separators in values near a fix, then saved in one of the ways."""
    name = draw(st.sampled_from(sorted(SAMPLES)))
    text, changes = SAMPLES[name]
    chosen = draw(st.lists(st.sampled_from(sorted(changes)), unique=True))
    lines = _messy(text, {old: changes[old] for old in chosen}).split("\n")
    near = sorted({i + d for i in FIXED_LINES[name] for d in (-1, 0, 1)} & set(range(len(lines))))
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.sampled_from(near))
        value = _VALUE.search(lines[i])  # in the value, not in a key or a list marker; in a heading, at its end
        start = draw(st.integers(value.end() if value else len(lines[i]), len(lines[i])))
        lines[i] = lines[i][:start] + draw(st.sampled_from(SEPARATORS)) + lines[i][start:]
    text = "\n".join(lines)
    if not draw(st.booleans()):  # no final newline: the last line, often a fixed one, ends the file
        text = text.rstrip("\n")
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + text.replace("\n", newline).encode("utf-8")


def _vplint(folder: Path, option: str) -> bytes:
    """``vplint check OPTION c.md`` run in ``folder``: its standard output, as the bytes a UTF-8 terminal gets."""
    out = io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    argv = ["check", option, "--isolated", "--no-cache", "--jobs", "1", "--today", "2026-11-27", "c.md"]
    with contextlib.chdir(folder), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    assert code in (0, 1), (option, code)
    stdout.flush()
    return out.getvalue()


@settings(BASE, max_examples=60)
@given(canvas=canvases())
def test_the_diff_patched_in_is_what_fix_writes(canvas: bytes) -> None:
    gnu_patch()  # skip (or, under CI, fail) before any work when GNU patch is missing
    with tempfile.TemporaryDirectory() as tmp:
        folders = {name: Path(tmp) / name for name in ("diff", "fix", "patch")}
        for folder in folders.values():
            folder.mkdir()
            (folder / "c.md").write_bytes(canvas)
        diff = _vplint(folders["diff"], "--diff")
        assert (folders["diff"] / "c.md").read_bytes() == canvas  # --diff writes nothing
        _vplint(folders["fix"], "--fix")
        fixed = (folders["fix"] / "c.md").read_bytes()
        if not diff:  # nothing to fix (a separator spoilt every fixed value): --fix must change nothing
            assert fixed == canvas
            return
        assert diff.startswith(b"--- a/c.md\n+++ b/c.md\n@@ ")
        assert fixed != canvas
        apply_patch(folders["patch"], diff)
        assert (folders["patch"] / "c.md").read_bytes() == fixed
