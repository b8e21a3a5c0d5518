"""vplint.store.digest gives hashlib's SHA-256 digests (the result cache's keys depend on them)."""

from __future__ import annotations

import hashlib

from vplint.store.digest import sha256


def test_same_digests_as_hashlib() -> None:
    for data in (b"", b"abc", "画布".encode(), bytes(range(256)) * 100):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        h = sha256()
        h.update(data[:7])
        h.update(data[7:])
        assert h.hexdigest() == hashlib.sha256(data).hexdigest()
