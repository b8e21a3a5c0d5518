"""The briefs of the team report's run: every canvas's HTML brief, as ``vplint brief --allow-errors --format
html`` writes it, rendered in batches so a large run never holds every brief at once.

The canvases are the report's (already checked); a brief sees them as ``vplint brief`` does, without the
findings of the age rules (H001, M005), so the bytes are the same.  A canvas that cannot be briefed (not
readable as text, or empty) gets none; two canvases whose briefs would have one name: the first keeps it,
the second gets none and the message ``vplint brief`` gives.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vplint.briefs.render import Renderer
    from vplint.cli.brief import BriefJob
    from vplint.team.collect import Collected

__all__ = ["BATCH", "Briefing"]

BATCH = 256
"""Briefs rendered (and written) at a time."""


class Briefing:
    """Which canvases get a brief and under which name (known before any is rendered, for the pages' links)."""

    def __init__(self, collected: Collected, renderer: Renderer, lang: str | None, ui: str) -> None:
        from vplint.briefs.context import TIME_DEPENDENT
        from vplint.briefs.render import brief_name
        from vplint.cli.brief import BriefJob, brief_source, briefable
        from vplint.i18n import render
        from vplint.report.concise import printable

        self.collected = collected
        self.renderer = renderer
        self.ui = ui
        self.jobs: list[BriefJob] = []
        self.links: dict[str, str] = {}
        """Canvas path, as the report shows it -> ``briefs/NAME.html``."""
        owner: dict[str, str] = {}
        for res in collected.result.files:
            canvas = res.canvas
            said = collected.checked.get(res.path)
            if canvas is None or not briefable(res, said.blank if said is not None else None):
                continue
            root = res.config.root if res.config is not None else Path.cwd()
            try:
                source = brief_source(res.path, root)
            except OSError:  # gone since it was checked
                continue
            name = brief_name(canvas.data.get("id"), res.path)
            if name in owner:
                values = {"path": printable(res.path), "name": name, "other": printable(owner[name])}
                print(render("brief.clash", values, ui), file=sys.stderr)
                continue
            owner[name] = res.path
            own = said.lang if said is not None and said.lang else canvas.written_language("en")
            kept = [d for d in res.diagnostics if d.code not in TIME_DEPENDENT]  # as `vplint brief` sees it
            self.jobs.append(BriefJob(dataclasses.replace(res, diagnostics=kept), lang or own, source))
            self.links[printable(res.path)] = f"briefs/{name}.html"

    def pages(self) -> Iterator[tuple[str, str]]:
        """``(briefs/NAME.html, HTML)`` of every brief, a batch at a time."""
        from vplint.cli.brief import render_canvases

        for start in range(0, len(self.jobs), BATCH):
            batch: list[BriefJob] = self.jobs[start : start + BATCH]
            outputs, _ = render_canvases(batch, self.renderer, ["html"], self.ui, True, self.collected.shards)
            for name, text in outputs.items():
                yield f"briefs/{name}", text
