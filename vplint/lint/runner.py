"""Checking many files lean: worker processes, the result cache, and results that hold only findings.

Each file's per-file part of a check (parse, schema, rules) runs here and comes back as a
small payload: raw findings, suppression directives and the few facts cross-file rules
need (id, account, decision-maker title, with their positions).  The engine then applies
cross-file rules, configuration and suppressions to all files as usual, so a result from a
worker or from the cache is finished exactly like one computed in place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from vplint.config.loader import Config, ConfigLoader
from vplint.diagnostics import Position
from vplint.lint.suppressions import Directive
from vplint.model.canvas import Canvas
from vplint.store.cache import ResultCache, code_fingerprint, decode_diagnostic, encode_diagnostic
from vplint.store.digest import sha256

__all__ = ["check_files_lean", "from_payload", "to_payload"]

_SUMMARY_PATHS: tuple[tuple[str, ...], ...] = (("id",), ("account",), ("decision_maker", "title"))


def to_payload(res: Any) -> dict[str, Any]:
    """A finished-to-be FileResult as JSON-able data (what workers return and the cache stores)."""
    summary: dict[str, Any] = {}
    positions: dict[str, list[int]] = {}
    if res.canvas is not None:
        data = res.canvas.data
        for path in _SUMMARY_PATHS:
            value: Any = data
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, str):
                node = summary
                for key in path[:-1]:
                    node = node.setdefault(key, {})
                node[path[-1]] = value
                pos = res.canvas.pos(path)
                positions["/".join(path)] = [pos.line, pos.column]
    return {
        "lang": res.lang,
        "error": res.error,
        "diagnostics": [encode_diagnostic(d) for d in res.diagnostics],
        "directives": [
            {
                k: (sorted(v) if isinstance(v, frozenset | set) else v)
                for k, v in asdict(d).items()
                if k not in ("hits", "used")
            }
            for d in res.directives
        ],
        "summary": summary if res.canvas is not None else None,
        "positions": positions,
    }


def from_payload(path: str, payload: dict[str, Any], config: Config) -> Any:
    from vplint.lint.engine import FileResult

    lang = payload["lang"]
    canvas = None
    if payload["summary"] is not None:
        canvas = Canvas(path, payload["summary"])
        for key, (line, column) in payload["positions"].items():
            canvas.positions[tuple(key.split("/"))] = Position(line, column)
    directives = [
        Directive(
            d["kind"],
            frozenset(d["codes"]),
            tuple(d["written"]),
            d["line"],
            d["column"],
            d["applies_from"],
            d["applies_to"],
            tuple((start, tuple(codes)) for start, codes in d.get("reenabled", ())),
        )
        for d in payload["directives"]
    ]
    return FileResult(
        path,
        [decode_diagnostic(path, lang, row) for row in payload["diagnostics"]],
        canvas,
        error=payload["error"],
        lang=lang,
        config=config,
        directives=directives,
    )


def _environment_key(config: Config, options: Any) -> str:
    from vplint.lint.engine import _today

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
                str(_today(options, config)),
                sorted(options.select),
                sorted(options.ignore),
                sorted(options.extend_select),
                options.fix,
                os.environ.get("VPLINT_LANG", ""),
                os.environ.get("LANG", ""),
            ]
        ).encode()
    )
    return h.hexdigest()[:20]


def _work(item: tuple[str, Config, Any]) -> dict[str, Any]:
    from vplint.lint.engine import _check_one

    path, config, options = item
    return to_payload(_check_one(path, config=config, options=options))


def check_files_lean(files: Sequence[str], options: Any, loader: ConfigLoader) -> list[Any]:
    configs = {path: loader.for_file(path) for path in files}
    caches: dict[str, ResultCache] = {}
    payloads: dict[str, dict[str, Any]] = {}
    todo: list[str] = []
    keys: dict[int, str] = {}

    def key_of(config: Config) -> str:
        if id(config) not in keys:
            keys[id(config)] = _environment_key(config, options)
        return keys[id(config)]

    if options.cache:
        folder = options.cache_dir or Path(os.environ.get("VPLINT_CACHE_DIR") or ".vplint_cache")
        for path in files:
            key = key_of(configs[path])
            cache = caches.get(key)
            if cache is None:
                cache = caches[key] = ResultCache(folder, key)
            hit = cache.lookup(path)
            if hit is not None:
                payloads[path] = hit
            else:
                todo.append(path)
    else:
        todo = list(files)
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    from vplint.lint.engine import PARALLEL_MIN_FILES

    before: dict[str, list[int] | None] = {}
    if options.cache:
        for path in todo:
            try:
                before[path] = ResultCache.stat_key(os.stat(path))
            except OSError:
                before[path] = None
    work = [(path, configs[path], options) for path in todo]
    if jobs > 1 and len(work) >= PARALLEL_MIN_FILES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # imported only for runs large enough to use it

        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            computed = list(pool.map(_work, work, chunksize=max(1, min(64, len(work) // (jobs * 4) or 1))))
    else:
        computed = [_work(item) for item in work]
    for path, payload in zip(todo, computed, strict=True):
        payloads[path] = payload
        if options.cache and payload["error"] is None:
            caches[key_of(configs[path])].store(path, payload, before.get(path))
    for cache in caches.values():
        cache.save()
    return [from_payload(path, payloads[path], configs[path]) for path in files]
