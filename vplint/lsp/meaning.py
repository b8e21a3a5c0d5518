"""What a vocabulary value means in the method, for hover: a line in the canvas's language and the section
of the method guide (docs/method.md, docs/method.zh.md) that explains it.

The lines come from what vplint already says of each value elsewhere, so they read the same everywhere:
the customer's framing of a problem type and what a trigger, a lever or a buying role does (the brief's
texts in :mod:`vplint.i18n`), the question a diagnosis method asks (the shipped question bank), the level
an area belongs to.
"""

from __future__ import annotations

import functools

from vplint.i18n import get
from vplint.model import vocabulary as voc

__all__ = ["SECTIONS", "meaning", "method_link"]

SECTIONS: dict[str, tuple[int, str]] = {
    voc.FUNCTION.name: (1, "decision-maker"),
    voc.OFFERING.name: (1, "decision-maker"),
    voc.PROBLEM_TYPE.name: (2, "problems"),
    voc.DIAGNOSIS_METHOD.name: (3, "needs"),
    voc.ORIGIN.name: (3, "needs"),
    voc.LEVEL.name: (4, "strategy"),
    voc.AREA.name: (4, "strategy"),
    voc.TRIGGER.name: (5, "trigger"),
    voc.MOTIVATOR.name: (6, "motivators"),
    voc.SCOPE.name: (7, "change"),
    voc.CHANGE_CATEGORY.name: (7, "change"),
    voc.CONTINUITY.name: (7, "change"),
    voc.LEVER.name: (8, "levers"),
}
"""Each vocabulary's section of the method guide: its number and its anchor."""

_UI = {
    voc.PROBLEM_TYPE.name: "ui.framing",
    voc.TRIGGER.name: "ui.trigger",
    voc.LEVER.name: "ui.lever",
    voc.FUNCTION.name: "ui.driver",
}


@functools.lru_cache(maxsize=2)
def _method_questions(lang: str) -> dict[str, str]:
    """The question the shipped bank asks for each diagnosis method (its first, in bank order)."""
    from vplint.briefs.questions import load_bank
    from vplint.store.resources import resource_dir

    bank = load_bank(lang, [resource_dir("templates")])
    out: dict[str, str] = {}
    for q in bank.of("problem"):
        if q.method in voc.DIAGNOSIS_METHOD and q.method != "confirm" and not q.when:
            out.setdefault(str(q.method), q.text)
    return out


def method_link(vocabulary: str, lang: str) -> str | None:
    """A Markdown link to the method guide's section on ``vocabulary``'s values."""
    from vplint.report.sarif import DOCS_URL

    section = SECTIONS.get(vocabulary)
    if section is None:
        return None
    number, anchor = section
    page = "method.zh.md" if lang == "zh" else "method.md"
    label = f"方法 §{number}" if lang == "zh" else f"method §{number}"
    return f"[{label}]({DOCS_URL}{page}#{anchor})"


def meaning(vocabulary: str, slug: str, lang: str) -> str | None:
    """One line on what ``slug`` of ``vocabulary`` means, in ``lang``; None when vplint has none to say."""
    if vocabulary in _UI:
        return get(f"{_UI[vocabulary]}.{slug}", lang)
    if vocabulary == voc.DIAGNOSIS_METHOD.name and slug in voc.DIAGNOSIS_METHOD:
        parent = voc.DIAGNOSIS_METHOD[slug].parent
        kind = voc.PROBLEM_TYPE[parent].label(lang) if parent is not None and parent in voc.PROBLEM_TYPE else None
        question = _method_questions(lang).get(slug)
        if lang == "zh":
            parts = [f"用于{kind}问题的诊断方法。" if kind else None, f"它要问：{question}" if question else None]
            return "".join(p for p in parts if p) or None
        parts = [
            f"A diagnosis method for {kind} problems." if kind else None,
            f"It asks: {question}" if question else None,
        ]
        return " ".join(p for p in parts if p) or None
    if vocabulary == voc.AREA.name and slug in voc.AREA:
        parent = voc.AREA[slug].parent
        if parent is not None and parent in voc.LEVEL:
            level = voc.LEVEL[parent].label(lang)
            return f"属于{level}层级的领域。" if lang == "zh" else f"An area of the {level} level."
    return None
