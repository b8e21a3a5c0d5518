"""Diagnostics from the real server (``python -m vplint lsp``): on open and on change, equal to what
``vplint check`` reports for the same text saved at the same path, cross-file rules included."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.support import (
    as_cli,
    change_doc,
    check_json,
    findings_of,
    make_workspace,
    open_doc,
    published,
    session,
)
from vplint.parser.document import MAX_BYTES

pytestmark = pytest.mark.asyncio

DEFECT = ("Type: problem-solving", "Type: problem-solvin")


async def test_a_defect_is_reported_on_open_at_its_line_and_a_fix_clears_it(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    clean = path.read_text(encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path, clean.replace(*DEFECT))
        (d,) = await published(client, uri, 1)
        assert d.range == types.Range(types.Position(32, 8), types.Position(32, 22))  # line 33, column 9 in the CLI
        assert (d.code, d.source, d.severity) == ("S002", "vplint", types.DiagnosticSeverity.Error)
        assert d.message == "'problem-solvin' is not a known problem type; did you mean 'problem-solving'?"
        change_doc(client, uri, clean, 2)
        assert await published(client, uri, 2) == []
        change_doc(client, uri, clean.replace(*DEFECT), 3)
        assert [d.code for d in await published(client, uri, 3)] == ["S002"]
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await _until(lambda: client.published[-1].uri == uri and not client.published[-1].diagnostics)


async def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def test_every_canvas_reports_what_vplint_check_json_reports(tmp_path: Path) -> None:
    """The shipped samples, the drafts (errors, warnings, notes; English and Chinese), a copy with a defect whose id
    is also another canvas's (X001, a cross-file rule): each file's diagnostics are the CLI's findings for it."""
    root = make_workspace(tmp_path)
    sample = (root / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    (root / "canvases" / "acme-copy.en.md").write_text(sample.replace(*DEFECT), encoding="utf-8")
    zh = (root / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
    (root / "canvases" / "huaxin-copy.zh.md").write_text(zh.replace("类型：问题解决型", "类型：问题解决形"), "utf-8")
    expected = check_json(root)
    assert {f["code"] for f in expected} >= {"S002", "X001", "D001", "H002", "C001"}
    assert {f["severity"] for f in expected} == {"error", "warning", "info"}
    files = sorted((root / "canvases").glob("*.md"))
    async with session(root) as client:
        uris = {path: open_doc(client, path) for path in files}
        for path, uri in uris.items():
            got = await published(client, uri, 1)
            rel = f"canvases/{path.name}"
            assert as_cli(got, path.read_text(encoding="utf-8")) == findings_of(expected, rel), rel
            assert all(d.source == "vplint" for d in got)


async def test_an_unsaved_buffer_reports_what_check_reports_once_it_is_saved(tmp_path: Path) -> None:
    """The buffer's text replaces its file, for its own check and for the other canvases' cross-file checks."""
    root = make_workspace(tmp_path, examples=False)
    acme = root / "canvases" / "acme-cfo.en.md"
    huaxin = root / "canvases" / "huaxin-cio.zh.md"
    edited = acme.read_text(encoding="utf-8").replace("id: acme-cfo", "id: huaxin-cio").replace("- Solves: P1\n", "")
    async with session(root) as client:
        huaxin_uri = open_doc(client, huaxin)
        assert await published(client, huaxin_uri, 1) == []
        acme_uri = open_doc(client, acme)
        assert await published(client, acme_uri, 1) == []
        change_doc(client, acme_uri, edited, 2)
        got = await published(client, acme_uri, 2)
        assert {d.code for d in got} >= {"N001", "P005"}

        def huaxin_sees_the_unsaved_id() -> bool:
            return any(d.code == "X001" for d in client.diagnostics.get(huaxin_uri, []))

        await _until(huaxin_sees_the_unsaved_id)
        other = client.diagnostics[huaxin_uri]
    acme.write_text(edited, encoding="utf-8")
    expected = check_json(root)
    assert as_cli(got, edited) == findings_of(expected, "canvases/acme-cfo.en.md")
    assert as_cli(other, huaxin.read_text(encoding="utf-8")) == findings_of(expected, "canvases/huaxin-cio.zh.md")
    assert any(f["code"] == "X001" for f in expected)


async def test_the_configuration_is_read_again_when_it_changes(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8").replace(*DEFECT)
    async with session(root) as client:
        await _until(lambda: any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations))
        uri = open_doc(client, path, text)
        assert [d.code for d in await published(client, uri, 1)] == ["S002"]
        config = root / "vplint.toml"
        config.write_text(config.read_text(encoding="utf-8") + '[severity]\nS002 = "warning"\n', "utf-8")
        change_doc(client, uri, text, 2)  # no watched-files event: the next check sees the new file anyway
        (d,) = await published(client, uri, 2)
        assert d.severity == types.DiagnosticSeverity.Warning
        config.write_text(config.read_text(encoding="utf-8").replace("[severity]", 'ignore = ["S002"]\n[severity]'))
        count = len(client.published)
        change = types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
        await _until(lambda: len(client.published) > count)
        assert client.published[-1].uri == uri
        assert not client.published[-1].diagnostics


async def test_a_configuration_vplint_cannot_use_is_one_diagnostic(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    (root / "vplint.toml").write_text('no-such-key = 1\ntoday = "2026-11-27"\n', encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, root / "canvases" / "acme-cfo.en.md")
        (d,) = await published(client, uri, 1)
        assert d.message.startswith("vplint cannot use the configuration: ")
        assert "no-such-key" in d.message
        assert d.range.start == types.Position(0, 0)


async def test_files_vplint_check_skips_are_not_checked_and_others_are(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    readme = root / "README.md"
    readme.write_text("# Notes\n\nnot a canvas\n", encoding="utf-8")
    notes = root / "notes" / "call.md"
    notes.parent.mkdir()
    notes.write_text("# Call notes\n", encoding="utf-8")
    expected = check_json(root, "README.md", "notes/call.md")
    assert not findings_of(expected, "README.md")
    assert "F002" in [f["code"] for f in expected]
    async with session(root) as client:
        assert await published(client, open_doc(client, readme), 1) == []
        got = await published(client, open_doc(client, notes), 1)
        assert as_cli(got, "# Call notes\n") == findings_of(expected, "notes/call.md")
        untitled = "untitled:Untitled-1"
        item = types.TextDocumentItem(uri=untitled, language_id="markdown", version=1, text="# Call notes\n")
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        alone = await published(client, untitled, 1)
        assert [(d.code, d.message) for d in alone] == [(f[2], f[4]) for f in findings_of(expected, "notes/call.md")]


async def test_a_buffer_over_the_size_limit_gets_one_clear_diagnostic(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path, text + "x" * MAX_BYTES)
        (d,) = await published(client, uri, 1)
        assert d.code == "F009"
        assert "4 MiB" in d.message
        change_doc(client, uri, text, 2)
        assert await published(client, uri, 2) == []


async def test_positions_count_the_clients_code_units(tmp_path: Path) -> None:
    """A character outside the BMP before a finding: UTF-16 counts it twice, UTF-32 once (when the client asks)."""
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8").replace("- Type: problem-solving", "- Type: problem-solvin 😀")
    text = text.replace("### P1 Quote", "### P1 😀 Quote")
    caps = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf32])
    )
    async with session(root) as client:
        uri = open_doc(client, path, text)
        got = await published(client, uri, 1)
        assert as_cli(got, text) == findings_of(_saved(root, path, text), "canvases/acme-cfo.en.md")
    async with session(root, capabilities=caps) as client32:
        uri = open_doc(client32, path, text)
        got32 = await published(client32, uri, 1)
    assert [(d.range.start.line, d.range.start.character) for d in got32] == [
        (f[0] - 1, f[1] - 1) for f in findings_of(_saved(root, path, text), "canvases/acme-cfo.en.md")
    ]


def _saved(root: Path, path: Path, text: str) -> list[dict[str, object]]:
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    try:
        return check_json(root)
    finally:
        path.write_text(original, encoding="utf-8")


async def test_the_server_answers_while_typing_fast(tmp_path: Path) -> None:
    """Edits faster than the debounce delay: only the latest text is published, and it is right."""
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    clean = path.read_text(encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path, clean)
        await published(client, uri, 1)
        for version in range(2, 30):
            change_doc(client, uri, clean.replace(*DEFECT) if version % 2 else clean, version)
        assert [d.code for d in await published(client, uri, 29)] == ["S002"]
        versions = [p.version or 0 for p in client.published if p.uri == uri]
        assert len(versions) < 10, versions  # debounced: not one check per edit
        assert versions == sorted(versions)
