"""Human names for parts of a canvas, in the reader's language."""

from __future__ import annotations

from vplint.i18n import get
from vplint.model import vocabulary as voc
from vplint.model.canvas import Canvas, JsonPath

__all__ = ["ITEM_PREFIX", "field_label", "item_label", "join_terms", "section_label", "singular_label", "term_label"]

ITEM_PREFIX = {"problems": "P", "needs": "N", "motivators": "M"}


def section_label(section: str, lang: str) -> str:
    return voc.SECTIONS[section].label(lang)


def singular_label(section: str, lang: str) -> str:
    """``problem`` / ``业务问题``: what one item of a section is called."""
    if lang == "zh":
        return voc.SECTIONS[section].zh
    return _item_word(section, lang)


def _item_word(section: str, lang: str) -> str:
    """``problem`` / ``问题`` (the message ``label.item.<section>``); the section's slug when there is none."""
    return get(f"label.item.{section}", lang) or section


def item_label(canvas: Canvas, path: JsonPath, lang: str) -> str:
    """``P1``, or ``problem 2`` for an item without an id."""
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        section, index = path[0], path[1]
        items = canvas.data.get(section)
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            item_id = items[index].get("id")
            if isinstance(item_id, str) and item_id:
                return item_id
        return f"{_item_word(section, lang)} {index + 1}"
    return ""


def field_label(section: str, key: str, lang: str) -> str:
    """The field name as a rep writes it: ``Diagnosis`` / ``诊断``."""
    vocab = voc.FIELDS.get(section)
    if vocab is not None:
        slug = {"diagnoses": "diagnosis"}.get(key, key)
        try:
            return vocab[slug].label(lang)
        except KeyError:
            pass
    return key


def term_label(vocabulary: str, slug: str, lang: str) -> str:
    """``before-after`` in English, ``前后对比（before-after）`` in Chinese."""
    try:
        term = voc.VOCABULARIES[vocabulary][slug]
    except KeyError:
        return slug
    return f"{term.zh}（{slug}）" if lang == "zh" else slug


def join_terms(vocabulary: str, slugs: list[str], lang: str) -> str:
    labels = [term_label(vocabulary, s, lang) for s in slugs]
    if lang == "zh":
        return "、".join(labels)
    quoted = [f"'{x}'" for x in labels]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
