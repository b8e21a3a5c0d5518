"""``vplint new PATH --account A --title T --buying-role R``: write a canvas skeleton that guides the rep."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from vplint.cli.check import parse_date


def _say(key: str, lang: str, **args: object) -> str:
    from vplint.i18n import render

    return render(f"new.{key}", args, lang)


def _cannot_write(path: Path, exc: OSError, lang: str) -> str:
    from vplint.i18n import render

    return render("cli.cannot_write", {"path": path, "reason": exc.strerror or str(exc)}, lang)


def _term(vocabulary: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        from vplint.model.vocabulary import VOCABULARIES

        vocab = VOCABULARIES[vocabulary]
        term = vocab.lookup(value)
        if term is None:
            close = vocab.suggest(value)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise argparse.ArgumentTypeError(
                f"{value!r} is not a known {vocab.en} (use one of: {', '.join(vocab.slugs)}){hint}"
            )
        return term.slug

    return parse


def _text(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the canvas file to write, e.g. canvases/acme-cfo.en.md")
    parser.add_argument("--account", required=True, type=_text, help="the customer, e.g. 'ACME Manufacturing'")
    parser.add_argument("--title", required=True, type=_text, help="the decision-maker's job title, e.g. 'CFO'")
    parser.add_argument(
        "--buying-role",
        "--function",  # its name before Canvas 2 separated the business function from the buying role
        dest="function",
        required=True,
        type=_term("function"),
        help="the decision-maker's role in the purchase: business-unit, technical-evaluation, commercial or finance "
        "(any spelling vplint accepts, e.g. 财务); --function is the older name",
    )
    parser.add_argument(
        "--offering",
        type=_term("offering"),
        help="what is bought: differentiated, in-between or commodity (default: a prompt to fill)",
    )
    parser.add_argument("--owner", type=_text, help="who owns the canvas, a name or e-mail (default: a prompt)")
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="the canvas's language (default: zh for a name ending in .zh.md, else en)",
    )
    parser.add_argument("--id", dest="canvas_id", metavar="ID", help="the canvas id (default: from account and title)")
    parser.add_argument(
        "--today",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date written as 'updated' (default: the configured 'today', $VPLINT_TODAY, the real date)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")


def _updated(args: argparse.Namespace, path: Path) -> dt.date:
    """The date ``vplint check`` takes as today for this file: the same clock, so H001 agrees."""
    from vplint.config.loader import ConfigLoader
    from vplint.lint.clock import env_today

    if args.today is not None:
        return args.today  # type: ignore[no-any-return]
    return ConfigLoader().for_path(path).today or env_today() or dt.date.today()


def run(args: argparse.Namespace) -> int:
    from vplint.config.loader import ConfigError
    from vplint.scaffold.files import make_folders, remove_folders
    from vplint.scaffold.skeleton import CANVAS_ID, Skeleton, canvas_id, prompts, render
    from vplint.store.files import create_exclusive, write_atomic

    path = Path(args.path)
    lang = args.lang or ("zh" if path.name.lower().endswith(".zh.md") else "en")
    err = sys.stderr
    if path.suffix.lower() not in (".md", ".markdown"):
        print(f"vplint: error: {_say('suffix', lang, path=path)}", file=err)
        return 2
    try:
        there, folder = path.exists() or path.is_symlink(), path.is_dir()
    except OSError as exc:  # a name too long, a folder without search permission: pathlib raises those
        print(f"vplint: error: {_cannot_write(path, exc, lang)}", file=err)
        return 2
    if there and not args.force:
        print(f"vplint: error: {_say('exists', lang, path=path)}", file=err)
        return 2
    if folder:
        print(f"vplint: error: {path}: is a folder", file=err)
        return 2
    stem = path.name.split(".")[0]
    cid = args.canvas_id if args.canvas_id is not None else canvas_id(args.account, args.title, stem)
    if not cid:
        print(f"vplint: error: {_say('no_id', lang)}", file=err)
        return 2
    if not CANVAS_ID.match(cid) or len(cid) > 80:
        print(f"vplint: error: {_say('bad_id', lang, id=cid)}", file=err)
        return 2
    try:
        updated = _updated(args, path)
    except ConfigError as exc:
        print(f"vplint: error: {exc}", file=err)
        return 2
    text = render(
        Skeleton(
            canvas_id=cid,
            account=args.account,
            title=args.title,
            function=args.function,
            updated=updated,
            lang=lang,
            offering=args.offering,
            owner=args.owner,
        )
    )
    created: list[Path] = []
    try:
        created = make_folders(path.parent)
        if path.exists() and args.force and not path.is_symlink():
            write_atomic(path, text)
        else:
            if path.is_symlink() and args.force:
                path.unlink()
            create_exclusive(path, text)
    except FileExistsError:
        remove_folders(created)
        print(f"vplint: error: {_say('exists', lang, path=path)}", file=err)
        return 2
    except OSError as exc:
        remove_folders(created)  # a write that fails leaves no empty folders behind
        print(f"vplint: error: {_cannot_write(path, exc, lang)}", file=err)
        return 2
    print(_say("created", lang, path=path, n=len(prompts(text))))
    return 0
