"""Lean checks (worker processes, the result cache) give exactly the findings of a plain check."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from vplint.lint.options import Options
from vplint.lint.result import Result
from vplint.lint.runner import lint_paths

TODAY = dt.date(2026, 11, 27)


def _findings(result: Result) -> list[tuple[str, int, int, str, str, str]]:
    return [(d.path, d.line, d.column, d.code, d.severity.value, d.message) for d in result.diagnostics]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A folder of many canvases: the rule fixtures (clean and broken), copied flat."""
    target = tmp_path / "canvases"
    target.mkdir()
    for i, path in enumerate(sorted(FIXTURES.glob("rules/*/*/*.md"))):
        shutil.copy(path, target / f"{i:03d}-{path.name}")
    for path in (ROOT / "canvases").glob("*.md"):
        shutil.copy(path, target / path.name)
    return tmp_path


@pytest.mark.slow
def test_workers_and_cache_match_a_plain_check(repo: Path) -> None:
    paths = [str(repo / "canvases")]
    plain = _findings(lint_paths(paths, Options(today=TODAY, isolated=True)))
    assert len(plain) > 50
    lean = Options(today=TODAY, isolated=True, keep=False, jobs=1)
    assert _findings(lint_paths(paths, lean)) == plain
    workers = Options(today=TODAY, isolated=True, keep=False, jobs=2)
    assert _findings(lint_paths(paths, workers)) == plain
    cached = Options(today=TODAY, isolated=True, keep=False, jobs=2, cache=True, cache_dir=repo / "cache")
    assert _findings(lint_paths(paths, cached)) == plain  # cold
    assert list((repo / "cache").glob("results-*.json"))
    assert _findings(lint_paths(paths, cached)) == plain  # warm


def test_cache_sees_changed_files_and_changed_settings(repo: Path, en_text: str) -> None:
    paths = [str(repo / "canvases")]
    options = Options(today=TODAY, isolated=True, keep=False, jobs=1, cache=True, cache_dir=repo / "cache")
    before = _findings(lint_paths(paths, options))
    sample = repo / "canvases" / "acme-cfo.en.md"
    sample.write_text(en_text.replace("Type: problem-solving", "Type: problem-solvin"), encoding="utf-8")
    after = _findings(lint_paths(paths, options))
    assert [f[:4] for f in after if f not in before] == [(str(sample), 33, 9, "S002")]
    later = Options(today=dt.date(2027, 12, 1), isolated=True, keep=False, jobs=1, cache=True, cache_dir=repo / "cache")
    assert any(f[3] == "H001" for f in _findings(lint_paths(paths, later)))  # the clock is part of the key


def test_cross_file_rules_stay_correct_with_the_cache(tmp_path: Path, en_text: str, zh_text: str) -> None:
    folder = tmp_path / "canvases"
    folder.mkdir()
    (folder / "a.md").write_text(en_text, encoding="utf-8")
    (folder / "b.md").write_text(zh_text, encoding="utf-8")
    options = Options(today=TODAY, isolated=True, keep=False, jobs=1, cache=True, cache_dir=tmp_path / "cache")
    assert _findings(lint_paths([str(folder)], options)) == []
    (folder / "copy.md").write_text(en_text, encoding="utf-8")
    found = _findings(lint_paths([str(folder)], options))
    assert [f[3] for f in found] == ["X001", "X002"]
    (folder / "copy.md").unlink()
    assert _findings(lint_paths([str(folder)], options)) == []


def test_a_corrupt_cache_is_ignored(repo: Path) -> None:
    paths = [str(repo / "canvases")]
    options = Options(today=TODAY, isolated=True, keep=False, jobs=1, cache=True, cache_dir=repo / "cache")
    plain = _findings(lint_paths(paths, options))
    for f in (repo / "cache").glob("results-*.json"):
        f.write_text("{not json")
    assert _findings(lint_paths(paths, options)) == plain


@pytest.mark.slow
def test_two_processes_at_once_share_the_cache_safely(repo: Path) -> None:
    env = {**os.environ, "VPLINT_CACHE_DIR": str(repo / "cache"), "VPLINT_TODAY": "2026-11-27"}
    cmd = [sys.executable, "-m", "vplint", "check", "--isolated", "canvases"]
    procs = [subprocess.Popen(cmd, cwd=repo, env=env, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 1 for p in procs)
    assert outs[0] == outs[1] == outs[2]
    again = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert again.stdout == outs[0]
    assert not list((repo / "cache").glob("*.tmp"))
