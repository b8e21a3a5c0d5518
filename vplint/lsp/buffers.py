"""An open buffer as the server sees it at one version: its text, lines and (parsed once) its canvas."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlparse

from vplint.lsp.checking import buffer_document
from vplint.lsp.positions import Lines
from vplint.model.canvas import Canvas, build_canvas
from vplint.parser.document import Document

__all__ = ["Buffer", "path_of"]


def path_of(uri: str) -> str | None:
    """The file a ``file:`` URI names (None for any other scheme: an untitled buffer has no file)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and len(path) > 2 and path[2] == ":":  # pragma: no cover
        path = path[1:]
    if parsed.netloc and parsed.netloc != "localhost":  # pragma: no cover - a UNC path
        path = f"//{parsed.netloc}{path}"
    return os.path.normpath(path)


@dataclass(eq=False)
class Buffer:
    """One version of an open document."""

    uri: str
    text: str
    version: int | None = None
    encoding: str = "utf-16"
    _parsed: tuple[Document, Canvas] | None = field(default=None, init=False, repr=False)

    @property
    def path(self) -> str | None:
        return path_of(self.uri)

    @property
    def display_path(self) -> str:
        return self.path or self.uri

    @cached_property
    def lines(self) -> Lines:
        return Lines.of(self.text, self.encoding)

    def _parse(self) -> tuple[Document, Canvas]:
        if self._parsed is None:
            doc = buffer_document(self.text, self.display_path)
            self._parsed = (doc, build_canvas(doc))
        return self._parsed

    @property
    def document(self) -> Document:
        return self._parse()[0]

    @property
    def canvas(self) -> Canvas:
        """The canvas model of the text (what hover, symbols, completion and the id features read)."""
        return self._parse()[1]

    @property
    def language(self) -> str:
        """The language the canvas is written in (messages, labels and code action titles use it)."""
        from vplint.lint.clock import env_language

        return self.canvas.written_language(env_language())
