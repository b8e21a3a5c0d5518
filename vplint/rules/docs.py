"""The rules reference (``docs/rules.md``, ``docs/rules.zh.md``) and ``vplint explain``, from the rule modules.

``python -m vplint.rules.docs`` rewrites both files; a test fails when they drift.
"""

from __future__ import annotations

import re

from vplint.i18n import text
from vplint.lint.codes import BUILTIN_CODES
from vplint.rules import RULES, Rule

__all__ = ["explain_text", "link_citations", "render"]


def _t(key: str, lang: str) -> str:
    return text(f"docs.{key}", lang)


def _sev(name: str, lang: str) -> str:
    return text(f"docs.severities.{name}", lang)


_CITATION = re.compile(r"((?:(?:method|方法) )?§\d+)[,，]\s*docs/(method(?:\.zh)?\.md#[a-z0-9-]+)")
_METHOD_PAGE = re.compile(r"docs/(method(?:\.zh)?\.md(?:#[a-z0-9-]+)?)")


def link_citations(text: str) -> str:
    """A rationale's citations of the method as links from docs/: ``(method §3, docs/method.md#needs)`` reads
    ``([method §3](method.md#needs))``.  Plain text (``vplint explain``, SARIF) keeps the path a reader can open."""
    text = _CITATION.sub(r"[\1](\2)", text)
    return _METHOD_PAGE.sub(r"[docs/\1](\1)", text)


def _entry(rule: Rule, lang: str, level: str = "##", links: bool = False) -> list[str]:
    out = [f"{level} {rule.code} {rule.name}", ""]
    sev = _sev(rule.severity.value, lang) if rule.default_enabled else _t("off", lang)
    out.append(f"- {_t('severity', lang)}: {sev}")
    out.append(f"- {_t('fixable', lang)}: {_t('yes' if rule.fixable else 'no', lang)}")
    out.append("")
    out.append(link_citations(rule.rationale(lang)) if links else rule.rationale(lang))
    out.append("")
    if rule.options:
        out += [f"**{_t('options', lang)}**", "", _t("opt_cols", lang), "| --- | --- | --- |"]
        for name, opt in rule.options.items():
            help_text = opt.help_zh if lang == "zh" else opt.help_en
            out.append(f"| `{name}` | `{opt.default}` | {help_text} |")
        out.append("")
    for key, example in (("bad", rule.bad), ("good", rule.good)):
        out += [f"**{_t(key, lang)}**", "", "```markdown", example, "```", ""]
    return out


def render(lang: str) -> str:
    out = [
        _t("title", lang),
        "",
        _t("intro", lang),
        "",
        _t("summary", lang),
        "",
        _t("cols", lang),
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        sev = _sev(rule.severity.value if rule.default_enabled else "off", lang)
        summary = (rule.summary_zh if lang == "zh" else rule.summary_en).replace("|", "\\|")
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | {sev} | "
            f"{'[*]' if rule.fixable else ''} | {summary} |"
        )
    out.append("")
    for rule in RULES.values():
        out += _entry(rule, lang, links=True)
    out += [_t("builtin", lang), "", _t("cols", lang), "| --- | --- | --- | --- | --- |"]
    for b in BUILTIN_CODES.values():
        out.append(
            f"| {b.code} | {b.name} | {_sev(b.severity.value, lang)} | | "
            f"{b.summary_zh if lang == 'zh' else b.summary_en} |"
        )
    return "\n".join(out).rstrip() + "\n"


def explain_text(rule: Rule, lang: str) -> str:
    return "\n".join(_entry(rule, lang, level="#")).rstrip() + "\n"
