"""The language server (``awesome-lint lsp``): needs the ``lsp`` extra (pygls).

Only :mod:`awesome_lint.lsp.server` imports pygls; :mod:`awesome_lint.lsp.positions`
is plain Python.
"""
