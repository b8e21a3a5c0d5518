"""lint/discovery.py on its own: which files a run checks."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from vplint.config.loader import ConfigLoader
from vplint.lint.discovery import discover
from vplint.lint.options import Options
from vplint.lint.result import PathProblem
from vplint.lint.runner import lint_paths


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
    files, missing, _ = discover([str(tmp_path)], ConfigLoader(isolated=True))
    assert _names(files, tmp_path) == ["a/one.md", "b/two.md", "c/three.markdown"]
    assert missing == []


def test_named_files_and_missing_paths(tmp_path: Path) -> None:
    _touch(tmp_path, "one.md", "README.md")
    one = str(tmp_path / "one.md")
    files, missing, _ = discover([one, f"{tmp_path}/./one.md", str(tmp_path / "README.md"), "nope.md"], ConfigLoader())
    assert files == [one]  # one file named two ways is one file; README.md is never a canvas
    assert missing == ["nope.md"]


def test_the_configuration_excludes_and_includes(tmp_path: Path) -> None:
    _touch(tmp_path, "keep/a.md", "drafts/b.md", "keep/c.canvas.md")
    (tmp_path / "vplint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    files, _, _ = discover([str(tmp_path)], ConfigLoader())
    assert _names(files, tmp_path) == ["keep/a.md", "keep/c.canvas.md"]
    (tmp_path / "vplint.toml").write_text('include = ["*.canvas.md"]\n', encoding="utf-8")
    files, _, _ = discover([str(tmp_path)], ConfigLoader())
    assert _names(files, tmp_path) == ["keep/c.canvas.md"]
    named, _, _ = discover([str(tmp_path / "keep" / "a.md")], ConfigLoader())
    assert named == []  # include is set, and a.md does not match it


def test_a_linked_folder_is_not_followed(tmp_path: Path) -> None:
    _touch(tmp_path, "real/a.md")
    os.symlink(tmp_path / "real", tmp_path / "link")
    os.symlink(tmp_path, tmp_path / "real" / "loop")
    files, _, _ = discover([str(tmp_path)], ConfigLoader(isolated=True))
    assert _names(files, tmp_path) == ["real/a.md"]


# --- paths that cannot be looked at (issue #12, items 4 and 5) -----------------------------------------


def refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, *names: str) -> None:
    """Make ``os.NAME`` raise PermissionError for ``folder`` and every path under it, as the system does for
    a folder without read (``scandir``) or search (``stat``, ``open``, ...) permission.  Works as root too,
    where ``chmod 000`` stops nothing."""
    top = os.path.abspath(folder)
    for name in names:
        real = getattr(os, name)

        def refused(path: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if not isinstance(path, int):
                where = os.path.abspath(os.fsdecode(os.fspath(path)))
                if where == top or where.startswith(top + os.sep):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, refused)


def test_a_folder_that_cannot_be_listed_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: os.walk skipped a folder it could not list in silence, and the run said 'All clean'."""
    _touch(tmp_path, "tree/a.md", "tree/sub/b.md", "tree/zz/c.md")
    refuse(monkeypatch, tmp_path / "tree" / "sub", "scandir")
    found = discover([str(tmp_path / "tree")], ConfigLoader(isolated=True))
    files, missing, unreadable = found
    assert _names(files, tmp_path) == ["tree/a.md", "tree/zz/c.md"]  # the other folders are walked
    assert missing == []
    assert unreadable == [PathProblem(str(tmp_path / "tree" / "sub"), os.strerror(errno.EACCES))]
    result = lint_paths([str(tmp_path / "tree")], Options(cache=False, jobs=1, isolated=True))
    assert [f.path for f in result.files] == files
    assert result.unreadable == unreadable  # the library says so too, and the run fails
    assert result.exit_code == 2


def test_a_named_folder_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch(tmp_path, "tree/a.md")
    refuse(monkeypatch, tmp_path / "tree", "scandir")
    found = discover([str(tmp_path / "tree")], ConfigLoader(isolated=True))
    assert (found.files, found.missing) == ([], [])
    assert [p.path for p in found.unreadable] == [str(tmp_path / "tree")]


def test_a_file_under_a_folder_without_search_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: Path.is_dir() raised PermissionError out of discover (Python 3.11 swallows only a few errors)."""
    _touch(tmp_path, "ok.md", "dir/x.md")
    refuse(monkeypatch, tmp_path / "dir", "stat")
    named = [str(tmp_path / "dir" / "x.md"), str(tmp_path / "ok.md"), str(tmp_path / "nope.md")]
    found = discover(named, ConfigLoader(isolated=True))
    assert found.files == [str(tmp_path / "ok.md")]
    assert found.missing == [str(tmp_path / "nope.md")]
    assert found.unreadable == [PathProblem(named[0], os.strerror(errno.EACCES))]


@pytest.mark.parametrize("kind", ["name-over-255-bytes", "path-over-PATH_MAX"])
def test_a_path_too_long_is_unreadable_not_missing(kind: str, tmp_path: Path) -> None:
    """Regression: OSError 'File name too long' came out of discover.  Real errors: no permissions needed."""
    long = "x" * 300 + ".md" if kind == "name-over-255-bytes" else "/".join(["y" * 200] * 25) + ".md"
    path = str(tmp_path / long)
    found = discover([path, str(tmp_path / long / "under.md")], ConfigLoader(isolated=True))
    assert (found.files, found.missing) == ([], [])
    assert found.unreadable == [
        PathProblem(path, os.strerror(errno.ENAMETOOLONG)),
        PathProblem(str(tmp_path / long / "under.md"), os.strerror(errno.ENAMETOOLONG)),
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 folder")
def test_chmod_000_folders(tmp_path: Path) -> None:
    """The same as the injected errors above, with real permissions: a folder that cannot be listed, and one
    that cannot be searched."""
    _touch(tmp_path, "tree/a.md", "tree/sub/b.md", "dir/x.md")
    for folder in (tmp_path / "tree" / "sub", tmp_path / "dir"):
        folder.chmod(0)
    try:
        found = discover([str(tmp_path / "tree"), str(tmp_path / "dir" / "x.md")], ConfigLoader(isolated=True))
    finally:
        for folder in (tmp_path / "tree" / "sub", tmp_path / "dir"):
            folder.chmod(0o755)
    assert _names(found.files, tmp_path) == ["tree/a.md"]
    assert found.unreadable == [
        PathProblem(str(tmp_path / "tree" / "sub"), os.strerror(errno.EACCES)),
        PathProblem(str(tmp_path / "dir" / "x.md"), os.strerror(errno.EACCES)),
    ]


def test_links_that_lead_nowhere_are_still_files_to_check(tmp_path: Path) -> None:
    """A broken link and a link loop named on the command line stay files (the check reports them), not problems."""
    os.symlink("nowhere.md", tmp_path / "broken.md")
    os.symlink("loop.md", tmp_path / "loop.md")
    named = [str(tmp_path / "broken.md"), str(tmp_path / "loop.md"), str(tmp_path / "broken.md" / "x.md")]
    found = discover(named, ConfigLoader(isolated=True))
    assert found.files == named[:2]
    assert found.missing == named[2:]
    assert found.unreadable == []
