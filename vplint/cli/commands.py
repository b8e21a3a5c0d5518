"""One module per command: ``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``.

Adding a command: one module here and one line in ``COMMANDS``.  Modules import what
they need inside ``run``, so ``vplint --version`` and ``vplint check`` load only their own
dependencies.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from types import ModuleType

from vplint.cli import brief, check, explain, export, init, new, rules, schema

__all__ = ["COMMANDS", "NAMES", "Command"]

Command = Callable[[argparse.Namespace], int]

COMMANDS: tuple[ModuleType, ...] = (check, rules, explain, export, brief, init, new, schema)
NAMES = frozenset(module.NAME for module in COMMANDS)
