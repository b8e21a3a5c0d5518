"""The ``vplint-briefs-fresh`` hook, for real: ``pre-commit try-repo`` installs this checkout and runs it.

Like ``tests/integration/test_precommit.py`` (which explains the set-up), the checkout is copied as it is
(tracked and untracked files, less what ``.gitignore`` ignores) into a temporary repository,
because ``try-repo`` would only carry over changes to tracked files; all pre-commit, virtualenv
and git state lives under a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.cli.main import main

pytestmark = pytest.mark.integration

TIMEOUT = 600
HOOK = r"^vplint \(meeting briefs are up to date\)\.+"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _ok(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = _run(args, cwd, env)
    assert proc.returncode == 0, f"{' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout of vplint (pre-commit installs hooks from git)")
    home = tmp_path / "home"
    home.mkdir()
    (home / "gitconfig").write_text("[user]\n\tname = t\n\temail = t@example.com\n", encoding="utf-8")
    out = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VPLINT_"))}
    out.update(
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        XDG_CACHE_HOME=str(home / "cache"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        LC_ALL="C.UTF-8",
        PYTHONUTF8="1",
    )
    return out


def _snapshot(dest: Path, env: dict[str, str]) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.decode("utf-8", "surrogateescape")
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    for args in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "vplint as tested"]):
        _ok(args, dest, env)
    return dest


def test_briefs_fresh_hook_passes_fresh_briefs_and_fails_a_stale_one(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _snapshot(tmp_path / "vplint", env)
    team = tmp_path / "team"
    (team / "canvases").mkdir(parents=True)
    for path in sorted((ROOT / "canvases").glob("*.md")):
        shutil.copy2(path, team / "canvases" / path.name)
    monkeypatch.chdir(team)
    assert main(["brief", "canvases", "-o", "briefs"]) == 0
    _ok(["git", "init", "-q"], team, env)
    _ok(["git", "add", "-A"], team, env)

    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", str(src), "vplint-briefs-fresh", "--all-files"]
    fresh = _run(try_repo, team, env)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert re.search(HOOK + "Passed$", fresh.stdout, re.M), fresh.stdout

    canvas = team / "canvases" / "acme-cfo.en.md"
    canvas.write_text(canvas.read_text(encoding="utf-8").replace("Sponsor: COO", "Sponsor: CEO"), encoding="utf-8")
    _ok(["git", "add", "-A"], team, env)
    stale = _run(try_repo, team, env)
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert re.search(HOOK + "Failed$", stale.stdout, re.M), stale.stdout
    assert "briefs/acme-cfo.md: out of date" in stale.stdout
    assert "briefs/acme-cfo.html: out of date" in stale.stdout
    assert "huaxin-cio" not in stale.stdout
