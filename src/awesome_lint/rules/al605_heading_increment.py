from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Heading
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import item_heading, nav_heading


class HeadingIncrement(Rule):
    """
    ## What it does

    Finds a heading more than one level deeper than the heading before it
    (`##` followed by `####`).

    ## Why

    Skipped levels break the document outline, tables of contents and
    screen-reader navigation (markdownlint MD001).

    ## Example

    ```markdown
    ## Serving
    #### Edge
    ```

    ## Fix safety

    No fix: whether `####` should be `###`, or a level is missing, is for a
    person to decide.

    ## Options

    None. A skip that is the file's habit is not reported: when at least 3
    headings, and 80% of those that go one level deeper than a level, skip the
    same way (`## Books` followed by `#### Computer Vision` throughout), the list
    has chosen its levels. So has a list that skips, twice or more, a level it
    never uses (`## Papers` then `#### Faster Inference`, and `## Implementations`
    then `#### PyTorch`, in a file without a `###` heading). So has a list that
    gives its deepest headings one
    level whatever their parent's (`#### 2018` year headings under `## Review`
    and under `### Univariate`, or one `####` heading per paper under `##` and
    `###` sections alike): at least 6 headings at that level, at least 2 of them
    right under a heading one level up and at least 2 skipping a level.

    A tagline on the line right after the level-1 title (`# Continual
    Test-Time Adaptation` over `### Methods, Benchmarks, and Future
    Directions`) is a subtitle, not a section, and headings in the cells of an
    HTML `<table>` (cards laid out side by side) are outside the outline; so is
    a navigation bar set as a heading for its small type, an arrow and a link
    (`#### ← [Awesome TypeScript](url) -= Awesome Elasticsearch =-`).
    """

    code = "AL605"
    name = "heading-increment"
    summary = "A heading skips a level"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        steps: list[tuple[int, int]] = []  # (level, deeper level after it)
        previous = 0
        # an item written as a heading (` # [SUN RGB-D](url) - …`, a bullet typed as
        # `#`) or a navigation bar in a heading's type (`#### ← [Awesome TypeScript](url)`)
        # sets no level: the real headings around it are compared
        headings = [
            h
            for h in document.headings
            if not item_heading(document, h) and not nav_heading(document, h)
        ]
        # headings in an HTML table's cells (`<td>` over `#### 🔒 Data Privacy`) are the
        # titles of cards laid out side by side, outside the outline
        tables = _html_tables(document.text) if "<table" in document.text else None
        if tables:
            lines = document.source.lines
            headings = [h for h in headings if not _inside(tables, lines[h.line].start)]
        for heading in headings:
            if previous and heading.level > previous:
                steps.append((previous, heading.level))
            previous = heading.level
        habits = _habits(steps, {h.level for h in headings})
        leaf = _leaf_level(steps, headings)
        previous = 0
        above: Heading | None = None
        for heading in headings:
            step = (previous, heading.level)
            if (
                previous
                and heading.level > previous + 1
                and step not in habits
                and heading.level != leaf
                and not _tagline(above, heading)
            ):
                _start, end = heading.text
                line = document.source.lines[heading.line]
                yield self.report(
                    f"Heading level {heading.level} follows level {previous}"
                    f" (expected at most {previous + 1})",
                    line.start,
                    max(end, line.start + heading.level),
                )
            previous = heading.level
            above = heading


#: A skip is the file's habit when it recurs this often and makes this share of the
#: steps down from its level (`## Books` then `#### Computer Vision`, every time).
HABIT_MIN_COUNT = 3
HABIT_SHARE = 0.8


def _tagline(above: Heading | None, heading: Heading) -> bool:
    """Whether ``heading`` is a title's tagline: on the line right after the level-1
    title (`# Continual Test-Time Adaptation` over `### Methods, Benchmarks, and Future
    Directions`), a subtitle set in smaller type, not a section."""
    return above is not None and above.level == 1 and heading.line == above.end_line + 1


_TABLE_TAG = lazy_compile(r"(?i)<(/?)table\b")


def _html_tables(text: str) -> list[tuple[int, int]]:
    """The spans from each `<table` to its `</table>` (outermost only)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.end()))
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


#: The deepest level is the level of the list's leaves (`#### 2018` year headings, or
#: one heading per paper) when it holds this many headings, this many of them right
#: under a heading one level up and this many skipping a level to reach it.
LEAF_MIN_HEADINGS = 6
LEAF_MIN_EACH = 2


def _leaf_level(steps: list[tuple[int, int]], headings: list[Heading]) -> int | None:
    """The level the file gives its leaf headings whatever their parent's level, or None:
    `#### 2018` under `## Review` and under `### Univariate` alike."""
    if not steps:
        return None
    deepest = max(h.level for h in headings)
    at_deepest = sum(1 for h in headings if h.level == deepest)
    under = sum(1 for level, deeper in steps if deeper == deepest and level == deepest - 1)
    skipping = sum(1 for level, deeper in steps if deeper == deepest and level < deepest - 1)
    if at_deepest >= LEAF_MIN_HEADINGS and under >= LEAF_MIN_EACH and skipping >= LEAF_MIN_EACH:
        return deepest
    return None


#: A skip over levels the file never uses (`####` under `##` in a file without `###`)
#: is its habit from this many on: the list has chosen its levels for their type size.
UNUSED_MIN_COUNT = 2


def _habits(steps: list[tuple[int, int]], used: set[int]) -> set[tuple[int, int]]:
    down: Counter[int] = Counter(level for level, _ in steps)
    pairs = Counter(steps)
    return {
        (level, deeper)
        for (level, deeper), count in pairs.items()
        if deeper > level + 1
        and (
            (count >= HABIT_MIN_COUNT and count >= HABIT_SHARE * down[level])
            or (
                count >= UNUSED_MIN_COUNT
                and not any(between in used for between in range(level + 1, deeper))
            )
        )
    }
