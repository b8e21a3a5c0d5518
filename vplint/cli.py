"""The command line: argument parsing only; the work is done by the library."""

from __future__ import annotations

import sys

from . import __version__

# argparse and collections.abc are imported only when needed: ``vplint --version`` has a 30 ms budget.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    import argparse

    from .commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="vplint",
        description="Lint value proposition guidance canvases (markdown + YAML front-matter).",
    )
    parser.add_argument("--version", action="version", version=f"vplint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):  # the fast path: no parser, no imports
        print(f"vplint {__version__}")
        return 0
    parser = _parser()
    args = parser.parse_args(args_list)
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
