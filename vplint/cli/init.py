"""``vplint init [DIR]``: set up a team repository: example canvas, config, pre-commit, CI, templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "init"
HELP = "set up a team repository: an example canvas, vplint.toml, pre-commit and CI files, templates/"

_MESSAGES = {
    "created": ("created      {path}", "已创建      {path}"),
    "overwritten": ("overwritten  {path}", "已覆盖      {path}"),
    "kept": ("kept         {path} (it exists; --force overwrites it)", "保留        {path}（已存在；--force 可覆盖）"),
    "nothing": (
        "Nothing written: every file exists (--force overwrites them).",
        "没有写入任何文件：所有文件都已存在（--force 可覆盖）。",
    ),
    "next": (
        "Next:\n"
        "  1. In .pre-commit-config.yaml (and in the CI files, if you install from git), point the vplint\n"
        "     repository URL and rev at where your team hosts vplint.\n"
        "  2. git init (if this is not a repository yet), then: pip install pre-commit && pre-commit install\n"
        "  3. vplint new canvases/<account>-<role>.en.md --account ... --title ... --function ...\n"
        "  4. vplint check",
        "下一步：\n"
        "  1. 在 .pre-commit-config.yaml（以及从 git 安装时的 CI 文件）中，把 vplint 仓库地址和 rev\n"
        "     改为你们团队托管 vplint 的位置。\n"
        "  2. git init（如果还不是仓库），然后：pip install pre-commit && pre-commit install\n"
        "  3. vplint new canvases/<客户>-<角色>.zh.md --account ... --title ... --function ...\n"
        "  4. vplint check",
    ),
}


def _say(key: str, lang: str, **args: object) -> str:
    return _MESSAGES[key][1 if lang == "zh" else 0].format(**args)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR", help="the repository folder (default: .)")
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="the example canvas's language, and of these messages (default: English canvas, messages in the "
        "locale's language)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite files that exist")


def run(args: argparse.Namespace) -> int:
    from vplint.lint.engine import env_language
    from vplint.scaffold.files import init_repo

    root = Path(args.dir)
    lang = args.lang or env_language()
    if root.exists() and not root.is_dir():
        print(f"vplint: error: {root}: not a folder", file=sys.stderr)
        return 2
    written = 0
    try:
        root.mkdir(parents=True, exist_ok=True)
        for relpath, outcome in init_repo(root, lang=args.lang or "en", force=args.force):
            shown = relpath if root == Path(".") else (root / relpath).as_posix()
            print(_say(outcome, lang, path=shown))
            written += outcome != "kept"
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"vplint: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    print()
    print(_say("next", lang) if written else _say("nothing", lang))
    return 0
