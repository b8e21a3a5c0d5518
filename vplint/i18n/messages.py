"""Every message a rep reads, in English and Chinese.

A diagnostic names its message by id and carries its arguments; reporters render it in
the reader's language with :func:`render`.  A test checks that every id has both
languages and that both use the same placeholders.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

__all__ = ["MESSAGES", "placeholders", "render"]

MESSAGES: dict[str, tuple[str, str]] = {
    # the file itself
    "file.empty": (
        "the file is empty: a canvas starts with a front-matter block between two '---' lines",
        "文件是空的：画布应以两行 '---' 之间的元数据块开头",
    ),
    "file.binary": ("this is not a text file (it contains NUL bytes)", "这不是文本文件（包含 NUL 字节）"),
    "file.wrong_encoding": (
        "the file is saved as {encoding}; save it as UTF-8",
        "文件以 {encoding} 编码保存；请另存为 UTF-8",
    ),
    "file.invalid_utf8": (
        "the file is not valid UTF-8 (byte {byte} here); save it as UTF-8",
        "文件不是有效的 UTF-8（此处字节 {byte}）；请另存为 UTF-8",
    ),
    "file.too_large": (
        "the file is larger than {limit}; a canvas is a few kilobytes, so it was not checked",
        "文件超过 {limit}；画布通常只有几 KB，因此未检查",
    ),
    # front-matter
    "front_matter.missing": (
        "no front-matter: the file must start with a '---' line, the canvas metadata in YAML, and another '---' line",
        "缺少元数据：文件必须以 '---' 行开头，接着是 YAML 格式的画布元数据，再以 '---' 行结束",
    ),
    "front_matter.unclosed": (
        "the front-matter is not closed: add a '---' line after the metadata",
        "元数据块没有结束：请在元数据后加一行 '---'",
    ),
    "front_matter.empty": (
        "the front-matter is empty: fill in id, account, decision_maker, offering, owner and updated",
        "元数据为空：请填写 id、account、decision_maker、offering、owner 和 updated",
    ),
    "front_matter.yaml": ("the front-matter is not valid YAML: {problem}", "元数据不是有效的 YAML：{problem}"),
    "front_matter.not_mapping": (
        "the front-matter must be 'key: value' lines, not a list or a single value",
        "元数据必须是“键: 值”形式的行，而不是列表或单个值",
    ),
    "front_matter.duplicate_key": (
        "'{key}' is given twice in the front-matter; the second one is ignored",
        "元数据中 '{key}' 出现了两次；第二个被忽略",
    ),
    "front_matter.alias": (
        "YAML anchors and aliases (&name, *name) are not allowed in a canvas",
        "画布中不允许使用 YAML 锚点和别名（&name、*name）",
    ),
    "front_matter.too_deep": (
        "the front-matter is nested too deeply (more than {limit} levels) or too large",
        "元数据嵌套过深（超过 {limit} 层）或过大",
    ),
    "front_matter.tag": ("YAML tags like '{tag}' are not allowed in a canvas", "画布中不允许使用 YAML 标签 '{tag}'"),
    "front_matter.complex_key": ("a front-matter key must be plain text", "元数据的键必须是纯文本"),
    # structure
    "section.duplicate": (
        "the section '{section}' appears twice; its items are read as one section",
        "章节“{section}”出现了两次；其内容按同一章节读取",
    ),
    "field.duplicate": (
        "the field '{field}' is given twice in this item; the second one is ignored",
        "该条目中字段“{field}”出现了两次；第二个被忽略",
    ),
    # schema
    "schema.missing_section": (
        "the canvas has no {what} section; add a '## {label}' heading with items",
        "画布缺少“{what}”章节；请添加“## {label}”标题及其条目",
    ),
    "schema.empty_section": (
        "the {what} section has no items; add one as '### {example} title'",
        "“{what}”章节没有条目；请以“### {example} 标题”的形式添加",
    ),
    "schema.missing_key": ("the front-matter has no '{key}'", "元数据缺少 '{key}'"),
    "schema.missing_field": ("{item} has no '{field}' field", "{item} 缺少“{field}”字段"),
    "schema.missing_id": (
        "this {what} item has no id; start its heading with one, like '### {example} title'",
        "该{what}条目没有编号；请在标题开头写上编号，如“### {example} 标题”",
    ),
    "schema.unknown_value": ("'{value}' is not a known {vocabulary}{hint}", "“{value}”不是已知的{vocabulary}{hint}"),
    "schema.unknown_key": ("unknown front-matter key '{key}'{hint}", "未知的元数据键 '{key}'{hint}"),
    "schema.wrong_type": ("'{key}' must be {expected}", "'{key}' 必须是{expected}"),
    "schema.empty_value": ("'{key}' has no value", "'{key}' 没有值"),
    "schema.bad_canvas_id": (
        "the canvas id '{value}' must be lowercase letters, digits and single '-', '_' or "
        "'.' between them, like 'acme-cfo'",
        "画布编号“{value}”只能由小写字母、数字以及其间的单个 '-'、'_' 或 '.' 组成，如 'acme-cfo'",
    ),
    "schema.bad_item_id": (
        "the id '{value}' must be '{prefix}' and a number, like '{prefix}1'",
        "编号“{value}”应为 '{prefix}' 加数字，如 '{prefix}1'",
    ),
    "schema.bad_ref": (
        "'{value}' is not a problem id; write problem ids like 'P1'",
        "“{value}”不是问题编号；问题编号形如 'P1'",
    ),
    "schema.bad_date": (
        "'{value}' is not a date; write it as YYYY-MM-DD, like 2026-11-20",
        "“{value}”不是日期；请按 YYYY-MM-DD 格式书写，如 2026-11-20",
    ),
    "schema.other": ("{detail}", "{detail}"),
    "hint.did_you_mean": ("; did you mean {options}?", "；您是不是想写 {options}？"),
    "hint.accepted": ("; use one of: {options}", "；可用的值：{options}"),
    # rules
    "C001.missing": (
        "{item} has no diagnosis; add '{field}: <method> - what you found' using {methods}",
        "{item} 没有诊断；请添加“{field}：<方法> —— 发现”，方法可用 {methods}",
    ),
    "C001.no_method": (
        "this diagnosis names no method; start it with one that fits a {type} problem: {methods}",
        "该诊断没有写明方法；请以适合“{type}”问题的方法开头：{methods}",
    ),
    "C001.mismatch": (
        "'{method}' is a method for {method_type} problems, but {item} is {type}; use {methods}",
        "“{method}”是“{method_type}”问题的诊断方法，而 {item} 是“{type}”；请使用 {methods}",
    ),
    "C002.missing": (
        "{item} maps to no strategy level; add '{field}: <level>/<area>', e.g. {example}",
        "{item} 没有对应的策略层级；请添加“{field}：<层级>/<领域>”，如 {example}",
    ),
    "C002.mismatch": (
        "the area '{area}' belongs to the {area_level} level, not {level}; areas of {level}: {areas}",
        "领域“{area}”属于“{area_level}”层级，而不是“{level}”；“{level}”的领域有：{areas}",
    ),
    "C003.none": (
        "no motivator has evidence of a change: give one motivator a '{change}' (what "
        "changed), and an '{evidence}' naming the source with its date (when, and where it is known from)",
        "没有任何动机有变化的证据：请至少为一个动机写明“{change}”（发生了什么变化），以及带日期和来源的"
        "“{evidence}”（何时发生、从何得知）",
    ),
    "C003.partial": (
        "{item} is the closest to evidence of a change but lacks {missing}",
        "{item} 最接近变化证据，但缺少{missing}",
    ),
    "C004.duplicate": (
        "the id {id} is used twice in this canvas (first on line {first})",
        "编号 {id} 在本画布中重复使用（首次出现在第 {first} 行）",
    ),
    "C005.unresolved": (
        "{item} solves {ref}, but the canvas has no problem {ref}{hint}",
        "{item} 解决 {ref}，但画布中没有问题 {ref}{hint}",
    ),
    # pieces
    "piece.what_changed": ("what changed (a Change with a description)", "变化内容（有描述的“变化”）"),
    "piece.when": ("a date in the Evidence", "证据中的日期"),
    "piece.source": ("the source in the Evidence", "证据中的来源"),
    "piece.and": (" and ", "和"),
    "type.list": ("a list", "列表"),
    "type.text": ("text", "文本"),
    "type.mapping": ("'key: value' lines", "“键: 值”形式的行"),
    # summaries (reporters)
    "summary.clean": ("All clean: {files} checked, no problems.", "全部通过：检查了 {files}，没有发现问题。"),
    "summary.found": ("Found {counts} in {files}.", "在 {files}中发现 {counts}。"),
    "summary.fixable": (
        "{n} fixable with 'vplint check --fix' (marked [*]).",
        "其中 {n} 个可用 'vplint check --fix' 自动修正（标有 [*]）。",
    ),
    "summary.fixed": ("Fixed {fixes} in {files}.", "已在 {files}中修正 {fixes}。"),
    "summary.would_fix": ("Would fix {fixes} in {files}.", "将在 {files}中修正 {fixes}。"),
    "count.findings": ("{n} finding|{n} findings", "{n} 处"),
    "count.unreadable": ("{n} file not read|{n} files not read", "{n} 个文件无法读取"),
    "count.files": ("{n} file|{n} files", "{n} 个文件"),
    "count.errors": ("{n} error|{n} errors", "{n} 个错误"),
    "count.warnings": ("{n} warning|{n} warnings", "{n} 个警告"),
    "count.infos": ("{n} note|{n} notes", "{n} 条提示"),
    "cli.cannot_fix": ("{path}: cannot fix: {reason}", "{path}：无法修正：{reason}"),
    "cli.no_path": ("{path}: no such file or directory", "{path}：文件或目录不存在"),
    "cli.unreadable": ("{path}: cannot read: {reason}", "{path}：无法读取：{reason}"),
}

_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def register(prefix: str, messages: Mapping[str, tuple[str, str]]) -> None:
    """Add a rule's own messages as ``PREFIX.key`` (rules keep their messages beside their logic)."""
    for key, pair in messages.items():
        MESSAGES[f"{prefix}.{key}"] = pair


def render(message_id: str, args: Mapping[str, object], lang: str) -> str:
    en, zh = MESSAGES[message_id]
    template = zh if lang == "zh" else en
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template


def count(kind: str, n: int, lang: str) -> str:
    """``3 errors`` / ``3 个错误``: the singular/plural pair is split on '|'."""
    text = render(f"count.{kind}", {"n": n}, lang)
    if "|" in text:
        one, many = text.split("|", 1)
        return one if n == 1 else many
    return text
