"""``vplint lsp``: a language server (LSP over stdio) that shows vplint's findings as a canvas is typed.

One module a job:

:mod:`~vplint.lsp.server`       the pygls server: registers each feature and hands it to the modules below
:mod:`~vplint.lsp.project`      a workspace folder: its configuration (reloaded when a file changes), its
                                canvases on disk and the check of an open buffer among them
:mod:`~vplint.lsp.checking`     the check of one buffer that never raises (a failing rule is a finding)
:mod:`~vplint.lsp.scheduler`    debouncing: only a buffer's latest text is checked, a burst of edits once
:mod:`~vplint.lsp.positions`    vplint's 1-based line and character columns to LSP positions and back
:mod:`~vplint.lsp.buffers`      an open buffer: its text, lines and parsed canvas
:mod:`~vplint.lsp.diagnostics`  vplint findings as LSP diagnostics
:mod:`~vplint.lsp.actions`      code actions: the fixes of ``--fix``, fix all, suppress on this line
:mod:`~vplint.lsp.symbols`      document symbols: sections and P/N/M items
:mod:`~vplint.lsp.references`   P1/N1/M1 ids: definition, references, rename
:mod:`~vplint.lsp.hover`        hover: the item an id names, a rule, a vocabulary value
:mod:`~vplint.lsp.completion`   completion of vocabulary values and ids
:mod:`~vplint.lsp.brief`        the ``vplint.brief`` command: the meeting brief of the open canvas

Only :mod:`~vplint.lsp.server` and the modules that build LSP objects import pygls/lsprotocol; nothing
outside this package imports it, so ``vplint check`` never pays for it.
"""
