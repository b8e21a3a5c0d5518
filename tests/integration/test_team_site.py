"""``vplint report``'s static site for a generated team of forty canvases, read as a browser and a reader would.

The team (``tests/team_support.py``) is made to answer the report's three questions in a known way, so the
tests read the answers off the pages: which accounts lack the canvas of the role that drives the purchase
(Globex Retail, 东方电力), who has stale canvases (bob, 8), and whether the team leans on price (yes).  The
pages are parsed with the standard library's ``html.parser``; Chromium (the harness of
``test_briefs_browser``) renders and prints them, offline and without console errors.
"""

from __future__ import annotations

import contextlib
import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.integration.test_briefs_browser import Browser, browser, visit  # noqa: F401 - the fixture
from tests.team_support import ACCOUNTS, NO_DRIVER, TODAY, Member, make_team
from vplint.cli.main import main

SCHEMA = json.loads((ROOT / "schema" / "team-report.schema.json").read_text(encoding="utf-8"))
LINK_ATTRS = ("href", "src", "xlink:href", "srcset", "action", "formaction", "poster", "data", "background")


def report(root: Path, *args: str) -> int:
    """``vplint report canvases ...`` run in ``root`` (where the team's ``canvases`` folder is)."""
    with contextlib.chdir(root):
        return main(["report", "canvases", *args, "--isolated", "--today", TODAY])


@dataclass
class Section:
    """What one part of a page (from a heading with an ``id`` to the next) holds."""

    headers: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


