"""Shared by the style rules: the canvas's writing language and the canonical spellings."""

from __future__ import annotations

from vplint.model import vocabulary as voc
from vplint.model.canvas import Canvas, Token

__all__ = ["canonical_spelling", "writing_language"]


def writing_language(canvas: Canvas, fallback: str) -> str:
    """The language the canvas is written in, which decides its canonical spellings.

    Its ``language`` key, else what its text is written in — never the language messages are
    shown in (``--lang``), so a fix never translates a canvas.
    """
    return canvas.written_language(fallback)


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
