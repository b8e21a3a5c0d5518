"""The canvas skeleton ``vplint new`` writes: every section, one item of each kind, every field, prompts.

A skeleton guides the rep through the canvas (docs/method.md): each field holds a prompt in angle
brackets (``<what you found>``), which the placeholder rule (H002) reports until it is
replaced, so ``vplint check`` on a fresh skeleton lists exactly what remains to fill, and
nothing else: a prompt is the whole value of its field, so the model counts the field as not
filled in (no "unknown value" error beside it), and the rules that need a field (a problem's
type, a need's strategy, ...) name what each item still lacks.  Fields that apply to one
kind of problem or change only say so in their prompt ("...; else delete this line").

Headings and field names are the canonical spellings of the chosen language (what ``vplint
check --fix`` would write); the vocabulary lists in the HTML comments come from
:mod:`vplint.model.vocabulary`, so they are always the values vplint accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import yaml

from vplint import i18n
from vplint.model import vocabulary as voc

__all__ = ["CANVAS_ID", "Skeleton", "canvas_id", "prompts", "render", "slugify"]

CANVAS_ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
"""What the schema accepts as a canvas id (at most 80 characters)."""

_PROMPT = re.compile(r"<[^<>\n]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Skeleton:
    """What the rep told ``vplint new``; every other field is a prompt."""

    canvas_id: str
    account: str
    title: str
    function: str
    """The buying role: a slug of :data:`vplint.model.vocabulary.FUNCTION` (written as ``buying_role``)."""
    updated: dt.date
    lang: str = "en"
    offering: str | None = None
    """A slug of :data:`vplint.model.vocabulary.OFFERING`; None leaves a prompt."""
    owner: str | None = None


def slugify(text: str) -> str:
    """``ACME Manufacturing`` -> ``acme-manufacturing``: ASCII letters and digits joined by single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def canvas_id(account: str, title: str, fallback: str = "") -> str:
    """The id a new canvas gets: ``account-title`` slugified, at most 80 characters.

    Where the account or the title has no Latin letters or digits (``华信物流``), the
    ``fallback`` (the file name, ``huaxin-cio``) is slugified instead; an empty result
    means the caller must ask for ``--id``.
    """
    parts = [slugify(account), slugify(title)]
    slug = "-".join(parts) if all(parts) else slugify(fallback)
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0] if "-" in slug[:80] else slug[:80]
    return slug.strip("-")


def prompts(text: str) -> list[str]:
    """The ``<prompts>`` left in a skeleton (outside HTML comments)."""
    return _PROMPT.findall(_COMMENT.sub("", text))


# --- the text -----------------------------------------------------------------------------

# The fields of each item, in order.  Each field's prompt is the message ``skeleton.field.<section>.<slug>``
# of vplint.i18n, except ``type`` and ``continuity``, whose prompts list the vocabulary's values.
_PROBLEM_FIELDS = ("type", "diagnosis", "root_cause", "baseline", "precedent", "symptom", "target", "deadline")
_NEED_FIELDS = ("solves", "origin", "strategy", "serves", "objective", "sponsor")
_MOTIVATOR_FIELDS = ("kind", "for", "change", "continuity", "shift", "evidence", "phenomenon", "feeling", "perception")


def _text(key: str, lang: str) -> str:
    """The skeleton's text ``key`` in ``lang``: the message ``skeleton.<key>`` of :mod:`vplint.i18n`."""
    return i18n.text(f"skeleton.{key}", lang)


def _label(term: voc.Term, lang: str) -> str:
    """The canonical spelling of a heading or a field name (what the style rule Y001 asks for)."""
    return term.zh if lang == "zh" else term.en[:1].upper() + term.en[1:]


def _value(term: voc.Term, lang: str) -> str:
    """The canonical spelling of a value."""
    return term.zh if lang == "zh" else term.slug


def _choices(values: list[str], lang: str) -> str:
    """``a, b or c`` / ``a / b / c`` (Chinese terms may hold 或 themselves: 更重要或更紧急)."""
    if lang == "zh" or len(values) < 2:
        return " / ".join(values)
    return ", ".join(values[:-1]) + " or " + values[-1]


