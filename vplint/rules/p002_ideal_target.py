"""An ideal-pursuit problem states a concrete target and a deadline: what, by when.

An ideal-pursuit problem is "what we dream of": a better future, or being as good as others
(method §2, docs/method.md#problems).  Its diagnosis starts by making the goal concrete, a
target and when it is to be reached (§3, 明确目标: 什么时间达成什么目标); only then can the paths, the
critical path and the decomposition of the goal follow.  "Become the leader" is a wish;
"operating margin 14% by FY2028" is a goal a decision-maker can commit to and a seller can
size a solution against.  vplint looks in the problem's ``Target`` and ``Deadline`` fields,
its title and the details of its diagnoses.  A deadline is a ``Deadline`` field or a time
expression (a date, a year, FY2028, Q3, H1, "by end of", 年底, 年内, 6月...).  A target is a
``Target`` field or a quantity (a number, a percentage, 倍, 万, 亿...) in the text once the
time expressions are taken out, so "14% by FY2028" has both, while "be the leader by 2028"
has only a deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label
from vplint.rules._text import has_quantity, has_time, problem_text, without_time

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "P002"
NAME = "ideal-target"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
追求理想型问题要写明具体目标和期限：什么时间达成什么目标。

追求理想型问题是“梦寐以求”：更好的未来，或向别人看齐（方法 §2，docs/method.zh.md#problems）。它的诊断从明确目标开始——
什么时间达成什么目标（§3）；之后才能找可能路径、关键路径并分解目标。“成为行业领先者”只是愿望；“2028财年营业利润率达到
14%”才是决策人能够承诺、销售能够据以设计方案的目标。vplint 查看问题的“目标”和“期限”字段、标题以及各诊断的内容。期限指
“期限”字段，或时间表达（日期、年份、FY2028、Q3、上半年、年底、年内、6月等）；目标指“目标”字段，或去掉时间表达后文字中
的数量（数字、百分比、倍、万、亿等）。因此“2028年利润率14%”两者都有，而“2028年成为行业领先者”只有期限。
"""

BAD = """
### P3 Become the margin leader in the segment
- Type: ideal-pursuit
- Diagnosis: goal - be the most profitable player, critical path is working capital
"""

GOOD = """
### P3 Become the margin leader in the segment
- Type: ideal-pursuit
- Diagnosis: goal - operating margin 14% by FY2028, critical path is working capital
"""


def _filled(problem: dict[str, Any], key: str) -> bool:
    value = problem.get(key)
    return isinstance(value, str) and bool(value.strip())


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        if problem.get("type") != "ideal-pursuit":
            continue
        text = problem_text(problem, "target")
        deadline = _filled(problem, "deadline") or has_time(text)
        target = _filled(problem, "target") or has_quantity(without_time(text))
        if target and deadline:
            continue
        path = ("problems", i)
        yield canvas.report(
            path,
            CODE,
            "P002.no_deadline" if target else "P002.no_target" if deadline else "P002.neither",
            item=item_label(canvas, path, lang),
            target=field_label("problems", "target", lang),
            deadline=field_label("problems", "deadline", lang),
        )
