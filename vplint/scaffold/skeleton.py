"""The canvas skeleton ``vplint new`` writes: every section, one item of each kind, every field, prompts.

A skeleton guides the rep through the canvas (domain.md): each field holds a prompt in angle
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
    """A slug of :data:`vplint.model.vocabulary.FUNCTION`."""
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

_EN, _ZH = 0, 1

# (field slug, English prompt, Chinese prompt); None: the prompt is generated from the vocabulary
_PROBLEM_FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("type", None, None),
    ("diagnosis", "<method - what you found>", "<诊断方法 —— 发现了什么>"),
    ("root_cause", "<the root cause the diagnosis points to>", "<诊断指向的根本原因>"),
    ("baseline", "<problem-solving only: the better past it wants back; else delete this line>",
     "<仅问题解决型：想要恢复的、以前更好的状况；否则删除此行>"),
    ("precedent", "<risk-prevention only: what happened to others, or to the customer before; else delete this line>",
     "<仅防范隐患型：同行或客户自己发生过的事；否则删除此行>"),
    ("symptom", "<risk-prevention only: the warning sign you checked for; else delete this line>",
     "<仅防范隐患型：检查过的征兆；否则删除此行>"),
    ("target", "<ideal-pursuit only: what is to be reached; else delete this line>",
     "<仅追求理想型：要达成什么目标；否则删除此行>"),
    ("deadline", "<ideal-pursuit only: by when; else delete this line>", "<仅追求理想型：什么时间达成；否则删除此行>"),
)  # fmt: skip
_NEED_FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("solves", "P1", "P1"),
    ("strategy", "<level/area this need serves, e.g. operations/service-process>",
     "<这个需求服务的层级/领域，如：运营/服务流程>"),
    ("serves", "<the higher strategy it serves, e.g. financial/cost-efficiency; delete if the level is financial>",
     "<它所服务的更高层级策略，如：财务/支出和效率；层级为财务时删除此行>"),
    ("sponsor", "<the higher leader who must back the purchase>", "<必须支持这次采购的更高层领导>"),
)  # fmt: skip
_MOTIVATOR_FIELDS: tuple[tuple[str, str | None, str | None], ...] = (
    ("kind", "<which of the nine motivators>", "<九种客户动机中的哪一种>"),
    ("change", "<scope/category - what changed, and when>", "<范围/类别 —— 发生了什么变化，什么时候>"),
    ("continuity", None, None),
    ("shift", "<continuous changes only: what has turned quantity into quality; else delete this line>",
     "<仅连续变化：是什么让量变成了质变；否则删除此行>"),
    ("evidence", "<the source you know it from, with its date>", "<从哪里得知，注明日期>"),
    ("phenomenon", "<what the decision-maker sees at work>", "<决策人在工作中看到的现象>"),
    ("feeling", "<anxiety or desire, and about what>", "<焦虑还是渴望，因为什么>"),
    ("perception", "<what the decision-maker now believes>", "<决策人现在怎么看这件事>"),
)  # fmt: skip
_LEVER_PROMPTS = {
    "inform": ("<what you will tell them that they may not know yet>", "<要告诉客户的、他们可能还不知道的变化>"),
    "analyse": ("<the change behind a phenomenon that you will show them>", "<要向客户分析的、现象背后的变化>"),
    "empathise": ("<the feeling you will acknowledge>", "<要体会和回应的客户感受>"),
    "relationship": ("<how you will look after the relationship>", "<如何维护客情关系>"),
}

_TEXT = {
    "kpi": ("<KPI the decision-maker is measured on, e.g. Days sales outstanding under 45>",
            "<决策人的考核指标（KPI），如：应收账款周转天数低于 45 天>"),
    "owner": ("<your name or e-mail>", "<你的姓名或邮箱>"),
    "heading": ("{account}: {title} value proposition canvas", "{account}：{title} 价值主张引导画布"),
    "intro": (
        "Written by `vplint new`. Replace each <prompt> with what you learn from the customer, or delete\n"
        "the line if it does not apply; `vplint check` lists what is left to fill.",
        "由 `vplint new` 生成。请把每个 <提示> 替换为从客户那里了解到的内容；不适用的行请删除。\n"
        "`vplint check` 会列出还需要填写的地方。",
    ),
    "problems": ("One item per business problem (P1, P2, ...). Diagnosis methods by problem type:",
                 "每个业务问题一个条目（P1、P2……）。各类问题的诊断方法："),
    "needs": ("One item per need (N1, N2, ...). Strategy levels and their areas:",
              "每个需求一个条目（N1、N2……）。策略层级及其领域："),
    "motivators": ("One item per motivator (M1, M2, ...). The nine motivators:",
                   "每个动机一个条目（M1、M2……）。九种客户动机："),
    "changes": ("Changes by scope:", "各范围的变化："),
    "actions": ("One line per lever you will use; delete the others.", "每种要用的手段写一行，删除不用的。"),
    "item_problem": ("<the business problem, as the decision-maker would put it>", "<用决策人的话说出的业务问题>"),
    "item_need": ("<what the decision-maker would buy to solve P1>", "<决策人为解决 P1 会购买什么>"),
    "item_motivator": ("<why the decision-maker will act now, in a few words>", "<决策人为什么现在会行动，简短几个字>"),
}  # fmt: skip


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[_ZH if lang == "zh" else _EN]


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


def _field(section: str, slug: str, prompt: str, lang: str) -> str:
    colon = "：" if lang == "zh" else ": "
    return f"- {_label(voc.FIELDS[section][slug], lang)}{colon}{prompt}"


def _prompt(text: str) -> str:
    return f"<{text}>"


def render(s: Skeleton) -> str:
    """The skeleton's markdown."""
    lang = s.lang
    colon = "：" if lang == "zh" else ": "

    def enum_prompt(vocab: voc.Vocabulary) -> str:
        return _prompt(_choices([_value(t, lang) for t in vocab.terms], lang))

    offering = s.offering or _prompt(
        _choices([t.slug if lang == "en" else f"{t.slug}（{t.zh}）" for t in voc.OFFERING.terms], lang)
    )
    front = "\n".join(
        [
            "---",
            f"id: {s.canvas_id}",
            f"account: {_yaml_scalar(s.account)}",
            "decision_maker:",
            f"  title: {_yaml_scalar(s.title)}",
            f"  function: {s.function}",
            "  kpis:",
            f"    - {_pick(_TEXT['kpi'], lang)}",
            f"offering: {offering}",
            f"owner: {_yaml_scalar(s.owner) if s.owner else _pick(_TEXT['owner'], lang)}",
            f"updated: {s.updated.isoformat()}",
            f"language: {lang}",
            "---",
        ]
    )

    def section(slug: str) -> str:
        return "## " + _label(voc.SECTIONS[slug], lang)

    def fields(section_slug: str, spec: tuple[tuple[str, str | None, str | None], ...]) -> list[str]:
        out = []
        for slug, en, zh in spec:
            text = zh if lang == "zh" else en
            if text is None:
                vocab = {"type": voc.PROBLEM_TYPE, "continuity": voc.CONTINUITY}[slug]
                text = enum_prompt(vocab)
            out.append(_field(section_slug, slug, text, lang))
        return out

    end = "。" if lang == "zh" else "."
    motivators = _list([_value(t, lang) for t in voc.MOTIVATOR.terms], lang) + end
    body = [
        "# " + _pick(_TEXT["heading"], lang).format(account=s.account, title=s.title),
        "",
        _comment(_pick(_TEXT["intro"], lang).split("\n"), lang),
        "",
        section("problems"),
        "",
        _comment([_pick(_TEXT["problems"], lang), _by_parent(voc.DIAGNOSIS_METHOD, voc.PROBLEM_TYPE, lang)], lang),
        "",
        f"### P1 {_pick(_TEXT['item_problem'], lang)}",
        *fields("problems", _PROBLEM_FIELDS),
        "",
        section("needs"),
        "",
        _comment([_pick(_TEXT["needs"], lang), _by_parent(voc.AREA, voc.LEVEL, lang)], lang),
        "",
        f"### N1 {_pick(_TEXT['item_need'], lang)}",
        *fields("needs", _NEED_FIELDS),
        "",
        section("motivators"),
        "",
        _comment(
            [
                _pick(_TEXT["motivators"], lang),
                motivators,
                _pick(_TEXT["changes"], lang),
                _by_parent(voc.CHANGE_CATEGORY, voc.SCOPE, lang),
            ],
            lang,
        ),
        "",
        f"### M1 {_pick(_TEXT['item_motivator'], lang)}",
        *fields("motivators", _MOTIVATOR_FIELDS),
        "",
        section("conversion"),
        f"- {_label(voc.FIELDS['conversion']['trigger'], lang)}{colon}{enum_prompt(voc.TRIGGER)}",
        "",
        section("actions"),
        "",
        _comment([_pick(_TEXT["actions"], lang)], lang),
        "",
        *(f"- {_label(term, lang)}{colon}{_pick(_LEVER_PROMPTS[term.slug], lang)}" for term in voc.LEVER.terms),
    ]
    return front + "\n\n" + "\n".join(body) + "\n"
