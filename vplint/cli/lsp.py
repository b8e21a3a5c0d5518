"""``vplint lsp``: the language server, speaking LSP over stdin and stdout (see docs/editors.md).

pygls is imported here only when the command runs: ``vplint check`` never loads it, and vplint
installed without the ``lsp`` extra says what to install instead of failing with a traceback.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio",
        action="store_true",
        help="speak LSP over stdin and stdout (the only transport, and the default; accepted because clients pass it)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        from vplint.lsp.server import serve
    except ImportError as exc:
        print(
            f"vplint: error: 'vplint lsp' needs pygls ({exc}); install it with: pip install 'vplint[lsp]'",
            file=sys.stderr,
        )
        return 2
    serve()
    return 0
