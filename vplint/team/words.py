"""The words of the team report's pages: the messages ``site.*`` of :mod:`vplint.i18n`, in English and Chinese.

A text with ``|`` is a singular|plural pair chosen by ``n``.  Vocabulary values (motivator kinds,
buying roles, problem types, ...) come from the vocabularies' own labels, not from here.
"""

from __future__ import annotations

from vplint.i18n import text

__all__ = ["word"]


def word(key: str, lang: str, **args: object) -> str:
    """The page text ``site.<key>`` in ``lang`` (``zh``, else English), with ``args`` filled in."""
    found = text(f"site.{key}", lang)
    if "|" in found:
        one, many = found.split("|", 1)
        found = one if args.get("n") == 1 else many
    return found.format(**args) if args else found
