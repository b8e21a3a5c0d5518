"""A workspace folder: its configuration, its canvases on disk, and the check of an open buffer among them.

The check of a buffer is what ``vplint check`` run in the folder would report for the buffer's text saved
at its path: the configuration is the one found from the file's folder, and the cross-file rules see
the canvases ``vplint check`` (no paths) would check there — the configured ``paths``, else
``canvases/`` — with the buffer's text (and any other open buffer's) in place of what is on disk.  A
file ``vplint check`` would skip when named (excluded, or a README) is not checked.

Everything here runs in the server's one worker thread, with the working folder set to the project's
folder, as ``vplint check`` runs in it (paths in messages are relative to it, as the CLI prints them).
Configuration files are looked at (``stat``) before each check and the configuration is read again when
one of them changed; the list of canvases on disk is kept for :data:`SCAN_SECONDS`, and each disk
canvas's result until the file changes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from vplint.config.loader import CONFIG_FILES, Config, ConfigError, ConfigLoader
from vplint.diagnostics import Diagnostic
from vplint.lint.clock import env_language, today
from vplint.lint.discovery import SKIP_FILES, discover
from vplint.lint.options import Options
from vplint.lint.payload import lean
from vplint.lint.result import FileResult
from vplint.lsp.checking import Failure, buffer_document, failure_diagnostic, finish_guarded, lint_guarded

__all__ = ["SCAN_SECONDS", "Checked", "Project", "check_alone"]

SCAN_SECONDS = 2.0
"""How long the list of canvases on disk is reused before the folder is walked again (a change the
editor reports — a save, a watched file — drops it at once)."""

_Stamp = tuple[int, int, int] | None


@dataclass
class Checked:
    """What the check of a buffer found."""

    result: FileResult | None = None
    """The buffer's finished result; None when ``vplint check`` would not check the file at all."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Its findings, and one for each rule that failed."""
    failures: list[Failure] = field(default_factory=list)
    problem: tuple[str, str] | None = None
    """(message id, error) when nothing could be checked: a configuration vplint cannot use, an internal error."""
    log: list[str] = field(default_factory=list)
    """What to tell the client's log (window/logMessage) besides the failures: an internal error's traceback."""


def _stamp(path: str) -> _Stamp:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _ancestors(folder: str) -> Iterable[str]:
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


