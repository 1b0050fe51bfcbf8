from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# An ATX heading's opening: indentation, the hashes, and the blanks before its text.
_OPENING = lazy_compile(r"( {0,3}#{1,6})([ \t]{2,})(?=[^ \t])")


class HeadingSpacing(Rule):
    """
    ## What it does

    Finds an ATX heading with more than one blank (spaces or tabs) between its
    opening hashes and its text: `####  Compression Techniques`. Only the opening
    side of a closed heading (`## Title  ##`) is read; setext headings, headings
    inside block quotes or list items, and `#` lines in code blocks are not.
    (The rule is markdownlint's MD019, "multiple spaces after hash on atx style
    heading".)

    ## Why

    The extra blank does not show when rendered, but it makes the heading look
    different from its siblings in the source and in diffs, and searches for
    `## Title` miss it.

    ## Example

    ```markdown
    ####  Compression Techniques
    ```

    becomes

    ```markdown
    #### Compression Techniques
    ```

    ## Fix safety

    Safe: the blanks become one space; the heading's text, level and anchor do
    not change.

    ## Options

    None.
    """

    code = "AL609"
    name = "heading-spacing"
    summary = "More than one blank between a heading's hashes and its text"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        lines = document.source.lines
        for heading in document.headings:
            if heading.setext or not heading.title:
                continue  # (an empty heading: "##   " or "##   ##")
            line = lines[heading.line]
            match = _OPENING.match(text, line.start, line.end)
            if match is None:
                continue  # a heading in a block quote or a list item
            start, end = match.span(2)
            blanks = text[start:end]
            what = f"{len(blanks)} spaces" if blanks == " " * len(blanks) else repr(blanks)
            yield self.report(
                f"{what[0].upper()}{what[1:]} after the heading's hashes: write one space",
                start,
                end,
                self.replace("Use one space", start, end, " "),
            )
