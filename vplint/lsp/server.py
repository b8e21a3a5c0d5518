"""The language server: pygls over stdio, each LSP feature handed to the module that does it.

The server keeps the open buffers (full text sync: the client sends the whole text on each change),
checks each one when it changes — a burst of edits once, when it pauses (:mod:`~vplint.lsp.scheduler`) —
in one worker thread, so that requests are answered while a large buffer is checked, and publishes the
findings of the latest text only.  Nothing a buffer holds stops the server: a check that fails is a
diagnostic and a log line.  Documents are told apart by their percent-decoded URI (as pygls keeps them) and
answered under the URI the client opened them with.  Where the client reports no changed files, the
configuration files are looked at every :data:`POLL_SECONDS`.
"""

from __future__ import annotations

import asyncio
import functools
import os
import traceback
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from vplint import __version__
from vplint.config.loader import CONFIG_FILES, ConfigError, ConfigLoader
from vplint.lint.options import Options
from vplint.lsp.buffers import Buffer, path_of
from vplint.lsp.diagnostics import problem_diagnostic, to_lsp
from vplint.lsp.project import Checked, Project, check_alone
from vplint.lsp.scheduler import Debouncer

__all__ = ["VplintServer", "create_server", "serve"]

_T = TypeVar("_T")

BRIEF_COMMAND = "vplint.brief"
POLL_SECONDS = 1.0
"""How often the configuration files are looked at for a client that reports no changed files."""


