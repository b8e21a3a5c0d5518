"""Configuration: ``[tool.vplint]`` in ``pyproject.toml``, or ``vplint.toml`` / ``.vplint.toml``.

For each checked file the nearest configuration file wins: vplint looks in the file's
folder, then its parents, for ``vplint.toml``, ``.vplint.toml`` and a ``pyproject.toml``
that has a ``[tool.vplint]`` table (in that order within one folder).  ``--config PATH``
uses one file for everything; ``--isolated`` ignores all configuration files.

The configuration is validated against ``schema/config.schema.json``; an unknown key or a
bad value raises :class:`ConfigError` naming the file and the key (the CLI exits 2).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from vplint.config.globs import compile_glob
from vplint.diagnostics import Severity
from vplint.model.titles import fold_title
from vplint.store.files import read_toml

__all__ = ["Config", "ConfigError", "ConfigLoader", "all_codes", "expand_codes", "load_config_file", "read_table"]

CONFIG_FILES = ("vplint.toml", ".vplint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that vplint cannot use."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    """The file this came from (None: built-in defaults)."""
    root: Path = field(default_factory=Path.cwd)
    """The folder globs are relative to: the configuration file's folder."""
    paths: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown")
    include_configured: bool = False
    """``include`` was set in the file: then it also filters files named on the command line."""
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    language: str | None = None
    today: dt.date | None = None
    templates: str | None = None
    title_synonyms: tuple[tuple[str, ...], ...] = ()
    """The team's groups of decision-maker titles that name one position (X002), beside the built-in ones."""

    # --- which files -------------------------------------------------------------
    def relative(self, path: Path) -> str:
        """``path`` relative to the configuration's folder (links are not followed: a link loop cannot hang)."""
        absolute, root = os.path.abspath(path), os.path.abspath(self.root)
        if os.path.commonpath([absolute, root]) == root:
            return Path(os.path.relpath(absolute, root)).as_posix()
        return Path(absolute).as_posix()

    def is_included_name(self, name: str, folder: Path) -> bool:
        """:meth:`is_included` for a file ``name`` in ``folder``, fast when only the default globs apply."""
        if not self.exclude and not self.include_configured:
            return name.lower().endswith((".md", ".markdown"))
        return self.is_included(folder / name)

    def is_included(self, path: Path) -> bool:
        rel = self.relative(path)
        if not any(_match(p, rel) for p in self.include):
            return False
        return not self.is_excluded(path)

    def is_excluded_dir(self, path: Path) -> bool:
        if not self.exclude:
            return False
        rel = self.relative(path)
        return any(_match(p, rel) for p in self.exclude)

    def is_excluded(self, path: Path) -> bool:
        """The file, or a folder it is in (below the configuration's folder), matches ``exclude``."""
        rel = self.relative(path)
        parts = rel.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(_match(p, prefix) for p in self.exclude for prefix in prefixes)

    # --- which codes, how severe -------------------------------------------------
    def enabled_codes(self, extra_select: Sequence[str] = (), extra_ignore: Sequence[str] = ()) -> set[str]:
        """The codes this configuration (plus command-line ``--select``/``--ignore``) turns on."""
        codes = all_codes()
        if extra_select:
            enabled = expand_codes(extra_select)
        elif self.select is not None:
            enabled = expand_codes(self.select)
        else:
            enabled = {c for c, info in codes.items() if info[1]}
        enabled |= expand_codes(self.extend_select)
        enabled -= expand_codes(self.ignore)
        enabled -= expand_codes(extra_ignore)
        enabled -= {c for c in enabled if self.severity.get(c) == "off"}
        return enabled

    def severity_of(self, code: str, default: Severity) -> Severity:
        name = self.severity.get(code)
        return Severity(name) if name in ("error", "warning", "info") else default

    def ignored_for(self, path: Path) -> set[str]:
        rel = self.relative(path)
        out: set[str] = set()
        for pattern, codes in self.per_file_ignores.items():
            if _match(pattern, rel):
                out |= expand_codes(codes)
        return out

    def rule_options(self, code: str, name: str) -> Mapping[str, Any]:
        return self.rules.get(code) or self.rules.get(name) or {}


