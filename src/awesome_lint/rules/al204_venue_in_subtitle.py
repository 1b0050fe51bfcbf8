from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for


class VenueInSubtitle(Rule):
    """
    ## What it does

    In a list that puts venues in a slot after ` | `, finds an entry whose
    slot is missing or empty while its subtitle names a venue with a year
    (`: … Scale arXiv:2201.05596 and ICML 2022.`).

    ## Why

    The venue is there but in the wrong place: readers scanning the slots,
    and the other venue rules, miss it.

    ## Example

    ```markdown
    - [DeepSpeed-MoE](https://arxiv.org/abs/2201.05596): MoE at Scale, ICML 2022.
    ```

    reports `Venue 'ICML 2022' is in the subtitle; the venue slot is empty`.

    ## Fix safety

    No fix: which part of the subtitle to move is a human's call.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    Only files where at least one entry has a known venue in its slot are checked.
    """

    code = "AL204"
    name = "venue-in-subtitle"
    summary = "A venue with a year sits in the subtitle while the venue slot is empty"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        tokens = document_tokens(document, registry)
        uses_slots = any(where == "slot" and token.known for where, token, _ in tokens.uses())
        if not uses_slots:
            return
        for entry, found in tokens.entries:
            if entry.venue is not None and document.span_text(entry.venue).strip():
                continue
            if any(f.where != "subtitle" and f.token.known for f in found):
                continue
            for f in found:
                if f.where == "subtitle" and f.token.known and f.token.year is not None:
                    start, end = f.abs(f.token.span)
                    yield self.report(
                        f"Venue {document.text[start:end]!r} is in the subtitle; "
                        "the venue slot is empty",
                        start,
                        end,
                    )
                    break
