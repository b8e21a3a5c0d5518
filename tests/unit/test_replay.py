"""When nothing changed, 'vplint check' replays its last output; any change is seen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "VPLINT_CACHE_DIR": str(cwd / "cache"), "VPLINT_TODAY": "2026-11-27"}
    env.pop("VPLINT_OUTPUT_FORMAT", None)
    return subprocess.run(
        [sys.executable, "-m", "vplint", "check", "--isolated", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path: Path, en_text: str, zh_text: str) -> Path:
    (tmp_path / "canvases").mkdir()
    (tmp_path / "canvases" / "a.md").write_text(en_text, encoding="utf-8")
    (tmp_path / "canvases" / "b.md").write_text(
        zh_text.replace("类型：问题解决型", "类型：问题解决形"), encoding="utf-8"
    )
    return tmp_path


def test_identical_run_replays_output_and_exit_code(repo: Path) -> None:
    first = _run(repo, "canvases")
    assert first.returncode == 1
    assert "S002" in first.stdout
    assert list((repo / "cache").glob("run-*.json"))
    second = _run(repo, "canvases")
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)


def test_a_changed_file_is_seen(repo: Path, zh_text: str) -> None:
    _run(repo, "canvases")
    (repo / "canvases" / "b.md").write_text(zh_text, encoding="utf-8")
    after = _run(repo, "canvases")
    assert after.returncode == 0
    assert "S002" not in after.stdout


def test_an_added_or_removed_file_is_seen(repo: Path, en_text: str) -> None:
    first = _run(repo, "canvases")
    (repo / "canvases" / "c.md").write_text(en_text, encoding="utf-8")
    added = _run(repo, "canvases")
    assert "X001" in added.stdout  # the copy shares a's id: cross-file rules see it
    (repo / "canvases" / "c.md").unlink()
    assert _run(repo, "canvases").stdout == first.stdout


def test_other_options_are_other_runs(repo: Path) -> None:
    concise = _run(repo, "canvases")
    as_json = _run(repo, "canvases", "--output-format", "json")
    assert as_json.stdout.lstrip().startswith("{")
    assert _run(repo, "canvases").stdout == concise.stdout
    assert _run(repo, "canvases", "--exit-zero").returncode == 0


def test_a_changed_configuration_is_seen(repo: Path) -> None:
    env = {**os.environ, "VPLINT_CACHE_DIR": str(repo / "cache"), "VPLINT_TODAY": "2026-11-27"}
    cmd = [sys.executable, "-m", "vplint", "check", "canvases"]
    first = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert first.returncode == 1
    (repo / "vplint.toml").write_text('ignore = ["S002"]\n')
    second = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert second.returncode == 0


def test_no_cache_writes_nothing(repo: Path) -> None:
    _run(repo, "canvases", "--no-cache")
    assert not (repo / "cache").exists()
