"""The bad-input matrix, second half: what ``tests/integration/test_bad_input.py`` does not already cover.

* A file that disappears or becomes unreadable *during* a run, made deterministic by letting
  the real file discovery run and then deleting the file (or putting a folder, a named pipe or
  a link loop in its place) before vplint reads it: in the plain path, the worker-pool path and
  the cached path of ``vplint check``, and in ``vplint brief``.
* Nothing written, by every command, on bad input: ``check`` (with ``--no-cache`` nothing at
  all; with the cache only ``.vplint_cache/``, by design), ``check --fix``, ``check --diff``,
  ``export``, ``brief`` and ``brief --check``; ``brief --allow-errors`` writes an incomplete brief
  in DIR only for a file that parses as a canvas at all.
* Bounded memory for the largest inputs through ``check``, ``brief`` and ``export`` (the peak
  resident size of the process is measured; no timing assertions).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import vplint.lint.discovery
import vplint.lint.fix
import vplint.lint.runner
from tests.conftest import ROOT
from tests.integration.test_bad_input import CASES, EN, FILE_LEVEL, ZH, Case, _bomb, _deep_yaml
from tests.unit.test_discovery import refuse
from vplint.cli.main import main
from vplint.parser.document import MAX_BYTES

TODAY = "2026-11-27"
_EN_BODY = EN[EN.index("\n# ") + 1 :]


@pytest.fixture(autouse=True)
def _isolated_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every command runs in ``tmp_path`` with the samples' date pinned and English messages."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VPLINT_TODAY", TODAY)
    monkeypatch.setenv("VPLINT_LANG", "en")
    monkeypatch.delenv("VPLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("VPLINT_CACHE_DIR", raising=False)


# --- the state of a folder tree ---------------------------------------------------------------------


def tree(root: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry under ``root`` (hidden ones and links included, links not followed): kind, bytes, time."""
    out: dict[str, tuple[Any, ...]] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            st = path.lstat()
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir",)
            elif path.is_file():
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_mode)
            else:
                out[rel] = ("other", st.st_mode)
    return out


def added(before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]) -> list[str]:
    """What appeared; fails if anything that was there changed or went away."""
    for rel, state in before.items():
        assert after.get(rel) == state, f"{rel} changed: {state} -> {after.get(rel)}"
    return sorted(set(after) - set(before))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``vplint ARGV`` in this process: an exception out of vplint fails the test (it would be a traceback)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- bad input: no command writes anything ------------------------------------------------------------

_BY_ID: dict[str, Case] = {str(p.id): p.values[0] for p in CASES if isinstance(p.values[0], Case)}
_MATRIX = [
    "png-header",
    "nul-bytes-only",
    "nul-in-text",
    "invalid-utf8-body",
    "utf16-le-bom",
    "utf32-le-bom",
    "empty",
    "bom-only",
    "front-matter-only",
    "body-only",
    "unclosed-front-matter",
    "front-matter-list",
    "yaml-tab-indent",
    "yaml-control-char",
    "duplicate-key",
]
_EXTRA: dict[str, Case] = {
    "billion-laughs": Case(_bomb().encode("utf-8"), "F004"),
    "deep-flow-yaml": Case(("---\n" + _deep_yaml("flow-seq") + "\n---\n" + _EN_BODY).encode("utf-8"), "F004"),
    "over-the-size-limit": Case(EN.encode("utf-8") + b" " * (MAX_BYTES + 1 - len(EN.encode("utf-8"))), "F009"),
}
BAD: dict[str, Case] = {name: _BY_ID[name] for name in _MATRIX} | _EXTRA


def _expected_line(path: Path, case: Case) -> re.Pattern[str]:
    """The finding as ``vplint check`` prints it: ``path:line:col: CODE``."""
    code = "F00[34]" if case.code in ("F003", "F004") else case.code  # too deep: libyaml or vplint says so
    return re.compile(rf"^{re.escape(str(path))}:\d+:\d+: {code} ", re.M)


