"""``vplint check --show-settings PATH`` and ``--show-files``: what a check would use, and on which files.

The settings are printed as the TOML a configuration file takes, one key a line, each followed by
where its value comes from: the configuration file (and which), the command line, an environment
variable, or vplint's default.  Then what they add up to for PATH: the rules that run, the day
time-dependent rules take as today, and the language of the messages.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vplint.config.loader import Config, ConfigLoader
    from vplint.lint.discovery import Discovery
    from vplint.lint.options import Options

__all__ = ["show_files", "show_settings"]


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {_toml(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def show_settings(path: str, options: Options, loader: ConfigLoader) -> str:
    """The effective settings for ``path`` and where each comes from."""
    from vplint.config.loader import Config, read_table
    from vplint.lint.clock import env_language, env_today
    from vplint.lint.selection import enabled_codes

    config: Config = loader.for_file(path)
    table = (read_table(config.path) or {}) if config.path is not None else {}
    where = os.path.relpath(config.path) if config.path is not None else None
    default = Config()
    lines = [
        f"# Settings for {path}",
        f"# configuration file: {where}" if where else "# configuration file: none (vplint's defaults)",
    ]

    def line(key: str, value: Any, source: str) -> None:
        lines.append(f"{key} = {_toml(value)}  # {source}")

    def from_file(key: str, value: Any, fallback: Any) -> None:
        line(key, value if key in table else fallback, where if key in table and where else "default")

    from_file("paths", config.paths, default.paths)
    from_file("include", config.include, default.include)
    line("exclude", config.exclude, where if ("exclude" in table or "extend-exclude" in table) and where else "default")
    for key, cli, configured in (
        ("select", options.select, config.select),
        ("extend-select", options.extend_select, config.extend_select),
        ("ignore", options.ignore, config.ignore),
    ):
        if configured is None:
            lines.append(f"# {key} is not set: the rules that are on by default run")
        else:
            line(key, configured, where if key in table and where else "default")
        if cli:
            line(key, cli, "command line (--" + key + "), besides the above")
    for key, attr in (("severity", "severity"), ("rules", "rules"), ("per-file-ignores", "per_file_ignores")):
        value = dict(getattr(config, attr))
        line(key, value, where if key in table and where else "default")
    from_file("templates", config.templates or "", "")
    from_file("title-synonyms", config.title_synonyms, ())
    lines.append("")
    lines.append(f"# what these add up to for {path}")
    codes = sorted(enabled_codes(config, options))
    line("rules-that-run", codes, f"{len(codes)} rules")
    if options.today:
        line("today", options.today.isoformat(), "command line (--today)")
    elif config.today:
        line("today", config.today.isoformat(), where or "configuration")
    elif env_today():
        line("today", str(env_today()), "$VPLINT_TODAY")
    else:
        import datetime as dt

        line("today", dt.date.today().isoformat(), "the system clock")
    if options.lang:
        line("language", options.lang, "command line (--lang)")
    elif config.language:
        line("language", config.language, where or "configuration")
    else:
        line("language", "each canvas's own", f"default (messages about no canvas: {env_language()})")
    return "\n".join(lines) + "\n"


def show_files(discovered: Discovery) -> Sequence[str]:
    """The files a check would read, one a line, in the order it reads them."""
    return [str(Path(f)) for f in discovered.files]
