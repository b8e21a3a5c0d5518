"""Every message exists in both languages with the same placeholders, and every id used exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import vplint.rules  # noqa: F401  (registers every rule's own messages)
from vplint.i18n.messages import MESSAGES, placeholders

PACKAGE = Path(__file__).resolve().parent.parent / "vplint"


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_both_languages(message_id: str) -> None:
    en, zh = MESSAGES[message_id]
    assert en.strip()
    assert zh.strip()
    assert placeholders(en) == placeholders(zh)


def test_every_used_message_id_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(
        r'"((?:file|front_matter|section|field|schema|hint|piece|type|summary|count|cli|[A-Z]\d{3})'
        r'\.[a-z_]+)"'
    )
    for path in PACKAGE.rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    missing = {m for m in used if m not in MESSAGES and not m.startswith("count.")}
    assert not missing
