from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any, ClassVar, Final

from awesome_lint.diagnostics import Diagnostic, Fix
from awesome_lint.domain.buckets import buckets
from awesome_lint.domain.venues import document_tokens
from awesome_lint.domain.years import (
    entry_arxiv_year,
    entry_date,
    venue_year_of,
    written_year,
)
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, OptionError, Rule
from awesome_lint.rules.ordering import (
    FirstWord,
    first_after,
    first_word_keys,
    in_order_bound,
    keep_order,
    stable_order,
    title_key,
    title_text,
)
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for
from awesome_lint.venues.registry import VenueRegistry

ORDERS = ("auto", "year-desc", "year-asc", "alphabetical", "none")
_LABELS = {
    "year-desc": "newest-first",
    "year-asc": "oldest-first",
    "arxiv-desc": "newest-first (by arXiv id)",
    "arxiv-asc": "oldest-first (by arXiv id)",
    "date-desc": "newest-first (by date)",
    "date-asc": "oldest-first (by date)",
    "alphabetical": "alphabetical",
    "initial": "alphabetical",
    "initial-articles": "alphabetical",
}
# auto also tries the order of arXiv ids (year and month): many paper lists
# add papers as they appear on arXiv, before their venue is known.
# Alphabetical order is judged by initials only (with and without a leading
# article): lists disagree on spaces, punctuation and digits, people do not on
# "Sendmail" before "Ruby".
AUTO_CANDIDATES = (
    "year-desc",
    "year-asc",
    "arxiv-desc",
    "arxiv-asc",
    "initial",
    "initial-articles",
)
_OPPOSITE = {
    "year-desc": "year-asc",
    "year-asc": "year-desc",
    "arxiv-desc": "arxiv-asc",
    "arxiv-asc": "arxiv-desc",
}
# auto: how many entries need a key, and how many must already be in order
AUTO_MIN_KEYED = 8
AUTO_MIN_SHARE = 0.9
AUTO_MIN_EVIDENCE = 2  # entries in order that differ from the most common rank


_MARKUP = lazy_compile(r"\[([^\]]*)\]\([^)]*\)")


def _check_sections(value: Any) -> Any:
    if not isinstance(value, dict):
        raise OptionError('must be a table of heading = order, e.g. { "Surveys" = "alphabetical" }')
    for heading, order in value.items():
        if order not in ORDERS:
            allowed = ", ".join(repr(o) for o in ORDERS)
            raise OptionError(f"{heading!r} = {order!r} is not one of {allowed}")
    return value


class _Plan:
    # A plain class, not a dataclass: creating a dataclass costs about 1 ms at start-up.
    __slots__ = ("kept", "keyed", "order", "ranks")

    def __init__(self, order: str, ranks: list[Any], kept: set[int]) -> None:
        self.order: Final = order
        self.ranks: Final = ranks  # per entry: a key that sorts ascending in this order, or None
        self.kept: Final = kept  # entries already in order
        self.keyed: Final = len(ranks) - ranks.count(None)  # entries with a key


_ALTERNATIVES = {
    "year-desc": "arxiv-desc",
    "year-asc": "arxiv-asc",
    "arxiv-desc": "year-desc",
    "arxiv-asc": "year-asc",
    "initial": "initial-articles",
    "initial-articles": "initial",
}


def _early_preprint(
    plan: _Plan, kept: list[int], stated: list[int | None], arxiv: list[int | None], i: int
) -> bool:
    """In a year order: the entry states a venue year, has no arXiv id, and fits when its
    paper appeared a year earlier, against a neighbour whose year is only its arXiv id's
    (the ICLR 2020 paper among preprints of 2019 in a list kept in the order papers
    appeared: its preprint came out in 2019 too)."""
    year = stated[i]
    if year is None or arxiv[i] is not None:
        return False
    rank = plan.ranks[i]
    earlier = rank - 1 if plan.order == "year-asc" else rank + 1
    at = bisect_left(kept, i)
    before = kept[at - 1] if at > 0 else None
    after = kept[at] if at < len(kept) else None
    low = None if before is None else plan.ranks[before]
    high = None if after is None else plan.ranks[after]
    if (low is not None and earlier < low) or (high is not None and high < earlier):
        return False
    # the neighbour the entry's own year breaks with is dated by its arXiv id alone
    broken = after if high is not None and high < rank else before
    return broken is not None and stated[broken] is None


def _exempt(plan: _Plan, kept: list[int], alt: list[Any], i: int) -> bool:
    """In auto mode: the entry fits between its in-order neighbours under its
    other key (its venue year instead of its arXiv year, or the reverse).

    ``kept`` is ``plan.kept`` sorted; their ranks never decrease, so the
    neighbours' ranks bound every kept rank before and after ``i``."""
    rank = alt[i]
    if rank is None:
        return False
    at = bisect_left(kept, i)
    low = plan.ranks[kept[at - 1]] if at > 0 else None
    high = plan.ranks[kept[at]] if at < len(kept) else None
    return (low is None or not rank < low) and (high is None or not high < rank)


