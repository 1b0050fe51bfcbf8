"""The document model: sections of entries, each with exact source spans.

All spans are ``(start, end)`` offsets into ``Document.source.text`` (end
exclusive). A span that is absent is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from awesome_lint.source import SourceText

Span = tuple[int, int]


@dataclass(slots=True)
class Link:
    """An inline link ``[text](url "title")`` or ``![alt](url)`` found in source text."""

    start: int  # at "[" (or "!" for images)
    end: int  # after ")"
    text: Span  # inside the brackets
    url: Span  # the destination as written (without <> if angle-bracketed)
    url_value: str  # the destination text as written in the source
    image: bool = False
    reference: bool = False  # [text][ref] / [text] resolved by a definition: url is the def's


@dataclass(slots=True)
class Entry:
    """A list item (its first line) and its parts.

    For entries in the seed style ``- [Title](url): subtitle | Venue`` every part
    has a span. ``link`` is the leading link (when the content starts with one);
    ``links`` lists every inline link on the item's first line.

    ``parsed`` is False for items the scanner cannot fully understand (multi-line
    paragraphs, reference links, a leading link inside emphasis): rules may
    report on them but must not offer fixes that touch them.
    """

    line: int  # 0-based line index of the item's first line
    indent: Span  # leading whitespace before the marker
    marker: Span  # "-", "*", "+", "1." or "1)"
    content: Span  # after the marker's spacing up to trailing whitespace / comment
    depth: int  # 0 for top-level items, 1 for their children, ...
    ordered: bool
    parsed: bool = True
    link: Link | None = None  # the leading link, when content starts with one
    links: list[Link] = field(default_factory=list)
    more_links: list[Link] = field(default_factory=list)  # on the first paragraph's other lines
    prefix: Span | None = None  # text before the leading link (e.g. "[OSDI'22] ")
    title_separator: Span | None = None  # ": " after the link (as written)
    subtitle: Span | None = None
    venue_separator: Span | None = None  # " | " (as written)
    venue: Span | None = None  # the venue slot after the last pipe
    comment: Span | None = None  # a trailing HTML comment
    trailing: Span | None = None  # trailing spaces/tabs
    eol: Span = (0, 0)  # the line terminator
    end_line: int = 0  # 0-based index of the item's last line (nested items included)
    # 0-based index of the last line of the paragraph that starts on the item's first line
    # (-1: no paragraph starts there); above ``line`` when the text runs on (soft breaks)
    para_end: int = -1
    children: list[Entry] = field(default_factory=list)
    parent: Entry | None = field(default=None, repr=False)
    section: Section | None = field(default=None, repr=False)
    list_id: int = 0  # items of one Markdown list share an id

    toc: bool = False  # set by the parser: see ``is_toc``
    # "item" (a list item; ``ordered`` for a numbered one), "paragraph" (a paragraph that
    # is an entry: ``[Title](url), Venue 2019``), or "row" (a table row with a link)
    kind: str = "item"

    @property
    def is_toc(self) -> bool:
        """An item whose only links point into the document (a table of contents)."""
        return self.toc


@dataclass(slots=True)
class Heading:
    line: int  # 0-based
    end_line: int  # 0-based (setext headings span two lines)
    level: int
    title: str
    text: Span  # the heading's inline text
    setext: bool = False


@dataclass(slots=True)
class Section:
    """A heading and what follows it up to the next heading (of any level).

    The part of the file before the first heading is a section with ``heading``
    None. ``entries`` are the top-level items of all lists in the section.
    """

    heading: Heading | None
    start_line: int
    end_line: int  # 0-based, inclusive
    entries: list[Entry] = field(default_factory=list)
    anchor: str = ""

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0


@dataclass(slots=True)
class Block:
    """A top-level block of the document, for the structural rules."""

    kind: str  # "heading", "paragraph", "list", "code", "html", "table", "hr", "blockquote"
    start_line: int  # 0-based
    end_line: int  # 0-based, inclusive


def _walk(items: list[Entry], out: list[Entry]) -> None:
    """Append ``items`` and their children, depth first, to ``out``. (A function of the
    module: a recursive closure refers to itself, a reference cycle that would keep
    ``out`` alive after the document is dropped.)"""
    for item in items:
        out.append(item)
        if item.children:
            _walk(item.children, out)


@dataclass(slots=True)
class Document:
    source: SourceText
    sections: list[Section]
    blocks: list[Block]
    headings: list[Heading]
    links: list[Link]  # every inline link of the document (entries' included)
    code_lines: frozenset[int]  # 0-based lines inside code blocks (fenced or indented)
    html_lines: frozenset[int]  # 0-based lines inside HTML blocks
    references: dict[str, str] = field(default_factory=dict)  # link reference definitions
    # 0-based line below which lists (or quotes) nest too deeply for the parser: the
    # lines of that container are not checked (None: everything was parsed)
    nesting_cut: int | None = None
    # Results that several rules share (e.g. an entry's venue tokens), computed once per
    # document: the document is never changed after parsing, so they stay valid.
    cache: dict[object, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    def entries(self) -> list[Entry]:
        """Every entry of the document, nested ones included, in source order."""
        cached: list[Entry] | None = self.cache.get("entries")
        if cached is not None:
            return cached
        out: list[Entry] = []
        for section in self.sections:
            _walk(section.entries, out)
        self.cache["entries"] = out
        return out

    def release(self) -> None:
        """Let the document go: drop its cache and the entries' links up to their parent
        and section. Both make reference cycles, which only the cyclic garbage collector
        frees, and the command line runs without it (see ``cli._tune_gc``): the fixer
        calls this on each round's document once it is done with it, so its memory is
        freed at once. The document must not be used afterwards."""
        for entry in self.entries():
            entry.parent = None
            entry.section = None
        self.cache.clear()

    def span_text(self, span: Span | None) -> str:
        if span is None:
            return ""
        return self.source.text[span[0] : span[1]]
