"""What demanding editors and their users do to the server: file names that URIs escape, notifications for documents
that are not open, CRLF buffers, suppressions on every kind of finding, Chinese punctuation while completing, a
configuration rewritten without a new timestamp.  Each test starts the real server (``python -m vplint lsp``)."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from lsprotocol import types

from tests.conftest import ROOT
from tests.lsp.support import (
    SERVER,
    Client,
    apply,
    as_cli,
    change_doc,
    check_json,
    findings_of,
    make_workspace,
    open_doc,
    published,
    session,
)
from vplint.model import vocabulary as voc

pytestmark = pytest.mark.asyncio

ACME = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
HUAXIN = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
_LINE_END = re.compile(r"(\r\n|\r|\n)")


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def _actions(
    client: Client, uri: str, line: int, only: list[types.CodeActionKind | str] | None = None
) -> list[types.CodeAction]:
    here = types.Position(line, 0)
    params = types.CodeActionParams(
        text_document=_doc(uri),
        range=types.Range(here, here),
        context=types.CodeActionContext(diagnostics=list(client.diagnostics.get(uri, [])), only=only),
    )
    found = await client.text_document_code_action_async(params)
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    assert action.edit.changes is not None
    assert list(action.edit.changes) == [uri]
    return list(action.edit.changes[uri])


def _suppressions(actions: Sequence[types.CodeAction], code: str) -> list[types.CodeAction]:
    """The "suppress CODE on this line / in this file" actions (English or Chinese titles)."""
    return [a for a in actions if re.search(rf"(suppress|屏蔽) {code}\b", a.title)]


def _whole_file(action: types.CodeAction) -> bool:
    return "in this file" in action.title or "本文件" in action.title


async def _until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


def _saved_check(root: Path, path: Path, text: str) -> list[dict[str, object]]:
    """``vplint check --output-format json`` with ``text`` saved at ``path`` (the file is restored after)."""
    original = path.read_bytes()
    path.write_bytes(text.encode("utf-8"))
    try:
        return check_json(root)
    finally:
        path.write_bytes(original)


def _vplint_fix(root: Path, path: Path, data: bytes) -> bytes:
    """What ``vplint check --fix`` writes for ``data`` saved at ``path``."""
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        rel = str(path.relative_to(root))
        subprocess.run([*SERVER[:-1], "check", "--fix", "--no-cache", rel], cwd=root, capture_output=True, check=False)
        return path.read_bytes()
    finally:
        path.write_bytes(original)


# --- URIs ------------------------------------------------------------------------------------------------


async def test_a_canvas_whose_uri_escapes_its_name_is_checked_and_answered(tmp_path: Path) -> None:
    """Clients percent-encode non-ASCII characters and spaces (``华信 cio.zh.md`` is ``%E5%8D%8E%E4%BF%A1%20cio``):
    the canvas is checked like any other, under the URI the client opened it with, and its unsaved text is what the
    other open canvases are checked against (it comes first, so the other canvas gets the X001)."""
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "a 华信 cio.zh.md"
    (root / "canvases" / "huaxin-cio.zh.md").rename(path)
    text = HUAXIN.replace("类型：问题解决型", "类型：问题解决形")
    acme = root / "canvases" / "acme-cfo.en.md"
    async with session(root) as client:
        uri = open_doc(client, path, text)
        assert "%E5%8D%8E" in uri
        got = await published(client, uri, 1)
        assert as_cli(got, text) == findings_of(_saved_check(root, path, text), f"canvases/{path.name}")
        assert [d.code for d in got] == ["S002"]
        line = text.split("\n").index("- 解决：P1")
        hover = await client.text_document_hover_async(
            types.HoverParams(text_document=_doc(uri), position=types.Position(line, 5))
        )
        assert hover is not None
        acme_uri = open_doc(client, acme)
        assert await published(client, acme_uri, 1) == []
        change_doc(client, uri, text.replace("id: huaxin-cio", "id: acme-cfo"), 2)
        assert [d.code for d in await published(client, uri, 2)] == ["S002"]
        await _until(lambda: any(d.code == "X001" for d in client.diagnostics.get(acme_uri, [])))
        client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(uri)))
        await _until(lambda: not client.diagnostics.get(acme_uri))  # the closed buffer's unsaved id is gone
        assert {p.uri for p in client.published} == {uri, acme_uri}  # never a URI the client did not open
        assert not client.messages


# --- notifications for documents that are not open ----------------------------------------------------------


async def test_a_change_to_a_document_that_is_not_open_is_logged_not_shown(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    async with session(root) as client:
        ghost = (root / "canvases" / "ghost.md").as_uri()
        change_doc(client, ghost, "# never opened\n", 2)
        uri = open_doc(client, path, ACME.replace("Type: problem-solving", "Type: problem-solvin"))
        assert [d.code for d in await published(client, uri, 1)] == ["S002"]  # still answering
        client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(uri)))
        client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(uri)))
        change_doc(client, uri, ACME, 2)  # after its close
        await _until(lambda: sum("is not open" in m.message for m in client.log_messages) == 2)
        assert not client.messages, [m.message for m in client.messages]  # no "Error in server" for the user
        assert not [p for p in client.published if p.uri == ghost]
        assert not [p for p in client.published if p.uri == uri and p.version == 2]
        symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=_doc(uri)))
        assert symbols is None


# --- files that go away ------------------------------------------------------------------------------------------


async def test_a_canvas_opened_on_its_own_is_still_checked_when_its_folder_is_deleted(tmp_path: Path) -> None:
    """A canvas outside every workspace folder (an attachment in a temporary folder, say) whose folder is deleted
    while it is open: its text is still checked, not replaced by "vplint could not check this canvas"."""
    root = make_workspace(tmp_path / "team", examples=False)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    path = scratch / "x.en.md"
    text = ACME.replace("Type: problem-solving", "Type: problem-solvin")
    path.write_text(text, encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path)
        first = await published(client, uri, 1)
        assert [d.code for d in first] == ["S002"]
        path.unlink()
        scratch.rmdir()
        change_doc(client, uri, text, 2)
        assert await published(client, uri, 2) == first
        assert not [m.message for m in client.log_messages if m.type == types.MessageType.Error]


# --- line ends -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
async def test_a_suppression_keeps_the_buffers_line_ends(tmp_path: Path, newline: str) -> None:
    """In a CRLF (or CR) buffer the suppression comment ends like the other lines: an LF there would mix line ends,
    and ``vplint check --fix`` leaves a file with mixed line ends alone (no fix all either)."""
    root = make_workspace(tmp_path, examples=True)
    path = root / "canvases" / "draft.en.md"
    text = path.read_text(encoding="utf-8").replace("\n", newline)
    async with session(root) as client:
        uri = open_doc(client, path, text)
        got = await published(client, uri, 1)
        version = 1
        for code in ("C001", "D001"):  # one in the body, one in the front-matter
            d = next(d for d in got if d.code == code)
            (suppress,) = _suppressions(await _actions(client, uri, d.range.start.line), code)
            text = apply(text, _edits(suppress, uri))
            assert set(_LINE_END.findall(text)) == {newline}
            version += 1
            change_doc(client, uri, text, version)
            after = await published(client, uri, version)
            assert len([x for x in after if x.code == code]) < len([x for x in got if x.code == code])
            assert "U001" not in {x.code for x in after}
            got = after
        (fix_all,) = await _actions(client, uri, 0, ["source.fixAll"])
        fixed = apply(text, _edits(fix_all, uri))
    assert fixed != text
    assert fixed.encode("utf-8") == _vplint_fix(root, path, text.encode("utf-8"))


# --- suppressions ----------------------------------------------------------------------------------------------

_NO_SECTIONS = """---
id: initech-cto
account: Initech
decision_maker:
  title: CTO
  function: it
  kpis: []
