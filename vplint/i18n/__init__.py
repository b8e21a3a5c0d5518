"""Every text vplint shows, one table per language: :mod:`vplint.i18n.en` and :mod:`vplint.i18n.zh`.

Each table maps a message id to its text in that language.  Ids are namespaced by where the
text is used:

``file.``, ``front_matter.``, ``section.``, ``field.``, ``schema.``, ``hint.``, ``piece.``, ``type.``
    findings about the file and the canvas's shape, and the pieces their arguments use
``C001.`` ... ``U001.``
    each rule's findings, and the example texts a rule passes as arguments
``summary.``, ``count.``, ``cli.``
    reporters' summaries and the command line's own errors
``brief.``, ``init.``, ``new.``
    the messages of those commands
``ui.``
    the strings brief templates reach with ``t(key)``
``label.``, ``skeleton.``, ``docs.``, ``sarif.``
    names of parts of a canvas, the skeleton ``vplint new`` writes, the rules reference
    (``docs/rules.md``, ``vplint explain``) and the help text of SARIF rule descriptors

A diagnostic names its message by id and carries its arguments; reporters render it in the
reader's language with :func:`render`.  A language's table is imported the first time it is
needed, so a command reading English never loads the Chinese one.  Tests check that both
tables have the same ids and that each message has the same ``{placeholders}`` in both.
"""

from __future__ import annotations

# Not ``from typing import TYPE_CHECKING`` (see vplint/__init__.py): this module is on every check's path.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["count", "get", "placeholders", "render", "table", "text"]

_TABLES: dict[str, dict[str, str]] = {}


def table(lang: str) -> dict[str, str]:
    """The table of ``lang`` (``zh``, else English): message id -> text."""
    lang = "zh" if lang == "zh" else "en"
    found = _TABLES.get(lang)
    if found is None:
        found = _TABLES[lang] = _load(lang)
    return found


def _load(lang: str) -> dict[str, str]:
    if lang == "zh":
        from vplint.i18n import zh

        return zh.MESSAGES
    from vplint.i18n import en

    return en.MESSAGES


def text(message_id: str, lang: str) -> str:
    """The text of ``message_id`` in ``lang``, placeholders and all (KeyError for an unknown id)."""
    return table(lang)[message_id]


def get(message_id: str, lang: str) -> str | None:
    """The text of ``message_id`` in ``lang``, or None when there is no such message."""
    return table(lang).get(message_id)


def render(message_id: str, args: Mapping[str, object], lang: str) -> str:
    """The message in ``lang`` with its arguments filled in (the bare text when they do not fit it)."""
    template = table(lang)[message_id]
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def count(kind: str, n: int, lang: str) -> str:
    """``3 errors`` / ``3 个错误``: the singular/plural pair is split on '|'."""
    rendered = render(f"count.{kind}", {"n": n}, lang)
    if "|" in rendered:
        one, many = rendered.split("|", 1)
        return one if n == 1 else many
    return rendered


def placeholders(template: str) -> set[str]:
    """The names of the ``{placeholders}`` in ``template``."""
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
