from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.stated import (
    PREPRINT,
    VENUE,
    StatedYear,
    note_items,
    venue_years,
    venue_years_with_notes,
)
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import (
    nested,
    paper_links,
    same_paper_title,
    same_rest,
    title_key,
    title_name,
    unlinked_title,
)
from awesome_lint.parser.document import Document, Entry, Span
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for
from awesome_lint.venues.registry import VenueRegistry

MIN_TITLE = 12  # characters of the folded title, as for duplicate-title (AL403)
# A link shared by this many different papers is a generic page (a proceedings index, a
# lab's homepage): it stops making copies one paper. Bounds the title comparisons per entry.
MAX_PAPERS_PER_LINK = 8
# Distinct statements kept per paper to compare later copies with (bounds the work per copy).
MAX_STATEMENTS = 16
# A preprint under another link is a stale copy of a published paper when the titles
# share their name before the colon and one's words (at least this many) are all in
# the other's (see ``_renamed_preprints``).
_SUBSET_WORDS = 6
_NAME_CHARS = 40  # a name before a colon is a few words
# A "title" of a few words with a year is a venue label (``[[CVPR2019 Oral]](url)``,
# ``[[arXiv 2 Apr 2019]](url)``) that the entry's link carries, not a paper's title.
_LABEL_WORDS = 4
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Entries without links are compared by their titles where they are one in this many of
# the file's entries at least (a shape of the list, not a slip).
_UNLINKED_SHARE = 3


# Titles compared only among this few copies of a link (more: a shared page, not a paper).
MAX_COPIES_FOR_TITLES = 4
_DIGITS = lazy_compile(r"\d+")
NEAR_TITLE = 0.9  # similarity of folded titles that makes one a slip of the other


def _near_title(a: str, b: str) -> bool:
    """Whether two different folded titles are one title with a slip: nearly the same
    (difflib ratio), neither the other with a name put before it (``flexgen high
    throughput ...`` is ``high throughput ...``, written another way) or words left off
    its end (a title cut short), and not the same
    words with other numbers (another version of a model)."""
    if len(a) < MIN_TITLE or len(b) < MIN_TITLE:
        return False
    if a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a):
        return False  # a name put before it, or words left off the end
    if _DIGITS.sub("", a) == _DIGITS.sub("", b):
        return False  # other numbers: another version (``Baichuan-7B``, ``Baichuan2-7B``)
    from difflib import SequenceMatcher  # on first need: most runs never get here

    return SequenceMatcher(None, a, b).ratio() >= NEAR_TITLE


def _same_head(a: str, b: str) -> bool:
    """Whether two titles read from text before a link agree up to their first comma
    (`TicToc: Time Traveling ..., SIGMOD 2016` and `TicToc: Time Traveling ..., Andy
    Pavlo, SIGMOD 2016`): an author or a venue after the title differs, not the title."""
    if "," not in a or "," not in b:
        return False
    head = title_key(a.partition(",")[0])
    return len(head) >= MIN_TITLE and head == title_key(b.partition(",")[0])


# A coined name, one word with a capital inside (`FlexLLM`, `WaferLLM`, `KunServe`):
# two titles under it in one section, a preprint and a published paper, are one system's
# paper renamed on publication (`WaferLLM: A Wafer-Scale LLM Inference System` on arXiv,
# `WaferLLM: Large Language Model Inference at Wafer Scale` at OSDI).
_COINED = lazy_compile(r"[ \t]*[A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9-]*[ \t]*:")


def _head(title: str) -> str:
    """A title's part before its colon, as written (`SmoothQuant+` is not `SmoothQuant`)."""
    return title.partition(":")[0].strip()


def _coined(title: str) -> bool:
    found = _COINED.match(title)
    return found is not None and found.end() - found.start() >= 6


def _short(title: str) -> str:
    title = " ".join(title.split())
    return repr(title if len(title) <= 60 else title[:59] + "…")


