"""The peers vplint is measured against, installed on demand into ``benchmarks/.peers/`` (git-ignored).

- **markdownlint-cli2** (npm) lints the canvases' markdown, as a team might run it on the same files.
- **check-jsonschema** (PyPI) validates each canvas's front-matter, extracted to a YAML file, against
  vplint's front-matter schema: it does less work than vplint (no body, no rules).

Both are installed with the ordinary clients (``npm install --prefix``, ``python -m venv`` + ``pip``)
the first time they are needed; a later run reuses them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PEERS = HERE / ".peers"
REPO = HERE.parent


def _run(cmd: list[str]) -> None:
    print(f"peers: {' '.join(cmd)}", file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def markdownlint() -> Path:
    exe = PEERS / "npm" / "node_modules" / ".bin" / "markdownlint-cli2"
    if not exe.exists():
        (PEERS / "npm").mkdir(parents=True, exist_ok=True)
        _run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(PEERS / "npm"),
                "markdownlint-cli2",
            ]
        )
    return exe


def check_jsonschema() -> Path:
    exe = PEERS / "venv" / "bin" / "check-jsonschema"
    if not exe.exists():
        _run([sys.executable, "-m", "venv", str(PEERS / "venv")])
        _run([str(PEERS / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", "check-jsonschema"])
    return exe


def front_matter_copy(corpus: Path) -> Path:
    """A sibling folder holding each canvas's front-matter as ``.yaml`` (made once per corpus)."""
    target = corpus.with_name(corpus.name + "-front-matter")
    stamp = target / ".complete"
    if stamp.exists():
        return target
    for md in sorted(corpus.rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---\n", 4)
        out = target / md.relative_to(corpus).with_suffix(".yaml")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text[4 : end + 1], encoding="utf-8")
    stamp.write_text("")
    return target


def markdownlint_tool(options: argparse.Namespace, tool: Any, relative: Callable[[Path], str]) -> Any:
    """``tool`` is run.py's Tool class, ``relative`` its path helper (passed in: run.py runs as a script)."""
    exe = markdownlint()
    return tool(
        name="markdownlint-cli2",
        command=(str(exe),),
        check_args=lambda corpus: [f"{relative(corpus.path)}/**/*.md"],
        ok_codes=frozenset({0, 1}),
    )


def check_jsonschema_tool(options: argparse.Namespace, tool: Any, relative: Callable[[Path], str]) -> Any:
    exe = check_jsonschema()
    schema = str(REPO / "schema" / "front-matter.schema.json")
    return tool(
        name="check-jsonschema",
        command=(str(exe),),
        check_args=lambda corpus: [
            "--schemafile",
            schema,
            *sorted(str(p) for p in front_matter_copy(corpus.path).rglob("*.yaml")),
        ],
        ok_codes=frozenset({0, 1}),
        python=str(PEERS / "venv" / "bin" / "python"),
    )
