"""When an entry's paper appeared: from its venue token (``OSDI'22``), else from a
year it states after its title (``Title, IEEE T-ITS, 2022.``), else from an arXiv id
among its links (``2305.05176`` -> 2023, month 5), else unknown."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from awesome_lint.domain.venues import Found, entry_tokens
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id
from awesome_lint.links.roles import clean_label
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.tables import row_cells
from awesome_lint.venues.registry import VenueRegistry

_NEW_ARXIV = lazy_compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_OLD_ARXIV = lazy_compile(r"^[a-z-]+/(\d{2})(\d{2})\d{3}$")
_STATED_YEAR = lazy_compile(r"(?<![\d.])(?:19[5-9]\d|20[0-4]\d)(?!\d)")
# A link label that is a day (``12 Feb 2020``, ``arXiv 28 Jun 2018``; cleaned: lower case)
_DATE_LABEL = lazy_compile(
    r"(?:arxiv\s*(?:on\s+)?)?(?P<day>\d{1,2})\s+(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+(?P<year>(?:19|20)\d\d)"
)
# A link label that is a name and a year (``Neurocomputing 2021``, ``KBS2020``): the venue
# place of lists that put the venue in the paper link's label, read even for a name the
# venue registry does not know
_NAME_YEAR_LABEL = lazy_compile(r"[A-Z][A-Za-z&-]{1,30} ?(?P<year>(?:19|20)\d\d)")
_DIGIT = lazy_compile(r"\d")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Year(NamedTuple):
    """When an entry's paper appeared: a year and, from arXiv ids, a month.

    A named tuple: made once or twice per entry, and much cheaper than a frozen dataclass.
    """

    year: int
    month: int | None = None


# The few distinct years of a list, each made once: a long list asks for the year of
# thousands of entries (a named tuple is made by Python code, a cached one found in C).
# Immutable values, so sharing them between entries and documents is safe.
_year = lru_cache(maxsize=1024)(Year)


@lru_cache(maxsize=4096)
def arxiv_year(paper: str) -> Year | None:
    """The submission year and month of an arXiv id: ``2305.05176`` -> 2023, 5.
    (Cached: the ordering rule asks for every entry's, under several orders.)"""
    m = _NEW_ARXIV.match(paper) or _OLD_ARXIV.match(paper)
    if m is None:
        return None
    yy, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return _year(2000 + yy if yy < 91 else 1900 + yy, month)


def entry_year(document: Document, entry: Entry, registry: VenueRegistry) -> Year | None:
    """The year of an entry's venue token (not one in its subtitle), else the year it
    states after its title (``Title, Asian Conference on Machine Learning 2021.``), else
    the year a table row's Year column gives, else the year of its arXiv id."""
    return (
        entry_venue_year(document, entry, registry)
        or entry_stated_year(document, entry)
        or (entry_row_year(document, entry) if entry.kind == "row" else None)
        or entry_arxiv_year(entry)
    )


def entry_row_year(document: Document, entry: Entry) -> Year | None:
    """The year a table row's Year column gives (`| 2017 | Title | ... |`), or None."""
    cell = row_cells(document, entry).get("year")
    if cell is None:
        return None
    m = _CELL_YEAR.fullmatch(document.text, *cell)
    return None if m is None else Year(int(m.group("year")))


# A Year cell: a four-digit year alone, maybe in emphasis or code.
_CELL_YEAR = lazy_compile(r"[ \t*_`]*(?P<year>(?:19[5-9]|20[0-4])\d)[ \t*_`]*")


def written_year(document: Document, entry: Entry) -> Year | None:
    """The year an entry writes out of its venue tokens: the one it states after its
    title (``entry_stated_year``), else a link label's that is a name and a year, else
    its opening tag's, else its title's (``entry_title_year``), else a table row's Year
    cell; or None.

    Each of those is a year from 1900 to 2099 written in four digits in the entry's
    content or up to its last link (an entry whose paragraph wraps has its links on
    later lines), so an entry without "19" or "20" there writes none: most entries of
    a list of tools, told by two searches, not five readings."""
    start, end = entry.content
    for link in entry.links:  # (the last one may be an image inside another link)
        if link.end > end:
            end = link.end
    text = document.text
    if text.find("20", start, end) < 0 and text.find("19", start, end) < 0:
        return None
    return (
        entry_stated_year(document, entry)
        or entry_label_year(document, entry)
        or entry_tag_year(document, entry)
        or entry_title_year(document, entry)
        or (entry_row_year(document, entry) if entry.kind == "row" else None)
    )


def entry_stated_year(document: Document, entry: Entry) -> Year | None:
    """The one year written after the last comma before the entry's first link, in the
    ``Title, Venue Year. [paper](url)`` shape of lists that spell venues out in full,
    or, when the entry opens with its link, after the comma that follows it:
    ``[Title](url), WACVW 2019 [[code]](url)``."""
    start, end = entry.content
    links = [link for link in entry.links if not link.image]
    if links:
        end = links[0].start
        if not document.text[start:end].strip(" \t*_"):
            # "[Title](url), ArXiv, 2024.8, Org | [code](url)": after the title link
            start = links[0].end
            end = links[1].start if len(links) > 1 else entry.content[1]
            tail = document.text[start:end]
            if not tail.lstrip().startswith(","):
                return None
            years = set(_STATED_YEAR.findall(tail))
            return Year(int(years.pop())) if len(years) == 1 else None
    _, comma, last = document.text[start:end].rpartition(",")
    if not comma:
        return None
    years = set(_STATED_YEAR.findall(last))
    return Year(int(years.pop())) if len(years) == 1 else None


def entry_venue_year(document: Document, entry: Entry, registry: VenueRegistry) -> Year | None:
    """The year of an entry's first known venue token with a year, outside its subtitle."""
    return venue_year_of(entry_tokens(document, entry, registry))


def venue_year_of(tokens: list[Found]) -> Year | None:
    """``entry_venue_year`` of an entry whose venue tokens are ``tokens`` (for a caller
    that walks many entries and holds the document's tokens)."""
    for found in tokens:
        token = found.token
        # (token.match, not the token.known property: read for every token)
        if found.where != "subtitle" and token.match is not None and token.year is not None:
            return _year(token.year, token.month)
    return None


def entry_arxiv_year(entry: Entry) -> Year | None:
    """The year and month of the first arXiv id among an entry's links."""
    for link in entry.links:
        if link.image:
            continue
        paper = arxiv_id(link.url_value)
        year = arxiv_year(paper) if paper else None
        if year is not None:
            return year
    return None


def entry_date(document: Document, entry: Entry) -> tuple[int, int, int] | None:
    """The day a link label of the entry gives as its paper's date (``Title [[12 Feb
    2020]](url)`` -> (2020, 2, 12)), from its first paragraph's links, else a date its
    first paragraph writes year first (``2025-05-22, [Paper](url)``); else None."""
    for link in (*entry.links, *entry.more_links):
        start, end = link.text
        if link.image or end - start > 40 or _DIGIT.search(document.text, start, end) is None:
            continue  # (a day needs digits; cleaning the label adds none)
        date = date_label(document.text[start:end])
        if date is not None:
            return date
    return _written_date(document, entry)


# A date written out in an entry's text, year first: "2025-05-22, [Paper](url)".
_ISO_DATE = lazy_compile(
    r"(?<![\w./-])(?P<year>(?:19|20)\d\d)-(?P<month>1[0-2]|0?[1-9])-(?P<day>3[01]|[12]\d|0?[1-9])"
    r"(?![\w/-])"
)


_DIGITS = frozenset("0123456789")


def _written_date(document: Document, entry: Entry) -> tuple[int, int, int] | None:
    """The first year-first date (``2025-05-22``) in the entry's first paragraph, outside
    its links' targets; else None."""
    text = document.text
    start, end = entry.content
    if entry.para_end > entry.line:
        end = document.source.lines[entry.para_end].end
    # from each "-" after four digits (a title's hyphens are many, its dates few: a
    # scan of every character of every entry cost six times the rest of this function)
    dash = text.find("-", start + 4, end)
    while dash >= 0:
        pos = dash - 4
        if text[dash - 1] in _DIGITS and text[pos:dash].isdigit():
            m = _ISO_DATE.match(text, pos, end)
            if m is not None and not any(
                link.url[0] <= pos < link.url[1] for link in (*entry.links, *entry.more_links)
            ):
                return (int(m.group("year")), int(m.group("month")), int(m.group("day")))
        dash = text.find("-", dash + 1, end)
    return None


def date_label(label: str) -> tuple[int, int, int] | None:
    """The (year, month, day) of a link label that is a date (``[12 Feb 2020]``,
    ``arXiv 28 Jun 2018``), else None."""
    m = _DATE_LABEL.fullmatch(clean_label(label))
    if m is None:
        return None
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    return (int(m.group("year")), _MONTHS.index(m.group("month")) + 1, day)


def entry_label_year(document: Document, entry: Entry) -> Year | None:
    """The year of the first link label of the entry that is a name and a year, the venue
    in a ``Title [[Neurocomputing 2021]](url)`` list, whether or not the name is a known
    venue; else None."""
    for link in entry.links:
        start, end = link.text
        if link.image or end - start > 40:
            continue
        m = _NAME_YEAR_LABEL.fullmatch(document.text[start:end].strip("[] \t"))
        if m is not None:
            return Year(int(m.group("year")))
    return None


# A year in parentheses that closes a link's text: "[Deepseek-V3 (2025)](url)".
_TITLE_PAREN_YEAR = lazy_compile(r"\((?P<year>(?:19[5-9]|20[0-4])\d)\)[ \t]*\Z")


# A bold title that opens an entry, with a year in parentheses right after it:
# "**Neural Speech Synthesis with Transformer Network**(2019), Naihan Li et al.".
_BOLD_TITLE_YEAR = lazy_compile(
    r"(?:\*\*[^*\n]{3,}\*\*|__[^_\n]{3,}__)[ \t]*\((?P<year>(?:19[5-9]|20[0-4])\d)\)"
)


def entry_title_year(document: Document, entry: Entry) -> Year | None:
    """The year in parentheses that closes the text of the entry's first link, when that
    link opens the entry (``- [Deepseek-V3 (2025)](url) - ...``: the year a list of
    models and papers shows for each), or that follows a bold title opening the entry
    (``- **Title**(2019), Authors et al. [[pdf]](url)``); else None."""
    links = entry.links
    if not links or links[0].image or links[0].start != entry.content[0]:
        start, end = entry.content
        if document.text.startswith(("**", "__"), start):
            bold = _BOLD_TITLE_YEAR.match(document.text, start, end)
            if bold is not None:
                return Year(int(bold.group("year")))
        return None
    start, end = links[0].text
    m = _TITLE_PAREN_YEAR.search(document.text, max(start, end - 8), end)
    return None if m is None else Year(int(m.group("year")))


# A tag at the entry's start that gives the year before the venue: "[2022 Nature
# Communications]", "[2021 ICML]" (one to five words after the year).
_YEAR_FIRST_TAG = lazy_compile(
    r"[^\w\[]{0,3}\[(?:(?P<year>(?:19[5-9]|20[0-4])\d)"
    r"[ \t]+[A-Za-z][\w&.'’-]*(?:[ \t]+[\w&.'’-]+){0,4}"
    # ... or after the venue's name, one the registry may not know: "[Signal
    # Processing 2016]", "[Chaos 2018]"
    r"|[A-Za-z][\w&.'’-]*(?:[ \t]+[\w&.'’-]+){0,4}[ \t]+(?P<late>(?:19[5-9]|20[0-4])\d))\]"
)


def entry_tag_year(document: Document, entry: Entry) -> Year | None:
    """The year of a tag that opens the entry with a year and a venue, ``12. [2022 Nature
    Communications] **ProtGPT2 ...**``, ``[Signal Processing 2016] Title``; else None."""
    start, end = entry.content
    m = _YEAR_FIRST_TAG.match(document.text, start, end)
    if m is None:
        return None
    return Year(int(m.group("year") or m.group("late")))
