"""A risk-prevention problem names its precedent or warning sign.

A risk-prevention problem is "prepare for the rain" (未雨绸缪;
method §2, docs/method.md#problems): the decision-maker wants to keep the present and avoid
what happened to others.  Worry needs a reason, and the article's diagnosis methods for this
type name where it comes from (§3): issues that have already been exposed, the warning signs
of the hazard and whether they are present, or the lessons of other customers or of one's
own painful past.  A risk with no precedent and no warning sign is the seller's worry, not
the customer's, and will not become a need.  vplint accepts a ``Precedent`` or ``Symptom``
field, or a diagnosis by lessons learned, symptom check or exposed issues that says what was
found.  A risk-prevention problem with no such diagnosis at all is left to C001
(problem-diagnosis), which asks for one with the same methods.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label, join_terms

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "P004"
NAME = "risk-precedent"
SEVERITY = Severity.WARNING

RATIONALE_ZH = """
防范隐患型问题要写明前车之鉴或征兆。

防范隐患型问题是“未雨绸缪”（方法 §2，docs/method.zh.md#problems）：决策人想保持现状，避免别人遇到的问题。担心总要有来
由，文章给这类问题的诊断方法正说明了来由（§3）：已经暴露问题的地方、隐患的征兆及其是否存在、其他客户的经验或自身的教
训。既没有先例也没有征兆的隐患只是销售的担心，不是客户的担心，也不会变成需求。vplint 接受“先例”或“征兆”字段，或写明发
现内容的借鉴经验、征兆检查、已暴露问题诊断。
"""

BAD = """
### P2 Audit exposure from the new e-invoicing rules
- Type: risk-prevention
- Diagnosis: symptom-check
"""

GOOD = """
### P2 Audit exposure from the new e-invoicing rules
- Type: risk-prevention
- Precedent: a peer, Globex, was fined in 2025 for late e-invoice filing
- Root cause: filing is done by hand
"""

_METHODS = ("lessons-learned", "symptom-check", "exposed-issues")


def _has_precedent(problem: dict[str, Any]) -> bool:
    for key in ("precedent", "symptom"):
        value = problem.get(key)
        if isinstance(value, str) and value.strip():
            return True
    diagnoses = problem.get("diagnoses")
    if not isinstance(diagnoses, list):
        return False
    return any(
        isinstance(d, dict) and d.get("method") in _METHODS and str(d.get("detail") or "").strip() for d in diagnoses
    )


def _has_fitting_method(problem: dict[str, Any]) -> bool:
    diagnoses = problem.get("diagnoses")
    return isinstance(diagnoses, list) and any(isinstance(d, dict) and d.get("method") in _METHODS for d in diagnoses)


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    lang = ctx.lang
    for i, problem in canvas.items("problems"):
        if problem.get("type") != "risk-prevention" or _has_precedent(problem):
            continue
        if not _has_fitting_method(problem):
            continue  # no risk-prevention diagnosis yet: C001 reports that, with the same methods
        path = ("problems", i)
        yield canvas.report(
            path,
            CODE,
            "P004.missing",
            item=item_label(canvas, path, lang),
            precedent=field_label("problems", "precedent", lang),
            symptom=field_label("problems", "symptom", lang),
            methods=join_terms("diagnosis_method", list(_METHODS), lang),
        )
