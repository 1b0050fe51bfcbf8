from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import Region, VenueTokens, _masked, regions
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for
from awesome_lint.venues.registry import Venue, VenueRegistry

# The file writes a venue by a short name this often and this share of its uses.
_MINIMUM = 5
_SHARE = 0.8
# A part of an entry's venue place: the text between separators. Full names hold
# none of these (a name with a comma in it, "Acoustics, Speech and ...", is read
# as two parts joined again below).
_PART = lazy_compile(r"[^,;|()\[\]*_`\\.\"“”]+")
# Every registry full name of three words or more has one of these, in any case
# (checked by a test): the entries without one are not read.
_WORDS = (
    "conference",
    "transactions",
    "journal",
    "letters",
    "symposium",
    "workshop",
    "international",
    "annual",
    "meeting",
    "surveys",
    "proceedings",
    "review",
    "magazine",
    "forum",
    "advanced applications",
    "science and systems",
    "in europe",
    "special interest",
    "execution environments",
    "future generation",
    "e-print",
    "preprint server",
    "image understanding",
    "computational linguistics",
    "vision computing",
    "digital image computing",
    "computer-aided design",
    "communications of the",
)
# Words a title-cased name keeps in lower case ("Robotics: Science and Systems").
_SMALL = frozenset(("and", "of", "in", "on", "the", "for"))


def _headline(words: str) -> str:
    """``science and systems`` as a name writes it: ``Science and Systems`` (and
    ``in europe`` inside one: ``Test in Europe``)."""
    return " ".join(p if p in _SMALL else p[:1].upper() + p[1:] for p in words.split(" "))


# Each word in lower case, as a title writes it, capitalised throughout and in capitals.
_SPELLINGS = tuple(
    dict.fromkeys(w for word in _WORDS for w in (word, _headline(word), word.title(), word.upper()))
)


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words`` grouped by their first letter
    (``c(?:onference|...)|C(?:onference|ONFERENCE)|...``): at each letter of a text
    the search tries the few words that start with it, not all of them (half the
    time on a long list). As no word is the start of another (checked by a test),
    it matches where the plain alternation does."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(r)})" for first, r in rests.items())


_WORD = lazy_compile(_by_first_letter(_SPELLINGS))
_PLACES = frozenset(("tail", "prefix", "slot"))
_SHORTEST = 16  # "IEEE Transactions on ..." and every other full name is longer
# Words that may stand before a full name and are not part of it.
_LEAD = lazy_compile(r"(?:in[ \t]+)?(?:proceedings[ \t]+of[ \t]+(?:the[ \t]+)?)?", re.IGNORECASE)
# A year after the name ("... Letters 2021", "... Letters, '21").
_YEAR = lazy_compile(r"[ \t]*['’]?(?:19|20)?\d\d[ \t]*\Z")


class VenueFullName(Rule):
    """
    ## What it does

    Finds a venue written out by its full name (`IEEE Robotics and Automation
    Letters`, `IEEE TRANSACTIONS ON INTELLIGENT TRANSPORTATION SYSTEMS`) in a
    file that writes that venue by a short name (`RAL`, `IEEE T-ITS`) at least
    5 times and for at least 80% of its uses. The full name is the registry's
    (case, punctuation and a leading `IEEE`, `ACM` or `The` do not matter); it is
    looked for in an entry's venue place: the text after its title or leading
    link, a bracketed prefix and the `|` slot, never in a title or a link.

    An entry that also writes the short name (`Conference on Robot Learning
    (CoRL 2021)`) spells the name out on purpose and is left alone, and so is a
    file that writes full names as often as short ones.

    ## Why

    A list that says `RAL` twelve times and `IEEE Robotics and Automation
    Letters` twice reads as two venues, and a search for `RAL` misses the two.

    ## Example

    In a file that writes `IEEE T-ITS` for this journal:

    ```markdown
    - Multi-PPTP, IEEE Transactions on Intelligent Transportation Systems. [[paper](u)]
    ```

    becomes `- Multi-PPTP, IEEE T-ITS. [[paper](u)]`.

    ## Fix safety

    Unsafe: the full name is replaced by the file's most common short spelling
    of the venue; the year, wrappers and punctuation around it are kept. Both
    names are right; the fix only follows the file's habit.

    ## Options

    The venue options shared with AL201 (`extra-venues` with `full-name`, and
    `aliases`).
    """

    code = "AL212"
    name = "venue-full-name"
    summary = "A venue is written by its full name where the file writes a short one"
    fix = "unsafe"
    options = VENUE_OPTIONS
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        tokens = document_tokens(document, registry)
        found = [
            hit
            for entry in _candidates(document, tokens)
            for hit in _full_names(document, entry, tokens, registry)
        ]
        if not found:
            return
        short = _short_names(tokens)
        full_uses = Counter(venue.canonical for _, _, _, venue in found)
        for entry, start, end, venue in found:
            names = short.get(venue.canonical)
            if not names:
                continue
            uses = sum(names.values())
            if not file_habit(uses, full_uses[venue.canonical], share=_SHARE, minimum=_MINIMUM):
                continue
            spelling = max(names, key=lambda n: names[n])  # the first of equals
            written = document.text[start:end]
            fix = self.replace(f"Write {spelling!r}", start, end, spelling, unsafe=True)
            yield self.report(
                f"Venue {written!r} is written out in full; the file writes it "
                f"{spelling!r} ({names[spelling]} times)",
                start,
                end,
                fix if entry.parsed else None,
            )


