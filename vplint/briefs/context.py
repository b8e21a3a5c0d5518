"""What a brief template receives: the canvas model plus the data a meeting brief is made of.

:func:`canvas_context` turns one checked canvas into the template context documented in
``docs/templates.md``: the model (what ``vplint export`` prints) as ``canvas``, the findings,
and derived views (problems grouped by type in the customer's framing, questions from the
question bank, each need's strategy chain up to the financial level, the motivation chains,
the levers, the mind map).  :func:`account_context` combines the canvases of one account.

Everything here is plain data (dicts, lists, strings) in a stable order, so a brief is the
same bytes for the same canvas.  This module does not import Jinja.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vplint.briefs import mindmap
from vplint.briefs.questions import PROBLEM_LIMIT, QuestionBank, canvas_questions, problem_questions, question_limits
from vplint.diagnostics import Diagnostic, Severity
from vplint.i18n import get, render
from vplint.model import vocabulary as voc
from vplint.model.canvas import Canvas
from vplint.model.labels import field_label
from vplint.rules import RULES

__all__ = [
    "LADDER",
    "TIME_DEPENDENT",
    "account_context",
    "canvas_context",
    "chain",
    "label",
    "t",
]

TIME_DEPENDENT = tuple(code for code, rule in RULES.items() if rule.date_dependent)
"""Rules whose findings depend on today's date (each says so with ``DATE_DEPENDENT``); briefs leave
them out so time alone never makes one stale: H001 (stale-canvas) and M005 (evidence-age) compare
dates with today; P003 (better-past) counts a year as "past" only once it is not after this year.
"""

LADDER = tuple(sorted(voc.LEVEL_RANK, key=voc.LEVEL_RANK.__getitem__))
"""The Balanced Scorecard levels from the bottom up: each serves the ones above it."""


def t(key: str, lang: str) -> str:
    """A UI string in ``lang``: the message ``ui.<key>`` of :mod:`vplint.i18n` (``key`` itself when there is none)."""
    found = get(f"ui.{key}", lang)
    return key if found is None else found


def label(vocabulary: str, slug: object, lang: str) -> str:
    """The label of ``slug`` in a vocabulary (``level``, ``area``, ``motivator``, ...); the slug when unknown."""
    text = "" if slug is None else str(slug)
    vocab = voc.ALL_VOCABULARIES.get(vocabulary)
    if vocab is None:
        return text
    try:
        return vocab[text].label(lang)
    except KeyError:
        return text


def chain(level: object) -> list[str]:
    """The levels from ``level`` up to ``financial`` (``operations`` -> operations, customer, financial)."""
    if level not in LADDER:
        return []
    return list(LADDER[LADDER.index(str(level)) :])


# --- small helpers ----------------------------------------------------------------------------


def _text(value: object) -> str | None:
    """A free-text value as a string, or None when absent or blank."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _items(data: Mapping[str, Any], section: str) -> list[dict[str, Any]]:
    value = data.get(section)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _name(item: Mapping[str, Any]) -> str:
    return " ".join(p for p in (_text(item.get("id")), _text(item.get("title"))) if p)


def _strings(value: object) -> list[str]:
    return [s for v in value if (s := _text(v))] if isinstance(value, list) else []


# --- findings ---------------------------------------------------------------------------------


def _anchors(canvas: Canvas, lang: str) -> list[tuple[int, str]]:
    """(line, what starts there): the canvas's sections and items, for naming where a finding is."""
    out: list[tuple[int, str]] = [(canvas.body_line, t("where.canvas", lang))]
    for section in ("problems", "needs", "motivators", "conversion", "actions"):
        pos = canvas.positions.get((section,))
        if pos is not None:
            out.append((pos.line, label("section", section, lang)))
        for i, item in canvas.items(section):
            ipos = canvas.positions.get((section, i))
            if ipos is not None:
                out.append((ipos.line, _text(item.get("id")) or label("section", section, lang)))
    return sorted(out)


def _findings(canvas: Canvas, diagnostics: Sequence[Diagnostic], lang: str) -> list[dict[str, Any]]:
    from vplint.rules import RULES

    anchors = _anchors(canvas, lang)
    out: list[dict[str, Any]] = []
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column, d.code, d.message_id)):
        where = t("where.front-matter", lang) if d.line < canvas.body_line else t("where.canvas", lang)
        for line, name in anchors:
            if line <= d.line and d.line >= canvas.body_line:
                where = name
        rule = RULES.get(d.code)
        message = render(d.message_id, d.args, lang)
        out.append(
            {
                "code": d.code,
                "name": rule.name if rule else "",
                "severity": d.severity.value,
                "severity_label": t(f"severity.{d.severity.value}", lang),
                "line": d.line,
                "column": d.column,
                "where": where,
                "message": message,
                "text": message if message.startswith(where) else f"{where}{'：' if lang == 'zh' else ': '}{message}",
            }
        )
    return out


