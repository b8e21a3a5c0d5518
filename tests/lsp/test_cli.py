"""``vplint lsp`` on the command line: only it imports pygls, and without pygls it says what to install."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.integration.test_cli import _modules_after

_LSP_MODULES = {"pygls", "lsprotocol", "cattrs", "vplint.lsp", "vplint.lsp.server"}


def test_checking_never_imports_the_language_server() -> None:
    added = _modules_after("from vplint.cli.main import main; main(['check', '--no-cache', 'canvases'])")
    assert "vplint.lint.pipeline" in added
    assert not added & _LSP_MODULES, added & _LSP_MODULES
    assert "vplint.cli.lsp" not in added


def test_the_full_help_lists_lsp_without_importing_pygls() -> None:
    added = _modules_after(
        "from vplint.cli.main import _parser; text = _parser().format_help(); assert ' lsp ' in text"
    )
    assert "vplint.cli.lsp" in added  # the full parser configures every command
    assert not added & _LSP_MODULES, added & _LSP_MODULES


def test_without_pygls_the_command_says_what_to_install() -> None:
    script = "import sys; sys.modules['pygls'] = None; from vplint.cli.main import main; sys.exit(main(['lsp']))"
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 2
    assert "pip install 'vplint[lsp]'" in proc.stderr
    assert proc.stdout == ""  # stdout is the protocol's: nothing else is ever written there


def test_stdio_is_accepted() -> None:
    from vplint.cli.main import _parser

    args = _parser("lsp").parse_args(["lsp", "--stdio"])
    assert args.stdio is True
