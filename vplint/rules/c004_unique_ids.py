"""Item ids are unique within a canvas.

Problems, needs and motivators are linked by id: a need says which problem it solves
(``Solves: P1``), and briefs and reviews refer to items by id.  Two items with one id
make every link to it ambiguous, so the chain from business problem to latent need
(method §3, docs/method.md#needs) can no longer be followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "C004"
NAME = "unique-ids"
SEVERITY = Severity.ERROR

RATIONALE_ZH = """
画布内的条目编号必须唯一。

问题、需求和动机通过编号关联：需求写明它解决哪个问题（“解决：P1”），简报和评审也按编号引用条目。两个条目同用一个编号，
所有对它的引用都会含糊不清，从业务问题到潜在需求的链条（方法 §3，docs/method.zh.md#needs）就无法追溯。
"""

BAD = """
### P1 Quote-to-cash slowed
- Type: problem-solving

### P1 Audit exposure
- Type: risk-prevention
"""

GOOD = """
### P1 Quote-to-cash slowed
- Type: problem-solving

### P2 Audit exposure
- Type: risk-prevention
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for section in ("problems", "needs", "motivators"):
        for i, item in canvas.items(section):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            key = item_id.upper()
            pos = canvas.pos((section, i, "id"))
            if key in first:
                yield canvas.report((section, i, "id"), CODE, "C004.duplicate", id=item_id, first=first[key])
            else:
                first[key] = pos.line
