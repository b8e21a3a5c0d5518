"""Document symbols, go to definition, find references, rename, hover and completion, from the real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.conftest import ROOT
from tests.lsp.support import Client, apply, change_doc, make_workspace, open_doc, published, session
from vplint.model import vocabulary as voc
from vplint.report.sarif import DOCS_URL
from vplint.rules import RULES

pytestmark = pytest.mark.asyncio

ACME = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
HUAXIN = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")


def _at(text: str, line_text: str, column: int = 0) -> types.Position:
    """The position ``column`` characters into the line ``line_text`` (BMP text: UTF-16 = characters)."""
    return types.Position(text.split("\n").index(line_text), column)


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def _open(client: Client, root: Path, name: str, text: str | None = None) -> str:
    uri = open_doc(client, root / "canvases" / name, text)
    await published(client, uri, 1)
    return uri


async def test_document_symbols_are_the_sections_and_their_items(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    async with session(root) as client:
        uri = await _open(client, root, "acme-cfo.en.md")
        found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=_doc(uri)))
    assert found is not None
    symbols = [s for s in found if isinstance(s, types.DocumentSymbol)]
    assert [(s.name, s.detail) for s in symbols] == [
        ("acme-cfo", None),
        ("Problems", "Problems"),
        ("Needs", "Needs"),
        ("Motivators", "Motivators"),
        ("Conversion", "Conversion"),
        ("Actions", "Actions"),
    ]
    problems = symbols[1]
    assert [c.name.split()[0] for c in problems.children or []] == ["P1", "P2", "P3"]
    p1 = (problems.children or [])[0]
    lines = ACME.split("\n")
    assert p1.selection_range.start == types.Position(
        lines.index("### P1 Quote-to-cash slowed since the 2024 reorganisation"), 4
    )
    assert lines[p1.range.end.line].startswith("- Root cause")  # up to its last line, blank lines left out
    assert symbols[0].range.start == types.Position(0, 0)
    assert symbols[0].range.end.line == lines.index("---", 1)


async def test_definition_references_and_rename_of_an_id(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    async with session(root) as client:
        uri = await _open(client, root, "acme-cfo.en.md")
        solves = _at(ACME, "- Solves: P2", 11)
        found = await client.text_document_definition_async(
            types.DefinitionParams(text_document=_doc(uri), position=solves)
        )
        assert isinstance(found, list)
        (definition,) = found
        assert isinstance(definition, types.Location)
        heading = _at(ACME, "### P2 Audit exposure from the new e-invoicing rules", 4)
        assert definition.range == types.Range(heading, types.Position(heading.line, 6))
        refs = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=_doc(uri), position=heading, context=types.ReferenceContext(include_declaration=True)
            )
        )
        lines = ACME.split("\n")
        assert [lines[r.range.start.line] for r in refs or []] == [
            "### P2 Audit exposure from the new e-invoicing rules",
            "- Solves: P2",
            "- For: P2",
        ]
        only_uses = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=_doc(uri), position=heading, context=types.ReferenceContext(include_declaration=False)
            )
        )
        assert len(only_uses or []) == 2
        prepared = await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=_doc(uri), position=solves)
        )
        assert isinstance(prepared, types.PrepareRenamePlaceholder)
        assert prepared.placeholder == "P2"
        nothing = await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=_doc(uri), position=_at(ACME, "## Problems", 3))
        )
        assert nothing is None
        edit = await client.text_document_rename_async(
            types.RenameParams(text_document=_doc(uri), position=solves, new_name="P7")
        )
        assert edit is not None
        assert edit.changes is not None
        renamed = apply(ACME, edit.changes[uri])
        assert renamed == ACME.replace("### P2 ", "### P7 ").replace("Solves: P2", "Solves: P7").replace(
            "For: P2", "For: P7"
        )
        change_doc(client, uri, renamed, 2)
        assert await published(client, uri, 2) == []  # every link still resolves
        for bad in ("N7", "P3", "P 7"):
            with pytest.raises(JsonRpcException):
                await client.text_document_rename_async(
                    types.RenameParams(text_document=_doc(uri), position=_at(renamed, "- Solves: P7", 11), new_name=bad)
                )


async def _hover(client: Client, uri: str, position: types.Position) -> str:
    found = await client.text_document_hover_async(types.HoverParams(text_document=_doc(uri), position=position))
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_shows_the_item_the_rule_and_the_label(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    text = ACME.replace("### P1 Quote", "<!-- vplint-disable-next-line P003 -->\n### P1 Quote")
    async with session(root) as client:
        uri = await _open(client, root, "acme-cfo.en.md", text)
        item = await _hover(client, uri, _at(text, "- For: P2", 8))
        assert item.startswith("### P2 Audit exposure from the new e-invoicing rules\n- Type: risk-prevention")
        rule = await _hover(client, uri, _at(text, "<!-- vplint-disable-next-line P003 -->", 31))
        assert rule.startswith("**P003** · `better-past` · warning\n\n")
        assert RULES["P003"].rationale_en in rule
        value = await _hover(client, uri, _at(text, "- Kind: window-of-opportunity", 12))
        link = f"[method §6]({DOCS_URL}method.md#motivators)"
        assert value == f"**window of opportunity** · `window`\n\nmotivator · 机会窗口\n\n{link}"
        method = await _hover(
            client, uri, _at(text, next(x for x in text.split("\n") if x.startswith("- Diagnosis: before-after")), 16)
        )
        assert method.startswith("**before-after** · `before-after`\n\ndiagnosis method · 前后对比\n\n")
        assert "A diagnosis method for problem-solving problems. It asks: What changed just before it began" in method
        assert method.endswith(f"[method §3]({DOCS_URL}method.md#needs)")
        zh_uri = await _open(client, root, "huaxin-cio.zh.md")
        zh_value = await _hover(client, zh_uri, _at(HUAXIN, "- 类型：机会窗口", 6))
        zh_link = f"[方法 §6]({DOCS_URL}method.zh.md#motivators)"
        assert zh_value == f"**机会窗口** · `window`\n\n客户动机 · window of opportunity\n\n{zh_link}"
        zh_type = await _hover(client, zh_uri, _at(HUAXIN, "- 类型：问题解决型", 6))
        assert "\n\n恢复过去：今不如昔，希望找回曾经的美好\n\n" in zh_type
        zh_rule = await _hover(client, zh_uri, _at(HUAXIN, "## 激发动机", 4))
        assert zh_rule.startswith("**激发动机** · `actions`")


async def _labels(client: Client, uri: str, position: types.Position) -> list[str]:
    found = await client.text_document_completion_async(
        types.CompletionParams(text_document=_doc(uri), position=position)
    )
    items = found.items if isinstance(found, types.CompletionList) else found or []
    return [i.label for i in items]


async def test_completion_of_vocabulary_values_and_ids(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    text = (
        ACME.replace("- Type: problem-solving", "- Type: ")
        .replace("- Solves: P3", "- Solves: P3, ")
        .replace("- Serves: financial/cost-efficiency", "- Serves: ")
        .replace("- Strategy: operations/service-process", "- Strategy: operations/")
        .replace("- Inform (M1)", "- Inform (")
        .replace("offering: differentiated", "offering: ")
        .replace("- Kind: window-of-opportunity", "- Kind: win")
    )
    async with session(root) as client:
        uri = await _open(client, root, "acme-cfo.en.md", text)
        for line, expected in [
            ("- Type: ", voc.PROBLEM_TYPE.slugs),
            ("- Solves: P3, ", ["P1", "P2", "P3"]),
            ("- Serves: ", voc.LEVEL.slugs),
            ("- Strategy: operations/", [t.slug for t in voc.AREA.children_of("operations")]),
            ("offering: ", voc.OFFERING.slugs),
            ("- Kind: win", voc.MOTIVATOR.slugs),
        ]:
            assert await _labels(client, uri, _at(text, line, len(line))) == expected, line
        line = next(s for s in text.split("\n") if s.startswith("- Inform ("))
        assert await _labels(client, uri, _at(text, line, len("- Inform ("))) == ["M1"]
        zh = HUAXIN.replace("- 类型：问题解决型", "- 类型：")
        zh_uri = await _open(client, root, "huaxin-cio.zh.md", zh)
        assert await _labels(client, zh_uri, _at(zh, "- 类型：", 5)) == [t.zh for t in voc.PROBLEM_TYPE.terms]
        # on a heading: the section headings (the ones the canvas lacks first); at a list line's start, the fields
        assert await _labels(client, uri, _at(text, "## Problems", 3)) == [
            "Problems",
            "Needs",
            "Motivators",
            "Conversion",
            "Actions",
        ]
        line = next(x for x in text.split("\n") if x.startswith("- Root cause:"))
        assert (await _labels(client, uri, _at(text, line, 2)))[:3] == ["Type", "Diagnosis", "Root cause"]
