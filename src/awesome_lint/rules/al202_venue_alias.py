from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
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

    Unsafe: the venue's name changes (the year, separator, wrappers and
    qualifiers stay as written). A name without a year is never flagged for
    a rename, since its year is unknown.

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
        reasons: dict[int, str] = {}
        retro = _retroactive(tokens.uses())
        for where, token, _ in tokens.uses():
            if where != "subtitle":
                reason = _reason(token, prefer) or _old_name(token, retro)
                if reason is not None:
                    reasons[id(token)] = reason
        if not reasons:
            return
        for f in tokens.found:
            reason = reasons.get(id(f.token))
            if reason is None or f.where == "subtitle":
                continue
            assert f.token.match is not None
            canonical = f.token.match.venue.canonical
            start, end = f.abs(f.token.name_span)
            fix = (
                self.replace(f"Write {canonical!r}", start, end, canonical, unsafe=True)
                if f.entry.parsed
                else None
            )
            yield self.report(f"Venue {reason}", start, end, fix)


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
