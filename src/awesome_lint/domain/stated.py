"""Every year an entry states, with what states it: what year buckets and copies of
one paper are compared by (``domain.years`` gives an entry the one year it sorts by).

An entry states a year in three ways:

- a venue token outside its subtitle (``NeurIPS'23``, ``[OSDI'22]``, ``(CVPR 2021)``,
  ``arxiv 2024.12``), the one venue parser's reading;
- a name, a comma and a year (``ICLR, 2024``, ``ArXiv, 2024.8``, ``Preprint, 2025.1``),
  the shape of lists that write ``[Title](url), Venue, Year, Affiliation``: the venue
  parser reads those after a registry name (venue tokens, above); the others
  (``Preprint, 2025.1``) are read here (after a name of more than four words, the
  year alone is kept);
- a month and a year (``March 2023``; in a subtitle only in parentheses, ``(Dec 2024)``);
- an arXiv id among its links (``2305.05176``: May 2023).

Each year carries a kind: ``venue`` (a known conference or journal), ``workshop``
(a workshop venue, or a token with a workshop qualifier), ``preprint`` (arXiv as a
stated venue), ``arxiv-id`` (the id of an arXiv link: when the preprint appeared, not
when the paper was published) or ``other`` (an unknown name before ``, YYYY``, or a
month and year).
Computed once per document and entry.
"""

from __future__ import annotations

from typing import NamedTuple

from awesome_lint.domain.buckets import is_year_item
from awesome_lint.domain.venues import _masked, entry_tokens, regions
from awesome_lint.domain.years import arxiv_year
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id
from awesome_lint.parser.document import Document, Entry, Link, Span
from awesome_lint.venues.registry import Venue, VenueRegistry

VENUE = "venue"
WORKSHOP = "workshop"
PREPRINT = "preprint"
OTHER = "other"
ARXIV_ID = "arxiv-id"

_COMMA_YEAR = lazy_compile(
    r",[ \t]*(?P<year>(?:19[6-9]\d|20[0-4]\d))(?:\.(?P<month>1[0-2]|0?[1-9]))?(?!\w|\.\d)"
)
# The name before ", YYYY": back to the previous delimiter, at most four words.
_NAME_BEFORE = lazy_compile(r"(?<!\w)(?P<name>[A-Za-z][\w&+'’./ -]{0,40}?)[ \t]*\Z")
_WORKSHOP_WORDS = lazy_compile(r"(?i)\s*\b(?:workshops?|ws)\b\s*")
_QUALIFIER_WORDS = lazy_compile(r"(?i)\s*\b(?:findings|oral|spotlight|poster|main|track)\b\s*")
_DELIMITERS = ",;|([{"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# What every match of _COMMA_YEAR and _MONTH_YEAR contains: one search over an
# entry's lines tells that none of its regions can hold one (most entries).
_COMMA_YEAR_HINT = lazy_compile(r",[ \t]*(?:19[6-9]\d|20[0-4]\d)")
_MONTH_YEAR_HINT = lazy_compile(r"[ \t](?:19[6-9]\d|20[0-4]\d)")
_MONTH_YEAR = lazy_compile(
    r"(?i)(?<![\w.])(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"\.?,?[ \t]+(?P<year>(?:19[6-9]\d|20[0-4]\d))(?!\w|\.\d)"
)


class StatedYear(NamedTuple):
    """A year an entry states: the year (and month), its kind, the venue's registry
    entry (None for an arXiv id or an unknown name), the text as written and its span."""

    year: int
    month: int | None
    kind: str  # VENUE, WORKSHOP, PREPRINT, ARXIV_ID or OTHER
    venue: Venue | None
    text: str
    span: Span


def _kind(venue: Venue, workshop: bool) -> str:
    if venue.kind == "preprint":
        return PREPRINT
    if workshop or venue.kind == "workshop":
        return WORKSHOP
    return VENUE


