"""Checking the team's canvases for the report, keeping what the report needs and not the canvas models.

Three ways, by size and by whether the briefs are wanted:

- a small run (fewer than :data:`~vplint.lint.runner.PARALLEL_MIN_FILES` files, or ``--jobs 1``) checks
  in this process and keeps the full results (the briefs are rendered from them);
- a large run with briefs uses the brief's shards (:mod:`vplint.briefs.shards`): forked workers check
  their share, send back lean results and each canvas's facts, and later render the briefs from the
  models they kept;
- a large run without briefs checks in a pool of workers that send back, per file, its lean result and
  its facts (:func:`vplint.team.data.canvas_facts`): this process never holds a canvas model, so a run
  of 10,000 canvases holds findings and rows, as ``vplint check`` holds findings.

Every way then runs the cross-file rules and the selection over all files
(:func:`vplint.lint.runner.finish_run`), so the findings are those of ``vplint check``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vplint.lint.payload import from_payload, lean, to_payload
from vplint.lint.pipeline import lint_file
from vplint.lint.result import Result
from vplint.team.data import canvas_facts

if TYPE_CHECKING:
    from vplint.briefs.render import Renderer
    from vplint.briefs.shards import Checked, Shards
    from vplint.config.loader import Config, ConfigLoader
    from vplint.lint.options import Options

__all__ = ["Collected", "collect"]


@dataclass
class Collected:
    result: Result
    facts: dict[str, dict[str, Any]]
    """Path -> :func:`~vplint.team.data.canvas_facts` of the file."""
    shards: Shards | None = None
    """The workers that kept the models, to render the briefs (a large run with briefs)."""
    checked: dict[str, Checked] = field(default_factory=dict)
    """What the shards said of each file (its language, whether it is blank)."""


def _work(item: tuple[str, Config, Options]) -> tuple[dict[str, Any], dict[str, Any]]:
    path, config, options = item
    full = lint_file(path, config, options)
    return to_payload(lean(full)), canvas_facts(full)


def _pool(files: Sequence[str], configs: dict[str, Config], options: Options, jobs: int) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    work = [(path, configs[path], options) for path in files]
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(_work, work, chunksize=max(1, min(64, len(work) // (jobs * 4) or 1)))


@contextlib.contextmanager
def collect(
    paths: Sequence[str], options: Options, loader: ConfigLoader, jobs: int, renderer: Renderer | None
) -> Iterator[Collected]:
    """The run's checked files and their facts; ``renderer``: the briefs will be rendered (keep the models)."""
    from vplint.lint.discovery import discover
    from vplint.lint.runner import PARALLEL_MIN_FILES, finish_run, lint_paths

    discovered = discover(paths, loader)
    files = discovered.files
    small = jobs < 2 or len(files) < PARALLEL_MIN_FILES or not hasattr(os, "fork")
    if small:
        result = lint_paths(paths, options, loader, discovered)
        yield Collected(result, {res.path: canvas_facts(res) for res in result.files})
        return
    configs = {path: loader.for_file(path) for path in files}
    if renderer is not None:
        from vplint.briefs.shards import Shards

        with Shards(files, configs, options, jobs, renderer, extract=canvas_facts) as shards:
            results, checked = shards.check()
            finish_run(results, options)
            facts = {path: said.facts for path, said in checked.items()}
            yield Collected(Result(results, discovered.missing, discovered.unreadable), facts, shards, checked)
        return
    results = []
    facts = {}
    for path, (payload, found) in zip(files, _pool(files, configs, options, jobs), strict=True):
        results.append(from_payload(path, payload, configs[path]))
        facts[path] = found
    finish_run(results, options)
    for res in results:  # the source lines findings point to: the report shows no source, so not kept
        res.lines.clear()
    yield Collected(Result(results, discovered.missing, discovered.unreadable), facts)
