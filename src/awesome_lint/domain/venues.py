"""Where an entry's venues are: venue tokens found in every place a paper list
writes them (the slot after `` | ``, a bracketed prefix, the text after the title,
the label of the paper link, the subtitle), with absolute offsets.

Computed once per document, entry and registry; the venue rules, the ordering rule
and ``inspect`` read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import link_roles, paper_host, paper_links, title_venue
from awesome_lint.links.roles import is_date_label
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.tables import row_cells
from awesome_lint.venues.parse import VenueToken, find_venues, parse_slot
from awesome_lint.venues.registry import VenueMatch, VenueRegistry


class Found:
    """A venue token of an entry, its offsets made absolute (``offset`` + token's)."""

    # A plain class, not a dataclass: creating a dataclass costs about 1 ms at start-up.
    __slots__ = ("entry", "offset", "token", "where")

    def __init__(self, entry: Entry, where: str, token: VenueToken, offset: int) -> None:
        self.entry: Final = entry
        self.where: Final = where  # "slot", "prefix", "tail", "label" or "subtitle"
        self.token: Final = token
        self.offset: Final = offset

    def abs(self, span: tuple[int, int]) -> tuple[int, int]:
        return (span[0] + self.offset, span[1] + self.offset)

    @property
    def span(self) -> tuple[int, int]:
        start, end = self.token.span  # (abs() inline: read for every token)
        return (start + self.offset, end + self.offset)


def _masked(document: Document, entry: Entry, start: int, end: int) -> str:
    """The text of start..end with links blanked out (same length, so offsets hold).

    Built from pieces in one pass: blanking link by link copied the whole text for
    each link (quadratic on a line with thousands of links). Most regions hold no
    link (a prefix ends where the entry's link starts): those are one slice."""
    text = document.text
    spans: list[tuple[int, int]] | None = None
    for link in entry.links:
        if link.start < end and start < link.end:
            if spans is None:
                spans = []
            spans.append((max(link.start, start), min(link.end, end)))
    if spans is None:
        return text[start:end]
    spans.sort()
    parts: list[str] = []
    pos = start
    for a, b in spans:
        if b <= pos:
            continue  # inside a span already blanked (an image in a link's text)
        a = max(a, pos)
        parts.append(text[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(text[pos:end])
    return "".join(parts)


# where ("label", "slot", "prefix", "tail", "subtitle", "cell": a table's venue column), span
Region = tuple[str, int, int]


def regions(document: Document, entry: Entry) -> Sequence[Region]:
    """Where an entry's venue may be written: the label of its paper link when that
    is a venue (``[[CVPR2019]](url)``), its slot, its prefix, the text after its
    link (not a seed-style subtitle), and the subtitle (reported apart).

    Computed once per document and entry (the venue tokens and the stated years
    read them)."""
    found = entry.venue_regions  # (kept on the entry)
    if found is None:
        found = entry.venue_regions = _regions(document, entry)
    return found  # shared: read it, never change it


def _regions(document: Document, entry: Entry) -> list[Region]:
    out: list[Region] = []  # a list, not a generator: read for every entry
    if entry.toc:  # (is_toc, without the property call)
        return out
    roles = entry.roles
    if roles is None:
        roles = link_roles(document, entry)
    titled = False
    for link, role in roles:
        # "Title [[CVPR2019]](url)": the venue labels the paper link (a date does not)
        if role == "venue" and not is_date_label(document.span_text(link.text)):
            out.append(("label", *link.text))
        elif role == "title" and not titled:
            titled = True
            # "[Panoptic Segmentation - ARXIV - 2018](url)": a venue closes the title
            # (most titles end in a letter: told before a call)
            text = document.text
            start, end = link.text
            if end > start and not text[end - 1].isalpha():
                venue = title_venue(text, start, end)
                if venue is not None:
                    out.append(("label", venue[1], end))
    if entry.venue is not None:
        out.append(("slot", *entry.venue))
    if entry.prefix is not None:
        out.append(("prefix", *entry.prefix))
    c_start, c_end = entry.content
    if entry.kind == "row":
        # a table whose header names a venue column: its cell is read whole
        venue = row_cells(document, entry).get("venue")
        if venue is not None:
            out.append(("cell", *venue))
            out.append(("tail", c_start, venue[0]))
            out.append(("tail", venue[1], c_end))
            return out
    if entry.venue_separator is not None:
        c_end = entry.venue_separator[0]
    if entry.link is None:
        if entry.prefix is None:
            out.append(("tail", c_start, c_end))
        return out
    if entry.subtitle is not None and entry.title_separator is not None:
        if _venue_description(document, entry):
            # "[Title](url) - NeurIPS 2021": after a dash, a venue alone is the venue
            out.append(("tail", *entry.subtitle))
        else:
            out.append(("subtitle", *entry.subtitle))
        tail_start = entry.subtitle[1]
    else:
        tail_start = entry.link.end
    if tail_start < c_end:
        out.append(("tail", tail_start, c_end))
    return out


_DASHES = frozenset("-–—")
_VENUE_DESCRIPTION_MAX = 40  # characters: "NeurIPS 2021 (Spotlight)" and the like
_DESCRIPTION_END = " \t.,;"


def _venue_description(document: Document, entry: Entry) -> bool:
    """Whether an entry's description after a dash is a venue alone (``[Title](url) -
    NeurIPS 2021``): one venue token with its year fills it, but for a closing period."""
    assert entry.subtitle is not None and entry.title_separator is not None
    text = document.text
    start, end = entry.subtitle
    if end - start > _VENUE_DESCRIPTION_MAX or not any(c.isdigit() for c in text[start:end]):
        return False
    if text[entry.title_separator[0] : entry.title_separator[1]].strip() not in _DASHES:
        return False
    piece = text[start:end].rstrip(_DESCRIPTION_END)
    # (the default registry: regions do not depend on a rule's options; a venue only
    # the configuration knows stays a description here)
    tokens = find_venues(piece)
    return (
        len(tokens) == 1
        and tokens[0].known
        and tokens[0].year is not None
        and tokens[0].span == (0, len(piece))
    )


# "…, RAL. [" at the end of an entry's text before its links, or "…, RAL." after them:
# a comma, one name (capitals, maybe joined by "-", "&" or "+"), an optional period,
# and nothing else but the bracket that opens the links.
_BARE_END = lazy_compile(r",[ \t]*(?P<name>[A-Za-z]+(?:[&+-][A-Za-z]+)*)\.?[ \t]*\[?[ \t]*\Z")


class VenueTokens:
    """Every entry's venue tokens in one document, for one registry (computed once:
    see :func:`document_tokens`). The lists are shared: read them, never change them."""

    __slots__ = (
        "_bare",
        "_document",
        "_free",
        "_registry",
        "_slots",
        "_uses",
        "entries",
        "found",
    )

    def __init__(self, document: Document, registry: VenueRegistry) -> None:
        self._document = document
        self._registry = registry
        # Many entries repeat a text ("[OSDI'22]", "arXiv'23"): each text is parsed
        # once (as a venue slot, or as free text). Tokens are immutable and their spans
        # relative to the text, so entries can share them.
        self._slots: dict[str, tuple[VenueToken, ...]] = {}
        self._free: dict[str, tuple[VenueToken, ...]] = {}
        #: (entry, its tokens) for every entry of the document, in order
        self.entries: list[tuple[Entry, list[Found]]] = []
        #: every token of the document, in order
        self.found: list[Found] = []
        self._uses: list[tuple[str, VenueToken, int]] | None = None
        self._bare: list[tuple[VenueMatch, str, int]] | None = None
        for entry in document.entries():
            found = self._read(entry)
            self.entries.append((entry, found))
            self.found.extend(found)

    def of(self, entry: Entry) -> list[Found]:
        """The tokens of one entry (read now if it is none of the document's)."""
        # Kept on the entry, with the reader that read them: a dictionary keyed by
        # ``id(entry)`` was slow to look up (the entries' addresses share their low bits).
        kept = entry.venue_tokens
        if kept is not None and kept[0] is self:
            found: list[Found] = kept[1]
            return found
        return self._read(entry)

    def uses(self) -> list[tuple[str, VenueToken, int]]:
        """Each place and token of the document once, with how often it occurs, in
        order of first occurrence: what file-wide counts read (a long list writes
        ``arXiv'23`` thousands of times, and a few hundred tokens in all)."""
        if self._uses is None:
            counts: dict[tuple[str, int], list[Any]] = {}
            for f in self.found:
                key = (f.where, id(f.token))
                use = counts.get(key)
                if use is None:
                    counts[key] = [f.where, f.token, 1]
                else:
                    use[2] += 1
            self._uses = [(where, token, n) for where, token, n in counts.values()]
        return self._uses

    def bare_uses(self) -> list[tuple[VenueMatch, str, int]]:
        """The known venue names written alone (no year) in the venue place of an entry
        that starts with its title in text: the last comma-separated part before the
        entry's links (``Title, RAL. [[paper](url)]``) or after its leading link
        (``[Title](url), RAL.``). Each (registry match, name as written, how often)
        once. Not venue tokens (no rule reports them): what a file's spelling habit
        of a name counts besides its tokens."""
        if self._bare is None:
            counts: dict[str, int] = {}
            text = self._document.text
            for entry, found in self.entries:
                if found or entry.kind == "row":
                    continue  # a venue with a year, or a table's cell
                for where, start, end in regions(self._document, entry):
                    if where in ("prefix", "tail") and start < end:
                        m = _BARE_END.search(text, max(start, end - 60), end)
                        if m is not None:
                            name = m.group("name")
                            counts[name] = counts.get(name, 0) + 1
            registry = self._registry
            out = []
            for name, n in counts.items():
                match = registry.lookup(name)
                if match is not None and sum(c.isupper() for c in name) >= 2:
                    out.append((match, name, n))
            self._bare = out
        return self._bare

    def _read(self, entry: Entry) -> list[Found]:
        document, registry = self._document, self._registry
        source = document.text
        found: list[Found] = []
        places: Sequence[Region] | None = entry.venue_regions  # (regions(), without a call)
        if places is None:
            places = regions(document, entry)
        for where, start, end in places:
            if start >= end:
                continue
            if where == "slot" or where == "cell":
                text = source[start:end]
                tokens = self._slots.get(text)
                if tokens is None:
                    tokens = self._slots[text] = parse_slot(text, registry).tokens
            else:
                # a label is inside a link: nothing to blank out
                text = (
                    source[start:end] if where == "label" else _masked(document, entry, start, end)
                )
                tokens = self._free.get(text)
                if tokens is None:
                    tokens = self._free[text] = tuple(find_venues(text, registry))
            for token in tokens:
                found.append(Found(entry, where, token, start))
        entry.venue_tokens = (self, found)
        return found


def document_tokens(document: Document, registry: VenueRegistry) -> VenueTokens:
    """The venue tokens of every entry (computed once per document and registry)."""
    key = ("venue-tokens", id(registry))
    cached: VenueTokens | None = document.cache.get(key)
    if cached is None:
        cached = document.cache[key] = VenueTokens(document, registry)
    return cached


PAPER_SHARE = 0.5  # of entries naming a venue, or of paper links on a host of papers


def paper_list(document: Document, registry: VenueRegistry) -> bool:
    """Whether the document lists papers: at least half its entries name a venue, or at
    least half its paper links point at a host of papers (arxiv.org, dl.acm.org, ...).
    A list of tools or resources does neither (computed once per document)."""
    key = ("paper-list", id(registry))
    cached: bool | None = document.cache.get(key)
    if cached is None:
        tokens = document_tokens(document, registry)
        named = sum(1 for _, found in tokens.entries if found)
        cached = named >= PAPER_SHARE * len(tokens.entries)
        if not cached:
            links = paper_links(document)
            hosts = sum(1 for _, link, _, _ in links if paper_host(link.url_value))
            cached = hosts >= PAPER_SHARE * len(links)
        document.cache[key] = cached
    return cached


def entry_tokens(document: Document, entry: Entry, registry: VenueRegistry) -> list[Found]:
    """The entry's venue tokens (computed once per document, entry and registry)."""
    return document_tokens(document, registry).of(entry)


def all_tokens(document: Document, registry: VenueRegistry) -> list[Found]:
    """Every venue token of the document, in order (a shared list: do not change it)."""
    return document_tokens(document, registry).found


def file_spelling(tokens: VenueTokens, canonical: str) -> str | None:
    """The file's most common spelling of a registry venue (``ATC`` for USENIX ATC),
    or None when the file never writes it."""
    counts: dict[str, int] = {}
    for where, token, n in tokens.uses():
        if token.match is not None and token.canonical == canonical and where != "subtitle":
            counts[token.name] = counts.get(token.name, 0) + n
    return max(counts, key=lambda name: counts[name]) if counts else None