# --- codes ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def all_codes() -> dict[str, tuple[str, bool]]:
    """Every code vplint knows: code -> (name, on by default)."""
    from vplint.lint.codes import BUILTIN_CODES
    from vplint.rules import RULES

    out = {c: (b.name, True) for c, b in BUILTIN_CODES.items()}
    out.update({c: (r.name, r.default_enabled) for c, r in RULES.items()})
    return out


def expand_codes(selectors: Iterable[str]) -> set[str]:
    """``ALL``, whole codes, prefixes (``M``, ``M00``) and rule names -> codes."""
    codes = all_codes()
    names = {name: code for code, (name, _) in codes.items()}
    out: set[str] = set()
    for sel in selectors:
        s = sel.strip()
        if s.upper() == "ALL":
            out |= set(codes)
        elif s.lower() in names:
            out.add(names[s.lower()])
        else:
            out |= {c for c in codes if c.startswith(s.upper())}
    return out


def check_selectors(selectors: Iterable[str], where: str) -> None:
    selectors = list(selectors)
    if not selectors:
        return
    codes = all_codes()
    names = {name for name, _ in codes.values()}
    for sel in selectors:
        s = sel.strip()
        if s.upper() == "ALL" or s.lower() in names or (any(c.startswith(s.upper()) for c in codes) and s):
            continue
        close = difflib.get_close_matches(s.upper(), list(codes), n=1) or difflib.get_close_matches(s, names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConfigError(f"{where}: unknown rule code or name '{sel}'{hint}")


# --- globs ----------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _match(pattern: str, rel: str) -> bool:
    return compile_glob(pattern).match(rel)


# --- loading --------------------------------------------------------------------------

_KEYS = {
    "paths",
    "include",
    "exclude",
    "extend-exclude",
    "select",
    "extend-select",
    "ignore",
    "severity",
    "rules",
    "per-file-ignores",
    "language",
    "today",
    "templates",
    "title-synonyms",
}


def read_table(path: Path) -> dict[str, Any] | None:
    """The vplint table of a configuration file as written, or None where a pyproject.toml has none."""
    return _read_toml(path)


def _read_toml(path: Path) -> dict[str, Any] | None:
    """The vplint table of a file, or None where a pyproject.toml has none."""
    data = read_toml(path, ConfigError)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("vplint")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.vplint] must be a table")
        return table
    return data


def load_config_file(path: Path) -> Config | None:
    table = _read_toml(path)
    if table is None:
        return None
    where = f"{path}: [tool.vplint]" if path.name == "pyproject.toml" else str(path)
    _validate(table, where)
    exclude = tuple(table.get("exclude", ())) + tuple(table.get("extend-exclude", ()))
    today = table.get("today")
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    elif not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        today = None
    return Config(
        path=path,
        root=path.parent,
        paths=tuple(table.get("paths", ())),
        include=tuple(table.get("include", Config.include)),
        include_configured="include" in table,
        exclude=exclude,
        select=tuple(table["select"]) if "select" in table else None,
        extend_select=tuple(table.get("extend-select", ())),
        ignore=tuple(table.get("ignore", ())),
        severity={_code_of(k): v for k, v in table.get("severity", {}).items()},
        rules={_code_of(k): v for k, v in table.get("rules", {}).items()},
        per_file_ignores={k: tuple(v) for k, v in table.get("per-file-ignores", {}).items()},
        language=table.get("language"),
        today=today,
        templates=table.get("templates"),
        title_synonyms=tuple(tuple(group) for group in table.get("title-synonyms", ())),
    )


def _code_of(key: str) -> str:
    codes = all_codes()
    if key.upper() in codes:
        return key.upper()
    for code, (name, _) in codes.items():
        if name == key.lower():
            return code
    return key


