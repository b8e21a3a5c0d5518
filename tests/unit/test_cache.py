"""store/cache.py on its own: when a cached result is reused, and when it is not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from vplint.parser.document import read_document
from vplint.store.cache import CACHE_VERSION, ResultCache, file_digest, parse_payloads
from vplint.store.digest import sha256
from vplint.store.files import MAX_READ

PAYLOAD: dict[str, Any] = {
    "lang": "en",
    "error": None,
    "diagnostics": [],
    "directives": [],
    "summary": None,
    "positions": {},
    "lines": [],
}


def _payload(cache: ResultCache, path: str) -> dict[str, Any] | None:
    text = cache.lookup(path)
    return None if text is None else parse_payloads([text])[0]


def _stored(tmp_path: Path, text: str = "canvas\n") -> tuple[ResultCache, str]:
    canvas = tmp_path / "c.md"
    canvas.write_text(text, encoding="utf-8")
    cache = ResultCache(tmp_path / "cache", "k")
    cache.store(str(canvas), PAYLOAD, file_digest(str(canvas)))
    return cache, str(canvas)


def test_an_unchanged_file_is_a_hit_also_after_saving(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    assert _payload(cache, path) == PAYLOAD
    cache.save()
    again = ResultCache(tmp_path / "cache", "k")
    assert _payload(again, path) == PAYLOAD
    assert ResultCache(tmp_path / "cache", "other-key").lookup(path) is None
    assert (tmp_path / "cache" / ".gitignore").is_file()
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f59")


def test_a_touched_but_unchanged_file_is_a_hit(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    assert _payload(cache, path) == PAYLOAD
    os.rename(path, path + ".x")  # another inode, the same bytes
    Path(path).write_bytes(Path(path + ".x").read_bytes())
    assert _payload(cache, path) == PAYLOAD


def test_a_changed_file_is_a_miss(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    Path(path).write_text("another canvas\n", encoding="utf-8")
    assert cache.lookup(path) is None
    os.unlink(path)
    assert cache.lookup(path) is None


def test_an_edit_that_keeps_the_size_time_and_inode_is_a_miss(tmp_path: Path) -> None:
    """The key is the content: an edit of one letter, its time put back (``touch -r``), is seen."""
    cache, path = _stored(tmp_path, "problem-solving\n")
    st = os.stat(path)
    with open(path, "r+b") as fh:  # in place: the same inode
        fh.write(b"problem-solvinX\n")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert cache.lookup(path) is None
    cache.save()
    assert ResultCache(tmp_path / "cache", "k").lookup(path) is None


def test_a_result_is_stored_under_the_digest_of_the_bytes_that_were_checked(tmp_path: Path) -> None:
    """A file that changed while it was checked is stored under its old content: a miss next time."""
    canvas = tmp_path / "c.md"
    canvas.write_text("one\n", encoding="utf-8")
    checked = file_digest(str(canvas))
    canvas.write_text("two\n", encoding="utf-8")
    cache = ResultCache(tmp_path / "cache", "k")
    cache.store(str(canvas), PAYLOAD, checked)
    assert cache.lookup(str(canvas)) is None
    cache.store(str(canvas), PAYLOAD, None)  # not read from a file: nothing to key it on
    assert cache.lookup(str(canvas)) is None


def test_a_path_without_an_entry_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, _path = _stored(tmp_path)
    read: list[str] = []

    def digest(p: str) -> str:
        read.append(p)
        return "0" * 64

    monkeypatch.setattr("vplint.store.cache.file_digest", digest)
    assert cache.lookup(str(tmp_path / "other.md")) is None
    assert read == []


def test_the_digest_covers_what_a_check_reads_and_no_more(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    head = b"x" * (MAX_READ + 1)
    big.write_bytes(head + b"tail that is never read")
    assert file_digest(str(big)) == sha256(head).hexdigest()
    assert read_document(str(big)).digest == file_digest(str(big))
    with pytest.raises(OSError, match="not a regular file"):
        file_digest(str(tmp_path))


def test_a_cache_of_another_version_or_shape_is_ignored(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    cache.save()
    file = tmp_path / "cache" / "results-k.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["version"] == CACHE_VERSION
    entry = data["files"][path]
    for broken in (
        {**data, "version": CACHE_VERSION - 1},
        {"version": CACHE_VERSION, "files": []},
        [1, 2],
        {**data, "extra": 1},
        {**data, "files": {path: [entry[0], entry[1], "x"]}},
        {**data, "files": {path: ["not a digest", entry[1]]}},
        {**data, "files": {path: [entry[0], {"lang": "en"}]}},
    ):
        file.write_text(json.dumps(broken), encoding="utf-8")
        assert ResultCache(tmp_path / "cache", "k").lookup(path) is None
    file.write_text("{not json", encoding="utf-8")
    assert ResultCache(tmp_path / "cache", "k").entries == {}


def test_nothing_is_written_when_nothing_changed(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", "k")
    cache.save()
    assert not (tmp_path / "cache").exists()


def test_payloads_are_parsed_in_batches_and_a_bad_one_is_a_miss() -> None:
    one, two = json.dumps(PAYLOAD), json.dumps({**PAYLOAD, "lang": "zh"})
    assert parse_payloads([one, two]) == [PAYLOAD, {**PAYLOAD, "lang": "zh"}]
    assert parse_payloads([one, "{not json", "[1]", two]) == [PAYLOAD, None, None, {**PAYLOAD, "lang": "zh"}]
    assert parse_payloads([one + "," + two, one]) == [None, PAYLOAD]  # one entry, one value
    assert parse_payloads([]) == []


DIAGNOSTIC = [3, 1, "C001", "C001.missing", "error", {"what": "x"}, [[3, 1, 4, "new", "old"]]]


@pytest.mark.parametrize(
    "change",
    [
        {"lang": "fr"},
        {"diagnostics": [[1]]},
        {"diagnostics": [["3", *DIAGNOSTIC[1:]]]},
        {"diagnostics": [[*DIAGNOSTIC[:4], "fatal", *DIAGNOSTIC[5:]]]},
        {"diagnostics": [[*DIAGNOSTIC[:5], {"what": 1}, DIAGNOSTIC[6]]]},
        {"diagnostics": [[*DIAGNOSTIC[:6], [[3, 1]]]]},
        {"diagnostics": [[*DIAGNOSTIC, 1]]},
        {"directives": [{"kind": "disable"}]},
        {"summary": {"id": 1}},
        {"positions": {"id": [1]}},
        {"lines": [["1", "text"]]},
        {"extra": True},
    ],
)
def test_a_payload_of_another_shape_is_a_miss(change: dict[str, Any]) -> None:
    good = {**PAYLOAD, "diagnostics": [DIAGNOSTIC]}
    assert parse_payloads([json.dumps(good)]) == [good]
    assert parse_payloads([json.dumps({**good, **change})]) == [None]


def test_payloads_missing_a_key_or_nested_too_deep_are_misses() -> None:
    for key in PAYLOAD:
        assert parse_payloads([json.dumps({k: v for k, v in PAYLOAD.items() if k != key})]) == [None], key
    deep = "[" * 100_000 + "]" * 100_000
    assert parse_payloads(["{}", json.dumps({**PAYLOAD, "lines": []}).replace("[]}", deep + "}")]) == [None, None]


def test_the_cache_file_is_written_in_pieces_that_make_one_json_document() -> None:
    from vplint.store.cache import _pieces

    entries: dict[str, list[str]] = {f"c/{i}.md": ["ab" * 32, '{"lang":"en"}'] for i in range(2500)}
    entries["naïve/\udcff.md"] = ["cd" * 32, "{}"]  # not UTF-8: escaped, as json.dumps does
    text = "".join(_pieces(entries, size=1000))
    assert text == json.dumps({"version": CACHE_VERSION, "files": entries}, separators=(",", ":"))
    assert "".join(_pieces({})) == json.dumps({"version": CACHE_VERSION, "files": {}}, separators=(",", ":"))


def test_a_digest_the_replay_took_is_used_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run whose replay missed has read every file already: the lookup takes that digest, once, instead of reading."""
    from vplint.store.cache import remember_digest

    cache, path = _stored(tmp_path)
    remember_digest(path, file_digest(path))
    read: list[str] = []

    def digest(p: str) -> str:
        read.append(p)
        return "0" * 64

    monkeypatch.setattr("vplint.store.cache.file_digest", digest)
    assert _payload(cache, path) == PAYLOAD  # the remembered digest
    assert read == []
    assert cache.lookup(path) is None  # then the file is read again (here: a different digest)
    assert read == [path]
