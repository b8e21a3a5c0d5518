"""The rule registry.

Each rule is one module with module-level metadata and a check function:

``CODE``          stable code (``C001``); the letter names the part of the canvas
``NAME``          short kebab-case name (``problem-diagnosis``)
``SEVERITY``      default severity; configuration may change it (rules never set it)
``__doc__``       the rationale in English, citing the section of the method it rests on
                  (``(method §3, docs/method.md#needs)``; docs/rules.md links it)
``RATIONALE_ZH``  the rationale in Chinese (``（方法 §3，docs/method.zh.md#needs）``)
``BAD``/``GOOD``  a failing and a passing canvas excerpt (markdown)
``OPTIONS``       optional: per-rule options with defaults (``{"max-age-days": Option(...)}``)
``FIXABLE``       optional: True when the rule's findings carry a safe fix
``DATE_DEPENDENT`` optional: True when findings depend on today's date (briefs leave them out)
``check(canvas, ctx)`` yields diagnostics for one canvas, or, for rules that look
across files, ``check_all(canvases, ctx)`` (``SCOPE = "repository"``).

A rule's findings name their messages by id (``C002.missing``); the texts live with every
other message in :mod:`vplint.i18n` (``en.py`` and ``zh.py``), not in the rule module.

Adding a rule: one module, its messages as ``<CODE>.<key>`` in ``vplint/i18n/en.py`` and
``zh.py``, one fixture folder under ``tests/fixtures/rules/<CODE>/``, and one line in
``_MODULES`` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from vplint.diagnostics import Diagnostic, Severity
from vplint.model.canvas import Canvas
from vplint.rules import (
    a001_lever_planned,
    a002_action_on_change,
    c001_problem_diagnosis,
    c002_need_strategy,
    c003_change_evidence,
    c004_unique_ids,
    c005_references,
    d001_kpis,
    d002_driver_fits_offering,
    h001_stale_canvas,
    h002_placeholder,
    m001_motivator_kind,
    m002_change_classified,
    m003_boiling_frog,
    m004_motivation_chain,
    m005_evidence_age,
    m006_overused_motivators,
    m007_motivator_for,
    n001_need_solves,
    n002_strategy_chain,
    n003_need_objective,
    n004_need_sponsor,
    n005_stated_need,
    p001_problem_type,
    p002_ideal_target,
    p003_better_past,
    p004_risk_precedent,
    p005_unsolved_problem,
    t001_conversion_trigger,
    u001_unused_suppression,
    x001_duplicate_canvas_id,
    x002_duplicate_decision_maker,
    y001_canonical_spelling,
    y002_separators,
    y003_sorted_references,
    y004_buying_role_key,
)
from vplint.rules.base import Context, Option

__all__ = ["RULES", "Check", "Context", "Option", "Rule", "rule_by_code"]


Check = Callable[[Canvas, Context], Iterator[Diagnostic]]
CheckAll = Callable[[Sequence[Canvas], Context], Iterator[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    rationale_en: str
    rationale_zh: str
    bad: str
    good: str
    check: Check | None
    check_all: CheckAll | None = None
    options: Mapping[str, Option] = field(default_factory=dict)
    fixable: bool = False
    default_enabled: bool = True
    """Style rules (Y) are off in ``check`` by default; ``--fix`` and ``--diff`` apply them."""
    date_dependent: bool = False
    """The rule's findings depend on today's date (``DATE_DEPENDENT = True`` in its module)."""

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
            check=getattr(module, "check", None),
            check_all=getattr(module, "check_all", None),
            options=getattr(module, "OPTIONS", {}),
            fixable=getattr(module, "FIXABLE", False),
            default_enabled=getattr(module, "DEFAULT_ENABLED", True),
            date_dependent=getattr(module, "DATE_DEPENDENT", False),
        )

    @property
    def summary_en(self) -> str:
        return self.rationale_en.split("\n\n", 1)[0].replace("\n", " ")

    @property
    def summary_zh(self) -> str:
        return self.rationale_zh.split("\n\n", 1)[0].replace("\n", "")

    def rationale(self, lang: str) -> str:
        return self.rationale_zh if lang == "zh" else self.rationale_en

    def resolved_options(self, configured: Mapping[str, Any] | None) -> dict[str, Any]:
        values = {name: opt.default for name, opt in self.options.items()}
        if configured:
            values.update(configured)
        return values


_MODULES: tuple[ModuleType, ...] = (
    # completeness (the core checks)
    c001_problem_diagnosis,
    c002_need_strategy,
    c003_change_evidence,
    c004_unique_ids,
    c005_references,
    # §1 decision-maker
    d001_kpis,
    d002_driver_fits_offering,
    # §2-3 problems
    p001_problem_type,
    p002_ideal_target,
    p003_better_past,
    p004_risk_precedent,
    p005_unsolved_problem,
    # §3-4 needs and strategy
    n001_need_solves,
    n002_strategy_chain,
    n003_need_objective,
    n004_need_sponsor,
    n005_stated_need,
    # §5 conversion
    t001_conversion_trigger,
    # §6-7 motivators and change
    m001_motivator_kind,
    m002_change_classified,
    m003_boiling_frog,
    m004_motivation_chain,
    m005_evidence_age,
    m006_overused_motivators,
    m007_motivator_for,
    # §8 actions
    a001_lever_planned,
    a002_action_on_change,
    # hygiene
    h001_stale_canvas,
    h002_placeholder,
    # across files
    x001_duplicate_canvas_id,
    x002_duplicate_decision_maker,
    # style (autofix)
    y001_canonical_spelling,
    y002_separators,
    y003_sorted_references,
    y004_buying_role_key,
    # suppressions
    u001_unused_suppression,
)

RULES: dict[str, Rule] = {m.CODE: Rule.from_module(m) for m in _MODULES}


def rule_by_code(code: str) -> Rule | None:
    """A rule by code (``C001``, any case) or name (``problem-diagnosis``)."""
    if code.upper() in RULES:
        return RULES[code.upper()]
    for rule in RULES.values():
        if rule.name == code.lower():
            return rule
    return None
