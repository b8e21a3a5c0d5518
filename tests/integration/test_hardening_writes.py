"""Writing files: ``--fix``, briefs, ``init``, ``new`` and the result cache.

* **A crash midway leaves the previous file intact.**  vplint runs in a child process whose
  ``os.replace``, ``os.link`` or ``os.fsync`` first signals the test and then waits; the test
  kills it with SIGKILL right there (deterministic: no timing), then checks that every file
  holds its previous bytes, that what is left over is only a hidden ``.vplint-*.tmp`` file
  which vplint never reads, and that running the command again completes.
* **Never outside the target folder.**  Canvas ids and account names like ``../../x`` make
  briefs inside DIR; unsafe brief names are refused; template names cannot leave the template
  folders; ``vplint new`` writes exactly where it is told (like an editor) but never through a
  link.
* **Never through a symbolic link.**  A link in DIR, in an ``init`` target folder or at a
  ``new`` path is replaced (with ``--force``) or kept, never written through.
* **Safe fixes are idempotent.**
* The result cache is JSON (never pickle), and a cache that cannot be used is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vplint.briefs import render as briefs
from vplint.cli.main import main

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
ZH = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
TODAY = "2026-11-27"
SAFE_BRIEF = re.compile(r"[a-z0-9][a-z0-9._-]*\.(?:md|html)")


@pytest.fixture(autouse=True)
def _in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VPLINT_TODAY", TODAY)
    monkeypatch.setenv("VPLINT_LANG", "en")
    monkeypatch.delenv("VPLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("VPLINT_CACHE_DIR", raising=False)


def _symlink(link: Path, target: str | Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available")


def files_under(root: Path) -> dict[str, str]:
    """Every entry under ``root``: a file's SHA-256, a link's target, ``dir`` for a folder."""
    out: dict[str, str] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs + names:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[rel] = "-> " + os.readlink(path)
            elif path.is_dir():
                out[rel] = "dir"
            else:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leftovers(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What a killed run left: must be only hidden temporary files (vplint never reads them)."""
    extra = sorted(set(after) - set(before))
    for rel in extra:
        assert _LEFTOVER.fullmatch(rel), f"a killed run left {rel}"
    return extra


_LEFTOVER = re.compile(r"(?:.*/)?\.vplint-[0-9a-z_]+\.tmp|\.vplint_cache/\.(?:results|run)-[0-9a-z_]+\.tmp")
"""Temporary files: hidden, next to the file they were to replace (or in the cache folder)."""


# --- killed midway ---------------------------------------------------------------------------------

_HOOK = r"""
import importlib, os, sys, time
name, target, ready = sys.argv[1:4]
where, _, attr = name.rpartition(":")  # "replace" (os.replace) or "module:function"
owner = importlib.import_module(where) if where else os
real = getattr(owner, attr)

def hooked(*args, **kwargs):
    # a call on one file (fsync, syncfs) stops at once; a rename or link when it is to ``target``
    if len(args) < 2 or target in os.path.basename(os.fsdecode(args[1])):
        with open(ready, "w") as fh:
            fh.write(str(args))
        time.sleep(600)  # the test kills the process here
    return real(*args, **kwargs)

setattr(owner, attr, hooked)
if os.environ.get("SYNC_ONCE_FROM"):  # the test's choice of how a batch of files is made durable
    import vplint.store.files
    vplint.store.files.SYNC_ONCE_FROM = int(os.environ["SYNC_ONCE_FROM"])
from vplint.cli.main import main
sys.exit(main(sys.argv[4:]))
"""