@pytest.mark.parametrize("name", sorted(BAD))
def test_no_command_writes_anything_on_bad_input(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = BAD[name]
    path = tmp_path / "canvas.md"
    path.write_bytes(case.data)
    before = tree(tmp_path)
    found = _expected_line(path, case)

    # check, without the cache: a finding with a location, exit 1, nothing written at all
    code, out, err = run(capsys, "check", "--no-cache", "--output-format", "concise", str(path))
    assert (code, err) == (1, "")
    assert found.search(out), out
    assert added(before, tree(tmp_path)) == []

    # --fix never rewrites a file with F findings (and reports what remains); --diff has nothing to show
    code, out, err = run(capsys, "check", "--no-cache", "--fix", "--output-format", "concise", str(path))
    assert code == 1
    assert found.search(out), out
    code, out, err = run(capsys, "check", "--no-cache", "--diff", str(path))
    assert (code, out) == (0, "")
    assert added(before, tree(tmp_path)) == []

    # export: the F findings on stderr and exit 1 (F001/F006/F009: no model at all); else the model
    code, out, err = run(capsys, "export", str(path))
    if case.code is not None and case.code.startswith("F"):
        assert code == 1
        assert found.search(err), err
    else:
        assert code == 0
        assert json.loads(out)
    if case.code in FILE_LEVEL:
        assert out == ""
    assert added(before, tree(tmp_path)) == []

    # brief: no brief for a canvas with errors, and the output folder is not even created
    code, out, err = run(capsys, "brief", str(path), "-o", "out", "--isolated")
    assert code == 1
    assert "no brief" in err
    code, out, err = run(capsys, "brief", str(path), "-o", "out", "--isolated", "--check")
    assert code == 1
    assert added(before, tree(tmp_path)) == []

    # brief --allow-errors: an incomplete brief in DIR, unless the file is not a canvas at all
    code, out, err = run(capsys, "brief", str(path), "-o", "out", "--isolated", "--allow-errors")
    new = added(before, tree(tmp_path))
    if case.code in FILE_LEVEL:
        assert code == 1
        assert "could not be read as a canvas" in err
        assert new == []
    else:
        assert code == 0, err
        assert "incomplete brief" in err
        assert new[0] == "out"
        assert [Path(p).parent.as_posix() for p in new[1:]] == ["out", "out"]

    # check with the result cache (the default): only the cache folder appears, by design
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
    code, out, err = run(capsys, "check", "--output-format", "concise", str(path))
    assert (code, err) == (1, "")
    assert found.search(out), out
    new = added(before, tree(tmp_path))
    assert new, "the cache was not written"
    assert all(p == ".vplint_cache" or p.startswith(".vplint_cache/") for p in new), new


def test_a_folder_of_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """All the bad inputs at once: each reported where it is, none written, exit 1."""
    folder = tmp_path / "canvases"
    folder.mkdir()
    for name, case in BAD.items():
        (folder / f"{name}.md").write_bytes(case.data)
    (folder / "good.md").write_text(ZH, encoding="utf-8")
    before = tree(tmp_path)
    code, out, err = run(capsys, "check", "--no-cache", "--output-format", "concise", "canvases")
    assert (code, err) == (1, "")
    for name, case in BAD.items():
        assert _expected_line(Path("canvases") / f"{name}.md", case).search(out), name
    assert "canvases/good.md:" not in out
    code, out, err = run(capsys, "brief", "canvases", "-o", "briefs", "--isolated")
    assert code == 1
    assert added(before, tree(tmp_path)) == ["briefs", "briefs/huaxin-cio.html", "briefs/huaxin-cio.md"]


# --- a file that disappears or becomes unreadable during the run ---------------------------------------


def _pipe(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    os.mkfifo(path)


def _loop(path: Path) -> None:
    os.symlink(path.name, path)


def _unreadable(path: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file")
    path.chmod(0)


HAPPENINGS: dict[str, Callable[[Path], None]] = {
    "deleted": lambda p: None,
    "replaced-by-a-folder": lambda p: p.mkdir(),
    "replaced-by-a-named-pipe": _pipe,
    "replaced-by-a-link-loop": _loop,
}
"""What happens to the file between discovery and reading (after it is deleted)."""


@pytest.fixture
def after_discovery(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[], None]], None]:
    """Run an action right after the real file discovery, wherever vplint calls it from."""

    def install(action: Callable[[], None]) -> None:
        original = vplint.lint.discovery.discover

        def discover(*args: Any, **kwargs: Any) -> Any:
            found = original(*args, **kwargs)
            action()
            return found

        for name, module in list(sys.modules.items()):
            if (name == "vplint" or name.startswith("vplint.")) and getattr(module, "discover", None) is original:
                monkeypatch.setattr(module, "discover", discover)

    return install


def _canvases(folder: Path, n: int) -> Path:
    """``n`` clean canvases with distinct ids and decision-makers, and the victim, ``victim.md``."""
    folder.mkdir()
    for i in range(n):
        text = EN.replace("id: acme-cfo", f"id: acme-cfo-{i}").replace(
            "title: Chief Financial Officer", f"title: Chief Financial Officer {i}"
        )
        (folder / f"c{i:03d}.md").write_text(text, encoding="utf-8")
    victim = folder / "victim.md"
    victim.write_text(ZH, encoding="utf-8")
    return victim


_MODES = {
    "plain": ("--no-cache", "--jobs", "1"),
    "worker-pool": ("--no-cache", "--jobs", "2"),
    "cached": (),
}


@pytest.mark.parametrize("happening", sorted(HAPPENINGS))
@pytest.mark.parametrize("mode", sorted(_MODES))
def test_check_when_a_file_goes_away_during_the_run(
    happening: str,
    mode: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    after_discovery: Callable[[Callable[[], None]], None],
) -> None:
    from vplint.lint.runner import PARALLEL_MIN_FILES

    victim = _canvases(tmp_path / "canvases", PARALLEL_MIN_FILES if mode == "worker-pool" else 2)
    if mode == "cached":  # a first run fills the cache (and stores the run's output)
        assert run(capsys, "check", "canvases")[0] == 0

    def vanish() -> None:
        victim.unlink()
        HAPPENINGS[happening](victim)

    after_discovery(vanish)
    code, out, err = run(capsys, "check", "--output-format", "concise", *_MODES[mode], "canvases")
    assert code == 2, out + err
    assert "canvases/victim.md" in err
    assert "All clean" not in out
    assert not re.search(r"^canvases/c\d+\.md:", out, re.M)  # the others are checked as usual


@pytest.fixture
def no_blocking_open_of_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a named pipe for reading without O_NONBLOCK waits for a writer forever: make it fail at once."""
    import builtins
    import io
    import stat

    real_open = builtins.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        opener = kwargs.get("opener", args[5] if len(args) > 5 else None)
        if isinstance(file, str | bytes | os.PathLike) and "r" in mode and opener is None:
            try:
                is_pipe = stat.S_ISFIFO(os.stat(file).st_mode)
            except OSError:
                is_pipe = False
            if is_pipe:
                raise AssertionError(f"vplint opened the named pipe {file!r} for reading: it would wait forever")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.usefixtures("no_blocking_open_of_a_pipe")
def test_a_cached_file_replaced_by_a_named_pipe_does_not_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = _canvases(tmp_path / "canvases", 1)
    assert run(capsys, "check", "canvases")[0] == 0
    victim.unlink()
    os.mkfifo(victim)
    code, out, err = run(capsys, "check", "--output-format", "concise", "canvases")
    assert code == 2, out + err
    assert "canvases/victim.md" in err


@pytest.mark.parametrize("happening", ["deleted", "unreadable"])
def test_brief_when_a_file_goes_away_during_the_run(
    happening: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    after_discovery: Callable[[Callable[[], None]], None],
) -> None:
    victim = _canvases(tmp_path / "canvases", 1)
    after_discovery(victim.unlink if happening == "deleted" else lambda: _unreadable(victim))
    code, out, err = run(capsys, "brief", "canvases", "-o", "briefs", "--isolated")
    assert code == 2, out + err
    assert "canvases/victim.md" in err
    assert sorted(os.listdir(tmp_path / "briefs")) == ["acme-cfo-0.html", "acme-cfo-0.md"]


@pytest.mark.parametrize(
    "happening",
    [
        "deleted-before-the-rewrite",
        "disk-full-at-the-rename",
        pytest.param(
            "replaced-by-a-named-pipe",
        ),
    ],
)
@pytest.mark.usefixtures("no_blocking_open_of_a_pipe")
def test_fix_when_the_file_goes_away_before_the_rewrite(
    happening: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (found by these tests, fixed): the rewrite raised OSError straight out of main."""
    path = tmp_path / "canvas.md"
    original = EN.replace("- Type: problem-solving", "- Type: Problem Solving")
    path.write_text(original, encoding="utf-8")
    if happening == "disk-full-at-the-rename":

        def replace(src: Any, dst: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", replace)
    else:
        real_fix_file = vplint.lint.fix.fix_file

        def fix_file(target: str, diagnostics: Any) -> Any:
            Path(target).unlink()
            if happening == "replaced-by-a-named-pipe":
                _pipe(Path(target))
            return real_fix_file(target, diagnostics)

        monkeypatch.setattr(vplint.lint.fix, "fix_file", fix_file)
    code = main(["check", "--no-cache", "--fix", str(path)])
    _, err = capsys.readouterr()
    assert code == 2
    assert str(path) in err
    if path.is_file():
        assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".vplint-")] == []


