"""Shared by the style rules: the canvas's writing language and the canonical spellings."""

from __future__ import annotations

from .. import vocabulary as voc
from ..model import Canvas, Token

__all__ = ["canonical_spelling", "writing_language"]


def writing_language(canvas: Canvas, fallback: str) -> str:
    """The language the canvas is written in (its ``language``), which decides its canonical spellings."""
    lang = canvas.data.get("language")
    return lang if lang in ("en", "zh") else fallback


def canonical_spelling(token: Token, lang: str) -> str | None:
    """How ``token`` is written canonically in ``lang``: English slugs and labels, or Chinese labels."""
    vocab = voc.ALL_VOCABULARIES.get(token.vocabulary)
    if vocab is None or not token.slug:
        return None
    term = vocab[token.slug]
    if lang == "zh":
        return term.zh
    if token.role == "value":
        return term.slug
    return term.en[:1].upper() + term.en[1:]
