"""Checking many files: discovery, worker processes, the result cache, cross-file rules, then selection.

A run checks each file on its own (:mod:`vplint.lint.pipeline`) — in this process, in worker
processes for large runs, or not at all when the result cache holds the file's result — then
lets the cross-file rules see every canvas of the run, then finishes each file's findings
(:mod:`vplint.lint.selection`).  Unless the caller keeps full results (``Options.keep``), each
file's result is made lean as soon as it is checked (:func:`vplint.lint.payload.lean`), so a
run over 50,000 files holds findings, not documents.  Results become JSON only to cross a
process boundary or to go to the cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from vplint.config.loader import Config, ConfigLoader
from vplint.lint.clock import env_language, today
from vplint.lint.discovery import Discovery, discover
from vplint.lint.options import Options
from vplint.lint.payload import from_payload, known_messages, lean, to_payload
from vplint.lint.pipeline import lint_file
from vplint.lint.result import FileResult, Result
from vplint.lint.selection import finish
from vplint.model.canvas import Canvas
from vplint.parser.document import read_document
from vplint.rules import RULES, Context
from vplint.store.cache import ResultCache, code_fingerprint, parse_payloads
from vplint.store.digest import sha256

__all__ = ["PARALLEL_MIN_FILES", "finish_run", "lint_paths"]

PARALLEL_MIN_FILES = 64
"""Below this many files a pool costs more than it saves (the pre-commit path is one file)."""

_PARSE_BATCH = 512
"""Cached payloads parsed at once: one parse per batch is fast, and a run never holds them all parsed."""


def lint_paths(
    paths: Sequence[str],
    options: Options | None = None,
    loader: ConfigLoader | None = None,
    discovered: Discovery | None = None,
) -> Result:
    """Check files and folders.  Raises :class:`~vplint.config.loader.ConfigError` for a bad configuration.

    ``discovered`` passes the result of :func:`~vplint.lint.discovery.discover` when the caller already has it.
    Paths that do not exist or cannot be looked at are in the result (``missing``, ``unreadable``), not raised.
    """
    options = options or Options()
    loader = loader or ConfigLoader(options.config, options.isolated)
    files, missing, unreadable = discovered if discovered is not None else discover(paths, loader)
    configs = {path: loader.for_file(path) for path in files}
    if options.keep:
        results = [lint_file(path, configs[path], options) for path in files]
    else:
        results = _lean_results(files, configs, options)
    finish_run(results, options)
    return Result(results, missing, unreadable)


def finish_run(results: list[FileResult], options: Options) -> None:
    """What a run does once every file is checked: the cross-file rules over all of them, then each file's
    findings selected and suppressed.  For callers that check the files themselves (briefs on every core)."""
    _cross_file(results, options)
    for res in results:
        finish(res, options)


def _cross_file(files: list[FileResult], options: Options) -> None:
    by_path = {f.path: f for f in files}
    canvases: list[Canvas] = [f.canvas for f in files if f.canvas is not None and _has_front_matter(f)]
    if len(canvases) < 2:
        return
    synonyms = _title_synonyms(files)
    for rule in RULES.values():
        if rule.check_all is None:
            continue
        ctx = Context(lang=options.lang or "en", options=rule.resolved_options(None), title_synonyms=synonyms)
        for d in rule.check_all(canvases, ctx):
            target = by_path.get(d.path)
            if target is not None:
                target.diagnostics.append(d)
                if target.source_line(d.line) is None:
                    _add_line(target, d.line)


def _title_synonyms(files: list[FileResult]) -> tuple[tuple[str, ...], ...]:
    """The ``title-synonyms`` of every configuration in the run, each group once (a run usually has one)."""
    groups: dict[tuple[str, ...], None] = {}
    for config in {id(f.config): f.config for f in files if f.config is not None}.values():
        groups.update(dict.fromkeys(config.title_synonyms))
    return tuple(groups)


def _add_line(res: FileResult, number: int) -> None:
    """Give a lean result the line a cross-file finding points to (lean results keep only their own findings')."""
    try:
        line = FileResult(res.path, document=read_document(res.path)).source_line(number)
    except OSError:
        return
    if line is not None:
        res.lines[number] = line


def _has_front_matter(res: FileResult) -> bool:
    if res.document is not None:
        return res.document.front_matter is not None
    return not any(d.code in ("F002", "F003", "F004") for d in res.diagnostics)


def _work(item: tuple[str, Config, Options]) -> tuple[str | None, dict[str, Any]]:
    """A worker process's job: one file checked; the digest of the bytes read and its lean result as JSON-able data."""
    path, config, options = item
    full = lint_file(path, config, options)
    return (full.document.digest if full.document is not None else None), to_payload(lean(full))


def _lean_results(files: Sequence[str], configs: dict[str, Config], options: Options) -> list[FileResult]:
    caches: dict[str, ResultCache] = {}
    results: dict[str, FileResult] = {}
    todo: list[str] = []
    keys: dict[int, str] = {}

    def cache_of(config: Config) -> ResultCache:
        if id(config) not in keys:
            keys[id(config)] = _environment_key(config, options)
        key = keys[id(config)]
        if key not in caches:
            folder = options.cache_dir or Path(os.environ.get("VPLINT_CACHE_DIR") or ".vplint_cache")
            caches[key] = ResultCache(folder, key)
        return caches[key]

    if options.cache:
        hits: list[tuple[str, str]] = []
        for path in files:
            text = cache_of(configs[path]).lookup(path)
            if text is not None:
                hits.append((path, text))
            else:
                todo.append(path)
        for start in range(0, len(hits), _PARSE_BATCH):
            batch = hits[start : start + _PARSE_BATCH]
            for (path, _), payload in zip(batch, parse_payloads([text for _, text in batch]), strict=True):
                result = None if payload is None else _from_cache(path, payload, configs[path])
                if result is None:
                    todo.append(path)
                else:
                    results[path] = result
    else:
        todo = list(files)
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES:
        for path, (digest, payload) in zip(todo, _in_workers(todo, configs, options, jobs), strict=True):
            results[path] = from_payload(path, payload, configs[path])
            if options.cache and payload["error"] is None:
                cache_of(configs[path]).store(path, payload, digest)
    else:
        for path in todo:
            full = lint_file(path, configs[path], options)
            digest = full.document.digest if full.document is not None else None
            res = results[path] = lean(full)
            if options.cache and res.error is None:
                cache_of(configs[path]).store(path, to_payload(res), digest)
    for cache in caches.values():
        cache.save()
    return [results[path] for path in files]


def _from_cache(path: str, payload: dict[str, Any], config: Config) -> FileResult | None:
    """A cached payload (its shape already checked) as a result; None (a miss) when it names a message vplint lacks."""
    if not known_messages(payload):
        return None
    return from_payload(path, payload, config)


def _in_workers(
    todo: list[str], configs: dict[str, Config], options: Options, jobs: int
) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """Each file's digest and payload from worker processes, in order, as they come: never all of them at once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # imported only for runs large enough to use it

    work = [(path, configs[path], options) for path in todo]
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_work, work, chunksize=max(1, min(64, len(work) // (jobs * 4) or 1)))


def _environment_key(config: Config, options: Options) -> str:
    """What every cached result of a file with this configuration depends on, besides the file itself."""
    h = sha256(code_fingerprint().encode())
    if config.path is not None:
        try:
            h.update(str(config.path).encode() + Path(config.path).read_bytes())
        except OSError:
            h.update(b"?")
    h.update(
        json.dumps(
            [
                options.lang,
                str(today(options, config)),
                sorted(options.select),
                sorted(options.ignore),
                sorted(options.extend_select),
                options.fix,
                env_language(),  # the language of findings in a file whose own cannot be told
            ]
        ).encode()
    )
    return h.hexdigest()[:20]