class Page(HTMLParser):
    """One HTML page: its links, ids, scripts, SVGs, text, and per section its table rows, answers and links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title = ""
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()
        self.scripts = 0
        self.svgs: list[dict[str, str | None]] = []
        self.sections: dict[str, Section] = {"": Section()}
        self.text: list[str] = []
        self._section = ""
        self._svg_depth = 0
        self._in_head = False
        self._row: list[str] | None = None
        self._captures: list[tuple[str, str, list[str]]] = []  # (tag, what, text)
        self._href = ""
        self.feed(text)
        self.close()

    def _capture(self, tag: str, what: str) -> None:
        self._captures.append((tag, what, []))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in LINK_ATTRS:
            if key in a:
                self.links.append((tag, key, a[key]))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "script":
            self.scripts += 1
        elif tag == "thead":
            self._in_head = True
        elif tag == "svg":
            if self._svg_depth == 0:
                self.svgs.append({"role": a.get("role"), "title": None})
            self._svg_depth += 1
        elif tag == "title":
            self._capture(tag, "svg-title" if self._svg_depth else "title")
        elif re.fullmatch(r"h[1-6]", tag) and "id" in a:
            self._section = a["id"]
            self.sections.setdefault(self._section, Section())
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._capture(tag, "cell")
        elif tag == "p" and "answer" in a.get("class", "").split():
            self._capture(tag, "answer")
        elif tag == "a" and "href" in a:
            self._href = a["href"]
            self._capture(tag, "link")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self._in_head = False
        elif tag == "svg":
            self._svg_depth = max(0, self._svg_depth - 1)
        elif tag == "tr" and self._row is not None:
            section = self.sections[self._section]
            (section.headers if self._in_head else section.rows).append(self._row)
            self._row = None
        for i in range(len(self._captures) - 1, -1, -1):
            if self._captures[i][0] == tag:
                _, what, parts = self._captures.pop(i)
                self._captured(what, " ".join("".join(parts).split()))
                break

    def _captured(self, what: str, text: str) -> None:
        section = self.sections[self._section]
        if what == "title":
            self.title = text
        elif what == "svg-title" and self.svgs and self.svgs[-1]["title"] is None:
            self.svgs[-1]["title"] = text
        elif what == "cell" and self._row is not None:
            self._row.append(text)
        elif what == "answer":
            section.answers.append(text)
        elif what == "link":
            section.links.append((text, self._href))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, _, parts in self._captures:
            parts.append(data)

    @property
    def hrefs(self) -> list[str]:
        return [value for _, key, value in self.links if key == "href"]

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


@dataclass(frozen=True)
class Team:
    root: Path
    site: Path
    members: list[Member]

    def page(self, rel: str) -> Page:
        return Page((self.site / rel).read_text(encoding="utf-8"))

    def pages(self, folder: str) -> list[str]:
        return sorted(p.relative_to(self.site).as_posix() for p in (self.site / folder).glob("*.html"))

    @property
    def all_pages(self) -> list[str]:
        return sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html"))


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Team:
    root = tmp_path_factory.mktemp("team")
    members = make_team(root / "canvases")
    assert report(root, "-o", "site") == 0
    return Team(root, root / "site", members)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _brief(m: Member) -> str:
    return f"briefs/{m.id}.html"


# 1. Chromium ------------------------------------------------------------------------------------------------


def test_every_page_renders_offline_without_console_errors(
    browser: Browser,  # noqa: F811
    team: Team,
) -> None:
    en_broken = next(m for m in team.members if m.broken and m.path.endswith(".en.md"))
    zh = next(m for m in team.members if m.path.endswith(".zh.md"))
    clean = next(m for m in team.members if not m.broken and not m.stale)
    briefs = sorted({_brief(en_broken), _brief(zh), _brief(clean)})
    pages = ["index.html", *team.pages("accounts"), *team.pages("owners"), *briefs]
    assert len(pages) == 1 + 8 + 5 + 3
    seen = {rel: visit(browser, team.site / rel) for rel in pages}
    assert {rel: s["problems"] for rel, s in seen.items() if s["problems"]} == {}
    assert {rel: s["requests"] for rel, s in seen.items() if s["requests"]} == {}
    assert {rel: s["dialogs"] for rel, s in seen.items() if s["dialogs"]} == {}
    assert {rel: s["shown"]["scripts"] for rel, s in seen.items() if s["shown"]["scripts"]} == {}
    assert "Team overview" in seen["index.html"]["shown"]["text"]
    assert "bob@example.com" in seen["index.html"]["shown"]["text"]
    assert seen["index.html"]["shown"]["svgs"] >= 3  # the charts are drawn


# 2. Self-contained, relative links that all resolve ---------------------------------------------------------------


def test_no_script_and_no_absolute_link_in_any_page(team: Team) -> None:
    pages = team.all_pages
    assert len(pages) == 1 + 8 + 5 + 40
    for rel in pages:
        text = (team.site / rel).read_text(encoding="utf-8")
        page = Page(text)
        assert re.search(r"<script", text, re.IGNORECASE) is None, rel
        assert page.scripts == 0, rel
        absolute = [v for _, _, v in page.links if re.match(r"\s*(https?:)?//", v, re.IGNORECASE)]
        assert absolute == [], rel


def test_every_relative_href_resolves_to_a_file_of_the_site(team: Team) -> None:
    site = team.site.resolve()
    broken: dict[str, list[str]] = {}
    checked = 0
    for rel in team.all_pages:
        for href in Page((team.site / rel).read_text(encoding="utf-8")).hrefs:
            parts = urlsplit(href)
            if parts.scheme == "mailto":
                continue
            assert not parts.scheme, (rel, href)
            assert not parts.netloc, (rel, href)
            if not parts.path:  # a fragment of the same page
                continue
            target = ((team.site / rel).parent / unquote(parts.path)).resolve()
            checked += 1
            if not (target.is_file() and target.is_relative_to(site)):
                broken.setdefault(rel, []).append(href)
    assert broken == {}
    assert checked > 200


def test_every_fragment_names_an_id_of_its_page(team: Team) -> None:
    ids = {rel: team.page(rel).ids for rel in team.all_pages}
    missing = []
    checked = 0
    for rel in team.all_pages:
        for href in team.page(rel).hrefs:
            parts = urlsplit(href)
            if parts.scheme or not parts.fragment:
                continue
            checked += 1
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), parts.path)) if parts.path else rel
            if unquote(parts.fragment) not in ids.get(target, set()):
                missing.append((rel, href))
    assert missing == []
    assert checked >= 2 * 14  # the navigation of every page to the overview's lists


def test_every_page_that_names_a_canvas_links_its_brief(team: Team) -> None:
    briefs = set(team.pages("briefs"))
    assert briefs == {_brief(m) for m in team.members}  # with --allow-errors: the four with an error too
    index = team.page("index.html")
    owner_pages = {text: href for text, href in index.sections["reps"].links}
    account_pages = {text: href for text, href in index.sections["accounts"].links}
    for owner, href in owner_pages.items():
        mine = {f"../{_brief(m)}" for m in team.members if m.owner == owner}
        linked = {h for h in team.page(href).hrefs if h.startswith("../briefs/")}
        assert len(mine) == 8
        assert linked == mine, owner
    for account, href in account_pages.items():
        mine = {f"../{_brief(m)}" for m in team.members if m.account == account}
        linked = {h for h in team.page(href).hrefs if h.startswith("../briefs/")}
        assert len(mine) == 5
        assert linked == mine, account
    shown = [m for m in team.members if f"canvases/{Path(m.path).name}" in index.plain]  # the weakest canvases
    assert shown
    assert {_brief(m) for m in shown} <= set(index.hrefs)


# 3. Charts ------------------------------------------------------------------------------------------------------


def test_every_svg_is_an_image_with_a_title(team: Team) -> None:
    count = 0
    for rel in team.all_pages:
        for svg in team.page(rel).svgs:
            count += 1
            assert svg["role"] == "img", rel
            assert svg["title"], rel
    assert count >= 40 + 5  # the mind map of each brief, the overview's charts


# 4. The three questions at a glance -------------------------------------------------------------------------------


def test_the_overview_answers_the_three_questions(team: Team) -> None:
    index = team.page("index.html")
    drivers = index.sections["drivers"]
    expected = {name for name, slug, _, _ in ACCOUNTS if slug in NO_DRIVER}
    assert expected == {"Globex Retail", "东方电力"}
    assert [row[0] for row in drivers.rows] in (["Globex Retail", "东方电力"], ["东方电力", "Globex Retail"])
    assert {text for text, _ in drivers.links} == expected

    reps = index.sections["reps"]
    (header,) = reps.headers
    stale_column = header.index("stale")
    stale = {row[0]: int(row[stale_column]) for row in reps.rows}
    assert stale["bob@example.com"] == 8
    assert stale == {o: sum(m.stale for m in team.members if m.owner == o) for o in {m.owner for m in team.members}}
    assert sum(stale.values()) == 9

    (answer,) = index.sections["motivators"].answers
    assert answer.startswith("Yes"), answer
    price = sum(m.price for m in team.members)
    assert f"({price} of 40)" in answer


def test_one_page_per_account_and_per_owner(team: Team) -> None:
    assert len(team.pages("accounts")) == 8
    assert len(team.pages("owners")) == 5
    index = team.page("index.html")
    assert {text.split(" (")[0] for text, _ in index.sections["accounts"].links} == {a[0] for a in ACCOUNTS}
    owners = {text for text, _ in index.sections["reps"].links}
    assert owners == {m.owner for m in team.members}
    assert {f"owners/{Path(p).name}" for p in team.pages("owners")} == {h for _, h in index.sections["reps"].links}


def test_the_acme_page_names_both_spellings_and_lists_its_five_canvases(team: Team) -> None:
    index = team.page("index.html")
    (href,) = [h for text, h in index.sections["accounts"].links if text == "ACME Manufacturing"]
    page = team.page(href)
    assert page.title.startswith("ACME Manufacturing")
    assert "ACME Manufacturing" in page.plain
    assert "ACME manufacturing" in page.plain
    acme = {f"../{_brief(m)}" for m in team.members if m.account == "ACME Manufacturing"}
    assert len(acme) == 5
    assert {h for h in page.hrefs if h.startswith("../briefs/")} == acme
    canvas_rows = [row for row in page.sections[""].rows if len(row) == 5]  # role, canvas, owner, status, updated
    assert len(canvas_rows) == 5


# 5. Chinese ------------------------------------------------------------------------------------------------------


def test_the_chinese_site_is_chinese(team: Team) -> None:
    assert report(team.root, "-o", "site-zh", "--lang", "zh") == 0
    site = team.root / "site-zh"
    index = Page((site / "index.html").read_text(encoding="utf-8"))
    assert index.lang == "zh-CN"
    assert index.title.startswith("团队概览")
    assert "团队概览" in index.plain
    for page in [*sorted((site / "accounts").glob("*.html")), *sorted((site / "owners").glob("*.html"))]:
        assert Page(page.read_text(encoding="utf-8")).lang == "zh-CN", page.name
    assert "Team overview" not in index.plain


# 6. Reproducible, and --check ---------------------------------------------------------------------------------------


def test_the_site_is_the_same_bytes_twice_and_check_names_a_changed_page(
    team: Team, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VPLINT_LANG", "en")  # the messages; the pages do not depend on it
    assert report(team.root, "-o", "again") == 0
    again = team.root / "again"
    first, second = _tree(team.site), _tree(again)
    assert first == second
    assert len(first) == 1 + 8 + 5 + 40 + 1

    capsys.readouterr()
    assert report(team.root, "-o", "again", "--check") == 0
    assert "up to date" in capsys.readouterr().out

    changed = "owners/bob-example.com.html"
    page = again / changed
    page.write_bytes(page.read_bytes().replace(b"bob@example.com", b"bob@example.org", 1))
    assert report(team.root, "-o", "again", "--check") == 1
    out = capsys.readouterr().out
    assert f"again/{changed}" in out
    assert [rel for rel in first if rel != changed and f"again/{rel}" in out] == []
    assert _tree(again)[changed] != first[changed]  # --check wrote nothing


# 7. report.json ----------------------------------------------------------------------------------------------------


def test_the_sites_report_json_validates_against_the_schema(team: Team) -> None:
    data = json.loads((team.site / "report.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    assert len(data["canvases"]) == 40
    assert data["today"] == TODAY
    assert Counter(c["stale"] for c in data["canvases"])[True] == 9
    assert report(team.root, "-o", "json-only", "--format", "json") == 0
    assert (team.root / "json-only" / "report.json").read_bytes() == (team.site / "report.json").read_bytes()


# 8. Print ----------------------------------------------------------------------------------------------------------


def test_the_overview_prints(
    browser: Browser,  # noqa: F811
    team: Team,
) -> None:
    seen = visit(browser, team.site / "index.html", keep="team-index")
    assert seen["problems"] == []
    assert seen["pages"] >= 1


def test_large_runs_on_every_core_give_the_same_bytes(tmp_path: Path) -> None:
    """80 canvases (two copies of the team, so every id is there twice: cross-file findings) take the worker
    paths: the shards with briefs, the pool without; both write what one process writes."""
    make_team(tmp_path / "canvases" / "a")
    make_team(tmp_path / "canvases" / "b")
    with contextlib.chdir(tmp_path):
        base = ["report", "canvases", "--isolated", "--today", "2026-12-06"]
        for name, extra in (("site", []), ("json", ["--format", "json"])):
            assert main([*base, "-o", f"{name}-1", "--jobs", "1", *extra]) in (0, 1)
            assert main([*base, "-o", f"{name}-2", "--jobs", "2", *extra]) in (0, 1)
            one, two = (
                {p.relative_to(d).as_posix(): p.read_bytes() for p in Path(d).rglob("*") if p.is_file()}
                for d in (f"{name}-1", f"{name}-2")
            )
            assert one == two
            assert len(one) > 40 if name == "site" else len(one) == 1
        data = json.loads(Path("json-1/report.json").read_text(encoding="utf-8"))
        assert len(data["canvases"]) == 80
        assert any(f["code"] == "X001" for f in data["findings"])  # the cross-file rules ran over both copies
