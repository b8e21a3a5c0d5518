"""The normative examples check clean, in both message languages, from the shipped and the shared copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, SHARED_EXAMPLES, SHARED_EXAMPLES_V1
from vplint.lint.options import Options
from vplint.lint.pipeline import lint_text
from vplint.lint.runner import lint_paths


def test_samples_ship() -> None:
    assert {p.name for p in EXAMPLES} >= {"acme-cfo.en.md", "huaxin-cio.zh.md"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", [None, "en", "zh"])
def test_example_is_clean(path: Path, lang: str | None) -> None:
    res = lint_text(path.read_bytes(), str(path), options=Options(lang=lang))
    assert [(d.code, d.line, d.column, d.message) for d in res.diagnostics] == []


@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(), reason="../shared is not beside this checkout")
def test_shipped_samples_match_the_normative_examples() -> None:
    for shared in SHARED_EXAMPLES.glob("*.md"):
        assert (ROOT / "canvases" / shared.name).read_bytes() == shared.read_bytes()
        assert lint_text(shared.read_bytes(), str(shared)).diagnostics == []


@pytest.mark.skipif(not SHARED_EXAMPLES_V1.is_dir(), reason="../shared is not beside this checkout")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_canvases_written_before_canvas_2_stay_valid(lang: str) -> None:
    """The format grows additively: the samples as they were before Canvas 2 have no error, and each new check
    that fires on them is a warning about a field they could not have."""
    for old in sorted(SHARED_EXAMPLES_V1.glob("*.md")):
        res = lint_text(old.read_bytes(), str(old), options=Options(lang=lang))
        assert [d for d in res.diagnostics if d.severity.value == "error"] == []
        assert {d.code for d in res.diagnostics} <= {"M007", "A002", "N003"}, res.diagnostics


def test_main_job_is_clean() -> None:
    result = lint_paths([str(ROOT / "canvases")])
    assert len(result.files) >= 2
    assert result.diagnostics == []
    assert result.exit_code == 0
