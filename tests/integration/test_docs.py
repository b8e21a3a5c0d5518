"""The canvas format docs stay in step with the code.

Their vocabulary and rule tables are generated (``python -m tools.docgen``); these tests
fail when a table is stale, when a slug or a diagnostic code is missing from a doc, or
when the complete example drifts from the canvas it shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools import docgen
from vplint.model import vocabulary as voc
from vplint.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted(docgen.DOCS.items())
EXAMPLES = {"en": "acme-cfo.en.md", "zh": "huaxin-cio.zh.md"}
ALL_VOCABULARIES = [
    *voc.VOCABULARIES.values(),
    voc.SECTIONS,
    voc.FRONT_MATTER_KEYS,
    voc.DECISION_MAKER_KEYS,
    *voc.FIELDS.values(),
]


def _doc(name: str) -> str:
    return (docgen.DOCS_DIR / name).read_text(encoding="utf-8")


def _emitted_codes() -> set[str]:
    """Every diagnostic code vplint can emit.

    File and schema codes (``"F005"``, ``"S007"``) are string literals anywhere in vplint's
    sources; rule codes are the ``CODE`` of each module in vplint/rules and the registry's keys.
    """
    codes = set(RULES)
    for path in (ROOT / "vplint").rglob("*.py"):
        if path.name != "docgen.py":
            codes.update(re.findall(r"""["']([FS]\d{3})["']""", path.read_text(encoding="utf-8")))
    for path in (ROOT / "vplint" / "rules").glob("*.py"):
        codes.update(re.findall(r"""^CODE\s*=\s*["'](\w+)["']""", path.read_text(encoding="utf-8"), re.M))
    return codes


def _table_codes(text: str) -> set[str]:
    """Codes in the first column of a markdown table."""
    return set(re.findall(r"^\| `?([A-Z]\d{3})`? \|", text, re.M))


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_generated_blocks_are_up_to_date(lang: str, name: str) -> None:
    text = _doc(name)
    assert docgen.update(text, lang) == text, f"docs/{name} is stale: run python -m tools.docgen"


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_every_table_is_in_the_doc(lang: str, name: str) -> None:
    missing = set(docgen.BLOCKS) - set(docgen.block_names(_doc(name)))
    assert not missing, f"docs/{name} has no generated block for {sorted(missing)}"


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_every_slug_is_in_the_doc(lang: str, name: str) -> None:
    text = _doc(name)
    missing = [f"{v.name}:{slug}" for v in ALL_VOCABULARIES for slug in v.slugs if f"`{slug}`" not in text]
    assert not missing


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_every_diagnostic_code_is_in_a_code_table(lang: str, name: str) -> None:
    codes = _emitted_codes()
    assert {"F001", "S001", "C001"} <= codes  # the grep itself works
    missing = codes - _table_codes(_doc(name))
    assert not missing, f"docs/{name} does not explain {sorted(missing)}"


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_complete_example_is_the_normative_canvas(lang: str, name: str) -> None:
    canvas = (ROOT / "canvases" / EXAMPLES[lang]).read_text(encoding="utf-8")
    assert f"```markdown\n{canvas}```\n" in _doc(name)


@pytest.mark.parametrize(("lang", "name"), DOCS)
def test_docs_link_to_each_other(lang: str, name: str) -> None:
    head = "\n".join(_doc(name).splitlines()[:5])
    for other in docgen.DOCS.values():
        if other != name:
            assert f"]({other})" in head


def test_update_rewrites_only_generated_blocks() -> None:
    text = "# Prose\n\n<!-- BEGIN GENERATED: lever -->\nstale\n<!-- END GENERATED: lever -->\n\nMore prose.\n"
    new = docgen.update(text, "en")
    assert new.startswith("# Prose\n\n<!-- BEGIN GENERATED: lever -->\n| Slug |")
    assert new.endswith("<!-- END GENERATED: lever -->\n\nMore prose.\n")
    assert "stale" not in new
    assert "`empathise`" in new
    assert docgen.update(new, "en") == new
    assert "| `empathise` | 同理 |" in docgen.update(text, "zh")


def test_update_refuses_broken_markers() -> None:
    with pytest.raises(ValueError, match="END"):
        docgen.update("<!-- BEGIN GENERATED: lever -->\n", "en")
    with pytest.raises(ValueError, match="unknown generated block"):
        docgen.update("<!-- BEGIN GENERATED: nope -->\n<!-- END GENERATED: nope -->", "en")
