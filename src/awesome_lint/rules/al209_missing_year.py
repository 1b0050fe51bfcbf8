from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.buckets import buckets
from awesome_lint.domain.stated import names_venue_or_year
from awesome_lint.domain.venues import Found, document_tokens
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import primary_link
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for
from awesome_lint.venues.registry import VenueRegistry

# The file must write its venues with a year this often (and this many times) before a
# venue without one is a slip.
_WITH_YEAR_SHARE = 0.95
_MINIMUM = 20
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _standalone(found: Found) -> bool:
    """Whether a token stands where the file writes venues, not in running text: a venue
    slot, a bracketed prefix, a link label, or alone in brackets or parentheses."""
    return found.where in ("slot", "prefix", "label") or found.token.wrapper in ("[", "(")


class MissingYear(Rule):
    """
    ## What it does

    Reports a venue the registry knows written without a year (`[[TPAMI]](url)`,
    `... Control (L4DC).`) in a file that writes its venues with a year at least
    19 times in 20 (and at least 20 times). Only venues where the file writes them
    count: a venue slot, a bracketed prefix, a link label, or a name alone in
    brackets or parentheses; a venue named in a description ("won the NeurIPS
    competition") is text, not a venue slot. A venue-like name without a year in
    an entry that writes a known venue with its year is not reported either:
    the dated one is the entry's venue, the other a method's tag that a venue's
    acronym spells too (`**[TCC]** | **Arxiv'24.07** | Title`).

    It also reports a paper entry that names a venue but gives no year at all,
    where the 4 entries before it and the 4 after it in its list all give one
    (`Title, Computational Intelligence and Neuroscience. [[paper](url)]` among
    `Title, IEEE T-ITS, 2022.` entries): a habit the neighbours keep even where
    the whole file does not. A year counts anywhere in the entry's lines
    outside its link targets, `2022` or `'22` after a name; lists where most
    entries carry no venue year (lists of tools) are not read, an entry
    under a year heading or `<summary>` bucket takes its year from it (`### 2018`
    over `Title [ArXiv] [[paper](url)]`), and an entry
    that names neither venue nor year is left to missing-venue (AL205).

    ## Why

    A venue without its year drops the entry out of sorting by year, year
    headings and year buckets, and readers lose the one fact the list promises
    for every paper.

    ## Example

    ```markdown
    - Adversarial Discriminative Domain Adaptation [[CVPR2017]](https://example.org/a)
    - Domain Adaptation via Transfer Component Analysis [[TNN]](https://example.org/b)
    ```

    In a file whose other venue labels all carry a year, the second entry is
    reported: "TNN has no year; the file writes the year with 40 of its 41 venues".

    ## Fix safety

    No fix: the year has to be looked up.

    ## Options

    The venue rules' shared `extra-venues` and `aliases` (see venue-format).
    """

    code = "AL209"
    name = "missing-year"
    summary = "A known venue without a year, in a file that gives venues their year"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        text = document.text
        with_year = 0
        without: list[tuple[str, int, int]] = []  # (name, start, end)
        undated: list[Entry] = []  # entries without a venue token that has a year
        for entry, tokens in document_tokens(document, registry).entries:
            if entry.kind == "row":
                continue  # a table cell naming a dataset or tool is no venue slot
            found: list[Found] = []
            missing: list[tuple[str, int, int]] = []
            year_token = False
            for f in tokens:
                token = f.token
                if token.year is not None:
                    year_token = True
                if token.known and _standalone(f):
                    found.append(f)
                    if token.year is not None:
                        with_year += 1
                    else:
                        missing.append((token.name, *f.span))
            spans: set[tuple[int, int]] | None = None  # the tokens' spans, on first need
            for link in entry.links:  # "[[TPAMI]](url)": a bracketed venue as a link label
                a, b = link.text
                if b - a < 3 or text[a] != "[" or text[b - 1] != "]":
                    continue
                if spans is None:
                    spans = {f.span for f in found}
                if link.text in spans:
                    continue
                label = text[a + 1 : b - 1].strip()
                if registry.lookup(label) is not None:
                    missing.append((label, a, b))
            # a year somewhere in the line: a venue written apart from it; a known venue
            # dated in the line: the entry's venue (`**[TCC]** | **Arxiv'24.07**`, the
            # first a method's tag that a venue's acronym spells too)
            if (
                missing
                and not any(f.token.year is not None for f in found)
                and _yearless(text, entry)
            ):
                without.extend(missing)
            if not year_token and not entry.toc:
                undated.append(entry)
        total = with_year + len(without)
        reported: set[int] = set()
        if file_habit(with_year, len(without), share=_WITH_YEAR_SHARE, minimum=_MINIMUM):
            for name, start, end in without:
                reported.add(start)
                yield self.report(
                    f"{name} has no year; the file writes the year with {with_year} of its "
                    f"{total} venues",
                    start,
                    end,
                )
        yield from self._among_dated(document, registry, undated, reported)

    def _among_dated(
        self,
        document: Document,
        registry: VenueRegistry,
        undated: list[Entry],
        reported: set[int],
    ) -> Iterator[Diagnostic]:
        """A paper entry that names a venue but no year while its nearest neighbours in
        its list (``_NEAR`` before and after) all give one: ``Title, Computational
        Intelligence and Neuroscience. [[paper](url)]`` among ``Title, IEEE T-ITS,
        2022.`` entries. (An entry naming neither is missing-venue's.) ``undated``: the
        entries without a venue token that has a year, in document order."""
        text = document.text
        lines = document.source.lines
        dated: dict[int, bool] = {}

        def is_dated(entry: Entry) -> bool:
            known = dated.get(id(entry))
            if known is None:
                known = dated[id(entry)] = _dated(text, entry, lines[entry.end_line].end)
            return known

        # A list where most entries have no venue token with a year (a list of tools) has
        # no habit to break: it is not read.
        per_list: dict[tuple[int, int, int], int] = {}
        for entry in undated:
            key = (id(entry.section), entry.list_id, id(entry.parent))
            per_list[key] = per_list.get(key, 0) + 1
        places: dict[tuple[int, int, int], tuple[list[Entry], dict[int, int]]] = {}
        for entry in undated:
            section = entry.section
            key = (id(section), entry.list_id, id(entry.parent))
            if section is None or per_list[key] > _UNDATED_SHARE * len(
                entry.parent.children if entry.parent is not None else section.entries
            ):
                continue
            if is_dated(entry):
                continue
            place = places.get(key)
            if place is None:
                siblings = entry.parent.children if entry.parent is not None else section.entries
                members = [
                    e
                    for e in siblings
                    if e.list_id == entry.list_id and e.kind != "row" and not e.toc
                ]
                place = places[key] = (members, {id(e): n for n, e in enumerate(members)})
            members, index = place
            i = index[id(entry)]
            if i < _NEAR or i + _NEAR >= len(members):
                continue
            near = (*members[i - _NEAR : i], *members[i + 1 : i + 1 + _NEAR])
            if not all(is_dated(e) for e in near):
                continue
            if any(start in reported for start in range(*entry.content)):
                continue  # its venue is reported above
            link = primary_link(document, entry)
            if link is None or not names_venue_or_year(document, entry, registry, link):
                continue
            if buckets(document).at(entry.line) is not None:
                continue  # "### 2018" over "Title [ArXiv] [[paper](u)]": the heading's year
            yield self.report(
                f"Entry gives no year, while the {2 * _NEAR} entries around it in its list all do",
                *entry.content,
            )


