"""Small helpers shared by several rules."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import TypeVar

from awesome_lint.parser.document import Document, Entry, Heading, Link
from awesome_lint.parser.inline import code_spans

T = TypeVar("T")


def dominant(values: Iterable[T], *, share: float = 0.0, minimum: int = 1) -> T | None:
    """The most common value, if it has at least ``share`` of all and ``minimum`` votes.

    Ties give None: a file with no clear habit has no dominant style.
    """
    counts = Counter(values)
    if not counts:
        return None
    ranked = counts.most_common(2)
    value, count = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == count:
        return None
    total = sum(counts.values())
    if count < minimum or count < share * total:
        return None
    return value


def distinct_links(document: Document) -> Iterator[Link]:
    """Every link of the document, but each reference-style URL only once.

    Uses of one link reference definition share its URL; a rule about the URL
    reports it at the first use only.
    """
    seen: set[str] = set()
    for link in document.links:
        if link.reference:
            if link.url_value in seen:
                continue
            seen.add(link.url_value)
        yield link


def parsed_entries(document: Document) -> Sequence[Entry]:
    """Entries whose first line the scanner fully understood (safe to edit)."""
    return _entries(document, "parsed-entries", lambda entry: entry.parsed)


def link_first(document: Document) -> Sequence[Entry]:
    """Parsed entries that start with a link (the seed style and awesome style)."""
    return _entries(
        document,
        "link-first-entries",
        lambda entry: (
            entry.parsed and entry.link is not None and entry.prefix is None and not entry.is_toc
        ),
    )


def running_on(document: Document) -> Sequence[Entry]:
    """List items and paragraph entries whose paragraph runs on past their first line
    (not a table of contents' items): few in most files, found once per document."""
    return _entries(
        document,
        "running-on-entries",
        lambda e: e.para_end > e.line and e.kind in ("item", "paragraph") and not e.toc,
    )


def prose_entries(document: Document) -> Sequence[Entry]:
    """Entries whose text is the list's own writing: not table rows (cells), not a table
    of contents."""
    return _entries(
        document, "prose-entries", lambda entry: entry.kind != "row" and not entry.is_toc
    )


def _entries(document: Document, key: str, keep: Callable[[Entry], bool]) -> Sequence[Entry]:
    """The document's entries that ``keep`` keeps, in source order: picked once per
    document (several rules walk each of these lists; a tuple, so none can change it)."""
    cached: tuple[Entry, ...] | None = document.cache.get(key)
    if cached is None:
        cached = document.cache[key] = tuple(filter(keep, document.entries()))
    return cached


def entry_at(document: Document, offset: int) -> Entry | None:
    """The prose entry (see ``prose_entries``) whose first line holds ``offset``, or
    None. The entries are sorted by their start once per document."""
    cached: tuple[list[Entry], list[int]] | None = document.cache.get("prose-by-start")
    if cached is None:
        # (prose_entries are in source order: sorted only if some start runs backwards)
        entries = [e for e in prose_entries(document) if e.content[0] < e.content[1]]
        starts = [e.content[0] for e in entries]
        if starts != sorted(starts):
            entries.sort(key=lambda e: e.content[0])
            starts = [e.content[0] for e in entries]
        cached = document.cache["prose-by-start"] = (entries, starts)
    entries, starts = cached
    i = bisect_right(starts, offset) - 1
    if i < 0 or offset >= entries[i].content[1]:
        return None
    return entries[i]


def file_habit(kept: int, slips: int, *, share: float, minimum: int) -> bool:
    """Whether a file keeps a habit clearly enough for its slips to be findings: at
    least ``minimum`` times, and at least ``share`` of the times it could."""
    return kept >= minimum and kept >= share * (kept + slips)


def entry_text_spans(text: str, entry: Entry) -> list[tuple[int, int]]:
    """The parts of the entry's first line that are prose: not link targets, not code."""
    start, end = entry.content
    skip = sorted(
        [link.url for link in entry.links if not link.reference]
        + [(link.start, link.end) for link in entry.links if link.image]
        + code_spans(text, start, end)
    )
    out: list[tuple[int, int]] = []
    pos = start
    for a, b in skip:
        if a > pos:
            out.append((pos, min(a, end)))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def item_heading(document: Document, heading: Heading) -> bool:
    """The heading is itself a link, or opens with one (``#### [SUN RGB-D](url) - A
    Benchmark``): an item written as a heading, not a section that holds content."""
    start, end = heading.text
    if not document.text.startswith("[", start):
        return False
    shortest: dict[int, int] | None = document.cache.get("link-ends-by-start")
    if shortest is None:  # the shortest link starting at each offset (once per document)
        shortest = document.cache["link-ends-by-start"] = {}
        for link in document.links:
            known = shortest.get(link.start)
            if known is None or link.end < known:
                shortest[link.start] = link.end
    link_end = shortest.get(start)
    return link_end is not None and link_end <= end


# Arrows that open a navigation bar set as a heading for its small type: `#### ← [Awesome
# TypeScript](url) -= Awesome Elasticsearch =-`, `### ⬅ [Back](url)`.
_NAV_ARROWS = "←→⬅➡⇦⇨«»◀▶↩↪⬆↑⟵⟶"


def nav_heading(document: Document, heading: Heading) -> bool:
    """The heading opens with an arrow and then a link (``#### ← [Awesome TypeScript](url)
    -= Awesome Elasticsearch =-``): a navigation bar in a heading's type, neither a
    section nor a step of the outline."""
    text = document.text
    start, end = heading.text
    if start >= end or text[start] not in _NAV_ARROWS:
        return False
    k = start
    while k < end and (text[k] in _NAV_ARROWS or text[k] in " \t"):
        k += 1
    return any(link.start == k and link.end <= end for link in document.links)


def entry_holding(document: Document, start: int, end: int) -> Entry | None:
    """The entry (table rows included, not a table of contents' items) whose first line's
    content holds ``start``-``end``, or None. The entries are sorted by their start once
    per document."""
    cached: tuple[list[Entry], list[int]] | None = document.cache.get("text-by-start")
    if cached is None:
        # (``entries()`` is in source order: sorted only if some start runs backwards)
        entries = [e for e in document.entries() if not e.toc and e.content[0] < e.content[1]]
        starts = [e.content[0] for e in entries]
        if starts != sorted(starts):
            entries.sort(key=lambda e: e.content[0])
            starts = [e.content[0] for e in entries]
        cached = document.cache["text-by-start"] = (entries, starts)
    entries, starts = cached
    i = bisect_right(starts, start) - 1
    if i < 0 or end > entries[i].content[1]:
        return None
    return entries[i]


def text_entry_at(document: Document, start: int, end: int) -> Entry | None:
    """The entry (table rows included, not a table of contents' items) whose first line
    holds ``start``-``end`` as text, not in a link target or code span; or None."""
    entry = entry_holding(document, start, end)
    if entry is None:
        return None
    if not any(a <= start and end <= b for a, b in entry_text_spans(document.text, entry)):
        return None
    return entry


def in_link_target(document: Document, pos: int) -> bool:
    """Whether ``pos`` is inside a link's target (targets never overlap: the one
    starting last at or before ``pos`` is the only one that may hold it)."""
    return _in_link_part(document, pos, "url")


def in_link_text(document: Document, pos: int) -> bool:
    """Whether ``pos`` is inside a link's text (`[[code]](url)`: the inner `[code]`),
    as far as the text starting last at or before ``pos`` holds it."""
    return _in_link_part(document, pos, "text")


def _in_link_part(document: Document, pos: int, part: str) -> bool:
    """``pos`` in the ``part`` (``url`` or ``text``) of the link whose part starts last
    at or before it; the parts' spans sorted once per document."""
    key = f"link-{part}-spans"
    cached: tuple[list[int], list[int]] | None = document.cache.get(key)
    if cached is None:
        spans = sorted(map(attrgetter(part), document.links))
        cached = ([a for a, _ in spans], [b for _, b in spans])
        document.cache[key] = cached
    starts, ends = cached
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]
