"""A rep's realistic first drafts get a useful, stable list of findings (golden files).

Regenerate after an intended change with::

    VPLINT_UPDATE_GOLDEN=1 pytest tests/integration/test_golden.py

and read the diff: every line is something a rep will see.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TESTS

GOLDEN = TESTS / "golden"
DRAFTS = sorted((ROOT / "examples").glob("draft*.md"))


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_draft_findings_match_golden(draft: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--isolated", "--today", "2026-11-27", str(draft.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr == ""
    golden = GOLDEN / f"{draft.stem}.txt"
    if os.environ.get("VPLINT_UPDATE_GOLDEN"):
        golden.write_text(proc.stdout, encoding="utf-8")
    assert proc.stdout == golden.read_text(encoding="utf-8")


def test_drafts_exist_in_both_languages() -> None:
    assert {p.name for p in DRAFTS} == {"draft.en.md", "draft.zh.md"}


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_draft_is_useful_not_noisy(draft: Path) -> None:
    """At most one finding per code and place, and every finding on a line that exists."""
    lines = (GOLDEN / f"{draft.stem}.txt").read_text(encoding="utf-8").splitlines()[:-1]
    keys = [line.split(" ", 2)[:2] for line in lines]
    assert len(keys) == len({tuple(k) for k in keys})
    n_lines = len(draft.read_text(encoding="utf-8").splitlines())
    for line in lines:
        assert 1 <= int(line.split(":")[1]) <= n_lines
