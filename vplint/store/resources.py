"""Find the files vplint ships beside its code (schemas, templates, the sample canvases, the scaffold)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_dir"]

_PACKAGE = Path(__file__).resolve().parents[1]


def resource_dir(name: str) -> Path:
    """``schema``, ``templates``, ``canvases`` or ``scaffold``: inside the installed wheel, or at the top of a checkout.

    The wheel carries the top-level folders inside the package (``pyproject.toml``'s
    ``force-include``); ``scaffold`` lives in the package in both.
    """
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name
