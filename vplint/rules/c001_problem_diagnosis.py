"""Every business problem has a diagnosis, by a method that fits the problem's type.

A business problem only becomes a latent need once the decision-maker has diagnosed its
root cause (method §3, docs/method.md#needs).  Each of the three problem types has its own
methods: a problem-solving problem is diagnosed by decomposition, before/after analysis
or peer comparison; a risk-prevention problem from exposed issues, a symptom check or
lessons learned; an ideal-pursuit problem by setting a goal, finding the paths and the
critical path, and decomposing the goal.  A problem with no diagnosis, or with a method
meant for another type, means the rep has not yet found the root cause with the
customer, so the need built on it is guesswork.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model import vocabulary as voc
from vplint.model.labels import field_label, item_label, join_terms, term_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C001"
NAME = "problem-diagnosis"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
每个业务问题都要有诊断，且诊断方法要符合问题类型。

决策人只有诊断出问题的根源，业务问题才会转化为潜在需求（方法 §3，docs/method.zh.md#needs）。三类问题各有诊断方法：问题
解决型用结构分解、前后对比、同类比较；防范隐患型用已暴露问题、征兆检查、借鉴经验；追求理想型用明确目标、可能路径、关键
路径、目标分解。没有诊断、或用了其他类型的方法，说明销售还没有和客户一起找到根源，建立在其上的需求只是猜测。
"""

BAD = """
### P1 Quote-to-cash slowed since the reorganisation
- Type: problem-solving
- Diagnosis: goal - be the fastest in the segment
"""

GOOD = """
### P1 Quote-to-cash slowed since the reorganisation
- Type: problem-solving
- Diagnosis: before-after - invoices started slipping after the billing teams merged
"""


def _methods_for(ptype: str | None) -> list[str]:
    if ptype is not None and voc.PROBLEM_TYPE.lookup(ptype) is not None:
        return [t.slug for t in voc.DIAGNOSIS_METHOD.children_of(ptype)]
    return voc.DIAGNOSIS_METHOD.slugs


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        path = ("problems", i)
        ptype = problem.get("type") if isinstance(problem.get("type"), str) else None
        known_type = ptype if ptype in voc.PROBLEM_TYPE else None
        methods = join_terms("diagnosis_method", _methods_for(known_type), lang)
        diagnoses = problem.get("diagnoses")
        if not isinstance(diagnoses, list) or not diagnoses:
            yield canvas.report(
                path,
                CODE,
                "C001.missing",
                item=item_label(canvas, path, lang),
                field=field_label("problems", "diagnosis", lang),
                methods=methods,
            )
            continue
        for j, diagnosis in enumerate(diagnoses):
            if not isinstance(diagnosis, dict):
                continue
            dpath = (*path, "diagnoses", j)
            method = diagnosis.get("method")
            if method is None:
                yield canvas.report(
                    dpath,
                    CODE,
                    "C001.no_method",
                    methods=methods,
                    type=term_label("problem_type", known_type or "?", lang),
                )
                continue
            term = voc.DIAGNOSIS_METHOD.lookup(str(method)) if method in voc.DIAGNOSIS_METHOD else None
            if term is None or known_type is None or term.parent == known_type:
                continue  # unknown methods are the schema's (S002); unknown types too
            yield canvas.report(
                (*dpath, "method"),
                CODE,
                "C001.mismatch",
                method=term_label("diagnosis_method", term.slug, lang),
                method_type=term_label("problem_type", term.parent or "", lang),
                item=item_label(canvas, path, lang),
                type=term_label("problem_type", known_type, lang),
                methods=methods,
            )
