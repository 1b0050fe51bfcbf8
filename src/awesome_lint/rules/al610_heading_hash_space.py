from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import running_on

# A line that would be an ATX heading but for the blank after its hashes:
# the hashes, then a letter or digit straight away.
_GLUED = lazy_compile(r"(#{1,6})(?=[^\W_])")
_MAX_LENGTH = 80  # a heading is short; a long line is prose that starts with a hashtag


def glued_heading(text: str, start: int, end: int, levels: set[int] | None = None) -> int | None:
    """Where the hashes end on a line that would be an ATX heading but for the blank
    after them (``####2018``): short, no hashtags after, and (with ``levels``) hashes
    of a level the file's headings use; else None."""
    if text[start : start + 1] != "#" or end - start > _MAX_LENGTH:
        return None
    match = _GLUED.match(text, start, end)
    if match is None or (levels is not None and len(match.group(1)) not in levels):
        return None
    at = match.end(1)
    if "#" in text[at:end]:
        return None  # "#python #awesome": hashtags
    return at


class HeadingHashSpace(Rule):
    """
    ## What it does

    Finds a line written as an ATX heading without the blank between its hashes
    and its text, `#2 Deep Learning Method` in a file of `# 1 Deep Learning
    History` headings. CommonMark needs that blank: without it the line renders
    as a paragraph that starts with `#2`, and the section is missing from the
    page's outline and anchors. (The rule is markdownlint's MD018,
    "no-missing-space-atx".)

    Only a paragraph of that one line, at the left margin, is read (or such a
    line right under a list item, where it runs on as the item's text:
    `- Weakly-Supervised Panoptic Segmentation [[paper]](url)` then `####2018`,
    reported without a fix: the blank would also end the item's paragraph and
    cut its list in two), and only
    where the file has ATX headings of the same level written with the blank,
    so the line's purpose is clear. A line with a second `#` (`#python
    #awesome`), a line of more than 80 characters, and a `#` followed by
    anything but a letter or a digit (`#!`, `#{`) are hashtags or code, not
    headings.

    ## Why

    The heading was meant: its siblings are headings, and the table of
    contents may link to it. Rendered, it is a line of text with a stray `#`.

    ## Example

    ```markdown
    # 1 Deep Learning History

    #2 Deep Learning Method
    ```

    becomes

    ```markdown
    # 1 Deep Learning History

    # 2 Deep Learning Method
    ```

    ## Fix safety

    Safe: one space is inserted after the hashes, which makes the line the
    heading its level's other headings show it was meant to be.

    ## Options

    None.
    """

    code = "AL610"
    name = "heading-hash-space"
    summary = "A heading line without the blank after its hashes renders as text"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        levels = {heading.level for heading in document.headings if not heading.setext}
        if not levels:
            return
        text = document.text
        lines = document.source.lines
        candidates = [
            (block.start_line, True)
            for block in document.blocks
            if block.kind == "paragraph" and block.start_line == block.end_line
        ]
        # a line at the margin right under a list item runs on as the item's text
        # ("- Weakly-Supervised ... [[paper]](url)" then "####2018"): reported without
        # a fix, which would also cut the item's paragraph and its list in two
        candidates.extend(
            (k, False)
            for entry in running_on(document)
            if entry.kind == "item"
            for k in range(entry.line + 1, entry.para_end + 1)
            if text.startswith("#", lines[k].start)
        )
        for number, alone in sorted(candidates):
            line = lines[number]
            at = glued_heading(text, line.start, line.end, levels)
            if at is None:
                continue
            fix = Fix("Insert a space after the hashes", (Edit(at, at, " "),), makes_headings=1)
            yield self.report(
                "No blank after the heading's hashes: the line renders as text",
                line.start,
                at,
                fix if alone else None,
            )