class _Ranks:
    """The ranks of one group's entries under each order, each worked out on first
    use: auto mode tries several orders, and most groups are settled by the years
    their entries state before their arXiv ids or titles are looked at."""

    __slots__ = (
        "_arxiv",
        "_by_order",
        "_dates",
        "_initials",
        "_initials_unordered",
        "_stated",
        "another",
        "document",
        "group",
        "registry",
    )

    def __init__(self, document: Document, group: list[Entry], registry: VenueRegistry) -> None:
        self.document = document
        self.group = group
        self.registry = registry
        self._stated: list[int | None] | None = None
        self._arxiv: list[int | None] | None = None
        self._initials: list[tuple[Any, Any]] | None = None
        self._initials_unordered = False
        self._dates: list[tuple[int, int, int] | None] = []  # the first entries' so far
        self._by_order: dict[str, list[Any]] = {}
        # (whether any entry may refer to the one above: `– Another implementation ...`;
        # looked for once per document)
        another: bool | None = document.cache.get("al301-another")
        if another is None:
            text = document.text
            another = document.cache["al301-another"] = "Another" in text or (
                "An alternative" in text
            )
        self.another = another

    def stated(self) -> list[int | None]:
        """Per entry: the year written in its text (its venue token's, else the one it
        states after its title, else a link label's that is a name and a year, else a
        year in parentheses closing its title link's text or after its bold title, else
        a table row's Year cell), or None."""
        if self._stated is None:
            document = self.document
            tokens = document_tokens(document, self.registry)
            out: list[int | None] = []
            text = document.text
            for entry in self.group:
                if not entry.links and text[entry.indent[0] : entry.marker[0]].strip():
                    # `- - Based on GCAN (ACL 2020), this paper ...`: a note in a list of
                    # its own under the paper above it; the years it cites are not its own
                    out.append(None)
                    continue
                year = venue_year_of(tokens.of(entry)) or written_year(document, entry)
                out.append(None if year is None else year.year)
            self._stated = out
        return self._stated

    def arxiv(self) -> list[int | None]:
        """Per entry: the year of its arXiv id, or None."""
        if self._arxiv is None:
            self._arxiv = [_arxiv_year(entry) for entry in self.group]
        return self._arxiv

    def years(self) -> list[int | None]:
        """Per entry: the year it states, else its arXiv year (read only for those)."""
        arxiv = self._arxiv
        return [
            year if year is not None else (_arxiv_year(entry) if arxiv is None else arxiv[i])
            for i, (year, entry) in enumerate(zip(self.stated(), self.group, strict=True))
        ]

    def date(self, i: int) -> tuple[int, int, int] | None:
        """The day entry ``i``'s link label gives (``[[12 Feb 2020]]``), or None. Entries
        are read in order, up to the last one asked for: most lists give no dates, and
        show it within their first few entries."""
        dates = self._dates
        while len(dates) <= i:
            dates.append(entry_date(self.document, self.group[len(dates)]))
        return dates[i]

    def dates(self) -> list[tuple[int, int, int] | None]:
        """Per entry: the day a link label gives, or None."""
        self.date(len(self.group) - 1)
        return self._dates

    def _initial_ranks(self, entry: Entry, prev: Entry | None) -> tuple[Any, Any]:
        if prev is not None and self.another and _another(self.document, entry, prev):
            return None, None
        plain, with_article = first_word_keys(title_text(self.document, entry))
        return _initial_rank(plain), _initial_rank(with_article)

    def initials(self) -> list[tuple[Any, Any]]:
        """Per entry: its ranks under "initial" and "initial-articles"."""
        if self._initials is None:
            group = self.group
            self._initials = [
                self._initial_ranks(entry, group[i - 1] if i else None)
                for i, entry in enumerate(group)
            ]
        return self._initials

    def initials_unordered(self) -> bool:
        """Whether neither initial order can pass auto mode's bound (``in_order_bound``
        at least 90% of the keyed entries, or all but one): the entries are read in order
        and given up on once both orders slip more often than that allows in a group this
        long. Most lists are in no alphabetical order, and show it within a few entries.
        False once every entry has been read (``initials()`` then holds them)."""
        if self._initials is not None or self._initials_unordered:
            return self._initials_unordered
        # more slips than any keyed count up to the group's length allows
        limit = len(self.group) // 10 + 2
        out = []
        last: list[Any] = [None, None]  # per order, as in ``in_order_bound``
        slips = [0, 0]
        prev = None
        for entry in self.group:
            pair = self._initial_ranks(entry, prev)
            prev = entry
            out.append(pair)
            for which, rank in enumerate(pair):
                if rank is None:
                    continue
                if last[which] is not None and rank < last[which]:
                    slips[which] += 1
                    last[which] = None
                else:
                    last[which] = rank
            if slips[0] >= limit and slips[1] >= limit:
                self._initials_unordered = True
                return True
        self._initials = out
        return False

    def of(self, order: str) -> list[Any]:
        """Each entry's rank under ``order`` (None: no key)."""
        found = self._by_order.get(order)
        if found is None:
            found = self._by_order[order] = self._work_out(order)
        return found

    def _work_out(self, order: str) -> list[Any]:
        if order == "alphabetical":
            document = self.document
            group = self.group
            return [
                None
                if i and self.another and _another(document, e, group[i - 1])
                else title_key(title_text(document, e))
                for i, e in enumerate(group)
            ]
        if order.startswith("initial"):
            which = 1 if order == "initial-articles" else 0
            return [i[which] for i in self.initials()]
        if order == "date-desc":
            return [None if d is None else (-d[0], -d[1], -d[2]) for d in self.dates()]
        if order == "date-asc":
            return list(self.dates())
        if order.endswith("-desc"):
            ascending = self.of(order.removesuffix("desc") + "asc")
            return [None if year is None else -year for year in ascending]
        return self.arxiv() if order.startswith("arxiv") else self.years()


