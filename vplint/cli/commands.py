"""The registry of commands: their names and one-line help, and the module that implements each.

A command is one module in this package with ``configure(parser)`` and ``run(args) -> int``.
Adding a command: the module and one line in ``COMMANDS``.  A command's module is imported
only when that command runs (or when the full help is printed), so ``vplint check`` does not
pay for the imports of ``vplint brief``; modules also import what they need inside ``run``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["COMMANDS", "NAMES", "load"]

COMMANDS: tuple[tuple[str, str], ...] = (
    ("check", "check canvases and report findings"),
    ("rules", "list every rule"),
    ("explain", "explain a rule: rationale, failing and passing example"),
    ("export", "print the canvas model of a file as JSON"),
    ("brief", "write a meeting brief for each canvas (Markdown and HTML)"),
    ("init", "set up a team repository: an example canvas, vplint.toml, pre-commit and CI files, templates/"),
    ("new", "write a new canvas skeleton: every section, prompts in the fields"),
    (
        "schema",
        "print the JSON schema of the canvas model, of the front-matter (for editors) or of the configuration",
    ),
    ("report", "write the team view: a static site (accounts, owners, briefs, trends) or its data as JSON or CSV"),
    ("completion", "print a shell completion script for bash, zsh or fish"),
    ("lsp", "run the language server (LSP over stdio) for editors: findings as you type, fixes, navigation"),
)
"""(name, help) of each command, in the order ``vplint --help`` lists them."""

NAMES = frozenset(name for name, _ in COMMANDS)


def load(name: str) -> ModuleType:
    """The module that implements command ``name``."""
    return importlib.import_module(f"vplint.cli.{name}")
