from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# A line that looks meant to close a comment but does not: "–->" (an en dash),
# "- ->", "—>", "->" alone on its line.
_NEAR_CLOSER = lazy_compile(r"(?m)^[ \t]*(?:[-–—][ \t]*){1,3}>[ \t]*\r?$")


class UnclosedComment(Rule):
    """
    ## What it does

    Finds an HTML comment that opens a block (`<!--` at the start of a line)
    and is never closed: no `-->` follows it anywhere in the file. CommonMark
    (and GitHub) then read everything after it, to the end of the file, as
    part of the comment, and none of it is shown. When a later line looks
    meant to close it (`–->` typed with an en dash, `- ->`), the message says
    where.

    ## Why

    Every section after the comment silently disappears from the rendered
    list: a contributor's new entries, the citation, the licence.

    ## Example

    ```markdown
    <!--
    ## Acknowledgement
    To be continued
    –->

    ## Citation
    ```

    is reported: the comment opened on line 1 is never closed (line 4 writes
    `–->`, not `-->`), so `## Citation` is not shown.

    ## Fix safety

    No fix: where the comment was meant to end is for a person to say.

    ## Options

    None.
    """

    code = "AL717"
    name = "unclosed-comment"
    summary = "An HTML comment that is never closed hides the rest of the file"
    fix = "none"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if "<!--" not in text:
            return
        lines = document.source.lines
        last = len(lines) - 1
        for block in document.blocks:
            if block.kind != "html" or block.end_line < last - 1:
                continue
            start = lines[block.start_line].start
            opening = text.find("<!--", start, lines[block.start_line].end)
            if opening < 0 or text[start:opening].strip(" \t"):
                continue
            if text.find("-->", opening + 4) >= 0:
                continue
            near = _NEAR_CLOSER.search(text, opening + 4)
            where = ""
            if near is not None:
                line = document.source.line_index(near.start()) + 1
                written = near.group().strip()
                where = f" (line {line} writes {written!r}, not '-->')"
            yield self.report(
                f"HTML comment is never closed{where}: nothing after it is shown",
                opening,
                opening + 4,
            )
            return