# `[LIFE_SERIAL](url) – Another implementation of Conway's Game of Life`: a description
# that refers to the entry above by its name; the entry is placed by it, not by its own
# name. (`- Another caching library.` alone says only that the category has more.)
_ANOTHER = lazy_compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*)?[-–—:][ \t]*(?:Another|An alternative)\b")


def _finer_place(
    group: list[Entry],
    kept: list[int],
    kept_ranks: list[Any],
    rank: Any,
    i: int,
    j: int,
    finer: Callable[[Entry], Any],
    *,
    descending: bool = False,
) -> int:
    """Where among the kept entries ranked like entry ``i`` (those just before ``j``)
    it goes by a finer key (its whole title: `Moscapsule` before `Mosquitto-PHP`, not
    at the end of the M's; its whole arXiv id: `1904.12428` before `1908.07269`), for
    the message; ``j`` (after all of them) when the finer keys give no place."""
    own = finer(group[i])
    if own is None:
        return j
    k = j
    while k > 0 and kept_ranks[k - 1] == rank:
        k -= 1
    for m in range(k, j):
        other = finer(group[kept[m]])
        if other is not None and (own > other if descending else own < other):
            return m
    return j


# Sections up to this many entries in arXiv order choose which entries of one year to
# blame by their whole ids (quadratic in the entries).
IDS_DP_MAX = 200


def _kept_by_ids(group: list[Entry], plan: _Plan) -> set[int]:
    """As many entries in order by arXiv year as ``plan.kept`` holds, chosen so that the
    most neighbours among them are in the order of their whole ids too: of `2101`,
    `2102`, `2012`, `2009` among 2020 papers, the two 2020 ids are out of place, not the
    two 2021 ones that stand where they belong."""
    ranks = plan.ranks
    descending = plan.order.endswith("-desc")
    keyed = [i for i, r in enumerate(ranks) if r is not None]
    ids = [_first_arxiv_id(group[i]) for i in keyed]
    # best[k]: (entries, neighbours in id order) of the best run ending at keyed[k]
    best: list[tuple[int, int]] = []
    back: list[int] = []
    for k, i in enumerate(keyed):
        top, came = (1, 0), -1
        for m in range(k):
            if ranks[keyed[m]] > ranks[i]:
                continue
            a, b = ids[m], ids[k]
            agree = a is not None and b is not None and (a >= b if descending else a <= b)
            score = (best[m][0] + 1, best[m][1] + agree)
            if score > top:
                top, came = score, m
        best.append(top)
        back.append(came)
    if not best:
        return plan.kept
    k = max(range(len(best)), key=lambda n: best[n])
    if best[k][0] != len(plan.kept):
        return plan.kept  # (never: both are longest runs)
    out: set[int] = set()
    while k >= 0:
        out.add(keyed[k])
        k = back[k]
    return out


def _another(document: Document, entry: Entry, prev: Entry) -> bool:
    link = entry.link
    if link is None or prev.link is None:
        return False
    text = document.text
    found = _ANOTHER.match(text, link.end)
    if found is None:
        return False
    name = text[prev.link.text[0] : prev.link.text[1]].strip().casefold()
    end = text.find("\n", found.end())
    rest = text[found.end() : len(text) if end < 0 else end].casefold()
    return len(name) >= 3 and name in rest


def _arxiv_year(entry: Entry) -> int | None:
    year = entry_arxiv_year(entry)
    return None if year is None else year.year


def _initial_rank(word: FirstWord | None) -> Any:
    """The first word's kind, number and initial letter; None for a non-ASCII
    initial (where "µ" or "λ" sorts is anyone's guess) or no word at all."""
    if word is None:
        return None
    initial = word[2][:1]
    if initial and not initial.isascii():
        return None
    return (word[0], word[1], initial)


