"""Sort keys of entries and the order arithmetic of unsorted-entries (AL301).

An entry's year is ``domain.years.entry_year``.
Its title key is case-folded, ignores leading articles and punctuation, and
compares numbers by value (``GPT-2`` before ``GPT-10``).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry

TitleKey = tuple[tuple[int, int, str], ...]

_ARTICLES = ("the ", "a ", "an ")
# Leading tags: `[OSDI'22]`, and a venue given as a bracketed link label
# (`[[CVPR](url)]`), after any marks such as an emoji; never a link's own text.
_TAGS = lazy_compile(r"^(?:[^\w\[\]()]*\[(?:[^\[\]]*|\[[^\[\]]*\]\([^()\s]*\))\](?!\())+")
_WORD = lazy_compile(r"\d+|[^\W\d_]+")
_LEADING_PUNCTUATION = lazy_compile(r"^[\W_]+")


def title_text(document: Document, entry: Entry) -> str:
    """The entry's title as written: its leading link's text when nothing but
    tags such as ``[OSDI'22]`` comes before it, else its content."""
    if entry.link is not None and (
        entry.prefix is None or not _TAGS.sub("", document.span_text(entry.prefix)).strip()
    ):
        return document.span_text(entry.link.text)
    content = document.span_text(entry.content)
    rest = _TAGS.sub("", content, count=1)
    return rest if rest.strip() else content


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
    return (0, int(word), "") if word.isdecimal() else (1, 0, word)


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
    "initial" orders look at), computed together.

    Leading punctuation needs no stripping here: the first word is where it ends.
    """
    folded = _fold(title).strip()
    first = _WORD.search(folded)
    if first is None:
        return None, None
    word = first.group()
    with_article = _word_key(word)
    # an article followed by a space and more text (the folded title is stripped)
    if word in ("the", "a", "an") and folded.startswith(" ", first.end()):
        plain = _WORD.search(folded, first.end() + 1)
        return (None if plain is None else _word_key(plain.group())), with_article
    return with_article, with_article


def keep_order(ranks: Sequence[Any]) -> set[int]:
    """Indexes of a longest run of keyed items already in order (ties allowed).

    The items not in it are the fewest that must move; items without a rank
    (None) are never part of the problem. Ranks of one list compare with ``<``.
    O(n log n): patience sorting, with ``bisect`` over the tails' ranks.
    """
    keyed = [i for i, r in enumerate(ranks) if r is not None]
    values = [ranks[i] for i in keyed]
    if values == sorted(values):
        return set(keyed)  # all in order already (most lists): the one longest run
    tails: list[int] = []  # index into keyed of the smallest tail of each length
    tail_ranks: list[Any] = []  # their ranks, non-decreasing
    prev: list[int] = [-1] * len(keyed)
    for k, rank in enumerate(values):
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


def in_order_bound(ranks: Sequence[Any]) -> int:
    """An upper bound on ``len(keep_order(ranks))`` in one cheap pass.

    Of two neighbouring keyed items out of order, at least one must move; each
    such pair that shares no item with another takes one off the keyed count.
    """
    bound = 0
    prev: Any = None  # the last keyed rank, unless it is already in a counted pair
    for rank in ranks:
        if rank is None:
            continue
        bound += 1
        if prev is not None and rank < prev:
            bound -= 1
            prev = None
        else:
            prev = rank
    return bound


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
    "first_after",
    "first_word_keys",
    "in_order_bound",
    "keep_order",
    "stable_order",
    "title_key",
    "title_text",
]