@pytest.fixture
def after_check(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[], None]], None]:
    """Run an action right after the files are checked (``lint_paths`` returns), before a command uses the result."""

    def install(action: Callable[[], None]) -> None:
        original = vplint.lint.runner.lint_paths

        def lint_paths(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            action()
            return result

        monkeypatch.setattr(vplint.lint.runner, "lint_paths", lint_paths)

    return install


@pytest.mark.parametrize("happening", ["deleted", "replaced-by-a-link-loop"])
def test_brief_when_a_file_goes_away_after_it_is_checked(
    happening: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    after_check: Callable[[Callable[[], None]], None],
) -> None:
    """Regression (issue #12, 4c): ``Path.resolve()`` of a canvas replaced by a link loop raised
    ``RuntimeError: Symlink loop`` (``OSError`` from Python 3.13) out of ``vplint brief``; a deleted one was briefed."""
    victim = _canvases(tmp_path / "canvases", 1)

    def vanish() -> None:
        victim.unlink()
        HAPPENINGS[happening](victim)

    after_check(vanish)
    code, out, err = run(capsys, "brief", "canvases", "-o", "briefs", "--isolated")
    assert code == 2, out + err
    reason = os.strerror(errno.ENOENT if happening == "deleted" else errno.ELOOP)
    # in the canvas's language (Chinese), as for any file that cannot be read
    assert err == f"vplint: canvases/victim.md：无法读取：{reason}\n"
    assert sorted(os.listdir(tmp_path / "briefs")) == ["acme-cfo-0.html", "acme-cfo-0.md"]  # the others are briefed


# --- paths that cannot be looked at: no permission, a name too long (issue #12, items 4 and 5) ----------

_EACCES = os.strerror(errno.EACCES)
_TOO_LONG = os.strerror(errno.ENAMETOOLONG)


def _no_traceback_run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code, out, err = run(capsys, *argv)
    assert "Traceback" not in out + err
    return code, out, err


def _unlistable_tree(root: Path) -> Path:
    """``tree/a.md``, a clean canvas, and ``tree/sub/`` with another one; returns ``tree/sub``."""
    (root / "tree" / "sub").mkdir(parents=True)
    (root / "tree" / "a.md").write_text(EN, encoding="utf-8")
    (root / "tree" / "sub" / "b.md").write_text(ZH, encoding="utf-8")
    return root / "tree" / "sub"


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (issue #12, 5): ``os.walk`` skipped a folder it could not list in silence, and ``vplint check
    tree`` said "All clean: 1 file checked", exit 0.  The refusal is injected, so this runs as root too."""
    refuse(monkeypatch, _unlistable_tree(tmp_path), "scandir")
    before = tree(tmp_path)

    code, _, err = _no_traceback_run(capsys, "check", "--no-cache", "--output-format", "concise", "tree")
    assert (code, err) == (2, f"vplint: tree/sub: cannot read: {_EACCES}\n")
    code, out, _ = _no_traceback_run(capsys, "check", "--no-cache", "--output-format", "json", "tree")
    report = json.loads(out)
    assert code == 2
    assert report["files"] == 1  # tree/a.md is still checked
    assert report["unreadable"] == [{"path": "tree/sub", "message": f"tree/sub: cannot read: {_EACCES}"}]
    code, out, _ = _no_traceback_run(capsys, "check", "--no-cache", "--output-format", "sarif", "tree")
    notifications = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert code == 2
    assert [n["message"]["text"] for n in notifications] == [f"tree/sub: cannot read: {_EACCES}"]
    code, out, _ = _no_traceback_run(capsys, "check", "--no-cache", "--output-format", "junit", "tree")
    assert code == 2
    assert f'<error message="tree/sub: cannot read: {_EACCES}" type="unreadable"' in out
    code, _, err = _no_traceback_run(capsys, "check", "--no-cache", "--lang", "zh", "tree")
    assert (code, err) == (2, f"vplint: tree/sub：无法读取：{_EACCES}\n")
    assert added(before, tree(tmp_path)) == []

    code, _, err = _no_traceback_run(capsys, "brief", "tree", "-o", "briefs", "--isolated")
    assert code == 2
    assert err == f"vplint: tree/sub: cannot read: {_EACCES}\n"
    assert added(before, tree(tmp_path)) == ["briefs", "briefs/acme-cfo.html", "briefs/acme-cfo.md"]
    code, _, err = _no_traceback_run(capsys, "check", "--no-cache", "--fix", "tree")  # tree/a.md gets its fixes
    assert (code, err) == (2, f"vplint: tree/sub: cannot read: {_EACCES}\n")


def test_a_replayed_run_does_not_outlive_an_unlistable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The replay key holds the unreadable paths: once the folder can be listed, the stored 'cannot read' is stale."""
    sub = _unlistable_tree(tmp_path)
    (sub / "b.md").unlink()  # the same files to check either way
    with pytest.MonkeyPatch.context() as mp:
        refuse(mp, sub, "scandir")
        for _ in range(2):  # the second run is replayed
            code, _, err = _no_traceback_run(capsys, "check", "--output-format", "concise", "tree")
            assert (code, err) == (2, f"vplint: tree/sub: cannot read: {_EACCES}\n")
    code, _, err = _no_traceback_run(capsys, "check", "--output-format", "concise", "tree")
    assert (code, err) == (0, "")


def test_a_path_under_a_folder_without_search_permission(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression (issue #12, 4a): ``Path.is_dir()`` raised ``PermissionError`` out of ``vplint check dir/x.md``
    (Python 3.11's pathlib swallows only ENOENT, ENOTDIR, EBADF and ELOOP).  Injected: runs as root too."""
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "x.md").write_text(EN, encoding="utf-8")
    (tmp_path / "ok.md").write_text(EN, encoding="utf-8")
    before = tree(tmp_path)
    said = f"vplint: dir/x.md: cannot read: {_EACCES}\n"
    with pytest.MonkeyPatch.context() as mp:
        refuse(mp, tmp_path / "dir", "stat", "lstat", "open", "scandir")
        for argv in (
            ["check", "--no-cache", "dir/x.md", "ok.md"],
            ["check", "--no-cache", "--lang", "zh", "dir/x.md"],
            ["check", "--no-cache", "--fix", "dir/x.md"],
            ["check", "--no-cache", "--diff", "dir/x.md"],
            ["export", "dir/x.md"],
            ["brief", "dir/x.md", "-o", "briefs", "--isolated"],
            ["brief", "dir/x.md", "-o", "briefs", "--isolated", "--check"],
            ["check", "dir/x.md"],  # with the cache: only the cache is written
        ):
            code, _, err = _no_traceback_run(capsys, *argv)
            assert code == 2, argv
            assert err.startswith(said if "zh" not in argv else f"vplint: dir/x.md：无法读取：{_EACCES}\n"), argv
        for argv, path in (
            (["new", "dir/y.md", "--account", "A", "--title", "T", "--function", "finance"], "dir/y.md"),
            (["init", "dir/repo"], "dir/repo"),
        ):
            code, _, err = _no_traceback_run(capsys, *argv)
            assert (code, err) == (2, f"vplint: error: {path}: cannot write: {_EACCES}\n"), argv
    assert [p for p in added(before, tree(tmp_path)) if not p.startswith(".vplint_cache")] == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 folder")
def test_chmod_000_folders_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The two cases above with real permissions: ``chmod 000 tree/sub`` and ``chmod 000 dir``."""
    sub = _unlistable_tree(tmp_path)
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "x.md").write_text(EN, encoding="utf-8")
    before = tree(tmp_path)
    for folder in (sub, tmp_path / "dir"):
        folder.chmod(0)
    try:
        code, _, err = _no_traceback_run(capsys, "check", "--no-cache", "tree", "dir/x.md")
        assert code == 2
        assert err == f"vplint: tree/sub: cannot read: {_EACCES}\nvplint: dir/x.md: cannot read: {_EACCES}\n"
        code, _, err = _no_traceback_run(capsys, "export", "dir/x.md")
        assert (code, err) == (2, f"vplint: dir/x.md: cannot read: {_EACCES}\n")
        code, _, err = _no_traceback_run(
            capsys, "new", "dir/y.md", "--account", "A", "--title", "T", "--function", "finance"
        )
        assert (code, err) == (2, f"vplint: error: dir/y.md: cannot write: {_EACCES}\n")
    finally:
        for folder in (sub, tmp_path / "dir"):
            folder.chmod(0o755)
    assert added(before, tree(tmp_path)) == []


_LONG_NAMES = {
    "name-over-255-bytes": "x" * 300,
    "path-over-PATH_MAX": "/".join(["y" * 200] * 25),  # 5,024 bytes, each part a valid name
}


@pytest.mark.parametrize("kind", sorted(_LONG_NAMES))
def test_a_path_too_long(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression (issue #12, 4b): ``OSError: [Errno 36] File name too long`` came out of ``check``, ``export``,
    ``brief``, ``check --fix``, ``init`` and ``new``.  Now each names the path, exits 2 and writes nothing
    (``new`` and ``init`` remove the folders they made for it)."""
    long = _LONG_NAMES[kind]
    before = tree(tmp_path)
    reading = [
        ["check", "--no-cache", f"{long}.md"],
        ["check", "--no-cache", f"{long}/x.md"],
        ["check", "--no-cache", "--fix", f"{long}.md"],
        ["check", "--no-cache", "--diff", f"{long}.md"],
        ["export", f"{long}.md"],
        ["brief", f"{long}.md", "-o", "briefs", "--isolated"],
    ]
    for argv in reading:
        code, _, err = _no_traceback_run(capsys, *argv)
        path = argv[1] if argv[0] == "brief" else argv[-1]
        assert code == 2, argv
        assert err.startswith(f"vplint: {path}: cannot read: {_TOO_LONG}\n"), argv  # --diff adds its summary
    canvas = ["--account", "A", "--title", "T", "--function", "finance"]
    writing = [
        (["new", f"{long}.md", *canvas], f"{long}.md"),
        (["new", f"new-folder/{long}.md", *canvas], f"new-folder/{long}.md"),
        (["init", long], long),
        (["init", f"new-folder/{long}"], f"new-folder/{long}"),
    ]
    for argv, path in writing:
        code, _, err = _no_traceback_run(capsys, *argv)
        assert (code, err) == (2, f"vplint: error: {path}: cannot write: {_TOO_LONG}\n"), argv
    assert added(before, tree(tmp_path)) == []  # no new-folder/ left behind either

    code, _, err = _no_traceback_run(capsys, "check", "--lang", "zh", "--no-cache", f"{long}.md")
    assert (code, err) == (2, f"vplint: {long}.md：无法读取：{_TOO_LONG}\n")
    code, _, err = _no_traceback_run(capsys, "new", "--lang", "zh", f"{long}.md", *canvas)
    assert (code, err) == (2, f"vplint: error: {long}.md：无法写入：{_TOO_LONG}\n")
    code, _, err = _no_traceback_run(capsys, "check", f"{long}.md")  # with the cache: only the cache is written
    assert (code, err) == (2, f"vplint: {long}.md: cannot read: {_TOO_LONG}\n")
    assert all(p == ".vplint_cache" or p.startswith(".vplint_cache/") for p in added(before, tree(tmp_path)))


# --- bounded memory for the largest inputs ------------------------------------------------------------

_PEAK = """
import contextlib, io, json, resource, sys
limit = 2 * 1024**3  # a hard guard: an unbounded run fails with MemoryError instead of swapping
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from vplint.cli.main import main
codes = []
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes.append(main(argv))
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"codes": codes, "peak_mib": peak_kib / 1024}))
"""
PEAK_LIMIT_MIB = 600
"""A real canvas needs ~60 MiB; the inputs below need ~125 MiB.  The limit catches what grows unbounded."""


def test_largest_inputs_stay_within_bounded_memory(tmp_path: Path) -> None:
    pytest.importorskip("resource")
    many = tmp_path / "many-items.md"
    items = "".join(f"- note {i}: a remark\n" for i in range(100_000))
    many.write_text(EN.replace("\n### P2 ", "\n" + items + "\n### P2 ", 1), encoding="utf-8")
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as fh:  # 20 MB: read up to the size limit, never whole
        fh.write(EN.encode("utf-8"))
        fh.truncate(20_000_000)
    bomb = tmp_path / "bomb.md"
    bomb.write_text(_bomb(), encoding="utf-8")
    commands = [
        ["check", "--no-cache", str(many)],
        ["brief", "--isolated", "-o", str(tmp_path / "out"), str(many)],
        ["export", str(many)],
        ["check", "--no-cache", str(huge), str(bomb)],
        ["brief", "--isolated", "--allow-errors", "-o", str(tmp_path / "out2"), str(huge), str(bomb)],
    ]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, json.dumps(commands)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["codes"] == [0, 0, 0, 1, 1]
    assert result["peak_mib"] < PEAK_LIMIT_MIB, result


LARGEST_LIMIT_MIB = 256
"""The largest allowed canvas (4 MiB of one-line list items) needs about 190 MiB (docs/hardening.md)."""


def largest_canvas(fixable: bool = False) -> str:
    """A canvas just under the size limit: the sample, then one-line list items (about 599,000 of them)."""
    text = EN.replace("- Type: problem-solving", "- Type: Problem Solving", 1) if fixable else EN
    text = text.rstrip("\n") + "\n"
    count = (MAX_BYTES - len(text.encode("utf-8"))) // len("- abcd\n")
    return text + "- abcd\n" * count


def test_the_largest_allowed_canvas_stays_within_the_documented_memory(tmp_path: Path) -> None:
    """Regression: 599k list items took 14 s to check, 29 s to fix and 610 MiB (mistune's tokens for every item)."""
    pytest.importorskip("resource")
    largest = tmp_path / "largest.md"
    largest.write_text(largest_canvas(), encoding="utf-8")
    fixable = tmp_path / "fixable.md"
    fixable.write_text(largest_canvas(fixable=True), encoding="utf-8")
    assert MAX_BYTES - 7 < largest.stat().st_size <= MAX_BYTES
    commands = [
        ["check", "--no-cache", str(largest)],
        ["check", "--no-cache", "--diff", str(fixable)],
        ["check", "--no-cache", "--fix", str(fixable)],
        ["export", str(largest)],
        ["brief", "--isolated", "-o", str(tmp_path / "out"), str(largest)],
    ]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    for argv in commands:  # one process each: each command's own peak
        proc = subprocess.run(
            [sys.executable, "-c", _PEAK, json.dumps([argv])],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,  # a hang guard only
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        result = json.loads(proc.stdout)
        assert result["codes"] in ([0], [1]), (argv, result)
        assert result["peak_mib"] < LARGEST_LIMIT_MIB, (argv, result)
    assert "Problem Solving" not in fixable.read_text(encoding="utf-8")  # --fix did its work


# --- paths with spaces and non-ASCII characters, for the commands that write ---------------------------


def test_writing_commands_on_paths_with_spaces_and_non_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "团队 仓库"
    assert run(capsys, "init", str(repo), "--lang", "zh")[0] == 0
    canvas = repo / "canvases" / "新 画布.zh.md"
    argv = ["--account", "华信 物流", "--title", "首席 信息官", "--function", "业务部门", "--id", "huaxin-cio-2"]
    assert run(capsys, "new", str(canvas), *argv)[0] == 0
    fixable = repo / "canvases" / "销售 画布.md"
    fixable.write_text(ZH.replace("类型：问题解决型", "类型: 问题解决型"), encoding="utf-8")
    code, out, err = run(capsys, "check", "--no-cache", "--fix", str(fixable))
    assert code == 0, out + err
    assert "类型：问题解决型" in fixable.read_text(encoding="utf-8")
    out_dir = tmp_path / "简报 输出"
    code, out, err = run(capsys, "brief", str(fixable), "-o", str(out_dir), "--isolated")
    assert code == 0, err
    assert sorted(os.listdir(out_dir)) == ["huaxin-cio.html", "huaxin-cio.md"]
    assert not [p for p in tmp_path.rglob(".vplint-*")]


@pytest.mark.parametrize("value", ["0", "-3", "100000", "two", ""])
def test_jobs_out_of_range_is_a_usage_error(value: str, tmp_path: Path) -> None:
    """--jobs 0, -3 and 100000 were taken without a word (issue 'Hardening, round two', item 9)."""
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--no-cache", f"--jobs={value}", str(ROOT / "canvases")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr
    assert "from 1 to 256" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_jobs_in_range_is_taken() -> None:
    from vplint.cli.check import MAX_JOBS, jobs_count

    assert jobs_count("1") == 1
    assert jobs_count(str(MAX_JOBS)) == MAX_JOBS
