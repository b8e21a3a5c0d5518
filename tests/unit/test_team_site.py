"""The team site's pages from report data: accounts folded and named, the three answers, the charts."""

from __future__ import annotations

import re
from typing import Any

import pytest

from vplint.team.charts import Bar, Series, bar_chart, line_chart
from vplint.team.site import render_site


def canvas(path: str, account: str | None, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "path": path,
        "id": path.split("/")[-1].split(".")[0],
        "account": account,
        "owner": "alice@example.com",
        "language": "en",
        "decision_maker": "CFO",
        "buying_role": "finance",
        "offering": "differentiated",
        "updated": "2026-11-20",
        "age_days": 16,
        "newest_evidence": None,
        "evidence_age_days": None,
        "problems": 0,
        "needs": 0,
        "motivators": 0,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "clean": True,
        "readable": True,
        "stale": False,
        "last_changed": None,
        "sponsors": [],
        "evaluators": [],
    }
    return row | extra


def motivator(path: str, kind: str | None) -> dict[str, Any]:
    return {"path": path, "canvas": None, "account": None, "section": "motivators", "id": "M1", "title": "m"} | {
        "kind": kind,
        "detail": None,
        "refs": None,
    }


def site(canvases: list[dict[str, Any]], items: list[dict[str, Any]] | None = None) -> dict[str, str]:
    data = {
        "version": 1,
        "vplint": "0",
        "today": "2026-12-06",
        "history": None,
        "canvases": canvases,
        "findings": [],
        "items": items or [],
        "missing": [],
        "unreadable": [],
    }
    return dict(render_site(data, "en", {}))


def drivers_section(pages: dict[str, str]) -> str:
    index = pages["index.html"]
    return index[index.index('id="drivers"') : index.index('id="reps"')]


def test_an_account_written_two_ways_is_one_account_under_the_spelling_most_use() -> None:
    pages = site(
        [
            canvas("c/a.md", "ACME Manufacturing"),
            canvas("c/b.md", "acme  manufacturing", buying_role="business-unit"),
            canvas("c/c.md", "ACME Manufacturing", buying_role="commercial"),
        ]
    )
    accounts = sorted(p for p in pages if p.startswith("accounts/"))
    assert accounts == ["accounts/acme-manufacturing.html"]
    page = pages["accounts/acme-manufacturing.html"]
    assert "<h1>ACME Manufacturing</h1>" in page
    assert "written as ACME Manufacturing / acme  manufacturing" in page
    assert "is there" in page  # the business unit drives a differentiated purchase, and has a canvas


def test_two_accounts_of_one_file_name_get_two_pages() -> None:
    long = "Northwind Traders and Logistics Holding Company Limited of the Greater Pacific Region"
    first, second = f"{long} East", f"{long} West"  # different accounts, the same first 80 characters
    pages = site([canvas("c/e.md", first), canvas("c/w.md", second)])
    accounts = sorted(p for p in pages if p.startswith("accounts/"))
    assert len(accounts) == 2
    assert accounts[0] != accounts[1]
    assert any(re.search(r"-[0-9a-f]{6}\.html$", a) for a in accounts)
    bodies = [pages[a] for a in accounts]
    assert any(first in b for b in bodies)
    assert any(second in b for b in bodies)


@pytest.mark.parametrize(
    ("offering", "roles", "flagged"),
    [
        ("differentiated", ["finance", "commercial"], True),  # the business unit drives: no canvas
        ("differentiated", ["business-unit"], False),
        ("commodity", ["business-unit", "technical-evaluation"], True),  # commercial drives
        ("in-between", ["technical-evaluation"], False),
        (None, ["finance"], True),  # nobody says what is bought: who drives is unknown
    ],
)
def test_the_driver_canvas_is_flagged_when_missing(offering: str | None, roles: list[str], flagged: bool) -> None:
    rows = [canvas(f"c/{i}.md", "Initech", buying_role=r, offering=offering) for i, r in enumerate(roles)]
    section = drivers_section(site(rows))
    assert ("Initech</a>" in section) is flagged


@pytest.mark.parametrize(
    ("kinds", "leaning"),
    [
        (["lower-cost", "lower-cost", "window", "severity"], True),  # the most used
        (["lower-cost", "window", "window", "severity", "priority", "severity"], False),  # 1 of 6
        (["lower-cost", "lower-cost", "window", "window", "severity", "severity", "priority"], True),  # 2 of 7 > 25 %
        (["window", "severity"], False),
    ],
)
def test_leaning_on_price(kinds: list[str], leaning: bool) -> None:
    items = [motivator("c/a.md", k) for k in kinds]
    index = site([canvas("c/a.md", "A")], items)["index.html"]
    answer = index[index.index('id="motivators"') :]
    answer = answer[answer.index('<p class="answer') : answer.index("</p>")]
    assert answer.split(">", 1)[1].startswith("Yes" if leaning else "No")


def test_canvas_text_is_escaped_in_pages_and_charts() -> None:
    evil = "<script>alert(1)</script>"
    pages = site([canvas("c/a.md", evil, owner=evil, decision_maker=evil)])
    for page in pages.values():
        assert "<script>" not in page
    chart = bar_chart("x", evil, [Bar(evil, 1)])
    assert "<script>" not in chart
    assert "&lt;script&gt;" in chart


def test_charts_are_the_same_bytes_and_say_their_numbers() -> None:
    bars = [Bar("lower cost", 3, True, "(30 %)"), Bar("window", 7)]
    one = bar_chart("m", "Motivators", bars)
    assert one == bar_chart("m", "Motivators", bars)
    assert 'role="img"' in one
    assert '<title id="m-t">Motivators</title>' in one
    assert "lower cost: 3 (30 %); window: 7" in one
    lines = line_chart("t", "Trend", ["2026-11-29", "2026-12-06"], [Series("errors", [2, None], "s3")])
    assert "errors: 2, —" in lines
    assert not re.search(r"\d\.\d{2,}", one + lines)  # no float noise: one decimal at most