def kill_at(side: Path, cwd: Path, call: str, target: str, *argv: str, sync_once_from: int | None = None) -> None:
    """Run ``vplint ARGV`` and SIGKILL it when it reaches ``os.<call>`` or ``module:function`` (for ``target``,
    a base-name part: the first call that has a target, the first call at all for ``fsync`` and the like)."""
    ready = side / f"ready-{re.sub(r'[^a-z_-]', '_', call)}-{target}"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    if sync_once_from is not None:
        env["SYNC_ONCE_FROM"] = str(sync_once_from)
    with open(side / "child.log", "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", _HOOK, call, target, str(ready), *argv], cwd=cwd, env=env, stdout=log, stderr=log
        )
        try:
            guard = time.monotonic() + 120  # a hang guard only
            while not ready.exists():
                if proc.poll() is not None:
                    pytest.fail(
                        f"vplint ended ({proc.returncode}) before os.{call}: {(side / 'child.log').read_text()}"
                    )
                if time.monotonic() > guard:
                    pytest.fail(f"vplint never reached os.{call}")
                time.sleep(0.01)
        finally:
            proc.kill()
            proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture
def side(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the one vplint works in, for the hook's signal and the child's output."""
    return tmp_path_factory.mktemp("side")


def _big_fixable_canvas() -> str:
    """A ~100 kB canvas with 400 problems whose type is written with an alias (a fix each)."""
    start, end = EN.index("### P1 "), EN.index("### P2 ")
    block = EN[start:end].replace("- Type: problem-solving", "- Type: Problem Solving")
    return EN[:end] + "".join(block.replace("### P1 ", f"### P{i} ") for i in range(10, 410)) + EN[end:]


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_fix_killed_midway_leaves_the_file_intact(call: str, tmp_path: Path, side: Path) -> None:
    path = tmp_path / "canvases" / "big.md"
    path.parent.mkdir()
    original = _big_fixable_canvas()
    path.write_text(original, encoding="utf-8")
    path.chmod(0o640)
    before = files_under(tmp_path)
    kill_at(side, tmp_path, call, "big.md", "check", "--no-cache", "--fix", "canvases/big.md")
    assert path.read_text(encoding="utf-8") == original
    assert (path.stat().st_mode & 0o777) == 0o640
    assert leftovers(before, files_under(tmp_path))  # the temporary file, fully written or not

    # the leftover is never read as a canvas, and the next run completes the fix
    assert main(["check", "--no-cache", "canvases"]) == 0
    assert main(["check", "--no-cache", "--fix", "canvases"]) == 0
    fixed = path.read_text(encoding="utf-8")
    assert "- Type: Problem Solving" not in fixed
    assert fixed.count("- Type: problem-solving\n") == original.count("- Type: Problem Solving\n") + 1
    assert (path.stat().st_mode & 0o777) == 0o640
    leftovers(before, files_under(tmp_path))


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_brief_killed_midway_leaves_the_previous_briefs_intact(
    call: str, tmp_path: Path, side: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    canvases = tmp_path / "canvases"
    canvases.mkdir()
    (canvases / "acme-cfo.en.md").write_text(EN, encoding="utf-8")
    (canvases / "huaxin-cio.zh.md").write_text(ZH, encoding="utf-8")
    assert main(["brief", "canvases", "-o", "briefs", "--isolated"]) == 0
    (canvases / "acme-cfo.en.md").write_text(EN.replace("ACME Manufacturing", "ACME Holdings"), encoding="utf-8")
    before = files_under(tmp_path)
    kill_at(side, tmp_path, call, "acme-cfo", "brief", "canvases", "-o", "briefs", "--isolated")
    assert leftovers(before, files_under(tmp_path))  # every brief is its previous self
    capsys.readouterr()

    assert main(["brief", "canvases", "-o", "briefs", "--isolated", "--check"]) == 1  # stale, not broken
    out = capsys.readouterr().out
    assert "briefs/acme-cfo.md: out of date" in out
    assert ".vplint-" not in out  # the leftover is not an 'extra' file
    assert main(["brief", "canvases", "-o", "briefs", "--isolated"]) == 0
    assert main(["brief", "canvases", "-o", "briefs", "--isolated", "--check"]) == 0
    assert "ACME Holdings" in (tmp_path / "briefs" / "acme-cfo.md").read_text(encoding="utf-8")


BATCH = 6
"""Canvases in the batched tests: 12 briefs, more than ``SYNC_ONCE_FROM``, so they are synced with one syncfs."""


def _numbered(i: int, account: str) -> str:
    """The English sample as canvas ``acme-cfo-<i>`` of the account ``<account> <i>``."""
    text = EN.replace("id: acme-cfo\n", f"id: acme-cfo-{i}\n", 1)
    return text.replace("account: ACME Manufacturing\n", f"account: {account} {i}\n", 1)


def _briefs(folder: Path) -> dict[str, bytes]:
    """The briefs in ``folder`` (not the hidden temporary files a killed run leaves)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def _syncs_once(folder: Path) -> bool:
    from vplint.store import files

    fd = os.open(folder, os.O_RDONLY)
    try:
        return BATCH * 2 >= files.SYNC_ONCE_FROM and files._syncs_once([fd])
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("way", "call", "target", "renamed", "left"),
    [
        ("once", "vplint.store.files:_syncfs", "", 0, 12),  # every temporary file written, none renamed: all old
        ("once", "replace", "acme-cfo-3.html", 6, 6),  # midway through the renames: acme-cfo-0 to -2 new, the rest old
        ("once", "fsync", "", 12, 0),  # every brief renamed, the folder not yet fsync'ed: all new
        ("each", "fsync", "", 0, 1),  # the first temporary file's fsync: all old
        ("each", "replace", "acme-cfo-3.html", 6, 6),
    ],
    ids=["once-syncfs", "once-replace", "once-folder-fsync", "each-fsync", "each-replace"],
)
def test_brief_killed_midway_through_a_batch_leaves_each_brief_old_or_new(
    way: str,
    call: str,
    target: str,
    renamed: int,
    left: int,
    tmp_path: Path,
    side: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Many briefs are written as one batch (``write_atomic_many``): killed at any step, each is old or new."""
    if way == "once" and not _syncs_once(tmp_path):
        pytest.skip("one syncfs is not enough on this system or file system: each file is fsync'ed")
    canvases = tmp_path / "canvases"
    canvases.mkdir()
    for i in range(BATCH):
        (canvases / f"acme-{i}.md").write_text(_numbered(i, "ACME Manufacturing"), encoding="utf-8")
    argv = ["brief", "canvases", "-o", "briefs", "--isolated"]
    assert main(argv) == 0
    old = _briefs(tmp_path / "briefs")
    assert len(old) == 2 * BATCH
    for i in range(BATCH):  # every canvas changes: every brief is rewritten
        (canvases / f"acme-{i}.md").write_text(_numbered(i, "ACME Holdings"), encoding="utf-8")
    assert main(["brief", "canvases", "-o", str(side / "new"), "--isolated"]) == 0
    new = _briefs(side / "new")
    assert set(new) == set(old)
    assert all(new[name] != old[name] for name in old)
    before = files_under(tmp_path)

    kill_at(side, tmp_path, call, target, *argv, sync_once_from=None if way == "once" else 10**9)
    now = _briefs(tmp_path / "briefs")
    names = sorted(old)
    assert sorted(now) == names
    assert [name for name in names if now[name] == new[name]] == names[:renamed]  # renamed in order, whole
    assert [name for name in names if now[name] == old[name]] == names[renamed:]
    assert len(leftovers(before, files_under(tmp_path))) == left  # the temporary files not renamed yet
    capsys.readouterr()

    assert main([*argv, "--check"]) == (0 if renamed == len(names) else 1)  # stale, never broken
    assert ".vplint-" not in capsys.readouterr().out  # the leftovers are not 'extra' files
    assert main(argv) == 0
    assert main([*argv, "--check"]) == 0
    assert _briefs(tmp_path / "briefs") == new


def test_a_brief_that_cannot_be_replaced_refuses_the_batch_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A brief with another hard link (replacing it would split them) is named, and no brief is written."""
    canvases = tmp_path / "canvases"
    canvases.mkdir()
    (canvases / "acme-cfo.en.md").write_text(EN, encoding="utf-8")
    (canvases / "huaxin-cio.zh.md").write_text(ZH, encoding="utf-8")
    argv = ["brief", "canvases", "-o", "briefs", "--isolated"]
    assert main(argv) == 0
    try:
        os.link(tmp_path / "briefs" / "huaxin-cio.md", tmp_path / "copy.md")
    except OSError:
        pytest.skip("no hard links on this file system")
    (canvases / "acme-cfo.en.md").write_text(EN.replace("ACME Manufacturing", "ACME Holdings"), encoding="utf-8")
    (canvases / "huaxin-cio.zh.md").write_text(ZH.replace("华信物流", "华信集团"), encoding="utf-8")
    before = files_under(tmp_path / "briefs")
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == (
        "vplint: error: briefs/huaxin-cio.md: cannot write: it has 2 hard links, which replacing it would break; "
        "edit it by hand, or remove the other links first\n"
    )
    assert files_under(tmp_path / "briefs") == before  # acme-cfo.* were not written either: nothing was


def test_init_killed_midway(tmp_path: Path, side: Path) -> None:
    # a new file is linked into place in one step: killed before, it does not exist at all
    repo = tmp_path / "repo"
    kill_at(side, tmp_path, "link", "acme-cfo", "init", "repo")
    assert not (repo / "canvases" / "acme-cfo.en.md").exists()
    leftovers({"repo": "dir", "repo/canvases": "dir"}, files_under(tmp_path))
    assert main(["init", "repo"]) == 0
    assert (repo / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8") == EN

    # --force replaces a file in one step: killed before, the team's file is intact
    (repo / "vplint.toml").write_text("# ours\n", encoding="utf-8")
    before = files_under(tmp_path)
    kill_at(side, tmp_path, "replace", "vplint.toml", "init", "repo", "--force")
    assert (repo / "vplint.toml").read_text(encoding="utf-8") == "# ours\n"
    leftovers(before, files_under(tmp_path))


@pytest.mark.parametrize(("call", "force"), [("link", False), ("replace", True)])
def test_new_killed_midway(call: str, force: bool, tmp_path: Path, side: Path) -> None:
    path = tmp_path / "acme.md"
    if force:
        path.write_text("mine\n", encoding="utf-8")
    before = files_under(tmp_path)
    argv = ["new", "acme.md", "--account", "ACME", "--title", "CFO", "--function", "finance"]
    kill_at(side, tmp_path, call, "acme.md", *argv, *(["--force"] if force else []))
    if force:
        assert path.read_text(encoding="utf-8") == "mine\n"
    else:
        assert not path.exists()
    leftovers(before, files_under(tmp_path))


def test_cache_killed_midway_keeps_the_previous_cache(
    tmp_path: Path, side: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    canvases = tmp_path / "canvases"
    canvases.mkdir()
    (canvases / "a.md").write_text(EN, encoding="utf-8")
    assert main(["check", "canvases"]) == 0
    (cache,) = (tmp_path / ".vplint_cache").glob("results-*.json")
    saved = cache.read_bytes()
    (canvases / "a.md").write_text(EN.replace("- Type: problem-solving", "- Type: problem-slving"), encoding="utf-8")
    before = files_under(tmp_path)
    kill_at(side, tmp_path, "replace", "results-", "check", "canvases")
    assert cache.read_bytes() == saved
    json.loads(saved)
    leftovers(before, files_under(tmp_path))
    capsys.readouterr()
    assert main(["check", "--output-format", "concise", "canvases"]) == 1  # the change is seen
    assert "canvases/a.md:33:9: S002 " in capsys.readouterr().out


# --- never outside the target folder -----------------------------------------------------------------

HOSTILE_IDS = [
    "../../x",
    "..",
    "../..",
    "/etc/passwd",
    "..\\..\\x",
    "a/../../b",
    ".hidden",
    "~/x",
    "$HOME",
    "%2e%2e%2fx",
    "-",
    "x" * 75,
    "华信/../../x",
    "CON",
    "acme\x7f",
]


def _canvas_with(key: str, value: str) -> str:
    """The English sample with ``key`` set to ``value`` (a YAML double-quoted string)."""
    line = f"{key}: {json.dumps(value)}"
    new, n = re.subn(rf"^{key}:.*$", lambda _: line, EN, count=1, flags=re.M)
    assert n == 1
    return new


@pytest.mark.parametrize("by_account", [False, True], ids=["by-canvas", "by-account"])
@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_hostile_ids_and_accounts_stay_in_the_folder(
    value: str, by_account: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in" / "x"
    src.mkdir(parents=True)
    (src / "c.md").write_text(_canvas_with("account" if by_account else "id", value), encoding="utf-8")
    before = files_under(tmp_path)
    argv = ["brief", str(src), "-o", "out/deep", "--isolated", "--allow-errors"]
    assert main(argv + (["--by-account"] if by_account else [])) == 0, capsys.readouterr().err
    new = sorted(set(files_under(tmp_path)) - set(before))
    assert new[:2] == ["out", "out/deep"], new
    assert len(new) == 4, new
    for rel in new[2:]:
        assert rel.startswith("out/deep/")
        assert SAFE_BRIEF.fullmatch(rel.removeprefix("out/deep/")), rel


@pytest.mark.parametrize("by_account", [False, True], ids=["id", "account"])
def test_a_long_id_gets_a_brief(by_account: bool, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    # an id may have 80 characters (the schema's limit, and what 'vplint new' makes at most); an account more
    (src / "c.md").write_text(
        _canvas_with("account", "a" * 100) if by_account else _canvas_with("id", "a" * 80), "utf-8"
    )
    argv = ["brief", str(src), "-o", "out", "--isolated"] + (["--by-account"] if by_account else [])
    assert main(argv) == 0
    assert sorted(os.listdir(tmp_path / "out")) == ["a" * 80 + ".html", "a" * 80 + ".md"]


@pytest.mark.parametrize(
    "name", ["../x.md", "/tmp/x.md", ".hidden.md", "a/b.md", "..", "", "X.md", "a\\b.md", "x.md/..", "./x.md"]
)
def test_unsafe_brief_names_are_refused(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(briefs.BriefError, match="refusing"):
        briefs.write_outputs({name: "x\n", "fine.md": "y\n"}, out)
    assert [p.name for p in out.iterdir()] == []  # refused before anything is written
    assert not (tmp_path / "x.md").exists()


def test_template_names_cannot_leave_the_template_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "c.md").write_text(EN, encoding="utf-8")
    (tmp_path / "secret.md.j2").write_text("SECRET {{ lang }}\n", encoding="utf-8")
    team = tmp_path / "repo" / "templates"
    team.mkdir(parents=True)
    (tmp_path / "repo" / "vplint.toml").write_text('templates = "templates"\n', encoding="utf-8")
    for name, body in {
        "up": '{% include "../../secret.md.j2" %}',
        "absolute": f'{{% include "{tmp_path / "secret.md.j2"}" %}}',
        "extends": '{% extends "../../secret.md.j2" %}',
        "import": '{% import "../../secret.md.j2" as s %}',
    }.items():
        (team / f"{name}.en.md.j2").write_text(body + "\n", encoding="utf-8")
    os.chdir(tmp_path / "repo")
    before = files_under(tmp_path)
    for template in ("up", "absolute", "extends", "import"):
        assert main(["brief", "../canvases", "-o", "out", "--template", template, "--format", "md"]) == 2
        err = capsys.readouterr().err
        assert f"templates/{template}.en.md.j2:1: refusing the template " in err, err  # not merely "not found"
        assert "SECRET" not in err
    for name in ("..", ".", "...", "../../secret", "..%2f..%2fsecret"):
        assert main(["brief", "../canvases", "-o", "out", "--template", name, "--format", "md"]) == 2
        assert "template" in capsys.readouterr().err
    assert files_under(tmp_path) == before


def test_new_writes_where_it_is_told_and_never_through_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # like an editor, 'vplint new' writes the path the user gives, also outside the current folder
    repo = tmp_path / "repo"
    repo.mkdir()
    os.chdir(repo)
    argv = ["--account", "ACME", "--title", "CFO", "--function", "finance"]
    assert main(["new", "../outside.md", *argv]) == 0
    assert (tmp_path / "outside.md").read_text(encoding="utf-8").startswith("---\nid: acme-cfo\n")
    # an id cannot be a path
    assert main(["new", "x.md", *argv, "--id", "../../x"]) == 2
    assert not (repo / "x.md").exists()

    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", encoding="utf-8")
    _symlink(repo / "link.md", victim)
    _symlink(repo / "dangling.md", tmp_path / "created-through-a-link.md")
    for name in ("link.md", "dangling.md"):
        assert main(["new", name, *argv]) == 2  # it exists (as a link): refused without --force
        assert "already exists" in capsys.readouterr().err
        assert main(["new", name, *argv, "--force"]) == 0
        assert not (repo / name).is_symlink()  # the link itself was replaced
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "created-through-a-link.md").exists()


def test_brief_never_writes_through_links_in_the_folder(tmp_path: Path) -> None:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "c.md").write_text(EN, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.md").write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "briefs"
    out.mkdir()
    _symlink(out / "acme-cfo.md", outside / "victim.md")  # a link to a file outside
    _symlink(out / "acme-cfo.html", outside / "created.html")  # a dangling link
    before = files_under(outside)

    assert main(["brief", "canvases", "-o", "briefs", "--isolated", "--check"]) == 1  # links are not briefs
    assert main(["brief", "canvases", "-o", "briefs", "--isolated"]) == 0
    assert files_under(outside) == before
    for name in ("acme-cfo.md", "acme-cfo.html"):
        assert not (out / name).is_symlink()
        assert (out / name).is_file()
    assert main(["brief", "canvases", "-o", "briefs", "--isolated", "--check"]) == 0


def test_brief_into_a_linked_output_folder_writes_where_the_link_points(tmp_path: Path) -> None:
    """Decision: ``-o DIR`` names the folder; a link there is followed like any folder the user names."""
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "c.md").write_text(EN, encoding="utf-8")
    (tmp_path / "shared").mkdir()
    _symlink(tmp_path / "briefs", tmp_path / "shared")
    assert main(["brief", "canvases", "-o", "briefs", "--isolated"]) == 0
    assert sorted(os.listdir(tmp_path / "shared")) == ["acme-cfo.html", "acme-cfo.md"]
    assert (tmp_path / "briefs").is_symlink()


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_init_never_writes_through_a_linked_file(dangling: bool, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.toml"
    if not dangling:
        victim.write_text("# not yours\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    _symlink(repo / "vplint.toml", victim)
    before = files_under(outside)
    assert main(["init", "repo"]) == 0  # kept: it exists (as a link)
    assert (repo / "vplint.toml").is_symlink()
    assert files_under(outside) == before
    assert main(["init", "repo", "--force"]) == 0  # replaced: the link, never the file it points to
    assert not (repo / "vplint.toml").is_symlink()
    assert (repo / "vplint.toml").read_text(encoding="utf-8").startswith("# vplint's configuration")
    assert files_under(outside) == before


@pytest.mark.parametrize("folder", ["templates", ".github", "canvases"])
def test_init_never_writes_through_a_linked_folder(folder: str, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    _symlink(repo / folder, outside)
    for argv in (["init", "repo"], ["init", "repo", "--force"]):
        assert main(argv) in (0, 2)
        assert sorted(os.listdir(outside)) == [], f"{argv} wrote {sorted(os.listdir(outside))} outside the repo"


# --- the result cache ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["folder", "gitignore", "cachedir-tag"])
def test_cache_never_writes_through_a_link(where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / "canvases").mkdir(parents=True)
    (repo / "canvases" / "a.md").write_text(EN, encoding="utf-8")
    if where == "folder":
        _symlink(repo / ".vplint_cache", outside)
    else:
        (repo / ".vplint_cache").mkdir()
        name = ".gitignore" if where == "gitignore" else "CACHEDIR.TAG"
        _symlink(repo / ".vplint_cache" / name, outside / "created-through-a-link")
    os.chdir(repo)
    assert main(["check", "canvases"]) == 0
    assert "All clean" in capsys.readouterr().out
    assert sorted(os.listdir(outside)) == []


def test_a_cache_file_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "a.md").write_text(EN, encoding="utf-8")
    assert main(["check", "canvases"]) == 0
    (cache,) = (tmp_path / ".vplint_cache").glob("results-*.json")
    victim = tmp_path / "victim.json"
    victim.write_text("{}\n", encoding="utf-8")
    cache.unlink()
    _symlink(cache, victim)
    (tmp_path / "canvases" / "a.md").write_text(ZH, encoding="utf-8")  # a change: the cache is saved again
    assert main(["check", "canvases"]) == 0
    assert victim.read_text(encoding="utf-8") == "{}\n"
    assert not cache.is_symlink()


@pytest.mark.parametrize(
    "content",
    [
        "pickle",
        "garbage",
        "folder",
        pytest.param(
            "wrong-shape",
        ),
    ],
)
def test_an_unusable_cache_is_ignored_and_never_unpickled(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "a.md").write_text(EN.replace("problem-solving", "problem-slving"), encoding="utf-8")
    assert main(["check", "--output-format", "concise", "canvases"]) == 1
    expected = capsys.readouterr().out
    for path in (tmp_path / ".vplint_cache").glob("*.json"):
        path.unlink()
        if content == "pickle":
            path.write_bytes(pickle.dumps({"version": 1, "files": {}}))
        elif content == "garbage":
            path.write_bytes(b"\x00\xff{not json")
        elif content == "folder":
            path.mkdir()
        else:
            path.write_text('{"version": 1, "files": [1, 2], "manifest": 3}', encoding="utf-8")

    def no_pickle(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the cache must never be unpickled")

    monkeypatch.setattr(pickle, "loads", no_pickle)
    monkeypatch.setattr(pickle, "load", no_pickle)
    assert main(["check", "--output-format", "concise", "canvases"]) == 1
    assert capsys.readouterr().out == expected


def test_a_cache_folder_that_is_a_file_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "a.md").write_text(EN, encoding="utf-8")
    (tmp_path / ".vplint_cache").write_text("not a folder\n", encoding="utf-8")
    assert main(["check", "canvases"]) == 0
    assert "All clean" in capsys.readouterr().out
    assert (tmp_path / ".vplint_cache").read_text(encoding="utf-8") == "not a folder\n"


# --- safe fixes are idempotent --------------------------------------------------------------------------


def test_fix_twice_changes_nothing_with_an_empty_field(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    path.write_text(
        EN.replace("- Inform (M1): share the mandate timeline and the Globex fine", "- Inform (M1):"), "utf-8"
    )
    main(["check", "--no-cache", "--fix", str(path)])
    once = path.read_bytes()
    main(["check", "--no-cache", "--fix", str(path)])
    assert path.read_bytes() == once
    assert b"- Inform (M1):\n" in once
