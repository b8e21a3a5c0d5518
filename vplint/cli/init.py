"""``vplint init [DIR]``: set up a team repository: example canvas, config, pre-commit, CI, templates."""

from __future__ import annotations

import argparse
import os
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
    from vplint.i18n import render
    from vplint.lint.clock import env_language
    from vplint.scaffold.files import init_repo, make_folders, remove_folders

    root = Path(args.dir)
    lang = args.lang or env_language()
    written = 0
    created: list[Path] = []
    try:
        if root.exists() and not root.is_dir():  # pathlib raises for a name too long, a folder without permission
            print(f"vplint: error: {root}: not a folder", file=sys.stderr)
            return 2
        created = make_folders(root)
        for relpath, outcome in init_repo(root, lang=args.lang or "en", force=args.force):
            shown = relpath if root == Path(".") else (root / relpath).as_posix()
            print(_say(outcome, lang, path=shown))
            written += outcome != "kept"
    except OSError as exc:
        remove_folders(created)  # the folders made for the repository, if nothing was written in them
        if exc.filename is not None:
            reason = exc.strerror or str(exc)
            message = render("cli.cannot_write", {"path": os.fsdecode(exc.filename), "reason": reason}, lang)
        else:  # vplint's own refusal (a linked folder in the scaffold): the message names the path
            message = exc.strerror or str(exc)
        print(f"vplint: error: {message}", file=sys.stderr)
        return 2
    print()
    print(_say("next", lang) if written else _say("nothing", lang))
    return 0