offering: commodity
owner: carol@example.com
updated: 2026-11-02
language: en
---

# Initech: CTO canvas

## Problems

### P1 Servers are old
- Type: problem-solving
"""


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("draft.en.md", None),
        ("draft.zh.md", None),
        ("initech-cto.en.md", _NO_SECTIONS),  # whole-canvas findings: missing sections, no trigger, no lever
        ("initech-cto.en.md", _NO_SECTIONS.replace("\n", "\r\n")),
        ("notes.md", "# Call notes\n\nNothing yet.\n"),  # no front-matter at all
    ],
)
async def test_every_suppression_offered_removes_its_finding_and_nothing_else(
    tmp_path: Path, name: str, text: str | None
) -> None:
    """Each "suppress" action, applied, makes the finding go and leaves every other finding as it was — no U001 (a
    suppression that suppresses nothing), and none offered where no comment can suppress the finding."""
    root = make_workspace(tmp_path, examples=True)
    path = root / "canvases" / name
    if text is None:
        text = path.read_text(encoding="utf-8")
    async with session(root) as client:
        uri = open_doc(client, path, text)
        before = await published(client, uri, 1)
        assert before
        version = 1
        tried = 0
        for d in before:
            for suppress in _suppressions(await _actions(client, uri, d.range.start.line), str(d.code)):
                tried += 1
                edited = apply(text, _edits(suppress, uri))
                version += 1
                change_doc(client, uri, edited, version)
                after = Counter((x.code, x.message) for x in await published(client, uri, version))
                line = d.range.start.line
                gone = [x for x in before if x.code == d.code and (_whole_file(suppress) or x.range.start.line == line)]
                expected = Counter((x.code, x.message) for x in before if x not in gone)
                assert after == expected, (d.code, suppress.title, after - expected, expected - after)
                version += 1
                change_doc(client, uri, text, version)  # back to the text the next finding's actions are for
                await published(client, uri, version)
        assert tried or name == "notes.md"


# --- completion ------------------------------------------------------------------------------------------------


async def _labels(client: Client, uri: str, position: types.Position) -> list[str]:
    found = await client.text_document_completion_async(
        types.CompletionParams(text_document=_doc(uri), position=position)
    )
    items = found.items if isinstance(found, types.CompletionList) else found or []
    return [i.label for i in items]


async def test_after_a_full_width_slash_the_areas_of_the_level_are_offered(tmp_path: Path) -> None:
    """A Chinese input method types ``／`` for ``/``, and vplint reads ``运营／服务流程`` as ``运营/服务流程``:
    completion offers the level's areas after either (and after ``operations / ``, spaces and all)."""
    root = make_workspace(tmp_path, examples=False)
    zh = HUAXIN.replace("- 策略：运营/服务流程", "- 策略：运营／").replace("- 变化：外部/政策", "- 变化：外部／政策")
    en = ACME.replace("- Strategy: operations/service-process", "- Strategy: operations / ")
    async with session(root) as client:
        zh_uri = open_doc(client, root / "canvases" / "huaxin-cio.zh.md", zh)
        await published(client, zh_uri, 1)
        lines = zh.split("\n")
        line = lines.index("- 策略：运营／")
        areas = [t.zh for t in voc.AREA.children_of("operations")]
        assert await _labels(client, zh_uri, types.Position(line, len("- 策略：运营／"))) == areas
        line = next(i for i, s in enumerate(lines) if s.startswith("- 变化：外部／政策"))
        labels = await _labels(client, zh_uri, types.Position(line, len("- 变化：外部／")))
        assert labels == [t.zh for t in voc.CHANGE_CATEGORY.children_of("external")]
        en_uri = open_doc(client, root / "canvases" / "acme-cfo.en.md", en)
        await published(client, en_uri, 1)
        line = en.split("\n").index("- Strategy: operations / ")
        labels = await _labels(client, en_uri, types.Position(line, len("- Strategy: operations / ")))
        assert labels == [t.slug for t in voc.AREA.children_of("operations")]


