"""The skeleton code actions' text: what ``vplint new`` writes, where the canvas lacks it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.lsp.skeleton import field_names, insertions, section_headings

OPTIONS = Options(today=None)


def _apply(text: str, lang: str) -> tuple[str, list[str]]:
    """``text`` with every skeleton insertion applied (bottom up), and what was added."""
    found = lint_text(text, "c.md", options=OPTIONS).diagnostics
    lines = text.split("\n")
    added = []
    for ins in sorted(insertions(text, lang, found), key=lambda i: i.line, reverse=True):
        lines[ins.line : ins.line] = ins.text.rstrip("\n").split("\n")
        added.append(ins.what)
    return "\n".join(lines), sorted(added)


@pytest.mark.parametrize(
    ("sample", "lang", "section", "field", "field_line", "key"),
    [
        (
            "acme-cfo.en.md",
            "en",
            "## Motivators",
            "- Diagnosis: before-after - invoices started slipping after regional billing teams were merged "
            "in Q3 2024\n",
            "- Diagnosis: <method - what you found>",
            "owner: alice@example.com\n",
        ),
        (
            "huaxin-cio.zh.md",
            "zh",
            "## 客户动机",
            None,
            None,
            None,
        ),
    ],
)
def test_the_missing_parts_come_back_as_prompts(
    sample: str, lang: str, section: str, field: str | None, field_line: str | None, key: str | None
) -> None:
    text = (ROOT / "canvases" / sample).read_text(encoding="utf-8")
    broken = re.sub(rf"(?s){re.escape(section)}\n.*?(?=\n## )", "", text)
    if field:
        broken = broken.replace(field, "")
    if key:
        broken = broken.replace(key, "")
    before = {d.code for d in lint_text(broken, "c.md", options=OPTIONS).diagnostics}
    assert "S001" in before
    fixed, added = _apply(broken, lang)
    assert section in added
    assert section in fixed
    if field_line:  # under the item's heading; C001 stays until the rep replaces the prompt
        assert "### P1 Quote-to-cash slowed since the 2024 reorganisation\n" + field_line + "\n" in fixed
        assert "Diagnosis" in added
    if key:
        assert "owner: <your name or e-mail>" in fixed
    after = lint_text(fixed, "c.md", options=OPTIONS).diagnostics
    assert not [d for d in after if d.code == "S001"], after
    assert any(d.code == "H002" for d in after)  # the prompts are left for the rep to fill


def test_headings_and_fields_are_the_canonical_spellings() -> None:
    assert section_headings("en") == ["Problems", "Needs", "Motivators", "Conversion", "Actions"]
    assert section_headings("zh")[:3] == ["业务问题", "购买需求", "客户动机"]
    assert field_names("en")["Problems"][:2] == ["Type", "Diagnosis"]
    assert field_names("zh")["购买需求"][0] == "解决"
