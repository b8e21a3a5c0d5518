"""The rules reference (``docs/rules.md``, ``docs/rules.zh.md``) and ``vplint explain``, from the rule modules.

``python -m vplint.rules.docs`` rewrites both files; a test fails when they drift.
"""

from __future__ import annotations

from vplint.lint.codes import BUILTIN_CODES
from vplint.rules import RULES, Rule

__all__ = ["explain_text", "render"]

_T = {
    "title": ("# Rules", "# 规则"),
    "intro": (
        "Generated from the rule modules by `python -m vplint.rules.docs`; do not edit. "
        "[中文版](rules.zh.md)\n\n"
        "Every finding has a code. The letter says which part of the canvas it is about: "
        "**F** the file itself, **S** the canvas's shape (the JSON schema), **C** the core completeness checks, "
        "**D** the decision-maker (domain §1), **P** problems (§2–3), **N** needs and strategy (§3–4), "
        "**T** the conversion trigger (§5), **M** motivators and change (§6–7), **A** actions (§8), "
        "**H** hygiene, **X** checks across files, **Y** style (fixed by `--fix`, off in `check` by default), "
        "**U** suppressions. Severities are defaults; change them in the configuration "
        "(see [configuration](configuration.md)). `vplint explain CODE` prints one entry.",
        "由 `python -m vplint.rules.docs` 根据规则模块生成，请勿手工编辑。[English](rules.md)\n\n"
        "每个问题都有编号，字母表示涉及画布的哪一部分：**F** 文件本身，**S** 画布结构（JSON schema），"
        "**C** 核心完整性检查，"
        "**D** 决策人（领域模型 §1），**P** 业务问题（§2–3），**N** 需求与策略（§3–4），**T** 需求转变触发（§5），"
        "**M** 动机与变化（§6–7），**A** 激发动机的行动（§8），**H** 卫生检查，**X** 跨文件检查，"
        "**Y** 书写风格（由 `--fix` 修正，`check` 默认不报告），**U** 抑制注释。严重级别为默认值，可在配置中修改"
        "（见[配置](configuration.md)）。`vplint explain 编号` 可打印单条规则说明。",
    ),
    "summary": ("## Summary", "## 总览"),
    "cols": ("| code | name | default | fix | what it checks |", "| 编号 | 名称 | 默认级别 | 修正 | 检查内容 |"),
    "builtin": ("## File and shape checks (F, S)", "## 文件与结构检查（F、S）"),
    "severity": ("Default severity", "默认级别"),
    "off": (
        "off (style rule: reported when selected, applied by `--fix`)",
        "关闭（风格规则：选择后报告，由 `--fix` 修正）",
    ),
    "fixable": ("Fixable", "可自动修正"),
    "yes": ("yes (`vplint check --fix`)", "是（`vplint check --fix`）"),
    "no": ("no", "否"),
    "options": ("Options", "选项"),
    "opt_cols": ("| option | default | meaning |", "| 选项 | 默认值 | 含义 |"),
    "bad": ("Fails", "不通过"),
    "good": ("Passes", "通过"),
    "severities": {
        "error": ("error", "错误"),
        "warning": ("warning", "警告"),
        "info": ("info", "提示"),
        "off": ("off", "关闭"),
    },
}


def _t(key: str, lang: str) -> str:
    value = _T[key]
    assert isinstance(value, tuple)
    return str(value[1] if lang == "zh" else value[0])


def _sev(name: str, lang: str) -> str:
    pairs = _T["severities"]
    assert isinstance(pairs, dict)
    return str(pairs[name][1 if lang == "zh" else 0])


def _entry(rule: Rule, lang: str, level: str = "##") -> list[str]:
    out = [f"{level} {rule.code} {rule.name}", ""]
    sev = _sev(rule.severity.value, lang) if rule.default_enabled else _t("off", lang)
    out.append(f"- {_t('severity', lang)}: {sev}")
    out.append(f"- {_t('fixable', lang)}: {_t('yes' if rule.fixable else 'no', lang)}")
    out.append("")
    out.append(rule.rationale(lang))
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
        out += _entry(rule, lang)
    out += [_t("builtin", lang), "", _t("cols", lang), "| --- | --- | --- | --- | --- |"]
    for b in BUILTIN_CODES.values():
        out.append(
            f"| {b.code} | {b.name} | {_sev(b.severity.value, lang)} | | "
            f"{b.summary_zh if lang == 'zh' else b.summary_en} |"
        )
    return "\n".join(out).rstrip() + "\n"


def explain_text(rule: Rule, lang: str) -> str:
    return "\n".join(_entry(rule, lang, level="#")).rstrip() + "\n"
