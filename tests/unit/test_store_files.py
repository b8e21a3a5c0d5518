"""vplint.store.files: the one way vplint writes files, reads TOML and marks its cache folder."""

from __future__ import annotations

import os
import stat
import time
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


@pytest.mark.parametrize("write", [write_atomic, create_exclusive])
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


@pytest.mark.skipif(not hasattr(os, "chown"), reason="no owners on this system")
def test_write_atomic_keeps_the_owner_and_group_or_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of another user in a folder anyone may write to: replaced keeping its owner, or left alone."""
    target = tmp_path / "c.md"
    target.write_text("old\n", encoding="utf-8")
    st = os.stat(target)
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:  # the target belongs to uid+1, gid+1
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
