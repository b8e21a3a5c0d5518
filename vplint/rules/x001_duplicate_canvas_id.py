"""Canvas ids are unique across the repository.

One canvas is written per class of decision-maker, and an account's canvases form its
set (method §1, docs/method.md#decision-maker).  The canvas id names that canvas everywhere: in
brief file names, in reports and when reps talk about it.  Two files with one id make
one of them invisible — its brief overwrites the other's.  Checked across all files of a
run, so it applies when a folder (or the whole repository) is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "X001"
NAME = "duplicate-canvas-id"
SEVERITY = Severity.ERROR
SCOPE = "repository"

RATIONALE_ZH = """
画布编号在整个仓库中必须唯一。

每类决策人写一份画布，一个客户的多份画布组成该客户的画布集（方法 §1，docs/method.zh.md#decision-maker）。画布编号在各
处指代这份画布：简报文件名、报告，以及销售之间的沟通。两个文件同用一个编号，其中一个就“消失”了——它的简报会覆盖另一个。
本规则在一次检查的所有文件之间进行，因此检查一个文件夹（或整个仓库）时生效。
"""

BAD = """
canvases/acme-cfo.md      id: acme-cfo
canvases/acme-cfo-2.md    id: acme-cfo
"""

GOOD = """
canvases/acme-cfo.md      id: acme-cfo
canvases/acme-coo.md      id: acme-coo
"""


def check_all(canvases: Sequence[Canvas], ctx: Context) -> Iterator[Diagnostic]:
    first: dict[str, Canvas] = {}
    for canvas in canvases:
        canvas_id = canvas.data.get("id")
        if not isinstance(canvas_id, str) or not canvas_id:
            continue
        key = canvas_id.lower()
        if key in first:
            yield canvas.report(("id",), CODE, "X001.duplicate", id=canvas_id, other=first[key].path)
        else:
            first[key] = canvas
