from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for

# A venue-like name, then a "year" of five or six digits (`arXiv 20211`, `CVPR'20222`).
_LONG_YEAR = re.compile(
    r"(?<![\w&+-])(?P<name>[A-Za-z][A-Za-z&+-]*[A-Za-z])[ \t]?['’]?[ \t]?"
    r"(?P<year>(?:19|20)\d{3,4})(?!\d)"
)


def _candidates(digits: str) -> list[str]:
    """The four-digit years that dropping digits from ``digits`` leaves (``20211`` →
    2011, 2021), for the message."""
    found: set[str] = set()
    for i in range(len(digits)):
        shorter = digits[:i] + digits[i + 1 :]
        if len(shorter) == 4 and 1960 <= int(shorter) <= 2049:
            found.add(shorter)
        elif len(shorter) > 4:
            found.update(_candidates(shorter))
    return sorted(found)


class YearTypo(Rule):
    """
    ## What it does

    Finds a venue the registry knows followed by a "year" of five or six digits:
    `[[arXiv 20211]]`, `CVPR'20222`, `(NeurIPS 20193)`, anywhere in an entry's
    first line (link text included, link targets not).

    ## Why

    A mistyped year is read as no year at all: the entry drops out of sorting
    by year, of year headings and buckets, and of every venue-format check.

    ## Example

    ```markdown
    - Domain Adaptation via Auxiliary Models [[arXiv 20211]](https://arxiv.org/abs/2111.06021)
    ```

    is reported: "Year '20211' after arXiv has 5 digits (2011 or 2021?)".

    ## Fix safety

    No fix: which digit is extra has to be decided by a person.

    ## Options

    The venue rules' shared `extra-venues` and `aliases` (see venue-format).
    """

    code = "AL208"
    name = "year-typo"
    summary = "A known venue followed by a year of five or six digits"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        text = document.text
        for entry in document.entries():
            start, end = entry.content
            line = text[start:end]
            if not any(ch.isdigit() for ch in line):
                continue
            for link in (*entry.links, *entry.more_links):
                a, b = max(link.url[0], start), min(link.url[1], end)
                if a < b:  # a link target is a URL: blanked out, offsets kept
                    line = line[: a - start] + " " * (b - a) + line[b - start :]
            for match in _LONG_YEAR.finditer(line):
                name, digits = match.group("name"), match.group("year")
                if registry.lookup(name) is None:
                    continue
                guesses = _candidates(digits)
                hint = f" ({' or '.join(guesses)}?)" if guesses else ""
                yield self.report(
                    f"Year {digits!r} after {name} has {len(digits)} digits{hint}",
                    start + match.start("year"),
                    start + match.end("year"),
                )
