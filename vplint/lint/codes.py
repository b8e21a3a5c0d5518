"""Codes that are not rules: problems with the file itself (F) and with its shape (S).

Rules (C, D, P, N, T, M, A, H, X, Y, U) are described by their modules in
:mod:`vplint.rules`; this table gives the built-in checks the same metadata so that
selection, severity overrides, ``vplint rules`` and ``vplint explain`` treat every code
alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from vplint.diagnostics import Severity

__all__ = ["BUILTIN_CODES", "UNREADABLE", "BuiltinCode"]


@dataclass(frozen=True)
class BuiltinCode:
    code: str
    name: str
    severity: Severity
    summary_en: str
    summary_zh: str


_E, _W = Severity.ERROR, Severity.WARNING

UNREADABLE = ("F001", "F006", "F009")
"""The file could not be read as text at all (not UTF-8, binary, too large): nothing more is checked,
and there is nothing to brief or export."""

BUILTIN_CODES: dict[str, BuiltinCode] = {
    c.code: c
    for c in (
        BuiltinCode("F001", "empty-file", _E, "The file is empty or blank.", "文件为空或只有空白。"),
        BuiltinCode(
            "F002",
            "front-matter-missing",
            _E,
            "The file does not start with a front-matter block, or the block is not closed.",
            "文件没有以元数据块开头，或元数据块没有结束。",
        ),
        BuiltinCode("F003", "front-matter-yaml", _E, "The front-matter is not valid YAML.", "元数据不是有效的 YAML。"),
        BuiltinCode(
            "F004",
            "front-matter-shape",
            _E,
            "The front-matter is empty, not a mapping, too deep, or uses anchors, aliases or tags.",
            "元数据为空、不是键值映射、嵌套过深，或使用了锚点、别名或标签。",
        ),
        BuiltinCode("F005", "duplicate-key", _E, "A front-matter key is given twice.", "元数据的键重复。"),
        BuiltinCode(
            "F006",
            "encoding",
            _E,
            "The file is binary, not UTF-8, or UTF-16/32.",
            "文件是二进制、不是 UTF-8，或是 UTF-16/32 编码。",
        ),
        BuiltinCode(
            "F009",
            "too-large",
            _E,
            "The file is larger than vplint reads (4 MiB).",
            "文件超过 vplint 读取的上限（4 MiB）。",
        ),
        BuiltinCode(
            "S001",
            "missing",
            _E,
            "A required key, field, section or item id is missing.",
            "缺少必需的键、字段、章节或条目编号。",
        ),
        BuiltinCode(
            "S002",
            "unknown-value",
            _E,
            "A vocabulary value vplint does not know (with a suggestion).",
            "vplint 不认识的词汇值（附建议）。",
        ),
        BuiltinCode(
            "S003",
            "unknown-key",
            _E,
            "An unknown front-matter key (extension keys start with 'x-').",
            "未知的元数据键（扩展键以 'x-' 开头）。",
        ),
        BuiltinCode(
            "S004", "bad-format", _E, "An id, reference or date in the wrong form.", "编号、引用或日期格式不对。"
        ),
        BuiltinCode(
            "S005",
            "wrong-type",
            _E,
            "A value of the wrong kind (a list where text belongs), or empty.",
            "值的类型不对（如应为文本却写成列表），或为空。",
        ),
        BuiltinCode("S006", "schema", _E, "Anything else the canvas schema rejects.", "画布 schema 拒绝的其他情况。"),
        BuiltinCode(
            "S007",
            "duplicate-section",
            _W,
            "A section or a field is written twice; the second is merged or ignored.",
            "章节或字段重复出现；第二个被合并或忽略。",
        ),
        BuiltinCode(
            "S008",
            "two-sections",
            _W,
            "A section heading names two different sections; it is read as the first.",
            "一个章节标题写了两个不同的章节；按第一个读取。",
        ),
    )
}
