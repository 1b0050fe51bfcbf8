from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class HeadingIncrement(Rule):
    """
    ## What it does

    Finds a heading more than one level deeper than the heading before it
    (`##` followed by `####`).

    ## Why

    Skipped levels break the document outline, tables of contents and
    screen-reader navigation (markdownlint MD001).

    ## Example

    ```markdown
    ## Serving
    #### Edge
    ```

    ## Fix safety

    No fix: whether `####` should be `###`, or a level is missing, is for a
    person to decide.

    ## Options

    None.
    """

    code = "AL605"
    name = "heading-increment"
    summary = "A heading skips a level"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        previous = 0
        for heading in document.headings:
            if previous and heading.level > previous + 1:
                _start, end = heading.text
                line = document.source.lines[heading.line]
                yield self.report(
                    f"Heading level {heading.level} follows level {previous}"
                    f" (expected at most {previous + 1})",
                    line.start,
                    max(end, line.start + heading.level),
                )
            previous = heading.level
