from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant


class MarkerSpacing(Rule):
    """
    ## What it does

    Checks the spacing between a bullet (`-`, `*`, `+`) and the item's text
    against the file's habit: `-  [Name](url)` (two spaces) or `-\\t[Name](url)`
    in a file whose bullets are followed by one space. The habit is the spacing
    of at least 80% of the file's bullet items (and at least 5 of them). Where
    the habit pads the marker to four columns (`-   Title`, `1.  Title`: what a
    converter such as pandoc writes), a list written by hand with one space
    (`* Title: [Readings](url)` above the converted lists) is left alone; an
    item with one space added to a padded list is still reported.

    Numbered items have a habit of their own, counted the same way over the
    file's numbered items: `6.  [Title](url)` in a file that writes `5. [Title](url)`.
    A number padded to line its text up with a longer number of the same list
    (`9.  ` over `10. `) is left alone.

    ## Why

    A stray extra space after the bullet is invisible when rendered but shows
    in every diff and review, and it shifts the item's content column, which
    decides what nests under it.

    ## Example

    ```markdown
    - [Orca](https://example.org/orca): A distributed serving system
    -  [Alpa](https://example.org/alpa): Automating parallelism
    ```

    ## Fix safety

    Safe, and only offered where it cannot change the list's structure: a
    one-line item with no nested items, not followed by a more indented line.
    Other items are reported without a fix.

    ## Options

    None.
    """

    code = "AL706"
    name = "marker-spacing"
    summary = "The spacing after a list bullet differs from the file's habit"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        bullets: list[tuple[Entry, str]] = []
        numbered: list[tuple[Entry, str]] = []
        lines = document.source.lines
        for entry in document.entries():
            if entry.marker[0] == entry.marker[1]:
                continue
            start, end = entry.marker[1], entry.content[0]
            if end >= lines[entry.line].end:
                continue  # an empty item
            (numbered if entry.ordered else bullets).append((entry, text[start:end]))
        yield from self._against_habit(document, bullets, "list marker", aligned=False)
        yield from self._against_habit(document, numbered, "number", aligned=True)

    def _against_habit(
        self, document: Document, items: list[tuple[Entry, str]], what: str, *, aligned: bool
    ) -> Iterator[Diagnostic]:
        habit = dominant((gap for _, gap in items), share=0.8, minimum=5)
        if habit is None:
            return
        # A numbered item may pad its number to line its text up with a longer number's
        # ("9.  [" over "10. ["): every number of its width in the list padded alike, to
        # the text column of an item of the same list that keeps the habit.
        columns: set[tuple[int, int]] = set()
        gaps: dict[tuple[int, int], set[str]] = {}
        if aligned:
            for entry, gap in items:
                gaps.setdefault((entry.list_id, entry.marker[1] - entry.marker[0]), set()).add(gap)
                if gap == habit:
                    columns.add((entry.list_id, entry.content[0] - entry.marker[0]))
        # the lists in which some item keeps the habit
        keeping = {entry.list_id for entry, gap in items if gap == habit}
        for entry, gap in items:
            if gap == habit:
                continue
            if gap == " " and _padded(entry, habit) and entry.list_id not in keeping:
                continue  # (a list of its own in the plain form beside a converter's)
            if (entry.list_id, entry.content[0] - entry.marker[0]) in columns and len(
                gaps[entry.list_id, entry.marker[1] - entry.marker[0]]
            ) == 1:
                continue
            start, end = entry.marker[1], entry.content[0]
            fix = None
            if _fixable(document, entry):
                fix = self.replace(f"Use {habit!r}", start, end, habit)
            gap_said = _describe(gap)
            usual = _describe(habit)
            yield self.report(
                f"{gap_said[0].upper()}{gap_said[1:]} after the {what}; the file uses {usual}",
                start,
                end,
                fix,
            )


def _padded(entry: Entry, habit: str) -> bool:
    """Whether the habit is a converter's padding of the marker to four columns
    (pandoc writes `-   Title` and `1.  Title`)."""
    width = entry.marker[1] - entry.marker[0]
    return habit == " " * (4 - width) and width < 3


def _describe(gap: str) -> str:
    if gap == " ":
        return "one space"
    if set(gap) == {" "}:
        return f"{len(gap)} spaces"
    return repr(gap)


def _fixable(document: Document, entry: Entry) -> bool:
    """Whether changing the item's content column cannot change what nests under it."""
    if entry.children or entry.end_line != entry.line:
        return False
    source = document.source
    following = entry.line + 1
    if following >= len(source.lines):
        return True
    body = source.line_text(following)
    if not body.strip():
        return True
    indent = len(body) - len(body.lstrip(" "))
    if body[indent : indent + 1] == "\t":
        return False
    own = entry.indent[1] - entry.indent[0]
    return "\t" not in document.span_text(entry.indent) and indent <= own
