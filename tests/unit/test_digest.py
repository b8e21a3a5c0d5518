"""vplint.store.digest gives hashlib's SHA-256 digests (the result cache's keys depend on them)."""

from __future__ import annotations

import hashlib

import pytest

from vplint.store.digest import sha256


def test_same_digests_as_hashlib() -> None:
    for data in (b"", b"abc", "画布".encode(), bytes(range(256)) * 100):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        h = sha256()
        h.update(data[:7])
        h.update(data[7:])
        assert h.hexdigest() == hashlib.sha256(data).hexdigest()


def test_hex_digest_gives_the_same_digests_before_and_after_it_moves_to_hashlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vplint.store import digest

    monkeypatch.setattr(digest, "_hashed", 0)
    monkeypatch.setattr(digest, "_bulk", None)
    chunk = bytes(range(256)) * 1024  # 256 KiB
    for i in range(6):  # crosses BULK (1 MiB) on the way
        data = chunk + bytes([i])
        assert digest.hex_digest(data) == hashlib.sha256(data).hexdigest()
    assert digest._bulk is hashlib.sha256