def _candidates(document: Document, tokens: VenueTokens) -> Iterator[Entry]:
    """The entries with a venue place long enough for a full name and holding a word
    that full names have (a bounded search of the text: no copy per entry)."""
    text = document.text
    search = _WORD.search
    places = _PLACES
    shortest = _SHORTEST
    for entry, _ in tokens.entries:
        # (the regions the tokens were read from, kept on the entry: no call)
        kept = entry.venue_regions
        places_of: Sequence[Region] = regions(document, entry) if kept is None else kept
        for where, start, end in places_of:
            if end - start >= shortest and where in places and search(text, start, end):
                yield entry
                break


def _short_names(tokens: VenueTokens) -> dict[str, Counter[str]]:
    """Per canonical venue, the names the file writes it by (as written, a publisher
    included: ``IEEE T-ITS``), with counts: venue tokens and bare names."""
    out: dict[str, Counter[str]] = {}
    for where, token, n in tokens.uses():
        if token.match is not None and where != "subtitle":
            out.setdefault(token.match.venue.canonical, Counter())[token.name] += n
    for match, name, n in tokens.bare_uses():
        out.setdefault(match.venue.canonical, Counter())[name] += n
    return out


def _full_names(
    document: Document, entry: Entry, tokens: VenueTokens, registry: VenueRegistry
) -> Iterator[tuple[Entry, int, int, Venue]]:
    """The full venue names in the entry's venue place: (entry, start, end, venue),
    the span from the name's first letter to its last (a year after it excluded)."""
    named = {f.token.match.venue.canonical for f in tokens.of(entry) if f.token.match}
    for where, start, end in regions(document, entry):
        if where not in _PLACES or end - start < _SHORTEST:
            continue
        text = _masked(document, entry, start, end)
        parts = [(m.start(), m.end()) for m in _PART.finditer(text)]
        for i, (a, b) in enumerate(parts):
            spans = [(a, b)]
            if i + 1 < len(parts) and text[b : parts[i + 1][0]].strip() == ",":
                spans.append((a, parts[i + 1][1]))  # "Acoustics, Speech and ..."
            for a2, b2 in spans:
                hit = _read(text, a2, b2, registry)
                if hit is not None and hit[2].canonical not in named:
                    yield entry, start + hit[0], start + hit[1], hit[2]
                    break


def _read(
    text: str, start: int, end: int, registry: VenueRegistry
) -> tuple[int, int, Venue] | None:
    part = text[start:end]
    lead = len(part) - len(part.lstrip())
    head = _LEAD.match(part, lead)
    assert head is not None  # it matches the empty string
    a = head.end()
    body = part[a:].rstrip()
    year = _YEAR.search(body)
    if year is not None:
        body = body[: year.start()]
    if len(body.split()) < 3 or not body[:1].isalpha():
        return None
    venue = registry.by_full_name(body)
    if venue is None:
        return None
    return start + a, start + a + len(body), venue
