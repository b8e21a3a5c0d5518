"""The command line: argument parsing only; the work is done by the library."""

from __future__ import annotations

import os
import sys

from vplint import __version__

# argparse and collections.abc are imported only when needed: ``vplint --version`` has a 30 ms budget.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = ["main"]


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, the options of that one command are the only ones configured.

    Configuring every command's options costs a few milliseconds a rep waits for on each commit;
    ``vplint check ...`` needs only ``check``'s.  Every command is still listed, so help and
    "invalid choice" errors read the same.
    """
    import argparse

    from vplint.cli.commands import COMMANDS, load

    formatter = _formatter_class()
    parser = argparse.ArgumentParser(
        prog="vplint",
        description="Lint value proposition guidance canvases (markdown + YAML front-matter).",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"vplint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS:
        command = sub.add_parser(name, help=help_text, description=help_text, formatter_class=formatter)
        if only is None or only == name:
            module = load(name)
            module.configure(command)
            command.set_defaults(run=module.run)
    parser.set_defaults(commands=sub.choices)
    return parser


def _formatter_class() -> type[argparse.HelpFormatter]:
    import argparse

    class HelpFormatter(argparse.HelpFormatter):
        """argparse's formatter, given the terminal width so that it does not import shutil for it.

        (shutil imports zlib, bz2 and lzma: ~5 ms of every run, as argparse makes a formatter for
        each option it adds.)  The width is found as ``shutil.get_terminal_size`` finds it.
        """

        def __init__(
            self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
        ) -> None:
            if width is None:
                width = _terminal_columns() - 2
            super().__init__(prog, indent_increment, max_help_position, width)

    return HelpFormatter


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):  # the fast path: no parser, no imports
        print(f"vplint {__version__}")
        return 0
    first = next((a for a in args_list if not a.startswith("-")), None)
    from vplint.cli.commands import NAMES

    parser = _parser(first if first in NAMES else None)
    args, unknown = parser.parse_known_args(args_list)
    if unknown:  # told with the usage of the command they were given to, not the top-level one
        command = getattr(args, "commands", {}).get(getattr(args, "command", None), parser)
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    try:
        result: int = run(args)
        return result
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