def _plan(ranks: _Ranks, order: str) -> _Plan | None:
    if order != "auto":
        of_order = ranks.of(order)
        return _Plan(order, of_order, keep_order(of_order))
    if len(ranks.group) < AUTO_MIN_KEYED:
        return None  # too few entries to show a clear order (the loop below agrees)
    plans: dict[str, _Plan | None] = {}

    def plan(candidate: str) -> _Plan | None:
        """The candidate's plan, or None when too few entries have a key or too few
        are in order (a cheap bound often shows that without the longest run)."""
        if candidate in plans:
            return plans[candidate]
        if candidate.startswith("initial") and ranks.initials_unordered():
            plans[candidate] = None
            return None
        of_order = ranks.of(candidate)
        found: _Plan | None = None
        keyed = len(of_order) - of_order.count(None)
        # one slip is allowed however short the list (8 entries, 7 in order)
        least = min(AUTO_MIN_SHARE * keyed, keyed - 1)
        if keyed >= AUTO_MIN_KEYED and in_order_bound(of_order) >= least:
            # orders often rank alike (titles without articles): reuse their run
            same = [p.kept for p in plans.values() if p is not None and p.ranks == of_order]
            kept = same[0] if same else keep_order(of_order)
            if len(kept) >= least:
                found = _Plan(candidate, of_order, kept)
        if found is not None and candidate.startswith("initial") and _chance_initials(ranks, found):
            found = None
        if (
            found is not None
            and candidate.startswith(("arxiv-", "year-"))
            and _chance_ids(ranks, found)
        ):
            found = None
        plans[candidate] = found
        return found

    best: _Plan | None = None
    for candidate in AUTO_CANDIDATES:
        if best is not None and len(best.kept) == best.keyed:
            break  # every entry in order: no later candidate can fit better
        this = plan(candidate)
        if this is None or not _evidence(this):
            continue  # (nearly) all ties: no order to see
        opposite = _OPPOSITE.get(candidate)
        other = plan(opposite) if opposite is not None else None
        if other is not None and len(other.kept) >= len(this.kept):
            continue  # the other direction fits as well: no clear direction
        if best is None or _fits_better(this, best):
            best = this
    return best


# A short list in initial-letter order shows it by chance when the entries that share
# an initial (most of them) are not in order among themselves: `cget`, `cppan`, `cpm`,
# `conan`, then `fips`, `Ninja`, `vcpkg` is no alphabetical list.
CHANCE_MAX_KEYED = 14
CHANCE_MIN_TIES = 3
CHANCE_TIES_SHARE = 0.5


def _chance_initials(ranks: _Ranks, plan: _Plan) -> bool:
    """Whether a short list's initial-letter order is chance: at least 3 neighbours
    in it share an initial, and fewer than half of those are in order by whole name."""
    if plan.keyed > CHANCE_MAX_KEYED:
        return False
    document = ranks.document
    kept = sorted(plan.kept)
    ties = in_order = 0
    for a, b in pairwise(kept):
        if plan.ranks[a] != plan.ranks[b]:
            continue
        ties += 1
        first = title_key(title_text(document, ranks.group[a]))
        second = title_key(title_text(document, ranks.group[b]))
        if first is not None and second is not None and first <= second:
            in_order += 1
    return ties >= CHANCE_MIN_TIES and in_order < CHANCE_TIES_SHARE * ties


def _chance_ids(ranks: _Ranks, plan: _Plan) -> bool:
    """Whether a short list's order by arXiv year is chance: at least 3 neighbours in it
    share a year, and fewer than 3 in 4 of those are in the order of their arXiv ids
    (`1810`, `1801`, then `2004`, `2007`, `2003`): a list that adds papers as they
    appear follows the ids within a year too."""
    if plan.keyed > CHANCE_MAX_KEYED:
        return False
    kept = sorted(plan.kept)
    if plan.order.startswith("year-"):
        # (a year order read off arXiv ids, the entries stating no year of their own:
        # a list sorted by venue year keeps no order of ids within a year)
        stated = ranks.stated()
        if sum(1 for i in kept if stated[i] is not None) * 5 > len(kept):
            return False
    descending = plan.order.endswith("-desc")
    ties = in_order = 0
    for a, b in pairwise(kept):
        if plan.ranks[a] != plan.ranks[b]:
            continue
        ties += 1
        first, second = _first_arxiv_id(ranks.group[a]), _first_arxiv_id(ranks.group[b])
        if (
            first is not None
            and second is not None
            and (first >= second if descending else first <= second)
        ):
            in_order += 1
    return ties >= CHANCE_MIN_TIES and in_order < CHANCE_IDS_SHARE * ties


# ... a list in the order papers appear keeps their ids in order within a year: 3 in 4
CHANCE_IDS_SHARE = 0.75


def _first_arxiv_id(entry: Entry) -> tuple[int, int] | None:
    """The first arXiv id among an entry's links as numbers (`2004.05150` -> (2004, 5150))."""
    for link in entry.links:
        if link.image:
            continue
        found = arxiv_id(link.url_value)
        if found:
            head, _, tail = found.partition(".")
            if head.isdigit() and tail[:5].isdigit():
                return int(head), int(tail[:5])
    return None


