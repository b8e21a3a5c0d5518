"""vplint.store.files: the one way vplint writes files, reads TOML and marks its cache folder."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest

from vplint.store import files
from vplint.store.files import (
    STALE_SECONDS,
    ReplaceRefused,
    create_exclusive,
    mark_cache_folder,
    read_toml,
    remove_stale_temporaries,
    write_atomic,
    write_atomic_many,
)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _symlink(link: Path, target: Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available")


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


@pytest.fixture(autouse=True)
def _fresh_sweeps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sweeps its folders afresh (the sweep is once per folder and process)."""
    monkeypatch.setattr(files, "_swept", set())


# --- write_atomic -------------------------------------------------------------------------------------


def test_write_atomic_creates_with_the_usual_mode_and_writes_text_as_is(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    write_atomic(path, "一\r\ntwo\n")
    assert path.read_bytes() == "一\r\ntwo\n".encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    write_atomic(str(path), b"\x00bytes")
    assert path.read_bytes() == b"\x00bytes"
    assert os.listdir(tmp_path) == ["a.md"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_write_atomic_keeps_the_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "a.md"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(mode)
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_write_atomic_fsyncs_before_replacing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        calls.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "a.md", "x\n")
    assert calls == ["fsync", "replace"]


@pytest.mark.parametrize("fails", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    path = tmp_path / "a.md"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    if fails == "write":  # midway: part of the data is written, then the disk is full
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            fh = real_fdopen(fd, *args, **kwargs)
            real_write = fh.write

            def write(data: bytes) -> int:
                real_write(data[:3])
                fh.flush()
                raise OSError(28, "No space left on device")

            fh.write = write
            return fh

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, fails, broken)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new content\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.md"]


def test_write_atomic_replaces_a_link_never_writes_through_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", encoding="utf-8")
    victim.chmod(0o600)
    link = tmp_path / "link.md"
    _symlink(link, victim)
    write_atomic(link, "new\n")
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(link.stat().st_mode) == 0o666 & ~_umask()  # not the mode of the link's target
    assert victim.read_text(encoding="utf-8") == "keep me\n"


def test_write_atomic_never_replaces_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path / "a.md", "x\n")
    assert (tmp_path / "a.md").is_dir()
    assert os.listdir(tmp_path) == ["a.md"]


# --- create_exclusive ---------------------------------------------------------------------------------


def test_create_exclusive_creates_with_the_usual_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    create_exclusive(path, "one\n")
    assert path.read_text(encoding="utf-8") == "one\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()
    assert os.listdir(tmp_path) == ["a.md"]


def test_create_exclusive_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        create_exclusive(path, "theirs\n")
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert os.listdir(tmp_path) == ["a.md"]


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
@pytest.mark.parametrize("hard_links", [True, False], ids=["linked", "in-place"])
def test_create_exclusive_refuses_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dangling: bool, hard_links: bool
) -> None:
    victim = tmp_path / "victim.md"
    if not dangling:
        victim.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.md"
    _symlink(link, victim)
    if not hard_links:  # a file system without hard links: the file is created in place, exclusively

        def no_link(*args: Any, **kwargs: Any) -> None:
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
    with pytest.raises(FileExistsError):
        create_exclusive(link, "x\n")
    assert link.is_symlink()
    assert victim.read_text(encoding="utf-8") == "keep me\n" if not dangling else not victim.exists()
    assert sorted(os.listdir(tmp_path)) == ["link.md"] + ([] if dangling else ["victim.md"])


