"""Reporters: each module formats a check result in one output format.

Every format is one module with one function, ``write(result, out, err, lang=None)``:
``out`` receives the report, ``err`` messages about paths that are missing or cannot be
read; ``lang`` forces the language of the text the reporter adds (summaries, rule
descriptions), while each finding keeps the language it was rendered in.

``FORMATS`` is the registry ``vplint check --output-format`` chooses from.  A format's
module is imported only when the format is used, so building the command line stays cheap.
Adding a format: one module here and one line in ``FORMATS``.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO, cast

if TYPE_CHECKING:
    from vplint.lint.result import Result

__all__ = ["ENV_VAR", "FORMATS", "Format", "Writer", "choose_format", "default_format"]

ENV_VAR = "VPLINT_OUTPUT_FORMAT"


class Writer(Protocol):
    def __call__(self, result: Result, out: TextIO, err: TextIO, lang: str | None = None) -> None: ...


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    """The module in :mod:`vplint.report` that writes it."""
    machine: bool
    """Read by programs: stdout carries the report and nothing else (no summary, no fix counts)."""
    description: str

    @property
    def write(self) -> Writer:
        module = importlib.import_module(f"{__name__}.{self.module}")
        return cast("Writer", module.write)

    @property
    def write_quiet(self) -> Writer:
        """``write`` without the closing summary (``--quiet``): the findings and nothing else.  The
        machine-readable formats have no summary, so theirs is ``write``."""
        module = importlib.import_module(f"{__name__}.{self.module}")
        if self.machine:
            return cast("Writer", module.write)
        return cast("Writer", functools.partial(module.write, summary=False))


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("full", "full", False, "each finding with its source line and a caret (default on a terminal)"),
        Format("concise", "concise", False, "path:line:col: CODE message, one a line (default otherwise)"),
        Format("json", "json_format", True, "a JSON object with every finding (docs/output-formats.md)"),
        Format("github", "github", True, "GitHub Actions workflow-command annotations"),
        Format("sarif", "sarif", True, "SARIF 2.1.0 (GitHub code scanning and other SARIF viewers)"),
        Format("junit", "junit", True, "JUnit XML, one test case per canvas"),
        Format("gitlab", "gitlab", True, "GitLab Code Quality report"),
    )
}


def default_format(stdout: TextIO, environ: Mapping[str, str] | None = None) -> str:
    """``full`` when stdout is a terminal, else ``concise``.

    pre-commit runs hooks on a pseudo-terminal (to keep their colours) and says so in
    ``$PRE_COMMIT``; some CI runners allocate one too and set ``$CI``: both get ``concise``,
    the one-line form their logs and problem matchers expect.
    """
    env = os.environ if environ is None else environ
    if env.get("PRE_COMMIT") or env.get("CI", "").lower() not in ("", "0", "false"):
        return "concise"
    try:
        return "full" if stdout.isatty() else "concise"
    except (AttributeError, ValueError, OSError):  # a closed or unusual stream
        return "concise"


def choose_format(option: str | None, stdout: TextIO, environ: Mapping[str, str] | None = None) -> Format:
    """The format named by ``--output-format``, else by ``$VPLINT_OUTPUT_FORMAT``, else the default.

    Raises :class:`ValueError` with a message for the user when the name is unknown.
    """
    env = os.environ if environ is None else environ
    name, source = option, "--output-format"
    if not name:
        name, source = env.get(ENV_VAR, "").strip(), ENV_VAR
    if not name:
        return FORMATS[default_format(stdout, env)]
    fmt = FORMATS.get(name.lower())
    if fmt is None:
        raise ValueError(f"{source}: unknown output format {name!r} (choose from {', '.join(FORMATS)})")
    return fmt
