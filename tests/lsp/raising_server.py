"""Test-only: the real ``vplint lsp`` with rules broken on purpose (production code has no such hook).

``$VPLINT_TEST_RAISE`` names the rules to break, comma-separated: a per-file rule's ``check`` or a
cross-file rule's ``check_all`` is replaced by one that raises, then the server runs as ``vplint lsp``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace

from vplint.diagnostics import Diagnostic
from vplint.model.canvas import Canvas
from vplint.rules import RULES, Context

MESSAGE = "broken on purpose by the test"


def _broken_check(canvas: Canvas, ctx: Context) -> Iterator[Diagnostic]:
    raise RuntimeError(MESSAGE)


def _broken_check_all(canvases: Sequence[Canvas], ctx: Context) -> Iterator[Diagnostic]:
    raise RuntimeError(MESSAGE)


def main() -> int:
    for code in filter(None, os.environ.get("VPLINT_TEST_RAISE", "").split(",")):
        rule = RULES[code]
        if rule.check_all is not None:
            RULES[code] = replace(rule, check_all=_broken_check_all)
        else:
            RULES[code] = replace(rule, check=_broken_check)
    from vplint.cli.main import main as vplint

    return vplint(["lsp"])


if __name__ == "__main__":
    sys.exit(main())
