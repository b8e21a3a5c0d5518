"""The ``vplint.brief`` workspace command: the brief of the open canvas (its unsaved text) is the one
``vplint brief -o DIR`` writes once the text is saved."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.lsp.support import SERVER, Client, make_workspace, open_doc, published, session

pytestmark = pytest.mark.asyncio


async def _brief(client: Client, *arguments: Any) -> Any:
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="vplint.brief", arguments=list(arguments))
    )


async def test_the_brief_of_the_open_canvas_is_what_vplint_brief_writes(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "team", examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    edited = path.read_text(encoding="utf-8").replace("ACME Manufacturing", "ACME Industries")
    async with session(root) as client:
        uri = open_doc(client, path, edited)
        await published(client, uri, 1)
        result = await _brief(client, {"uri": uri, "folder": str(tmp_path / "out")})
        default = await _brief(client, uri)
    assert result["folder"] == str(tmp_path / "out")
    assert result["files"] == [str(tmp_path / "out" / "acme-cfo.html"), str(tmp_path / "out" / "acme-cfo.md")]
    assert sorted(result["written"]) == ["acme-cfo.html", "acme-cfo.md"]
    assert default["folder"] == str(root / "briefs")
    path.write_text(edited, encoding="utf-8")
    proc = subprocess.run(
        [*SERVER[:-1], "brief", "-o", str(tmp_path / "cli")], cwd=root, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    for name in ("acme-cfo.md", "acme-cfo.html"):
        ours = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert ours == (tmp_path / "cli" / name).read_text(encoding="utf-8"), name
        assert ours == (root / "briefs" / name).read_text(encoding="utf-8")
    assert "ACME Industries" in (tmp_path / "out" / "acme-cfo.md").read_text(encoding="utf-8")


async def test_a_canvas_with_errors_is_refused_unless_allowed(tmp_path: Path) -> None:
    root = make_workspace(tmp_path, examples=False)
    path = root / "canvases" / "acme-cfo.en.md"
    broken = path.read_text(encoding="utf-8").replace("Type: problem-solving", "Type: problem-solvin")
    async with session(root) as client:
        uri = open_doc(client, path, broken)
        await published(client, uri, 1)
        with pytest.raises(JsonRpcException, match="no brief: the canvas has 1 error"):
            await _brief(client, uri, str(tmp_path / "out"))
        assert not (tmp_path / "out").exists()
        result = await _brief(client, {"uri": uri, "folder": str(tmp_path / "out"), "allowErrors": True})
        assert (tmp_path / "out" / "acme-cfo.md").is_file()
        assert result["written"] == ["acme-cfo.html", "acme-cfo.md"]
        with pytest.raises(JsonRpcException, match="not an open file"):
            await _brief(client, (root / "canvases" / "huaxin-cio.zh.md").as_uri())
        with pytest.raises(JsonRpcException, match="takes"):
            await _brief(client, 1, 2, 3)
