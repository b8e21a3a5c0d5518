"""The team report as a static site: an overview, one page per account, one per owner (docs/report.md).

Built from the report's data (:func:`vplint.team.data.team_data`) alone, so the site and
``report.json`` always agree.  The pages are self-contained HTML (the stylesheet and the SVG charts
inline, no script, no font, nothing fetched: a Content-Security-Policy says so), link to each other
and to the briefs of the same run with relative links, so they work from ``file://`` and from any
web server's sub-folder (GitHub and GitLab Pages).  Account names written two ways (``ACME
Manufacturing``, ``acme manufacturing``) are one account, folded as X002 folds them; two accounts
whose names make the same file name get distinct pages (the second one's name carries a hash).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from vplint.model import vocabulary as voc
from vplint.model.titles import fold_title
from vplint.team.charts import Bar, Series, bar_chart, line_chart
from vplint.team.words import word

__all__ = ["LEANING_SHARE", "render_site", "site_pages"]

LEANING_SHARE = 0.25
"""The team leans on price when the discount (``lower-cost``) is its most used motivator, or more than this share."""

ROLES = ("business-unit", "technical-evaluation", "commercial", "finance")
_WEAKEST = 10


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


@dataclass
class _Account:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    canvases: list[dict[str, Any]] = field(default_factory=list)
    page: str = ""

    @property
    def name(self) -> str:
        """The spelling most of its canvases use (the first in sort order on a tie)."""
        return min(self.spellings, key=lambda s: (-self.spellings[s], s)) if self.spellings else ""


def _unique(taken: set[str], wanted: str, key: str) -> str:
    """``wanted``, or ``wanted-<hash of key>`` when another key already has it (``taken``: the names given)."""
    name = wanted if wanted not in taken else f"{wanted}-{_digest(key)}"
    taken.add(name)
    return name


def _page_name(text: str, prefix: str) -> str:
    from vplint.briefs.render import safe_name

    name = safe_name(text) if text.isascii() else ""
    return name or f"{prefix}-{_digest(text)}"


def _accounts(canvases: Sequence[dict[str, Any]]) -> list[_Account]:
    from vplint.briefs.render import account_name

    groups: dict[str, _Account] = {}
    for c in canvases:
        if not c["readable"]:
            continue
        account = c["account"] or ""
        key = fold_title(account) if account else ""
        group = groups.setdefault(key, _Account(key))
        if account:
            group.spellings[account] += 1
        group.canvases.append(c)
    names: set[str] = set()
    out = sorted(groups.values(), key=lambda a: (a.name == "", a.name.casefold(), a.key))
    for a in out:
        wanted = account_name(a.name, [c["id"] or "" for c in a.canvases]) if a.name else "no-account"
        a.page = _unique(names, wanted, a.key) + ".html"
    return out


def _driver(a: _Account) -> tuple[str | None, str | None]:
    """The account's offering (the one most of its canvases name) and the buying role that drives its purchase."""
    offerings = Counter(c["offering"] for c in a.canvases if c["offering"])
    if not offerings:
        return None, None
    offering = min(offerings, key=lambda o: (-offerings[o], o))
    return offering, voc.DRIVER.get(offering)


