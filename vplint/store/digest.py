"""SHA-256 digests without the start-up cost of hashlib's OpenSSL binding.

``import hashlib`` loads OpenSSL, about 4-7 ms that every ``vplint check`` would pay for the few
kilobytes the result cache hashes.  CPython's own implementation (``_sha2`` from 3.12, ``_sha256``
before) gives the same digests and loads in a fraction of that; hashlib is the fallback.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    class Hash(Protocol):
        def update(self, data: bytes, /) -> None: ...
        def hexdigest(self) -> str: ...


__all__ = ["sha256"]


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
