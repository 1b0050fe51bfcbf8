from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import link_roles
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import dominant, file_habit
from awesome_lint.rules.venue_common import (
    SHARED,
    VENUE_OPTIONS,
    Found,
    VenueTokens,
    document_tokens,
    registry_for,
)

# The file must end its entries' venues one way this often (and this many times) before
# another ending is a slip.
_SHARE = 0.9
_MINIMUM = 10
# ... and a place (before links, or at the end of the entry) follows the file's habit
# when at least this share of its entries do.
_PLACE_SHARE = 0.8
_YEAR = lazy_compile(r"(?:19|20)\d\d")
# A comma before a venue after the entry's text (", PLDI 2022"): a habit at this many
# uses and share, and a publisher word before the venue is looked past (", IEEE WACV").
_LEAD_MINIMUM = 20
_LEAD_SHARE = 0.95
# Words that lead into a venue on their own ("Title, in ECCV 2014"): no comma is missing.
_LEAD_WORDS = frozenset(
    {
        *("in", "at", "on", "and", "or", "of", "for", "to", "with", "from", "by", "the"),
        *("a", "an", "via", "see", "also", "published", "accepted", "appeared", "presented"),
    }
)
_PUBLISHER_BEFORE = lazy_compile(r"(?<![\w-])(?:ACM|IEEE|USENIX)\Z")
# Words that stand for a venue without a year: an unpublished paper.
_UNPUBLISHED = frozenset({"preprint", "arxiv"})
_NAMES = {
    ".": "a period",
    ",": "a comma",
    ";": "a semicolon",
    ":": "a colon",
    "": "nothing",
}  # (what is written)


class _End:
    __slots__ = ("entry", "linked", "sep", "start", "word")

    def __init__(
        self, entry: Entry, word: tuple[int, int], start: int, sep: str, *, linked: bool
    ) -> None:
        self.entry = entry
        self.linked = linked  # links follow (else the venue ends the entry)
        self.word = word  # the venue's last word (its year, mostly)
        self.start = start  # where the separator is (or would be)
        self.sep = sep


class VenueEnding(Rule):
    """
    ## What it does

    Finds the venue that ends an entry's text (before the entry's first link
    after its title, or at the end of the entry) written with another ending
    than the file writes there at least 9 times in 10 (and at least 10 times;
    where fewer than 4 in 5 of the entries that end at their venue, or of those
    with links after it, end the file's way, that place's own habit counts
    instead, if it has one):
    `CVPR 2019 \\[[paper](url)\\]` or `ACCV 2018, \\[[paper](url)\\]` in a file
    that writes `CVPR 2019. \\[[paper](url)\\]`, or `NIPS 2016.` in a file whose
    entries end `ICLR 2017` with no period. Only an ending after a year, a
    venue the registry knows, or `Preprint`/`arXiv` counts; a period is removed
    only after a year or one of those two words (never after an abbreviation).
    Entries without a link, and titles before a venue-labelled link
    (`Title [[CVPR2019]](url)`), are not read. A subtitle's ending is
    subtitle-period's (AL106), and a period after a year where the entry goes
    on with words is year-separator's (AL111).

    It also finds a venue after an entry's text with no comma before it, `by
    Ryan Senanayake et al. OOPSLA 2020`, in a file that writes a comma there
    (`et al., PLDI 2022`) at least 20 times, 19 in 20 (a publisher word before
    the venue is looked past: `, IEEE TPAMI 2018`). A word that leads into the
    venue on its own (`in ECCV 2014`, `at`, `on`, `and`, ...) needs no comma.

    ## Why

    Paper lists write each entry as `Title, Venue Year. [links]`; the
    punctuation between the venue and the links is part of that pattern, and a
    comma or a missing period there is an editing slip that makes the entry
    read differently from its neighbours.

    ## Example

    ```markdown
    - Social GAN, CVPR 2018 \\[[paper](https://example.org/sgan)\\]
    ```

    becomes `- Social GAN, CVPR 2018. \\[[paper](https://example.org/sgan)\\]` in
    a file that writes a period there.

    ## Fix safety

    Safe: one punctuation mark is added, replaced or removed, between the
    venue and the links (or a comma added before the venue). An entry written
    over more than one line gets no fix.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL114"
    name = "venue-ending"
    summary = "The venue at the end of an entry's text ends otherwise than the file's"
    fix = "safe"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        tokens = document_tokens(document, registry_for(context.options))
        ends: list[_End] = []
        for entry in document.entries():
            if entry.links and entry.kind != "row" and not entry.toc:
                end = _end(document, text, tokens, entry)
                if end is not None:
                    ends.append(end)
        yield from self._leads(document, tokens)
        # the ending before links and the ending of an entry are two habits: a file may
        # end "Title, AAAI 2020" and write "AAAI 2020, [[code]](url)" or not, either way.
        # The file's habit holds in a place where most entries (_PLACE_SHARE) follow
        # it; elsewhere only that place's own habit does.
        pooled = dominant((e.sep for e in ends), share=_SHARE, minimum=_MINIMUM)
        wants: dict[bool, tuple[str, int] | None] = {}
        for linked in (True, False):
            seps = [e.sep for e in ends if e.linked is linked]
            if not seps:
                continue
            if pooled is not None and seps.count(pooled) >= _PLACE_SHARE * len(seps):
                wants[linked] = (pooled, sum(1 for e in ends if e.sep == pooled))
                continue
            want = dominant(seps, share=_SHARE, minimum=_MINIMUM)
            wants[linked] = None if want is None else (want, seps.count(want))
        for e in ends:
            habit = wants[e.linked]
            if habit is None or e.sep == habit[0]:
                continue
            want, kept = habit
            word = text[e.word[0] : e.word[1]]
            if want == "" and not _dated(word):
                continue  # "Trans." may be an abbreviation: its period stays
            fix = None
            if e.entry.parsed or e.entry.para_end == e.entry.line:
                fix = self.replace(
                    f"Write {_NAMES[want]}" if want else "Remove the separator",
                    e.start,
                    e.start + len(e.sep),
                    want,
                )
            where = "before the links" if e.linked else "at the end of the entry"
            wanted = _NAMES[want] if want else "none"
            message = (
                f"{_NAMES[e.sep].capitalize()} after the venue {where}; the file writes "
                f"{wanted} there ({kept} times)"
            )
            if e.sep:
                yield self.report(message, e.start, e.start + len(e.sep), fix)
            else:
                yield self.report(message, e.word[0], e.word[1], fix)

    def _leads(self, document: Document, tokens: VenueTokens) -> Iterator[Diagnostic]:
        """A venue after an entry's text with no comma before it (``by Ryan Senanayake
        et al. OOPSLA 2020``) in a file that writes one there (``et al., PLDI 2022``)
        at least _LEAD_MINIMUM times, 19 in 20."""
        text = document.text
        commas = 0
        bare: list[tuple[Found, int]] = []  # the token, and the end of the word before
        for f in tokens.found:
            if f.where != "tail" or not f.token.known:
                continue
            before = _before_venue(text, f.span[0])
            if before < 0:
                continue
            if text[before] == ",":
                commas += 1
            elif text[before].isalnum() or text[before] == ".":
                bare.append((f, before + 1))
        if not bare or commas < _LEAD_MINIMUM:
            return  # (most files: no habit of a comma there)
        bare = [(f, at) for f, at in bare if not _lead_word(text, at)]
        if not bare or not file_habit(commas, len(bare), share=_LEAD_SHARE, minimum=_LEAD_MINIMUM):
            return
        for f, at in bare:
            fix = self.replace("Add a comma", at, at, ",") if f.entry.parsed else None
            yield self.report(
                f"No comma before the venue; the file writes one there ({commas} times)",
                f.span[0],
                f.span[1],
                fix,
            )


def _lead_word(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` leads into a venue on its own (``in``)."""
    start = end - 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:end].casefold() in _LEAD_WORDS