class _Labels:
    """The words of one language: the site's own and the vocabularies' labels."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **args: object) -> str:
        return word(key, self.lang, **args)

    def term(self, vocabulary: str, slug: str | None) -> str:
        if not slug:
            return self("not-stated")
        vocab = voc.ALL_VOCABULARIES[vocabulary]
        return vocab[slug].label(self.lang) if slug in vocab else slug


def _percent(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def _bucket(days: int | None, edges: Sequence[int]) -> int:
    if days is None:
        return len(edges) + 1
    for i, edge in enumerate(edges):
        if days <= edge:
            return i
    return len(edges)


@dataclass
class _Site:
    data: Mapping[str, Any]
    L: _Labels
    briefs: Mapping[str, str]
    accounts: list[_Account] = field(default_factory=list)
    owner_pages: dict[str, str] = field(default_factory=dict)
    account_page: dict[str, str] = field(default_factory=dict)
    items_of: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    """Canvas path -> its items, in order."""
    by_owner: dict[str, list[Mapping[str, Any]]] = field(default_factory=dict)
    """Owner ("" for none) -> their readable canvases."""

    def brief(self, c: Mapping[str, Any]) -> str | None:
        return self.briefs.get(c["path"])

    def findings_of(self) -> dict[str, list[Mapping[str, Any]]]:
        out: dict[str, list[Mapping[str, Any]]] = {}
        for f in self.data["findings"]:
            out.setdefault(f["path"], []).append(f)
        return out


def _motivators(site: _Site) -> dict[str, Any]:
    L = site.L
    kinds = Counter(i["kind"] for i in site.data["items"] if i["section"] == "motivators")
    total = sum(kinds.values())
    order = [*voc.MOTIVATOR.slugs, *sorted(k for k in kinds if k and k not in voc.MOTIVATOR.slugs)]
    bars = [
        Bar(
            L.term("motivator", k), kinds[k], k in ("lower-cost", "keep-up-or-lead"), f"({_percent(kinds[k], total)} %)"
        )
        for k in order
    ]
    if kinds[None]:
        bars.append(Bar(L("not-stated"), kinds[None], False, f"({_percent(kinds[None], total)} %)"))
    price = kinds["lower-cost"]
    top = max((k for k in kinds if k), key=lambda k: (kinds[k], k == "lower-cost"), default=None)
    leaning = bool(price) and (top == "lower-cost" or price > LEANING_SHARE * total)
    overused = kinds["lower-cost"] + kinds["keep-up-or-lead"]
    return {
        "total": total,
        "price": price,
        "price_share": _percent(price, total),
        "overused_share": _percent(overused, total),
        "leaning": leaning,
        "chart": bar_chart("motivators", L("chart.motivators"), bars),
        "alone": sum(1 for f in site.data["findings"] if f["code"] == "M006"),
    }


def _overview(site: _Site) -> dict[str, Any]:
    L, data = site.L, site.data
    canvases = [c for c in data["canvases"] if c["readable"]]
    n = len(canvases)
    clean = sum(1 for c in canvases if c["clean"])
    owners = Counter(c["owner"] or "" for c in canvases)
    severities = Counter(f["severity"] for f in data["findings"])
    codes = Counter(f["code"] for f in data["findings"])
    missing_driver = []
    for a in site.accounts:
        offering, driver = _driver(a)
        roles = {c["buying_role"] for c in a.canvases}
        if driver is None or driver not in roles:
            missing_driver.append(
                {
                    "account": a,
                    "offering": L.term("offering", offering),
                    "driver": L.term("function", driver) if driver else L("driver-unknown"),
                    "roles": [L.term("function", r) for r in ROLES if r in roles],
                    "known": driver is not None,
                }
            )
    reps: list[dict[str, Any]] = []
    for owner in sorted(owners, key=lambda o: (o == "", o.casefold())):
        mine = site.by_owner.get(owner, [])
        ages = [c["evidence_age_days"] for c in mine if c["evidence_age_days"] is not None]
        updated = [c["updated"] for c in mine if c["updated"]]
        reps.append(
            {
                "owner": owner or L("no-owner"),
                "page": site.owner_pages[owner],
                "canvases": len(mine),
                "stale": sum(1 for c in mine if c["stale"]),
                "oldest": min(updated) if updated else None,
                "evidence_age": round(sum(ages) / len(ages)) if ages else None,
                "clean": sum(1 for c in mine if c["clean"]),
            }
        )
    age_edges = (30, 90, 180)
    age_names = [L("age.le", days=30), L("age.range", low=31, high=90), L("age.range", low=91, high=180)]
    age_names += [L("age.gt", days=180), L("not-stated")]

    def age_chart(chart_id: str, title: str, key: str) -> str:
        counts = Counter(_bucket(c[key], age_edges) for c in canvases)
        return bar_chart(
            chart_id, title, [Bar(name, counts[i], i == len(age_edges)) for i, name in enumerate(age_names)]
        )

    methods: list[dict[str, Any]] = []
    problems = [i for i in data["items"] if i["section"] == "problems"]
    for ptype in [*voc.PROBLEM_TYPE.slugs, None]:
        mine = [p for p in problems if p["kind"] == ptype]
        if not mine:
            continue
        used = Counter(m for p in mine for m in (p["detail"] or "").split(",") if m)
        methods.append(
            {
                "type": L.term("problem_type", ptype),
                "problems": len(mine),
                "methods": [
                    (L.term("diagnosis_method", m), used[m]) for m in sorted(used, key=lambda m: (-used[m], m))
                ],
                "undiagnosed": sum(1 for p in mine if not p["detail"]),
            }
        )
    levels = Counter(i["kind"] for i in data["items"] if i["section"] == "needs")
    level_bars = [Bar(L.term("level", lv), levels[lv]) for lv in voc.LEVEL.slugs]
    if levels[None]:
        level_bars.append(Bar(L("not-stated"), levels[None], True))
    weakest = sorted(
        (c for c in canvases if not c["clean"]),
        key=lambda c: (-c["errors"], -c["warnings"], -(c["age_days"] or 0), c["path"]),
    )[:_WEAKEST]
    code_bars = [Bar(code, count) for code, count in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:12]]
    stale_bars = [Bar(r["owner"], r["stale"], bool(r["stale"]), f"/ {r['canvases']}") for r in reps]
    return {
        "canvases": n,
        "accounts": len(site.accounts),
        "reps": len(owners),
        "clean": clean,
        "clean_share": _percent(clean, n),
        "stale": sum(1 for c in canvases if c["stale"]),
        "severities": [(s, severities[s]) for s in ("error", "warning", "info")],
        "missing_driver": missing_driver,
        "reps_table": reps,
        "stale_chart": bar_chart("stale", L("chart.stale"), stale_bars),
        "motivators": _motivators(site),
        "codes_chart": bar_chart("codes", L("chart.codes"), code_bars) if code_bars else None,
        "updated_chart": age_chart("updated", L("chart.updated"), "age_days"),
        "evidence_chart": age_chart("evidence", L("chart.evidence"), "evidence_age_days"),
        "methods": methods,
        "levels_chart": bar_chart("levels", L("chart.levels"), level_bars),
        "weakest": weakest,
        "unreadable": [c["path"] for c in data["canvases"] if not c["readable"]] + list(data["unreadable"]),
        "missing": list(data["missing"]),
        "trends": _trends(site),
    }


def _trends(site: _Site) -> dict[str, Any] | None:
    history = site.data.get("history")
    if history is None:
        return None
    L = site.L
    weeks = history["weeks"]
    if not weeks:
        return {"note": L(f"history.{history['note'] or 'empty'}"), "weeks": []}
    dates = [w["date"] for w in weeks]
    share = [round(100 * w["clean"] / w["canvases"], 1) if w["canvases"] else None for w in weeks]
    return {
        "note": None,
        "weeks": weeks,
        "since": history["since"],
        "canvases_chart": line_chart(
            "trend-canvases",
            L("chart.trend-canvases"),
            dates,
            [
                Series(L("canvases"), [w["canvases"] for w in weeks], "s1"),
                Series(L("clean"), [w["clean"] for w in weeks], "s2"),
            ],
        ),
        "share_chart": line_chart(
            "trend-share", L("chart.trend-share"), dates, [Series(L("clean-share"), share, "s2")]
        ),
        "findings_chart": line_chart(
            "trend-findings",
            L("chart.trend-findings"),
            dates,
            [
                Series(L("severity.error"), [w["errors"] for w in weeks], "s3"),
                Series(L("severity.warning"), [w["warnings"] for w in weeks], "s4"),
                Series(L("severity.info"), [w["infos"] for w in weeks], "s1"),
            ],
        ),
        "evidence_chart": line_chart(
            "trend-evidence",
            L("chart.trend-evidence"),
            dates,
            [Series(L("evidence-age"), [w["evidence_age_days"] for w in weeks], "s1")],
        ),
    }


def _account_view(site: _Site, a: _Account) -> dict[str, Any]:
    L = site.L
    offering, driver = _driver(a)
    by_role: list[dict[str, Any]] = []
    for role in [*ROLES, None]:
        mine = [c for c in a.canvases if c["buying_role"] == role]
        if role is None and not mine:
            continue
        by_role.append(
            {
                "role": L.term("function", role),
                "driver": role is not None and role == driver,
                "canvases": sorted(mine, key=lambda c: c["path"]),
            }
        )
    items = [i for c in a.canvases for i in site.items_of.get(c["path"], [])]
    ids = {c["path"]: c["id"] or c["path"] for c in a.canvases}

    def column(section: str, vocabulary: str) -> list[dict[str, Any]]:
        return [
            {"id": i["id"], "title": i["title"], "canvas": ids[i["path"]], "kind": L.term(vocabulary, i["kind"])}
            for i in items
            if i["section"] == section
        ]

    return {
        "name": a.name or L("no-account"),
        "spellings": sorted(a.spellings) if len(a.spellings) > 1 else [],
        "offering": L.term("offering", offering),
        "driver": L.term("function", driver) if driver else None,
        "driver_missing": driver is None or all(c["buying_role"] != driver for c in a.canvases),
        "by_role": by_role,
        "sponsors": sorted({s for c in a.canvases for s in c["sponsors"]}),
        "evaluators": sorted({s for c in a.canvases for s in c["evaluators"]}),
        "problems": column("problems", "problem_type"),
        "needs": column("needs", "level"),
        "motivators": column("motivators", "motivator"),
    }


def _owner_view(site: _Site, owner: str, findings: Mapping[str, list[Mapping[str, Any]]]) -> dict[str, Any]:
    mine = list(site.by_owner.get(owner, []))
    mine.sort(key=lambda c: (c["updated"] or "", c["path"]))  # oldest first; no date first of all
    return {
        "owner": owner or site.L("no-owner"),
        "canvases": [
            {
                **c,
                "lacks": [f for f in findings.get(c["path"], []) if f["severity"] in ("error", "warning")],
                "notes": sum(1 for f in findings.get(c["path"], []) if f["severity"] == "info"),
            }
            for c in mine
        ],
    }


def site_pages(
    data: Mapping[str, Any], lang: str, briefs: Mapping[str, str], render: Callable[[str, Mapping[str, Any]], str]
) -> Iterator[tuple[str, str]]:
    """``(relative path, HTML)`` of every page, one at a time.  ``briefs``: canvas path -> its brief's path from
    the site's root; ``render(template, context)`` renders one of ``templates/report/``."""
    site = _Site(data, _Labels(lang), briefs)
    site.accounts = _accounts(data["canvases"])
    for item in data["items"]:
        site.items_of.setdefault(item["path"], []).append(item)
    for c in data["canvases"]:
        if c["readable"]:
            site.by_owner.setdefault(c["owner"] or "", []).append(c)
    names: set[str] = set()
    owners = sorted({c["owner"] or "" for c in data["canvases"] if c["readable"]}, key=lambda o: (o == "", o))
    for owner in owners:
        site.owner_pages[owner] = _unique(names, _page_name(owner, "owner") if owner else "no-owner", owner) + ".html"
    for a in site.accounts:
        for c in a.canvases:
            site.account_page[c["path"]] = a.page
    common = {
        "L": site.L,
        "lang": lang,
        "today": data["today"],
        "vplint": data["vplint"],
        "brief": site.brief,
        "account_page": site.account_page,
        "owner_page": {c["path"]: site.owner_pages[c["owner"] or ""] for c in data["canvases"] if c["readable"]},
    }
    overview = {**common, "root": "", "o": _overview(site), "account_list": site.accounts}
    yield "index.html", render("overview.html.j2", {**overview, "owner_pages": site.owner_pages})
    for a in site.accounts:
        yield f"accounts/{a.page}", render("account.html.j2", {**common, "root": "../", "a": _account_view(site, a)})
    findings = site.findings_of()
    for owner, page in site.owner_pages.items():
        view = _owner_view(site, owner, findings)
        yield f"owners/{page}", render("owner.html.j2", {**common, "root": "../", "p": view})


def render_site(data: Mapping[str, Any], lang: str, briefs: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """:func:`site_pages` rendered with the shipped templates (``templates/report/``, autoescaped)."""
    import jinja2

    from vplint.store.resources import resource_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates") / "report")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return site_pages(data, lang, briefs, lambda name, context: env.get_template(name).render(context))