def _fits_better(this: _Plan, best: _Plan) -> bool:
    """Whether ``this`` order fits the list better than ``best``: the larger share of
    entries in order, unless one of them keys fewer than half as many entries as the
    other (24 arXiv ids, all in order, among 85 venue years with one slip): an order
    that few entries show does not outweigh one that nearly all of them follow."""
    if 2 * this.keyed < best.keyed or 2 * best.keyed < this.keyed:
        return this.keyed > best.keyed
    return len(this.kept) / this.keyed > len(best.kept) / best.keyed


# A file's order: the order of at least this many of its clear lists, and this share.
CONVENTION_MIN_LISTS = 3
CONVENTION_MIN_SHARE = 0.8
LENIENT_MIN_KEYED = 4


def _convention(plans: list[_Plan | None]) -> str | None:
    """The order most of the file's clear lists follow (year or arXiv, newest or
    oldest first), or None when they do not agree."""
    orders = Counter(plan.order for plan in plans if plan is not None)
    if not orders:
        return None
    order, count = orders.most_common(1)[0]
    if order.startswith("initial") or count < CONVENTION_MIN_LISTS:
        return None
    return order if count >= CONVENTION_MIN_SHARE * sum(orders.values()) else None


def _lenient_plan(ranks: _Ranks, order: str) -> _Plan | None:
    """A list too short for an order of its own, or with two slips among ten or more
    entries, checked against the file's order: all but one entry (two from ten on) in
    that order, not all ties, and the opposite direction fitting worse."""
    of_order = ranks.of(order)
    keyed = len(of_order) - of_order.count(None)
    least = keyed - (2 if keyed >= 10 else 1)
    # (``in_order_bound`` is at least the longest run: when it is short, so is the run)
    if keyed < LENIENT_MIN_KEYED or in_order_bound(of_order) < least:
        return None
    kept = keep_order(of_order)
    if len(kept) < least:
        return None
    plan = _Plan(order, of_order, kept)
    if not _evidence(plan):
        return None
    opposite = _OPPOSITE.get(order)
    if opposite is not None:
        reverse = ranks.of(opposite)
        if in_order_bound(reverse) >= len(kept) and len(keep_order(reverse)) >= len(kept):
            return None
    return plan


# Dates (a day in a link label) refine a year order where nearly every entry with a year
# has one and entries of one year follow the dates too, but for a few slips.
DATED_MIN_SHARE = 0.9
DATED_MIN_PAIRS = 3  # neighbours of one year in date order
DATED_PAIRS_SHARE = 0.8
DATED_KEPT_SHARE = 0.8


def _refined(ranks: _Ranks, plan: _Plan) -> _Plan | None:
    """The plan by date for a list in year order whose entries carry dates
    (``[[12 Feb 2020]]``) and follow them within each year, with a few slips; else None
    (a list sorted by year only has its entries of one year in any order)."""
    if not plan.order.startswith(("year-", "arxiv-")):
        return None
    undated = 0
    for i, rank in enumerate(plan.ranks):
        if rank is not None and ranks.date(i) is None:
            undated += 1
            if plan.keyed - undated < DATED_MIN_SHARE * plan.keyed:
                return None  # too few entries with a year give a day
    order = "date-desc" if plan.order.endswith("-desc") else "date-asc"
    of_order = ranks.of(order)
    keyed = [r for r in of_order if r is not None]
    kept_pairs = slips = 0
    for a, b in pairwise(keyed):
        if abs(a[0]) == abs(b[0]):  # one year
            if a <= b:
                kept_pairs += 1
            else:
                slips += 1
    if kept_pairs < DATED_MIN_PAIRS or kept_pairs < DATED_PAIRS_SHARE * (kept_pairs + slips):
        return None
    kept = keep_order(of_order)
    if len(kept) < DATED_KEPT_SHARE * len(keyed):
        return None
    return _Plan(order, of_order, kept)


def _ascii_sorted(document: Document, group: list[Entry], ranks: Sequence[Any]) -> bool:
    """Whether the keyed entries' initials are in order as written, capitals before
    small letters (`Batteries`, `Core`, `React`, `ctypes`, `easy-format`): a list sorted
    by a case-sensitive sort, where case-folding sees slips that are none."""
    initials = []
    for entry, rank in zip(group, ranks, strict=True):
        if rank is None:
            continue
        title = title_text(document, entry).lstrip("[(*_`'\" ")
        if not title or not title[0].isascii() or not title[0].isalpha():
            return False
        initials.append(title[0])
    cased = any(c.isupper() for c in initials) and any(c.islower() for c in initials)
    return cased and all(a <= b for a, b in pairwise(initials))


def _one_year_bucket(document: Document, group: list[Entry]) -> bool:
    """Whether the whole group sits in a bucket of one year (`<summary>2023</summary>`,
    `### 2023`): no order by year can show inside it."""
    found = buckets(document)
    if not found.has_years:
        return False
    bucket = found.at(group[0].line)
    return (
        bucket is not None
        and bucket.first is not None
        and bucket.first == bucket.last
        and found.at(group[-1].line) is bucket
    )


