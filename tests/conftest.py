from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
EXAMPLES = sorted((ROOT / "canvases").glob("*.md"))


@pytest.fixture
def en_text() -> str:
    return (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")


@pytest.fixture
def zh_text() -> str:
    return (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")
