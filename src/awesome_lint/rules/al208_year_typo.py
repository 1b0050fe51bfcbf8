from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from itertools import accumulate
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for

# A "year" of five or six digits (`20211`); the venue-like name before it is read
# backwards from there (`arXiv 20211`, `CVPR'20222`): digits are rare, letters are not.
# A year of five or six digits (a digit before it: checked apart), one pattern per
# century: each starts with a literal, which is searched for quickly (an alternation
# first is tried at every character: 18 ms on 2 MB against 6). Their matches never
# overlap (each runs to the end of its digits), so together, in order, they are what
# the one pattern ``(?:19|20)\d{3,4}(?!\d)`` finds.
_LONG_YEARS = (lazy_compile(r"19\d{3,4}(?!\d)"), lazy_compile(r"20\d{3,4}(?!\d)"))
_NAME_BEFORE = lazy_compile(r"(?<![\w&+-])[A-Za-z][A-Za-z&+-]*[A-Za-z][ \t]?['’]?[ \t]?\Z")


def _start(match: re.Match[str]) -> int:
    return match.start()


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
        text = document.text
        # (two quick passes over the text: they are rare)
        matches = sorted((m for pattern in _LONG_YEARS for m in pattern.finditer(text)), key=_start)
        if not matches:
            return
        registry = registry_for(context.options)
        by_line = {entry.line: entry for entry in document.entries()}
        targets: dict[int, tuple[list[int], list[int]]] = {}  # entry -> its URL spans
        source = document.source
        for match in matches:
            if text[match.start() - 1 : match.start()].isdigit():
                continue  # the end of a longer number
            entry = by_line.get(source.line_index(match.start()))
            if entry is None or not (entry.content[0] < match.start() < entry.content[1]):
                continue
            if _in_target(targets, entry, match.start()):
                continue  # a link target is a URL
            before = _NAME_BEFORE.search(
                text, max(entry.content[0], match.start() - 40), match.start()
            )
            if before is None:
                continue
            name, digits = before.group().rstrip(" \t'’"), match.group()
            if registry.lookup(name) is None:
                continue
            guesses = _candidates(digits)
            hint = f" ({' or '.join(guesses)}?)" if guesses else ""
            yield self.report(
                f"Year {digits!r} after {name} has {len(digits)} digits{hint}",
                match.start(),
                match.end(),
            )


def _in_target(targets: dict[int, tuple[list[int], list[int]]], entry: Entry, offset: int) -> bool:
    """Whether ``offset`` is inside one of the entry's link targets (the spans sorted
    once per entry: a line with thousands of links made a scan per number quadratic)."""
    spans = targets.get(id(entry))
    if spans is None:
        urls = sorted(link.url for link in entry.links)
        reach = list(accumulate((b for _, b in urls), max))  # furthest end so far
        spans = targets[id(entry)] = ([a for a, _ in urls], reach)
    starts, reach = spans
    index = bisect_right(starts, offset) - 1
    # some span starting at or before the offset ends after it
    return index >= 0 and offset < reach[index]
