"""Year buckets: the parts of a document that a heading or a ``<details>`` block
dedicates to a year (``### 2023``, ``<details><summary>2024</summary>`` … ``</details>``).

Paper lists group entries by year in two ways:

- a heading whose text is a year, or essentially one (``2023``, ``Year 2023``,
  ``2023 Papers``, ``Before 2020``, ``2019-2021``): the bucket runs to the next heading
  of the same or a higher level;
- a ``<details>`` block whose ``<summary>`` is such a text: the bucket holds the lines
  between the opening tag and its ``</details>`` (nested blocks pair up; a block that
  is never closed ends at the next heading). Such blocks are often repeated under
  each topic heading;
- a one-line paragraph that is only such a text in bold (``**2026**``), a pseudo-heading:
  the bucket is the list that directly follows it.

Every ``<details>`` block is a :class:`Bucket`, year or not (``Conference
Collections``), since ordering rules group entries by them too; :meth:`Buckets.at`
gives the innermost *year* bucket of a line. Headings and blocks with any other text
(``Before the Transformer``, ``NeurIPS 2025``) are not year buckets.

Built once per document (:func:`buckets`); nothing here knows about rules.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from itertools import pairwise

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry, Span
from awesome_lint.records import FrozenRecord

_YEAR = r"(?:19[5-9]\d|20\d\d)"
# Words that may surround a year in a year heading without changing its meaning.
_NOISE = r"(?:year|years|papers?|publications?|works?|articles?|in|published(?:\s+in)?)"
_EXACT = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<y>{_YEAR})(?:\.(?:1[0-2]|0?[1-9]))?(?:\s+{_NOISE})*",
)
_BEFORE = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<op>before|prior\s+to|earlier\s+than|older\s+than|pre|<|<=|≤)"
    rf"\s*-?\s*(?P<y>{_YEAR})(?:\s+{_NOISE})*"
)
_UNTIL = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<y>{_YEAR})\s*(?:and|&|or)\s+(?:before|earlier|older|prior)"
    rf"(?:\s+{_NOISE})*"
)
_AFTER = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<op>after|since|from|>|>=|≥)\s*(?P<y>{_YEAR})(?:\s+{_NOISE})*"
)
_ONWARDS = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<y>{_YEAR})\s*(?:\+|(?:and|&|or)\s+(?:later|after|newer)|onwards?)"
    rf"(?:\s+{_NOISE})*"
)
_RANGE = lazy_compile(
    rf"(?:{_NOISE}\s+)*(?P<a>{_YEAR})\s*(?:-|–|—|~|to)\s*(?P<b>{_YEAR})(?:\s+{_NOISE})*"
)
_TAG = lazy_compile(r"<[^>]*>")
_DECORATION = lazy_compile(r"[*_~`:\[\]()\"“”!#|]")
_LEAD_TRAIL = lazy_compile(r"^[^\w<>≤≥]+|[^\w+]+$")

_HTML_TAGS = lazy_compile(
    r"<!--.*?(?:-->|\Z)|<(?P<close>/)?(?P<name>details|summary)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


# A year alone as an item's text, maybe in bold: `- 2023`, `- **2022**`, `- 2021:`.
_YEAR_ITEM = lazy_compile(r"[*_]{0,2}(?:19|20)\d\d[*_]{0,2}:?")


def is_year_item(document: Document, entry: Entry) -> bool:
    """Whether an item is a year bucket over its papers: a year alone (`- 2023`, maybe
    in bold) with nested items and no link."""
    return (
        bool(entry.children)
        and not entry.links
        and _YEAR_ITEM.fullmatch(document.text, entry.content[0], entry.content[1]) is not None
    )


def year_range(label: str) -> tuple[int | None, int | None] | None:
    """The years a heading or summary text stands for: ``(first, last)`` with None for
    an open end, or None when the text is not essentially a year.

    ``2023``, ``Year 2023``, ``2023 Papers``, ``**2024**``, ``2024.8`` -> (2023, 2023) …;
    ``Before 2020`` -> (None, 2019); ``2019 and earlier`` -> (None, 2019);
    ``Since 2023`` / ``2023+`` -> (2023, None); ``After 2023`` -> (2024, None);
    ``2019-2021`` -> (2019, 2021). ``NeurIPS 2025`` or ``Before the Transformer`` -> None.
    """
    text = _DECORATION.sub(" ", html.unescape(_TAG.sub(" ", label)))
    text = _LEAD_TRAIL.sub("", " ".join(text.split()).casefold())
    if not text or not any(ch.isdigit() for ch in text):
        return None
    if m := _EXACT.fullmatch(text):
        year = int(m.group("y"))
        return (year, year)
    if m := _RANGE.fullmatch(text):
        first, last = int(m.group("a")), int(m.group("b"))
        return (first, last) if first <= last else None
    if m := _BEFORE.fullmatch(text):
        year = int(m.group("y"))
        return (None, year if m.group("op") in ("<=", "≤") else year - 1)
    if m := _UNTIL.fullmatch(text):
        return (None, int(m.group("y")))
    if m := _AFTER.fullmatch(text):
        year = int(m.group("y"))
        return (year + 1 if m.group("op") in ("after", ">") else year, None)
    if m := _ONWARDS.fullmatch(text):
        return (int(m.group("y")), None)
    return None


class Bucket(FrozenRecord):
    """A heading's or a ``<details>`` block's share of the document.

    ``first``..``last`` are the years it stands for (None: open end); ``years`` is False
    for a block whose summary is no year. ``label`` is the heading or summary text as
    written and ``span`` its offsets. Entries on lines ``start_line``..``end_line``
    (0-based, inclusive) belong to it.
    """

    kind: str  # "heading", "details" or "bold"
    label: str
    span: Span
    start_line: int
    end_line: int
    first: int | None
    last: int | None
    years: bool

    _fields = ("kind", "label", "span", "start_line", "end_line", "first", "last", "years")
    __slots__ = _fields

    def __init__(
        self,
        kind: str,
        label: str,
        span: Span,
        start_line: int,
        end_line: int,
        first: int | None = None,
        last: int | None = None,
        years: bool = False,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "kind", kind)
        set_(self, "label", label)
        set_(self, "span", span)
        set_(self, "start_line", start_line)
        set_(self, "end_line", end_line)
        set_(self, "first", first)
        set_(self, "last", last)
        set_(self, "years", years)

    def contains(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )

    def overlaps(self, low: int, high: int) -> bool:
        """Whether any year of ``low..high`` falls in the bucket."""
        return (self.first is None or high >= self.first) and (
            self.last is None or low <= self.last
        )

    @property
    def name(self) -> str:
        """The bucket as a reader names it (``2024``, ``Before 2020``)."""
        return " ".join(_TAG.sub(" ", html.unescape(self.label)).replace("*", " ").split())


class Buckets:
    """All buckets of a document, and which year bucket each line is in."""

    __slots__ = ("_by_line", "all")

    def __init__(self, all_buckets: list[Bucket], line_count: int) -> None:
        self.all = sorted(all_buckets, key=lambda b: (b.start_line, -b.end_line))
        by_line: list[Bucket | None] = []
        if any(b.years for b in self.all):
            by_line = [None] * line_count
            # The bucket starting last (the innermost) takes a line; each line is taken
            # once: ``following`` jumps over lines already taken (path halving), so deep
            # nesting costs no more than flat buckets.
            following = list(range(line_count + 1))

            def free(line: int) -> int:
                while following[line] != line:
                    following[line] = following[following[line]]
                    line = following[line]
                return line

            for bucket in reversed(self.all):
                if not bucket.years:
                    continue
                end = min(bucket.end_line, line_count - 1)
                line = free(bucket.start_line) if bucket.start_line <= end else end + 1
                while line <= end:
                    by_line[line] = bucket
                    following[line] = line + 1
                    line = free(line + 1)
        self._by_line = by_line

    @property
    def has_years(self) -> bool:
        return bool(self._by_line)

    def at(self, line: int) -> Bucket | None:
        """The innermost year bucket holding a line (0-based), or None."""
        if 0 <= line < len(self._by_line):
            return self._by_line[line]
        return None


def buckets(document: Document) -> Buckets:
    """The document's buckets (computed once per document)."""
    cached: Buckets | None = document.cache.get("buckets")
    if cached is None:
        found = _heading_buckets(document) + _details_buckets(document) + _bold_buckets(document)
        cached = Buckets(_inclusive_before(found), len(document.source.lines))
        document.cache["buckets"] = cached
    return cached


