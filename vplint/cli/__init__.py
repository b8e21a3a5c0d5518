"""The command line: ``main`` parses the arguments; one module per command does the rest."""

from vplint.cli.main import main

__all__ = ["main"]
