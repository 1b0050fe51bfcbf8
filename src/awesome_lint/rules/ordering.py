"""Sort keys of entries and the order arithmetic of unsorted-entries (AL301).

An entry's year comes from its venue token (``OSDI'22``), else from a year it
states after its title (``Title, IEEE T-ITS, 2022.``), else from an arXiv id among
its links (``2305.05176`` -> 2023, month 5), else it is unknown.
Its title key is case-folded, ignores leading articles and punctuation, and
compares numbers by value (``GPT-2`` before ``GPT-10``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple

from awesome_lint.links.normalize import arxiv_id
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.venue_common import entry_tokens
from awesome_lint.venues.registry import VenueRegistry

TitleKey = tuple[tuple[int, int, str], ...]

_NEW_ARXIV = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_OLD_ARXIV = re.compile(r"^[a-z-]+/(\d{2})(\d{2})\d{3}$")
_ARTICLES = ("the ", "a ", "an ")
_STATED_YEAR = re.compile(r"(?<![\d.])(?:19[5-9]\d|20[0-4]\d)(?!\d)")
_TAGS = re.compile(r"^(?:\s*\[[^\]]*\](?!\())+")
_WORD = re.compile(r"\d+|[^\W\d_]+")
_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


class Year(NamedTuple):
    """When an entry's paper appeared: a year and, from arXiv ids, a month.

    A named tuple: made once or twice per entry, and much cheaper than a frozen dataclass.
    """

    year: int
    month: int | None = None


def arxiv_year(paper: str) -> Year | None:
    """The submission year and month of an arXiv id: ``2305.05176`` -> 2023, 5."""
    m = _NEW_ARXIV.match(paper) or _OLD_ARXIV.match(paper)
    if m is None:
        return None
    yy, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        return None
    return Year(2000 + yy if yy < 91 else 1900 + yy, month)


def entry_year(document: Document, entry: Entry, registry: VenueRegistry) -> Year | None:
    """The year of an entry's venue token (not one in its subtitle), else the year it
    states after its title (``Title, Asian Conference on Machine Learning 2021.``), else
    the year of its arXiv id."""
    return (
        entry_venue_year(document, entry, registry)
        or entry_stated_year(document, entry)
        or entry_arxiv_year(entry)
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
            start = links[0].end
            end = links[1].start if len(links) > 1 else entry.content[1]
    _, comma, last = document.text[start:end].rpartition(",")
    if not comma:
        return None
    years = set(_STATED_YEAR.findall(last))
    return Year(int(years.pop())) if len(years) == 1 else None


def entry_venue_year(document: Document, entry: Entry, registry: VenueRegistry) -> Year | None:
    """The year of an entry's first known venue token with a year, outside its subtitle."""
    for found in entry_tokens(document, entry, registry):
        token = found.token
        if found.where != "subtitle" and token.known and token.year is not None:
            return Year(token.year, token.month)
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


def title_text(document: Document, entry: Entry) -> str:
    """The entry's title as written: its leading link's text when nothing but
    tags such as ``[OSDI'22]`` comes before it, else its content."""
    if entry.link is not None and (
        entry.prefix is None or not _TAGS.sub("", document.span_text(entry.prefix)).strip()
    ):
        return document.span_text(entry.link.text)
    return _TAGS.sub("", document.span_text(entry.content), count=1)


def _fold(title: str) -> str:
    if title.isascii():
        return title.lower()  # ASCII has no accents, and casefold() is lower() there
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _folded(title: str) -> str:
    folded = _fold(title).strip()
    if folded[:1].isalnum():
        return folded  # the common case: nothing to strip
    return _LEADING_PUNCTUATION.sub("", folded)


def _without_article(folded: str) -> str:
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article) :]
    return folded


def _word_key(word: str) -> tuple[int, int, str]:
    return (0, int(word), "") if word.isdigit() else (1, 0, word)


def title_key(title: str, *, articles: bool = False) -> TitleKey | None:
    """Case-folded words of a title (accents dropped), numbers by value; a
    leading article is ignored unless ``articles``."""
    folded = _folded(title)
    words = _WORD.findall(folded if articles else _without_article(folded))
    if not words:
        return None
    return tuple(_word_key(w) for w in words)


FirstWord = tuple[int, int, str]


def first_word_keys(title: str) -> tuple[FirstWord | None, FirstWord | None]:
    """The first word of :func:`title_key` without and with ``articles`` (what the
    "initial" orders look at), computed together."""
    folded = _folded(title)
    plain = _WORD.search(_without_article(folded))
    with_article = _WORD.search(folded)
    return (
        None if plain is None else _word_key(plain.group()),
        None if with_article is None else _word_key(with_article.group()),
    )


def keep_order(ranks: Sequence[Any]) -> set[int]:
    """Indexes of a longest run of keyed items already in order (ties allowed).

    The items not in it are the fewest that must move; items without a rank
    (None) are never part of the problem. Ranks of one list compare with ``<``.
    O(n log n): patience sorting, with ``bisect`` over the tails' ranks.
    """
    keyed = [i for i, r in enumerate(ranks) if r is not None]
    tails: list[int] = []  # index into keyed of the smallest tail of each length
    tail_ranks: list[Any] = []  # their ranks, non-decreasing
    prev: list[int] = [-1] * len(keyed)
    for k, i in enumerate(keyed):
        rank = ranks[i]
        lo = bisect_right(tail_ranks, rank)  # first tail strictly greater than rank
        if lo > 0:
            prev[k] = tails[lo - 1]
        if lo == len(tails):
            tails.append(k)
            tail_ranks.append(rank)
        else:
            tails[lo] = k
            tail_ranks[lo] = rank
    out: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        out.add(keyed[k])
        k = prev[k]
    return out


def stable_order(ranks: Sequence[Any]) -> list[int]:
    """The new order of items: keyed items stably sorted, each unkeyed item moving
    with the keyed item before it (a note or a sub-entry without a year goes where
    its neighbour goes); unkeyed items before the first keyed one stay first."""
    head: list[int] = []
    units: list[tuple[Any, list[int]]] = []
    for i, rank in enumerate(ranks):
        if rank is not None:
            units.append((rank, [i]))
        elif units:
            units[-1][1].append(i)
        else:
            head.append(i)
    units.sort(key=lambda unit: unit[0])  # stable
    return head + [i for _, members in units for i in members]


def first_after(sorted_ranks: Sequence[Any], rank: Any) -> int:
    """Position of the first rank in ``sorted_ranks`` strictly after ``rank``."""
    return bisect_right(sorted_ranks, rank)


__all__ = [
    "Year",
    "arxiv_year",
    "entry_arxiv_year",
    "entry_year",
    "first_after",
    "keep_order",
    "stable_order",
    "title_key",
    "title_text",
]
