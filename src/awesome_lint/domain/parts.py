"""Parts of a section that a list keeps apart without a Markdown heading.

Rules that look for a paper listed twice "in one section" read a section as the
lines between two Markdown headings. Lists mark smaller parts in two other ways,
and a paper listed in two of them is cross-listed on purpose, as in two sections:

- an HTML heading alone on its line (``<h3 id="2.1">2.1 Network Subsystem</h3>``),
  which GitHub renders as a heading though the Markdown parser sees an HTML block;
- a group label: a one-line paragraph that is only a short text in bold
  (``**Long-term Memory**``, ``**Diffusion Models-based Approaches**``), right
  before a list of two items or more. Year labels (``**2023**``) are year buckets
  and kind labels (``**Conference**``, ``**Arxiv**``) file papers by venue: a paper
  listed under two years or two kinds is a slip, so they part nothing.

:func:`areas` gives each entry's section and part; nothing here knows about rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise
from operator import attrgetter

from awesome_lint.domain.buckets import year_range
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry

_HTML_HEADING = lazy_compile(r"[ \t]*<h([1-6])\b[^<>]*>.*</h\1>[ \t]*")
_LINE = attrgetter("line")
_TAG = lazy_compile(r"<[^<>]*>")
_BOLD_LABEL = lazy_compile(r"[ \t]*(\*\*|__)(?P<label>[^*_\n]{1,60})\1:?[ \t]*")
# A label naming a kind of venue (`**Conference**`, `**Arxiv**`, `### Journal Papers`)
# files papers by where they appeared: a paper under two kinds is listed twice by
# mistake (once as a preprint, once as published), so such labels part nothing.
KIND_WORDS = r"(?P<kind>conferences?|journals?|arxiv|preprints?)(?:[ \t]+papers?)?:?"
_KIND_LABEL = lazy_compile(KIND_WORDS, re.IGNORECASE)
# A group label is a few words; a longer bold line is a paper's title over its links.
LABEL_WORDS_MAX = 6
GROUP_ITEMS_MIN = 2


class _Parts:
    __slots__ = ("group_labels", "group_starts", "headings", "titles")

    def __init__(
        self, headings: list[int], titles: list[str], groups: list[tuple[int, int, str]]
    ) -> None:
        self.headings = headings  # lines of HTML headings, in order
        self.titles = titles  # their text, tags dropped
        self.group_starts = [start for start, _, _ in groups]
        self.group_labels = groups  # (first line, last line, label)


def _parts(document: Document) -> _Parts:
    cached: _Parts | None = document.cache.get("parts")
    if cached is not None:
        return cached
    source = document.source
    text = source.text
    headings: list[int] = []
    titles: list[str] = []
    groups: list[tuple[int, int, str]] = []
    # (the blocks, not the text: a search of a long text for a string it lacks reads
    # all of it)
    blocks = document.blocks
    for block in blocks:
        if block.kind == "html" and block.start_line == block.end_line:
            line = source.lines[block.start_line]
            heading = _HTML_HEADING.fullmatch(text, line.start, line.end)
            if heading is not None:
                headings.append(block.start_line)
                titles.append(" ".join(_TAG.sub("", heading.group()).split()))
    tops: list[int] | None = None  # lines of the top-level entries, in order
    for block, after in pairwise(blocks):
        if block.kind != "paragraph" or block.start_line != block.end_line:
            continue
        if after.kind != "list" or after.start_line > block.end_line + 2:
            continue
        line = source.lines[block.start_line]
        m = _BOLD_LABEL.fullmatch(text, line.start, line.end)
        if m is None:
            continue
        label = m.group("label").strip()
        if len(label.split()) > LABEL_WORDS_MAX or year_range(label) is not None:
            continue  # (a paper's title; a year bucket)
        if _KIND_LABEL.fullmatch(label):
            continue  # `**Arxiv**`: a kind of venue
        if tops is None:  # (each section's top-level entries, in order)
            tops = sorted([e.line for s in document.sections for e in s.entries])
        items = bisect_right(tops, after.end_line) - bisect_right(tops, after.start_line - 1)
        if items >= GROUP_ITEMS_MIN:
            groups.append((after.start_line, after.end_line, label.casefold()))
    found = _Parts(headings, titles, groups)
    document.cache["parts"] = found
    return found


# An entry's area: the id of its section, or for an entry in a part of its section
# (under an HTML heading, or in a labelled group) that id, the number of HTML headings
# before the entry and the group's label.
Area = int | tuple[int, int, str]
WHOLE_FILE: Area = 0


def areas(document: Document) -> dict[int, tuple[int, int, str]]:
    """The areas of the entries in a part of their section, by ``id(entry)``: the
    section, the number of HTML headings before the entry, and the group label over its
    list ("" outside a labelled group). Every other entry's area is ``id(entry.section)``
    (most lists have no parts: then this is empty). Two entries of one section in
    different areas are listed apart on purpose; a paper listed twice in one area is
    listed twice by mistake. Made once per document."""
    cached: dict[int, tuple[int, int, str]] | None = document.cache.get("areas")
    if cached is not None:
        return cached
    parts = _parts(document)
    headings, starts, groups = parts.headings, parts.group_starts, parts.group_labels
    found: dict[int, tuple[int, int, str]] = {}
    if headings:  # (rare: an entry's place among HTML headings, one by one)
        for entry in document.entries():
            line = entry.line
            heading = bisect_right(headings, line)
            label = ""
            if starts:
                k = bisect_right(starts, line) - 1
                if k >= 0 and groups[k][0] <= line <= groups[k][1]:
                    label = groups[k][2]
            if heading or label:
                found[id(entry)] = (id(entry.section), heading, label)
    elif starts:  # only the entries inside labelled groups
        by_line = sorted(document.entries(), key=_LINE)
        lines = [entry.line for entry in by_line]
        for first, last, label in groups:
            for entry in by_line[bisect_left(lines, first) : bisect_right(lines, last)]:
                found[id(entry)] = (id(entry.section), 0, label)
    document.cache["areas"] = found
    return found


def html_heading_title(document: Document, entry: Entry) -> str | None:
    """The text of the last HTML heading before the entry in its section (`Part D:
    Conference Deadlines` for `<h2 id="d">Part D: Conference Deadlines</h2>`), or None."""
    parts = _parts(document)
    k = bisect_right(parts.headings, entry.line) - 1 if parts.headings else -1
    if k < 0 or (entry.section is not None and parts.headings[k] < entry.section.start_line):
        return None
    return parts.titles[k] or None


def html_headings(document: Document) -> bool:
    """Whether the document has HTML headings alone on their lines."""
    return bool(_parts(document).headings)
