"""The buying role is written under ``buying_role``, not ``function``.

A decision-maker's business function is what their part of the company does, in the
customer's words (``Finance - budgets, margin and cash``); their buying role is one of four
parts in a purchase (business unit, technical evaluation, commercial, finance; method §1,
docs/method.md#decision-maker).  Canvases written before ``buying_role`` existed put the
role under ``function``; vplint still reads it as the role.  This style rule moves it:
``--fix`` renames the key to ``buying_role`` (``购买角色`` when the key was written in Chinese)
and keeps the value, so ``function`` is free for the business function.  Off in
``vplint check`` by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from vplint.diagnostics import Diagnostic, Edit, Severity
from vplint.model.vocabulary import DECISION_MAKER_KEYS

if TYPE_CHECKING:
    from vplint.model.canvas import Canvas
    from vplint.rules.base import Context

CODE = "Y004"
NAME = "buying-role-key"
SEVERITY = Severity.INFO
FIXABLE = True
DEFAULT_ENABLED = False

RATIONALE_ZH = """
购买角色写在“buying_role”（购买角色）下，而不是“function”（职能）下。

决策人的业务职能是其所在部门做什么，用客户自己的话写（“财务——集团的预算、利润和现金”）；购买角色则是采购中的四种
角色之一（业务部门、技术评估部门、商务部门、财务部门；方法 §1，docs/method.zh.md#decision-maker）。
在“buying_role”出现之前写的画布把角色写在“function”下，vplint 仍把它当作购买角色。这条风格规则把它移过去：
`--fix` 把键名改为“buying_role”（键名原来用中文写的，改为“购买角色”），值保持不变，“function”就可以用来写
业务职能。`vplint check` 默认不报告。
"""

BAD = """
decision_maker:
  title: Chief Financial Officer
  function: finance
"""

GOOD = """
decision_maker:
  title: Chief Financial Officer
  buying_role: finance
"""


def check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    role_key = canvas.key_positions.get(("decision_maker", "buying_role"))
    function_key = canvas.key_positions.get(("decision_maker", "function"))
    if role_key is None or role_key != function_key:
        return  # no role, or written under its own key
    lines = canvas.text.split("\n")
    if not 1 <= role_key.line <= len(lines):
        return
    line = lines[role_key.line - 1]
    start = role_key.column - 1
    end = start
    while end < len(line) and line[end] not in ":：":
        end += 1
    written = line[start:end].rstrip()
    if not written or end >= len(line):
        return  # a key we cannot rewrite in place (quoted over lines, a flow mapping)
    term = DECISION_MAKER_KEYS["buying_role"]
    key = term.slug if written.isascii() else term.zh  # the key in the script it was written in
    edit = Edit(role_key.line, role_key.column, role_key.column + len(written), key, written)
    yield Diagnostic(
        canvas.path,
        role_key.line,
        role_key.column,
        CODE,
        "Y004.move",
        SEVERITY,
        {"written": written, "key": key},
        fix=(edit,),
    )
