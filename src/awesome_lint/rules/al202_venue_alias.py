from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import VenueTokens
from awesome_lint.parser.document import Document
from awesome_lint.parser.tables import row_cells
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for
from awesome_lint.venues.parse import VenueToken
from awesome_lint.venues.registry import MatchKind


class VenueAlias(Rule):
    """
    ## What it does

    Finds a venue written under a name that does not fit its year: a former
    name used after the rename (`NIPS'19` → `NeurIPS'19`, `SysML'20` →
    `MLSys'20`), or a later name used before it (`SIGOPS ATC'24` →
    `USENIX ATC'24`). With `prefer-canonical = true` it also flags every
    accepted alias (`ATC'22` → `USENIX ATC'22`, `PVLDB'23` → `VLDB'23`).

    A former name in its own years is fine, unless the file itself writes the
    current name for those years too: in a list that writes `NeurIPS 2016`
    (at least 3 times for years before the rename) and names the venue by its
    current name at least 10 times and 4 times in 5, `NIPS 2016` is a slip
    and is reported ("the file writes 'NeurIPS' for the years before the
    rename too").

    It also keeps a file to its own name for a venue where the names differ
    only in the publisher in front (or ACM's special interest group: `SIGKDD`
    and `KDD`): in a list that names the venue one way at
    least 5 times and 4 times in 5 (`TPAMI 2019`, or `Title, RAL.`), `IEEE
    TPAMI 2018` or `IEEE RA-L 2022` is a slip, and so is `TPAMI` in a list
    that writes `IEEE TPAMI`. Below that habit, a publisher in front is still a
    slip where the file writes the name without it at least twice and more
    often (`ACM TACO 2024` beside two `TACO 2020`), and, for a conference,
    where the file writes its other conferences without one (at least 20
    times, 19 in 20): `ACM SIGCOMM 2024`. Names the registry writes with their
    publisher (`USENIX ATC`) are left alone. Other aliases (`NAACL-HLT` beside
    `NAACL`) are left alone too: they were the venue's name in some years.

    ## Why

    Readers and tools look venues up by their current name; a former name
    with a later year is simply wrong. Old editions keep their historical
    name: `NIPS'17` is fine.

    ## Example

    ```markdown
    - [Paper](https://example.org/p): Subtitle | NIPS'19
    ```

    becomes, with `--unsafe-fixes`,

    ```markdown
    - [Paper](https://example.org/p): Subtitle | NeurIPS'19
    ```

    ## Fix safety

    Unsafe: the venue's name changes to the registry's name, or to the file's
    own name (the year, separator, wrappers and qualifiers stay as written; a
    name written in lower case is replaced in lower case, `nips2021` ->
    `neurips2021`). A
    name without a year is never flagged for a rename, since its year is
    unknown, unless it stands in a table row whose `Year` column gives one
    (`| [Title](url) | 2024 | NIPS |`: reported, without a fix, as table rows
    are never edited).

    ## Options

    - `prefer-canonical` (default `false`): also replace accepted aliases
      with the registry's canonical name.
    - `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL202"
    name = "venue-alias"
    summary = "A venue is written under an alias or a name that does not fit its year"
    fix = "unsafe"
    options: ClassVar[Mapping[str, Option]] = {
        "prefer-canonical": Option(False, "also replace accepted aliases (ATC, PVLDB)"),
        **VENUE_OPTIONS,
    }
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        prefer = bool(context.options.get("prefer-canonical", False))
        tokens = document_tokens(document, registry)
        # Whether a name fits depends on the token alone: decide once per token.
        reasons: dict[int, tuple[str, str]] = {}  # token: why, the name to write
        retro = _retroactive(tokens.uses())
        own = None if prefer else _own_names(tokens)
        for where, token, _ in tokens.uses():
            if where != "subtitle" and token.match is not None:
                canonical = token.match.venue.canonical
                reason = _reason(token, prefer) or _old_name(token, retro)
                if reason is not None:
                    reasons[id(token)] = (reason, canonical)
                elif own and canonical in own:
                    name, n, total = own[canonical]
                    if token.name != name and _same_but_publisher(token.name, name):
                        why = f"{token.name!r}: the file writes {name!r} ({n} of {total} times)"
                        reasons[id(token)] = (why, name)
        if own is not None:
            reasons.update(_publisher_slips(tokens, reasons))
        tables = any(block.kind == "table" for block in document.blocks)
        rows = _row_years(document, tokens) if tables else {}
        if not reasons and not rows:
            return
        for f in tokens.found:
            found = reasons.get(id(f.token)) or rows.get(id(f))
            if found is None or f.where == "subtitle":
                continue
            reason, name = found
            start, end = f.abs(f.token.name_span)
            written = document.text[start:end]
            if written.islower() and not name.islower():
                name = name.lower()  # `nips2021` -> `neurips2021`: the name's case as written
            fix = (
                self.replace(f"Write {name!r}", start, end, name, unsafe=True)
                if f.entry.parsed
                else None
            )
            yield self.report(f"Venue {reason}", start, end, fix)


# A file names a venue one way (``TPAMI``) this often and this share of the time: the
# same name written with or without its publisher (``IEEE TPAMI``) is then a slip.
OWN_MIN = 5
OWN_SHARE = 0.8
_PUBLISHERS = ("ieee/cvf ", "ieee ", "acm ", "usenix ")


def _own_names(tokens: VenueTokens) -> dict[str, tuple[str, int, int]]:
    """Per registry venue the file names one way by habit: (that name, its uses, all
    uses); names written alone in the venue place (``Title, RAL.``) count too."""
    counts: dict[str, dict[str, int]] = {}
    for where, token, n in tokens.uses():
        if token.match is not None and where != "subtitle":
            names = counts.setdefault(token.match.venue.canonical, {})
            names[token.name] = names.get(token.name, 0) + n
    for match, name, n in tokens.bare_uses():
        names = counts.setdefault(match.venue.canonical, {})
        names[name] = names.get(name, 0) + n
    own: dict[str, tuple[str, int, int]] = {}
    for canonical, names in counts.items():
        if len(names) < 2:
            continue
        name = max(names, key=lambda one: names[one])
        total = sum(names.values())
        if names[name] >= OWN_MIN and names[name] >= OWN_SHARE * total:
            own[canonical] = (name, names[name], total)
    return own


# A publisher before a name the file writes without one is a slip below OWN_MIN too:
# where the file writes the name bare at least PUBLISHER_MIN_SAME times and more often,
# or, for a conference, where it writes its other conferences (at least
# PUBLISHER_MIN_PLAIN, 19 in 20) without a publisher.
PUBLISHER_MIN_SAME = 2
PUBLISHER_MIN_PLAIN = 20
PUBLISHER_SHARE = 0.95
_CONFERENCES = ("conference", "workshop")


def _publisher(name: str) -> str | None:
    """The name without the publisher in front (``IEEE TPAMI`` -> ``TPAMI``), or None."""
    folded = name.casefold()
    for publisher in _PUBLISHERS:
        if folded.startswith(publisher):
            return name[len(publisher) :]
    return None


def _publisher_slips(
    tokens: VenueTokens, taken: dict[int, tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    """Tokens written with a publisher (``ACM SIGCOMM 2024``) that the file writes
    without one (``TACO 2020`` twice beside ``ACM TACO 2024``), or, for a conference,
    where the file writes its other conferences without a publisher; not those already
    in ``taken`` and not names the registry writes with their publisher (``USENIX ATC``)."""
    bare: dict[str, int] = {}
    with_publisher: list[tuple[VenueToken, int, str]] = []
    conferences = [0, 0]  # written without, with a publisher
    for where, token, n in tokens.uses():
        match = token.match
        if match is None or not token.known or where == "subtitle":
            continue
        venue = match.venue
        if _publisher(venue.canonical) is not None:
            continue
        conference = venue.kind in _CONFERENCES
        name = _publisher(token.name)
        if name is None:
            bare[venue.canonical] = bare.get(venue.canonical, 0) + n
            conferences[0] += n if conference else 0
        else:
            with_publisher.append((token, n, name))
            conferences[1] += n if conference else 0
    out: dict[int, tuple[str, str]] = {}
    for token, n, name in with_publisher:
        if id(token) in taken:
            continue
        assert token.match is not None
        venue = token.match.venue
        plain = bare.get(venue.canonical, 0)
        if plain >= PUBLISHER_MIN_SAME and plain > n:
            out[id(token)] = (
                f"{token.name!r}: the file writes it without the publisher {plain} times",
                name,
            )
        elif venue.kind in _CONFERENCES and file_habit(
            conferences[0], conferences[1], share=PUBLISHER_SHARE, minimum=PUBLISHER_MIN_PLAIN
        ):
            out[id(token)] = (
                f"{token.name!r}: the file writes its other conferences without a "
                f"publisher {conferences[0]} times",
                name,
            )
    return out


def _same_but_publisher(one: str, two: str) -> bool:
    """Whether two names differ only in a publisher in front (``IEEE TPAMI``, ``TPAMI``)
    and in case, hyphens and blanks (``IEEE RA-L``, ``RAL``), and do differ in the
    publisher."""

    def bare(name: str) -> tuple[str, bool]:
        folded = name.casefold()
        for publisher in _PUBLISHERS:
            if folded.startswith(publisher):
                folded = folded[len(publisher) :]
                return folded.replace("-", "").replace(" ", ""), True
        return folded.replace("-", "").replace(" ", ""), False

    (a, a_pub), (b, b_pub) = bare(one), bare(two)
    if a != b and len(a) >= 3 and (a == "sig" + b or b == "sig" + a):
        return True  # "SIGKDD" beside "KDD": the ACM special interest group in front
    return a == b and a_pub != b_pub


# A file writes a renamed venue's current name for the years before the rename too
# (``NeurIPS 2016``) when it does so this often, and names the venue by its current name
# this share of the time: its former name is then a slip (``NIPS 2016``).
RETRO_MIN = 3
RETRO_SHARE = 0.8
RETRO_TOTAL = 10


def _retroactive(uses: list[tuple[str, VenueToken, int]]) -> dict[str, int]:
    """Per canonical venue with a former name: how often the file writes the current
    name for a year the former name covers, when that is the file's habit (see
    RETRO_MIN); venues without the habit are left out."""
    retro: dict[str, int] = {}
    current: dict[str, int] = {}
    former: dict[str, int] = {}
    for where, token, n in uses:
        match = token.match
        if match is None or where == "subtitle" or not match.venue.renames:
            continue
        canonical = match.venue.canonical
        if match.kind is MatchKind.RENAME:
            former[canonical] = former.get(canonical, 0) + n
            continue
        current[canonical] = current.get(canonical, 0) + n
        year = token.year
        if year is not None and any(
            r.last is not None and r.covers(year) for r in match.venue.renames
        ):
            retro[canonical] = retro.get(canonical, 0) + n
    return {
        name: n
        for name, n in retro.items()
        if n >= RETRO_MIN
        and current[name] >= RETRO_TOTAL
        and current[name] >= RETRO_SHARE * (current[name] + former.get(name, 0))
    }


def _old_name(token: VenueToken, retro: dict[str, int]) -> str | None:
    """A former name in its own years, in a file that writes the current name for those
    years too (None: not such a slip)."""
    match = token.match
    if match is None or match.kind is not MatchKind.RENAME or token.year is None:
        return None
    times = retro.get(match.venue.canonical)
    if times is None:
        return None
    return (
        f"{match.spelling!r}: the file writes {match.venue.canonical!r} for the years "
        f"before the rename too ({times} times)"
    )


def _row_years(document: Document, tokens: VenueTokens) -> dict[int, tuple[str, str]]:
    """Former names in table rows whose year stands in a column of its own (`| 2024 |
    NIPS |`): the year the row gives does not fit the name. Keyed by the use (``id``
    of the Found); the reason and the name to write."""
    out: dict[int, tuple[str, str]] = {}
    text = document.text
    for f in tokens.found:
        token, match = f.token, f.token.match
        if f.entry.kind != "row" or token.year is not None or match is None:
            continue
        if match.kind is not MatchKind.RENAME:
            continue
        rename = match.venue.rename(match.spelling)
        cell = row_cells(document, f.entry).get("year")
        if rename is None or cell is None:
            continue
        written = text[cell[0] : cell[1]].strip(" \t*_")
        if not (len(written) == 4 and written.isdecimal()) or rename.covers(int(written)):
            continue
        canonical = match.venue.canonical
        out[id(f)] = (
            f"{match.spelling!r} is not the name of {canonical} in {written} (the row's year)",
            canonical,
        )
    return out


def _reason(token: VenueToken, prefer: bool) -> str | None:
    """Why the token's name does not fit (None: it does)."""
    match = token.match
    if match is None:
        return None
    venue = match.venue
    if match.kind is MatchKind.RENAME:
        rename = venue.rename(match.spelling)
        if token.year is None or rename is None or rename.covers(token.year):
            return None
        return f"{match.spelling!r} is not the name of {venue.canonical} in {token.year}"
    if match.kind is MatchKind.ALIAS and prefer:
        return f"{token.name!r} is an alias of {venue.canonical!r}"
    return None
