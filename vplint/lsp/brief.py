"""The ``vplint.brief`` command: the meeting brief of an open canvas (its unsaved text), written to a folder.

The brief is what ``vplint brief -o FOLDER`` writes for the canvas, in Markdown and HTML, from the
library behind it (:mod:`vplint.briefs`): the check leaves out the date-dependent rules, the brief is in
the canvas's language, the team's ``templates`` folder is used, and a canvas with errors is refused
unless ``allowErrors`` is set (its brief then carries the "incomplete" banner).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vplint.diagnostics import Severity
from vplint.i18n import count, render
from vplint.lint.options import Options
from vplint.lsp.project import Project

__all__ = ["BriefRefused", "BriefRequest", "parse_arguments", "write_brief"]


class BriefRefused(Exception):
    """The brief cannot be written; the message says why, in the canvas's language."""


@dataclass(frozen=True)
class BriefRequest:
    uri: str
    folder: str | None = None
    """Where the brief goes (default: ``briefs/`` in the workspace folder)."""
    allow_errors: bool = False


def parse_arguments(arguments: list[Any]) -> BriefRequest:
    """The arguments: ``[uri]``, ``[uri, folder]`` or ``[{"uri": ..., "folder": ..., "allowErrors": ...}]``."""
    if len(arguments) == 1 and isinstance(arguments[0], dict):
        given = arguments[0]
        uri, folder, allow = given.get("uri"), given.get("folder"), given.get("allowErrors", False)
    elif arguments and all(isinstance(a, str) for a in arguments) and len(arguments) <= 2:
        uri, folder, allow = arguments[0], (arguments[1] if len(arguments) > 1 else None), False
    else:
        raise ValueError('vplint.brief takes [uri], [uri, folder] or [{"uri", "folder", "allowErrors"}]')
    if not isinstance(uri, str) or (folder is not None and not isinstance(folder, str)) or not isinstance(allow, bool):
        raise ValueError("vplint.brief: 'uri' and 'folder' are strings, 'allowErrors' is true or false")
    return BriefRequest(uri, folder, allow)


def write_brief(
    project: Project, path: str, text: str, others: dict[str, str], request: BriefRequest
) -> dict[str, Any]:
    """Check the buffer, render its brief and write it; the folder and the files written (absolute paths)."""
    from vplint.briefs.context import TIME_DEPENDENT, canvas_context
    from vplint.briefs.render import Renderer, brief_name, write_outputs
    from vplint.lint.clock import env_language
    from vplint.lint.codes import UNREADABLE

    checked = project.check(path, text, others, Options(ignore=TIME_DEPENDENT))  # the working folder is the project's
    res = checked.result
    ui = res.lang if res is not None else env_language()
    if checked.problem is not None:
        raise BriefRefused(render(checked.problem[0], {"error": checked.problem[1]}, ui))
    shown = project.relative(path)
    if (
        res is None
        or res.canvas is None
        or not res.canvas.text.strip()
        or any(d.code in UNREADABLE for d in res.diagnostics)
    ):
        raise BriefRefused(render("brief.unbriefable", {"path": shown}, ui))
    errors = sum(1 for d in res.diagnostics if d.severity is Severity.ERROR)
    if errors and not request.allow_errors:
        raise BriefRefused(render("brief.blocked", {"path": shown, "errors": count("errors", errors, ui)}, ui))
    canvas = res.canvas
    lang = canvas.written_language("en")
    config = res.config
    root = config.root if config is not None else Path(project.root)
    here = project.folder_config()
    team = here.root / here.templates if here.templates else None
    renderer = Renderer(team=team, ui=ui)
    try:
        source = Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        source = Path(path).name
    view = canvas_context(canvas, res.diagnostics, lang, renderer.bank(lang), source)
    base = brief_name(canvas.data.get("id"), res.path)
    outputs = {
        f"{base}.{fmt}": renderer.render(
            renderer.template_name("brief", lang, fmt), {**view, "format": fmt, "show_map": True}
        )
        for fmt in ("md", "html")
    }
    folder = Path(request.folder) if request.folder else Path(project.root) / "briefs"
    folder = folder if folder.is_absolute() else Path(project.root) / folder
    written, unchanged = write_outputs(outputs, folder)
    return {
        "folder": str(folder),
        "files": [str(folder / name) for name in sorted(outputs)],
        "written": sorted(written),
        "unchanged": sorted(unchanged),
    }
