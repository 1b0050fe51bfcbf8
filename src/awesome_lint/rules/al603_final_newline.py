from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class FinalNewline(Rule):
    """
    ## What it does

    Checks that a non-empty file ends with exactly one line ending: not
    none, and no blank lines after the last line.

    ## Why

    POSIX tools expect a final newline; without one, `cat` and diffs show
    "No newline at end of file", and blank lines at the end are noise.

    ## Example

    A file ending in `…| OSDI'22` gets a final newline; a file ending in
    `…| OSDI'22\\n\\n\\n` keeps just one.

    ## Fix safety

    Safe: the line ending added is the file's own (`\\r\\n` in a CRLF file).

    ## Options

    None. Deselect the rule (`--ignore AL603`) to keep a file without a
    final newline as it is.
    """

    code = "AL603"
    name = "final-newline"
    summary = "The file does not end with exactly one newline"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        source = document.source
        text = source.text
        if not text.strip():
            return
        lines = source.lines
        last = lines[-1]
        if last.start < last.end and text[last.start : last.end].strip(" \t"):
            eol = source.dominant_terminator
            yield self.report(
                "No newline at end of file",
                last.end,
                last.end,
                self.replace("Add a final newline", last.end, last.end, eol),
            )
            return
        # find the last line with content; everything after its terminator is extra
        index = len(lines) - 1
        while index > 0 and not text[lines[index].start : lines[index].end].strip(" \t"):
            index -= 1
        keep = lines[index].next_start
        if keep < len(text):
            yield self.report(
                "Blank lines at end of file",
                keep,
                len(text),
                self.replace("Remove blank lines at end of file", keep, len(text), ""),
            )