def _inclusive_before(found: list[Bucket]) -> list[Bucket]:
    """The buckets, with a "before Y" bucket taken to hold Y too when no bucket holds
    Y and one holds Y + 1: `## Year 2020` then `## Year before-2019`, 2019's papers
    under the second (the series would skip 2019 otherwise)."""
    exact = {b.first for b in found if b.first is not None and b.first == b.last}
    out = []
    for b in found:
        if b.first is None and b.last is not None and b.last + 1 not in exact:
            year = b.last + 1
            if year + 1 in exact and not any(o.contains(year) for o in found):
                b = Bucket(b.kind, b.label, b.span, b.start_line, b.end_line, None, year, True)
        out.append(b)
    return out


def _heading_buckets(document: Document) -> list[Bucket]:
    out: list[Bucket] = []
    headings = document.headings
    last_line = len(document.source.lines) - 1
    for i, heading in enumerate(headings):
        years = year_range(heading.title)
        if years is None:
            continue
        end = last_line
        for later in headings[i + 1 :]:
            if later.level <= heading.level:
                end = later.line - 1
                break
        out.append(
            Bucket(
                "heading",
                heading.title,
                heading.text,
                heading.end_line + 1,
                end,
                years[0],
                years[1],
                True,
            )
        )
    return out


_BOLD_LABEL = lazy_compile(r"[ \t]*(\*\*|__)(?P<label>[^*_\n]{1,40})\1[ \t]*")


