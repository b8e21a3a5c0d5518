"""Meeting briefs: render canvas contexts through Jinja templates; name, write and compare brief files.

Only ``vplint brief`` imports this module (checking never loads Jinja).  One
:class:`Renderer` serves a whole run: the Jinja environment, the compiled templates and the
question banks are built once.

Templates run in Jinja's immutable sandbox with strict undefined: a typo is an error naming
the template file and line, templates cannot change the data they are given or reach
Python internals, and canvas text is only ever data.  HTML templates (``*.html.j2``) are
autoescaped; in Markdown templates every ``{{ value }}`` is escaped for Markdown instead
(``*``, ``_``, ``<``, ``|``, ... get a backslash).  Values marked safe (the mind map, the
``code`` and ``md`` filters) are inserted as they are.

A template reads only files really inside the folder it was found in (links resolved; ``..`` and
absolute names refused), and rendering ends: every loop iteration, call, attribute lookup, ``+``,
``*`` and ``**`` is a step, and a brief stops at :data:`MAX_STEPS` steps, :data:`MAX_SECONDS` seconds
or :data:`MAX_OUTPUT` characters (see docs/templates.md, "Escaping and security").
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import stat
import time
import traceback
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.filters
import jinja2.loaders
import jinja2.runtime
import jinja2.sandbox
import jinja2.utils
import markupsafe
from jinja2 import nodes

from vplint.briefs import context as bm
from vplint.briefs.questions import QuestionBank, QuestionBankError, load_bank
from vplint.store.digest import sha256
from vplint.store.files import write_atomic_many
from vplint.store.resources import resource_dir

__all__ = [
    "FORMATS",
    "MAX_OUTPUT",
    "MAX_SECONDS",
    "MAX_STEPS",
    "BriefError",
    "Renderer",
    "account_name",
    "brief_name",
    "check_outputs",
    "md_escape",
    "safe_name",
    "write_outputs",
]

FORMATS = ("md", "html")
_HTML_SUFFIXES = (".html.j2", ".htm.j2", ".svg.j2", ".xml.j2")


MAX_STEPS = 10_000_000
"""Steps one brief may take: loop iterations, calls, attribute lookups, ``+``, ``*`` and ``**``.

A shipped brief of a sample canvas takes about 350; one of a 4 MiB canvas of 19,000 problems (the
largest canvas vplint reads) about 1,000,000.  Ten million take a few seconds.
"""
MAX_SECONDS = 30.0
"""Seconds one brief may take to render, checked at every step (that 4 MiB canvas takes about 5)."""
MAX_OUTPUT = 50_000_000
"""Characters one brief may have, and any text or list a template makes (that canvas's HTML brief: 35 million)."""


class BriefError(Exception):
    """A template, question bank or output problem; the message names the file (and line)."""


class _Stop(jinja2.TemplateError):
    """A template refused or stopped by vplint: a message id of :mod:`vplint.i18n` and its arguments.

    A :class:`jinja2.TemplateError` (not ``TemplateNotFound``), so ``ignore missing`` and template
    lists do not swallow it; turned into a :class:`BriefError` in the user's language, with the
    template file and line in front, by :func:`_template_error`.
    """

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


# --- escaping and helpers ------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=~-]|\d+[.)])")
_MD_SUFFIXES = (".md.j2", ".markdown.j2")


def md_escape(value: object) -> str:
    """Text that Markdown shows as written: one line, its markup characters backslash-escaped.

    ``*``, ``_``, `````, ``[``, ``]``, ``<``, ``>``, ``|`` and ``\\`` anywhere, and what would
    start a heading, quote or list (``#``, ``>``, ``-``, ``+``, ``1.``) at the start.
    """
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).splitlines()))
    return _MD_LINE_START.sub(_escape_start, text, count=1)


def _escape_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    if mark[0].isdigit():  # "1." -> "1\." (a backslash only escapes punctuation)
        return m.group(1) + mark[:-1] + "\\" + mark[-1]
    return m.group(1) + "\\" + mark


@functools.lru_cache(maxsize=64)
def _is_md_name(name: str | None) -> bool:
    return str(name or "").lower().endswith(_MD_SUFFIXES)


