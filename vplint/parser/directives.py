"""What a suppression comment looks like: ``<!-- vplint-disable-next-line CODE ... -->`` and its kin in the
body, ``# vplint: disable=CODE,...`` in the front-matter, and how their codes are written.  One definition
for every place that reads or writes them: :mod:`vplint.lint.suppressions` (what they suppress),
:mod:`vplint.lint.adopt` (``--add-suppressions``) and :mod:`vplint.model.canvas`, which skips a line
holding only such a comment when it looks for where the body's text starts."""

from __future__ import annotations

import re

__all__ = ["HTML_DIRECTIVE", "YAML_DIRECTIVE", "directive_codes"]

HTML_DIRECTIVE = re.compile(r"<!--\s*vplint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
"""A suppression comment: its kind (group 1) and the codes it names (group 2)."""

YAML_DIRECTIVE = re.compile(r"^\s*#\s*vplint:\s*disable(?:\s*=\s*(.*))?$")
"""The front-matter's comment: the codes it names (group 1; None: every code)."""


def directive_codes(raw: str) -> tuple[str, ...]:
    """The codes a comment names: separated by spaces or commas."""
    return tuple(c for c in re.split(r"[\s,]+", raw.strip()) if c)
