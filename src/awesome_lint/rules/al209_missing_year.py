from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import Found, document_tokens
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, registry_for

# The file must write its venues with a year this often (and this many times) before a
# venue without one is a slip.
_WITH_YEAR_SHARE = 0.95
_MINIMUM = 20
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _standalone(found: Found) -> bool:
    """Whether a token stands where the file writes venues, not in running text: a venue
    slot, a bracketed prefix, a link label, or alone in brackets or parentheses."""
    return found.where in ("slot", "prefix", "label") or found.token.wrapper in ("[", "(")


class MissingYear(Rule):
    """
    ## What it does

    Reports a venue the registry knows written without a year (`[[TPAMI]](url)`,
    `... Control (L4DC).`) in a file that writes its venues with a year at least
    19 times in 20 (and at least 20 times). Only venues where the file writes them
    count: a venue slot, a bracketed prefix, a link label, or a name alone in
    brackets or parentheses; a venue named in a description ("won the NeurIPS
    competition") is text, not a venue slot.

    ## Why

    A venue without its year drops the entry out of sorting by year, year
    headings and year buckets, and readers lose the one fact the list promises
    for every paper.

    ## Example

    ```markdown
    - Adversarial Discriminative Domain Adaptation [[CVPR2017]](https://example.org/a)
    - Domain Adaptation via Transfer Component Analysis [[TNN]](https://example.org/b)
    ```

    In a file whose other venue labels all carry a year, the second entry is
    reported: "TNN has no year; the file writes the year with 40 of its 41 venues".

    ## Fix safety

    No fix: the year has to be looked up.

    ## Options

    The venue rules' shared `extra-venues` and `aliases` (see venue-format).
    """

    code = "AL209"
    name = "missing-year"
    summary = "A known venue without a year, in a file that gives venues their year"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        text = document.text
        with_year = 0
        without: list[tuple[str, int, int]] = []  # (name, start, end)
        for entry, tokens in document_tokens(document, registry).entries:
            if entry.kind == "row":
                continue  # a table cell naming a dataset or tool is no venue slot
            found: list[Found] = []
            missing: list[tuple[str, int, int]] = []
            for f in tokens:
                token = f.token
                if token.known and _standalone(f):
                    found.append(f)
                    if token.year is not None:
                        with_year += 1
                    else:
                        missing.append((token.name, *f.span))
            spans: set[tuple[int, int]] | None = None  # the tokens' spans, on first need
            for link in entry.links:  # "[[TPAMI]](url)": a bracketed venue as a link label
                a, b = link.text
                if b - a < 3 or text[a] != "[" or text[b - 1] != "]":
                    continue
                if spans is None:
                    spans = {f.span for f in found}
                if link.text in spans:
                    continue
                label = text[a + 1 : b - 1].strip()
                if registry.lookup(label) is not None:
                    missing.append((label, a, b))
            # a year somewhere in the line: a venue written apart from it
            if missing and _yearless(text, entry):
                without.extend(missing)
        total = with_year + len(without)
        if not file_habit(with_year, len(without), share=_WITH_YEAR_SHARE, minimum=_MINIMUM):
            return
        for name, start, end in without:
            yield self.report(
                f"{name} has no year; the file writes the year with {with_year} of its "
                f"{total} venues",
                start,
                end,
            )


def _yearless(text: str, entry: Entry) -> bool:
    """Whether the entry's first line has no year outside its link targets."""
    start, end = entry.content
    pos = start
    for link in entry.links:
        if _YEAR.search(text, pos, max(pos, link.url[0])):
            return False
        pos = max(pos, link.url[1])
    return _YEAR.search(text, pos, end) is None
