"""A varied set of canvases for the two-page promise of the briefs: English and Chinese, from one problem,
need and motivator up to five problems, five needs and four motivators, with long titles.

Built from the two sample canvases by repeating their items (renumbered, their references kept valid),
so every canvas is clean and its brief is complete.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

SIZES = [(p, n, m) for p, n, m in ((1, 1, 1), (2, 2, 1), (3, 3, 2), (4, 4, 3), (5, 5, 4))]
"""(problems, needs, motivators) of the canvases, each in both languages and two title lengths: 20 canvases."""

_LONGER = {
    "en": " across the regions",
    "zh": "，涉及各区域",
}


def _blocks(section: str) -> tuple[str, list[str]]:
    """The text before the first ``### `` item of a section, and the items."""
    parts = re.split(r"(?m)^(?=### )", section)
    return parts[0], parts[1:]


def _section(text: str, heading: str) -> tuple[int, int]:
    start = text.index(heading)
    nxt = text.find("\n## ", start + 1)
    return start, nxt + 1 if nxt >= 0 else len(text)


def _build(sample: str, lang: str, problems: int, needs: int, motivators: int, long: bool, number: int) -> str:
    headings = {"en": ("## Problems", "## Needs", "## Motivators"), "zh": ("## 业务问题", "## 购买需求", "## 客户动机")}
    text = sample.replace("id: acme-cfo", f"id: acme-cfo-{number}")
    text = text.replace("id: huaxin-cio", f"id: huaxin-cio-{number}")
    text = text.replace("account: ACME Manufacturing", f"account: ACME Manufacturing {number}")
    text = text.replace("account: 华信物流", f"account: 华信物流{number}")  # one decision-maker per account
    for heading, count, prefix in zip(headings[lang], (problems, needs, motivators), "PNM", strict=True):
        start, end = _section(text, heading)
        head, items = _blocks(text[start:end])
        made = []
        for i in range(count):
            item = items[i % len(items)]
            item = re.sub(rf"^### {prefix}\d+", f"### {prefix}{i + 1}", item)
            if long:
                first, rest = item.split("\n", 1)
                item = first + _LONGER[lang] + "\n" + rest
            ref = f"P{i % problems + 1}"

            def point(m: re.Match[str], ref: str = ref) -> str:
                return m.group(1) + ref

            item = re.sub(r"(?m)^(- (?:Solves|解决|For|针对)[:：]\s*)P\d+.*$", point, item)
            made.append(item if item.endswith("\n\n") else item.rstrip("\n") + "\n\n")
        text = text[:start] + head + "".join(made) + text[end:]
    return text


def write_set(folder: Path) -> list[Path]:
    """The twenty canvases, written to ``folder``; their paths."""
    samples = {
        "en": (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8"),
        "zh": (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    number = 0
    for lang, sample in samples.items():
        for problems, needs, motivators in SIZES:
            for long in (False, True):
                number += 1
                path = folder / f"c{number:02d}.{lang}.md"
                path.write_text(_build(sample, lang, problems, needs, motivators, long, number), encoding="utf-8")
                paths.append(path)
    return paths