# --- the parts of a brief ---------------------------------------------------------------------


def _decision_maker(data: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The decision-maker: ``buying_role`` (a slug) and ``business_function`` (their words) apart.

    ``function`` and ``function_label`` are the buying role too, as templates written before Canvas 2 use them.
    """
    dm = data.get("decision_maker")
    dm = dm if isinstance(dm, dict) else {}
    role = _text(dm.get("buying_role"))
    role_label = label("function", role, lang) if role else None
    business = _text(dm.get("function"))
    if business is not None and voc.FUNCTION.lookup(business) is not None:
        business = None  # a buying role written under ``function`` (the format before Canvas 2)
    return {
        "title": _text(dm.get("title")),
        "buying_role": role,
        "buying_role_label": role_label,
        "business_function": business,
        "authority": _text(dm.get("authority")),
        "function": role,
        "function_label": role_label,
        "kpis": _strings(dm.get("kpis")),
    }


def _decision_process(data: Mapping[str, Any]) -> dict[str, Any]:
    """Who evaluates the purchase (title, function, what they evaluate) and when the decision-maker decides."""
    process = data.get("decision_process")
    process = process if isinstance(process, dict) else {}
    evaluators = [
        {"title": _text(e.get("title")), "function": _text(e.get("function")), "evaluates": _text(e.get("evaluates"))}
        for e in process.get("evaluators") or ()
        if isinstance(e, dict)
    ]
    return {"evaluators": evaluators, "decision_points": _strings(process.get("decision_points"))}


def _driver(data: Mapping[str, Any], function: str | None, lang: str) -> dict[str, Any]:
    offering = _text(data.get("offering"))
    expected = voc.DRIVER.get(offering or "")
    if function is not None and function == expected:
        role = "driver"
    elif function == "finance":
        role = "budget"
    else:
        role = "other" if expected and function else "unknown"
    return {
        "offering": offering,
        "offering_label": label("offering", offering, lang) if offering else None,
        "expected": expected,
        "expected_label": label("function", expected, lang) if expected else None,
        "expected_text": t(f"driver.{expected}", lang) if expected else None,
        "function_text": t(f"driver.{function}", lang) if function in voc.FUNCTION else None,
        "fits": role == "driver",
        "role": role,
    }


def _questions(problem: Mapping[str, Any], bank: QuestionBank, values: Mapping[str, str], lang: str) -> dict[str, Any]:
    """The problem's questions from the question engine, the most valuable first.

    ``asked``: the ones a brief shows (at most :data:`PROBLEM_LIMIT`, fewer on a canvas of four problems or
    more: :func:`~vplint.briefs.questions.question_limits`); ``all``: every one that applies.
    ``general`` (empty) and ``methods`` (one entry per question of ``all``) keep the layout that templates
    written before the engine read, and that the ``questions(problem)`` helper flattens.
    """
    found = problem_questions(problem, bank, lang, values)
    methods = [{"method": q["method"], "label": q["label"], "used": q["used"], "questions": [q["text"]]} for q in found]
    return {"asked": found[:PROBLEM_LIMIT], "all": found, "general": [], "methods": methods}


_PROBLEM_FIELDS = ("root_cause", "baseline", "precedent", "symptom", "target", "deadline")


def _problem(problem: Mapping[str, Any], bank: QuestionBank, base: Mapping[str, str], lang: str) -> dict[str, Any]:
    ptype = _text(problem.get("type"))
    known = ptype in voc.PROBLEM_TYPE
    fits = {t_.slug for t_ in voc.DIAGNOSIS_METHOD.children_of(ptype or "")}
    diagnoses = []
    for d in problem.get("diagnoses") or []:
        if not isinstance(d, dict):
            continue
        method = _text(d.get("method"))
        diagnoses.append(
            {
                "method": method,
                "method_label": label("diagnosis_method", method, lang) if method else None,
                "detail": _text(d.get("detail")),
                "fits": method in fits,
            }
        )
    view: dict[str, Any] = {
        "id": _text(problem.get("id")),
        "title": _text(problem.get("title")),
        "name": _name(problem),
        "type": ptype,
        "type_label": label("problem_type", ptype, lang) if ptype else None,
        "framing": t(f"framing.{ptype}" if known else "framing.other", lang),
        "diagnoses": diagnoses,
    }
    values = dict(base, id=view["id"] or "", title=view["title"] or "")
    fields = []
    for key in _PROBLEM_FIELDS:
        value = _text(problem.get(key))
        view[key] = value
        values[key] = value or ""
        if value:
            fields.append({"key": key, "label": field_label("problems", key, lang), "text": value})
    view["fields"] = fields
    view["questions"] = _questions(problem, bank, values, lang)
    return view


def _step(entry: object, lang: str) -> dict[str, Any] | None:
    if not isinstance(entry, dict) or not _text(entry.get("level")):
        return None
    level = str(entry["level"]).strip()
    area = _text(entry.get("area"))
    return {
        "level": level,
        "level_label": label("level", level, lang),
        "area": area,
        "area_label": label("area", area, lang) if area else None,
        "detail": _text(entry.get("detail")),
        "stated": True,
    }


def _need_chain(need: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """The need's strategy and what it serves, from the lowest level up; an implied financial step ends it."""
    steps: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    for entry in [need.get("strategy"), *(need.get("serves") or [])]:
        step = _step(entry, lang)
        if step is not None and (step["level"], step["area"]) not in seen:
            seen.add((step["level"], step["area"]))
            steps.append(step)
    if not steps:
        return []
    rank = {level: i for i, level in enumerate(LADDER)}
    steps.sort(key=lambda s: rank.get(s["level"], -1))  # stable: the rep's order within a level
    if all(s["level"] != "financial" for s in steps):
        steps.append(
            {
                "level": "financial",
                "level_label": label("level", "financial", lang),
                "area": None,
                "area_label": None,
                "detail": None,
                "stated": False,
            }
        )
    return steps


def _needs(data: Mapping[str, Any], titles: Mapping[str, str], lang: str) -> list[dict[str, Any]]:
    out = []
    for need in _items(data, "needs"):
        solves = [{"id": ref, "title": titles.get(ref)} for ref in _strings(need.get("solves"))]
        steps = _need_chain(need, lang)
        out.append(
            {
                "id": _text(need.get("id")),
                "title": _text(need.get("title")),
                "name": _name(need),
                "solves": solves,
                "chain": steps,
                "strategy": steps[0] if steps and steps[0]["stated"] else None,
                "sponsor": _text(need.get("sponsor")),
                "objective": _text(need.get("objective")),
                "origin": _text(need.get("origin")),
                "origin_label": label("origin", str(need["origin"]), lang) if _text(need.get("origin")) else None,
                "stated": need.get("origin") == "stated",
            }
        )
    return out


def _motivators(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    out = []
    for m in _items(data, "motivators"):
        kind = _text(m.get("kind"))
        change_data = m.get("change")
        change = None
        if isinstance(change_data, dict):
            scope, category = _text(change_data.get("scope")), _text(change_data.get("category"))
            change = {
                "scope": scope,
                "scope_label": label("scope", scope, lang) if scope else None,
                "category": category,
                "category_label": label("change_category", category, lang) if category else None,
                "description": _text(change_data.get("description")),
            }
        evidence_data = m.get("evidence")
        evidence = None
        if isinstance(evidence_data, dict):
            evidence = {"text": _text(evidence_data.get("text")), "dates": _strings(evidence_data.get("dates"))}
        continuity = _text(m.get("continuity"))
        view: dict[str, Any] = {
            "id": _text(m.get("id")),
            "title": _text(m.get("title")),
            "name": _name(m),
            "kind": kind,
            "kind_label": label("motivator", kind, lang) if kind else None,
            "kind_in_title": bool(kind and label("motivator", kind, lang).casefold() in _name(m).casefold()),
            "change": change,
            "continuity": continuity,
            "continuity_label": label("continuity", continuity, lang) if continuity else None,
            "evidence": evidence,
            "dated": bool(evidence and evidence["dates"]),
            "for": _strings(m.get("for")),
            # a gradual change with no tipping point moves nobody (M003): not a reason to act now, yet
            "boiling_frog": continuity == "continuous" and not _text(m.get("shift")),
        }
        for key in ("shift", "phenomenon", "feeling", "perception"):
            view[key] = _text(m.get(key))
        links = [("change", change["description"] if change else None)]
        links += [(key, view[key]) for key in ("phenomenon", "feeling", "perception")]
        view["chain"] = [
            {"key": key, "label": field_label("motivators", key, lang), "text": text} for key, text in links if text
        ]
        out.append(view)
    return out


def _triggers(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    conversion = data.get("conversion")
    triggers = _strings(conversion.get("triggers")) if isinstance(conversion, dict) else []
    return [
        {
            "slug": slug,
            "label": label("trigger", slug, lang),
            "hint": t(f"trigger.{slug}", lang) if slug in voc.TRIGGER else None,
        }
        for slug in triggers
    ]


def _levers(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    actions = _items(data, "actions")
    out = []
    for term in voc.LEVER.terms:
        mine = [a for a in actions if a.get("lever") == term.slug and _text(a.get("text"))]
        out.append(
            {
                "lever": term.slug,
                "label": term.label(lang),
                "hint": t(f"lever.{term.slug}", lang),
                "actions": [_text(a.get("text")) for a in mine],
                "targets": [{"text": _text(a.get("text")), "for": _strings(a.get("for"))} for a in mine],
                "planned": bool(mine),
            }
        )
    return out


def _groups(problems: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    order = voc.PROBLEM_TYPE.slugs
    groups: list[dict[str, Any]] = []
    for slug in [*order, None]:
        members = [
            p
            for p in problems
            if (p["type"] in order and p["type"] == slug) or (slug is None and p["type"] not in order)
        ]
        if members:
            groups.append(
                {
                    "type": slug,
                    "label": label("problem_type", slug, lang) if slug else t("framing.other", lang),
                    "framing": t(f"framing.{slug}" if slug else "framing.other", lang),
                    "problems": members,
                }
            )
    return groups


def _strategy_text(step: Mapping[str, Any]) -> str:
    return " · ".join(p for p in (step["level_label"], step["area_label"]) if p)


def canvas_tree(view: Mapping[str, Any]) -> mindmap.Node:
    """Decision-maker at the centre; problems -> needs -> strategy; motivators -> changes."""
    needs_by_problem: dict[str, list[Mapping[str, Any]]] = {}
    for need in view["needs"]:
        for ref in need["solves"]:
            needs_by_problem.setdefault(ref["id"], []).append(need)
    branches: list[mindmap.Node] = []
    for p in view["problems"]:
        need_nodes = tuple(
            mindmap.Node(
                n["name"],
                "need",
                tuple(mindmap.Node(_strategy_text(s), "strategy") for s in n["chain"] if s["stated"]),
            )
            for n in needs_by_problem.get(p["id"] or "", [])
        )
        kind = p["type"] if p["type"] in voc.PROBLEM_TYPE else "problem"
        branches.append(mindmap.Node(p["name"], kind, need_nodes))
    for m in view["motivators"]:
        change = m["change"]
        children: tuple[mindmap.Node, ...] = ()
        if change and change["description"]:
            head = " · ".join(p for p in (change["scope_label"], change["category_label"]) if p)
            colon = "：" if view["lang"] == "zh" else ": "
            text = f"{head}{colon}{change['description']}" if head else change["description"]
            children = (mindmap.Node(text, "change"),)
        name = m["name"] or m["kind_label"] or ""
        if m["kind_label"] and not m["kind_in_title"]:
            name = f"{name} ({m['kind_label']})" if name else m["kind_label"]
        branches.append(mindmap.Node(name, "motivator", children))
    dm = view["decision_maker"]
    root = dm["title"] or view["account"] or view["canvas"].get("id") or "?"
    return mindmap.Node(str(root), "root", tuple(branches))


def canvas_context(
    canvas: Canvas,
    diagnostics: Sequence[Diagnostic],
    lang: str,
    bank: QuestionBank,
    source: str,
) -> dict[str, Any]:
    """The context of a one-canvas brief (every key is documented in docs/templates.md)."""
    data = canvas.data
    dm = _decision_maker(data, lang)
    account = _text(data.get("account"))
    base = {"account": account or "", "decision_maker": dm["title"] or ""}
    problems = [_problem(p, bank, base, lang) for p in _items(data, "problems")]
    per_problem, for_canvas = question_limits(len(problems))
    for p in problems:
        p["needs"] = []
        p["questions"]["asked"] = p["questions"]["asked"][:per_problem]
    titles = {p["id"]: p["title"] or "" for p in problems if p["id"]}
    needs = _needs(data, titles, lang)
    by_id = {p["id"]: p for p in problems if p["id"]}
    for n in needs:
        for ref in n["solves"]:
            if ref["id"] in by_id and n["id"]:
                by_id[ref["id"]]["needs"].append(n["id"])
    findings = _findings(canvas, diagnostics, lang)
    view: dict[str, Any] = {
        "canvas": data,
        "lang": lang,
        "source": source,
        "account": account,
        "decision_maker": dm,
        "decision_process": _decision_process(data),
        "driver": _driver(data, dm["buying_role"], lang),
        "problems": problems,
        "problem_groups": _groups(problems, lang),
        "needs": needs,
        "motivators": _motivators(data, lang),
        "triggers": _triggers(data, lang),
        "levers": _levers(data, lang),
        "canvas_questions": canvas_questions(data, bank, lang, base, limit=for_canvas),
        "findings": findings,
        "errors": [f for f in findings if f["severity"] == Severity.ERROR.value],
        "incomplete": any(f["severity"] == Severity.ERROR.value for f in findings),
    }
    view["why_now"] = _why_now(view["motivators"], problems)
    view["plan"] = _plan(data, view["motivators"], lang)
    tree = canvas_tree(view)
    view["mindmap"] = {"mermaid": mindmap.mermaid(tree), "svg": mindmap.svg(tree)}
    return view


def _why_now(motivators: list[dict[str, Any]], problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "Why now" problem by problem: each problem with the motivators that make it urgent (``For``), in the
    canvas's order; then, as a group with no problem, the motivators that name none (or only unknown ids)."""
    groups: list[dict[str, Any]] = []
    placed: set[int] = set()
    for p in problems:
        mine = [m for m in motivators if p["id"] and p["id"] in m["for"]]
        placed.update(id(m) for m in mine)
        if mine:
            groups.append({"problem": p, "motivators": mine})
    rest = [m for m in motivators if id(m) not in placed]
    if rest:
        groups.append({"problem": None, "motivators": rest})
    return groups


def _plan(data: Mapping[str, Any], motivators: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The actions under the motivator they work on (``- Inform (M1): ...``), then the actions that name none."""
    by_id = {m["id"]: m for m in motivators if m["id"]}
    groups: dict[str | None, dict[str, Any]] = {}
    for action in _items(data, "actions"):
        text, lever = _text(action.get("text")), _text(action.get("lever"))
        if not text or lever not in voc.LEVER:
            continue
        entry = {"lever": lever, "label": label("lever", lever, lang), "text": text}
        targets: list[str | None] = [ref for ref in _strings(action.get("for")) if ref in by_id] or [None]
        for ref in targets:
            group = groups.setdefault(ref, {"motivator": by_id.get(ref) if ref else None, "actions": []})
            group["actions"].append(entry)
    ordered = [groups[m["id"]] for m in motivators if m["id"] in groups]
    return ordered + ([groups[None]] if None in groups else [])


def account_context(account: str, views: Sequence[Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """The context of an account brief: its canvases (one per decision-maker) and a stakeholder map."""
    stakeholders = []
    branches = []
    for v in views:
        dm = v["decision_maker"]
        sponsors = sorted({n["sponsor"] for n in v["needs"] if n["sponsor"]})
        stakeholders.append(
            {
                "id": v["canvas"].get("id"),
                "title": dm["title"],
                "function": dm["function"],
                "function_label": dm["function_label"],
                "kpis": dm["kpis"],
                "problems": [p["name"] for p in v["problems"]],
                "sponsors": sponsors,
                "motivators": [m["kind_label"] for m in v["motivators"] if m["kind_label"]],
                "incomplete": v["incomplete"],
            }
        )
        kinds = tuple(
            mindmap.Node(p["name"], p["type"] if p["type"] in voc.PROBLEM_TYPE else "problem") for p in v["problems"]
        )
        branches.append(mindmap.Node(dm["title"] or str(v["canvas"].get("id") or "?"), "stakeholder", kinds))
    tree = mindmap.Node(account, "account", tuple(branches))
    return {
        "account": account,
        "lang": lang,
        "canvases": list(views),
        "stakeholders": stakeholders,
        "incomplete": any(v["incomplete"] for v in views),
        "mindmap": {"mermaid": mindmap.mermaid(tree), "svg": mindmap.svg(tree)},
    }
