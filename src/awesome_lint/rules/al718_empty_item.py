from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class EmptyItem(Rule):
    """
    ## What it does

    Finds a list item with nothing in it: a bullet or a number alone on its
    line (`-`, `*`, `1. `), with no nested items under it. It renders as a
    bare bullet or number, usually left from an entry that was deleted or
    never written (`1. ` twenty times in a list of numbered paper blocks,
    `*` before the next heading).

    ## Why

    An empty bullet shows on the page as a stray dot or number; in a numbered
    list it also shifts the numbers of the entries after it.

    ## Example

    ```markdown
    - [tanstack-store](https://tanstack.com/store) - Framework agnostic store.
    -
    ```

    The second item is reported.

    ## Fix safety

    No fix: the item may be an entry still to write.

    ## Options

    None.
    """

    code = "AL718"
    name = "empty-item"
    summary = "A list item with nothing in it renders as a bare bullet"
    fix = "none"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        lines = document.source.lines
        for entry in document.entries():
            start, end = entry.content
            if start < end:
                continue  # (most entries: the cheapest test first)
            if entry.kind != "item" or entry.children or entry.end_line > entry.line:
                continue
            line = lines[entry.line]
            if text[entry.marker[1] : line.end].strip(" \t"):
                continue  # (content the scanner did not take: not empty)
            yield self.report(
                "Empty list item: it renders as a bare bullet",
                entry.marker[0],
                entry.marker[1],
            )
