from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.parts import KIND_WORDS
from awesome_lint.domain.venues import Found
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for

# A heading or a bold line that names a kind of venue: "**Conference**", "### Journal
# Papers", "**Arxiv**" (the words: domain.parts). (Workshops are listed under their
# host's name: not read.)
_KIND_TITLE = lazy_compile(r"[ \t]*" + KIND_WORDS + r"[ \t]*\Z", re.IGNORECASE)
_BOLD_LINE = lazy_compile(
    r"^[ \t]*(?:\*\*|__)[ \t]*" + KIND_WORDS + r"[ \t]*(?:\*\*|__)[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)
# What the registry's kinds of venue fit under each heading.
_FITS = {
    "conference": frozenset({"conference", "workshop"}),
    "journal": frozenset({"journal"}),
    "preprint": frozenset({"preprint"}),
}
_NAMES = {"conference": "a conference", "journal": "a journal", "preprint": "a preprint"}
# A link label that dates an arXiv preprint ("[[arXiv 5 Dec 2024]]").
_ARXIV_LABEL = lazy_compile(r"\[\[?[ \t]*arxiv\b", re.IGNORECASE)
# The file keeps its entries under the heading of their kind: this many fit, this share.
MIN_FITTING = 10
MIN_SHARE = 0.9


class KindHeading(Rule):
    """
    ## What it does

    In a list that groups its papers under headings or bold lines naming a
    kind of venue (`**Conference**`, `**Journal**`, `**Arxiv**`, `### Journal
    Papers`), finds an entry whose venue is of another kind: a journal
    (`[[TIP 2018]]`, `[[JMLR 2019]]`) under `Conference`, a preprint (`[[arXiv
    5 Dec 2024]]`) under `Conference` or `Journal`, a conference paper under
    `Arxiv`. The kind is the venue registry's; an entry with no known venue is
    left alone, and so is an entry that names both kinds (`CVPR 2021`, `arXiv`).

    Only where the file keeps to its headings: at least 10 entries under such
    headings fit them, and 9 in 10 of those read.

    ## Why

    A paper filed under the wrong kind is missed by a reader who looks for
    journal papers, and a preprint under `Conference` reads as accepted.

    ## Example

    ```markdown
    **Conference**
    - Safe Self-Refinement [[CVPR2022]](https://example.org/a)
    - Feature Learning for Adaptation [[TIP 2018]](https://example.org/b)
    ```

    The second entry is reported: its venue is a journal, under `Conference`.

    ## Fix safety

    No fix: the entry belongs in another list, and which place in it is the
    maintainer's choice.

    ## Options

    The venue options shared with AL201 (`extra-venues` with `kind`).
    """

    code = "AL303"
    name = "kind-heading"
    summary = "An entry's venue is of another kind than its Conference/Journal/Arxiv heading"
    options = VENUE_OPTIONS
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        marks = _marks(document)
        if not marks:
            return
        starts = [offset for offset, _, _ in marks]
        ends = [document.source.lines[h.line].start for h in document.headings]
        tokens = document_tokens(document, registry_for(context.options))
        fitting = 0
        misfits: list[tuple[Entry, str, str, tuple[int, int, str]]] = []
        for entry, found in tokens.entries:
            start = entry.content[0]
            i = bisect_right(starts, start) - 1
            if i < 0:
                continue
            mark = marks[i]
            # a heading after the mark (and before the entry) ends its reach
            j = bisect_right(ends, start) - 1
            if j >= 0 and ends[j] > mark[0]:
                continue
            kinds = _kinds(document, entry, found)
            if not kinds:
                continue
            if kinds & _FITS[mark[2]]:
                fitting += 1
            else:
                misfits.append((entry, mark[2], "/".join(sorted(kinds)), mark))
        if fitting < MIN_FITTING or fitting < MIN_SHARE * (fitting + len(misfits)):
            return
        for entry, kind, own, (offset, end, _) in misfits:
            heading = document.text[offset:end].strip(" \t*_#:\r")
            start, stop = entry.content
            line = document.source.line_index(offset) + 1
            yield self.report(
                f"Entry's venue is {_NAMES.get(own, 'a ' + own)}, but it is listed under "
                f"{heading!r} (line {line})",
                start,
                stop,
                related=(Related(offset, end, f"The {kind} heading"),),
            )


def _marks(document: Document) -> list[tuple[int, int, str]]:
    """The headings and bold lines naming a kind: (start, end, kind), in order."""
    text = document.text
    marks: list[tuple[int, int, str]] = []
    for heading in document.headings:
        m = _KIND_TITLE.match(heading.title)
        if m is not None:
            marks.append((*heading.text, _kind(m.group("kind"))))
    # A bold line holds "**" or "__": only those lines are read (a scan of the whole
    # text for a pattern anchored at line starts tries every character: 26 ms on 2 MB).
    for line_start in _lines_holding(text, ("**", "__")):
        m = _BOLD_LINE.match(text, line_start)
        if m is not None:
            marks.append((m.start("kind"), m.end("kind"), _kind(m.group("kind"))))
    marks.sort()
    return marks


def _lines_holding(text: str, needles: tuple[str, ...]) -> list[int]:
    """The start offsets of the lines (after each "\\n") that hold one of ``needles``,
    in order."""
    starts: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            line_end = text.find("\n", at)
            if line_end < 0:
                break
            at = text.find(needle, line_end)
    return sorted(starts)


def _kind(word: str) -> str:
    word = word.lower()
    if word.startswith("conference"):
        return "conference"
    if word.startswith("journal"):
        return "journal"
    return "preprint"


def _kinds(document: Document, entry: Entry, found: list[Found]) -> set[str]:
    """The kinds of venue the entry names: its known venues', or ``preprint`` for an
    arXiv-dated link label."""
    kinds = {f.token.match.venue.kind for f in found if f.token.match is not None}
    if kinds:
        return kinds
    text = document.text
    for link in entry.links:
        if _ARXIV_LABEL.match(text, link.start, link.end):
            return {"preprint"}
    return set()
