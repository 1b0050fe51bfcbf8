from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.stated import names_venue_or_year
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import (
    entry_title,
    paper_host,
    paper_links,
    primary_link,
    reference_section,
)
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import (
    SHARED,
    VENUE_OPTIONS,
    VenueTokens,
    document_tokens,
    entry_tokens,
    file_spelling,
    file_style,
    implied_venues,
    label_slot,
    labels_venues,
    registry_for,
)
from awesome_lint.venues.parse import Style
from awesome_lint.venues.registry import VenueRegistry
from awesome_lint.venues.urls import VenueYear


def _placement(tokens: VenueTokens) -> str | None:
    """Where the file writes its venues: "slot", "prefix" ([V] before the link) or
    "backtick" (`V` after it); None when there is no clear habit."""
    kinds: Counter[str] = Counter()
    for where, token, n in tokens.uses():
        if not token.known:
            continue
        if where == "slot":
            kinds["slot"] += n
        elif where == "prefix" and token.wrapper == "[":
            kinds["prefix"] += n
        elif where == "tail" and token.wrapper == "`":
            kinds["backtick"] += n
        else:
            kinds["other"] += n
    if not kinds:
        return None
    (best, count), *rest = kinds.most_common(2)
    if (rest and rest[0][1] == count) or best == "other":
        return None
    return best


# A list is a habit's place when it has more than this many paper entries, at least
# this many of which name a venue or a year (and, when several do not, this share).
_NEIGHBOURS = 7
_TITLE_WORDS = 4
_WORDS = lazy_compile(r"[A-Za-z][A-Za-z-]+")
# A year alone in brackets or parentheses ("[2024]", "(2023)"), not inside a link's text
# ("[[2024]](url)" is a date label) nor a part of a longer label.
# (the bracket first, the look back at the character before it after: a pattern opening
# with a look-behind is tried at every character, one opening with a set only at that set)
_YEAR_ALONE = lazy_compile(
    r"[\[(](?<![\[\w][\[(])[ \t]*(?P<year>(?:19|20)\d\d)[ \t]*[\])](?![(\w])"
)
_NEIGHBOUR_SHARE = 0.95
# `[Title](https://arxiv.org/abs/1903.06478), 2019`: a year alone after an arXiv link,
# in a file that writes `arXiv 2019` there for at least this many arXiv papers.
_ARXIV_LINK = lazy_compile(r"https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/", re.IGNORECASE)
_AFTER_LINK_YEAR = lazy_compile(r"[ \t]*,[ \t]*(?P<year>(?:19|20)\d\d)(?![\d.\w])")
_ARXIV_MIN = 10
# One or two words and the implied year, `, USENIX 2014` after the link or `USENIX
# Securiy 2022.` before it: what the entry names.
_WORD_YEAR = lazy_compile(
    r"\b[A-Z][A-Za-z&-]{1,20}(?:[ \t]+[A-Z][A-Za-z&-]{1,20})?[ \t]*['’]?[ \t]*"
    r"(?P<year>(?:19|20)\d\d)\b"
)
# A site's home page (``https://agibot-world.com/``): a dataset, tool or project.
_SITE_ROOT = lazy_compile(r"\s*https?://[^/?#\s]+/?\s*\Z", re.IGNORECASE)


# A file names venues as a habit when this many of its paper entries (and this share)
# name one, in their text or their nested items.
_NAMING_MIN = 1
_NAMING_SHARE = 0.1


# A section of at least this many linked entries, none naming a venue, names none by
# habit: a link's implied venue is not missing there.
_QUIET_SECTION = 3


def _names_venues(document: Document, tokens: VenueTokens) -> bool:
    """Whether the file's paper entries name venues (at least ``_NAMING_MIN`` and
    ``_NAMING_SHARE`` of them, a venue in the entry or one of its nested items)."""
    papers = [entry for entry, _, _, _ in paper_links(document)]
    need = max(_NAMING_MIN, _NAMING_SHARE * len(papers))
    named = 0
    for entry in papers:
        stack = [entry]
        while stack:
            item = stack.pop()
            if tokens.of(item):
                named += 1
                if named >= need:
                    return True
                break
            stack.extend(item.children)
    return False