def note_items(entry: Entry) -> list[Entry]:
    """The nested items of ``entry`` without a link of their own: notes that belong to
    the entry, such as its authors and venue (``  - Authors, _TPAMI 2021_.``)."""
    return [child for child in entry.children if not child.links] if entry.children else []


def venue_years_with_notes(
    document: Document, entry: Entry, registry: VenueRegistry
) -> list[StatedYear]:
    """``venue_years`` of the entry and of its note items (``note_items``)."""
    found = venue_years(document, entry, registry)
    for note in note_items(entry):
        found = found + venue_years(document, note, registry)
    return found


def venue_years(document: Document, entry: Entry, registry: VenueRegistry) -> list[StatedYear]:
    """The years an entry states with a name: venue tokens, then ``Name, YYYY``
    readings (computed once per document and entry)."""
    key = ("venue-years", id(entry), id(registry))
    cached: list[StatedYear] | None = document.cache.get(key)
    if cached is not None:
        return cached
    text = document.text
    out: list[StatedYear] = []
    taken: list[Span] = []
    for found in entry_tokens(document, entry, registry):
        token = found.token
        if found.where == "subtitle" or token.match is None or token.year is None:
            continue
        start, end = found.span
        words = text[start:end]
        workshop = token.workshop_span is not None or bool(_WORKSHOP_WORDS.search(words))
        out.append(
            StatedYear(
                token.year,
                token.month,
                _kind(token.match.venue, workshop),
                token.match.venue,
                words,
                (start, end),
            )
        )
        taken.append((start, end))
    if _COMMA_YEAR_HINT.search(text, *_lines(document, entry)):
        for where, start, end in regions(document, entry):
            if where != "subtitle" and start < end and _COMMA_YEAR.search(text, start, end):
                out.extend(_comma_years(document, entry, registry, start, end, taken))
    document.cache[key] = out
    return out


def entry_years(document: Document, entry: Entry, registry: VenueRegistry) -> list[StatedYear]:
    """Every year an entry states: :func:`venue_years`, then month-and-year dates, then
    the year of the first arXiv id among its links (computed once per document and entry)."""
    key = ("entry-years", id(entry), id(registry))
    cached: list[StatedYear] | None = document.cache.get(key)
    if cached is not None:
        return cached
    named = venue_years(document, entry, registry)
    out = list(named)
    taken = [y.span for y in named]
    text = document.text
    if _MONTH_YEAR_HINT.search(text, *_lines(document, entry)):
        for where, start, end in regions(document, entry):
            if start < end and _MONTH_YEAR.search(text, start, end):
                out.extend(_month_years(document, entry, start, end, taken, where == "subtitle"))
    for link in entry.links:
        if link.image:
            continue
        paper = arxiv_id(link.url_value)
        year = arxiv_year(paper) if paper else None
        if year is not None:
            out.append(
                StatedYear(year.year, year.month, ARXIV_ID, None, f"arXiv {paper}", link.url)
            )
            break
    document.cache[key] = out
    return out


# A citation's closing year: `Journal 34.4 (2016): 1-38.`, `... Retrieval. 2017.`,
# `..., pages 1-9, 2019.`: the year in parentheses, or after ". " or ", " and before a
# final full stop; only page numbers and punctuation may follow it.
_CITATION_YEAR = lazy_compile(
    r"(?:\((?P<paren>(?:19[6-9]\d|20[0-4]\d))\)|(?<=[.,] )(?P<bare>(?:19[6-9]\d|20[0-4]\d))(?=\.))"
    r"(?=[:.,]?[ \t\d.,:–-]*\Z)"
)


