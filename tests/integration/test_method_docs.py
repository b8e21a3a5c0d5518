"""The method (docs/method.md, docs/method.zh.md) is what the rules cite, and the only thing they cite.

Every rule's rationale cites a section of the method page in its own language; every
cited anchor exists and its section number is the one the citation gives; both pages have
the same sections with the same anchors; the rules reference turns citations into links;
and nothing vplint ships points at the internal domain notes the project was built from.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.rules import RULES
from vplint.rules.docs import explain_text, link_citations, render

DOCS = ROOT / "docs"
METHOD = {"en": "method.md", "zh": "method.zh.md"}
SHIPPED = [ROOT / "vplint", ROOT / "docs", ROOT / "templates", ROOT / "schema", ROOT / "README.md"]
"""What a user of vplint gets or reads: the package, its docs, templates and schemas, and the README."""

_ANCHOR = re.compile(r'^<a name="([a-z0-9-]+)"></a>\n\n## (\d+)\. ', re.M)
_CITATION = re.compile(r"(?:(?:method|方法) )?§(\d+)[,，]\s*docs/(method(?:\.zh)?\.md)#([a-z0-9-]+)")
_ANY_CITATION = re.compile(r"docs/(method(?:\.zh)?\.md)(?:#([a-z0-9-]+))?")


def _sections(lang: str) -> dict[str, int]:
    """The method page's section anchors and their numbers."""
    text = (DOCS / METHOD[lang]).read_text(encoding="utf-8")
    return {anchor: int(number) for anchor, number in _ANCHOR.findall(text)}


def _shipped_texts() -> list[Path]:
    files: list[Path] = []
    for root in SHIPPED:
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files.append(path)
    return files


def test_nothing_shipped_mentions_the_internal_domain_notes() -> None:
    files = _shipped_texts()
    assert any(p.name == "x002_duplicate_decision_maker.py" for p in files)  # the walk sees the rules
    offenders = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [
            f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(text.splitlines(), 1) if "domain.md" in line
        ]
    assert offenders == [], "cite docs/method.md (or method.zh.md) instead"


def test_both_method_pages_have_the_same_numbered_sections() -> None:
    en, zh = _sections("en"), _sections("zh")
    assert list(en.items()) == list(zh.items())
    assert list(en.values()) == list(range(1, len(en) + 1))
    assert {"decision-maker", "problems", "needs", "strategy", "trigger", "motivators", "change", "levers"} <= set(en)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("code", sorted(RULES))
def test_rationale_cites_the_method_in_its_language(code: str, lang: str) -> None:
    text = RULES[code].rationale(lang)
    sections = _sections(lang)
    pages = {page for page, _ in _ANY_CITATION.findall(text)}
    assert pages == {METHOD[lang]}, f"{code} ({lang}) cites {pages or 'nothing'}"
    for page, anchor in _ANY_CITATION.findall(text):
        assert not anchor or anchor in sections, f"{code} ({lang}): no section #{anchor} in docs/{page}"
    for number, _, anchor in _CITATION.findall(text):
        assert sections[anchor] == int(number), f"{code} ({lang}): #{anchor} is §{sections[anchor]}, not §{number}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_reference_links_citations_and_explain_keeps_the_path(lang: str) -> None:
    page = METHOD[lang]
    assert f"](method{'.zh' if lang == 'zh' else ''}.md#" in render(lang)
    assert "docs/method" not in re.sub(r"\[docs/[^\]]*\]", "", render(lang))  # every path became a link
    assert f"docs/{page}#needs" in explain_text(RULES["C001"], lang)
    assert link_citations(f"x (method §3, docs/{page}#needs).") == f"x ([method §3]({page}#needs))."
    assert link_citations(f"x（方法 §3，docs/{page}#needs）") == f"x（[方法 §3]({page}#needs)）"
    assert link_citations(f"(method §4,\ndocs/{page}#strategy)") == f"([method §4]({page}#strategy))"


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    kept = "".join(c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    headings = re.findall(r"^#{1,6} (.+)$", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S), re.M)
    return {_slug(h) for h in headings} | set(re.findall(r'<a name="([^"]+)"></a>', text))


@pytest.mark.parametrize("name", sorted(METHOD.values()))
def test_method_links_resolve(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert links
    for link in links:
        target, _, anchor = link.partition("#")
        doc = DOCS / target if target else DOCS / name
        assert doc.is_file(), link
        assert not anchor or anchor in _anchors(doc.read_text(encoding="utf-8")), link


@pytest.mark.parametrize(("lang", "name"), [("en", "canvas-format.md"), ("zh", "canvas-format.zh.md")])
def test_canvas_format_links_the_method(lang: str, name: str) -> None:
    head = "\n".join((DOCS / name).read_text(encoding="utf-8").splitlines()[:5])
    assert f"]({METHOD[lang]})" in head
