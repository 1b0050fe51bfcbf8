from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.buckets import is_year_item
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant
from awesome_lint.source import Line


class MultipleBlankLines(Rule):
    """
    ## What it does

    Finds two or more blank lines in a row outside code blocks (blank lines
    at the end of the file are AL603's). Before a heading, the file's own habit
    is allowed: the number of blank lines written before most of its headings (5
    or more), or before every heading of one level (2 or more: `# Part` after
    two blank lines where `## Chapter` comes after one), or before three in four
    of them (4 at least). So is a layout of several blank lines between content
    and the next heading: 3 such gaps at least, more than twice as many as the
    gaps of one blank line (in the file, or before the headings of one level: `## Section`
    after three blank lines 6 times, after one twice). Runs up to the most common
    of those lengths are allowed there; a longer one is still reported. A thematic
    break over a heading (`---` over `### Part`) opens the heading's section,
    and so does an HTML anchor alone on its line (`<a name="books" />` over
    `## Books`), with a blank line between them or none: the blank lines before
    it count as the heading's. A year bucket written as a top-level item over its papers
    (`- 2023` over nested items) counts as a heading of a level of its own: two
    blank lines before every one of them are the file's habit.

    Blank lines inside a code block or an HTML block (a comment, a `<pre>`)
    are its content and are not read, and neither are those of a table of
    contents that doctoc generated (between its `<!-- START doctoc ... -->` and
    `<!-- END doctoc ... -->` comments): doctoc writes two blank lines after its
    `DON'T EDIT THIS SECTION` line, and writes them again on every run.

    ## Why

    One blank line separates blocks; more add nothing in the rendered page
    and make the source uneven (markdownlint MD012).

    ## Example

    Three blank lines between two sections become one.

    ## Fix safety

    Safe: the extra blank lines are removed, the first one is kept.

    ## Options

    None. A file that deliberately puts the same number of blank lines
    before most of its headings (generated lists often use two) keeps that
    number before headings; only longer runs are reported there. The same
    holds after headings: two blank lines after most of them (and after 5 at
    least) is the file's habit there.
    """

    code = "AL602"
    name = "multiple-blank-lines"
    summary = "Two or more blank lines in a row"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        lines = document.source.lines
        level_of = {heading.line: heading.level for heading in document.headings}
        text = document.text
        for heading in document.headings:
            # "---" right over "### Function" opens the heading's section, and so does
            # `<a name="books" />` over `## Books`: the blank lines before that line are
            # the ones before the heading
            above = heading.line - 1
            if above > 0 and _opener(text, lines[above]):
                level_of.setdefault(above, heading.level)
            elif (
                above > 1
                and not text[lines[above].start : lines[above].end].strip(" \t")
                and _opener(text, lines[above - 1])
            ):
                # ... a blank line between them: the one blank line is the opener's
                # (not a heading's with one blank line before it)
                level_of.setdefault(above - 1, level_of.pop(heading.line))
        # A year bucket written as an item over its papers (`- 2023` over nested
        # items) stands as a heading does: a level of its own
        labels = 0
        for section in document.sections:
            for entry in section.entries:  # (the top-level items; most have links)
                if not entry.links and entry.line > 1 and is_year_item(document, entry):
                    level_of.setdefault(entry.line, _BUCKET_LEVEL)
                    labels += 1
        runs = list(self._runs(document))
        before_headings = [
            run_end - start + 1 for start, run_end in runs if run_end + 1 in level_of
        ]
        allowed_before_heading = dominant(before_headings, share=0.5, minimum=5) or 1
        heading_ends = {heading.end_line for heading in document.headings}
        # ... or up to a number the file repeats before its headings (see _layout)
        gaps = [  # (the runs between content and a heading: not those after a heading)
            (level_of[run_end + 1], run_end - start + 1)
            for start, run_end in runs
            if run_end + 1 in level_of and start - 1 not in heading_ends
        ]
        allowed_before_heading = max(allowed_before_heading, _layout([n for _, n in gaps]))
        # ... and after them, the same way (`## CCS2016`, two blank lines, the entries)
        after_headings = [
            run_end - start + 1 for start, run_end in runs if start - 1 in heading_ends
        ]
        allowed_after_heading = dominant(after_headings, share=0.5, minimum=5) or 1
        # ... or a level's own: every heading of a level (two at least) after one
        # number of blank lines (`# Part` after two, `## Chapter` after one)
        by_level: dict[int, list[int]] = {}
        for start, run_end in runs:
            level = level_of.get(run_end + 1)
            if level is not None:
                by_level.setdefault(level, []).append(run_end - start + 1)
        counts = Counter(heading.level for heading in document.headings if heading.line > 1)
        counts[_BUCKET_LEVEL] = labels
        level_allowed: dict[int, int] = {}
        for level, blanks in by_level.items():
            if len(blanks) >= 2 and len(blanks) == counts[level] and len(set(blanks)) == 1:
                level_allowed[level] = blanks[0]
                continue
            # ... or three in four of them, 4 at least (8 of 9 `---` / `### Part` after
            # two blank lines; the ninth, after three, is still reported)
            habit = dominant(blanks, share=0.75, minimum=4)
            if habit is not None and blanks.count(habit) >= 0.75 * counts[level]:
                level_allowed[level] = habit
                continue
            # ... or a layout the file repeats before the headings of the level
            level_allowed[level] = _layout([n for at, n in gaps if at == level])
        for index, run_end in runs:
            level = level_of.get(run_end + 1)
            limit = 1
            if level is not None:
                limit = max(allowed_before_heading, level_allowed.get(level, 1))
            if index - 1 in heading_ends:
                limit = max(limit, allowed_after_heading)
            if run_end - index + 1 <= limit:
                continue
            start = lines[index + limit].start
            end = lines[run_end].next_start
            blank = run_end - index + 1
            yield self.report(
                f"{blank} blank lines in a row",
                start,
                lines[index + limit].end,
                self.replace(
                    "Remove the extra blank line" + ("s" if blank - limit > 1 else ""),
                    start,
                    end,
                    "",
                ),
            )

    @staticmethod
    def _runs(document: Document) -> Iterator[tuple[int, int]]:
        """(first, last) 0-based lines of each run of blank lines (not at file end)."""
        source = document.source
        lines = source.lines
        text = source.text
        # (blank lines inside a code block or an HTML block, a comment or a <pre>, are
        # its content)
        code = (
            document.code_lines | document.html_lines
            if document.html_lines
            else document.code_lines
        )
        if "<!-- START doctoc" in text:
            code = code | _doctoc_lines(document)
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
            if not at_eof and index > 0:
                yield index, run_end
            index = run_end + 1