def citation_year(document: Document, entry: Entry) -> StatedYear | None:
    """The closing year of a citation written after the entry's link (its tail, links
    blanked), as in `"[Title](url)" ACM TOIS 34.4 (2016): 1-38.` or `... 2017.`:
    the year of an entry that names no venue the registry knows and no arXiv id."""
    for where, start, end in reversed(regions(document, entry)):
        if where != "tail" or start >= end:
            continue
        masked = _masked(document, entry, start, end).rstrip()
        m = _CITATION_YEAR.search(masked)
        if m is None:
            return None
        group = "paren" if m.group("paren") else "bare"
        a, b = start + m.start(group), start + m.end(group)
        return StatedYear(int(m.group(group)), None, OTHER, None, document.text[a:b], (a, b))
    return None


def _lines(document: Document, entry: Entry) -> Span:
    """The offsets of an entry's lines (nested items included): its regions lie within."""
    lines = document.source.lines
    return lines[entry.line].start, lines[entry.end_line].next_start


def _comma_years(
    document: Document,
    entry: Entry,
    registry: VenueRegistry,
    start: int,
    end: int,
    taken: list[Span],
) -> list[StatedYear]:
    masked = _masked(document, entry, start, end)
    out: list[StatedYear] = []
    for m in _COMMA_YEAR.finditer(masked):
        y_start, y_end = start + m.start("year"), start + m.end()
        if any(a < y_end and y_start < b for a, b in taken):
            continue  # a venue token already read this year
        head = masked[: m.start()]
        cut = max(head.rfind(c) for c in _DELIMITERS)
        before = _NAME_BEFORE.search(head[cut + 1 :])
        name = before.group("name").strip(" .") if before else ""
        month = m.group("month")
        year = int(m.group("year"))
        if before is None or not name or len(name.split()) > 4:
            # "…, Foundations and Trends in Systems and Control, 2019": a year all the same
            out.append(
                StatedYear(
                    year,
                    int(month) if month else None,
                    OTHER,
                    None,
                    document.text[y_start:y_end],
                    (y_start, y_end),
                )
            )
            continue
        n_start = start + cut + 1 + before.start("name")
        workshop = bool(_WORKSHOP_WORDS.search(name))
        bare = _QUALIFIER_WORDS.sub(" ", _WORKSHOP_WORDS.sub(" ", name)).strip()
        match = registry.lookup(name) or (registry.lookup(bare) if bare else None)
        kind = OTHER if match is None else _kind(match.venue, workshop)
        out.append(
            StatedYear(
                year,
                int(month) if month else None,
                kind,
                None if match is None else match.venue,
                document.text[n_start:y_end],
                (n_start, y_end),
            )
        )
    return out


def _month_years(
    document: Document,
    entry: Entry,
    start: int,
    end: int,
    taken: list[Span],
    wrapped: bool,
) -> list[StatedYear]:
    """Month-and-year dates; in a subtitle (a title's words) only in parentheses."""
    out: list[StatedYear] = []
    for m in _MONTH_YEAR.finditer(_masked(document, entry, start, end)):
        a, b = start + m.start(), start + m.end()
        if any(x < b and a < y for x, y in taken):
            continue
        if wrapped and not (document.text[a - 1 : a] == "(" and document.text[b : b + 1] == ")"):
            continue
        month = _MONTHS.index(m.group("month")[:3].lower()) + 1
        out.append(StatedYear(int(m.group("year")), month, OTHER, None, m.group(), (a, b)))
    return out