def _validate(table: Mapping[str, Any], where: str) -> None:
    from vplint.validation.compiled import Validator
    from vplint.validation.schema import load_schema

    validator = Validator(load_schema("config.schema.json"))
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
    # a TOML date (today = 2026-11-27, unquoted) is as good as the string form
    plain = {
        k: (v.isoformat() if k == "today" and isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v)
        for k, v in table.items()
    }
    errors = sorted(validator.iter_errors(plain), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        key = ".".join(str(p) for p in err.absolute_path) or "(top level)"
        if err.validator == "additionalProperties":
            schema = err.schema if isinstance(err.schema, dict) else {}
            instance = err.instance if isinstance(err.instance, dict) else {}
            extra = [k for k in instance if k not in schema.get("properties", {})]
            raise ConfigError(f"{where}: unknown key '{'.'.join([*map(str, err.absolute_path), *extra[:1]])}'")
        if err.validator == "enum":
            allowed = ", ".join(map(str, _listed(err.validator_value)))
            raise ConfigError(f"{where}: '{key}' must be one of {allowed}, not {err.instance!r}")
        raise ConfigError(f"{where}: '{key}': {err.message}")
    for key in ("select", "extend-select", "ignore"):
        check_selectors(table.get(key, ()), f"{where}: '{key}'")
    for key in ("severity", "rules"):
        for code in table.get(key, {}):
            check_selectors([code], f"{where}: '{key}'")
            if len(expand_codes([code])) != 1:
                raise ConfigError(f"{where}: '{key}.{code}' must name one rule (a code like 'H001' or a name)")
    for pattern, codes in table.get("per-file-ignores", {}).items():
        check_selectors(codes, f"{where}: 'per-file-ignores.{pattern}'")
    _validate_rule_options(table.get("rules", {}), where)
    for group in table.get("title-synonyms", ()):
        for title in group:
            if not fold_title(title):
                raise ConfigError(f"{where}: 'title-synonyms': {title!r} has no letters or digits to compare")
    today = table.get("today")
    if isinstance(today, str):
        try:
            dt.date.fromisoformat(today)
        except ValueError:
            raise ConfigError(f"{where}: 'today' must be a date written YYYY-MM-DD, not {today!r}") from None


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _validate_rule_options(rules: Mapping[str, Any], where: str) -> None:
    from vplint.rules import rule_by_code

    for key, options in rules.items():
        rule = rule_by_code(key)
        assert rule is not None  # checked by check_selectors
        for name, value in options.items():
            opt = rule.options.get(name)
            if opt is None:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(f"{where}: rule {rule.code} has no option '{name}' (options: {known})")
            if type(value) is not type(opt.default):
                raise ConfigError(f"{where}: 'rules.{key}.{name}' must be {type(opt.default).__name__}, not {value!r}")
            if opt.minimum is not None and isinstance(value, int) and value < opt.minimum:
                raise ConfigError(f"{where}: 'rules.{key}.{name}' must be at least {opt.minimum}")


class ConfigLoader:
    """Finds the configuration for each path, reading each file once and each folder once."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False) -> None:
        self.isolated = isolated
        self._by_dir: dict[str, Config] = {}
        self._by_written_dir: dict[str, Config] = {}
        self._explicit: Config | None = None
        if isolated:
            self._explicit = Config(root=Path(os.getcwd()))
        if explicit is not None:
            if not explicit.is_file():
                raise ConfigError(f"{explicit}: no such configuration file")
            loaded = load_config_file(explicit)
            if loaded is None:
                raise ConfigError(f"{explicit}: has no [tool.vplint] table")
            self._explicit = loaded

    def for_path(self, path: Path) -> Config:
        """The configuration of a file or folder (a path that cannot be looked at is taken for a file)."""
        if self._explicit is not None:
            return self._explicit
        # os.path.isdir, not Path.is_dir: that raises for a path it cannot stat (no search permission, a name too long)
        return self.for_dir(os.path.abspath(path if os.path.isdir(path) else path.parent))

    def for_file(self, path: str) -> Config:
        """The configuration of a file (no need to ask the file system whether it is a folder)."""
        if self._explicit is not None:
            return self._explicit
        folder = os.path.dirname(path)  # as written: the many files of one folder share one look-up
        found = self._by_written_dir.get(folder)
        if found is None:
            found = self._by_written_dir[folder] = self.for_dir(os.path.dirname(os.path.abspath(path)))
        return found

    def for_dir(self, folder: str, names: Collection[str] | None = None) -> Config:
        """The configuration of ``folder`` (absolute); ``names``, its entries when the caller listed them."""
        if self._explicit is not None:
            return self._explicit
        cached = self._by_dir.get(folder)
        if cached is not None:
            return cached
        found: Config | None = None
        for name in CONFIG_FILES:
            if name in names if names is not None else os.path.isfile(os.path.join(folder, name)):
                found = load_config_file(Path(folder) / name)
                if found is not None:
                    break
        if found is None:
            parent = os.path.dirname(folder)
            found = self.for_dir(parent) if parent != folder else Config(root=Path(os.getcwd()))
        self._by_dir[folder] = found
        return found