def _is_label(title: str) -> bool:
    # A year needs "19" or "20", which most titles lack: looking costs far less than
    # splitting the title into words (15,000 titles: 15 ms to 2 ms).
    if "20" not in title and "19" not in title:
        return False
    return len(title.split(None, _LABEL_WORDS)) <= _LABEL_WORDS and _YEAR.search(title) is not None


# "Findings" in or just before a venue token (``EMNLP Findings 2023``, ``Findings of
# EMNLP 2023``, ``ACL 2024 Findings``): the Findings volume, not the main conference.
_FINDINGS_BEFORE = 12  # characters before the token looked at ("Findings of ")


def _findings(text: str, entry: Entry, said: StatedYear) -> bool:
    start = max(entry.content[0], said.span[0] - _FINDINGS_BEFORE)
    return "findings" in text[start : said.span[1]].casefold()


class _Copy:
    """One listing of a paper: its entry and the venues and preprint years it states
    (each published one with whether it is a Findings volume)."""

    __slots__ = ("entry", "findings", "preprints", "published", "signature")

    def __init__(self, text: str, entry: Entry, years: list[StatedYear]) -> None:
        self.entry = entry
        self.published = [y for y in years if y.kind == VENUE and y.venue is not None]
        self.findings = [_findings(text, entry, y) for y in self.published]
        self.preprints = [y for y in years if y.kind == PREPRINT]
        self.signature = (
            frozenset(
                (y.venue.canonical, y.year, f)
                for y, f in zip(self.published, self.findings, strict=True)
                if y.venue
            ),
            frozenset(y.year for y in self.preprints),
        )


class _Paper:
    __slots__ = ("agreed", "copies", "count", "preprint_only", "published", "signatures", "title")

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.count = 0  # entries listing it
        self.agreed: dict[str, bool] = {}  # an entry's text -> it disagreed with no copy
        self.copies: list[_Copy] = []
        self.signatures: set[object] = set()
        self.published: _Copy | None = None  # the first copy naming a published venue
        self.preprint_only: list[_Copy] = []  # copies naming only a preprint


def _conflict(a: _Copy, b: _Copy) -> tuple[StatedYear, StatedYear] | None:
    """The first pair of statements on which two copies of one paper disagree (a's,
    b's), or None. See the rule's documentation for what disagrees."""
    if a.published and b.published:
        names_a = {y.venue.canonical for y in a.published if y.venue}
        names_b = {y.venue.canonical for y in b.published if y.venue}
        common = names_a & names_b
        if common:
            for name in sorted(common):
                in_a = [y for y in a.published if y.venue and y.venue.canonical == name]
                in_b = [y for y in b.published if y.venue and y.venue.canonical == name]
                if not {y.year for y in in_a} & {y.year for y in in_b}:
                    return in_a[0], in_b[0]
                pair = _volumes_differ(a, b, name)
                if pair is not None:
                    return pair
        else:
            for said_a in a.published:
                for said_b in b.published:
                    if said_a.venue and said_b.venue and said_a.venue.kind == said_b.venue.kind:
                        return said_a, said_b
    if (
        a.preprints
        and b.preprints
        and not {y.year for y in a.preprints} & {y.year for y in b.preprints}
    ):
        return a.preprints[0], b.preprints[0]
    return None


def _volumes_differ(a: _Copy, b: _Copy, name: str) -> tuple[StatedYear, StatedYear] | None:
    """The statements of one venue and year that one copy gives as the Findings volume
    and the other as the main conference (``EMNLP Findings 2023``, ``EMNLP 2023``)."""
    for said_a, findings_a in zip(a.published, a.findings, strict=True):
        if said_a.venue is None or said_a.venue.canonical != name:
            continue
        for said_b, findings_b in zip(b.published, b.findings, strict=True):
            if said_b.venue is None or said_b.venue.canonical != name:
                continue
            if said_a.year == said_b.year and findings_a != findings_b:
                return said_a, said_b
    return None


