"""Checking canvases: one pipeline that the command line, editors and reports share.

- :func:`lint_text` checks one document held in memory (a file's text or an unsaved editor buffer);
- :func:`lint_paths` checks files and folders: discovery, worker processes, the result cache,
  cross-file rules, then selection and suppressions.

Both return typed results (:mod:`vplint.lint.result`) that carry the source lines reporters need.
The names are imported lazily, so importing one module of this package does not load the others.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from vplint.lint.options import Options
    from vplint.lint.pipeline import lint_text
    from vplint.lint.result import FileResult, Result
    from vplint.lint.runner import lint_paths

__all__ = ["FileResult", "Options", "Result", "lint_paths", "lint_text"]

_HOMES = {
    "lint_text": "pipeline",
    "lint_paths": "runner",
    "FileResult": "result",
    "Result": "result",
    "Options": "options",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"vplint.lint.{home}"), name)