def _bold(document: Document, entry: Entry) -> bool:
    return document.text.startswith(("**", "__"), entry.content[0])


def _pinned(document: Document, group: list[Entry]) -> int:
    """How many bold entries open the group while most of it is not bold: featured
    entries pinned at the top, outside the list's order."""
    count = 0
    while count < len(group) and _bold(document, group[count]):
        count += 1
    if count and 2 * sum(_bold(document, e) for e in group) < len(group):
        return count
    return 0


def _evidence(plan: _Plan) -> bool:
    """Whether the entries in order show an order at all: at least two of them differ
    from their most common rank (17 entries of 2023 and one of 2022 show none)."""
    ranks = plan.ranks
    counts = Counter(map(ranks.__getitem__, plan.kept))
    if len(counts) < 2:
        return False
    return len(plan.kept) - counts.most_common(1)[0][1] >= AUTO_MIN_EVIDENCE


def _groups(document: Document, items: list[Entry]) -> Iterator[list[Entry]]:
    """Runs of items of one Markdown list with no HTML block between them.

    A list that is tight in places and has blank lines between some items is
    also split at those blank lines: they set groups apart (surveys after the
    papers, say). A list loose throughout is one group.
    """
    for run in _runs(document, items):
        gaps = [
            item.line - prev.end_line > 1
            or (prev.para_end + 1 < item.line and _blank_inside(document, prev, item))
            for prev, item in pairwise(run)
        ]
        if not any(gaps) or all(gaps):
            yield run
            continue
        group = [run[0]]
        for gap, item in zip(gaps, run[1:], strict=True):
            if gap:
                yield group
                group = []
            group.append(item)
        yield group


def _blank_inside(document: Document, prev: Entry, item: Entry) -> bool:
    """Whether a blank line stands inside an item, between its first paragraph and the
    next item (an intro item, a blank line, then an indented ``---`` that belongs to
    it); the caller tests the blank lines below it (``item.line - prev.end_line > 1``)."""
    text = document.text
    lines = document.source.lines
    return any(
        not text[lines[k].start : lines[k].end].strip() for k in range(prev.para_end + 1, item.line)
    )


def _runs(document: Document, items: list[Entry]) -> Iterator[list[Entry]]:
    group: list[Entry] = []
    html = document.html_lines
    for item in items:
        if group:
            prev = group[-1]
            split = item.list_id != prev.list_id or (
                item.line > prev.end_line + 1
                and any(line in html for line in range(prev.end_line + 1, item.line))
            )
            if split:
                yield group
                group = []
        group.append(item)
    if group:
        yield group


def _label(document: Document, entry: Entry) -> str:
    title = _MARKUP.sub(r"\1", title_text(document, entry)).replace("`", "").replace("**", "")
    title = " ".join(title.split())
    if len(title) > 40:
        title = title[:39] + "…"
    linked = entry.link is not None and title_text(document, entry) == document.span_text(
        entry.link.text
    )
    return f"`[{title}]`" if linked else f"`{title}`"


