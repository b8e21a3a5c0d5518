"""A suppression comment that suppresses nothing is reported, so stale ones do not pile up.

Suppressions (``<!-- vplint-disable-next-line P003 -->`` and the like) exist for the
rare canvas where a rule's domain reasoning does not apply — a decision-maker who really
has no KPI yet, a problem deliberately left for the next meeting.  Once the canvas is
completed the comment is stale: it then hides the next real gap of that kind, which is
the very gap the method (docs/method.md) asks a rep to close before the meeting.  A
directive that names an unknown code is reported too.
"""

from __future__ import annotations

from vplint.diagnostics import Severity

CODE = "U001"
NAME = "unused-suppression"
SEVERITY = Severity.INFO

RATIONALE_ZH = """
不起作用的抑制注释会被报告，以免过时的注释越积越多。

抑制注释（如 <!-- vplint-disable-next-line P003 -->）用于规则的领域逻辑确实不适用的少数画布——例如决策人确实还没
有 KPI，或某个问题有意留到下次会议。画布完善之后，这样的注释就过时了：它会掩盖下一个同类缺口，而这正是方法
（docs/method.zh.md）要求销售在会议前补上的缺口。写了未知编号的注释也会被报告。
"""

BAD = """
## Problems

<!-- vplint-disable-next-line P003 -->
### P1 Quote-to-cash slowed since the 2024 reorganisation
- Type: problem-solving
- Diagnosis: before-after - invoices started slipping after the billing teams merged
"""

GOOD = """
## Problems

### P1 Quote-to-cash slowed since the 2024 reorganisation
- Type: problem-solving
- Diagnosis: before-after - invoices started slipping after the billing teams merged
"""
