"""When nothing changed, 'vplint check' replays its last output; any change is seen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_an_edit_that_keeps_the_size_and_the_time_is_seen(repo: Path) -> None:
    """The replay's manifest is the files' content, not their size and time (``touch -r`` after an edit)."""
    first = _run(repo, "canvases")
    assert "S002" in first.stdout
    canvas = repo / "canvases" / "b.md"
    st = canvas.stat()
    text = canvas.read_text(encoding="utf-8")
    assert "问题解决形" in text
    canvas.write_text(text.replace("问题解决形", "问题解决型"), encoding="utf-8")  # the same size in bytes
    os.utime(canvas, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert canvas.stat().st_size == st.st_size
    after = _run(repo, "canvases")
    assert (after.returncode, "S002" in after.stdout) == (0, False)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: {k: v for k, v in d.items() if k != "stdout"},
        lambda d: {**d, "code": 77},
        lambda d: {**d, "stdout": ["a list"]},
        lambda d: {**d, "extra": 1},
        lambda d: "[" * 100_000 + "]" * 100_000,
    ],
    ids=["no-stdout", "code-77", "stdout-not-text", "extra-key", "deep"],
)
def test_a_replay_file_of_another_shape_is_a_miss(repo: Path, change: Any) -> None:
    import json

    first = _run(repo, "canvases")
    (run,) = (repo / "cache").glob("run-*.json")
    data = json.loads(run.read_text(encoding="utf-8"))
    data["stdout"] = "REPLAYED\n"
    changed = change(data)
    run.write_text(changed if isinstance(changed, str) else json.dumps(changed), encoding="utf-8")
    again = _run(repo, "canvases")
    assert "Traceback" not in again.stderr
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
