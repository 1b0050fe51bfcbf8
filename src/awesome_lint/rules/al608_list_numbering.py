from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit

_NUMBER = lazy_compile(r"\d{1,9}(?=[.)]$)")
# A run is checked when most of its steps go up by one (and at least twice), or when
# the file as a whole numbers its items one by one this clearly.
_RUN_SHARE = 2 / 3
_FILE_SHARE = 0.9
_FILE_MINIMUM = 10
# A run that repeats one number this often (and nine times in ten) lets Markdown count.
_REPEAT_MINIMUM = 5
_YEARS = 1000  # items numbered from here on are years or codes, not a count


class _Item:
    __slots__ = ("end", "entry", "number", "start")

    def __init__(self, entry: Entry, start: int, end: int, number: int) -> None:
        self.entry = entry
        self.start = start  # the digits of the marker
        self.end = end
        self.number = number


def _number(text: str, entry: Entry) -> _Item | None:
    start, end = entry.marker
    found = _NUMBER.match(text, start, end)
    if found is None or found.end() != end - 1:
        return None
    return _Item(entry, start, found.end(), int(found.group()))


def _runs(document: Document) -> list[list[_Item]]:
    """The numbered runs of the document: the numbered items of one parent (the
    section for top-level items), one list after another. A list that starts again at
    0 or 1 starts a new run; a later list of the same section that starts higher goes
    on with the run (``1. 2.`` + paragraph + ``3. 4.``). A section's first list starts
    a run wherever it starts."""
    text = document.text
    runs: list[list[_Item]] = []
    open_runs: dict[object, tuple[list[_Item], int]] = {}  # parent -> run, its last list id
    for entry in document.entries():
        if not entry.ordered or entry.kind != "item":
            continue
        item = _number(text, entry)
        if item is None or item.number >= _YEARS:
            continue  # "2019." items: a list of years, not a count
        parent: object = entry.parent if entry.parent is not None else entry.section
        key = id(parent)
        current = open_runs.get(key)
        if current is not None and current[1] == entry.list_id:
            current[0].append(item)
            continue
        if current is None or item.number <= 1:
            run = [item]
            runs.append(run)
        else:
            run = current[0]
            run.append(item)
        open_runs[key] = (run, entry.list_id)
    return runs


def _steps(run: list[_Item]) -> tuple[int, int]:
    """How many steps of the run go up by one, and how many repeat a number."""
    up = same = 0
    for before, after in pairwise(run):
        if after.number == before.number + 1:
            up += 1
        elif after.number == before.number:
            same += 1
    return up, same


def _repeated(run: list[_Item]) -> tuple[int, int, int]:
    """The number a run writes most, how often, and how many items write another."""
    number, n = Counter(item.number for item in run).most_common(1)[0]
    return number, n, len(run) - n


