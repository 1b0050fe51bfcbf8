from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

_BLOCK_START = lazy_compile(r"[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|```|~~~|<|\|)")
# The markers of a block quote at a line's start ("> ", "> > ").
_QUOTE = lazy_compile(r"(?:[ \t]{0,3}>[ \t]?)+")


# Hard breaks written with two spaces from which on they are the file's habit: two
# spaces after text elsewhere (a list item's end) are the same habit, not a slip.
BREAK_HABIT = 3
# Lines ending in exactly two spaces after text, nine in ten of those that end in blanks
# after text, from which on two spaces are the file's way of ending a line.
ONE_HABIT = 20  # lines ending in one space after text, for that habit
ENDING_HABIT = 10


class TrailingWhitespace(Rule):
    """
    ## What it does

    Finds spaces and tabs at the end of a line, outside code blocks.

    ## Why

    Trailing whitespace is invisible, makes diffs noisy and is often added by
    accident. A deliberate hard line break (two spaces at the end of a line
    that continues the same paragraph, in a block quote too: `> **Notes:**␠␠`
    over `> Papers tagged ...`) is left alone. In a file that breaks
    lines with two spaces by habit (three times or more), exactly two spaces
    after text elsewhere, at a list item's end say, are the same habit and are
    left alone too (markdownlint's MD009 allows two by default); so are they in
    a file that ends its lines with exactly two spaces by habit (ten lines or
    more, nine in ten of the lines that end in blanks after text). Three
    spaces, a tab or a blank line's spaces are still reported. A file that
    ends its lines of text with exactly one space by habit (twenty lines at
    least, half of its lines of text, and nine in ten of the lines that end in
    blanks after text: a template's space after every entry) keeps that space
    too; only its other trailing blanks are reported.

    ## Example

    `- [Orca](https://example.org/orca): Serving | OSDI'22␠␠` (then another
    item) loses its two spaces.

    ## Fix safety

    Safe: only the trailing spaces and tabs are removed; the line ending
    (`\\n`, `\\r\\n` or `\\r`) is kept.
    No fix is offered for the spaces of a blank line between a `\\r` and a
    `\\n` (`x\\r \\n`): removing them would make the two line endings one
    `\\r\\n` and the blank line disappear.

    ## Options

    None.
    """

    code = "AL104"
    name = "trailing-whitespace"
    summary = "Spaces or tabs at the end of a line"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        source = document.source
        text = source.text
        lines = source.lines
        code = document.code_lines
        count = len(lines)
        found: list[tuple[int, int, bool]] = []  # start, end, whether two spaces after text
        breaks = 0  # hard breaks written with two spaces
        after_text = 0  # lines that end in blanks after text
        written = 0  # lines of text
        ones: list[int] = []  # the ends of lines of text ending in one space
        for index, line in enumerate(lines):
            if line.end == line.start or index in code:
                continue
            written += 1
            last = text[line.end - 1]
            if last != " " and last != "\t":
                continue
            if last == " " and text[line.end - 2 : line.end - 1] not in (" ", "\t", ""):
                ones.append(line.end)
            start = line.end - 1
            while start > line.start and text[start - 1] in " \t":
                start -= 1
            body_blank = start == line.start
            after_text += not body_blank
            two = not body_blank and text[start : line.end] == "  "
            if not body_blank and self._hard_break(text, start, line.end, index, count, source):
                breaks += two
                continue
            found.append((start, line.end, two))
        # a file that breaks lines with two spaces by habit ends other lines so too; so
        # does a file that ends its lines with exactly two spaces nine times in ten
        twos = sum(two for _, _, two in found)
        habit = breaks >= BREAK_HABIT or (
            twos >= ENDING_HABIT and 10 * (twos + breaks) >= 9 * after_text
        )
        # a file that ends its lines of text with one space by habit (its template's
        # `**Title**. (2023-ICLR) Authors. ` on every entry): twenty lines at least, half
        # of its lines of text, nine in ten of those ending in blanks after text
        one_habit = (
            len(ones) >= ONE_HABIT and 2 * len(ones) >= written and 10 * len(ones) >= 9 * after_text
        )
        skip = set(ones) if one_habit else set()
        for start, end, two in found:
            if two and habit:
                continue
            if end in skip:
                continue
            yield self.report(
                "Trailing whitespace",
                start,
                end,
                self.replace("Remove trailing whitespace", start, end, ""),
            )

    @staticmethod
    def _hard_break(
        text: str, start: int, end: int, index: int, count: int, source: object
    ) -> bool:
        """Two or more spaces that break a line inside a paragraph continuing below."""
        if end - start < 2 or "\t" in text[start:end] or index + 1 >= count:
            return False
        from awesome_lint.source import SourceText

        assert isinstance(source, SourceText)
        following = source.line_text(index + 1)
        if not following.strip():
            return False
        quoted = _QUOTE.match(following)
        if quoted is not None and _QUOTE.match(source.line_text(index)) is not None:
            # a block quote's paragraph goes on ("> **Notes:**␠␠" then "> Papers ..."): read
            # the next line inside the quote
            following = following[quoted.end() :]
            if not following.strip():
                return False
        return _BLOCK_START.match(following) is None
