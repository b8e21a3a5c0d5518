"""Generate the tables of ``docs/canvas-format.md`` and ``docs/canvas-format.zh.md``.

The two docs are hand-written prose with generated blocks between marker comments::

    <!-- BEGIN GENERATED: level -->
    | Slug | Label | Also accepted |
    ...
    <!-- END GENERATED: level -->

A block's name is the name of a vocabulary in :mod:`vplint.model.vocabulary` (``level``,
``section``, ``problem_field``, ``front_matter_key``, ...) or ``rules``.  Run
``python -m tools.docgen`` after changing the vocabulary or the rules (``--check`` only
reports stale docs); a test fails when a doc drifts from what this module renders.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.schemagen import canvas_schema
from vplint.model import vocabulary as voc
from vplint.rules import RULES

__all__ = ["BLOCKS", "DOCS", "DOCS_DIR", "block_names", "main", "render", "rules_table", "update", "vocabulary_table"]

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
DOCS = {"en": "canvas-format.md", "zh": "canvas-format.zh.md"}

_STRUCTURE = (voc.SECTIONS, voc.FRONT_MATTER_KEYS, voc.DECISION_MAKER_KEYS, *voc.FIELDS.values())
_ALL: dict[str, voc.Vocabulary] = {**voc.VOCABULARIES, **{v.name: v for v in _STRUCTURE}}
BLOCKS = (*_ALL, "rules")
"""Every block name :func:`render` knows."""

_SECTION_OF = {v.name: section for section, v in voc.FIELDS.items()}
_RULE_REQUIRED = {
    ("decision_maker_key", "kpis"): "D001",
    ("problem_field", "type"): "P001",
    ("problem_field", "diagnosis"): "C001",
    ("need_field", "solves"): "N001",
    ("need_field", "strategy"): "C002",
    ("motivator_field", "kind"): "M001",
}
"""(vocabulary, slug) the schema leaves optional but a rule reports as an error when missing.

A term is marked with the rule's code only if that rule exists."""

_WORDS = {
    "slug": ("Slug", "规范名"),
    "label": ("Label", "名称"),
    "also": ("Also accepted", "其他可用写法"),
    "required": ("Required", "必填"),
    "yes": ("yes", "是"),
    "code": ("Code", "代码"),
    "name": ("Name", "名称"),
    "severity": ("Severity", "级别"),
    "checks": ("What it checks", "检查内容"),
    "error": ("error", "错误"),
    "warning": ("warning", "警告"),
    "info": ("note", "提示"),
}


def _w(word: str, lang: str) -> str:
    en, zh = _WORDS[word]
    return zh if lang == "zh" else en


def _code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "".join("| " + " | ".join(cells) + " |\n" for cells in lines)


def _name(term: voc.Term, lang: str) -> str:
    """The slug, followed by the label where it is spelled differently: `financial` 财务."""
    label = term.label(lang)
    return _code(term.slug) if voc.normalize(label) == voc.normalize(term.slug) else f"{_code(term.slug)} {label}"


def _also(term: voc.Term, lang: str) -> str:
    """The other spellings, one per lookup key (spellings that fold to one key are one spelling)."""
    seen = {voc.normalize(term.slug), voc.normalize(term.label(lang))}
    out: list[str] = []
    for spelling in (term.label("en" if lang == "zh" else "zh"), *term.aliases):
        key = voc.normalize(spelling)
        if key not in seen:
            seen.add(key)
            out.append(_code(spelling))
    return ", ".join(out)


def _required(name: str, lang: str) -> dict[str, str] | None:
    """For a structural vocabulary, ``slug -> mark`` of its required terms; None for the others."""
    schema = canvas_schema()
    props = schema["properties"]
    section = _SECTION_OF.get(name)
    if name in ("front_matter_key", "section"):
        required = schema["required"]
    elif name == "decision_maker_key":
        required = props["decision_maker"]["required"]
    elif section is not None:
        required = props[section].get("items", {}).get("required", [])
    else:
        return None
    yes = _w("yes", lang)
    marks = dict.fromkeys(required, yes)
    for (vocabulary, slug), code in _RULE_REQUIRED.items():
        if vocabulary == name and code in RULES:
            marks[slug] = f"{yes}（{code}）" if lang == "zh" else f"{yes} ({code})"
    return marks


def vocabulary_table(vocab: voc.Vocabulary, lang: str) -> str:
    """A markdown table of ``vocab``: its terms (under their parent, if any), labels and spellings.

    The label column is left out where every label is written as its slug (``id``, ``goal``).
    """
    terms = list(vocab.terms)
    parent = _ALL.get(vocab.parent_vocabulary or "")
    if parent is not None:
        terms.sort(key=lambda t: parent.slugs.index(t.parent or ""))
    labelled = any(t.label(lang) != t.slug for t in terms)
    required = _required(vocab.name, lang)
    header = [
        *([parent.label(lang).capitalize()] if parent else []),
        _w("slug", lang),
        *([_w("label", lang)] if labelled else []),
        _w("also", lang),
        *([_w("required", lang)] if required is not None else []),
    ]
    rows = [
        [
            *([_name(parent[t.parent or ""], lang)] if parent else []),
            _code(t.slug),
            *([t.label(lang)] if labelled else []),
            _also(t, lang),
            *([required.get(t.slug, "")] if required is not None else []),
        ]
        for t in terms
    ]
    return _table(header, rows)


def _summary(rationale: str, lang: str) -> str:
    """The first paragraph of a rule's rationale, on one line."""
    first = rationale.split("\n\n", 1)[0].strip()
    return ("" if lang == "zh" else " ").join(first.split("\n")).replace("``", "`")


def rules_table(lang: str) -> str:
    """Code, name, severity and the first paragraph of the rationale of every rule."""
    header = [_w("code", lang), _w("name", lang), _w("severity", lang), _w("checks", lang)]
    rows = [
        [_code(r.code), _code(r.name), _w(r.severity.value, lang), _summary(r.rationale(lang), lang)]
        for r in RULES.values()
    ]
    return _table(header, rows)


def render(name: str, lang: str) -> str:
    """The content of the generated block ``name`` in ``lang`` ('en' or 'zh')."""
    if name == "rules":
        return rules_table(lang)
    if name not in _ALL:
        raise ValueError(f"unknown generated block {name!r}; known: {', '.join(BLOCKS)}")
    return vocabulary_table(_ALL[name], lang)


_BLOCK = re.compile(
    r"(?P<begin><!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<end><!-- END GENERATED: (?P=name) -->)",
    re.S,
)


def update(text: str, lang: str) -> str:
    """``text`` with every generated block re-rendered in ``lang``; prose is left as it is."""
    if len(_BLOCK.findall(text)) != text.count("<!-- BEGIN GENERATED:"):
        raise ValueError("a '<!-- BEGIN GENERATED: name -->' marker has no matching END marker")
    return _BLOCK.sub(lambda m: m["begin"] + render(m["name"], lang) + m["end"], text)


def block_names(text: str) -> list[str]:
    """The names of the generated blocks in ``text``, in order."""
    return [m["name"] for m in _BLOCK.finditer(text)]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the docs in place; with ``--check``, only report the stale ones (exit 1)."""
    check = "--check" in (argv or [])
    stale = []
    for lang, name in DOCS.items():
        path = DOCS_DIR / name
        text = path.read_text(encoding="utf-8")
        new = update(text, lang)
        if new == text:
            continue
        stale.append(path)
        if not check:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path}")
    if check and stale:
        print("stale generated tables (run python -m tools.docgen): " + ", ".join(map(str, stale)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