# What "names a venue or a year" reads beyond venue tokens (see names_venue_or_year):
# a four-digit year, or a two-digit one after an apostrophe (``IEEE Computer'26``)
_ANY_YEAR = lazy_compile(r"(?<![\d.])(?:19[5-9]\d|20[0-4]\d)(?!\d)|['’]\d\d(?!\d)")
# every year above has two digits in a row: looked for first (a pattern that starts
# with a look-behind is tried at every character, one that starts with a digit is not)
_TWO_DIGITS = lazy_compile(r"\d\d")
# words that stand where a venue would: a preprint, a report, a thesis, OpenReview, or a
# paper's status (`Unpublished`). Plainly:
# (?i)(?<![\w-])(?:arxiv|preprint|(?:technical|tech\.?) report|thesis|openreview
# |unpublished)(?![\w-])   (one pattern, cut in two here)
# Written here to start with the words' first letters, [aptou]: a pattern that starts with
# a look-behind runs it at every character of the text, one that starts with a class
# fails at once at most characters (about 3x faster on awesome-selfhosted). The
# look-behind then checks the character before that first letter (the ``.`` is the letter
# itself), and each word's rest follows a look-behind naming its first letter. Same
# matches, same spans (tests/test_regex_rewrites.py compares it with the plain pattern).
_VENUE_WORDS = lazy_compile(
    r"(?i)[aptou](?<![\w-].)"
    r"(?:(?<=a)rxiv|(?<=p)reprint|(?<=t)(?:echnical|ech\.?) report|(?<=t)hesis|(?<=o)penreview"
    r"|(?<=u)npublished)"
    r"(?![\w-])"
)
# a bare URL (an autolink) in the text: its digits are no year
_BARE_URL = lazy_compile(r"https?://\S+")
# "(TOMM)." at the end of the text before the links: an abbreviated venue
_ACRONYM_END = lazy_compile(r"\([A-Z][\w&-]*[A-Z]\)\W*\Z")
_NAME_WORD = lazy_compile(r"[A-Za-z][\w&-]*[A-Za-z]")


# What every match of ``_VENUE_WORDS`` holds, in lower case, in a text of ASCII letters
# (in other text a letter such as "ſ" or "ı" may match one of the pattern's, ignoring case).
_VENUE_WORD_PARTS = ("arxiv", "preprint", " report", "thesis", "openreview", "unpublished")


def _venue_words_in(text: str) -> bool:
    """Whether ``_VENUE_WORDS`` finds a word in ``text``; an ASCII text without any of
    the words' parts is settled without the pattern (most entries)."""
    if text.isascii():
        lower = text.lower()
        if not any(part in lower for part in _VENUE_WORD_PARTS):
            return False
    return _VENUE_WORDS.search(text) is not None


def _blank_targets(text: str, start: int, end: int, links: tuple[Link, ...]) -> str:
    """``text[start:end]`` with the links' targets (what of them lies within) blanked
    out, each character a space: the text joined from the slices between them."""
    targets = sorted((max(link.url[0], start), min(link.url[1], end)) for link in links)
    pieces: list[str] = []
    done = start  # the text is taken up to here
    for a, b in targets:
        a = max(a, done)  # (targets may overlap: what is blank already stays so)
        if a < b:
            pieces.append(text[done:a])
            pieces.append(" " * (b - a))
            done = b
    pieces.append(text[done:end])
    return "".join(pieces)


# A bracket or parenthesis holding a capitalised name and a year of two digits.
_NAME_SHORT_YEAR = lazy_compile(r"[\[(][A-Z][^\[\]()\n]{0,60}[ \t'’]\d\d[\])]")


# A shields.io badge: `![](https://img.shields.io/badge/ICLR%202024-orange)`.
_BADGE = "img.shields.io/badge/"


def _badge_words(url: str) -> list[str] | None:
    """The words of a shields.io badge's text (`badge/ICLR%202024-orange` -> ICLR,
    2024, orange; `-`, `_` and blanks part them), or None for another address."""
    at = url.find(_BADGE)
    if at < 0:
        return None
    text = url[at + len(_BADGE) :].split("?")[0].replace("%20", "-").replace("_", "-")
    return [w for w in text.split("-") if w]