def _is_md(ctx: jinja2.runtime.Context) -> bool:
    return _is_md_name(ctx.name)


@jinja2.pass_context
def _finalize(ctx: jinja2.runtime.Context, value: Any) -> Any:
    """What ``{{ value }}`` prints: nothing for None; in Markdown templates, escaped text."""
    if value is None:
        return ""
    if isinstance(value, markupsafe.Markup | jinja2.Undefined) or not _is_md(ctx):
        return value
    return markupsafe.Markup(md_escape(value))


@jinja2.pass_context
def _code_filter(ctx: jinja2.runtime.Context, value: Any) -> markupsafe.Markup:
    """``value`` as inline code: a backtick span in Markdown, ``<code>`` in HTML."""
    text = " ".join(str(value).splitlines())
    if not _is_md(ctx):
        return markupsafe.Markup("<code>{}</code>").format(text)
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return markupsafe.Markup(f"{fence}{pad}{text}{pad}{fence}")


def _md_filter(value: Any) -> markupsafe.Markup:
    return markupsafe.Markup(md_escape(value))


def _lang(ctx: jinja2.runtime.Context) -> str:
    lang = ctx.get("lang")
    return lang if lang in ("en", "zh") else "en"


@jinja2.pass_context
def _label(ctx: jinja2.runtime.Context, vocabulary: str, slug: Any) -> str:
    return bm.label(vocabulary, slug, _lang(ctx))


@jinja2.pass_context
def _t(ctx: jinja2.runtime.Context, key: str) -> str:
    return bm.t(key, _lang(ctx))


@jinja2.pass_context
def _field_label(ctx: jinja2.runtime.Context, section: str, key: str) -> str:
    from vplint.model.labels import field_label

    return field_label(section, key, _lang(ctx))


