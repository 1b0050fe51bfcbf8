"""The document model: sections of entries, each with exact source spans.

All spans are ``(start, end)`` offsets into ``Document.source.text`` (end
exclusive). A span that is absent is ``None``.
"""

from __future__ import annotations

from typing import Any

from awesome_lint.records import Record
from awesome_lint.source import SourceText

Span = tuple[int, int]


class Link(Record):
    """An inline link ``[text](url "title")`` or ``![alt](url)`` found in source text."""

    start: int  # at "[" (or "!" for images)
    end: int  # after ")"
    text: Span  # inside the brackets
    url: Span  # the destination as written (without <> if angle-bracketed)
    url_value: str  # the destination text as written in the source
    image: bool
    reference: bool  # [text][ref] / [text] resolved by a definition: url is the def's

    _fields = ("start", "end", "text", "url", "url_value", "image", "reference")
    __slots__ = _fields

    def __init__(
        self,
        start: int,
        end: int,
        text: Span,
        url: Span,
        url_value: str,
        image: bool = False,
        reference: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.url = url
        self.url_value = url_value
        self.image = image
        self.reference = reference


class Entry(Record):
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
    parsed: bool
    link: Link | None  # the leading link, when content starts with one
    links: list[Link]
    more_links: list[Link]  # on the first paragraph's other lines
    prefix: Span | None  # text before the leading link (e.g. "[OSDI'22] ")
    title_separator: Span | None  # ": " after the link (as written)
    subtitle: Span | None
    venue_separator: Span | None  # " | " (as written)
    venue: Span | None  # the venue slot after the last pipe
    comment: Span | None  # a trailing HTML comment
    trailing: Span | None  # trailing spaces/tabs
    eol: Span  # the line terminator
    end_line: int  # 0-based index of the item's last line (nested items included)
    # 0-based index of the last line of the paragraph that starts on the item's first line
    # (-1: no paragraph starts there); above ``line`` when the text runs on (soft breaks)
    para_end: int
    children: list[Entry]
    parent: Entry | None  # not in the repr
    section: Section | None  # not in the repr
    list_id: int  # items of one Markdown list share an id

    toc: bool  # set by the parser: see ``is_toc``
    # "item" (a list item; ``ordered`` for a numbered one), "paragraph" (a paragraph that
    # is an entry: ``[Title](url), Venue 2019``), or "row" (a table row with a link)
    kind: str

    _fields = (
        "line",
        "indent",
        "marker",
        "content",
        "depth",
        "ordered",
        "parsed",
        "link",
        "links",
        "more_links",
        "prefix",
        "title_separator",
        "subtitle",
        "venue_separator",
        "venue",
        "comment",
        "trailing",
        "eol",
        "end_line",
        "para_end",
        "children",
        "parent",
        "section",
        "list_id",
        "toc",
        "kind",
    )
    # Facts about the entry that several rules read, computed on first use and kept
    # here (no field: not in equality or the repr): its links' roles
    # (``links.papers.link_roles``) and where its venue may be written
    # (``domain.venues.regions``). An entry belongs to one document, never changed.
    # (A role is a ``links.roles.LinkRole``: typed Any here, since the parser sits below
    # the links package and does not import it.)
    roles: list[tuple[Link, Any]] | None
    venue_regions: list[tuple[str, int, int]] | None
    # (the last ``domain.venues.VenueTokens`` to read the entry, and its venue tokens)
    venue_tokens: tuple[Any, list[Any]] | None
    __slots__ = (*_fields, "roles", "venue_regions", "venue_tokens")
    _hidden = ("parent", "section")

    def __init__(
        self,
        line: int,
        indent: Span,
        marker: Span,
        content: Span,
        depth: int,
        ordered: bool,
        parsed: bool = True,
        link: Link | None = None,
        links: list[Link] | None = None,
        more_links: list[Link] | None = None,
        prefix: Span | None = None,
        title_separator: Span | None = None,
        subtitle: Span | None = None,
        venue_separator: Span | None = None,
        venue: Span | None = None,
        comment: Span | None = None,
        trailing: Span | None = None,
        eol: Span = (0, 0),
        end_line: int = 0,
        para_end: int = -1,
        children: list[Entry] | None = None,
        parent: Entry | None = None,
        section: Section | None = None,
        list_id: int = 0,
        toc: bool = False,
        kind: str = "item",
    ) -> None:
        self.line = line
        self.indent = indent
        self.marker = marker
        self.content = content
        self.depth = depth
        self.ordered = ordered
        self.parsed = parsed
        self.link = link
        self.links = [] if links is None else links
        self.more_links = [] if more_links is None else more_links
        self.prefix = prefix
        self.title_separator = title_separator
        self.subtitle = subtitle
        self.venue_separator = venue_separator
        self.venue = venue
        self.comment = comment
        self.trailing = trailing
        self.eol = eol
        self.end_line = end_line
        self.para_end = para_end
        self.children = [] if children is None else children
        self.parent = parent
        self.section = section
        self.list_id = list_id
        self.toc = toc
        self.kind = kind
        self.roles = None
        self.venue_regions = None
        self.venue_tokens = None

    @property
    def is_toc(self) -> bool:
        """An item whose only links point into the document (a table of contents)."""
        return self.toc


class Heading(Record):
    line: int  # 0-based
    end_line: int  # 0-based (setext headings span two lines)
    level: int
    title: str
    text: Span  # the heading's inline text
    setext: bool

    _fields = ("line", "end_line", "level", "title", "text", "setext")
    __slots__ = _fields

    def __init__(
        self, line: int, end_line: int, level: int, title: str, text: Span, setext: bool = False
    ) -> None:
        self.line = line
        self.end_line = end_line
        self.level = level
        self.title = title
        self.text = text
        self.setext = setext


class Section(Record):
    """A heading and what follows it up to the next heading (of any level).

    The part of the file before the first heading is a section with ``heading``
    None. ``entries`` are the top-level items of all lists in the section.
    """

    heading: Heading | None
    start_line: int
    end_line: int  # 0-based, inclusive
    entries: list[Entry]
    anchor: str

    _fields = ("heading", "start_line", "end_line", "entries", "anchor")
    __slots__ = _fields

    def __init__(
        self,
        heading: Heading | None,
        start_line: int,
        end_line: int,
        entries: list[Entry] | None = None,
        anchor: str = "",
    ) -> None:
        self.heading = heading
        self.start_line = start_line
        self.end_line = end_line
        self.entries = [] if entries is None else entries
        self.anchor = anchor

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0


class Block(Record):
    """A top-level block of the document, for the structural rules."""

    kind: str  # "heading", "paragraph", "list", "code", "html", "table", "hr", "blockquote"
    start_line: int  # 0-based
    end_line: int  # 0-based, inclusive

    _fields = ("kind", "start_line", "end_line")
    __slots__ = _fields

    def __init__(self, kind: str, start_line: int, end_line: int) -> None:
        self.kind = kind
        self.start_line = start_line
        self.end_line = end_line


def _walk(items: list[Entry], out: list[Entry]) -> None:
    """Append ``items`` and their children, depth first, to ``out``. (A function of the
    module: a recursive closure refers to itself, a reference cycle that would keep
    ``out`` alive after the document is dropped.)"""
    for item in items:
        out.append(item)
        if item.children:
            _walk(item.children, out)


class Document(Record):
    source: SourceText
    sections: list[Section]
    blocks: list[Block]
    headings: list[Heading]
    links: list[Link]  # every inline link of the document (entries' included)
    code_lines: frozenset[int]  # 0-based lines inside code blocks (fenced or indented)
    html_lines: frozenset[int]  # 0-based lines inside HTML blocks
    references: dict[str, str]  # link reference definitions
    # 0-based line below which lists (or quotes) nest too deeply for the parser: the
    # lines of that container are not checked (None: everything was parsed)
    nesting_cut: int | None
    # Results that several rules share (e.g. an entry's venue tokens), computed once per
    # document: the document is never changed after parsing, so they stay valid.
    cache: dict[object, Any]  # not in the repr
    # ``source.text``, not a field: an attribute, not a property (rules read it millions of times)
    text: str

    _fields = (
        "source",
        "sections",
        "blocks",
        "headings",
        "links",
        "code_lines",
        "html_lines",
        "references",
        "nesting_cut",
        "cache",
    )
    __slots__ = (*_fields, "text")
    _hidden = ("cache",)

    def __init__(
        self,
        source: SourceText,
        sections: list[Section],
        blocks: list[Block],
        headings: list[Heading],
        links: list[Link],
        code_lines: frozenset[int],
        html_lines: frozenset[int],
        references: dict[str, str] | None = None,
        nesting_cut: int | None = None,
        cache: dict[object, Any] | None = None,
    ) -> None:
        self.source = source
        self.text = source.text
        self.sections = sections
        self.blocks = blocks
        self.headings = headings
        self.links = links
        self.code_lines = code_lines
        self.html_lines = html_lines
        self.references = {} if references is None else references
        self.nesting_cut = nesting_cut
        self.cache = {} if cache is None else cache

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
            entry.venue_tokens = None  # (its tokens name it: a cycle)
        self.cache.clear()

    def span_text(self, span: Span | None) -> str:
        if span is None:
            return ""
        return self.source.text[span[0] : span[1]]
