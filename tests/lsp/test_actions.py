"""Code actions from the real server: each fix of ``--fix`` as a quick fix, fix all (equal to what
``vplint check --fix`` writes), and "suppress this finding on this line"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.support import SERVER, Client, apply, change_doc, make_workspace, open_doc, published, session

pytestmark = pytest.mark.asyncio


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    assert action.edit.changes is not None
    return list(action.edit.changes[uri])


async def _actions(
    client: Client, uri: str, line: int, only: list[types.CodeActionKind | str] | None = None
) -> list[types.CodeAction]:
    here = types.Position(line, 0)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(here, here),
        context=types.CodeActionContext(diagnostics=list(client.diagnostics.get(uri, [])), only=only),
    )
    found = await client.text_document_code_action_async(params)
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


def _vplint_fix(root: Path, path: Path, text: str) -> str:
    """What ``vplint check --fix`` writes for ``text`` saved at ``path``."""
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        rel = str(path.relative_to(root))
        subprocess.run([*SERVER[:-1], "check", "--fix", "--no-cache", rel], cwd=root, capture_output=True, check=False)
        return path.read_text(encoding="utf-8")
    finally:
        path.write_text(original, encoding="utf-8")


async def test_each_fix_is_a_quick_fix_and_fix_all_writes_what_fix_writes(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8").replace("- Solves: P1", "- Solves：P3, P1")
    expected = _vplint_fix(root, path, text)
    assert expected != text
    async with session(root) as client:
        uri = open_doc(client, path, text)
        await published(client, uri, 1)
        line = next(i for i, s in enumerate(text.split("\n")) if s == "- Kind: window-of-opportunity")
        (fix,) = [a for a in await _actions(client, uri, line) if "Y001" in a.title]
        assert fix.title == "vplint: fix Y001 (canonical-spelling)"
        assert fix.kind == types.CodeActionKind.QuickFix
        (edit,) = _edits(fix, uri)
        assert edit.range == types.Range(types.Position(line, 8), types.Position(line, 29))
        assert edit.new_text == "window"
        solves = next(i for i, s in enumerate(text.split("\n")) if s.startswith("- Solves："))
        titles = {a.title for a in await _actions(client, uri, solves)}
        assert {"vplint: fix Y002 (separators)", "vplint: fix Y003 (sorted-references)"} <= titles
        only = await _actions(client, uri, 0, [types.CodeActionKind.SourceFixAll])
        (fix_all,) = only
        assert fix_all.kind == "source.fixAll.vplint"
        assert fix_all.title == "vplint: apply every safe fix (as vplint check --fix does)"
        fixed = apply(text, _edits(fix_all, uri))
        assert fixed == expected
        change_doc(client, uri, fixed, 2)
        await published(client, uri, 2)
        assert not await _actions(client, uri, 0, ["source.fixAll"])  # nothing left to fix


async def test_a_fix_is_attached_to_its_diagnostic_when_the_rule_is_reported(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    config = root / "vplint.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'extend-select = ["Y"]\n', encoding="utf-8")
    path = root / "canvases" / "acme-cfo.en.md"
    async with session(root) as client:
        uri = open_doc(client, path)
        got = await published(client, uri, 1)
        y001 = [d for d in got if d.code == "Y001"]
        assert y001
        line = y001[0].range.start.line
        (fix,) = [a for a in await _actions(client, uri, line) if a.title.startswith("vplint: fix")]
        assert list(fix.diagnostics or []) == [y001[0]]


async def test_fix_all_is_not_offered_when_fix_would_leave_the_file_alone(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8").replace("updated: 2026-11-20\n", "updated: [2026\n")  # F003
    assert _vplint_fix(root, path, text) == text
    async with session(root) as client:
        uri = open_doc(client, path, text)
        assert "F003" in {d.code for d in await published(client, uri, 1)}
        assert not await _actions(client, uri, 0, ["source.fixAll"])


async def test_suppressing_a_finding_on_its_line_removes_it_and_nothing_else(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    path = root / "canvases" / "draft.en.md"
    text = path.read_text(encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path, text)
        before = await published(client, uri, 1)
        version = 1
        for target in ("C001", "D001"):  # one in the body, one in the front-matter
            d = next(d for d in before if d.code == target)
            actions = await _actions(client, uri, d.range.start.line)
            (suppress,) = [a for a in actions if "suppress" in a.title and target in a.title]
            assert list(suppress.diagnostics or []) == [d]
            text = apply(text, _edits(suppress, uri))
            version += 1
            change_doc(client, uri, text, version)
            after = await published(client, uri, version)
            key = [(x.code, x.message) for x in before]
            key.remove((d.code, d.message))
            assert [(x.code, x.message) for x in after] == key  # U001 would be there if the comment hid nothing
            before = after
    assert "<!-- vplint-disable-next-line C001 -->\n### P1 Late deliveries are up" in text
    assert "# vplint: disable=D001\n---\n" in text


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
async def test_a_missing_section_field_or_key_is_added_as_a_skeleton(tmp_path: Path, newline: str) -> None:
    root = make_workspace(tmp_path)
    path = root / "canvases" / "acme-cfo.en.md"
    original = path.read_text(encoding="utf-8")
    start, end = original.index("## Motivators"), original.index("## Conversion")
    text = (original[:start] + original[end:]).replace("owner: alice@example.com\n", "")
    text = text.replace(
        "- Diagnosis: before-after - invoices started slipping after regional billing teams were merged in Q3 2024\n",
        "",
    ).replace("\n", newline)
    lines = text.split(newline)
    async with session(root) as client:
        uri = open_doc(client, path, text)
        found = await published(client, uri, 1)
        assert {d.code for d in found} >= {"S001", "C001"}
        added = {}
        for d in found:
            for action in await _actions(client, uri, d.range.start.line):
                if action.title.startswith("vplint: add "):
                    added[action.title] = apply(text, _edits(action, uri))
                    assert all(newline in e.new_text for e in _edits(action, uri)), "the buffer's own line ends"
        assert set(added) == {
            "vplint: add ## Motivators (to fill in)",
            "vplint: add Diagnosis (to fill in)",
            "vplint: add owner (to fill in)",
        }
        assert "\n## Motivators\n\n### M1 <why the decision-maker will act now, in a few words>\n- Kind: " in (
            added["vplint: add ## Motivators (to fill in)"].replace("\r\n", "\n")
        )
        p1 = next(line for line in lines if line.startswith("### P1 "))
        assert f"{p1}\n- Diagnosis: <method - what you found>\n- Type: problem-solving" in (
            added["vplint: add Diagnosis (to fill in)"].replace("\r\n", "\n")
        )
        assert "owner: <your name or e-mail>\n" in added["vplint: add owner (to fill in)"].replace("\r\n", "\n")
