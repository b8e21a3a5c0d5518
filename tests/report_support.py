"""What the output-format tests (tests/test_report_*.py) share: inputs, runs and renders."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from vplint.lint.options import Options
from vplint.lint.result import Result
from vplint.lint.runner import lint_paths
from vplint.report import FORMATS

TODAY = dt.date(2026, 11, 27)
OPTIONS = Options(today=TODAY, isolated=True)
CANVASES = ROOT / "canvases"
EXAMPLES = ROOT / "examples"
CLI_PINNED = ("--today", "2026-11-27", "--isolated")

# names with a space, Chinese characters, and the ',' and ':' GitHub's properties must escape
EN_NAME = "bad, en: 1.md"

# what the reporters read from the environment: unset, so the tests do not depend on the shell or CI
CLEAN_ENV = (
    "VPLINT_OUTPUT_FORMAT",
    "CI",
    "PRE_COMMIT",
    "NO_COLOR",
    "FORCE_COLOR",
    "GITHUB_WORKSPACE",
    "CI_PROJECT_DIR",
)
ZH_NAME = "坏 画布.zh.md"


def broken_tree(folder: Path, en_text: str, zh_text: str) -> Path:
    """A folder of canvases with errors and warnings, a broken file and a dangling link.

    The English canvas also has a finding Y001 fixes (``Kind: window-of-opportunity``) when Y is selected.
    """
    folder.mkdir(parents=True, exist_ok=True)
    en = en_text.replace("Type: problem-solving", "Type: problem-solvin")  # S002, an error
    en = en.replace("## Needs", "## Needs\n\nTODO ask about the budget\n")  # H002, a warning
    (folder / EN_NAME).write_text(en, encoding="utf-8")
    (folder / ZH_NAME).write_text(zh_text.replace("类型：问题解决型", "类型：问题解决形"), encoding="utf-8")
    (folder / "no-front-matter.md").write_text("# Just a heading\n\nSome text.\n", encoding="utf-8")
    (folder / "gone.md").symlink_to(folder / "does-not-exist.md")
    return folder


def check(*paths: Path | str, options: Options = OPTIONS) -> Result:
    return lint_paths([str(p) for p in paths], options)


def shipped() -> Result:
    return check(CANVASES)


def drafts() -> Result:
    return check(EXAMPLES)


def render(name: str, result: Result, lang: str | None = None) -> tuple[str, str]:
    """What format ``name`` writes to stdout and to stderr."""
    out, err = io.StringIO(), io.StringIO()
    FORMATS[name].write(result, out, err, lang)
    return out.getvalue(), err.getvalue()


def vplint(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "vplint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env=environ,
    )