def _papers_linked(members: list[Entry], paper_link: Callable[[Entry], Link | None]) -> bool:
    """Whether at least half of the entries' paper links point at a host of papers
    (arxiv.org, dl.acm.org, ...): a list of papers, where a year is the paper's. The
    links are read until the answer is known (a list of tools links no such host)."""
    links = [link.url_value for e in members if (link := paper_link(e)) is not None]
    need = (len(links) + 1) // 2  # hosts enough for half
    hosts = 0
    left = len(links)
    for url in links:
        if hosts >= need:
            return True
        if hosts + left < need:
            return False
        left -= 1
        if paper_host(url):
            hosts += 1
    return hosts >= need


def _name_for(registry: VenueRegistry, canonical: str, year: int) -> str:
    venue = registry.get(canonical)
    if venue is not None:
        for rename in venue.renames:
            if rename.first is not None and rename.last is not None and rename.covers(year):
                return rename.name
            if rename.first is None and rename.last is not None and rename.covers(year):
                return rename.name
    return canonical


def _tally(
    members: list[Entry], unnamed: Callable[[Entry], bool | None]
) -> tuple[list[Entry], int]:
    """The paper entries of a list that name no venue or year, and how many name one;
    ([], 0) as soon as the list cannot be reported (fewer than _NEIGHBOURS could name
    one, or too many do not for the share): a list of tools is not read to its end."""
    bare: list[Entry] = []
    named = 0
    remaining = len(members)
    for entry in members:
        remaining -= 1
        state = unnamed(entry)
        if state is None:
            continue
        if state:
            bare.append(entry)
        else:
            named += 1
        best = named + remaining  # every entry still to read naming one
        if best < _NEIGHBOURS or (len(bare) > 1 and best < _NEIGHBOUR_SHARE * (best + len(bare))):
            return [], 0
    return bare, named


# Words of a venue's full name that name no venue of their own: publishers, kinds of
# meeting, small words ("IEEE/CVF Conference on Computer Vision and Pattern
# Recognition" is read by "computer vision pattern recognition").
_GENERIC_WORDS = frozenset(
    {
        *("ieee", "cvf", "acm", "usenix", "aaai", "siam", "international", "conference"),
        *("symposium", "workshop", "proceedings", "annual", "meeting", "the", "and", "on"),
        *("of", "for", "in", "joint", "european", "asian", "north", "american"),
    }
)


def _full_name_written(
    document: Document, entry: Entry, registry: VenueRegistry, canonical: str
) -> bool:
    """Whether the entry writes the venue's full name out (`Proceedings of the IEEE
    Conference on Computer Vision and Pattern Recognition. 2018.` for CVPR): every word
    of the registry's full name but publishers, kinds of meeting and acronyms, two at
    least, in its lines."""
    match = registry.lookup(canonical)
    if match is None or not match.venue.full_name:
        return False
    words = {
        word.casefold()
        for word in match.venue.full_name.replace("/", " ").split()
        if word.isalpha() and not word.isupper() and word.casefold() not in _GENERIC_WORDS
    }
    if len(words) < 2:
        return False
    lines = document.source.lines
    written = set(
        document.text[lines[entry.line].start : lines[entry.end_line].end].casefold().split()
    )
    written = {word.strip(".,;:()[]*_") for word in written}
    return words <= written


