"""store/cache.py on its own: when a cached result is reused, and when it is not."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from vplint.store.cache import CACHE_VERSION, ResultCache, parse_payloads

PAYLOAD: dict[str, Any] = {
    "lang": "en",
    "error": None,
    "diagnostics": [],
    "directives": [],
    "summary": None,
    "positions": {},
}


def _payload(cache: ResultCache, path: str) -> dict[str, Any] | None:
    text = cache.lookup(path)
    return None if text is None else parse_payloads([text])[0]


def _stored(tmp_path: Path, text: str = "canvas\n") -> tuple[ResultCache, str]:
    canvas = tmp_path / "c.md"
    canvas.write_text(text, encoding="utf-8")
    os.utime(canvas, ns=(1_000_000_000, 1_000_000_000))  # long ago: not "racily clean"
    cache = ResultCache(tmp_path / "cache", "k")
    cache.store(str(canvas), PAYLOAD, ResultCache.stat_key(os.stat(canvas)))
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


def test_a_touched_but_unchanged_file_is_a_hit_by_its_bytes(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    assert _payload(cache, path) == PAYLOAD
    assert cache.dirty  # the new stat key is remembered


def test_a_changed_file_is_a_miss(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    Path(path).write_text("another canvas\n", encoding="utf-8")
    assert cache.lookup(path) is None
    os.unlink(path)
    assert cache.lookup(path) is None


def test_a_file_that_changed_while_it_was_checked_is_not_stored(tmp_path: Path) -> None:
    canvas = tmp_path / "c.md"
    canvas.write_text("one\n", encoding="utf-8")
    before = ResultCache.stat_key(os.stat(canvas))
    canvas.write_text("two, longer\n", encoding="utf-8")
    cache = ResultCache(tmp_path / "cache", "k")
    cache.store(str(canvas), PAYLOAD, before)
    assert cache.lookup(str(canvas)) is None
    cache.store(str(canvas), PAYLOAD, None)
    assert cache.lookup(str(canvas)) is None


def test_a_freshly_written_file_is_stored_without_its_stat_key(tmp_path: Path) -> None:
    canvas = tmp_path / "c.md"
    canvas.write_text("one\n", encoding="utf-8")
    cache = ResultCache(tmp_path / "cache", "k")
    cache.store(str(canvas), PAYLOAD, ResultCache.stat_key(os.stat(canvas)))
    assert cache.entries[str(canvas)][0] is None  # the next run compares its bytes
    assert _payload(cache, str(canvas)) == PAYLOAD


def test_a_cache_of_another_version_or_shape_is_ignored(tmp_path: Path) -> None:
    cache, path = _stored(tmp_path)
    cache.save()
    file = tmp_path / "cache" / "results-k.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["version"] == CACHE_VERSION
    for broken in ({**data, "version": CACHE_VERSION - 1}, {"version": CACHE_VERSION, "files": []}, [1, 2]):
        file.write_text(json.dumps(broken), encoding="utf-8")
        assert ResultCache(tmp_path / "cache", "k").lookup(path) is None
    file.write_text("{not json", encoding="utf-8")
    assert ResultCache(tmp_path / "cache", "k").entries == {}


def test_nothing_is_written_when_nothing_changed(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache", "k")
    cache.save()
    assert not (tmp_path / "cache").exists()


def test_payloads_are_parsed_in_batches_and_a_bad_one_is_a_miss() -> None:
    assert parse_payloads(['{"a":1}', '{"b":2}']) == [{"a": 1}, {"b": 2}]
    assert parse_payloads(['{"a":1}', "{not json", "[1]", '{"c":3}']) == [{"a": 1}, None, None, {"c": 3}]
    assert parse_payloads(['{"a":1},{"b":2}', '{"c":3}']) == [None, {"c": 3}]  # one entry, one value
    assert parse_payloads([]) == []


def test_the_cache_file_is_written_in_pieces_that_make_one_json_document() -> None:
    from vplint.store.cache import _pieces

    entries: dict[str, list[Any]] = {f"c/{i}.md": [[1, 2, 3], "ab" * 32, '{"lang":"en"}'] for i in range(2500)}
    entries["naïve/\udcff.md"] = [None, "cd", "{}"]  # not UTF-8: escaped, as json.dumps does
    text = "".join(_pieces(entries, size=1000))
    assert text == json.dumps({"version": CACHE_VERSION, "files": entries}, separators=(",", ":"))
    assert "".join(_pieces({})) == json.dumps({"version": CACHE_VERSION, "files": {}}, separators=(",", ":"))
