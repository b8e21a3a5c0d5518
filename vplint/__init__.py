"""vplint: lint value proposition guidance canvases written as markdown with YAML front-matter.

The public API is small: :func:`lint_paths` checks files and folders and :func:`lint_text`
one document held in memory (a file's text or an unsaved editor buffer); both return typed
results.  :func:`parse` returns the canvas model of a text.
"""

from __future__ import annotations

# Not ``from typing import TYPE_CHECKING``: importing typing costs ~10 ms, a third of the
# ``vplint --version`` budget. Type checkers treat any name TYPE_CHECKING as true.
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "FileResult",
    "Options",
    "Result",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
    "parse",
]

if TYPE_CHECKING:
    from typing import Any

    from vplint.diagnostics import Diagnostic, Severity
    from vplint.lint import FileResult, Options, Result, lint_paths, lint_text


def parse(text: str | bytes, path: str = "<string>") -> dict[str, Any]:
    """The canvas model (the JSON that ``vplint export`` prints) of a canvas text."""
    from vplint.model.canvas import build_canvas
    from vplint.parser.document import parse_document

    return build_canvas(parse_document(text, path)).data


def __getattr__(name: str) -> Any:
    # Lazy imports keep ``vplint --version`` and ``import vplint`` fast.
    if name in ("lint_paths", "lint_text", "Options", "FileResult", "Result"):
        import vplint.lint

        return getattr(vplint.lint, name)
    if name in ("Diagnostic", "Severity"):
        from vplint import diagnostics

        return getattr(diagnostics, name)
    raise AttributeError(name)
