"""Briefs of many canvases on every core: worker processes that each check a fixed share of the files,
keep their full results, and later render the briefs of them.

A brief needs the canvas's full model and its final findings, and the final findings need every
canvas of the run (the cross-file rules).  So a run has two rounds:

1. each worker checks its share (every *n*-th file) and keeps the full results; it sends back each
   file's lean result (:func:`vplint.lint.payload.lean`), the canvas's language and whether it is empty;
2. this process runs the cross-file rules and the selection over the lean results
   (:func:`vplint.lint.runner.finish_run`), decides what is briefed (and prints what the serial path
   prints), then sends each worker the final findings of the canvases of its share to brief; the
   worker builds each context and renders each format from the model it kept, and sends the texts.

Each canvas is read, parsed and checked once, as on the serial path, and the briefs are the same bytes
(``tests/integration/test_briefs_parallel.py``).  The workers are forked (they inherit the loaded
templates); where ``fork`` is missing, or for few files, the serial path runs instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from vplint.briefs.render import BriefError
from vplint.lint.payload import from_payload, lean, to_payload
from vplint.lint.pipeline import lint_file

if TYPE_CHECKING:
    from vplint.briefs.render import Renderer
    from vplint.config.loader import Config
    from vplint.diagnostics import Diagnostic
    from vplint.lint.options import Options
    from vplint.lint.result import FileResult

__all__ = ["Checked", "Request", "Shards", "available"]


def available() -> bool:
    """Whether this platform can fork worker processes (the workers inherit the loaded templates)."""
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class Checked:
    """What a worker says of one checked file besides its lean result."""

    lang: str | None
    """The language the canvas is written in (None: no canvas)."""
    blank: bool
    """The canvas has no text at all."""
    facts: Any = None
    """What the caller's ``extract`` took from the full result (the team report's rows), if it gave one."""


@dataclass(frozen=True)
class Request:
    """One canvas to brief: its path, the language of the brief, the path the brief shows, its final findings."""

    path: str
    lang: str
    source: str
    diagnostics: tuple[Diagnostic, ...]


class WorkerError(BriefError):
    """A worker process stopped without an answer (killed, or out of memory): nothing is written."""


def _serve(
    conn: Connection,
    paths: Sequence[str],
    configs: dict[str, Config],
    options: Options,
    renderer: Renderer,
    extract: Callable[[FileResult], Any] | None,
    inherited: Sequence[Connection] = (),
) -> None:
    """A worker: check its share, answer with the lean results, then render what it is asked to.

    ``inherited``: the parent's ends of the pipes, which the fork copied; closed at once, so that the
    parent closing its end is the end of this worker's input (``EOFError``) even if it never says so.
    """
    from vplint.briefs.context import canvas_context

    for other in inherited:
        other.close()
    try:
        kept: dict[str, FileResult] = {}
        answers: list[tuple[dict[str, Any], Checked]] = []
        for path in paths:
            full = lint_file(path, configs[path], options)
            canvas = full.canvas
            checked = Checked(
                canvas.written_language("en") if canvas is not None else None,
                canvas is None or not canvas.text.strip(),
                extract(full) if extract is not None else None,
            )
            answers.append((to_payload(lean(full)), checked))
            if canvas is not None:
                kept[path] = full
        conn.send(("checked", answers))
        while True:  # a batch of briefs at a time, until the parent says it is done (or closes the pipe)
            asked = conn.recv()
            if asked is None:
                break
            requests, formats, show_map = asked
            rendered: list[dict[str, str]] = []
            for req in requests:
                canvas = kept[req.path].canvas
                assert canvas is not None
                view = canvas_context(canvas, list(req.diagnostics), req.lang, renderer.bank(req.lang), req.source)
                rendered.append(
                    {
                        fmt: renderer.render(
                            renderer.template_name("brief", req.lang, fmt),
                            {**view, "format": fmt, "show_map": show_map},
                        )
                        for fmt in formats
                    }
                )
            conn.send(("rendered", rendered))
    except EOFError:  # the parent is done (or stopped first: it failed, or was interrupted): nothing to answer
        pass
    except BaseException as exc:  # every failure goes to the parent, which raises it
        with contextlib.suppress(Exception):
            try:
                conn.send(("failed", exc))
            except Exception:  # not picklable: its text is enough
                conn.send(("failed", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


class Shards:
    """``jobs`` forked workers over ``files``: :meth:`check` first, then :meth:`render` (once, or batch by batch),
    then :meth:`close`."""

    def __init__(
        self,
        files: Sequence[str],
        configs: dict[str, Config],
        options: Options,
        jobs: int,
        renderer: Renderer,
        extract: Callable[[FileResult], Any] | None = None,
    ) -> None:
        """``extract``: run on each full result in its worker; what it returns comes back as ``Checked.facts``."""
        context = multiprocessing.get_context("fork")
        self.ui = renderer.ui
        self.files = list(files)
        self.configs = configs
        self.jobs = max(1, min(jobs, len(self.files)))
        self._shares = [self.files[i :: self.jobs] for i in range(self.jobs)]
        self._conns: list[Connection] = []
        self._procs: list[Any] = []
        for share in self._shares:
            mine, theirs = context.Pipe()
            args = (theirs, share, configs, options, renderer, extract, [*self._conns, mine])
            proc = context.Process(target=_serve, args=args, daemon=True)
            proc.start()
            theirs.close()
            self._conns.append(mine)
            self._procs.append(proc)

    def _answer(self, i: int, expected: str) -> Any:
        try:
            kind, value = self._conns[i].recv()
        except EOFError:
            self._procs[i].join()
            from vplint.i18n import render

            raise WorkerError(render("brief.worker_stopped", {"code": self._procs[i].exitcode}, self.ui)) from None
        if kind == "failed":
            raise value
        assert kind == expected, kind
        return value

    def check(self) -> tuple[list[FileResult], dict[str, Checked]]:
        """Every file's lean result, in the order of ``files``, and what each worker said of it."""
        by_path: dict[str, FileResult] = {}
        checked: dict[str, Checked] = {}
        for i, share in enumerate(self._shares):
            for path, (payload, said) in zip(share, self._answer(i, "checked"), strict=True):
                by_path[path] = from_payload(path, payload, self.configs[path])
                checked[path] = said
        return [by_path[path] for path in self.files], checked

    def render(self, requests: Sequence[Request], formats: Sequence[str], show_map: bool) -> list[dict[str, str]]:
        """The briefs of ``requests`` (each format's text), in their order; each canvas is rendered by its worker."""
        share_of = {path: i for i, share in enumerate(self._shares) for path in share}
        mine: list[list[Request]] = [[] for _ in self._shares]
        for req in requests:
            mine[share_of[req.path]].append(req)
        for conn, reqs in zip(self._conns, mine, strict=True):
            conn.send((reqs, list(formats), show_map))
        texts: dict[str, dict[str, str]] = {}
        for i, reqs in enumerate(mine):
            for req, out in zip(reqs, self._answer(i, "rendered"), strict=True):
                texts[req.path] = out
        return [texts[req.path] for req in requests]

    def close(self) -> None:
        """Stop the workers (each has already answered, or is stopped here) and release the pipes."""
        for conn in self._conns:
            with contextlib.suppress(OSError):  # a worker that stopped already: its pipe is broken
                conn.send(None)
            conn.close()
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def __enter__(self) -> Shards:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