class VplintProtocol(LanguageServerProtocol):
    """pygls's protocol, except that a change to a document that is not open is a line in the client's log: pygls
    would fail on it and show the user "Error in server: KeyError" (a client's mistake, not the user's)."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        uri = params.text_document.uri
        if document_key(uri) not in self.workspace.text_documents:
            self._server.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Warning, message=f"vplint: ignored a change to {uri}, which is not open"
                )
            )
            return
        yield from super().lsp_text_document__did_change(params)


class VplintServer(LanguageServer):
    """The server's state: open buffers, projects (one per workspace folder), the checker thread."""

    def __init__(self) -> None:
        super().__init__(
            "vplint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
            protocol_cls=VplintProtocol,
        )
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vplint-check")
        self.debouncer = Debouncer()
        self.projects: dict[str, Project] = {}
        self.checked: dict[str, tuple[Buffer, Checked]] = {}
        """The latest check published for each buffer (code actions read its findings)."""
        self._snapshots: dict[str, Buffer] = {}
        self._logged: set[str] = set()
        self._fix_checks: dict[str, tuple[Buffer, Checked]] = {}
        self.poller: asyncio.Task[None] | None = None
        self.options = Options()
        self.fix_options = Options(fix=True)
        """A check as ``vplint check --fix`` runs it: the fixable style rules on (what code actions offer)."""

    # --- buffers and projects -------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        value = getattr(enc, "value", enc)
        return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def buffer(self, uri: str) -> Buffer | None:
        """The open buffer ``uri`` at its latest version (None when it is not open).  Its ``uri`` is the one the
        client opened it with (what diagnostics and edits name), however ``uri`` escapes its characters."""
        key = document_key(uri)
        doc = self.workspace.text_documents.get(key)
        if doc is None:
            self._snapshots.pop(key, None)
            return None
        snap = self._snapshots.get(key)
        if snap is None or snap.version != doc.version or snap.text != doc.source or snap.encoding != self.encoding:
            snap = self._snapshots[key] = Buffer(doc.uri, doc.source, doc.version, self.encoding)
        return snap

    def open_buffers(self) -> list[Buffer]:
        docs = list(self.workspace.text_documents.values())
        return [b for doc in docs if (b := self.buffer(doc.uri)) is not None]

    def _folders(self) -> list[str]:
        found = [path_of(f.uri) for f in self.workspace.folders.values()]
        root = self.workspace.root_uri
        if root:
            found.append(path_of(root))
        return [os.path.abspath(f) for f in found if f]

    def project_for(self, path: str) -> Project:
        """The project of ``path``: the innermost workspace folder holding it, else its configuration's folder."""
        absolute = os.path.abspath(path)
        inside = [f for f in self._folders() if os.path.commonpath([f, absolute]) == f]
        if inside:
            root = max(inside, key=len)
        else:
            try:
                config = ConfigLoader(None, False).for_file(absolute)
            except (ConfigError, OSError):  # OSError: the working folder (the last check's) was deleted
                config = None
            root = (
                str(config.path.parent) if config is not None and config.path is not None else os.path.dirname(absolute)
            )
        while not os.path.isdir(root) and os.path.dirname(root) != root:
            root = os.path.dirname(root)  # the folder went away (the canvas is open, unsaved): its nearest ancestor
        project = self.projects.get(root)
        if project is None:
            project = self.projects[root] = Project(root)
        return project

    # --- checking ---------------------------------------------------------------------------------
    def request_check(self, uri: str, delay: float | None = None) -> None:
        self.debouncer.schedule(document_key(uri), lambda: self._check(uri), delay)

    def recheck_others(self, uri: str) -> None:
        """Check the other open buffers again (a canvas they are checked against changed), after the edited
        one: they wait for its edits to pause."""
        for buf in self.open_buffers():
            if document_key(buf.uri) != document_key(uri):
                self.request_check(buf.uri, 2 * self.debouncer.delay)

    async def in_checker(self, fn: Callable[[], _T]) -> _T:
        """``fn()`` in the checker thread, where every check runs, one at a time."""
        return await asyncio.get_running_loop().run_in_executor(self.checker, fn)

    def others(self, uri: str) -> dict[str, str]:
        """The other open buffers of files: path -> text (their text replaces the file's on disk)."""
        me = document_key(uri)
        return {p: b.text for b in self.open_buffers() if document_key(b.uri) != me and (p := b.path) is not None}

    async def current_checks(self, buf: Buffer) -> tuple[Checked, Checked]:
        """The check of ``buf`` as published and as ``--fix`` runs it (computed when not at hand)."""
        key = document_key(buf.uri)
        found = self.checked.get(key)
        if found is None or found[0] is not buf:
            found = (buf, await self.in_checker(self.check_job(buf)))
        fixes = self._fix_checks.get(key)
        if fixes is None or fixes[0] is not buf:
            fixes = self._fix_checks[key] = (buf, await self.in_checker(self.check_job(buf, self.fix_options)))
        return found[1], fixes[1]

    async def _check(self, uri: str) -> None:
        buf = self.buffer(uri)
        if buf is None:
            return
        checked = await self.in_checker(self.check_job(buf))
        latest = self.buffer(uri)
        if latest is None or latest.version != buf.version or latest.text != buf.text:
            return  # overtaken by an edit: its own check publishes
        try:
            self.publish(buf, checked)
        except Exception as exc:  # pragma: no cover - publishing a finished check has nothing left to fail on
            self.log_once(_failed(buf.uri, exc), types.MessageType.Error)

    def check_job(self, buf: Buffer, options: Options | None = None) -> Callable[[], Checked]:
        """The check of ``buf`` as a job for the checker thread, which never raises.  What it needs from the
        server (its project, the other open buffers) is gathered here, in the server's thread."""
        chosen = options or self.options
        path = buf.path
        try:
            project = self.project_for(path) if path is not None else None
        except Exception as exc:
            failure = exc
            return lambda: _internal_error(buf.uri, failure)
        others = {p: t for p, t in self.others(buf.uri).items() if project is not None and project.contains(p)}

        def job() -> Checked:
            try:
                if project is None or path is None:
                    return check_alone(buf.text, buf.uri, chosen)
                return project.check(path, buf.text, others, chosen)
            except Exception as exc:
                return _internal_error(buf.uri, exc)

        return job

    def publish(self, buf: Buffer, checked: Checked) -> None:
        if checked.problem is not None:
            diagnostics = [problem_diagnostic(*checked.problem, buf.language)]
        else:
            diagnostics = [to_lsp(d, buf.lines) for d in checked.diagnostics]
        self.checked[document_key(buf.uri)] = (buf, checked)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=buf.uri, diagnostics=diagnostics, version=buf.version)
        )
        for text in [*checked.log, *(f.log_text() for f in checked.failures)]:
            self.log_once(text, types.MessageType.Error)

    def log_once(self, text: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """A window/logMessage, once per distinct text (a failing rule fails at every keystroke)."""
        if text in self._logged:
            return
        if len(self._logged) > 1000:
            self._logged.clear()
        self._logged.add(text)
        self.window_log_message(types.LogMessageParams(type=kind, message=text))

    def clear(self, uri: str) -> None:
        key = document_key(uri)
        self.debouncer.cancel(key)
        self.checked.pop(key, None)
        self._fix_checks.pop(key, None)
        self._snapshots.pop(key, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def poll_configuration(self) -> None:
        """For a client that reports no changed files (Neovim 0.7): every :data:`POLL_SECONDS`, the open buffers are
        checked again when a configuration file of their projects changed (a ``stat`` of each, no more)."""
        while True:
            await asyncio.sleep(POLL_SECONDS)
            projects = list(self.projects.values())
            if not projects or not self.workspace.text_documents:
                continue
            if await self.in_checker(functools.partial(_any_changed, projects)):
                self.files_changed()

    def files_changed(self, uris: list[str] | None = None) -> None:
        """Canvases or configuration changed on disk: every project walks its folder again, every buffer is checked.
        ``uris``: the files the client says changed; a configuration file among them is read again."""
        names = {os.path.basename(p) for uri in uris or [] if (p := path_of(uri)) is not None}
        for project in self.projects.values():
            project.forget_files()
            if names & set(CONFIG_FILES):
                project.forget_configuration()
        for buf in self.open_buffers():
            self.request_check(buf.uri)


def _any_changed(projects: list[Project]) -> bool:
    return any([p.poll_configuration() for p in projects])  # a list: every project records what it saw


def document_key(uri: str) -> str:
    """What tells open documents apart: the URI percent-decoded, as pygls keys its documents (clients escape
    non-ASCII and other characters, ``file:///canvases/%E5%8D%8E.md``, and not always the same way)."""
    return unquote(uri)


def _failed(uri: str, exc: BaseException) -> str:
    trace = "".join(traceback.format_exception(exc)).rstrip()
    return f"vplint: checking {uri} failed\n{trace}"


def _internal_error(uri: str, exc: BaseException) -> Checked:
    """What a check that failed outside any rule publishes: one diagnostic, and the traceback for the log."""
    return Checked(problem=("lsp.internal_error", f"{type(exc).__name__}: {exc}"), log=[_failed(uri, exc)])


def _watchers() -> list[types.FileSystemWatcher]:
    globs = [f"**/{name}" for name in CONFIG_FILES] + ["**/*.md", "**/*.markdown"]
    return [types.FileSystemWatcher(glob_pattern=g) for g in globs]


def create_server() -> VplintServer:
    """The server with every feature registered."""
    server = VplintServer()

    @server.feature(types.INITIALIZED)
    def initialized(params: types.InitializedParams) -> None:
        caps = server.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=_watchers())
            registration = types.Registration(
                id="vplint-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            server.client_register_capability(types.RegistrationParams(registrations=[registration]))
        else:  # the client will not say when vplint.toml changes: look at it now and then
            server.poller = asyncio.get_running_loop().create_task(server.poll_configuration())

    @server.feature(types.SHUTDOWN)
    def shutdown(*args: Any) -> None:
        if server.poller is not None:
            server.poller.cancel()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        server.request_check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        server.request_check(params.text_document.uri)
        server.recheck_others(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        server.files_changed([params.text_document.uri])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        server.clear(params.text_document.uri)
        server.recheck_others(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        server.files_changed([change.uri for change in params.changes])

    _register_features(server)
    return server


def _register_features(server: VplintServer) -> None:
    """The features beyond diagnostics (each in its own module)."""
    from pygls.exceptions import JsonRpcInvalidParams

    from vplint.lsp import actions, completion, hover, references, symbols

    def lang_of(buf: Buffer) -> str:
        found = server.checked.get(document_key(buf.uri))
        if found is not None and found[1].result is not None:
            return found[1].result.lang  # the language findings are shown in (configured, or the canvas's own)
        return buf.language

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(params: types.DefinitionParams) -> list[types.Location] | None:
        buf = server.buffer(params.text_document.uri)
        return references.definitions(buf, params.position) or None if buf is not None else None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def find_references(params: types.ReferenceParams) -> list[types.Location] | None:
        buf = server.buffer(params.text_document.uri)
        if buf is None:
            return None
        return references.references(buf, params.position, params.context.include_declaration) or None

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        buf = server.buffer(params.text_document.uri)
        here = references.at(buf, params.position) if buf is not None else None
        if buf is None or here is None:
            return None
        return types.PrepareRenamePlaceholder(range=references.occurrence_range(buf, here), placeholder=here.key)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    def rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        buf = server.buffer(params.text_document.uri)
        here = references.at(buf, params.position) if buf is not None else None
        if buf is None or here is None:
            return None
        problem = references.valid_new_id(buf, here, params.new_name)
        if problem is not None:
            raise JsonRpcInvalidParams(problem)
        return types.WorkspaceEdit(changes={buf.uri: references.rename_edits(buf, here, params.new_name)})

    @server.command(BRIEF_COMMAND)
    async def write_brief(*arguments: Any) -> dict[str, Any]:
        """Write the meeting brief of an open canvas; the folder and the files (see :mod:`vplint.lsp.brief`)."""
        from vplint.briefs.render import BriefError
        from vplint.lsp import brief

        try:
            request = brief.parse_arguments(list(arguments))
        except ValueError as exc:
            raise JsonRpcInvalidParams(str(exc)) from None
        buf = server.buffer(request.uri)
        path = buf.path if buf is not None else None
        if buf is None or path is None:
            raise JsonRpcInvalidParams(f"vplint.brief: {request.uri} is not an open file")
        project = server.project_for(path)
        others = {p: t for p, t in server.others(buf.uri).items() if project.contains(p)}
        try:
            return await server.in_checker(lambda: brief.write_brief(project, path, buf.text, others, request))
        except (brief.BriefRefused, BriefError, OSError) as exc:
            raise JsonRpcInvalidParams(f"vplint.brief: {exc}") from None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(params: types.HoverParams) -> types.Hover | None:
        buf = server.buffer(params.text_document.uri)
        return hover.hover(buf, params.position, lang_of(buf)) if buf is not None else None

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=completion.TRIGGERS))
    def on_completion(params: types.CompletionParams) -> types.CompletionList | None:
        buf = server.buffer(params.text_document.uri)
        if buf is None:
            return None
        return types.CompletionList(is_incomplete=False, items=completion.complete(buf, params.position))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=actions.KINDS, resolve_provider=False),
    )
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        buf = server.buffer(params.text_document.uri)
        if buf is None:
            return None
        current, fixes = await server.current_checks(buf)
        lang = current.result.lang if current.result is not None else buf.language
        return actions.code_actions(buf, params, current.diagnostics, fixes.diagnostics, lang)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol] | None:
        buf = server.buffer(params.text_document.uri)
        return symbols.document_symbols(buf) if buf is not None else None


def serve() -> None:
    """Speak LSP on stdin and stdout until the client says exit."""
    server = create_server()
    server.start_io()
