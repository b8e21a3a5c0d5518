"""What the language server's tests share: a test client that records every publishDiagnostics, a session with
the real server (``python -m vplint lsp``) in a subprocess, and a workspace of sample canvases."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from tests.conftest import ROOT

SERVER = [sys.executable, "-m", "vplint", "lsp"]
TODAY = "2026-11-27"
TIMEOUT = 30.0
"""Seconds a test waits for the server (generous: the machine is shared)."""


class Client(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics (with its version), not only the latest."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []


def _record(client: Client, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def _register(client: Client, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def make_client() -> Client:
    client = Client()
    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
        types.CLIENT_REGISTER_CAPABILITY: _register,
    }
    register_lsp_features(client, features)
    return client


@contextlib.asynccontextmanager
async def session(
    root: Path,
    command: Sequence[str] = SERVER,
    env: dict[str, str] | None = None,
    capabilities: types.ClientCapabilities | None = None,
) -> AsyncIterator[Client]:
    """A started, initialized server with ``root`` as its one workspace folder; shut down and stopped after."""
    config = ClientServerConfig(server_command=list(command), client_factory=make_client, server_env=env)
    client = await config.start()
    assert isinstance(client, Client)
    params = types.InitializeParams(
        capabilities=capabilities or client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
    )
    try:
        await asyncio.wait_for(client.initialize_session(params), TIMEOUT)
        yield client
        await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    finally:
        server = client._server
        if server is not None and server.returncode is None:  # a test failed before the shutdown: stop it
            server.kill()
        await asyncio.wait_for(client.stop(), TIMEOUT)  # type: ignore[no-untyped-call]


def open_doc(client: Client, path: Path, text: str | None = None, version: int = 1) -> str:
    """didOpen of ``path`` with ``text`` (default: what the file holds); its URI."""
    uri = path.as_uri()
    body = path.read_text(encoding="utf-8") if text is None else text
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=body)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return uri


def change_doc(client: Client, uri: str, text: str, version: int) -> None:
    """didChange with the whole new text (the server asks for full sync)."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def published(client: Client, uri: str, version: int | None, timeout: float = TIMEOUT) -> list[types.Diagnostic]:
    """The diagnostics published for version ``version`` of ``uri`` (waits for them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in client.published if p.uri == uri and p.version == version]
        if found:
            return list(found[-1].diagnostics)
        if client.error is not None:
            raise AssertionError(f"the client failed: {client.error}")
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout} s")


def make_workspace(folder: Path, *, examples: bool = True) -> Path:
    """A team folder: vplint.toml (the samples' pinned date) and canvases/ with the shipped samples (and drafts)."""
    canvases = folder / "canvases"
    canvases.mkdir(parents=True)
    (folder / "vplint.toml").write_text(f'paths = ["canvases"]\ntoday = "{TODAY}"\n', encoding="utf-8")
    sources = sorted((ROOT / "canvases").glob("*.md"))
    if examples:
        sources += sorted((ROOT / "examples").glob("*.md"))
    for path in sources:
        shutil.copyfile(path, canvases / path.name)
    return folder


def check_json(folder: Path, *paths: str) -> list[dict[str, Any]]:
    """The findings of ``vplint check --output-format json`` run in ``folder``."""
    proc = subprocess.run(
        [*SERVER[:-1], "check", "--output-format", "json", "--no-cache", *paths],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    findings: list[dict[str, Any]] = json.loads(proc.stdout)["findings"]
    return findings


SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def client_lines(text: str) -> list[str]:
    """The lines of ``text`` as an LSP client counts them: split at CRLF, CR and LF only."""
    return re.split(r"\r\n|\r|\n", text)


def as_cli(diagnostics: Sequence[types.Diagnostic], text: str) -> list[tuple[int, int, str, str, str]]:
    """LSP diagnostics (UTF-16 positions in ``text``) as (line, column, code, severity, message) the way
    ``vplint check`` numbers them: characters, from 1, without a byte-order mark."""
    lines = client_lines(text)
    out = []
    for d in diagnostics:
        line = lines[d.range.start.line]
        units, column = 0, 0
        while units < d.range.start.character:  # UTF-16 code units back to characters
            units += utf16(line[column])
            column += 1
        if d.range.start.line == 0 and line.startswith("\ufeff"):
            column -= 1  # vplint does not count the byte-order mark
        severity = next(name for name, value in SEVERITY.items() if value == d.severity)
        out.append((d.range.start.line + 1, column + 1, str(d.code), severity, d.message))
    return out


def findings_of(findings: Sequence[dict[str, Any]], path: str) -> list[tuple[int, int, str, str, str]]:
    return [(f["line"], f["column"], f["code"], f["severity"], f["message"]) for f in findings if f["path"] == path]


_LINE_END = re.compile(r"(\r\n|\r|\n)")


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """``edits`` (UTF-16 positions) applied to ``text`` as a client applies them, whatever its line ends."""
    parts = _LINE_END.split(text)
    lines, ends = parts[0::2], [*parts[1::2], ""]
    starts = [0]
    for line, end in zip(lines, ends, strict=True):
        starts.append(starts[-1] + len(line) + len(end))

    def offset(p: types.Position) -> int:
        line = lines[p.line]
        units = chars = 0
        while units < p.character and chars < len(line):
            units += len(line[chars].encode("utf-16-le")) // 2
            chars += 1
        return starts[p.line] + chars

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