def test_create_exclusive_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_link(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    create_exclusive(tmp_path / "a.md", "one\n")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "one\n"
    assert os.listdir(tmp_path) == ["a.md"]


# --- stale temporary files ------------------------------------------------------------------------------


def _write_one_of_many(path: Path, data: str) -> None:
    write_atomic_many([(path, data)])


@pytest.mark.parametrize("write", [write_atomic, create_exclusive, _write_one_of_many])
def test_stale_temporary_files_are_removed_by_the_next_write(tmp_path: Path, write: Any) -> None:
    stale = tmp_path / ".vplint-0123456789ab.tmp"
    stale_old_name = tmp_path / ".vplint-k2x_9q7z.tmp"  # as tempfile named them
    fresh = tmp_path / ".vplint-ba9876543210.tmp"  # another vplint at work
    others = [tmp_path / n for n in (".vplint-notes.txt", "vplint-0123.tmp", ".results-abc.tmp", "x.tmp")]
    for path in (stale, stale_old_name, fresh, *others):
        path.write_text("x", encoding="utf-8")
    for path in (stale, stale_old_name, *others):
        _age(path, STALE_SECONDS + 60)
    _age(fresh, STALE_SECONDS - 60)
    write(tmp_path / "a.md", "new\n")
    assert not stale.exists()
    assert not stale_old_name.exists()
    assert fresh.exists()
    assert all(p.exists() for p in others)


def test_the_sweep_never_follows_or_removes_links_and_folders(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "kept.txt"
    target.write_text("keep me\n", encoding="utf-8")
    _age(target, STALE_SECONDS * 2)
    here = tmp_path / "here"
    here.mkdir()
    link = here / ".vplint-aaaaaaaaaaaa.tmp"
    _symlink(link, target)
    _age(link, STALE_SECONDS * 2)
    folder = here / ".vplint-bbbbbbbbbbbb.tmp"
    folder.mkdir()
    _age(folder, STALE_SECONDS * 2)
    remove_stale_temporaries(str(here))
    assert link.is_symlink()
    assert folder.is_dir()
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_the_sweep_is_once_per_folder_and_process(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.md", "x\n")
    stale = tmp_path / ".vplint-0123456789ab.tmp"
    stale.write_text("x", encoding="utf-8")
    _age(stale, STALE_SECONDS + 60)
    write_atomic(tmp_path / "a.md", "y\n")
    assert stale.exists()  # swept already in this process: left for the next run
    (tmp_path / "sub").mkdir()
    write_atomic(tmp_path / "sub" / "b.md", "x\n")  # another folder is swept on its first write
    assert stale.exists()


def test_the_sweep_ignores_a_missing_folder(tmp_path: Path) -> None:
    remove_stale_temporaries(str(tmp_path / "nope"))
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nope" / "a.md", "x\n")


# --- read_toml ---------------------------------------------------------------------------------------------


class Problem(Exception):
    pass


def test_read_toml(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('select = ["S"]\n[rules.S001]\nmax = 3\n', encoding="utf-8")
    assert read_toml(path, Problem) == {"select": ["S"], "rules": {"S001": {"max": 3}}}


def test_read_toml_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("select = [\n", encoding="utf-8")
    with pytest.raises(Problem) as info:
        read_toml(bad, Problem)
    assert str(info.value) == f"{bad}: not valid TOML: Invalid value (at end of document)"
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'owner = "Jos\xe9"\n')
    with pytest.raises(Problem) as info:
        read_toml(latin, Problem)
    assert str(info.value) == f"{latin}: not UTF-8 (TOML files must be saved as UTF-8)"
    with pytest.raises(Problem) as info:
        read_toml(tmp_path / "missing.toml", Problem)
    assert str(info.value) == f"{tmp_path / 'missing.toml'}: cannot read: No such file or directory"
    with pytest.raises(Problem) as info:
        read_toml(tmp_path, Problem)
    assert str(info.value) == f"{tmp_path}: cannot read: Is a directory"
    with pytest.raises(ValueError, match="not valid TOML"):  # without a caller's error: ValueError
        read_toml(bad)


# --- the cache folder -------------------------------------------------------------------------------------


def test_mark_cache_folder(tmp_path: Path) -> None:
    mark_cache_folder(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    assert (
        (tmp_path / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    )
    (tmp_path / ".gitignore").write_text("# ours\n", encoding="utf-8")
    mark_cache_folder(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "# ours\n"
    assert sorted(os.listdir(tmp_path)) == [".gitignore", "CACHEDIR.TAG"]


def test_mark_cache_folder_never_writes_through_a_link(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    _symlink(folder / ".gitignore", tmp_path / "created-through-a-link")
    mark_cache_folder(folder)
    assert not (tmp_path / "created-through-a-link").exists()
    assert (folder / ".gitignore").is_symlink()
    assert (folder / "CACHEDIR.TAG").is_file()


def test_write_atomic_takes_text_in_pieces(tmp_path: Path) -> None:
    target = tmp_path / "big.json"
    write_atomic(target, (piece for piece in ("[", "1,", "2", "]")))
    assert target.read_text(encoding="utf-8") == "[1,2]"


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".vplint-")]


def test_write_atomic_refuses_a_file_with_other_hard_links(tmp_path: Path) -> None:
    """Replacing one name of a hard-linked file would leave the other names with the old text."""
    target, other = tmp_path / "c.md", tmp_path / "copy.md"
    target.write_text("old\n", encoding="utf-8")
    try:
        os.link(target, other)
    except OSError:
        pytest.skip("no hard links on this file system")
    with pytest.raises(ReplaceRefused) as refused:
        write_atomic(target, "new\n")
    assert (refused.value.message_id, refused.value.values) == ("cli.write_hard_links", {"n": 2})
    assert target.read_text(encoding="utf-8") == other.read_text(encoding="utf-8") == "old\n"
    assert os.stat(target).st_ino == os.stat(other).st_ino
    assert _leftovers(tmp_path) == []


def _owned_by_another_user(
    monkeypatch: pytest.MonkeyPatch, target: Path
) -> tuple[os.stat_result, list[tuple[int, int]]]:
    """Make ``target`` look owned by uid+1, gid+1 (``os.lstat``), and ``os.chown`` succeed as root's would.

    Returns the file's real stat and the list the fake ``chown`` records its (uid, gid) calls in.
    """
    st = os.stat(target)
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_lstat(path, *args, **kwargs)
        if os.fspath(path) != str(target):
            return found
        values = list(found)
        values[4], values[5] = st.st_uid + 1, st.st_gid + 1
        return os.stat_result(values)

    chowned: list[tuple[int, int]] = []

    def chown_allowed(path: Any, uid: int, gid: int, **kwargs: Any) -> None:
        chowned.append((uid, gid))

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setattr(os, "chown", chown_allowed)
    return st, chowned


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners on this system")
def test_write_atomic_keeps_the_owner_and_group_or_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of another user in a folder anyone may write to: replaced keeping its owner, or left alone."""
    target = tmp_path / "c.md"
    target.write_text("old\n", encoding="utf-8")
    st, chowned = _owned_by_another_user(monkeypatch, target)
    write_atomic(target, "new\n")  # as root would: the new file is given the old owner and group
    assert chowned == [(st.st_uid + 1, st.st_gid + 1)]
    assert target.read_text(encoding="utf-8") == "new\n"

    def chown_refused(path: Any, uid: int, gid: int, **kwargs: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown_refused)
    with pytest.raises(ReplaceRefused) as refused:
        write_atomic(target, "newer\n")
    assert (refused.value.message_id, refused.value.values) == ("cli.write_owner", {"uid": st.st_uid + 1})
    assert target.read_text(encoding="utf-8") == "new\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_write_atomic_as_root_keeps_the_owner(tmp_path: Path) -> None:
    target = tmp_path / "c.md"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 12345, 23456)
    os.chmod(target, 0o640)
    write_atomic(target, "new\n")
    st = os.stat(target)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)
    assert target.read_text(encoding="utf-8") == "new\n"


# --- write_atomic_many ------------------------------------------------------------------------------------

ONCE = ["each", "once"]
"""The two ways a batch is made durable: an fsync a file, or one syncfs of the file system."""


@pytest.fixture(params=ONCE)
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """Every batch test runs both ways: with an fsync a file, and (where this system can) with one syncfs."""
    if request.param == "once":
        if not _syncs_once(tmp_path):
            pytest.skip("one syncfs is not enough on this system or file system: each file is fsync'ed")
        monkeypatch.setattr(files, "SYNC_ONCE_FROM", 1)
    else:
        monkeypatch.setattr(files, "SYNC_ONCE_FROM", 10**9)
    return str(request.param)


def _syncs_once(folder: Path) -> bool:
    fd = os.open(folder, os.O_RDONLY)
    try:
        return files._syncs_once([fd])
    finally:
        os.close(fd)


def _calls(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """What reaches the disk, in order: ``fsync <name>``, ``syncfs``, ``replace <name>`` (names in ``folder``)."""
    calls: list[str] = []
    real_fsync, real_replace, real_syncfs = os.fsync, os.replace, files._syncfs

    def name(fd: int) -> str:
        path = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else "?"
        return "<folder>" if path == str(folder) else "<temporary>" if ".vplint-" in path else path

    def fsync(fd: int) -> None:
        calls.append(f"fsync {name(fd)}")
        real_fsync(fd)

    def syncfs(fd: int) -> None:
        calls.append(f"syncfs {name(fd)}")
        real_syncfs(fd)

    def replace(src: Any, dst: Any) -> None:
        calls.append(f"replace {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(files, "_syncfs", syncfs)
    return calls


def _old_files(folder: Path, n: int, mode: int = 0o640) -> dict[Path, bytes]:
    """``n`` files ``c0.md`` ... in ``folder``, each with its own old text and ``mode``; their bytes."""
    out: dict[Path, bytes] = {}
    for i in range(n):
        path = folder / f"c{i}.md"
        path.write_bytes(f"old {i}\n".encode())
        path.chmod(mode)
        out[path] = path.read_bytes()
    return out


def test_write_atomic_many_writes_like_write_atomic(tmp_path: Path, way: str) -> None:
    victim = tmp_path / "victim.md"
    victim.write_text("keep me\n", encoding="utf-8")
    victim.chmod(0o600)
    kept = tmp_path / "kept.md"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o640)
    _symlink(tmp_path / "link.md", victim)
    (tmp_path / "sub").mkdir()
    write_atomic_many(
        [
            (tmp_path / "new.md", "一\r\ntwo\n"),  # text as it is
            (str(kept), b"\x00bytes"),  # keeps its mode
            (tmp_path / "link.md", "replaces the link\n"),  # never written through
            (tmp_path / "sub" / "pieces.json", (piece for piece in ("[", "1,", "2", "]"))),  # another folder
        ]
    )
    assert (tmp_path / "new.md").read_bytes() == "一\r\ntwo\n".encode()
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o666 & ~_umask()
    assert kept.read_bytes() == b"\x00bytes"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert not (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "link.md").read_text(encoding="utf-8") == "replaces the link\n"
    assert stat.S_IMODE((tmp_path / "link.md").stat().st_mode) == 0o666 & ~_umask()
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (tmp_path / "sub" / "pieces.json").read_text(encoding="utf-8") == "[1,2]"
    assert sorted(os.listdir(tmp_path)) == ["kept.md", "link.md", "new.md", "sub", "victim.md"]
    assert os.listdir(tmp_path / "sub") == ["pieces.json"]
    write_atomic_many([])  # nothing to do


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="names open files through /proc")
def test_write_atomic_many_makes_every_file_durable_before_any_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    old = _old_files(tmp_path, 3)
    calls = _calls(monkeypatch, tmp_path)
    write_atomic_many([(path, f"new {i}\n") for i, path in enumerate(old)] + [(tmp_path / "c3.md", "new 3\n")])
    durable = ["syncfs <folder>"] if way == "once" else ["fsync <temporary>"] * 4
    assert calls == [*durable, "replace c0.md", "replace c1.md", "replace c2.md", "replace c3.md", "fsync <folder>"]
    assert [(tmp_path / f"c{i}.md").read_text(encoding="utf-8") for i in range(4)] == [f"new {i}\n" for i in range(4)]


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="names open files through /proc")
def test_write_atomic_many_syncs_once_from_the_threshold_only_where_that_is_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not _syncs_once(tmp_path):
        pytest.skip("one syncfs is not enough on this system or file system")
    calls = _calls(monkeypatch, tmp_path)
    many = [(tmp_path / f"c{i}.md", "x\n") for i in range(files.SYNC_ONCE_FROM)]
    write_atomic_many(many[:-1])  # one file short: an fsync each
    assert calls.count("fsync <temporary>") == files.SYNC_ONCE_FROM - 1
    assert "syncfs <folder>" not in calls
    calls.clear()
    write_atomic_many(many)
    assert calls.count("syncfs <folder>") == 1
    assert "fsync <temporary>" not in calls
    calls.clear()

    # an older kernel (syncfs did not report write errors before 5.8), or a file system not known to flush
    real_uname = os.uname
    monkeypatch.setattr(os, "uname", lambda: types.SimpleNamespace(release="5.4.0-generic"))
    write_atomic_many(many)
    assert calls.count("fsync <temporary>") == len(many)
    monkeypatch.setattr(os, "uname", real_uname)
    monkeypatch.setattr(files, "_file_system_kinds", lambda: {})
    calls.clear()
    write_atomic_many(many)
    assert calls.count("fsync <temporary>") == len(many)
    assert "syncfs <folder>" not in calls


@pytest.mark.parametrize("fails", ["write", "sync", "identity"])
def test_a_failed_batch_leaves_every_target_as_it_was_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str, way: str
) -> None:
    old = _old_files(tmp_path, 4)
    if fails == "write":  # the disk is full while the third temporary file is written
        real_fdopen = os.fdopen
        opened: list[int] = []

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            fh = real_fdopen(fd, *args, **kwargs)
            opened.append(fd)
            if len(opened) == 3:
                real_write = fh.write

                def write(data: bytes) -> int:
                    real_write(data[:3])
                    fh.flush()
                    raise OSError(28, "No space left on device")

                fh.write = write
            return fh

        monkeypatch.setattr(os, "fdopen", fdopen)
    elif fails == "sync":  # the data cannot be made durable: nothing is renamed
        real_fsync, synced = os.fsync, []

        def broken(fd: int) -> None:
            synced.append(fd)
            if way == "once" or len(synced) == 3:  # syncfs, or the third file's fsync
                raise OSError(5, "Input/output error")
            real_fsync(fd)

        monkeypatch.setattr(*((files, "_syncfs") if way == "once" else (os, "fsync")), broken)
    else:  # the last file's owner cannot be kept

        def refuse(tmp: str, target: str, st: os.stat_result) -> None:
            if target.endswith("c3.md"):
                raise ReplaceRefused(target, "cli.write_owner", "it belongs to another user", uid=1)

        monkeypatch.setattr(files, "_keep_identity", refuse)
    with pytest.raises(OSError, match=r"No space|Input/output|another user"):
        write_atomic_many([(path, "new content\n") for path in old])
    assert {path: path.read_bytes() for path in old} == old
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o640 for path in old)
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in old)


def test_a_failed_rename_midway_leaves_each_target_old_or_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    old = _old_files(tmp_path, 4)
    real_replace, real_fsync = os.replace, os.fsync
    replaced: list[str] = []
    synced: list[int] = []

    def replace(src: Any, dst: Any) -> None:
        if len(replaced) == 2:
            raise OSError(5, "Input/output error")
        replaced.append(Path(dst).name)
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic_many([(path, f"new {i}\n") for i, path in enumerate(old)])
    assert [path.read_text(encoding="utf-8") for path in old] == ["new 0\n", "new 1\n", "old 2\n", "old 3\n"]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o640 for path in old)
    assert sorted(os.listdir(tmp_path)) == sorted(path.name for path in old)
    assert synced, "the renames made were fsync'ed in their folder"


def test_write_atomic_many_refuses_hard_links_and_folders_before_writing_anything(tmp_path: Path, way: str) -> None:
    old = _old_files(tmp_path, 3)
    try:
        os.link(tmp_path / "c1.md", tmp_path / "copy.md")
    except OSError:
        pytest.skip("no hard links on this file system")
    with pytest.raises(ReplaceRefused) as refused:
        write_atomic_many([(path, "new\n") for path in old])
    assert (refused.value.message_id, refused.value.values) == ("cli.write_hard_links", {"n": 2})
    assert {path: path.read_bytes() for path in old} == old
    assert os.stat(tmp_path / "c1.md").st_ino == os.stat(tmp_path / "copy.md").st_ino
    assert _leftovers(tmp_path) == []

    (tmp_path / "copy.md").unlink()
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic_many([(path, "new\n") for path in old] + [(tmp_path / "folder.md", "x\n")])
    assert {path: path.read_bytes() for path in old} == old
    assert (tmp_path / "folder.md").is_dir()
    assert _leftovers(tmp_path) == []

    with pytest.raises(ValueError, match="twice"):
        write_atomic_many([(tmp_path / "c0.md", "a\n"), (str(tmp_path / "sub" / ".." / "c0.md"), "b\n")])
    assert {path: path.read_bytes() for path in old} == old

    with pytest.raises(FileNotFoundError):  # a folder that is not there: nothing written anywhere
        write_atomic_many([(path, "new\n") for path in old] + [(tmp_path / "nope" / "c.md", "x\n")])
    assert {path: path.read_bytes() for path in old} == old
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners on this system")
def test_write_atomic_many_keeps_owners_and_groups_or_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    old = _old_files(tmp_path, 3)
    theirs = tmp_path / "c1.md"
    st, chowned = _owned_by_another_user(monkeypatch, theirs)
    write_atomic_many([(path, "new\n") for path in old])  # as root would: the new file gets the old owner
    assert chowned == [(st.st_uid + 1, st.st_gid + 1)]
    assert all(path.read_text(encoding="utf-8") == "new\n" for path in old)

    def chown_refused(path: Any, uid: int, gid: int, **kwargs: Any) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown_refused)
    with pytest.raises(ReplaceRefused) as refused:
        write_atomic_many([(path, "newer\n") for path in old])
    assert (refused.value.message_id, refused.value.values) == ("cli.write_owner", {"uid": st.st_uid + 1})
    assert all(path.read_text(encoding="utf-8") == "new\n" for path in old)  # none of them, not only c1.md
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_write_atomic_many_as_root_keeps_the_owner(tmp_path: Path, way: str) -> None:
    old = _old_files(tmp_path, 2)
    os.chown(tmp_path / "c0.md", 12345, 23456)
    write_atomic_many([(path, "new\n") for path in old])
    st = os.stat(tmp_path / "c0.md")
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)
    assert (tmp_path / "c0.md").read_text(encoding="utf-8") == "new\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs and /proc/self/mountinfo are Linux's")
def test_syncfs_and_the_file_system_table(tmp_path: Path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        kind = files._file_system_kinds().get(files._device(os.fstat(fd).st_dev))
        assert kind, "the file system of the test folder is in /proc/self/mountinfo"
        if files._libc_syncfs() is not None:
            files._syncfs(fd)
    finally:
        os.close(fd)
    if files._libc_syncfs() is not None:
        with pytest.raises(OSError, match="Bad file descriptor") as bad:
            files._syncfs(fd)  # closed
        assert bad.value.errno == errno.EBADF
