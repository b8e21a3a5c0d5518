"""Vocabulary is written in the canonical spelling of the canvas's language.

vplint accepts many spellings of one term (``window-of-opportunity``, ``Window of
Opportunity`` and ``机会窗口`` are all the motivator ``window``;
method §6, docs/method.md#motivators), so reps can write naturally.  A team repository reads
better, diffs more cleanly and searches more reliably when each canvas uses one spelling:
the slug or English label in an English canvas, the article's own Chinese term in a Chinese
one.  This is a style rule: off in ``vplint check`` by default, applied by ``vplint check
--fix`` (and shown by ``--diff``); select it (``extend-select = ["Y"]``) to have it
reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Edit, Severity
from vplint.rules._style import canonical_spelling, writing_language

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "Y001"
NAME = "canonical-spelling"
SEVERITY = Severity.INFO
FIXABLE = True
DEFAULT_ENABLED = False

RATIONALE_ZH = """
词汇采用画布语言的标准写法。

vplint 接受同一术语的多种写法（window-of-opportunity、Window of Opportunity 和“机会窗口”都是动机 window；方法 §6，
docs/method.zh.md#motivators），方便销售自然书写。但团队仓库里每份画布都用同一种写法，会更易读、差异更清楚、搜索更可
靠：英文画布用英文标识或标签，中文画布用文章中的中文术语。这是一条风格规则：`vplint check` 默认不报告，
由 `vplint check --fix` 自动修正（`--diff` 预览）；在配置中选择它（extend-select = ["Y"]）即可报告。
"""

BAD = """
### M1 Window of opportunity
- Kind: window-of-opportunity
"""

GOOD = """
### M1 Window of opportunity
- Kind: window
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = writing_language(canvas, ctx.lang)
    for token in canvas.tokens:
        if token.role not in ("heading", "key", "value"):
            continue
        canonical = canonical_spelling(token, lang)
        if canonical is None or canonical == token.text:
            continue
        edit = Edit(token.line, token.column, token.column + len(token.text), canonical, token.text)
        yield Diagnostic(
            canvas.path,
            token.line,
            token.column,
            CODE,
            "Y001.spelling",
            SEVERITY,
            {"canonical": canonical, "written": token.text},
            fix=(edit,),
        )
