"""The rule registry.

Each rule is one module with module-level metadata and a ``check`` generator:

``CODE``          stable code (``C001``)
``NAME``          short kebab-case name (``problem-diagnosis``)
``SEVERITY``      default severity (the engine applies the configured one)
``__doc__``       the rationale in English, tied to the domain model
``RATIONALE_ZH``  the rationale in Chinese
``BAD``/``GOOD``  a failing and a passing canvas excerpt (markdown)
``check(canvas, ctx)`` yields diagnostics; it never sets severity.

Adding a rule: one module, one fixture folder under ``tests/fixtures/rules/<CODE>/``,
and one line in ``RULES`` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from ..diagnostics import Diagnostic, Severity
from ..model import Canvas
from . import c001_problem_diagnosis, c002_need_strategy, c003_change_evidence, c004_unique_ids, c005_references

__all__ = ["RULES", "Context", "Rule", "rule_by_code"]


@dataclass(frozen=True)
class Context:
    """What a rule may know besides the canvas."""

    lang: str = "en"


Check = Callable[[Canvas, Context], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    rationale_en: str
    rationale_zh: str
    bad: str
    good: str
    check: Check

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            rationale_en=(module.__doc__ or "").strip(),
            rationale_zh=module.RATIONALE_ZH.strip(),
            bad=module.BAD.strip("\n"),
            good=module.GOOD.strip("\n"),
            check=module.check,
        )

    def rationale(self, lang: str) -> str:
        return self.rationale_zh if lang == "zh" else self.rationale_en


RULES: dict[str, Rule] = {
    m.CODE: Rule.from_module(m)
    for m in (
        c001_problem_diagnosis,
        c002_need_strategy,
        c003_change_evidence,
        c004_unique_ids,
        c005_references,
    )
}


def rule_by_code(code: str) -> Rule | None:
    code = code.upper()
    if code in RULES:
        return RULES[code]
    for rule in RULES.values():
        if rule.name == code.lower():
            return rule
    return None
