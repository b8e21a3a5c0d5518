"""``vplint init [DIR]``: set up a team repository: example canvas, config, pre-commit, CI, templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _say(key: str, lang: str, **args: object) -> str:
    from vplint.i18n import render

    return render(f"init.{key}", args, lang)


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
    from vplint.lint.clock import env_language
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
