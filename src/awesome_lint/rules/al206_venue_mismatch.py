from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import (
    SHARED,
    VENUE_OPTIONS,
    document_tokens,
    implied_venues,
    registry_for,
)
from awesome_lint.venues.parse import QUALIFIERS

# PVLDB volumes straddle two calendar years: lists cite either.
_YEAR_TOLERANCE = {"VLDB": 1}


class VenueMismatch(Rule):
    """
    ## What it does

    Finds an entry whose link implies one venue or year (see missing-venue
    for the links understood) while its text names another:
    `[NSDI'22] [Paper](https://www.usenix.org/conference/osdi22/…)`.

    ## Why

    One of the two is wrong: a copy-paste slip in the venue, or a link to
    the wrong paper. A text that still says `arXiv` for a paper whose link
    is now the published version is reported too.

    ## Example

    ```markdown
    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'21
    ```

    reports `The link implies OSDI 2022, the text says 'OSDI'21'`.

    ## Fix safety

    No fix: which side is wrong is a human's call.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    Entries naming a workshop (`NAIC @ SIGCOMM'24`, `NeurIPS'24 Workshop`) are
    skipped; PVLDB years may differ by one.
    """

    code = "AL206"
    name = "venue-mismatch"
    summary = "The link implies a different venue or year than the text"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        text = document.text
        implied = implied_venues(document)
        if not implied:
            return
        tokens = document_tokens(document, registry)
        for entry, (canonical, year) in implied:
            found = [
                f
                for f in tokens.of(entry)
                if f.where != "subtitle" and f.token.known and f.token.year is not None
            ]
            if not found:
                continue
            if any(
                f.token.workshop_span is not None
                or any(
                    word.casefold().strip("()") in ("workshop", "workshops")
                    for a, b in f.token.qualifiers
                    for word in text[a + f.offset : b + f.offset].split()
                )
                for f in found
            ):
                continue
            tolerance = _YEAR_TOLERANCE.get(canonical, 0)
            if any(
                f.token.canonical == canonical
                and f.token.year is not None
                and abs(f.token.year - year) <= tolerance
                for f in found
            ):
                continue
            first = found[0]
            start, end = first.abs(first.token.span)
            yield self.report(
                f"The link implies {canonical} {year}, the text says {text[start:end]!r}",
                start,
                end,
            )


__all__ = ["QUALIFIERS", "VenueMismatch"]
