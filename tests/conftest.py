from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples-next"
"""The normative examples: the two sample canvases in the current format (Canvas 2)."""
SHARED_EXAMPLES_V1 = ROOT.parent / "shared" / "examples"
"""The same canvases in the format before Canvas 2: still valid (no errors), with the new warnings."""
EXAMPLES = sorted((ROOT / "canvases").glob("*.md"))


@pytest.fixture
def en_text() -> str:
    return (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")


@pytest.fixture
def zh_text() -> str:
    return (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")


_SLOW_FOLDERS = ("integration", "property")
"""Tests that start real programs (vplint, pre-commit, git, Chromium) or run property campaigns."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests of tests/integration/ and tests/property/ ``slow``: ``pytest -m "not slow"`` skips them.

    The README's test command and CI run everything; leaving the slow ones out is for a
    developer's quick local loop.  A slow test elsewhere carries ``@pytest.mark.slow`` itself.
    """
    for item in items:
        if Path(str(item.fspath)).parent.name in _SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
