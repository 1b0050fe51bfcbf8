from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, prose_entries

# The file's entries must follow a comma with a space this often (and this many times)
# before a comma glued to the next word is a slip.
_SPACED_SHARE = 0.95
_MINIMUM = 20
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class CommaSpacing(Rule):
    """
    ## What it does

    Finds a comma written straight before a word (`RA-L, 2022,University of
    Freiburg`) in an entry's text, in a file whose entries put a space after
    their commas at least 19 times in 20 (and at least 20 times). Link targets,
    code spans and images are not text; a comma before a digit (`1,000`) or a
    non-Latin letter is left alone.

    ## Why

    Paper lists write `Title, Venue, Year, Team`: a missing space is an editing
    slip that the rendered page shows and that searches for the team miss.

    ## Example

    ```markdown
    - [CALVIN](https://example.org/calvin), RA-L, 2022,University of Freiburg
    ```

    becomes `..., RA-L, 2022, University of Freiburg` in a file that writes
    `, ` everywhere else.

    ## Fix safety

    Safe: one space is inserted after the comma.

    ## Options

    None.
    """

    code = "AL110"
    name = "comma-spacing"
    summary = "A comma glued to the next word, against the file's spacing"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        spaced = 0
        glued: list[int] = []
        for entry in prose_entries(document):
            if text.find(",", *entry.content) >= 0:
                spaced += comma_counts(text, entry, glued)
        if not file_habit(spaced, len(glued), share=_SPACED_SHARE, minimum=_MINIMUM):
            return
        for pos in glued:
            yield self.report(
                "No space after this comma: the file writes ', '",
                pos,
                pos + 1,
                Fix("Insert a space", edits=(Edit(pos + 1, pos + 1, " "),)),
            )


def comma_counts(text: str, entry: Entry, glued: list[int]) -> int:
    """The commas of an entry's first line that are prose (``entry_text_spans``: not in
    a link target, an image or a code span) and followed, in the same prose span, by a
    space: their count; those followed by a Latin letter, and preceded in their span by
    something other than a comma or a blank, go to ``glued``.

    Read comma by comma: a position is prose when no link target, image or code span
    covers it, and two positions are in one prose span when neither is covered and both
    are on the line. The code spans are found only for a comma after the line's first
    backtick (an awesome list's `` `MIT` `Go` `` tails come after its commas)."""
    start, end = entry.content
    spans = [link.url for link in entry.links if not link.reference]
    spans.extend((link.start, link.end) for link in entry.links if link.image)
    tick = text.find("`", start, end)
    code: list[tuple[int, int]] | None = None if tick >= 0 else []

    def covered(at: int) -> bool:
        nonlocal code
        for a, b in spans:
            if a <= at < b:
                return True
        if code is None:
            if at < tick:
                return False
            code = code_spans(text, start, end)
        return any(a <= at < b for a, b in code)

    spaced = 0
    pos = text.find(",", start, end)
    while pos != -1:
        if pos + 1 < end:
            after = text[pos + 1]
            if after == " ":
                if not covered(pos) and not covered(pos + 1):
                    spaced += 1
            elif (
                after in _LETTERS
                and pos > start
                and text[pos - 1] not in ", "
                and not covered(pos)
                and not covered(pos + 1)
                and not covered(pos - 1)
            ):
                glued.append(pos)
        pos = text.find(",", pos + 1, end)
    return spaced
