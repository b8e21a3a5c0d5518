"""The pre-commit hook, for real: pre-commit installs this checkout into a virtualenv and runs it.

Two tests, both slow (pre-commit builds a virtualenv and pip-installs vplint and its
dependencies, some ten seconds each), marked ``integration`` and run by default:

* ``pre-commit try-repo`` runs the hook of this checkout on a team repository: it passes on
  good canvases (with a README and docs beside them) and fails on a bad one, the finding in
  its output;
* the new user's flow: ``vplint init`` in an empty folder, ``git init``, ``pre-commit
  install``; a commit of a bad canvas is blocked with the finding, the fixed one goes in.

pre-commit installs a hook repository from git, and ``try-repo`` only carries over the
uncommitted changes of *tracked* files, so the tests do not point it at the working tree:
a session fixture copies this checkout as it is (tracked and untracked files, less what
``.gitignore`` ignores) into a temporary repository with one commit.  Everything pre-commit,
virtualenv and git write goes under a session temporary folder (``PRE_COMMIT_HOME``, the
virtualenv app data, the XDG cache, an empty git configuration), never in the user's
``~/.cache/pre-commit``.
``try-repo`` always builds its environment in a store of its own; the init flow's install
goes to the shared ``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.scaffold.files import EXAMPLES

pytestmark = pytest.mark.integration

TIMEOUT = 600
BAD = ("Type: problem-solving", "Type: problem-solvin")
FINDING = "S002 'problem-solvin' is not a known problem type"


def _run(args: list[str], cwd: Path, env: Mapping[str, str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if check and proc.returncode != 0:
        pytest.fail(f"{' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def isolated_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose pre-commit, virtualenv and git state lives in a temporary folder."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    home = tmp_path_factory.mktemp("precommit-home")
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = vplint tests\n\temail = tests@example.com\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VPLINT_"))}
    env.update(
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        XDG_CACHE_HOME=str(home / "cache"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        VPLINT_TODAY="2026-11-27",  # the samples are dated: keep the time-dependent rules quiet
        LC_ALL="C.UTF-8",
        PYTHONUTF8="1",
    )
    return env


@pytest.fixture(scope="session")
def vplint_repo(tmp_path_factory: pytest.TempPathFactory, isolated_env: dict[str, str]) -> tuple[Path, str]:
    """This checkout as it is, committed into a temporary repository: (its path, the commit)."""
    if not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout of vplint (pre-commit installs hooks from git)")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=TIMEOUT,
    ).stdout.decode("utf-8", "surrogateescape")
    repo = tmp_path_factory.mktemp("vplint-src")
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file() and not src.is_symlink():  # a tracked file deleted in the working tree is not copied
            dst = repo / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    _run(["git", "init", "-q"], repo, isolated_env)
    _run(["git", "add", "-A"], repo, isolated_env)
    _run(["git", "commit", "-q", "-m", "vplint as tested"], repo, isolated_env)
    sha = _run(["git", "rev-parse", "HEAD"], repo, isolated_env).stdout.strip()
    return repo, sha


def _pre_commit(*args: str) -> list[str]:
    return [sys.executable, "-m", "pre_commit", *args]


def _write(root: Path, files: Mapping[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def _team_files() -> dict[str, str]:
    samples = {f"canvases/{name}": (ROOT / "canvases" / name).read_text(encoding="utf-8") for name in EXAMPLES.values()}
    not_canvases = {
        "README.md": "# Our canvases\n\nSee canvases/.\n",
        "docs/x.md": "# How we write canvases\n\n- Type: anything\n",
        "canvases/README.md": "# Canvases\n\nOne file per decision-maker.\n",
    }
    return {**samples, **not_canvases}


def test_try_repo_hook_passes_good_canvases_and_fails_a_bad_one(
    tmp_path: Path, isolated_env: dict[str, str], vplint_repo: tuple[Path, str]
) -> None:
    src, _ = vplint_repo
    team = tmp_path / "team"
    team.mkdir()
    _run(["git", "init", "-q"], team, isolated_env)
    _write(team, _team_files())
    _run(["git", "add", "-A"], team, isolated_env)

    good = _run(_pre_commit("try-repo", str(src), "vplint", "--all-files"), team, isolated_env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"^vplint \(value proposition canvases\)\.+Passed$", good.stdout, re.M), good.stdout

    bad = (ROOT / "canvases" / EXAMPLES["en"]).read_text(encoding="utf-8").replace(*BAD)
    _write(team, {"canvases/bad.en.md": bad})
    _run(["git", "add", "-A"], team, isolated_env)
    failed = _run(
        _pre_commit("try-repo", str(src), "vplint", "--files", "canvases/bad.en.md"), team, isolated_env, check=False
    )
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(r"^vplint \(value proposition canvases\)\.+Failed$", failed.stdout, re.M), failed.stdout
    assert f"canvases/bad.en.md:33:9: {FINDING}" in failed.stdout


def test_init_install_commit_flow(tmp_path: Path, isolated_env: dict[str, str], vplint_repo: tuple[Path, str]) -> None:
    """A new user: ``vplint init``, ``git init``, ``pre-commit install``; a bad canvas is blocked, then fixed."""
    src, sha = vplint_repo
    team = tmp_path / "team"
    _run([sys.executable, "-m", "vplint", "init", str(team)], tmp_path, isolated_env)
    _run(["git", "init", "-q"], team, isolated_env)

    # what the user edits: the placeholder repository and rev, pointed at this checkout
    config = team / ".pre-commit-config.yaml"
    text = config.read_text(encoding="utf-8")
    text, n_repo = re.subn(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + src.as_uri(), text)
    text, n_rev = re.subn(r"(?m)^(\s*rev: )\S+", lambda m: m.group(1) + sha, text)
    assert (n_repo, n_rev) == (1, 1)
    config.write_text(text, encoding="utf-8")
    _run(_pre_commit("install"), team, isolated_env)
    assert (team / ".git" / "hooks" / "pre-commit").is_file()

    _write(team, {k: v for k, v in _team_files().items() if not k.startswith("canvases/") or "README" in k})
    _run(["git", "add", "-A"], team, isolated_env)
    first = _run(["git", "commit", "-m", "vplint init"], team, isolated_env, check=False)
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"vplint \(value proposition canvases\)\.+Passed", first.stdout + first.stderr)

    example = (team / "canvases" / EXAMPLES["en"]).read_text(encoding="utf-8")
    _write(team, {"canvases/globex-cfo.en.md": example.replace("id: acme-cfo", "id: globex-cfo").replace(*BAD)})
    _run(["git", "add", "-A"], team, isolated_env)
    head = _run(["git", "rev-parse", "HEAD"], team, isolated_env).stdout
    blocked = _run(["git", "commit", "-m", "a bad canvas"], team, isolated_env, check=False)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert f"canvases/globex-cfo.en.md:33:9: {FINDING}" in output
    assert _run(["git", "rev-parse", "HEAD"], team, isolated_env).stdout == head  # nothing was committed

    _write(team, {"canvases/globex-cfo.en.md": example.replace("id: acme-cfo", "id: globex-cfo")})
    _run(["git", "add", "-A"], team, isolated_env)
    fixed = _run(["git", "commit", "-m", "the canvas, fixed"], team, isolated_env, check=False)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _run(["git", "rev-parse", "HEAD"], team, isolated_env).stdout != head
    assert _run(["git", "status", "--porcelain"], team, isolated_env).stdout == ""