# --- configuration ------------------------------------------------------------------------------------------


async def test_a_configuration_change_the_client_reports_is_read_even_with_the_same_size_and_time(
    tmp_path: Path,
) -> None:
    """File systems with coarse timestamps (FAT, HFS+, network shares) and tools that keep them (``cp -p``,
    ``rsync -t``) leave an edited vplint.toml with its size and time: when the client says it changed, it is read."""
    root = make_workspace(tmp_path, examples=False)
    config = root / "vplint.toml"
    head = config.read_text(encoding="utf-8")
    config.write_text(head + 'ignore = ["S003"]\n', encoding="utf-8")
    path = root / "canvases" / "acme-cfo.en.md"
    async with session(root) as client:
        await _until(lambda: any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations))
        uri = open_doc(client, path, ACME.replace("Type: problem-solving", "Type: problem-solvin"))
        assert [d.code for d in await published(client, uri, 1)] == ["S002"]
        before = os.stat(config)
        with open(config, "r+", encoding="utf-8") as fh:  # in place, as an editor saves: same file, same size
            fh.write(head + 'ignore = ["S002"]\n')
        os.utime(config, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = os.stat(config)
        assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
        count = len(client.published)
        change = types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
        await _until(lambda: len(client.published) > count)
        assert client.published[-1].uri == uri
        assert not client.published[-1].diagnostics


async def test_a_configuration_change_is_seen_by_a_client_that_does_not_watch_files(tmp_path: Path) -> None:
    """Neovim 0.7 (the client docs/editors.md tries) reports no file changes: a vplint.toml edited in another buffer
    or another program while a canvas is open still refreshes the canvas's diagnostics, without an edit to it."""
    from pytest_lsp import client_capabilities

    root = make_workspace(tmp_path, examples=False)
    config = root / "vplint.toml"
    path = root / "canvases" / "acme-cfo.en.md"
    async with session(root, capabilities=client_capabilities("neovim@v0.7.0")) as client:
        uri = open_doc(client, path, ACME.replace("Type: problem-solving", "Type: problem-solvin"))
        assert [d.code for d in await published(client, uri, 1)] == ["S002"]
        assert not client.registrations  # nothing to register: the client cannot watch files
        config.write_text(config.read_text(encoding="utf-8") + 'ignore = ["S002"]\n', encoding="utf-8")
        await _until(lambda: client.published[-1].uri == uri and not client.published[-1].diagnostics, 15.0)
        nearer = root / "canvases" / ".vplint.toml"  # the nearest configuration wins: S002 is back
        nearer.write_text('today = "2026-11-27"\n', encoding="utf-8")
        await _until(lambda: [str(d.code) for d in client.published[-1].diagnostics] == ["S002"], 15.0)
