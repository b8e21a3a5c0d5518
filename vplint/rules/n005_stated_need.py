"""A need the customer stated solves a diagnosed problem.

When the customer already has a need and says so, the method asks the seller to find the
business problem behind it and diagnose it again (method §3, docs/method.md#needs): a stated
need taken at face value leaves the seller competing on the customer's own specification,
with no understanding of why they want it.  A need marked ``- Origin: stated`` must solve at
least one problem that has a diagnosis; the brief reminds the rep to trace it back.
Canvases written before ``Origin`` existed never trigger it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.labels import field_label, item_label

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "N005"
NAME = "stated-need"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
客户提出的需求，要解决一个已经诊断过的问题。

如果客户已经有了需求并说了出来，方法要求销售了解需求背后的业务问题，并重新诊断（方法 §3，docs/method.zh.md#needs）：
照单全收客户提出的需求，销售只能按客户自己的规格去竞争，却不知道客户为什么要它。标为“- 需求来源：客户提出”的需求，
至少要解决一个有诊断的问题；简报会提醒销售追溯回去。在“需求来源”出现之前写的画布不会触发这条规则。
"""

BAD = """
### P2 E-invoicing mandate
- Type: risk-prevention

### N2 Compliant e-invoicing pipeline
- Solves: P2
- Origin: stated
"""

GOOD = """
### P2 E-invoicing mandate
- Type: risk-prevention
- Diagnosis: lessons-learned - Globex was fined EUR 1.2M for late e-invoices

### N2 Compliant e-invoicing pipeline
- Solves: P2
- Origin: stated
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    diagnosed = {str(p.get("id")).upper() for _, p in canvas.items("problems") if p.get("diagnoses") and p.get("id")}
    for i, need in canvas.items("needs"):
        if need.get("origin") != "stated":
            continue
        if any(str(ref).upper() in diagnosed for ref in need.get("solves") or ()):
            continue
        path = ("needs", i)
        yield canvas.report(
            (*path, "origin"),
            CODE,
            "N005.undiagnosed",
            item=item_label(canvas, path, ctx.lang),
            diagnosis=field_label("problems", "diagnosis", ctx.lang),
        )