class Project:
    """The canvases of one folder (a workspace folder, or the folder of a file opened on its own)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)
        self._loader: ConfigLoader | None = None
        self._config_stamps: dict[str, _Stamp] = {}
        self._folders: set[str] = set()
        self._scan: tuple[float, list[str]] | None = None
        self._disk: dict[str, tuple[tuple[object, ...], FileResult]] = {}
        self._reload = False

    def contains(self, path: str) -> bool:
        return os.path.commonpath([self.root, os.path.abspath(path)]) == self.root

    def relative(self, path: str) -> str:
        """``path`` as ``vplint check`` run in the project's folder names it."""
        return os.path.relpath(path, self.root) if self.contains(path) else os.path.abspath(path)

    # --- what changes ----------------------------------------------------------------------
    def forget_files(self) -> None:
        """Walk the folder again at the next check (a file was saved, created or deleted)."""
        self._scan = None

    def forget_configuration(self) -> None:
        """Read the configuration again at the next check, whatever the files' sizes and times say (the client
        reported a change: on a file system with coarse times an edit can leave both as they were)."""
        self._reload = True

    def poll_configuration(self) -> bool:
        """Whether a configuration file the project read (or looked for) appeared, changed or went away since; the
        next check then reads the configuration again.  For clients that report no changed files (in the checker
        thread, where the stamps are kept)."""
        changed = False
        for path, stamp in list(self._config_stamps.items()):
            now = _stamp(path)
            if now != stamp:
                self._config_stamps[path] = now
                changed = True
        if changed:
            self._reload = True
        return changed

    def _configs_changed(self, folders: Iterable[str]) -> bool:
        """Whether a configuration file in ``folders`` (or their parents) appeared, changed or went away."""
        seen: set[str] = set()
        changed = False
        for start in folders:
            for folder in _ancestors(start):
                if folder in seen:
                    break
                seen.add(folder)
                for name in CONFIG_FILES:
                    path = os.path.join(folder, name)
                    stamp = _stamp(path)
                    if self._config_stamps.get(path, stamp) != stamp:
                        changed = True
                    self._config_stamps[path] = stamp
        return changed

    def _current_loader(self, path: str) -> ConfigLoader:
        folders = {self.root, os.path.dirname(os.path.abspath(path)), *self._folders}
        if self._configs_changed(folders) or self._loader is None or self._reload:
            self._reload = False
            self._loader = ConfigLoader(None, False)
            self._disk.clear()
            self._scan = None
        return self._loader

    def folder_config(self) -> Config:
        """The configuration of the project's folder itself (its ``templates``), as ``vplint brief`` run there
        reads it (in the checker thread, after a check)."""
        loader = self._loader or ConfigLoader(None, False)
        return loader.for_path(Path(self.root) / "x")

    # --- which files ---------------------------------------------------------------------------
    def _files(self, loader: ConfigLoader) -> list[str]:
        """The canvases ``vplint check`` run here with no paths checks (relative paths, in its order)."""
        now = time.monotonic()
        if self._scan is not None and now - self._scan[0] < SCAN_SECONDS:
            return self._scan[1]
        from vplint.cli.check import configured_paths

        files = discover(configured_paths(loader) or ["canvases"], loader).files
        folders = {os.path.dirname(os.path.abspath(f)) for f in files}
        if folders - self._folders:
            self._folders |= folders
            self._configs_changed(folders)  # record their configuration files as this loader read them
        self._scan = (now, files)
        return files

    @staticmethod
    def _is_checked(rel: str, loader: ConfigLoader) -> bool:
        """Whether ``vplint check FILE`` checks the file (a file not saved yet: whether it would once saved)."""
        found = discover([rel], loader)
        if found.files:
            return True
        if not found.missing:
            return False
        config = loader.for_file(rel)
        p = Path(rel)
        if SKIP_FILES.match(p.name) or config.is_excluded(p):
            return False
        return not config.include_configured or config.is_included(p)

    # --- checking --------------------------------------------------------------------------------
    def check(self, path: str, text: str, others: Mapping[str, str], options: Options) -> Checked:
        """The check of the buffer ``text`` of the file ``path``; ``others``: other open buffers (path -> text)."""
        os.chdir(self.root)
        try:
            return self._check(path, text, others, options)
        except ConfigError as exc:
            return Checked(problem=("lsp.config_error", str(exc)))

    def _check(self, path: str, text: str, others: Mapping[str, str], options: Options) -> Checked:
        loader = self._current_loader(path)
        rel = self.relative(path)
        if not self._is_checked(rel, loader):
            return Checked()
        config = loader.for_file(rel)
        buffer, failures = lint_guarded(lambda: buffer_document(text, rel), config, options)
        files = self._files(loader)
        open_texts = {os.path.abspath(p): t for p, t in others.items()}
        me = os.path.abspath(path)
        results: list[FileResult] = []
        for f in files:
            key = os.path.abspath(f)
            if key == me:
                results.append(buffer)
            elif key in open_texts:
                results.append(self._open_result(f, open_texts[key], loader, options))
            else:
                results.append(self._disk_result(f, loader, options))
        if all(r is not buffer for r in results):
            results.append(buffer)  # a file outside the configured paths: checked as if named with them
        skip = tuple(f.code for f in failures)
        finish_options = replace(options, ignore=options.ignore + skip)
        pristine = [_copy(r) for r in results]
        finished, cross = finish_guarded(
            [_copy(r) for r in results], lambda: [_copy(r) for r in pristine], finish_options
        )
        mine = finished[[r is buffer for r in results].index(True)]
        lang = mine.lang
        diagnostics = list(mine.diagnostics)
        if cross is not None:
            failures.append(cross)
        diagnostics[:0] = [failure_diagnostic(rel, f, lang) for f in failures]
        return Checked(mine, diagnostics, failures)

    @staticmethod
    def _open_result(rel: str, text: str, loader: ConfigLoader, options: Options) -> FileResult:
        """The per-file result of another open buffer (lean), its unsaved text in place of the file's."""
        config = loader.for_file(rel)
        try:
            res, _ = lint_guarded(lambda: buffer_document(text, rel), config, options)
        except Exception:  # vplint itself failed on that buffer (its own check says so): leave it out here
            res = FileResult(rel, config=config)
        return lean(res)

    def _disk_result(self, rel: str, loader: ConfigLoader, options: Options) -> FileResult:
        """The per-file result of a canvas on disk (lean: what the cross-file rules read), kept until it changes."""
        from vplint.lint.pipeline import lint_file
        from vplint.parser.document import read_document

        config = loader.for_file(rel)
        key = (_stamp(rel), today(options, config), options, env_language())
        cached = self._disk.get(rel)
        if cached is not None and cached[0] == key and key[0] is not None:
            return cached[1]
        try:
            full, _ = lint_guarded(lambda: read_document(rel), config, options)
        except OSError:  # unreadable: the result with the error, as vplint check has it
            full = lint_file(rel, config, options)
        except Exception:  # vplint itself failed on that canvas: the buffer is still checked against the others
            full = FileResult(rel, config=config)
        res = lean(full)
        self._disk[rel] = (key, res)
        return res


def _copy(res: FileResult) -> FileResult:
    """A copy the run may change: finishing replaces its findings, cross-file rules add to them and its lines."""
    return replace(res, diagnostics=list(res.diagnostics), lines=dict(res.lines))


def check_alone(text: str, name: str, options: Options) -> Checked:
    """The check of a buffer that is no file (an untitled one): on its own, with the built-in configuration."""
    from vplint.config.loader import Config

    config = Config()
    res, failures = lint_guarded(lambda: buffer_document(text, name), config, options)
    skip = tuple(f.code for f in failures)
    finished, _ = finish_guarded([res], lambda: [res], replace(options, ignore=options.ignore + skip))
    mine = finished[0]
    return Checked(mine, [*(failure_diagnostic(name, f, mine.lang) for f in failures), *mine.diagnostics], failures)