def badge_years(entry: Entry, registry: VenueRegistry) -> list[int]:
    """The years of the venue badges of an entry: a shields.io badge whose text names a
    known venue and a year (`badge/24-WACV-red`, `badge/CVPR-2023-blue`,
    `badge/ICLR%202024-orange`; not arXiv, whose year is the id's business)."""
    out: list[int] = []
    for link in entry.links:
        words = _badge_words(link.url_value) if link.image else None
        if words is None:
            continue
        year = next((w for w in words if w.isdecimal() and len(w) in (2, 4)), None)
        venues = [registry.lookup(w) for w in words]
        if year is None or not any(v is not None and v.venue.canonical != "arXiv" for v in venues):
            continue
        number = int(year)
        out.append(number if number > 1900 else 2000 + number)
    return out


def _badge_named(entry: Entry) -> bool:
    """Whether a shields.io badge of the entry names something like a venue and a year
    (`badge/TIFS%202024-orange`, `badge/ACL-2025-blue`): a name in capitals and a year
    of four digits, known venue or not (see names_venue_or_year: lenient)."""
    for link in entry.links:
        words = _badge_words(link.url_value) if link.image else None
        if (
            words is not None
            and any(len(w) == 4 and w.isdecimal() and 1950 <= int(w) < 2050 for w in words)
            and any(sum(c.isupper() for c in w) >= 2 for w in words)
        ):
            return True
    return False


def names_venue_or_year(
    document: Document, entry: Entry, registry: VenueRegistry, paper: Link
) -> bool:
    """Whether an entry names a venue or a year anywhere a paper list writes one: a
    venue token (slot, prefix, tail, link label), a year in its text or link labels
    (its paragraph's continuation lines included; a name and two digits in brackets,
    ``[Discover AI 24]``), ``arXiv``, ``Preprint``, a report,
    a bracketed prefix (``[USENIX ;login:]``), a known venue name alone (``TMLR``,
    ``[[NeurIPS]]``), or a name after the last comma before the paper link (``Title,
    Transportation Research Part C.``). Lenient: an entry that names something like
    a venue names one. ``paper`` is the entry's paper link."""
    if entry_tokens(document, entry, registry):
        return True
    if _badge_named(entry):
        return True  # "**Title** [[paper]](u) ![](…/badge/ACL%202025-orange)": a venue badge
    if entry.parent is not None and is_year_item(document, entry.parent):
        return True  # "- 2022" over "  - **`TIE`** Title [`pdf`](u)": the bucket's year
    text = document.text
    lines = document.source.lines
    start = entry.content[0]
    end = max(entry.content[1], lines[max(entry.line, entry.para_end)].end)
    own = _blank_targets(text, start, end, (*entry.links, *entry.more_links))
    if "http" in own:  # (most entries: no bare URL, nothing to blank)
        own = _BARE_URL.sub(" ", own)
    if (_TWO_DIGITS.search(own) and _ANY_YEAR.search(own)) or _venue_words_in(own):
        return True
    if _NAME_SHORT_YEAR.search(own):
        return True  # "[Discover Artificial Intelligence 24]", "(Wisec 23)": a name and a year
    if entry.prefix is not None and text[entry.prefix[0] : entry.prefix[1]].lstrip(
        " \t*_"
    ).startswith("["):
        return True  # "[USENIX ;login:] [Title](url)": the list's venue place
    # (most words have no capital after the first letter: left out in one pass)
    for word in [word for word in _NAME_WORD.findall(own) if not word[1:].islower()]:
        if sum(c.isupper() for c in word) >= 2 and registry.lookup(word) is not None:
            return True
    head = text[start : paper.start].rstrip(" \t*_\\[(").rstrip(".").rstrip()
    if _ACRONYM_END.search(head):
        return True
    if "," in head:
        last = head.rsplit(",", 1)[1].strip()
        if last and last[0].isupper() and len(last.split()) <= 10:
            return True  # "Title, Transportation Research Part C: Emerging Technologies."
    return False


__all__ = [
    "ARXIV_ID",
    "OTHER",
    "PREPRINT",
    "VENUE",
    "WORKSHOP",
    "StatedYear",
    "badge_years",
    "entry_years",
    "names_venue_or_year",
    "venue_years",
]
