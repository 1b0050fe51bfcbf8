from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import (
    SHARED,
    VENUE_OPTIONS,
    Found,
    document_tokens,
    file_name_venues,
    implied_venues,
    implied_workshops,
    registry_for,
    url_of,
)
from awesome_lint.venues.parse import QUALIFIERS
from awesome_lint.venues.registry import VenueRegistry

# PVLDB volumes straddle two calendar years: lists cite either.
_YEAR_TOLERANCE = {"VLDB": 1}
# A file that writes "Findings" this often names the Findings volume of ACL venues
# (``EMNLP Findings 2023``); one that never does may drop it on purpose.
FINDINGS_HABIT = 3
_FINDINGS_BEFORE = 12  # characters before a venue token looked at ("Findings of ")


# How a file marks a workshop paper: the word, or a venue with a W (CVPRW, ICCVW 2019).
_WORKSHOP_MARK = lazy_compile(r"(?i)workshop|\b(?:CVPR|ICCV|ECCV|WACV|AAAI)W")


def _within(starts: list[int], spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans`` (``starts``: theirs)."""
    index = bisect_right(starts, pos) - 1
    return index >= 0 and pos < spans[index][1]


def _findings_unsaid(document: Document, entry: Entry, found: list[Found]) -> bool:
    """Whether the entry's paper link is an ACL Anthology Findings paper
    (``2023.findings-acl.15``) and no venue token of it says "Findings"."""
    url = url_of(entry, document)
    if not url or ".findings-" not in url or "acl" not in url:
        return False
    text = document.text
    for f in found:
        start, end = f.abs(f.token.span)
        if "findings" in text[max(entry.content[0], start - _FINDINGS_BEFORE) : end].casefold():
            return False
    return True


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

    A PDF on an author's page often names its venue in its file name
    (`lprof_osdi14.pdf`, `LITE-sosp17.pdf`): a conference the registry knows,
    spelt as it spells it, with a year, between `_`, `-` or `.`. An entry whose
    text names another conference or year (`[SOSP'17] [lprof](…/lprof_osdi14.pdf)`)
    is reported; a file name with two such tags (`nips18_sysml19`) says nothing, and
    neither does one against a journal in the text (`ToG 2005` for
    `ImageCompletion_SIGGRAPH05.pdf`: the journal prints the conference's papers).

    In a file that writes `Findings` (3 times or more), a link to a paper of an
    ACL Anthology Findings volume (`2023.findings-acl.15`) whose text names the
    main conference (`ACL 2023`, no `Findings` in or just before the venue) is
    reported as well. A file that never writes `Findings` drops it on purpose.

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

    A link to a workshop paper (`openaccess.thecvf.com/content_CVPRW_2019/…`,
    `content_cvpr_2018_workshops/…`, AAAI's `/ocs/index.php/WS/AAAIW15/…`)
    whose text names the main conference of that year (`CVPR 2019`) is
    reported in a file that marks workshop papers elsewhere (the word
    `Workshop`, or `CVPRW 2019`): a file that never does names the host
    conference on purpose.
    """

    code = "AL206"
    name = "venue-mismatch"
    summary = "The link implies a different venue or year than the text"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        registry = registry_for(context.options)
        text = document.text
        # "[SOSP'17] [lprof](…/lprof_osdi14.pdf)": the PDF's own name says OSDI 2014
        implied = [(entry, venue, False) for entry, venue in implied_venues(document)]
        implied += [(entry, venue, True) for entry, venue in file_name_venues(document, registry)]
        if not implied:
            return
        tokens = document_tokens(document, registry)
        findings: int | None = None  # how often the file writes "Findings"
        for entry, (canonical, year), by_name in implied:
            found = [
                f
                for f in tokens.of(entry)
                if f.where != "subtitle" and f.token.known and f.token.year is not None
            ]
            if not found:
                continue
            if by_name and any(
                f.token.match is None or f.token.match.venue.kind != "conference" for f in found
            ):
                # "ToG 2005" for ".../ImageCompletion_SIGGRAPH05.pdf": a journal that
                # prints the conference's papers, or a journal's later year
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
                if findings is None:
                    findings = text.count("Findings")
                if findings >= FINDINGS_HABIT and _findings_unsaid(document, entry, found):
                    first = found[0]
                    start, end = first.abs(first.token.span)
                    yield self.report(
                        f"The link is a paper of the Findings of {canonical} {year}, the text "
                        f"says {text[start:end]!r} (the file writes 'Findings' {findings} times)",
                        start,
                        end,
                    )
                continue
            first = found[0]
            start, end = first.abs(first.token.span)
            yield self.report(
                f"The link implies {canonical} {year}, the text says {text[start:end]!r}",
                start,
                end,
            )
        yield from self._workshops(document, registry)

    def _workshops(self, document: Document, registry: VenueRegistry) -> Iterator[Diagnostic]:
        """A workshop paper (``content_CVPRW_2019/...``) whose text names the main
        conference of that year, in a file that marks workshop papers elsewhere."""
        implied = implied_workshops(document)
        if not implied:
            return
        text = document.text
        # (not in link targets: "content_cvpr_2018_workshops/" is the link, not the text)
        targets = sorted(link.url for link in document.links)
        starts = [a for a, _ in targets]
        marks = [
            m.start()
            for m in _WORKSHOP_MARK.finditer(text)
            if not _within(starts, targets, m.start())
        ]
        tokens = document_tokens(document, registry)
        lines = document.source.lines
        for entry, (canonical, year) in implied:
            start, end = lines[entry.line].start, lines[entry.end_line].end
            if not marks or all(start <= at < end for at in marks):
                continue  # the file never marks a workshop paper: it names the host
            if any(start <= at < end for at in marks):
                continue  # "CVPR 2019. [[*Precognition Workshop*](url)]"
            for f in tokens.of(entry):
                token = f.token
                if (
                    f.where != "subtitle"
                    and token.canonical == canonical
                    and token.year == year
                    and token.workshop_span is None
                ):
                    a, b = f.abs(token.span)
                    yield self.report(
                        f"The link is a paper of a workshop held with {canonical} {year}, the text "
                        f"says {text[a:b]!r} (the file marks workshop papers elsewhere)",
                        a,
                        b,
                    )
                    break


__all__ = ["QUALIFIERS", "VenueMismatch"]