_NEAR = 4  # neighbours read on each side of an entry without a year
_UNDATED_SHARE = 0.5  # at most this share of a list's entries lack a venue token's year
# A year as entries write it: 2024, or '24 after a name ("[IEEE Computer'26]").
_YEAR4 = lazy_compile(r"(?:19|20)\d\d(?!\d)")
_YEAR2 = lazy_compile(r"['’]\d\d(?!\d)")


def _dated(text: str, entry: Entry, end: int) -> bool:
    """Whether the entry writes a year (2024, or '24 after a name) in its lines up to
    ``end``, outside its link targets. (Two plain patterns, each with a literal start:
    one pattern with look-behinds would try every character of the text.)"""
    start = entry.content[0]
    for pattern, before in ((_YEAR4, _not_digit), (_YEAR2, _name_end)):
        for found in pattern.finditer(text, start, end):
            at = found.start()
            if at > 0 and not before(text[at - 1]):
                continue
            if not any(link.url[0] <= at < link.url[1] for link in entry.links):
                return True
    return False


def _not_digit(char: str) -> bool:
    return not char.isdigit()


def _name_end(char: str) -> bool:
    return char == " " or (char.isascii() and char.isalpha())


def _yearless(text: str, entry: Entry) -> bool:
    """Whether the entry's first line has no year outside its link targets."""
    start, end = entry.content
    pos = start
    for link in entry.links:
        if _YEAR.search(text, pos, max(pos, link.url[0])):
            return False
        pos = max(pos, link.url[1])
    return _YEAR.search(text, pos, end) is None