class UnsortedEntries(Rule):
    """
    ## What it does

    Finds entries out of their list's order. Each entry's sort key is its year
    (from its venue token such as `OSDI'22`, else from a year it states after its
    title, `Title, IEEE T-ITS, 2022.`, else from a link label that is a name and a
    year, known venue or not, `Title [[Neurocomputing 2021]](url)`, else from a tag
    that opens the entry, `[2022 Nature Communications] Title`, else from a year in
    parentheses that closes the text of the link opening the entry, `[Deepseek-V3
    (2025)](url)`, or that follows a bold title opening it, `**Title**(2019),
    Authors et al.`, else from an arXiv id in its links: `2305.05176` is 2023) or its
    title (case-folded, leading "The"/"A"/"An" and punctuation ignored, numbers by
    value). Entries without a key never count.

    With the default `order = "auto"`, a list is checked only when it already
    has a clear order: at least 8 entries with a key and at least 90% of them
    (or all but one) already newest-first or oldest-first (by venue year, or by arXiv id for
    lists that add papers as they appear there), or alphabetical by initial
    letter. Of two such orders the one with the larger share in order wins, unless
    one keys fewer than half as many entries as the other: 24 arXiv ids all in order
    do not outweigh 85 venue years with one slip. Only the few entries that break
    that order are reported, and not one that would fit under its other year (an
    arXiv-2023 paper published at a 2024 venue), nor one that states a venue
    year, links no arXiv id and would fit a year earlier, where the neighbour it
    breaks with is dated by its arXiv id alone (an ICLR 2020 paper among 2019
    preprints in a list kept in the order papers appeared: its preprint came out
    in 2019 too). In arXiv order, of the entries of one year the ones out of
    order by their whole ids are reported (`2012.15409` after `2102.03334`, not
    the 2021 paper that stands where it belongs), and the message places each by
    its id (lists up to 200 entries). When at least
    three of a file's clear lists follow one year
    order and four in five of them agree, that order is the file's: a list too
    short to show an order of its own (4 to 7 entries with a key) is read against
    it with one slip allowed, and a longer one with two slips from ten entries on,
    if its entries are not all ties and the other direction fits worse. A list
    in year order whose entries carry a day as a link label (`Title [[12 Feb
    2020]](url)`, `[[arXiv 28 Jun 2018]]`) or write one year first in their text
    (`2025-05-22, [Paper](url)`; at least 90% of those with a year)
    is read by date instead when its entries follow the dates within each year
    too (at least 3 neighbours of one year in date order, and 80% of them) and
    at least 80% of them are in date order: `12 Feb 2020` above `19 Feb 2020`
    is then a slip. A list sorted by year only, its entries of one year in any
    order, keeps its year keys. Other
    lists without a clear order are left alone. Different
    Markdown lists, runs of a list set apart by blank lines (one inside an
    item counts: an intro item, a blank line and a `---` indented under it, then
    the run), and `<details>`
    year buckets (any HTML block) are never compared with each other, and
    inside a bucket of one year no order by year is read (its entries' years are
    the bucket's; `year-heading`, AL302, reports those of other years). A list
    in alphabetical order as a case-sensitive sort leaves it, capitals first
    (`Core`, `React`, `ctypes`, `easy-format`), has no slip. A list of 14
    entries or fewer in order by initial letter shows it by chance when at least
    3 neighbours in it share an initial and fewer than half of those are in order
    by whole name (`cget`, `cppan`, `cpm`, `conan`, then `fips`, `Ninja`); so does
    one in order by arXiv year whose same-year neighbours (3 or more) are mostly
    not in the order of their ids, fewer than 3 in 4 (`1810`, `1801`, then `2004`,
    `2007`, `2003`): a list that adds papers as they appear follows the ids. A list
    whose entries in order nearly all share one key (17 papers of 2023 and one of
    2022) shows no order. Bold entries at the top of a list that is otherwise not
    bold are featured entries, pinned outside the order. An entry whose
    description refers to the one above it by name (`[LIFE_SERIAL](url) – Another
    implementation of Conway's Game of Life` below `[Conway's Game of Life](url)`;
    `An alternative to ...` too) has no key of its own for an order by name: it is
    placed by that entry and moves with it. Paragraph entries and
    table rows are lists too; a row's year is its Year column's (`| 2017 |
    Title | [paper](arXiv link) |`) where the row states no venue year, before
    the year of an arXiv id.

    ## Why

    A list sorted by year or by name is easy to scan and to extend; one entry
    out of place is usually a paste into the wrong spot.

    ## Example

    ```markdown
    - [Orca](https://example.org/orca): Serving | OSDI'22
    - [Alpa](https://example.org/alpa): Parallelism | OSDI'22
    - [Paper](https://example.org/new): Newer | NSDI'24
    ```

    with `order = "year-desc"` reports the last entry: `Out of newest-first
    order: should come before [Orca] (line 1)`.

    ## Fix safety

    Unsafe: a stable sort of the list that moves whole entries (nested items
    and continuation lines included) and keeps each line's own line ending;
    an entry without a key moves with the entry before it. The fix is offered only for a
    tight, unordered (`-`/`*`/`+`) list whose entries are contiguous lines;
    it never crosses a heading, an HTML block or a list split. The order may
    be a deliberate one (by importance, say) that the rule cannot see.

    ## Options

    - `order`: `"auto"` (default), `"year-desc"`, `"year-asc"`,
      `"alphabetical"` or `"none"`.
    - `sections`: per-heading orders, e.g.
      `sections = { "Surveys" = "alphabetical", "Tools" = "none" }`.
    - `nested`: also check nested sub-lists (default `false`).
    - `extra-venues`, `aliases`: see venue-format (set there, they apply here too).

    A section ordered on purpose can also be wrapped in
    `<!-- awesome-lint-disable AL301 -->` … `<!-- awesome-lint-enable AL301 -->`.
    """

    code = "AL301"
    name = "unsorted-entries"
    summary = "An entry is out of its list's order (by year or title)"
    fix = "unsafe"
    rewrites_urls = True  # moving entries reorders the file's links
    options: ClassVar[Mapping[str, Option]] = {
        "order": Option("auto", "the order lists must follow", choices=ORDERS),
        "sections": Option(
            {}, "per-heading orders: a table of heading = order", validate=_check_sections
        ),
        "nested": Option(False, "also check nested sub-lists"),
        **VENUE_OPTIONS,
    }
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        options = context.options
        default = str(options.get("order", "auto"))
        per_heading: Mapping[str, str] = options.get("sections") or {}
        nested = bool(options.get("nested", False))
        registry = registry_for(options)
        planned: list[tuple[_Ranks, _Plan | None, str]] = []
        for section in document.sections:
            order = per_heading.get(section.title, default)
            if order == "none":
                continue
            for group in self._groups_of(document, section.entries, nested):
                ranks = _Ranks(document, group, registry)
                planned.append((ranks, _plan(ranks, order), order))
        # The file's own order, seen in its clear lists, also holds for its lists too
        # short (or with one slip too many) to show an order of their own.
        convention = _convention([plan for _, plan, order in planned if order == "auto"])
        for ranks, plan, order in planned:
            if plan is None and order == "auto" and convention is not None:
                plan = _lenient_plan(ranks, convention)
            if plan is not None and order == "auto":
                plan = _refined(ranks, plan) or plan
                if plan.order.startswith("year-") and _one_year_bucket(document, ranks.group):
                    plan = None  # its entries' years are the bucket's (year-heading's business)
            yield from self._check_group(document, ranks, plan, order)

    def _groups_of(
        self, document: Document, items: list[Entry], nested: bool
    ) -> Iterator[list[Entry]]:
        for group in _groups(document, items):
            ranked = group[_pinned(document, group) :]
            if len(ranked) >= 2 and sum(e.is_toc for e in ranked) * 2 <= len(ranked):
                yield ranked
            if nested:
                for entry in group:
                    yield from self._groups_of(document, entry.children, nested)

    def _check_group(
        self, document: Document, ranks: _Ranks, plan: _Plan | None, order: str
    ) -> Iterator[Diagnostic]:
        group = ranks.group
        if plan is None or len(plan.kept) == plan.keyed:
            return
        kept_set = plan.kept
        if plan.order.startswith("arxiv") and len(group) <= IDS_DP_MAX:
            kept_set = _kept_by_ids(group, plan)
        kept = sorted(kept_set)
        kept_ranks = [plan.ranks[i] for i in kept]
        label = _LABELS[plan.order]
        alternative = _ALTERNATIVES.get(plan.order) if order == "auto" else None
        alt = ranks.of(alternative) if alternative else None
        out_of_place = [i for i, r in enumerate(plan.ranks) if r is not None and i not in kept_set]
        misplaced = [i for i in out_of_place if alt is None or not _exempt(plan, kept, alt, i)]
        if plan.order.startswith("year-"):
            stated = ranks.stated()
            stating = [year is not None for year in stated]
            if 2 * sum(stating) > len(stating):
                # a year known only from the arXiv id is when the preprint appeared, not
                # when the paper did: among entries that state their year it proves nothing
                misplaced = [i for i in misplaced if stating[i]]
            if order == "auto":
                arxiv = ranks.arxiv()
                misplaced = [
                    i for i in misplaced if not _early_preprint(plan, kept, stated, arxiv, i)
                ]
        if plan.order.startswith("initial") and _ascii_sorted(document, group, plan.ranks):
            return  # "Core", "React", "ctypes": sorted with capitals first, as `sort` does
        if not misplaced:
            return
        # sorting would also move the entries excused above: offer no fix then
        fix = self._fix(document, group, plan.ranks) if misplaced == out_of_place else None
        for i in misplaced:
            entry = group[i]
            rank = plan.ranks[i]
            j = first_after(kept_ranks, rank)
            if plan.order.startswith("initial"):
                j = _finer_place(
                    group,
                    kept,
                    kept_ranks,
                    rank,
                    i,
                    j,
                    lambda e: title_key(title_text(document, e)),
                )
            elif plan.order.startswith("arxiv"):
                j = _finer_place(
                    group,
                    kept,
                    kept_ranks,
                    rank,
                    i,
                    j,
                    _first_arxiv_id,
                    descending=plan.order.endswith("-desc"),
                )
            if j < len(kept):
                other = group[kept[j]]
                where = f"before {_label(document, other)} (line {other.line + 1})"
            else:
                other = group[kept[-1]]
                where = f"after {_label(document, other)} (line {other.line + 1})"
            start, end = entry.content
            yield self.report(f"Out of {label} order: should come {where}", start, end, fix)

    def _fix(self, document: Document, group: list[Entry], ranks: Sequence[Any]) -> Fix | None:
        source = document.source
        first, last = group[0].line, group[-1].end_line
        if any(e.ordered for e in group):
            return None
        for prev, item in pairwise(group):
            if item.line != prev.end_line + 1:
                return None  # a loose list, or something between the entries
        for line in range(first, last + 1):
            if line in document.html_lines or line in document.code_lines:
                return None
            if not source.line_text(line).strip():
                return None
        if not source.lines[last].terminator:
            return None  # the last line would lose its place at the end of the file
        new_order = stable_order(ranks)
        start = source.lines[first].start
        end = source.lines[last].next_start

        def block(entry: Entry) -> str:
            return source.text[
                source.lines[entry.line].start : source.lines[entry.end_line].next_start
            ]

        content = "".join(block(group[i]) for i in new_order)
        if content == source.text[start:end]:
            return None
        return self.replace("Sort the list", start, end, content, unsafe=True)
