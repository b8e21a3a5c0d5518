"""A real editor: headless Neovim 0.7 starts ``vplint lsp`` (vim.lsp.start_client, the 0.7 API), shows the
diagnostic of a canvas with a defect at its line, clears it when the line is fixed, and shows the next one.

Without Neovim the test is skipped, except under CI (``CI=true``), where ``.ci/run`` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.lsp.support import SERVER, make_workspace

SCRIPT = Path(__file__).with_name("neovim_session.lua")


def _nvim() -> str:
    found = shutil.which("nvim")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("nvim is missing: .ci/run installs Debian's neovim before the tests")
    pytest.skip("nvim is not installed (apt-get install neovim); CI installs it and runs this test")


@pytest.mark.slow
def test_neovim_shows_and_refreshes_the_diagnostics(tmp_path: Path) -> None:
    nvim = _nvim()
    root = make_workspace(tmp_path / "team", examples=False)
    canvas = root / "canvases" / "acme-cfo.en.md"
    text = canvas.read_text(encoding="utf-8")
    canvas.write_text(text.replace("- Type: problem-solving", "- Type: problem-solvin"), encoding="utf-8")
    out = tmp_path / "seen.json"
    env = {
        **os.environ,
        "VPLINT_NVIM_CANVAS": str(canvas),
        "VPLINT_NVIM_ROOT": str(root),
        "VPLINT_NVIM_OUT": str(out),
        "VPLINT_NVIM_CMD": json.dumps(SERVER),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no user configuration, no plugins
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {SCRIPT}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert out.is_file(), f"nvim wrote nothing (exit {proc.returncode}): {proc.stdout}{proc.stderr}"
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["ok"], seen.get("error")
    lines = text.split("\n")
    type_line = lines.index("- Type: problem-solving")
    assert seen["opened"]
    (first,) = seen["on_open"]
    assert (first["lnum"], first["col"], first["code"], first["source"]) == (type_line, 8, "S002", "vplint")
    assert first["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert first["message"] == "'problem-solvin' is not a known problem type; did you mean 'problem-solving'?"
    assert seen["cleared"]
    assert seen["after_fix"] in ([], {})  # json_encode writes an empty Lua table as []
    assert seen["broken_again"]
    (again,) = seen["after_edit"]
    assert (again["lnum"], again["code"]) == (seen["edited_line"], "S002")
    assert again["lnum"] == lines.index("- Continuity: discontinuous")
    print(f"neovim {seen['nvim']}: diagnostics {seen['clear_ms']:.0f} ms and {seen['again_ms']:.0f} ms after an edit")
