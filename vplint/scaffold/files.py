"""Set up a team repository for vplint (``vplint init``) and write new files safely.

``vplint init`` writes the files a team starts from: an example canvas, a ``vplint.toml``,
a ``.pre-commit-config.yaml`` that runs the vplint hook, a GitHub Actions workflow, a GitLab
CI file and a ``templates/`` folder for the team's own brief templates.  The files are
shipped in ``vplint/scaffold/`` (the example canvas is the normative sample from
``canvases/``); an existing file is kept unless ``force`` is given.

New files are created with :func:`vplint.store.files.create_exclusive` (atomically, never replacing
one that appeared meanwhile), files to overwrite are replaced with
:func:`vplint.store.files.write_atomic`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vplint import __version__
from vplint.store.files import create_exclusive, write_atomic
from vplint.store.resources import resource_dir

__all__ = [
    "EXAMPLES",
    "PLACEHOLDER_REPO",
    "PLACEHOLDER_REV",
    "SCAFFOLD",
    "Planned",
    "init_repo",
    "make_folders",
    "plan",
    "remove_folders",
]

PLACEHOLDER_REPO = "https://example.com/your-org/vplint"
"""The repository URL the scaffolded files name: teams replace it with where they host vplint."""
PLACEHOLDER_REV = f"v{__version__}"

SCAFFOLD: tuple[tuple[str, str], ...] = (
    ("vplint.toml", "vplint.toml"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml"),
    (".github/workflows/vplint.yml", "github-workflow.yml"),
    (".gitlab-ci.yml", "gitlab-ci.yml"),
    ("templates/README.md", "templates-README.md"),
)
"""(where the file goes in the team's repository, its name in ``vplint/scaffold/``)."""

EXAMPLES = {"en": "acme-cfo.en.md", "zh": "huaxin-cio.zh.md"}
"""The example canvas for each language: the shipped samples."""


@dataclass(frozen=True)
class Planned:
    """One file ``vplint init`` writes."""

    relpath: str
    """Where it goes, relative to the repository (``/``-separated)."""
    content: str


def _render(text: str) -> str:
    return text.replace("@PLACEHOLDER_REPO@", PLACEHOLDER_REPO).replace("@PLACEHOLDER_REV@", PLACEHOLDER_REV)


def plan(lang: str = "en") -> list[Planned]:
    """The files ``vplint init`` writes, with their content (nothing is written)."""
    example = EXAMPLES["zh" if lang == "zh" else "en"]
    out = [Planned(f"canvases/{example}", (resource_dir("canvases") / example).read_text(encoding="utf-8"))]
    folder = resource_dir("scaffold")
    for relpath, name in SCAFFOLD:
        out.append(Planned(relpath, _render((folder / name).read_text(encoding="utf-8"))))
    return out


def make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and the folders above it that are missing; the ones this call created, outermost first.

    On an error (a name too long, no permission) the folders created so far are removed again
    and the error raised: a write that fails leaves no empty folders behind.
    """
    missing: list[Path] = []
    for above in (folder, *folder.parents):
        if os.path.isdir(above):
            break
        missing.append(above)
    created: list[Path] = []
    try:
        for new in reversed(missing):
            try:
                new.mkdir()
            except FileExistsError:  # made meanwhile (or a file: the next mkdir, or the write, says so)
                continue
            created.append(new)
    except BaseException:
        remove_folders(created)
        raise
    return created


def remove_folders(created: list[Path]) -> None:
    """Undo :func:`make_folders`: remove the folders it created, innermost first, as long as they are empty."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only an empty folder: never anything written meanwhile


def init_repo(root: Path, *, lang: str = "en", force: bool = False) -> Iterator[tuple[str, str]]:
    """Write the scaffold under ``root``; yield ``(relpath, outcome)`` for each file as it is handled.

    ``outcome`` is ``created``, ``overwritten`` (only with ``force``) or ``kept`` (the file
    exists and ``force`` is not given).  Raises :class:`OSError` when a file cannot be written;
    the files handled before stay, the folders made for the rest are removed when empty.
    """
    created: list[Path] = []
    try:
        yield from _init_files(root, lang, force, created)
    except BaseException:
        remove_folders(created)
        raise


def _init_files(root: Path, lang: str, force: bool, created: list[Path]) -> Iterator[tuple[str, str]]:
    for item in plan(lang):
        target = root / item.relpath
        linked = [p for p in target.relative_to(root).parents if p != Path(".") and (root / p).is_symlink()]
        if linked:  # a folder of the scaffold is a link: what it points to is not ours to write
            raise OSError(f"{root / linked[-1]}: is a link to a folder; vplint init does not write through links")
        if target.exists() or target.is_symlink():
            if not force:
                yield item.relpath, "kept"
                continue
            if target.is_dir():
                raise IsADirectoryError(f"{target}: is a folder")
            if target.is_symlink():  # replace the link itself, never the file it points to
                target.unlink()
                create_exclusive(target, item.content)
            else:
                write_atomic(target, item.content)
            yield item.relpath, "overwritten"
            continue
        created += make_folders(target.parent)
        create_exclusive(target, item.content)
        yield item.relpath, "created"