def _list(values: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(values)


def _by_parent(children: voc.Vocabulary, parents: voc.Vocabulary, lang: str) -> str:
    """``problem-solving: decomposition, before-after, ...; risk-prevention: ...`` from the vocabulary."""
    colon, sep = ("：", "；") if lang == "zh" else (": ", "; ")
    groups = [
        _value(p, lang) + colon + _list([_value(c, lang) for c in children.children_of(p.slug)], lang)
        for p in parents.terms
    ]
    return sep.join(groups) + ("。" if lang == "zh" else ".")


def _comment(parts: list[str], lang: str, width: int = 100) -> str:
    """An HTML comment: English wrapped at spaces, Chinese (which has no spaces to break at) a part a line."""
    if lang == "zh":
        return "<!-- " + "\n".join(parts) + " -->"
    lines: list[str] = []
    line = "<!--"
    for word in " ".join(parts).split(" "):
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}"
    lines.append(line + " -->")
    return "\n".join(lines)


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly that text (quoted only where it must be)."""
    try:
        plain = yaml.safe_load(text) == text and "#" not in text and text == text.strip()
    except yaml.YAMLError:
        plain = False
    if plain and not text.startswith(("<", "'", '"', "-", "?", ":", "!", "&", "*", "|", ">", "%", "@", "`")):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _target(ref: str, lang: str) -> str:
    """`` (M1)`` / ``（M1）``: what an action works on, after its lever."""
    return f"（{ref}）" if lang == "zh" else f" ({ref})"


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _field(section: str, slug: str, prompt: str, lang: str) -> str:
    return f"- {_label(voc.FIELDS[section][slug], lang)}{_colon(lang)}{prompt}"


def _prompt(text: str) -> str:
    return f"<{text}>"


def _enum_prompt(vocab: voc.Vocabulary, lang: str) -> str:
    """A prompt listing the values of ``vocab``."""
    return _prompt(_choices([_value(t, lang) for t in vocab.terms], lang))


def _front_matter(s: Skeleton) -> str:
    """The YAML front-matter, between its ``---`` lines: what the rep told, prompts for the rest."""
    lang = s.lang
    offering = s.offering or _prompt(
        _choices([t.slug if lang == "en" else f"{t.slug}（{t.zh}）" for t in voc.OFFERING.terms], lang)
    )
    return "\n".join(
        [
            "---",
            f"id: {s.canvas_id}",
            f"account: {_yaml_scalar(s.account)}",
            "decision_maker:",
            f"  title: {_yaml_scalar(s.title)}",
            f"  function: {_text('function', lang)}",
            f"  buying_role: {s.function}",
            f"  authority: {_text('authority', lang)}",
            "  kpis:",
            f"    - {_text('kpi', lang)}",
            "decision_process:",
            "  evaluators:",
            f"    - title: {_text('evaluator_title', lang)}",
            f"      function: {_text('evaluator_function', lang)}",
            f"      evaluates: {_text('evaluates', lang)}",
            "  decision_points:",
            f"    - {_text('decision_point', lang)}",
            f"offering: {offering}",
            f"owner: {_yaml_scalar(s.owner) if s.owner else _text('owner', lang)}",
            f"updated: {s.updated.isoformat()}",
            f"language: {lang}",
            "---",
        ]
    )


def _section(slug: str, lang: str) -> str:
    """A section's heading."""
    return "## " + _label(voc.SECTIONS[slug], lang)


def _fields(section: str, spec: tuple[str, ...], lang: str) -> list[str]:
    """The field lines of an item of ``section``, each holding its prompt."""
    out = []
    for slug in spec:
        vocab = {"type": voc.PROBLEM_TYPE, "continuity": voc.CONTINUITY, "origin": voc.ORIGIN}.get(slug)
        text = _enum_prompt(vocab, lang) if vocab is not None else _text(f"field.{section}.{slug}", lang)
        out.append(_field(section, slug, text, lang))
    return out


def _title(s: Skeleton) -> list[str]:
    """The canvas's title and the comment that introduces the skeleton."""
    return [
        "# " + _text("heading", s.lang).format(account=s.account, title=s.title),
        "",
        _comment(_text("intro", s.lang).split("\n"), s.lang),
    ]


def _problems(lang: str) -> list[str]:
    """The problems section: its guide (diagnosis methods by problem type) and one problem."""
    return [
        _section("problems", lang),
        "",
        _comment([_text("problems", lang), _by_parent(voc.DIAGNOSIS_METHOD, voc.PROBLEM_TYPE, lang)], lang),
        "",
        f"### P1 {_text('item_problem', lang)}",
        *_fields("problems", _PROBLEM_FIELDS, lang),
    ]


def _needs(lang: str) -> list[str]:
    """The needs section: its guide (areas by level) and one need."""
    return [
        _section("needs", lang),
        "",
        _comment([_text("needs", lang), _by_parent(voc.AREA, voc.LEVEL, lang)], lang),
        "",
        f"### N1 {_text('item_need', lang)}",
        *_fields("needs", _NEED_FIELDS, lang),
    ]


def _motivators(lang: str) -> list[str]:
    """The motivators section: its guide (the kinds of motivator, changes by scope) and one motivator."""
    end = "。" if lang == "zh" else "."
    kinds = _list([_value(t, lang) for t in voc.MOTIVATOR.terms], lang) + end
    guide = [_text("motivators", lang), kinds, _text("changes", lang), _by_parent(voc.CHANGE_CATEGORY, voc.SCOPE, lang)]
    return [
        _section("motivators", lang),
        "",
        _comment(guide, lang),
        "",
        f"### M1 {_text('item_motivator', lang)}",
        *_fields("motivators", _MOTIVATOR_FIELDS, lang),
    ]


def _conversion(lang: str) -> list[str]:
    """The conversion section: one trigger line."""
    trigger = _label(voc.FIELDS["conversion"]["trigger"], lang)
    return [
        _section("conversion", lang),
        f"- {trigger}{_colon(lang)}{_enum_prompt(voc.TRIGGER, lang)}",
    ]


def _actions(lang: str) -> list[str]:
    """The actions section: its guide and one line per lever."""
    return [
        _section("actions", lang),
        "",
        _comment([_text("actions", lang)], lang),
        "",
        *(
            f"- {_label(term, lang)}{_target('M1', lang)}{_colon(lang)}{_text(f'lever.{term.slug}', lang)}"
            for term in voc.LEVER.terms
        ),
    ]


def render(s: Skeleton) -> str:
    """The skeleton's markdown."""
    parts = [_title(s), _problems(s.lang), _needs(s.lang), _motivators(s.lang), _conversion(s.lang), _actions(s.lang)]
    body = "\n\n".join("\n".join(part) for part in parts)
    return _front_matter(s) + "\n\n" + body + "\n"