class ListNumbering(Rule):
    """
    ## What it does

    Finds a numbered item whose number skips or repeats in a list numbered one
    by one (`32.` then `34.`; `31.` twice). A run of numbers is the numbered
    items of one parent, list after list: items parted by a paragraph or a
    bullet list go on counting when the next list starts above 1, and a list
    that starts at 1 starts a new run (as each section's list does in most
    paper lists). A run is checked when at least three in four of its steps go
    up by one (and at least two do), or when the whole file counts one by one
    at least nine times in ten (and ten times). Lists that repeat one number
    (`1. 1. 1.`, letting Markdown count) are not reported as skips; in such a
    run, an item with another number (`3.` among `1.` items) is reported when
    the run repeats the number it starts with nine times in ten (five times at
    least), or the file's runs of that kind do (ten times at least).

    ## Why

    Numbered paper lists are renumbered by hand; a skipped or repeated number
    is an entry deleted, inserted or moved without renumbering. Markdown renders
    a list from its first number, so the slip shows only in the source, and in
    the next list that goes on counting.

    ## Example

    ```markdown
    31. **Paper A**. Venue 2019.
    32. **Paper B**. Venue 2019.
    34. **Paper C**. Venue 2019.
    35. **Paper D**. Venue 2019.
    ```

    reports `34.` (expected 33); the unsafe fix renumbers the run from there on
    (`33.`, `34.`).

    ## Fix safety

    Safe when only the slipped number changes: the next item already has the
    expected number after it, or the item is the last of its run. Otherwise
    the fix renumbers the rest of the run and is unsafe (text elsewhere may cite
    the old numbers). A new number of another width (`9.` to `10.`) moves the
    item's content, which its continuation lines and nested items are indented
    to: then the fix is unsafe as well.

    ## Options

    None.
    """

    code = "AL608"
    name = "list-numbering"
    summary = "A numbered item skips or repeats a number in a list numbered one by one"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        runs = [run for run in _runs(document) if len(run) > 1]
        if not runs:
            return
        file_up = file_other = 0
        counted: list[tuple[list[_Item], int, int]] = []
        for run in runs:
            up, same = _steps(run)
            counted.append((run, up, same))
            file_up += up
            file_other += len(run) - 1 - up
        habit = file_habit(file_up, file_other, share=_FILE_SHARE, minimum=_FILE_MINIMUM)
        # runs that repeat the number they start with (`1. 1. 1.`, letting Markdown
        # count; `1. 2. 2.` counts, with a slip): how often the file keeps to it
        repeats: dict[int, tuple[int, int, int]] = {}
        for run, up, same in counted:
            if up <= same:
                number, n, other = _repeated(run)
                if number == run[0].number:
                    repeats[id(run)] = (number, n, other)
        kept = sum(n for _, n, _ in repeats.values())
        strays = sum(other for _, _, other in repeats.values())
        repeat_habit = file_habit(kept, strays, share=_FILE_SHARE, minimum=_FILE_MINIMUM)
        for run, up, same in counted:
            steps = len(run) - 1
            if up <= same:
                number, n, other = repeats.get(id(run), (0, 0, 0))
                if (
                    other
                    and n > other
                    and (
                        repeat_habit
                        or file_habit(n, other, share=_FILE_SHARE, minimum=_REPEAT_MINIMUM)
                    )
                ):
                    yield from self._strays(run, number)  # `3.` among `1.` items
                continue
            if up == steps:
                continue  # nothing out of step
            if not habit and (up < 2 or up < _RUN_SHARE * steps):
                continue
            yield from self._slips(document, run)

    def _strays(self, run: list[_Item], number: int) -> Iterator[Diagnostic]:
        """The items of a run written with another number than the one it repeats."""
        for item in run:
            if item.number != number:
                yield self.report(
                    f"Number {item.number} in a list that numbers every item {number}.: "
                    f"expected {number}",
                    item.start,
                    item.end,
                    _rewrite(item, str(number)),
                )

    def _slips(self, document: Document, run: list[_Item]) -> Iterator[Diagnostic]:
        fix: Fix | None = None
        previous = run[0].number
        for index in range(1, len(run)):
            item = run[index]
            expected = previous + 1
            previous = item.number
            if item.number == expected:
                continue
            if item.number == expected - 1:
                message = f"Number {item.number} repeats the item before: expected {expected}"
            else:
                message = f"Number {item.number} follows {expected - 1}: expected {expected}"
            after = run[index + 1] if index + 1 < len(run) else None
            if after is None or after.number == expected + 1:
                previous = expected  # a typo: the next item counts on from the right number
            fix = fix or _renumber(document.text, run)
            yield self.report(message, item.start, item.end, fix)


def _rewrite(item: _Item, number: str) -> Fix:
    """Write one item's number; unsafe when its width changes under continuation lines
    (they are indented to the old width)."""
    unsafe = len(number) != item.end - item.start and item.entry.end_line > item.entry.line
    return Fix(
        f"Write {number}",
        edits=(Edit(item.start, item.end, number),),
        applicability=Applicability.UNSAFE if unsafe else Applicability.SAFE,
    )


def _renumber(text: str, run: list[_Item]) -> Fix:
    """One fix for the whole run (every slip of the run carries it): each item numbered
    one more than the item before, from the run's first number."""
    edits = []
    unsafe = False
    first = run[0].number
    for offset, item in enumerate(run):
        written = text[item.start : item.end]
        number = str(first + offset)
        if written.startswith("0"):
            number = number.zfill(len(written))
        if number == written:
            continue
        if len(number) != len(written) and item.entry.end_line > item.entry.line:
            unsafe = True  # continuation lines are indented to the old width
        edits.append(Edit(item.start, item.end, number))
    if len(edits) == 1:
        title = f"Write {edits[0].content}"
    else:
        title = f"Renumber from {edits[0].content}"
        unsafe = True  # other text may cite the old numbers
    return Fix(
        title,
        edits=tuple(edits),
        applicability=Applicability.UNSAFE if unsafe else Applicability.SAFE,
    )
