"""A need's ``Solves`` list names its problems in order, once each.

A need points at the business problems it solves (method §3, docs/method.md#needs).  Written
in id order without repeats (``P1, P3`` rather than ``P3, P1, P3``), the list reads the way
the problems stand on the canvas, and a reviewer sees at a glance which problems a need
covers and which no need covers.  A style rule: off by default, applied by ``--fix``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Edit, Severity
from vplint.rules._style import writing_language

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "Y003"
NAME = "sorted-references"
SEVERITY = Severity.INFO
FIXABLE = True
DEFAULT_ENABLED = False

RATIONALE_ZH = """
需求的“解决”列表按编号顺序列出问题，且不重复。

需求要指向它所解决的业务问题（方法 §3，docs/method.zh.md#needs）。按编号顺序、不重复地列出（写“P1、P3”而不是“P3、P1、
P3”），列表就与问题在画布上的顺序一致，评审者一眼就能看出某个需求覆盖了哪些问题、哪些问题还没有需求覆盖。这是一条风格
规则：默认不报告，由 --fix 修正。
"""

BAD = """
### N1 Automated credit decisions
- Solves: P3, P1
"""

GOOD = """
### N1 Automated credit decisions
- Solves: P1, P3
"""

_REF = re.compile(r"([A-Za-z]+)-?(\d+)")


def _key(ref: str) -> tuple[str, int]:
    m = _REF.fullmatch(ref)
    assert m is not None
    return m.group(1).upper(), int(m.group(2))


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = writing_language(canvas, ctx.lang)
    joiner = "、" if lang == "zh" else ", "
    for token in canvas.tokens:
        if token.role != "refs":
            continue
        refs = re.findall(r"[^,，、;；\s]+", token.text)
        refs = [r for r in refs if r.lower() not in ("and",)]
        if not refs or not all(_REF.fullmatch(r) for r in refs):
            continue
        ordered = sorted(dict.fromkeys(refs), key=_key)
        if ordered == refs:
            continue
        canonical = joiner.join(ordered)
        edit = Edit(token.line, token.column, token.column + len(token.text), canonical, token.text)
        yield Diagnostic(
            canvas.path, token.line, token.column, CODE, "Y003.order", SEVERITY, {"canonical": canonical}, fix=(edit,)
        )
