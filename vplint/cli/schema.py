"""``vplint schema [--front-matter | --config]``: print a JSON schema (for editors and tools)."""

from __future__ import annotations

import argparse
import sys

_FILES = {"model": "canvas.schema.json", "front_matter": "front-matter.schema.json", "config": "config.schema.json"}


def configure(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--front-matter",
        dest="which",
        action="store_const",
        const="front_matter",
        help="the schema of the YAML front-matter as typed, every accepted spelling included (for YAML language "
        "servers and front-matter validators)",
    )
    which.add_argument(
        "--config",
        dest="which",
        action="store_const",
        const="config",
        help="the schema of vplint.toml / [tool.vplint]",
    )
    parser.set_defaults(which="model")


def run(args: argparse.Namespace) -> int:
    from vplint.store.resources import resource_dir

    path = resource_dir("schema") / _FILES[args.which]
    try:
        data = path.read_bytes()
    except OSError as exc:  # a broken installation
        print(f"vplint: error: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (an embedding application)
        sys.stdout.write(data.decode("utf-8"))
    else:  # the bytes as shipped: UTF-8, whatever the terminal's encoding
        sys.stdout.flush()
        out.write(data)
        out.flush()
    return 0
