from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.shapes import shape_of
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant

LINK_LIST_MIN = 3
# The share of a depth's items that makes a marker its habit: a near-even split (35 `-`
# to 33 `*`, each section consistent in itself) is two styles, not slips from one.
HABIT_SHARE = 0.6
_SAMPLE = 200  # items with the common marker whose shapes are read


def _link_lists(
    document: Document, items: list[tuple[Entry, str]], want: str
) -> set[tuple[int, int]]:
    """The lists (list id, depth) of named links that keep their own marker: at least
    ``LINK_LIST_MIN`` items, each `[Name](url)` and with one marker, in a file whose
    items with the common marker are mostly in another shape (papers, `* [Venue 2023]
    Title`): ` - [Awesome X](url)` related lists and challenges are another kind."""
    common = links = 0
    lists: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for entry, marker in items:
        if marker == want:
            if common < _SAMPLE:  # (the common marker's shape, read off its first items)
                common += 1
                links += shape_of(document, entry) == "link"
        else:
            link = shape_of(document, entry) == "link"
            lists[(entry.list_id, entry.depth)][marker if link else ""] += 1
    if 2 * links >= common:
        return set()  # the common marker's items are named links too: one kind
    return {
        key
        for key, votes in lists.items()
        if votes.total() >= LINK_LIST_MIN and len(votes) == 1 and "" not in votes
    }


def _label_lists(text: str, items: list[tuple[Entry, str]], want: str) -> set[tuple[int, int]]:
    """The lists (list id, depth) of labelled notes that keep their own marker: two
    items at least, each opening with a label in bold and a colon (`- **💡 Motivation**:
    How well-motivated ...`, `- 🏆 **Quality Focus**: ...`), a legend or a list of
    aims beside the entries: another kind of list."""
    lists: dict[tuple[int, int], list[int]] = defaultdict(list)
    for entry, marker in items:
        if marker != want:
            start, end = entry.content
            lists[(entry.list_id, entry.depth)].append(
                2
                if _LABEL.match(text, start, end) is not None
                else 1
                if _CREDIT.match(text, start, end) is not None
                else 0
            )
    return {
        key
        for key, labels in lists.items()
        if (len(labels) >= 2 and min(labels) == 2) or (len(labels) >= 3 and min(labels) >= 1)
    }


# A label in bold and a colon opening an item, after an emoji or a mark at most.
_LABEL = lazy_compile(r"(?:[^\w\s*_\[]{1,4}[ \t]*)?(\*\*|__)[^*_\n]{1,40}?(?:\1[ \t]*:|:\1)")
# A plain label, a colon and a link: `* human five: [Title](url)`, a blog or a person
# credited for a link (three such items at least make a list of credits).
_CREDIT = lazy_compile(r"[^\[\]()\n:*_]{1,40}:[ \t]*\[")
_TASK = lazy_compile(r"\[[ xX]\][ \t]")
_THEMATIC_BREAK = lazy_compile(r"[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


class ListMarkerStyle(Rule):
    """
    ## What it does

    Finds bullet items whose marker (`-`, `*` or `+`) differs from the one
    most used at the same nesting depth in the file.

    ## Why

    Mixed markers are a sign of copy-paste from other lists; in CommonMark a
    change of marker even starts a new list. Depth is considered separately
    because many lists deliberately use `-` for items and `*` for sub-items
    (markdownlint MD004 `sublist` style, loosely).

    ## Example

    In a file of `-` items, `* [Orca](https://example.org/orca): Serving`
    becomes `- [Orca](https://example.org/orca): Serving`.

    ## Fix safety

    Safe: one character changes. It is skipped where the new line would read
    as a thematic break.

    ## Options

    None. A depth where no marker has 60% of the items is left alone (35 `-` to 33
    `*`, each section consistent in itself: two styles, not slips from one). A
    table of contents (a list whose items link into the document, or label
    groups of such items: `- Basic Information` over `- [Books](#books)`, the
    list's own page at a heading too, `- [Awesome Postgres](https://github.com/…
    #awesome-postgres)`) keeps
    its own markers: they are compared with the table's, not with the entries'.
    So does a list of named links (at least 3 items, each starting with a link,
    `[Name](url)`, all with one marker) in a file whose items with the common
    marker are mostly in another shape: ` - [Awesome Optical Flow](url)` related
    lists and challenges beside `* [MICCAI 2021] Title` papers are another kind
    of list. So does a list of labelled notes (2 items at least, each opening with
    a label in bold and a colon: `- **💡 Motivation**: How well-motivated ...`, a
    legend or a list of the repository's aims above `*` entries), or a list of
    credits (3 items at least, each a plain label, a colon and a link: `* human
    five: [Title](url)`, the blogs that wrote about the list). A GitHub task
    list (`- [ ] Add ...`) is not compared.
    """

    code = "AL604"
    name = "list-marker-style"
    summary = "Bullet markers are mixed at one nesting depth"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        entries = document.entries()
        # A table of contents is a list of its own: its markers are not the entries'.
        toc_votes: dict[int, int] = defaultdict(int)
        for entry in entries:
            toc_votes[entry.list_id] += 1 if entry.toc or _toc_label(entry) else -1
        by_depth: dict[tuple[bool, int], list[tuple[Entry, str]]] = defaultdict(list)
        for entry in entries:
            if entry.ordered or entry.marker[0] == entry.marker[1]:
                continue
            content = entry.content[0]
            if text.startswith("]", content + 2) and _TASK.match(text, content):
                continue  # `- [ ] Add a list of organs`: a task list, GitHub's own markers
            key = (toc_votes[entry.list_id] > 0, entry.depth)
            span = _marker(text, entry)
            by_depth[key].append((entry, text[span[0] : span[1]]))
        for items in by_depth.values():
            want = dominant((marker for _, marker in items), share=HABIT_SHARE)
            if want is None:
                continue
            others = [(entry, marker) for entry, marker in items if marker != want]
            if not others:
                continue
            kept = _link_lists(document, items, want) | _label_lists(text, items, want)
            for entry, marker in others:
                if (entry.list_id, entry.depth) in kept:
                    continue
                start, end = _marker(text, entry)
                line = document.source.lines[entry.line]
                new_line = text[line.start : start] + want + text[end : line.end]
                fix = None
                if not _THEMATIC_BREAK.match(new_line):
                    fix = self.replace(f"Use {want!r}", start, end, want)
                yield self.report(f"List marker {marker!r} should be {want!r}", start, end, fix)


def _toc_label(entry: Entry) -> bool:
    """Whether the item labels a group of contents items (`- Basic Information` over
    `- [Books](#books)`): a line of the table of contents, though it links nowhere, or
    links the list's own page at a heading (`- [Awesome Postgres](https://github.com/
    o/awesome-postgres#awesome-postgres)`)."""
    children = entry.children
    if not children or not all(child.toc for child in children):
        return False
    return all("#" in link.url_value for link in entry.links if not link.image)


def _marker(text: str, entry: Entry) -> tuple[int, int]:
    """The marker that opens the item's line: its own, or the one of an item that only
    wraps it (`* - [Title](url)`: the `*`, which the file's other lines are like)."""
    start, end = entry.indent
    if start < end and not text[start:end].isspace():
        while text[start] in " \t":
            start += 1
        return start, start + 1
    return entry.marker