# A thematic break: three or more of one of -, * or _, blanks between allowed.
_RULE = lazy_compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")


# An HTML anchor alone on its line: `<a name="books" />`, `<a id="x"></a>`.
_ANCHOR = lazy_compile(
    r"[ ]{0,3}<a[ \t]+(?:name|id)[ \t]*=[^<>]*>(?:[ \t]*</a>)?[ \t]*", re.IGNORECASE
)


def _opener(text: str, line: Line) -> bool:
    """Whether the line opens the section of a heading below it: a thematic break
    (`---`) or an HTML anchor alone on its line (`<a name="books" />`)."""
    first = text[line.start : line.start + 1]
    if first in ("-", "*", "_", " ") and _RULE.fullmatch(text, line.start, line.end):
        return True
    return (
        text.find("<", line.start, line.start + 4) >= 0
        and _ANCHOR.fullmatch(text, line.start, line.end) is not None
    )


_BUCKET_LEVEL = 7  # (headings have levels 1 to 6)
LAYOUT_MIN = 3  # gaps before headings with more than one blank line: perhaps a layout


def _layout(gaps: list[int]) -> int:
    """The number of blank lines the file writes as its layout before headings, given
    the runs between content and a heading (of a level, or of the file), or 1. A layout
    is LAYOUT_MIN gaps or more of several blank lines, more than twice as many as the
    gaps of one (`## Section` after three blank lines 6 times, after one twice); runs
    up to the most common length of them are allowed (the longest of equals)."""
    several = [n for n in gaps if n > 1]
    if len(several) < LAYOUT_MIN or len(several) <= 2 * (len(gaps) - len(several)):
        return 1
    counts = Counter(several)
    return max(counts, key=lambda n: (counts[n], n))


def _doctoc_lines(document: Document) -> set[int]:
    """The lines of the tables of contents doctoc generated: from its `<!-- START
    doctoc` comment to its `<!-- END doctoc` comment (or the file's end)."""
    source = document.source
    text = source.text
    out: set[int] = set()
    at = text.find("<!-- START doctoc")
    while at >= 0:
        stop = text.find("<!-- END doctoc", at)
        first = source.line_index(at)
        last = source.line_index(stop) if stop >= 0 else len(source.lines) - 1
        out.update(range(first, last + 1))
        if stop < 0:
            break
        at = text.find("<!-- START doctoc", stop)
    return out
