"""Canvases of one account do not share a decision-maker title (likely duplicates).

A canvas is written for one class of decision-maker (domain.md, "Scope of one canvas":
每份画布针对一类有类似业务职能的决策人); a solution sold to several decision-makers needs
one canvas each.  Two canvases of the same account for the same title are almost always
two reps, or two drafts, describing one person differently — the team then walks into
the meeting with two stories.  Account names and titles are compared ignoring case,
spaces and punctuation.  Checked across all files of a run.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "X002"
NAME = "duplicate-decision-maker"
SEVERITY = Severity.WARNING
SCOPE = "repository"

RATIONALE_ZH = """
同一客户的多份画布不应有相同的决策人职位（很可能重复）。

每份画布针对一类决策人（domain.md“一份画布的范围”：每份画布针对一类有类似业务职能的决策人）；面向多个决策人的方案，每人
一份画布。同一客户、同一职位的两份画布，几乎总是两位销售或两份草稿在用不同说法描述同一个人——团队就会带着两套说法去开会。
比较客户名称和职位时忽略大小写、空格和标点。本规则在一次检查的所有文件之间进行。
"""

BAD = """
canvases/acme-cfo.md        account: ACME Manufacturing   title: Chief Financial Officer
canvases/acme-finance.md    account: ACME manufacturing   title: chief financial officer
"""

GOOD = """
canvases/acme-cfo.md        account: ACME Manufacturing   title: Chief Financial Officer
canvases/acme-coo.md        account: ACME Manufacturing   title: Chief Operating Officer
"""


_NOT_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """``text`` compared loosely: width, case, spaces and punctuation folded (many canvases share an account)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def check_all(canvases: Sequence[Canvas], ctx: Context) -> Iterator[Diagnostic]:
    first: dict[tuple[str, str], Canvas] = {}
    for canvas in canvases:
        account = canvas.data.get("account")
        dm = canvas.data.get("decision_maker")
        title = dm.get("title") if isinstance(dm, dict) else None
        if not isinstance(account, str) or not isinstance(title, str) or not (folded := _fold(title)):
            continue
        key = (_fold(account), folded)
        if key in first:
            yield canvas.report(
                ("decision_maker", "title"), CODE, "X002.duplicate", other=first[key].path, title=title, account=account
            )
        else:
            first[key] = canvas
