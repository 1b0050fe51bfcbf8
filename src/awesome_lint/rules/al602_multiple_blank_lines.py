from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class MultipleBlankLines(Rule):
    """
    ## What it does

    Finds two or more blank lines in a row outside code blocks (blank lines
    at the end of the file are AL603's).

    ## Why

    One blank line separates blocks; more add nothing in the rendered page
    and make the source uneven (markdownlint MD012).

    ## Example

    Three blank lines between two sections become one.

    ## Fix safety

    Safe: the extra blank lines are removed, the first one is kept.

    ## Options

    None.
    """

    code = "AL602"
    name = "multiple-blank-lines"
    summary = "Two or more blank lines in a row"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        source = document.source
        lines = source.lines
        text = source.text
        code = document.code_lines
        count = len(lines)
        index = 0
        while index < count:
            if index in code or text[lines[index].start : lines[index].end].strip(" \t"):
                index += 1
                continue
            run_end = index
            while (
                run_end + 1 < count
                and run_end + 1 not in code
                and not text[lines[run_end + 1].start : lines[run_end + 1].end].strip(" \t")
            ):
                run_end += 1
            at_eof = run_end == count - 1 or (
                run_end == count - 2 and lines[count - 1].start == lines[count - 1].end
            )
            if run_end > index and not at_eof and index > 0:
                start = lines[index + 1].start
                end = lines[run_end].next_start
                blank = run_end - index
                yield self.report(
                    f"{blank + 1} blank lines in a row",
                    start,
                    lines[index + 1].end,
                    self.replace(
                        "Remove the extra blank line" + ("s" if blank > 1 else ""), start, end, ""
                    ),
                )
            index = run_end + 1