def _before_venue(text: str, start: int) -> int:
    """The offset of the last character before a venue token at ``start`` that is no
    blank and no publisher word (``, IEEE WACV 2019``), or -1 at the line's start."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    # (the last letter of a publisher word first: most venues follow none)
    m = _PUBLISHER_BEFORE.search(text, max(0, i - 12), i + 1) if text[i] in "EMX" else None
    if m is not None:
        i = m.start() - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
    if i < 0 or text[i] == "\n":
        return -1
    return i


def _dated(word: str) -> bool:
    """A year, or a word that stands for a venue without one (``Preprint``)."""
    return bool(_YEAR.fullmatch(word)) or word.lower() in _UNPUBLISHED


def _end(document: Document, text: str, tokens: VenueTokens, entry: Entry) -> _End | None:
    """Where the entry's text ends before its links (or at its end), when a venue ends
    it: a year, a known venue, ``Preprint``."""
    start, stop = entry.content
    links = entry.links
    first = links[0]
    group: Link | None = first
    at = first.start
    if not first.image and (at == start or (at - start < 4 and not text[start:at].strip("*_~"))):
        start = first.end  # the entry's leading link: its title
        group = None
        for link in links:
            if link.start >= start:  # (not a link in the title link's target)
                group = link
                at = link.start
                break
    if group is not None:  # where its bracket group opens: [[pdf](u)], \[[paper](u)\]
        stop = at
        if at > start and text[at - 1] == "[":
            stop = at - 2 if text[at - 2] == "\\" else at - 1
    # back from the links: blanks, one separator, closing emphasis, a word
    j = stop
    while j > start and text[j - 1] in " \t":
        j -= 1
    sep = ""
    if j > start and text[j - 1] in ".,;:":
        j -= 1
        sep = text[j]
    sep_at = j
    while j > start and text[j - 1] in "*_":
        j -= 1
    word_end = j
    while j > start and text[j - 1].isalnum():
        j -= 1
    if j == word_end:
        return None
    if entry.subtitle is not None and entry.subtitle[0] <= j < entry.subtitle[1]:
        return None  # a subtitle's ending: subtitle-period
    if not _dated(text[j:word_end]) and not any(
        f.span[1] == word_end and f.token.known for f in tokens.of(entry)
    ):
        return None
    if group is not None and any(
        link is group and role == "venue" for link, role in link_roles(document, entry)
    ):
        return None  # "Title 2019 [[CVPR2019]](url)": the text before is the title
    return _End(entry, (j, word_end), sep_at, sep, linked=group is not None)
