"""lint/discovery.py on its own: which files a run checks."""

from __future__ import annotations

import os
from pathlib import Path

from vplint.config.loader import ConfigLoader
from vplint.lint.discovery import discover


def _touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", encoding="utf-8")


def _names(files: list[str], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_folders_are_walked_in_order_skipping_what_is_never_a_canvas(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "b/two.md",
        "a/one.md",
        "a/notes.txt",
        "a/README.md",
        "CHANGELOG.md",
        ".hidden/x.md",
        "node_modules/pkg/x.md",
        ".venv/x.md",
        "a/.draft.md",
        "c/three.markdown",
    )
    files, missing = discover([str(tmp_path)], ConfigLoader(isolated=True))
    assert _names(files, tmp_path) == ["a/one.md", "b/two.md", "c/three.markdown"]
    assert missing == []


def test_named_files_and_missing_paths(tmp_path: Path) -> None:
    _touch(tmp_path, "one.md", "README.md")
    one = str(tmp_path / "one.md")
    files, missing = discover([one, f"{tmp_path}/./one.md", str(tmp_path / "README.md"), "nope.md"], ConfigLoader())
    assert files == [one]  # one file named two ways is one file; README.md is never a canvas
    assert missing == ["nope.md"]


def test_the_configuration_excludes_and_includes(tmp_path: Path) -> None:
    _touch(tmp_path, "keep/a.md", "drafts/b.md", "keep/c.canvas.md")
    (tmp_path / "vplint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    files, _ = discover([str(tmp_path)], ConfigLoader())
    assert _names(files, tmp_path) == ["keep/a.md", "keep/c.canvas.md"]
    (tmp_path / "vplint.toml").write_text('include = ["*.canvas.md"]\n', encoding="utf-8")
    files, _ = discover([str(tmp_path)], ConfigLoader())
    assert _names(files, tmp_path) == ["keep/c.canvas.md"]
    named, _ = discover([str(tmp_path / "keep" / "a.md")], ConfigLoader())
    assert named == []  # include is set, and a.md does not match it


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path, "real/a.md")
    os.symlink(tmp_path / "real", tmp_path / "link")
    os.symlink(tmp_path, tmp_path / "real" / "loop")
    files, _ = discover([str(tmp_path)], ConfigLoader(isolated=True))
    assert _names(files, tmp_path) == ["real/a.md"]
