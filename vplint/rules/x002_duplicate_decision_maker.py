"""Canvases of one account do not share a decision-maker title (likely duplicates).

A canvas is written for one class of decision-maker (method §1, docs/method.md#decision-maker);
a solution sold to several decision-makers needs one canvas each.  Two canvases of the same
account for the same title are almost always two reps, or two drafts, describing one person
differently — the team then walks into the meeting with two stories.  Account names and
titles are compared ignoring case, width, spaces and punctuation, and the spellings of one
title count as one: ``CFO``, ``Chief Financial Officer`` and ``首席财务官`` are one position.
vplint knows the usual chief officers, VP Sales and the sales, finance, IT and procurement
directors in English and Chinese (the table is in docs/configuration.md).  It does not fold
two different titles that are often, but not always, the same person (``财务总监`` is not
``CFO``); say so for your company with ``title-synonyms`` in the configuration.  Checked
across all files of a run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.titles import fold_title, title_table

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "X002"
NAME = "duplicate-decision-maker"
SEVERITY = Severity.WARNING
SCOPE = "repository"

RATIONALE_ZH = """
同一客户的多份画布不应有相同的决策人职位（很可能重复）。

每份画布针对一类决策人（方法 §1，docs/method.zh.md#decision-maker）；面向多个决策人的方案，每类决策人一份画布。
同一客户、同一职位的两份画布，几乎总是两位销售或两份草稿在用不同说法描述同一个人——团队就会带着两套说法去开会。比较
客户名称和职位时忽略大小写、全角半角、空格和标点；同一职位的不同写法算作一个：CFO、Chief Financial Officer 和
“首席财务官”是同一个职位。vplint 认识常见的首席官、销售副总裁，以及销售、财务、IT、采购总监的中英文写法（对照表见
docs/configuration.zh.md）。两个经常（但并非总是）由同一人担任的不同职位不会合并（“财务总监”不等于 CFO）；
如果在贵公司它们是同一个职位，请在配置的 title-synonyms 中写明。本规则在一次检查的所有文件之间进行。
"""

BAD = """
canvases/acme-cfo.md        account: ACME Manufacturing   title: Chief Financial Officer
canvases/acme-finance.md    account: ACME manufacturing   title: CFO
"""

GOOD = """
canvases/acme-cfo.md        account: ACME Manufacturing   title: Chief Financial Officer
canvases/acme-coo.md        account: ACME Manufacturing   title: Chief Operating Officer
"""


def check_all(canvases: Sequence[Canvas], ctx: Context) -> Iterator[Diagnostic]:
    titles = title_table(ctx.title_synonyms)
    first: dict[tuple[str, str], tuple[Canvas, str]] = {}
    for canvas in canvases:
        account = canvas.data.get("account")
        dm = canvas.data.get("decision_maker")
        title = dm.get("title") if isinstance(dm, dict) else None
        if not isinstance(account, str) or not isinstance(title, str) or not (position := titles.key(title)):
            continue
        key = (fold_title(account), position)
        if key not in first:
            first[key] = (canvas, title)
            continue
        other, other_title = first[key]
        where = ("decision_maker", "title")
        if fold_title(title) == fold_title(other_title):
            yield canvas.report(where, CODE, "X002.duplicate", other=other.path, title=title, account=account)
        else:  # two spellings of one title: say how the other canvas writes it
            yield canvas.report(
                where, CODE, "X002.synonym", other=other.path, title=title, other_title=other_title, account=account
            )