def _described(document: Document, entry: Entry) -> bool:
    """Whether the entry's text after its link is a description after a dash
    (`[PostCSS](u) - Transforming styles ...`), not the rest of a paper's title."""
    sep = entry.title_separator
    return sep is not None and ":" not in document.span_text(sep)


def _stale_pair(
    document: Document, registry: VenueRegistry, entry: Entry, other: Entry
) -> tuple[StatedYear, StatedYear] | None:
    """The entry's preprint statement and the other's published one when the entry
    states only a preprint and the other a published venue of that year or later."""
    mine = venue_years(document, entry, registry)
    theirs = venue_years(document, other, registry)
    if not mine or any(y.kind != PREPRINT for y in mine):
        return None
    published = [y for y in theirs if y.kind == VENUE and y.venue is not None]
    if not published or published[0].year < mine[0].year:
        return None
    return mine[0], published[0]


class ConflictingCopies(Rule):
    """
    ## What it does

    Finds a paper listed twice anywhere in the file (in any sections) whose copies
    disagree on its venue or year. Two entries are the same paper when their paper
    links are equal after URL normalisation and their titles may name one paper (a
    proceedings page shared by several papers is not one paper), or when their titles
    are equal with case, punctuation and quotes folded (`’` and `'` alike, while a
    plus sign counts: `SAME++` is not `SAME`; titles of
    fewer than 12 characters are ignored, and so is a link label of a few words with
    a year, such as `[[CVPR2019 Oral]](url)`, which names a venue, not a paper).

    Copies disagree when:

    - both name a conference or journal, none the same, and two of the names are
      of one kind (`NeurIPS'23` and `ICML'23`; two journals);
    - both name one venue with different years (`OSDI'22` and `OSDI'23`);
    - both state an arXiv year and the years differ (`arXiv'23` and `arXiv'24`);
    - both name one venue and year, one as its Findings volume and the other as the
      main conference (`EMNLP Findings 2023` and `EMNLP 2023`; `Findings of EMNLP
      2023` and `EMNLP Findings 2023` agree).

    A copy that states no venue or year disagrees with nothing. A copy that gives
    only the preprint (`arXiv'23`) of a paper another copy lists as published
    (`NeurIPS'23`, or `NeurIPS'24`) is stale: it is reported (on the preprint, with
    the published copy as related location), the one paper at two stages in one
    list. A workshop paper and its conference version are normal, and so is a
    conference paper and its journal extension (`CVPR'21` beside `TPAMI'23`).
    Years from arXiv links are not compared (two links differ: see
    duplicate-title). A nested item that repeats its parent is no second copy.

    A preprint copy under another link and a title cut short or renamed is stale
    too when the list also gives the paper as published: both titles start with
    one name before a colon and the words of one (at least 6) are all in the
    other (`[arxiv'25] [Plexus: ... 3D Parallel GNN Training]` beside `[SC'25]
    [Plexus: ... 3D Parallel Full-graph GNN Training]`), and the preprint's year
    is not after the venue's. So is a preprint copy in the same section under a
    coined name, one word with a capital inside, whatever the rest of its title
    (`[arxiv'25] [WaferLLM: A Wafer-Scale LLM Inference System]` beside `[OSDI'25]
    [WaferLLM: Large Language Model Inference at Wafer Scale]`: renamed on
    publication). Two published copies under such titles are left
    alone: a generic name (`Model Adaptation: ...`) may head two papers.

    Copies also disagree when they link one paper under two titles that are nearly
    the same but not quite (`Visually-Grounded` and `Visual-Grounded`; nine tenths
    alike after folding): one of them has a slip. Titles that are the same words with
    other numbers (`Baichuan-7B`, `Baichuan2-7B`: two versions) or one of which puts a
    name before the other (`FlexGen: High-Throughput ...`) or leaves words off its end
    are not compared, nor are titles read from the text before a link that agree up
    to their first comma (`TicToc: ..., SIGMOD 2016` and `TicToc: ..., Andy Pavlo,
    SIGMOD 2016`: an author added, not a title changed), nor titles that put two
    names before one rest (`MP-G: Removing input features ...` and `LIME-G:
    Removing input features ...`: one paper filed under each method it
    describes), nor are
    links listed more than four times, nor table rows.

    In a list that writes a third of its entries or more without any link
    (`Title. Authors. ICML 2020`, `* Title (VLDB 2024)`), those entries are
    copies by their titles too, read from the text: the first sentence, or the
    text before a venue in parentheses or after a comma (five words and thirty
    characters at least; a part that reads as authors is no title, and a
    nested note under a linked paper is the paper's, no copy).

    The later copy is reported, with the first as related location. Copies are grouped
    by link and by title, so the cost grows with the number of entries, not its
    square; a link shared by eight different papers is a generic page (a proceedings
    index) and stops making copies one paper.

    ## Why

    When a paper is listed in two sections (cross-listed on purpose, usually), the
    copies drift: one is updated to the published venue, the other keeps a
    mistyped year or the wrong conference. Readers cannot tell which one is right.

    ## Example

    ```markdown
    ## Serving

    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'22

    ## Scheduling

    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'21
    ```

    reports on the second copy: `This copy (line 7) says OSDI'21; the copy on line 3
    says OSDI'22`.

    ## Fix safety

    No fix: which copy is right is a human's call.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL404"
    name = "conflicting-copies"
    summary = "The same paper is listed twice with a different venue or year"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        papers: list[_Paper] = []
        listed: list[tuple[Entry, int]] = []  # each entry with a paper link, and its paper
        by_url: dict[str, list[int]] = {}
        by_title: dict[str, int] = {}
        # per paper link: its copies' entries, title spans and titles (for ``_titles``)
        titled: dict[str, list[tuple[Entry, Span, str]]] = {}
        for entry, link, title, url_key in paper_links(document):
            if not title:
                key = ""
            else:
                key = title_key(title)
                if len(key) < MIN_TITLE or _is_label(title):
                    key = ""
                if entry.kind != "row" and link.text[0] < link.text[1]:
                    copies = titled.get(url_key)  # (not setdefault: no list made per entry)
                    if copies is None:
                        copies = titled[url_key] = []
                    copies.append((entry, link.text, title))
            index = by_title.get(key) if key else None
            urls = by_url.get(url_key)
            if urls is None:
                urls = by_url[url_key] = []
            generic = len(urls) >= MAX_PAPERS_PER_LINK
            if index is None and not generic:
                for candidate in urls:
                    other = papers[candidate].title
                    if title is None or other is None or same_paper_title(title, other):
                        index = candidate
                        break
            if index is None:
                index = len(papers)
                papers.append(_Paper(title))
            if not generic and index not in urls:
                urls.append(index)
            if key:
                by_title.setdefault(key, index)
            papers[index].count += 1
            listed.append((entry, index))
        # Entries with no link at all (`Title. Authors. ICML 2020`, `* Title (VLDB 2024)`),
        # in a file that writes a third of its entries so at least: the same paper by its
        # title alone, read from the text (elsewhere an entry without a link is a slip
        # or a note, which entry-shape reports)
        text = document.text
        entries = 0
        unlinked = []
        for entry in document.entries():
            entries += 1
            if entry.links or entry.more_links or entry.children or entry.toc:
                continue
            if entry.kind == "row" or entry.content[0] >= entry.content[1]:
                continue
            parent = entry.parent
            if parent is not None and (parent.links or parent.more_links):
                continue  # "  - Jun Li, Peng Lei, ..., _CVPR 2021_.": a note of the paper above
            unlinked.append(entry)
        if unlinked and len(unlinked) * _UNLINKED_SHARE >= entries:
            for entry in unlinked:
                title = unlinked_title(text[entry.content[0] : entry.content[1]])
                if title is None:
                    continue
                key = title_key(title)
                index = by_title.get(key)
                if index is None:
                    index = by_title[key] = len(papers)
                    papers.append(_Paper(title))
                papers[index].count += 1
                listed.append((entry, index))
            listed.sort(key=lambda pair: pair[0].content[0])  # (document order, as before)
        # Only papers listed more than once need their entries' venues read, and a copy
        # written exactly as an earlier one that disagreed with nothing needs nothing.
        lines = document.source.lines
        for entry, index in listed:
            paper = papers[index]
            if paper.count < 2:
                continue
            # (up to the end of its paragraph: a block's venue is on a later line)
            start, end = entry.content
            last = lines[entry.para_end if entry.para_end > entry.line else entry.line].end
            notes = note_items(entry) if entry.children else None
            if notes:  # "  - Authors, _TPAMI 2021_.": the venue's line
                last = max(last, lines[notes[-1].end_line].end)
            if last > end:
                end = last
            written = text[start:end]
            if paper.agreed.get(written):
                continue
            said = (
                venue_years_with_notes(document, entry, registry)
                if notes
                else venue_years(document, entry, registry)
            )
            copy = _Copy(text, entry, said)
            if not copy.published and not copy.preprints:
                paper.agreed[written] = True
                continue
            pair = self._first_conflict(paper, copy)
            paper.agreed[written] = pair is None
            if pair is not None:
                yield self._report(document, pair[0], copy, pair[1], pair[2])
            if copy.signature not in paper.signatures and len(paper.copies) < MAX_STATEMENTS:
                paper.signatures.add(copy.signature)
                paper.copies.append(copy)
            if copy.published:
                paper.published = paper.published or copy
            elif copy.preprints and len(paper.preprint_only) < MAX_STATEMENTS:
                paper.preprint_only.append(copy)
        for paper in papers:
            yield from self._stale(paper)
        yield from self._titles(document, titled)
        yield from self._renamed_preprints(document, registry)

    def _renamed_preprints(
        self, document: Document, registry: VenueRegistry
    ) -> Iterator[Diagnostic]:
        """A preprint copy under another link and a shorter title of a paper the list
        also gives as published (``[arxiv'25] [Plexus: ... 3D Parallel GNN Training]``
        beside ``[SC'25] [Plexus: ... 3D Parallel Full-graph GNN Training]``): one
        name before the colon, the words of one title all in the other (at least
        _SUBSET_WORDS), the preprint's year not after the venue's. Only the stale
        preprint is reported: two published venues under one generic name
        (``Model Adaptation: ...``) may be two papers."""
        by_name: dict[str, list[tuple[Entry, str, str]]] = {}
        names: dict[str, str | None] = {}  # the part before the colon -> its name
        for entry, _link, title, url_key in paper_links(document):
            if title is None:
                continue
            # the first colon within the name's length (no copy of the title's rest made)
            colon = title.find(":", 0, _NAME_CHARS + 1)
            if colon < 0:
                continue
            head = title[:colon]
            name = names.get(head, "")
            if name == "":
                name = names[head] = title_name(title)
            if name is None:
                continue
            same = by_name.get(name)
            if same is None:
                same = by_name[name] = []
            if len(same) < MAX_PAPERS_PER_LINK:
                same.append((entry, title, url_key))
        for named in by_name.values():
            if len(named) < 2:
                continue  # (most names: one paper)
            # one copy per title: copies under one title are compared above
            keys = {title_key(t): (e, k) for e, t, k in reversed(named)}
            if len(keys) < 2:
                continue
            copies = [(e, frozenset(key.split()), k) for key, (e, k) in keys.items()]
            titles = {id(e): t for e, t, _k in named}
            for i, (entry, words, url_key) in enumerate(copies):
                for other, other_words, other_key in copies[:i] + copies[i + 1 :]:
                    if url_key == other_key or nested(entry, other):
                        continue  # one link: the copies are compared above
                    if words == other_words:
                        continue  # (one title: the copies are compared above)
                    if (
                        len(min(words, other_words, key=len)) < _SUBSET_WORDS
                        or not (words <= other_words or other_words <= words)
                    ) and not (
                        entry.section is other.section
                        and _coined(named[0][1])
                        and _head(titles[id(entry)]) == _head(titles[id(other)])
                    ):
                        continue
                    pair = _stale_pair(document, registry, entry, other)
                    if pair is not None:
                        yield self._stale_report(entry, pair[0], other, pair[1])
                        break

    def _stale(self, paper: _Paper) -> Iterator[Diagnostic]:
        """Copies that still give only the preprint of a paper that another copy lists
        as published (``Arxiv 2023`` beside ``ACL 2024``): reported on the preprint."""
        published = paper.published
        if published is None:
            return
        said = published.published[0]
        for copy in paper.preprint_only:
            if nested(copy.entry, published.entry):
                continue
            yield self._stale_report(copy.entry, copy.preprints[0], published.entry, said)

    def _stale_report(
        self, entry: Entry, old: StatedYear, published: Entry, said: StatedYear
    ) -> Diagnostic:
        """A copy that still gives the preprint ``old`` of a paper that the copy in
        ``published`` gives as published (``said``)."""
        return self.report(
            f"This copy (line {entry.line + 1}) still says {old.text}; the copy on "
            f"line {published.line + 1} says {said.text}",
            old.span[0],
            old.span[1],
            related=(Related(said.span[0], said.span[1], "Published copy"),),
        )

    def _titles(
        self, document: Document, copies: dict[str, list[tuple[Entry, Span, str]]]
    ) -> Iterator[Diagnostic]:
        """Copies of one paper (one paper link) whose titles are nearly the same but not
        quite: one of them has a slip (``Visually-Grounded``/``Visual-Grounded``)."""
        for found in copies.values():
            if not 2 <= len(found) <= MAX_COPIES_FOR_TITLES:
                continue
            first_entry, first_span, first_title = found[0]
            first_key = title_key(first_title)
            for entry, span, title in found[1:]:
                key = title_key(title)
                if key == first_key or not _near_title(first_key, key):
                    continue
                if _same_head(title, first_title):
                    continue  # `Title, SIGMOD 2016` and `Title, Andy Pavlo, SIGMOD 2016`
                if same_rest(title, first_title):
                    continue  # `MP-G: Removing ...` and `LIME-G: Removing ...`: two methods
                if (
                    _described(document, entry)
                    and _described(document, first_entry)
                    and title_key(document.span_text(span))
                    == title_key(document.span_text(first_span))
                ):
                    continue  # `[PostCSS](u) - ...` twice: one tool, described twice
                yield self.report(
                    f"This copy (line {entry.line + 1}) is titled {_short(title)}; the copy "
                    f"on line {first_entry.line + 1} is titled {_short(first_title)}",
                    span[0],
                    span[1],
                    related=(Related(first_span[0], first_span[1], "First copy"),),
                )

    @staticmethod
    def _first_conflict(paper: _Paper, copy: _Copy) -> tuple[_Copy, StatedYear, StatedYear] | None:
        """The earlier copy this one disagrees with: the first copy that states
        something, else (for a statement no earlier copy made) any earlier copy.

        Earlier copies are kept once per distinct statement, so this is cheap.
        """
        for i, earlier in enumerate(paper.copies):
            if i > 0 and copy.signature in paper.signatures:
                return None  # says what an earlier copy said: judged with that one
            if nested(earlier.entry, copy.entry):
                continue
            pair = _conflict(earlier, copy)
            if pair is not None:
                return earlier, pair[0], pair[1]
        return None

    def _report(
        self,
        document: Document,
        first: _Copy,
        later: _Copy,
        said_first: StatedYear,
        said_later: StatedYear,
    ) -> Diagnostic:
        line_first = first.entry.line + 1
        line_later = later.entry.line + 1
        return self.report(
            f"This copy (line {line_later}) says {said_later.text}; "
            f"the copy on line {line_first} says {said_first.text}",
            said_later.span[0],
            said_later.span[1],
            related=(Related(said_first.span[0], said_first.span[1], "First copy"),),
        )
