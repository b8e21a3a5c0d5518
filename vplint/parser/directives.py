"""What a suppression comment looks like in a canvas's body: ``<!-- vplint-disable-next-line CODE ... -->`` and
its kin.  One pattern for the two places that need it: :mod:`vplint.lint.suppressions`, which reads what
the comments suppress, and :mod:`vplint.model.canvas`, which skips a line holding only such a comment when
it looks for where the body's text starts."""

from __future__ import annotations

import re

__all__ = ["HTML_DIRECTIVE"]

HTML_DIRECTIVE = re.compile(r"<!--\s*vplint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->")
"""A suppression comment: its kind (group 1) and the codes it names (group 2)."""