def _questions(problem: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A problem's questions as one list: ``{method, label, used, text}`` (method None: about the type)."""
    q = problem["questions"]
    out: list[dict[str, Any]] = [{"method": None, "label": None, "used": None, "text": s} for s in q["general"]]
    for m in q["methods"]:
        out.extend({"method": m["method"], "label": m["label"], "used": m["used"], "text": s} for s in m["questions"])
    return out


def _autoescape(name: str | None) -> bool:
    """HTML templates are escaped for HTML, Markdown ones for Markdown (by ``_finalize``)."""
    return bool(name) and str(name).lower().endswith(_HTML_SUFFIXES + _MD_SUFFIXES)


# --- confinement and limits ------------------------------------------------------------------------

_DRIVE = re.compile(r"[A-Za-z]:")


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.normcase(path), os.path.normcase(folder)
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # another drive
        return False


class _FolderLoader(jinja2.FileSystemLoader):
    """Jinja's loader for one folder, reading only files whose real path (links resolved) is inside it.

    ``..`` (which Jinja refuses as "not found") and absolute names (which Jinja would look up inside
    the folder) are refused outright; a name whose file resolves outside the folder is refused before
    the file is read.  ``own`` is the name of the ``--template`` file: the user's own file, read
    wherever it (or the link it is) points.
    """

    def __init__(self, folder: Path, own: str | None = None) -> None:
        super().__init__(str(folder), encoding="utf-8")
        self.folder = str(folder)
        self.own = own

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        try:
            if template.startswith(("/", "\\")) or _DRIVE.match(template):
                raise jinja2.TemplateNotFound(template)
            pieces = jinja2.loaders.split_template_path(template)
        except jinja2.TemplateNotFound:
            raise _Stop("brief.template_name", name=template) from None
        filename = posixpath.join(self.folder, *pieces)  # where FileSystemLoader looks
        if pieces != [self.own] and os.path.isfile(filename):
            real = os.path.realpath(filename)
            if not _inside(real, os.path.realpath(self.folder)):
                raise _Stop(
                    "brief.template_outside", name=template, folder=_display(self.folder), target=_display(real)
                )
        return super().get_source(environment, template)


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's code generator, with every ``{% for %}`` loop counting its iterations as steps, and every
    ``~`` checking the size of what it made."""

    def visit_Template(self, node: nodes.Template, frame: jinja2.compiler.Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("counted", lineno=loop.iter.lineno, environment=self.environment),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.iter.lineno,
                environment=self.environment,
            )
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: jinja2.compiler.Frame) -> None:
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")


_CLOCK_EVERY = 64
"""Steps between two looks at the clock."""
_DICT_ATTRIBUTES = frozenset(dir(dict))
"""What ``d.name`` means on a dict when ``name`` is one of these: the attribute (Jinja looks it up first)."""


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, counting steps and sizes so that rendering ends.

    A step is a loop iteration (also of a recursive ``loop(...)``), a call (function, method, macro),
    an attribute or item lookup, a ``+``, ``*`` or ``**``; the clock is checked at every step.  ``+``,
    ``*`` and ``**`` are refused before making a result larger than the output limit; what a call or a
    ``~`` made is refused after.  ``lipsum``, ``slice`` and ``batch``, whose argument sets their work, are
    charged for it.
    """

    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset({"+", "*", "**"})
    max_steps = MAX_STEPS
    max_seconds = MAX_SECONDS
    max_output = MAX_OUTPUT
    steps = 0
    _next_clock = 0
    deadline = float("inf")

    def start(self) -> None:
        """Start counting for one brief."""
        self.steps = 0
        self._next_clock = 0
        self.deadline = time.monotonic() + self.max_seconds

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.max_steps:
            raise _Stop("brief.render_steps", n=f"{self.max_steps:,}")
        if self.steps >= self._next_clock:  # the clock every _CLOCK_EVERY steps: a step is far shorter than a tick
            if time.monotonic() >= self.deadline:
                raise _Stop("brief.render_time", seconds=f"{self.max_seconds:g}")
            self._next_clock = self.steps + _CLOCK_EVERY

    def sized(self, value: Any) -> Any:
        if isinstance(value, str | list | tuple) and len(value) > self.max_output:
            self.too_large()
        return value

    def too_large(self) -> None:
        raise _Stop("brief.render_size", n=f"{self.max_output:,}")

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of ``iterable``, one step each (every ``{% for %}`` loop iterates through this)."""
        for item in iterable:
            self.step()
            yield item

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.step()
        if isinstance(obj, jinja2.runtime.LoopContext) and args:  # a recursive loop's next level
            args = (self.counted(args[0]), *args[1:])
        return self.sized(super().call(context, obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.step()
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            # what the sandbox does for a dict, without its failed attribute lookup: the key, else undefined
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.step()
        return super().getitem(obj, argument)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        self.step()
        if _result_size(operator, left, right) > self.max_output:
            self.too_large()
        return super().call_binop(context, operator, left, right)

    def lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        self.step(_count(n) * _count(max))
        return str(jinja2.utils.generate_lorem_ipsum(n, html, min, max))

    def slice(self, value: Any, slices: int, fill_with: Any = None) -> Iterator[list[Any]]:
        self.step(_count(slices))
        return jinja2.filters.sync_do_slice(value, slices, fill_with)

    def batch(self, value: Any, linecount: int, fill_with: Any = None) -> Iterator[list[Any]]:
        self.step(_count(linecount))
        return jinja2.filters.do_batch(value, linecount, fill_with)


def _result_size(operator: str, left: Any, right: Any) -> int:
    """About how long the result of ``left + right``, ``left * right`` or ``left ** right`` is, before making it."""
    if operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        return len(left) + len(right)
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(n, int):
                return len(seq) * n
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
        return abs(left).bit_length() * right // 4  # digits, at about 3.3 bits a digit
    return 0


def _count(value: object) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def _environment(folders: Sequence[Path], own: str | None = None) -> _Sandbox:
    """The sandbox over ``folders`` (the first one holding the ``--template`` file ``own``, if any)."""
    env = _Sandbox(
        loader=jinja2.ChoiceLoader([_FolderLoader(f, own if i == 0 else None) for i, f in enumerate(folders)]),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.globals.update(label=_label, t=_t, field_label=_field_label, chain=bm.chain, questions=_questions)
    env.globals.update(lipsum=env.lipsum)
    env.filters.update(md=_md_filter, code=_code_filter, slice=env.slice, batch=env.batch)
    return env


# --- errors ---------------------------------------------------------------------------------------


def _display(path: str | None) -> str:
    if not path:
        return "<template>"
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith(".." + os.sep + "..") else rel


def _template_error(exc: BaseException, name: str, folders: Sequence[Path], ui: str = "en") -> BriefError:
    """A template failure as ``file:line: message``, the line in the template (not in Python).

    vplint's own refusals and limits (:class:`_Stop`) are said in ``ui``; Jinja's messages are English.
    """
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return BriefError(f"{_display(exc.filename)}:{exc.lineno}: syntax error: {exc.message}")
    where = f"{name}"
    roots = [str(f.resolve()) for f in folders]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        filename = frame.filename
        if filename.endswith(".j2") or any(filename.startswith(r) for r in roots):
            where = f"{_display(filename)}:{frame.lineno}"
            break
    if isinstance(exc, _Stop):
        from vplint.i18n import render

        return BriefError(render(exc.key, {**exc.params, "where": where}, ui))
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"template '{exc.name}' not found"
    elif isinstance(exc, jinja2.UndefinedError | jinja2.exceptions.SecurityError | jinja2.TemplateError):
        message = str(exc.message or exc) if isinstance(exc, jinja2.TemplateError) else str(exc)
    else:
        message = f"{type(exc).__name__}: {exc}"
    return BriefError(f"{where}: {message}")


# --- the renderer -----------------------------------------------------------------------------------


@dataclass
class Renderer:
    """Templates and question banks for one run: the team's folder first, then the shipped defaults."""

    team: Path | None = None
    """The team's templates folder (configuration key ``templates``), if any."""
    template: str | None = None
    """``--template``: a template name, or the path of a template file."""
    ui: str = "en"
    """The language of vplint's own messages about templates (``en`` or ``zh``)."""
    max_steps: int | None = None
    """Steps one brief may take (None: :data:`MAX_STEPS`); likewise the next two."""
    max_seconds: float | None = None
    max_output: int | None = None
    folders: list[Path] = field(init=False)
    file: Path | None = field(init=False, default=None)
    env: _Sandbox = field(init=False)
    _banks: dict[str, QuestionBank] = field(init=False, default_factory=dict)
    _chosen: dict[tuple[str, str, str], str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.folders = [f for f in (self.team, resource_dir("templates")) if f is not None]
        if self.template and _is_path(self.template):
            path = Path(self.template)
            if not path.is_file():
                raise BriefError(f"{self.template}: no such template file")
            self.file = path
            self.folders.insert(0, path.parent)
        self.env = _environment(self.folders, self.file.name if self.file is not None else None)
        self.env.max_steps = MAX_STEPS if self.max_steps is None else self.max_steps
        self.env.max_seconds = MAX_SECONDS if self.max_seconds is None else self.max_seconds
        self.env.max_output = MAX_OUTPUT if self.max_output is None else self.max_output

    def file_format(self) -> str | None:
        """The format a ``--template`` file produces (from its name), or None for a template name."""
        if self.file is None:
            return None
        name = self.file.name.lower()
        if name.endswith(_HTML_SUFFIXES):
            return "html"
        if name.endswith((".md.j2", ".markdown.j2")):
            return "md"
        raise BriefError(f"{self.template}: a template file is named '*.md.j2' or '*.html.j2'")

    def bank(self, lang: str) -> QuestionBank:
        bank = self._banks.get(lang)
        if bank is None:
            folders = [resource_dir("templates")] + ([self.team] if self.team is not None else [])
            display = {
                f / "questions" / f"{lang}.toml": _display(str(f / "questions" / f"{lang}.toml")) for f in folders
            }
            try:
                bank = load_bank(lang, folders, display)
            except QuestionBankError as exc:
                raise BriefError(str(exc)) from None
            self._banks[lang] = bank
        return bank

    def template_name(self, kind: str, lang: str, fmt: str) -> str:
        """The template for a brief of ``kind`` (``brief`` or ``account``) in ``lang`` and ``fmt``."""
        key = (kind, lang, fmt)
        chosen = self._chosen.get(key)
        if chosen is not None:
            return chosen
        if self.file is not None:
            chosen = self.file.name
        else:
            name = self.template or kind
            candidates = [f"{name}.{lang}.{fmt}.j2", f"{name}.{fmt}.j2"]
            for candidate in candidates:
                try:
                    self.env.get_template(candidate)
                except jinja2.TemplateNotFound:
                    continue
                except Exception as exc:
                    raise _template_error(exc, candidate, self.folders, self.ui) from None
                chosen = candidate
                break
            if chosen is None:
                where = ", ".join(_display(str(f)) for f in self.folders)
                raise BriefError(
                    f"no template '{name}' for {lang} {fmt}: looked for {' and '.join(candidates)} in {where}"
                )
        self._chosen[key] = chosen
        return chosen

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """One brief; a template error, or a brief over the limits, is a :class:`BriefError`."""
        try:
            template = self.env.get_template(name)
            self.env.start()
            parts: list[str] = []
            size = 0
            for part in template.generate(_with_safe_maps(context)):
                size += len(part)
                if size > self.env.max_output:
                    self.env.too_large()
                parts.append(part)
        except Exception as exc:
            raise _template_error(exc, name, self.folders, self.ui) from None
        text = "".join(parts)
        return text if text.endswith("\n") else text + "\n"


def _with_safe_maps(context: Mapping[str, Any]) -> dict[str, Any]:
    """The context with its mind maps (vplint's own Mermaid and SVG, escaped as they were built) marked safe."""
    out = dict(context)
    maps = out.get("mindmap")
    if isinstance(maps, dict):
        out["mindmap"] = {k: markupsafe.Markup(v) for k, v in maps.items()}
    views = out.get("canvases")
    if isinstance(views, list):
        out["canvases"] = [_with_safe_maps(v) if isinstance(v, dict) else v for v in views]
    return out


def _is_path(value: str) -> bool:
    return "/" in value or os.sep in value or value.endswith(".j2")


# --- names ----------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_DEVICES = frozenset({"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)})
"""Names Windows reserves for devices, with any extension (``con``, ``nul.md``; ``com¹`` is ``com1`` by NFKC)."""


def safe_name(text: str) -> str:
    """``text`` as a file name of ``[a-z0-9._-]`` (no separators, no leading dot, no '..'); may be empty.

    At most 80 characters.  A Windows device name before the first dot gets a ``_`` (``con`` ->
    ``con_``, ``COM¹.x`` -> ``com1_.x``); no other name ends in ``_``, so ``con_`` is no other id's
    name, and ``safe_name`` of a safe name is that name.
    """
    name = _UNSAFE.sub("-", unicodedata.normalize("NFKC", text).strip().lower())
    name = re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", name))
    name = name.strip("._-")[:80].strip("._-")
    head, _, tail = name.partition(".")
    if head in _DEVICES:
        tail = tail[: 80 - len(head) - 2].rstrip("._-")
        name = f"{head}_.{tail}" if tail else f"{head}_"
    return name


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def brief_name(canvas_id: object, path: str) -> str:
    """The base name of a canvas's brief: its id, sanitised; else its file name; else a hash of its path."""
    if isinstance(canvas_id, str) and (name := safe_name(canvas_id)):
        return name
    stem = Path(path).name.split(".")[0]
    return safe_name(stem) or f"canvas-{_digest(path)[:8]}"


def account_name(account: str, ids: Iterable[str]) -> str:
    """The base name of an account brief.

    A plain-ASCII account name is sanitised (``ACME Manufacturing`` -> ``acme-manufacturing``).
    Any other (``华信物流``) becomes the part its canvas ids share, their last ``-`` part dropped,
    plus six hex digits of the SHA-256 of the name (``huaxin-8c1f0e``): readable, stable, and
    distinct for two accounts whose ids share a prefix.
    """
    account = unicodedata.normalize("NFC", account.strip())
    if account.isascii() and (name := safe_name(account)):
        return name
    parts = [s.split("-")[:-1] or [s] for s in sorted(safe_name(i) for i in ids) if s]
    common: list[str] = []
    if parts:
        for column in zip(*parts, strict=False):
            if len(set(column)) != 1:
                break
            common.append(column[0])
    prefix = "-".join(common) or "account"
    return f"{prefix}-{_digest(account)[:6]}"


# --- writing and comparing ------------------------------------------------------------------------


def _target(out_dir: Path, name: str, real: Path | None = None) -> Path:
    """``out_dir/name``, refusing anything that would land outside ``out_dir`` (``real``: ``out_dir`` resolved)."""
    stem, dot, ext = name.rpartition(".")
    if not name or not dot or stem != safe_name(stem) or ext not in ("md", "html") or name.startswith("."):
        raise BriefError(f"refusing to write a brief named {name!r}")
    real = out_dir.resolve() if real is None else real
    target = real / name
    if target.parent != real:
        raise BriefError(f"refusing to write {target} outside {out_dir}")
    return target


def current_bytes(path: Path) -> bytes | None:
    """What the regular file ``path`` holds, or None (missing, a link, a folder, unreadable): for ``--check``."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_outputs(outputs: Mapping[str, str], out_dir: Path) -> tuple[list[str], list[str]]:
    """Write every brief that differs from what ``out_dir`` holds; return (written, unchanged) names.

    Every name is looked at before anything is written (an unsafe name, a folder, a file with other
    hard links or of another owner refuses the whole run).  The briefs that differ are written
    together by :func:`~vplint.store.files.write_atomic_many`: after a crash or a kill at any moment
    each is its old or its new self.  A brief is read only when its size is that of the new one.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    real = out_dir.resolve()
    targets = {name: _target(out_dir, name, real) for name in sorted(outputs)}
    written: list[str] = []
    unchanged: list[str] = []
    changed: list[tuple[Path, str]] = []  # text, encoded as each is written: never every brief twice in memory
    for name, target in targets.items():
        if holds(target, outputs[name]):
            unchanged.append(name)
        else:
            changed.append((target, outputs[name]))  # a symlink at ``target`` is replaced, never written through
            written.append(name)
    write_atomic_many(changed)
    return written, unchanged


def holds(target: Path, text: str) -> bool:
    """Whether ``target`` is a regular file (not a link) holding ``text``; a folder there is a :class:`BriefError`."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(st.st_mode):
        raise BriefError(f"{target} is a folder")
    if not stat.S_ISREG(st.st_mode) or st.st_size < len(text):  # UTF-8 has at least a byte a character
        return False
    data = text.encode("utf-8")
    if st.st_size != len(data):
        return False
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:  # replaced meanwhile, or unreadable: written anew
        return False
    with open(fd, "rb") as fh:
        try:
            return fh.read(len(data) + 1) == data
        except OSError:
            return False


@dataclass
class Staleness:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def fresh(self) -> bool:
        return not (self.stale or self.missing)


def check_outputs(
    outputs: Mapping[str, str], out_dir: Path, formats: Sequence[str], expected: Iterable[str] = ()
) -> Staleness:
    """Compare what would be written with ``out_dir``: stale and missing briefs, and extra files.

    Extra files are the ``*.md`` / ``*.html`` files (of the formats checked, hidden ones aside) in
    ``out_dir`` that no canvas produces; names in ``expected`` (briefs of canvases that could not
    be briefed this time) are not extra.
    """
    result = Staleness()
    for name in sorted(outputs):
        current = current_bytes(_target(out_dir, name)) if out_dir.is_dir() else None
        if current is None:
            result.missing.append(name)
        elif current != outputs[name].encode("utf-8"):
            result.stale.append(name)
    if out_dir.is_dir():
        known = set(outputs) | set(expected)
        suffixes = tuple(f".{f}" for f in formats)
        for entry in sorted(os.listdir(out_dir)):
            if entry.startswith(".") or entry in known or not entry.endswith(suffixes):
                continue
            if (out_dir / entry).is_file():
                result.extra.append(entry)
    return result