class MissingVenue(Rule):
    """
    ## What it does

    Finds an entry whose link implies a venue and year while its text names
    no venue at all. Links that imply a venue: usenix.org conference pages
    (`/conference/osdi22/…`) and PDFs (`/system/files/osdi22-…`),
    proceedings.mlsys.org, papers.nips.cc and proceedings.neurips.cc,
    proceedings.mlr.press volumes (ICML, AISTATS, COLT, CoRL, UAI, CPAL),
    aclanthology.org ids, openaccess.thecvf.com, vldb.org/pvldb volumes, and
    the `/virtual/YYYY/` pages of mlsys.org, neurips.cc, icml.cc, iclr.cc, and
    AAAI's own archive (aaai.org `/Papers/AAAI/2020…`, `/AAAI22Papers/`,
    `/ocs/index.php/AAAI/AAAI18/`). arXiv and DOI links imply nothing. An
    entry that writes the venue's full name out (`Proceedings of the IEEE
    Conference on Computer Vision and Pattern Recognition. 2018.`: every word of
    the registry's full name but publishers, kinds of meeting and acronyms) names
    it. An
    entry that writes an organisation and the year instead (`, USENIX 2014`
    for an OSDI paper, after the link or before it: `**Title**. USENIX
    Securiy 2022. [[pdf](url)]`) is told what it names: "The link implies
    'OSDI 2014' but the entry names 'USENIX 2014'". A venue written with a BibTeX export's
    braces (`23rd {USENIX} Security Symposium`) is named. An entry that names
    the venue with one letter wrong next to the year (`[[CVRP2020 Oral]](…)`)
    names a venue:
    venue-typo (AL207) reports the spelling, this rule stays silent. A list of
    titles alone stays silent too: at least one in ten of its paper entries (and
    one at least) must name a venue, in its text or its nested items (`- [AddressSanitizer](https://www.usenix.org/...atc12...)`
    among 240 titles without a venue is the list's way, not a slip), and so
    does a section of three linked entries or more none of which names a venue
    (`* <[Title](https://aaai.org/ocs/index.php/AAAI/AAAI17/...)> by Authors,
    2017.` in a section that writes authors and years only). An entry under a
    heading that names the venue (`### ICCV` over `- AdaptIS: ... [[paper]](…
    ICCV_2019 …)`) names it there, for both checks: under `## ECCV 2022` or
    `#### ACL'25 (July 2025)` no entry lacks a venue. An item of a section of
    datasets or metrics that links a paper under a generic label (`Text
    Descriptions: [[Paper](…cvpr_2016…)]`) cites the paper its dataset comes from
    and needs no venue.

    Also finds an entry with a paper link that names neither a venue nor a year
    in a list whose other paper entries name one: at least 7 of them do, and
    when several entries lack one, at least 19 in 20 do (one entry among 7 or
    more is always a slip). A venue or a year counts wherever the list writes it:
    a venue token (slot, prefix, tail, link label), a year anywhere in the
    entry's text or link labels (its wrapped lines too), a name and a year of two
    digits in brackets (`[Discover Artificial Intelligence 24]`), a shields.io
    badge naming a venue and a year (`![](…/badge/ACL%202025-orange)`), the year of
    the item it is nested in (`- 2022` over its papers), `arXiv`, `Preprint`,
    `Unpublished`, a report or thesis, a bracketed prefix, a known venue alone (`TMLR`,
    `[[NeurIPS]]`) or a name after the last comma before the paper link
    (`Title, Transportation Research Part C.`), or, in a list that labels its
    links with venues (ten links or more whose whole label is a known venue), the
    label of the link opening the entry when it reads as a venue the registry
    lacks (`- 🤖 [[T-ASE](url)] Title`, `[[Autonomous Robots](url)]`). A link to a
    site's home page is a dataset's, tool's or project's, not a paper's: such entries
    do not count.
    Lists of tools, datasets or undated papers stay silent: their entries do not
    name venues as a habit. So does a list whose entries give years but no venue
    and link no host of papers (arxiv.org, dl.acm.org, ...) for half of them:
    `[Compiling Rust to WebAssembly Guide (2017)](blog)` dates an article, and a
    living `[Developer's Guide](…)` has no date to give.

    Also finds a year alone in brackets where the venue belongs,
    `**KIVI: Plug-and-play 2bit KV Cache Quantization** [2024] [paper](url)`, in a
    file whose other paper entries name a venue with the year (at least 7; when
    several entries give a year alone, 19 in 20). The entry's title must have 4
    words or more (`**NVIDIA** [2024]` is a vendor's page), no word before the
    year may name a venue (`arxiv version (2023)`), and a year in a description
    (`[Tool](url) - A benchmark (2020).`) or on a GitHub link does not count.
    Reported without a fix.

    And a year alone after an arXiv link, `[Title](https://arxiv.org/abs/1903.06478),
    2019`, in a file that writes `arXiv 2019` there for at least 10 of its
    arXiv papers (19 in 20 when several entries give a year alone): the word
    `arXiv` was left out. The unsafe fix writes it as the file does. A year
    alone after another link (a book, a thesis) is left alone.

    ## Why

    A reader wants to know where a paper appeared; the link already says it.
    An entry without venue or year among neighbours that all have one was left
    unfinished.

    ## Example

    In a list whose entries end with ` | Venue'YY`:

    ```markdown
    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving
    ```

    becomes, with `--unsafe-fixes`,

    ```markdown
    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'22
    ```

    In a list whose entries read `Title, Venue Year. \\[[paper](url)\\]`,

    ```markdown
    - Social NCE: Contrastive Learning. \\[[paper](https://arxiv.org/abs/2012.11717)\\]
    ```

    is reported: "Entry has no venue or year; the other 7 entries of this
    section have one".

    ## Fix safety

    Unsafe: text is added. The venue is written in the file's style and
    place: appended as ` | Venue` where the file uses venue slots, as a
    `[Venue] ` prefix before the link where the file uses prefixes, as
    `` `Venue` `` after the link where it uses backticks. Elsewhere (or with
    a slot that already holds an affiliation) the rule reports without a fix.
    An entry that names neither venue nor year among neighbours that do is
    reported without a fix: the venue has to be looked up.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    The year style follows venue-format's `style` when set there.
    """

    code = "AL205"
    name = "missing-venue"
    summary = "An entry names no venue though its link implies one or its neighbours name one"
    fix = "unsafe"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options: ClassVar[Mapping[str, str]] = {**SHARED, "style": "AL201"}

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        implied = implied_venues(document)
        if implied:
            yield from self._implied(document, context, registry, implied)
        yield from self._unlike_neighbours(document, registry, {id(e) for e, _ in implied})
        yield from self._year_only(document, registry)
        yield from self._arxiv_year_alone(document, registry)

    def _arxiv_year_alone(
        self, document: Document, registry: VenueRegistry
    ) -> Iterator[Diagnostic]:
        """Entries that write a year alone after their arXiv link (``[Title](arxiv),
        2019``) in a file that names arXiv with the year for its other arXiv papers (at
        least ``_ARXIV_MIN``, 19 in 20): the venue word was left out."""
        text = document.text
        if "arxiv.org/" not in text:
            return
        tokens = document_tokens(document, registry)
        # (first the entries that could be reported, cheaply: most files have none)
        if not any(
            not found
            and any(
                _AFTER_LINK_YEAR.match(text, link.end) is not None
                and "arxiv.org/" in link.url_value
                for link in entry.links
            )
            for entry, found in tokens.entries
        ):
            return
        bare: list[re.Match[str]] = []
        named = 0
        spellings: Counter[str] = Counter()
        for entry, found in tokens.entries:
            if entry.kind == "row" or entry.toc:
                continue
            link = primary_link(document, entry)
            if link is None or _ARXIV_LINK.match(link.url_value) is None:
                continue
            if found:
                for f in found:
                    token = f.token
                    match = token.match
                    if match is not None and match.venue.canonical == "arXiv" and token.year:
                        named += 1
                        spellings[token.name] += 1
                        break
                continue
            m = _AFTER_LINK_YEAR.match(text, link.end)
            if m is not None:
                bare.append(m)
        if not bare or named < _ARXIV_MIN:
            return
        if len(bare) > 1 and not file_habit(
            named, len(bare), share=_NEIGHBOUR_SHARE, minimum=_ARXIV_MIN
        ):
            return
        spelling = spellings.most_common(1)[0][0]
        for m in bare:
            start = m.start("year")
            yield self.report(
                f"Entry gives the year {m.group('year')} but no venue after its arXiv link;"
                f" the file writes '{spelling} YYYY' for {named} of its arXiv papers",
                start,
                m.end("year"),
                self.replace(
                    f"Write '{spelling} {m.group('year')}'",
                    start,
                    start,
                    f"{spelling} ",
                    unsafe=True,
                ),
            )

    def _year_only(self, document: Document, registry: VenueRegistry) -> Iterator[Diagnostic]:
        """Entries whose bracket holds a year alone (``**KIVI** [2024] [paper](url)``)
        in a file whose other paper entries (at least ``_NEIGHBOURS``, 19 in 20) name a
        venue with its year: the venue was left out."""
        tokens = document_tokens(document, registry)
        text = document.text
        bare: list[tuple[Entry, re.Match[str]]] = []
        for entry, found in tokens.entries:
            if found or entry.kind == "row" or entry.toc:
                continue
            start, end = entry.content
            m = _YEAR_ALONE.search(text, start, end)
            if m is None:
                continue
            link = primary_link(document, entry)
            if link is None or "github.com/" in link.url_value:
                continue  # no paper: a repository's "- A benchmark (2020)."
            if entry.subtitle is not None and entry.subtitle[0] <= m.start():
                continue  # a year in a description ("- A benchmark (2020).")
            # a paper's title has a few words ("**NVIDIA** [2024]" is a vendor's page),
            # and no word before the year names a venue ("arxiv version (2023)")
            title = entry_title(document, entry)
            if title is None or len(title.split()) < _TITLE_WORDS:
                continue
            if any(registry.lookup(w) for w in _WORDS.findall(text, start, m.start())):
                continue
            bare.append((entry, m))
        if not bare:
            return
        named = 0
        for entry, found in tokens.entries:
            if (
                any(
                    f.token.known and f.token.year is not None and f.where != "subtitle"
                    for f in found
                )
                and primary_link(document, entry) is not None
            ):
                named += 1
        # one entry among 7 or more is a slip whatever the share; more need the share
        if named < _NEIGHBOURS or (
            len(bare) > 1
            and not file_habit(named, len(bare), share=_NEIGHBOUR_SHARE, minimum=_NEIGHBOURS)
        ):
            return
        for _, m in bare:
            yield self.report(
                f"Entry gives the year {m.group('year')} but no venue; {named} paper entries"
                " of this file name a venue with the year",
                m.start(),
                m.end(),
            )

    def _implied(
        self,
        document: Document,
        context: Context,
        registry: VenueRegistry,
        implied: list[tuple[Entry, VenueYear]],
    ) -> Iterator[Diagnostic]:
        tokens = document_tokens(document, registry)
        if not _names_venues(document, tokens):
            return  # a list of titles alone: no entry names a venue, by habit
        style = file_style(tokens, context.options.get("style", "consistent"), habit=False)
        assert style is not None
        placement = _placement(tokens)
        quiet: dict[int, bool] = {}  # section -> whether its paper entries name no venue
        for entry, (canonical, year) in implied:
            if entry.is_toc or entry.link is None or tokens.of(entry):
                continue
            if reference_section(document, entry, entry.link):
                continue  # a dataset citing the paper it comes from: no paper entry
            section = entry.section
            if section is not None:
                key = id(section)
                if key not in quiet:
                    papers = [item for item in section.entries if item.link is not None]
                    quiet[key] = len(papers) >= _QUIET_SECTION and not any(
                        tokens.of(item) for item in papers
                    )
                if quiet[key]:
                    continue  # "by Authors, 2017." in a section that names no venue
            if self._named_elsewhere(document, entry, registry, canonical):
                continue
            if _full_name_written(document, entry, registry, canonical):
                continue  # "Proceedings of the IEEE Conference on Computer Vision and ..."
            if canonical in _heading_venues(document, registry).get(id(section), ()):
                continue  # "### ICCV" over the entry: the heading names its venue
            name = _name_for(registry, canonical, year)
            if name == canonical:  # no rename for that year: write it as the file does
                name = file_spelling(tokens, canonical) or name
            rendered = style.render(name, year)
            start, end = entry.link.url
            fix = None
            if entry.parsed:
                edit = self._edit(document, entry, placement, rendered)
                if edit is not None:
                    at, content = edit
                    fix = self.replace(f"Add {rendered!r}", at, at, content, unsafe=True)
            said = _WORD_YEAR.search(document.text, entry.link.end, entry.content[1])
            if said is None or int(said.group("year")) != year:
                # `**Title**. USENIX 2022. [[pdf](url)]`: the words before the link
                said = _WORD_YEAR.search(document.text, entry.content[0], entry.link.start)
            if said is not None and int(said.group("year")) == year:
                # "USENIX 2014" for an OSDI paper: an organisation, no venue
                message = f"The link implies {rendered!r} but the entry names {said.group()!r}"
            else:
                message = f"The link implies {rendered!r} but the entry names no venue"
            yield self.report(message, start, end, fix)

    def _unlike_neighbours(
        self, document: Document, registry: VenueRegistry, implied: set[int]
    ) -> Iterator[Diagnostic]:
        """Entries with a paper link that name neither a venue nor a year, in a list
        whose other paper entries (at least ``_NEIGHBOURS``) nearly all name one."""
        tokens = document_tokens(document, registry)
        primary: dict[int, Link | None] = {}  # id(entry): its paper link (read once)

        def paper_link(entry: Entry) -> Link | None:
            key = id(entry)
            if key in primary:
                return primary[key]
            link = primary[key] = primary_link(document, entry)
            return link

        def unnamed(entry: Entry) -> bool | None:
            """None: no paper entry (no paper link, or a home page: a dataset's, tool's
            or project's); else whether it names neither a venue nor a year."""
            if entry.kind == "row" or entry.toc:
                return None
            link = paper_link(entry)
            if link is None:
                return None
            if (
                tokens.of(entry)
                or id(entry) in implied  # the link names one (reported above)
                or names_venue_or_year(document, entry, registry, link)
            ):
                return False
            if label_slot(document, entry) and labels_venues(document, registry):
                # `- 🤖 [[T-ASE](url)] Title` among `[[ICRA](url)]` entries: the label is
                # the venue's slot, holding a venue the registry lacks
                return False
            return None if _SITE_ROOT.match(link.url_value) else True

        # Most entries have a venue token: the lists of the few without are looked at.
        # (Whether such an entry names nothing is asked last, after the cheap tests of
        # its list: most entries of a list of tools name nothing, and are never read.)
        lists: dict[tuple[int, int], list[Entry]] = {}  # (section, list) -> those entries
        for entry, found in tokens.entries:
            if found:
                continue
            # (``unnamed`` is never true without a paper link or for a home page)
            link = paper_link(entry)
            if link is None or _SITE_ROOT.match(link.url_value):
                continue
            lists.setdefault((id(entry.section), entry.list_id), []).append(entry)
        for candidates in lists.values():
            first = candidates[0]
            section = first.section
            if section is None:
                continue  # (a released document's entry)
            if _heading_venues(document, registry).get(id(section)):
                continue  # `## ECCV 2022` over its papers: the heading names the venue
            siblings = first.parent.children if first.parent is not None else section.entries
            members = [e for e in siblings if e.list_id == first.list_id]
            if not any(tokens.of(e) for e in members) and not _papers_linked(members, paper_link):
                continue  # "[Tutorial (2017)](blog)" in a list of tools: dates, not venues
            if not any(unnamed(e) for e in candidates):
                continue  # every entry names a venue or a year
            bare, named = _tally(members, unnamed)
            if not bare or named < _NEIGHBOURS:
                continue
            # one entry among many is a slip whatever the share; more need the share
            if len(bare) > 1 and not file_habit(
                named, len(bare), share=_NEIGHBOUR_SHARE, minimum=_NEIGHBOURS
            ):
                continue
            whole = first.parent is None and all(
                e.list_id == first.list_id or unnamed(e) is None for e in section.entries
            )
            where = "section" if whole else "list"
            others = named + len(bare) - 1
            have = f"the other {others}" if named == others else f"{named} of the other {others}"
            for entry in bare:
                yield self.report(
                    f"Entry has no venue or year; {have} entries of this {where} have one",
                    *entry.content,
                )

    @staticmethod
    def _named_elsewhere(
        document: Document, entry: Entry, registry: VenueRegistry, canonical: str
    ) -> bool:
        """The venue is named in the link text ("[Neurips2022-Tutorial](...)"), on a line
        the entry's paragraph wraps onto, or the entry's nested items ("  - In OSDI 2018")
        carry a venue."""
        parts: list[str] = []
        stack = [entry]
        while stack:
            item = stack.pop()
            if item is not entry and entry_tokens(document, item, registry):
                return True
            stack.extend(item.children)
            c_start, c_end = item.content
            if item.para_end > item.line:  # (a paragraph wrapped: its venue on a later line)
                c_end = max(c_end, document.source.lines[item.para_end].end)
            chars = list(document.text[c_start:c_end].casefold())
            for link in (*item.links, *item.more_links):  # blank out the destinations
                for i in range(max(link.url[0], c_start), min(link.url[1], c_end)):
                    chars[i - c_start] = " "
            parts.append("".join(chars))
        content = "\n".join(parts)
        if "{" in content:  # "23rd {USENIX} Security Symposium": a BibTeX export's braces
            content = content.replace("{", "").replace("}", "")
        venue = registry.get(canonical)
        names = [n.casefold() for n in (venue.names() if venue else (canonical,)) if len(n) >= 3]
        if any(re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", content) for n in names):
            return True
        # "[[CVRP2020 Oral]](…)": named, misspelt (venue-typo reports the spelling)
        return any(
            _one_slip(word, name)
            for word in re.findall(r"(?<![a-z])([a-z][a-z-]{2,})[ '’-]?(?:19|20)\d\d", content)
            for name in names
        )

    @staticmethod
    def _edit(
        document: Document, entry: Entry, placement: str | None, rendered: str
    ) -> tuple[int, str] | None:
        assert entry.link is not None
        if placement == "slot" and entry.venue_separator is None and entry.prefix is None:
            return (entry.content[1], f" | {rendered}")
        if placement == "prefix" and entry.prefix is None and entry.link.start == entry.content[0]:
            return (entry.content[0], f"[{rendered}] ")
        if placement == "backtick" and entry.venue_separator is None:
            return (entry.content[1], f" `{rendered}`")
        return None


def _one_slip(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one letter changed, added, dropped or two
    neighbours swapped (``cvrp`` for ``cvpr``), for names of four letters or more."""
    if word == name or len(name) < 4 or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        diffs = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == name[diffs[1]]
            and word[diffs[1]] == name[diffs[0]]
        )
    short, long = (word, name) if len(word) < len(name) else (name, word)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


__all__ = ["MissingVenue", "Style"]


def _heading_venues(document: Document, registry: VenueRegistry) -> dict[int, frozenset[str]]:
    """Per section (by id): the venues its heading and the headings above it name by
    their whole title (`### ICCV`, `## CVPR 2020`), as registry names."""
    cached: dict[int, frozenset[str]] | None = document.cache.get("AL205-heading-venues")
    if cached is not None:
        return cached
    out: dict[int, frozenset[str]] = {}
    stack: list[tuple[int, str | None]] = []  # (level, venue named)
    for section in document.sections:
        heading = section.heading
        if heading is not None:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            title = _TRAILING_DATE.sub("", heading.title)  # "ACL'25 (July 2025)"
            title = _TRAILING_YEAR.sub("", title).strip(" \t*_:")
            match = registry.lookup(title) if 0 < len(title) <= 40 else None
            stack.append((heading.level, match.venue.canonical if match else None))
        out[id(section)] = frozenset(venue for _, venue in stack if venue is not None)
    document.cache["AL205-heading-venues"] = out
    return out


_TRAILING_YEAR = lazy_compile(r"[ \t'’]*(?:19|20)?\d\d[ \t]*$")
# The date of a venue heading's meeting in parentheses: `#### ACL'25 (July 2025)`.
_TRAILING_DATE = lazy_compile(r"[ \t]*\((?:[A-Za-z]+\.?[ \t]+)?(?:19|20)\d\d\)[ \t]*$")
