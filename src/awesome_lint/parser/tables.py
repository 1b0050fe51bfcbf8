"""Table rows: which cell holds the paper's title and which its venue, read off the
header of the table (``| Title | Venue | Paper | Code |``).

A row's cells are split at its pipes, except a pipe inside a link, a code span or
escaped (``\\|``). A column counts only when its header names it plainly (see
``VENUE_HEADERS`` and ``TITLE_HEADERS``); a table without such a header has no
columns here, and its rows are read as before (as a whole).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from awesome_lint.parser.document import Document, Entry, Span
from awesome_lint.parser.inline import code_spans

# Header words (case and emphasis folded) of the column that holds the venue, and of
# the one that holds the title as text. "Paper" is no title column: it mostly holds a
# "[link](url)" or "[Title](url)", which the link roles read.
VENUE_HEADERS = frozenset(
    {
        *("venue", "venues", "conference", "conf", "conf.", "publication", "published"),
        *("published in", "pub", "pub.", "journal", "journal/conference", "proceedings"),
        *("conference/journal", "venue/journal", "source"),
    }
)
TITLE_HEADERS = frozenset(
    {"title", "paper title", "paper name", "name of paper", "titles", "paper"}
)
# ... and of the one that holds the year alone.
YEAR_HEADERS = frozenset({"year", "years", "pub. year", "publication year"})

Columns = dict[str, int]  # role ("title", "venue", "year") -> column index


def _cell_spans(text: str, start: int, end: int, skip: list[Span]) -> list[Span]:
    """The cells of the table line ``text[start:end]``: spans between its pipes, the
    leading and trailing pipe dropped, blanks around each cell left out. A pipe inside
    one of the ``skip`` spans (links, code spans) or escaped splits nothing."""
    pipes = []
    pos = text.find("|", start, end)
    k = 0
    while pos >= 0:
        while k < len(skip) and skip[k][1] <= pos:
            k += 1
        inside = k < len(skip) and skip[k][0] <= pos
        if not inside and text[pos - 1] != "\\":
            pipes.append(pos)
        pos = text.find("|", pos + 1, end)
    bounds = [start - 1, *pipes, end]
    cells: list[Span] = []
    for a, b in pairwise(bounds):
        a += 1
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    # "| a | b |": the empty pieces outside the first and last pipe are no cells
    if pipes and not text[start : pipes[0]].strip():
        cells = cells[1:]
    if pipes and not text[pipes[-1] + 1 : end].strip():
        cells = cells[:-1]
    return cells


def _header_columns(document: Document, line: int) -> Columns:
    """The roles of a table's columns, from its header line (computed once a table)."""
    key = ("table-columns", line)
    cached: Columns | None = document.cache.get(key)
    if cached is not None:
        return cached
    text = document.text
    source_line = document.source.lines[line]
    cells = _cell_spans(
        text,
        source_line.start,
        source_line.end,
        code_spans(text, source_line.start, source_line.end),
    )
    columns: Columns = {}
    for index, (a, b) in enumerate(cells):
        name = " ".join(text[a:b].strip("*_ \t").casefold().split())
        if name in VENUE_HEADERS and "venue" not in columns:
            columns["venue"] = index
        elif name in TITLE_HEADERS and "title" not in columns:
            columns["title"] = index
        elif name in YEAR_HEADERS and "year" not in columns:
            columns["year"] = index
    document.cache[key] = columns
    return columns


def _table_line(document: Document, line: int) -> int | None:
    """The first line (the header) of the top-level table holding ``line``, or None."""
    key = "table-starts"
    starts: list[tuple[int, int]] | None = document.cache.get(key)
    if starts is None:
        starts = [(b.start_line, b.end_line) for b in document.blocks if b.kind == "table"]
        document.cache[key] = starts
    i = bisect_right(starts, (line, 1 << 62)) - 1
    if i >= 0 and starts[i][0] < line <= starts[i][1]:
        return starts[i][0]
    return None


def row_cells(document: Document, entry: Entry) -> dict[str, Span]:
    """The spans of a table row's title, venue and year cells (by role), as far as its
    table's header names those columns; empty for anything else."""
    if entry.kind != "row":
        return {}
    header = _table_line(document, entry.line)
    if header is None:
        return {}
    columns = _header_columns(document, header)
    if not columns:
        return {}
    text = document.text
    start, end = entry.content
    skip = sorted([(link.start, link.end) for link in entry.links] + code_spans(text, start, end))
    cells = _cell_spans(text, start, end, skip)
    out: dict[str, Span] = {}
    for role, index in columns.items():
        if index < len(cells) and cells[index][0] < cells[index][1]:
            out[role] = cells[index]
    return out
