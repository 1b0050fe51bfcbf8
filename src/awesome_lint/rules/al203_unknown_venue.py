from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, entry_tokens, registry_for
from awesome_lint.venues.parse import parse_slot


class UnknownVenue(Rule):
    """
    ## What it does

    Reports a venue slot (the text after ` | `) that holds neither a known
    venue nor a year, and venue-shaped tokens elsewhere whose name the
    registry does not know (`[SAA'25]`).

    ## Why

    A typo in a venue name (`OSID'22`) or a venue missing from the registry
    hides the entry from the other venue rules. This rule is opt-in because
    many lists put affiliations in the slot (`| Stanford`, `| Google, UCB`).

    ## Example

    ```markdown
    - [Paper](https://example.org/p): Subtitle | OSID'22
    ```

    reports `Unknown venue 'OSID'22'`.

    ## Fix safety

    No fix. Add real venues the registry lacks to `extra-venues` (option of
    venue-format), or suppress the line.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL203"
    name = "unknown-venue"
    summary = "A venue slot holds neither a known venue nor a year"
    default = False
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        entries = document.entries()
        # Slots are read only in files that use them for venues (a pipe may be text).
        uses_slots = any(
            e.venue is not None and parse_slot(document.text[slice(*e.venue)], registry).is_venue
            for e in entries
        )
        for entry in entries:
            if entry.venue is not None and uses_slots:
                start, end = entry.venue
                slot = parse_slot(document.text[start:end], registry)
                if slot.is_unknown:
                    yield self.report(f"Unknown venue {slot.text.strip()!r}", start, end)
                    continue
            for f in entry_tokens(document, entry, registry):
                if f.where in ("slot", "subtitle") or f.token.known:
                    continue
                start, end = f.abs(f.token.span)
                yield self.report(
                    f"Unknown venue {f.token.name!r} in {document.text[start:end]!r}", start, end
                )
