"""The server never dies: a rule that raises is one diagnostic naming it (and a log line), and a few hundred
random edits through a real server process leave it answering, with the findings ``vplint check`` reports."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from tests.lsp import raising_server
from tests.lsp.support import (
    Client,
    as_cli,
    change_doc,
    check_json,
    findings_of,
    make_workspace,
    open_doc,
    published,
    session,
)

BROKEN = [sys.executable, raising_server.__file__]


def _env(codes: str) -> dict[str, str]:
    return {**os.environ, "VPLINT_TEST_RAISE": codes}


async def _wait_for_log(client: Client, needle: str, timeout: float = 30.0) -> types.LogMessageParams:
    for _ in range(int(timeout / 0.01)):
        found = [m for m in client.log_messages if needle in m.message]
        if found:
            return found[0]
        await asyncio.sleep(0.01)
    raise AssertionError(f"no log message with {needle!r}: {[m.message for m in client.log_messages]}")


@pytest.mark.asyncio
async def test_a_rule_that_raises_is_a_diagnostic_naming_it(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    text = path.read_text(encoding="utf-8")
    async with session(root, BROKEN, _env("P001")) as client:
        uri = open_doc(client, path, text.replace("Type: problem-solving", "Type: problem-solvin"))
        failed, found = await published(client, uri, 1)
        assert (failed.code, failed.severity, failed.source) == ("P001", types.DiagnosticSeverity.Error, "vplint")
        assert failed.message == (
            f"rule P001 (problem-type) failed on this canvas, so its findings are missing: "
            f"RuntimeError: {raising_server.MESSAGE}"
        )
        assert failed.range.start == types.Position(0, 0)
        assert found.code == "S002"  # the other checks still ran
        log = await _wait_for_log(client, "rule P001 (problem-type) raised RuntimeError")
        assert log.type == types.MessageType.Error
        assert "Traceback" in log.message
        change_doc(client, uri, text, 2)  # still answering
        assert [d.code for d in await published(client, uri, 2)] == ["P001"]
        symbols = await client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert symbols
        assert not client.messages  # no "Error in server" shown to the user


@pytest.mark.asyncio
async def test_a_cross_file_rule_that_raises_is_a_diagnostic_naming_it(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    broken = path.read_text(encoding="utf-8").replace("- Solves: P1\n", "")
    async with session(root, BROKEN, _env("X002")) as client:
        uri = open_doc(client, path, broken)
        got = await published(client, uri, 1)
        assert got[0].code == "X002"
        assert got[0].message.startswith("rule X002 (duplicate-decision-maker) failed, so no check across files ran")
        assert {"N001", "P005"} <= {d.code for d in got[1:]}
        await _wait_for_log(client, "rule X002")


# --- random edits ----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "---\n", "## Problems\n", "## 业务问题\n", "### P1 ", "### N2 ", "### M1 ", "- Type: ", "- Solves: P1, P9",
        "- For: P2", "- Kind: window", "类型：问题解决型", "- Diagnosis: goal - ", "<!-- vplint-disable-next-line -->",
        "<!-- vplint-disable P001 -->", "# vplint: disable=H001\n", "id: acme-cfo\n", "language: zh\n", "\r\n", "\r",
        "\n", "\t", "\x00", "\ufeff", "😀", "é", "ー", "```\n", "  - ", ": ", "：", " — ", "(M1)", "[x]", "{", "'",
    ]
)  # fmt: skip
_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)


@st.composite
def _edit(draw: st.DrawFn, size: int) -> tuple[int, int, str]:
    """(start, end, replacement) of one edit of a text of ``size`` characters."""
    start = draw(st.integers(0, size))
    end = draw(st.integers(start, min(size, start + draw(st.sampled_from([0, 0, 0, 1, 2, 5, 40, 400])))))
    return start, end, draw(st.one_of(_PIECES, _TEXT))


@st.composite
def _edits(draw: st.DrawFn, text: str, count: int) -> list[str]:
    """Successive versions of ``text``, each one random edit of the one before."""
    versions = []
    for _ in range(count):
        start, end, new = draw(_edit(len(text)))
        text = text[:start] + new + text[end:]
        versions.append(text)
    return versions


_SAMPLE = (Path(__file__).resolve().parents[2] / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(versions=_edits(_SAMPLE, 100))
def test_random_edits_leave_the_server_answering(tmp_path_factory: pytest.TempPathFactory, versions: list[str]) -> None:
    """100 edits per example, 4 examples: sent without waiting (some checked, most overtaken), and after each
    example the server has published the findings of the last text, which are ``vplint check``'s."""
    root = make_workspace(tmp_path_factory.mktemp("edits"), examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    last = asyncio.run(_drive(root, path, versions))
    path.write_bytes(versions[-1].encode("utf-8"))
    assert as_cli(last, versions[-1]) == findings_of(check_json(root), "canvases/acme-cfo.en.md")


async def _drive(root: Path, path: Path, versions: list[str]) -> list[types.Diagnostic]:
    async with session(root) as client:
        uri = open_doc(client, path)
        await published(client, uri, 1)
        for number, text in enumerate(versions, start=2):
            change_doc(client, uri, text, number)
            if number % 10 == 0:
                await asyncio.sleep(0.1)  # a pause now and then: some versions are checked, not all overtaken
        last = await published(client, uri, len(versions) + 1)
        symbols = await client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert symbols is not None
        assert not client.messages, [m.message for m in client.messages]
        assert not [m for m in client.log_messages if m.type == types.MessageType.Error]
        return last
