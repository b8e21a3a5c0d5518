"""A generated sales team for the team report's tests: forty canvases, eight accounts, five reps.

Built from the two shipped samples by substitution, so every canvas is a real, complete canvas. The
team is made to answer the report's three questions in a known way:

- two accounts lack the canvas of the buying role that drives their purchase (``Globex Retail``, a
  commodity without a commercial canvas; ``东方电力``, a commodity without 采购总监);
- bob's canvases are stale (``updated`` in May), and one of carol's;
- the team leans on price: the discount (``lower-cost``) is the first motivator of 23 of the 40.

One ACME canvas writes the account ``ACME manufacturing`` (one account, written two ways), and four
canvases lack a diagnosis (an error each).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

ACCOUNTS = (
    ("ACME Manufacturing", "acme", "differentiated", "en"),
    ("Globex Retail", "globex", "commodity", "en"),
    ("Initech", "initech", "in-between", "en"),
    ("Umbrella Health", "umbrella", "differentiated", "en"),
    ("Stark Logistics", "stark", "commodity", "en"),
    ("Wayne Foods", "wayne", "in-between", "en"),
    ("华信物流", "huaxin", "differentiated", "zh"),
    ("东方电力", "dongfang", "commodity", "zh"),
)
ROLES = {
    "en": (
        ("vp-ops", "VP Operations", "business-unit"),
        ("it", "Head of IT Architecture", "technical-evaluation"),
        ("buyer", "Procurement Director", "commercial"),
        ("cfo", "Chief Financial Officer", "finance"),
        ("sales", "Head of Sales", "business-unit"),
        ("ceo", "Chief Executive Officer", "business-unit"),
    ),
    "zh": (
        ("coo", "运营副总裁", "business-unit"),
        ("it", "IT架构负责人", "technical-evaluation"),
        ("buyer", "采购总监", "commercial"),
        ("cfo", "首席财务官", "finance"),
        ("sales", "销售总监", "business-unit"),
        ("ceo", "首席执行官", "business-unit"),
    ),
}
OWNERS = ("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com", "李雷")
NO_DRIVER = ("globex", "dongfang")
TODAY = "2026-12-06"


@dataclass(frozen=True)
class Member:
    path: str
    id: str
    account: str
    owner: str
    role: str
    stale: bool
    price: bool
    broken: bool


def canvas_text(
    lang: str, cid: str, account: str, title: str, role: str, offering: str, owner: str, updated: str, kind: str
) -> str:
    """A sample canvas with its front-matter and first motivator's kind replaced."""
    sample = "acme-cfo.en.md" if lang == "en" else "huaxin-cio.zh.md"
    text = (ROOT / "canvases" / sample).read_text(encoding="utf-8")
    for key, value in (("id", cid), ("account", account), ("offering", offering), ("owner", owner)):
        text = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
    text = re.sub(r"(?m)^updated: .*$", f"updated: {updated}", text, count=1)
    text = re.sub(r"(?m)^  title: .*$", f"  title: {title}", text, count=1)
    text = re.sub(r"(?m)^  buying_role: .*$", f"  buying_role: {role}", text, count=1)
    marker = "- Kind: window-of-opportunity" if lang == "en" else "- 类型：机会窗口"
    assert marker in text
    return text.replace(marker, f"- Kind: {kind}" if lang == "en" else f"- 类型：{kind}", 1)


def make_team(folder: Path) -> list[Member]:
    """Write the team's forty canvases into ``folder`` (created); what each is, for the tests to compare."""
    folder.mkdir(parents=True, exist_ok=True)
    members: list[Member] = []
    n = 0
    for a_index, (account, slug, offering, lang) in enumerate(ACCOUNTS):
        roles = [r for r in ROLES[lang] if not (slug in NO_DRIVER and r[2] == "commercial")][:5]
        for r_index, (suffix, title, role) in enumerate(roles):
            owner = OWNERS[(a_index + r_index) % len(OWNERS)]
            stale = owner == "bob@example.com" or (owner == "carol@example.com" and a_index == 0)
            updated = "2026-05-04" if stale else f"2026-11-{10 + (n % 15):02d}"
            price = n % 7 in (0, 2, 4) or n % 5 == 1
            kind = "lower-cost" if price else ("window-of-opportunity" if n % 2 else "severity")
            written = "ACME manufacturing" if (slug == "acme" and r_index == 3) else account
            text = canvas_text(lang, f"{slug}-{suffix}", written, title, role, offering, owner, updated, kind)
            broken = n % 11 == 3
            if broken:  # the first problem loses its diagnosis: an error (C001)
                line = next(x for x in text.splitlines() if x.startswith(("- Diagnosis:", "- 诊断：")))
                text = text.replace(line + "\n", "", 1)
            path = folder / f"{slug}-{suffix}.{lang}.md"
            path.write_text(text, encoding="utf-8")
            members.append(Member(str(path), f"{slug}-{suffix}", account, owner, role, stale, price, broken))
            n += 1
    assert len(members) == 40, len(members)
    return members
