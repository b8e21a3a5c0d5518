"""The ``vplint-briefs-fresh`` hook, for real: ``pre-commit try-repo`` installs this checkout and runs it,
and so does ``pre-commit install`` in a repository made by ``vplint init``, where commits that change only
a template, only the question bank or only ``vplint.toml`` (each leaving a committed brief stale) are blocked.

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
import yaml

from tests.conftest import ROOT
from vplint.cli.main import main
from vplint.store.resources import resource_dir

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


def _hook() -> dict[str, object]:
    (hook,) = [
        h
        for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
        if h["id"] == "vplint-briefs-fresh"
    ]
    return dict(hook)


def test_briefs_fresh_hook_files_are_what_briefs_are_made_of() -> None:
    """Canvases, briefs, the team's templates folder (question bank included), configuration, the pinned vplint."""
    files = re.compile(str(_hook()["files"]))
    shipped = sorted(p.relative_to(resource_dir("templates")).as_posix() for p in resource_dir("templates").rglob("*"))
    assert "questions/en.toml" in shipped
    made_of = [f"templates/{rel}" for rel in shipped] + [
        "canvases/acme-cfo.en.md",
        "emea/canvases/x.md",
        "briefs/acme-cfo.html",
        "emea/templates/brief.en.md.j2",
        "vplint.toml",
        ".vplint.toml",
        "pyproject.toml",
        "emea/vplint.toml",
        ".pre-commit-config.yaml",
    ]
    for path in made_of:
        assert files.search(path), path
    for path in ("README.md", "docs/x.md", "src/app.py", "mytemplates/x.j2", "vplint.toml.bak", "oldbriefs/x.md"):
        assert not files.search(path), path


def _commit(team: Path, env: dict[str, str], message: str) -> tuple[bool, str]:
    """``git add -A`` and ``git commit`` through the installed hooks: (whether a commit was made, the output)."""
    _ok(["git", "add", "-A"], team, env)
    head = _run(["git", "rev-parse", "-q", "--verify", "HEAD"], team, env).stdout
    proc = _run(["git", "commit", "-m", message], team, env)
    made = _run(["git", "rev-parse", "-q", "--verify", "HEAD"], team, env).stdout != head
    assert made == (proc.returncode == 0), proc.stdout + proc.stderr
    return made, proc.stdout + proc.stderr


def test_briefs_fresh_hook_blocks_a_commit_of_templates_questions_or_configuration_alone(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """The flow of docs/ci.md: ``vplint init``, the briefs hook uncommented, the briefs committed beside the canvas.

    Before the hook's ``files`` covered templates and configuration, each of these commits passed with
    ``(no files to check)Skipped`` while ``vplint brief --check`` reported the brief out of date.
    """
    src = _snapshot(tmp_path / "vplint", env)
    sha = _ok(["git", "rev-parse", "HEAD"], src, env).strip()
    team = tmp_path / "team"
    vplint = [sys.executable, "-m", "vplint"]
    _ok([*vplint, "init", str(team), "--lang", "en"], tmp_path, env)
    _ok(["git", "init", "-q"], team, env)

    config = team / ".pre-commit-config.yaml"
    text = config.read_text(encoding="utf-8")
    text, n_repo = re.subn(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + src.as_uri(), text)
    text, n_rev = re.subn(r"(?m)^(\s*rev: )\S+", lambda m: m.group(1) + sha, text)
    text, n_hook = re.subn(r"(?m)^(\s*)# (- id: vplint-briefs-fresh)$", r"\1\2", text)  # what docs/ci.md says to do
    assert (n_repo, n_rev, n_hook) == (1, 1, 1)
    config.write_text(text, encoding="utf-8")
    assert [h["id"] for h in yaml.safe_load(text)["repos"][0]["hooks"]] == ["vplint", "vplint-briefs-fresh"]
    _ok([sys.executable, "-m", "pre_commit", "install"], team, env)

    template = team / "templates" / "brief.en.md.j2"  # the team's own copy of the Markdown brief
    template.write_text((ROOT / "templates" / "brief.en.md.j2").read_text(encoding="utf-8"), encoding="utf-8")
    brief = [*vplint, "brief", "canvases", "-o", "briefs"]
    _ok(brief, team, env)
    made, out = _commit(team, env, "canvases, templates and briefs")
    assert made, out
    assert re.search(HOOK + "Passed$", out, re.M), out

    def blocked(message: str, *stale: str) -> None:
        made, out = _commit(team, env, message)
        assert not made, out
        assert re.search(HOOK + "Failed$", out, re.M), out
        for name in ("acme-cfo.md", "acme-cfo.html"):
            assert (f"briefs/{name}: out of date" in out) == (name in stale), out
        _ok(brief, team, env)  # regenerated, the briefs go in with the change
        made, out = _commit(team, env, message + ", briefs regenerated")
        assert made, out
        assert re.search(HOOK + "Passed$", out, re.M), out

    template.write_text(template.read_text(encoding="utf-8") + "\nPrepared for the weekly pipeline review.\n", "utf-8")
    blocked("a template only", "acme-cfo.md")

    questions = team / "templates" / "questions" / "en.toml"
    questions.parent.mkdir()
    questions.write_text(
        '[problem.first-to-notice]\ntext = "Who notices a late invoice first?"\npriority = 200\n', encoding="utf-8"
    )
    blocked("the question bank only", "acme-cfo.md", "acme-cfo.html")

    settings = team / "vplint.toml"
    text = settings.read_text(encoding="utf-8")
    assert text.count('\ntemplates = "templates"\n') == 1
    settings.write_text(text.replace('\ntemplates = "templates"\n', "\n"), encoding="utf-8")  # the shipped templates
    blocked("the configuration only", "acme-cfo.md", "acme-cfo.html")
