"""Colons and separators are written the same way throughout a canvas.

A field is ``Key: value`` in an English canvas and ``键：值`` (full-width colon, no space) in a
Chinese one; free text after a vocabulary value is set off by `` - `` in English and `` ——
`` in Chinese (``Diagnosis: before-after - …``, ``诊断：前后对比 —— …``).  vplint reads every
variant, but mixed punctuation makes a canvas look unfinished to the sales manager who reads
it and the customer who may see the brief (the canvas is the rep's preparation for the
decision-maker; docs/method.md).  A level and its area, and a scope and its category, are
joined by ``/`` in both languages (``financial/cost-efficiency``, ``外部/政策``), not by a colon,
a dash or brackets.  A style rule: off by default, applied by ``--fix``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Edit, Severity
from vplint.rules._style import writing_language

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "Y002"
NAME = "separators"
SEVERITY = Severity.INFO
FIXABLE = True
DEFAULT_ENABLED = False

RATIONALE_ZH = """
冒号和分隔符在画布中写法统一。

英文画布的字段写作“Key: value”，中文画布写作“键：值”（全角冒号，不加空格）；词汇值之后的说明文字，英文用“ - ”分隔，中
文用“ —— ”分隔（如“诊断：前后对比 —— …”）。vplint 能读懂各种写法，但标点混杂会让画布显得没写完——销售经理要读它，客户也
可能看到由它生成的简报（画布是销售面见决策人的准备；docs/method.zh.md）。层级与领域、范围与类别之间，中英文都用“/”连接
（如“财务/支出和效率”“外部/政策”），不用冒号、破折号或括号。这是一条风格规则：默认不报告，由 --fix 修正。
"""

BAD = """
### P1 Quote-to-cash slowed since the 2024 reorganisation
- Type：problem-solving
- Diagnosis: before-after——invoices started slipping after the billing teams merged
"""

GOOD = """
### P1 Quote-to-cash slowed since the 2024 reorganisation
- Type: problem-solving
- Diagnosis: before-after - invoices started slipping after the billing teams merged
"""

_CANONICAL = {
    ("colon", "en"): ": ",
    ("colon", "zh"): "：",
    ("separator", "en"): " - ",
    ("separator", "zh"): " —— ",
    # between a level and its area, a scope and its category: operations/service-process, 外部/政策
    ("pair", "en"): "/",
    ("pair", "zh"): "/",
    # the bracket that closed "外部（政策）" at the end of the value, now "外部/政策"
    ("close", "en"): "",
    ("close", "zh"): "",
}


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = writing_language(canvas, ctx.lang)
    lines = canvas.text.split("\n")
    for token in canvas.tokens:
        canonical = _CANONICAL.get((token.role, lang))
        if canonical is None:
            continue
        rest = lines[token.line - 1][token.column - 1 + len(token.text) :] if token.line <= len(lines) else ""
        if token.role == "colon" and not rest.strip():
            canonical = canonical.rstrip()  # "- Inform:" with nothing after it: no trailing space
        if token.text == canonical:
            continue
        edit = Edit(token.line, token.column, token.column + len(token.text), canonical, token.text)
        yield Diagnostic(
            canvas.path,
            token.line,
            token.column,
            CODE,
            f"Y002.{token.role}",
            SEVERITY,
            {"canonical": canonical.strip() or canonical},
            fix=(edit,),
        )
