"""SHA-256 digests without the start-up cost of hashlib's OpenSSL binding.

``import hashlib`` loads OpenSSL, about 3-7 ms that every ``vplint check`` would pay for the few
kilobytes a one-file run hashes.  CPython's own implementation (``_sha2`` from 3.12, ``_sha256``
before) gives the same digests and loads in a fraction of that; hashlib is the fallback.  Where a
run hashes many files (the result cache and replay key every file on its bytes),
:func:`hex_digest` moves to hashlib once a run has hashed :data:`BULK` bytes: OpenSSL's SHA-256
uses the CPU's SHA instructions and is about four times as fast.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    class Hash(Protocol):
        def update(self, data: bytes, /) -> None: ...
        def hexdigest(self) -> str: ...


__all__ = ["BULK", "hex_digest", "sha256"]

BULK = 1024 * 1024
"""Bytes hashed by :func:`hex_digest` before it loads hashlib (the same digests, faster in bulk)."""


def _constructor() -> Callable[..., Hash]:
    for name in ("_sha2", "_sha256"):
        try:
            found: Callable[..., Hash] = __import__(name).sha256
        except (ImportError, AttributeError):
            continue
        return found
    import hashlib

    return hashlib.sha256


sha256 = _constructor()
"""``sha256(data=b"")``: a hash object with ``update`` and ``hexdigest``, as ``hashlib.sha256``."""


_hashed = 0
_bulk: Callable[..., Hash] | None = None


def hex_digest(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex: the cheap-to-load implementation first, OpenSSL's after :data:`BULK` bytes."""
    global _hashed, _bulk
    if _bulk is not None:
        return _bulk(data).hexdigest()
    _hashed += len(data)
    if _hashed > BULK:
        import hashlib

        _bulk = hashlib.sha256
    return sha256(data).hexdigest()