def _bold_buckets(document: Document) -> list[Bucket]:
    """``**2026**`` alone on a paragraph line, then a list: the list is a year bucket."""
    out: list[Bucket] = []
    source = document.source
    for block, after in pairwise(document.blocks):
        if block.kind != "paragraph" or block.start_line != block.end_line or after.kind != "list":
            continue
        line = source.lines[block.start_line]
        m = _BOLD_LABEL.fullmatch(source.text, line.start, line.end)
        if m is None:
            continue
        years = year_range(m.group("label"))
        if years is None:
            continue
        span = (m.start("label"), m.end("label"))
        out.append(
            Bucket("bold", m.group("label"), span, after.start_line, after.end_line, *years, True)
        )
    return out


def _html_runs(document: Document) -> list[tuple[int, int]]:
    """Runs of consecutive HTML-block lines, as (first, last) 0-based line indexes."""
    runs: list[tuple[int, int]] = []
    for line in sorted(document.html_lines):
        if runs and runs[-1][1] == line - 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    return runs


class _Open:
    __slots__ = ("label", "line", "span", "summary_done")

    def __init__(self, line: int) -> None:
        self.line = line  # where the opening tag (later: its summary) ends, 0-based
        self.label = ""
        self.span: Span = (0, 0)
        self.summary_done = False


def _details_buckets(document: Document) -> list[Bucket]:
    """Pair ``<details>`` with ``</details>`` over the HTML blocks, in document order.

    A ``<summary>`` names the block opened last if it has no summary yet. A close
    without an open is ignored; a block never closed ends at the next heading.
    """
    if not document.html_lines:
        return []
    source = document.source
    text = source.text
    lines = source.lines
    out: list[Bucket] = []
    stack: list[_Open] = []
    unclosed: list[_Open] = []

    def close(opened: _Open, end_line: int) -> None:
        years = year_range(opened.label) if opened.label else None
        out.append(
            Bucket(
                "details",
                opened.label,
                opened.span,
                opened.line + 1,
                end_line,
                years[0] if years else None,
                years[1] if years else None,
                years is not None,
            )
        )

    for first, last in _html_runs(document):
        summary_start: int | None = None
        for m in _HTML_TAGS.finditer(text, lines[first].start, lines[last].end):
            name = m.group("name")
            if name is None:
                continue  # a comment
            closing = m.group("close") is not None
            if name.lower() == "details":
                if not closing:
                    stack.append(_Open(source.line_index(m.end())))
                elif stack:
                    close(stack.pop(), source.line_index(m.start()) - 1)
            elif not closing:
                summary_start = m.end()
            elif summary_start is not None:
                if stack and not stack[-1].summary_done:
                    opened = stack[-1]
                    raw = text[summary_start : m.start()]
                    label = raw.strip()
                    lead = summary_start + len(raw) - len(raw.lstrip())
                    opened.label, opened.span = label, (lead, lead + len(label))
                    opened.summary_done = True
                    opened.line = source.line_index(m.end())
                summary_start = None
    unclosed.extend(stack)
    heading_lines = [h.line for h in document.headings]  # in order
    for opened in unclosed:
        after = bisect_right(heading_lines, opened.line)
        close(opened, heading_lines[after] - 1 if after < len(heading_lines) else len(lines) - 1)
    return out


__all__ = ["Bucket", "Buckets", "buckets", "year_range"]
