"""Every message exists in both languages with the same placeholders, every id used exists, and every
bilingual text lives in vplint/i18n (en.py and zh.py), not in a table of (English, Chinese) pairs elsewhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from vplint.i18n import en, placeholders, zh

PACKAGE = Path(__file__).resolve().parents[2] / "vplint"
I18N = PACKAGE / "i18n"
VOCABULARY = PACKAGE / "model" / "vocabulary.py"
"""Not messages: the domain's terms with their labels and every spelling the parser accepts, in any language."""
EN, ZH = en.MESSAGES, zh.MESSAGES


def test_both_languages_have_the_same_ids() -> None:
    assert sorted(set(EN) - set(ZH)) == [], "only in en.py"
    assert sorted(set(ZH) - set(EN)) == [], "only in zh.py"
    assert list(EN) == list(ZH), "en.py and zh.py list the ids in the same order, so they read side by side"


@pytest.mark.parametrize("message_id", sorted(EN))
def test_both_languages(message_id: str) -> None:
    text_en, text_zh = EN[message_id], ZH[message_id]
    assert text_en.strip()
    assert text_zh.strip()
    assert placeholders(text_en) == placeholders(text_zh)


def test_every_used_message_id_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(
        r"""["']((?:file|front_matter|section|field|schema|hint|piece|type|summary|count|cli|sarif|[A-Z]\d{3})"""
        r"""\.[a-z_]+)["']"""
    )
    for path in PACKAGE.rglob("*.py"):
        if I18N not in path.parents:
            used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert used
    missing = {m for m in used if m not in EN and not m.startswith("count.")}
    assert not missing


# --- no (English, Chinese) table outside vplint/i18n -------------------------------------------

_CHINESE = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _is_pair(texts: list[str]) -> bool:
    """English beside Chinese: one text with Chinese characters, another with Latin letters and none."""
    return any(_CHINESE.search(t) for t in texts) and any(_LATIN.search(t) and not _CHINESE.search(t) for t in texts)


def _bilingual_pairs(source: str) -> list[int]:
    """Lines of ``("English", "中文")`` tuples, ``{"en": ..., "zh": ...}`` tables and
    ``"中文" if lang == "zh" else "English"`` expressions in ``source``."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Tuple):
            items = node.elts
            plain = all(isinstance(e, ast.Constant) and (e.value is None or isinstance(e.value, str)) for e in items)
            if plain and _is_pair(_strings(node)):
                lines.add(node.lineno)
        elif isinstance(node, ast.IfExp):
            both = [node.body, node.orelse]
            if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in both) and _is_pair(
                _strings(node.body) + _strings(node.orelse)
            ):
                lines.add(node.lineno)
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"en", "zh"} <= keys and any(_CHINESE.search(t) for t in _strings(node)):
                lines.add(node.lineno)
    return sorted(lines)


def test_the_pair_finder_finds_pairs() -> None:
    source = (
        'A = {"x": ("a problem", "问题")}\n'
        'B = ("slug", "English", "中文")\n'
        'C = {"en": {"bad": "Fails:"}, "zh": {"bad": "不通过："}}\n'
        'D = "告知" if lang == "zh" else "Inform"\n'
        'E = ("#1f3a5f", "#ffffff")\n'
        'F = "、" if lang == "zh" else ", "\n'
        'G = {"en": "en-US", "zh": "zh-CN"}\n'
    )
    assert _bilingual_pairs(source) == [1, 2, 3, 4]


def test_no_bilingual_table_outside_i18n() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if I18N not in path.parents and path != VOCABULARY
        for line in _bilingual_pairs(path.read_text(encoding="utf-8"))
    ]
    assert not found, "move these texts to vplint/i18n/en.py and zh.py"
