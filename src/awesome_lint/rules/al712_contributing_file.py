from __future__ import annotations

import os
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

_NAMES = ("contributing.md", "contributing.markdown", "contributing")


class ContributingFile(Rule):
    """
    ## What it does

    Checks that a contributing guide (`contributing.md`, any letter case) lies
    next to the linted file, or in the repository's `.github/` or `docs/`
    folder beside it. Nothing is reported for text read from stdin without
    `--stdin-filename`.

    Part of `profile = "awesome"`; otherwise opt-in.

    ## Why

    The awesome-list guidelines ask for a contributing guide, so that people
    know how to propose an entry.

    ## Example

    A `readme.md` alone in its folder.

    ## Fix safety

    No fix.

    ## Options

    None.
    """

    code = "AL712"
    name = "contributing-file"
    summary = "No contributing guide next to the list"
    default = False
    profiles = frozenset({"awesome"})

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        if context.filename in ("", "-"):
            return
        folder = os.path.dirname(context.filename) or "."
        for place in (folder, os.path.join(folder, ".github"), os.path.join(folder, "docs")):
            try:
                names = os.listdir(place)
            except OSError:
                continue
            if any(name.lower() in _NAMES for name in names):
                return
        first = document.source.lines[0]
        yield self.report(
            "No contributing guide (contributing.md) next to this file", first.start, first.end
        )
