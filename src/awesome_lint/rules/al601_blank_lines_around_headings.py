from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

#: The share of headings with a blank line (on one side) that makes it the file's habit.
HABIT_SHARE = 0.8


class BlankLinesAroundHeadings(Rule):
    """
    ## What it does

    Finds headings that are not separated from the text before or after them
    by a blank line. Headings directly after another heading are fine (many
    lists stack `## Part` and `### Chapter`), and so is the start and end of
    the file, a heading right after an HTML comment line (such as a
    suppression comment), and one right under a thematic break (`---`, `***`:
    a divider drawn above a section on purpose).

    ## Why

    A heading glued to a list or paragraph is hard to spot in the source and
    some Markdown renderers treat it differently (markdownlint MD022).

    ## Example

    ```markdown
    ## Serving
    - [Orca](https://example.org/orca): Serving
    ```

    gets a blank line between the heading and the list.

    ## Fix safety

    Safe: an empty line (with the file's line ending) is inserted.

    ## Options

    None. The rule follows the file's habit: a side (before or after headings)
    is checked only when at least 80% of the file's headings, or all but one,
    have a blank line there (or fewer than three headings are checked). A file where 20 headings
    have one and 17 do not has no habit to hold the others to, and the list's
    own convention is not an error.
    """

    code = "AL601"
    name = "blank-lines-around-headings"
    summary = "A heading is not surrounded by blank lines"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        source = document.source
        lines = source.lines
        heading_lines: set[int] = set()
        for heading in document.headings:
            heading_lines.update(range(heading.line, heading.end_line + 1))
        eol = source.dominant_terminator
        missing_before: list[Diagnostic] = []
        missing_after: list[Diagnostic] = []
        checked_before = checked_after = 0
        for heading in document.headings:
            before = heading.line - 1
            if before >= 0 and before not in heading_lines:
                if not _front_matter_end(source, before):
                    checked_before += 1
                previous = source.line_text(before).strip()
                comment = previous.startswith("<!--") and previous.endswith("-->")
                # a rule drawn right above a heading divides the sections on purpose
                divider = previous[:1] in "-*_" and _THEMATIC_BREAK.fullmatch(previous)
                separated = comment or divider or _front_matter_end(source, before)
                if previous and not separated:
                    line = lines[heading.line]
                    missing_before.append(
                        self.report(
                            "Missing blank line before heading",
                            line.start,
                            line.end,
                            self.replace("Insert a blank line", line.start, line.start, eol),
                        )
                    )
            after = heading.end_line + 1
            if after < len(lines) and after not in heading_lines:
                checked_after += 1
                if source.line_text(after).strip():
                    line = lines[heading.end_line]
                    terminator = line.terminator or eol
                    missing_after.append(
                        self.report(
                            "Missing blank line after heading",
                            heading.text[0],
                            max(heading.text[1], heading.text[0]),
                            self.replace(
                                "Insert a blank line", line.next_start, line.next_start, terminator
                            ),
                        )
                    )
        # The file's own habit wins: report missing blank lines only where blank lines
        # are the habit (HABIT_SHARE of the checked headings, or all but one), not on a
        # 20/17 split.
        for missing, checked in ((missing_before, checked_before), (missing_after, checked_after)):
            if checked < 3 or len(missing) <= max(1, (1 - HABIT_SHARE) * checked):
                yield from missing


_THEMATIC_BREAK = lazy_compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")


def _front_matter_end(source: object, index: int) -> bool:
    from awesome_lint.source import SourceText

    assert isinstance(source, SourceText)
    return source.line_text(index).strip() == "---" and source.line_text(0).strip() == "---"
