from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import entry_tokens
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id_problem
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at, file_habit
from awesome_lint.venues.registry import default_registry

# A file cites arXiv ids one way when it does so this often (and this many times).
_SHARE = 0.8
_MINIMUM = 5
# "arXiv preprint arXiv:2207.05844" (the form reference managers export) or
# "arXiv:2201.02941": an arXiv id cited in an entry's text. "arXiv preprint" may follow
# a word's end with no blank between ("Ghahramani.arXiv preprint arXiv:..."): still the
# citation's own, not missing.
_CITATION = lazy_compile(
    r"(?:(?<!\w)(?P<preprint>arXiv[ \t]+preprint[ \t]+)|(?<![\w/.=-]))"
    r"arXiv:(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)(?!\d)"
)
_PREPRINT = "arXiv preprint "
# Any number cited after "arXiv:", with the blanks before it: the citations above, and
# `arXiv: 1911.06786` (a blank after the colon), `arXiv:2014.10510` (month 14),
# `arXiv:2020` (a year where the id belongs).
_CITED_NUMBER = lazy_compile(
    r"(?<![\w/.=-])arXiv:(?P<blank>[ \t]*)(?P<id>\d+(?:\.\d+)?(?:v\d+)?)(?![\w.]*\d)"
)
_YEAR_ALONE = lazy_compile(r"(?:19|20)\d\d")


class ArxivCitation(Rule):
    """
    ## What it does

    Finds an arXiv id cited in an entry's text in another form than the file's
    own: `arXiv:2201.02941` in a file that writes `arXiv preprint
    arXiv:2207.05844` (the form reference managers export) at least 4 times in
    5 (and at least 5 times), or the reverse. Link targets and code spans are
    not text; only entries (list items, paragraph entries) are read. An id
    after a venue and its year (`Title. *NeurIPS 2023*. arXiv:2307.01850.`)
    points at the preprint of a published paper: it is not arXiv as the venue,
    and is neither counted nor reported. `arXiv preprint` glued to the word
    before it (`Ghahramani.arXiv preprint arXiv:1707.02476`) is still the
    citation's own: not missing.

    It also finds a cited id that names no paper, by arXiv's identifier scheme
    (arxiv.org/help/arxiv_identifier, as broken-paper-link reads addresses): a
    month 14 (`arXiv:2014.10510`), four digits after the dot from 2015 on
    (`arXiv:2011.0142`), or a year where the id belongs (`arXiv:2020`); and a
    blank after the colon (`arXiv: 1911.06786`) in a file that writes
    `arXiv:ID` at least 4 times in 5 (and at least 5 times).

    ## Why

    `Title, arXiv preprint arXiv:XXXX.XXXXX, 2022.` is a list's citation style
    like any other: one entry written `arXiv:XXXX.XXXXX` stands out, and a
    search for the list's form misses it.

    ## Example

    ```markdown
    - TPAD: Identifying Trajectory Predictions, arXiv:2201.02941, 2022. [[paper](https://arxiv.org/pdf/2201.02941.pdf)]
    ```

    becomes `..., arXiv preprint arXiv:2201.02941, 2022.` in a file that cites
    its other preprints so.

    ## Fix safety

    Safe: `arXiv preprint ` is inserted before `arXiv:` (or removed, in a file
    that writes ids without it), or the blank after `arXiv:` removed; the id is
    kept. An id that names no paper is reported only: the right one has to be
    looked up. Entries the parser cannot fully read get no fix.

    ## Options

    None.
    """

    code = "AL210"
    name = "arxiv-citation"
    summary = (
        "An arXiv id cited in the text in another form than the file's, or one that names no paper"
    )
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if "arXiv:" not in text:
            return
        found = list(_CITATION.finditer(text))
        yield from self._slips(document)
        cited = _in_entries(document, found)
        preprint = [c for c in cited if c[1].group("preprint")]
        # `*NeurIPS 2023*. arXiv:2307.01850.`: after a venue the id points at the
        # preprint of a published paper; it is no venue, in any form
        bare = [
            (entry, m)
            for entry, m in cited
            if not m.group("preprint") and not _after_venue(document, entry, m.start())
        ]
        if file_habit(len(preprint), len(bare), share=_SHARE, minimum=_MINIMUM) and bare:
            for entry, m in bare:
                pos = m.start()
                fix = self.replace(f"Insert {_PREPRINT!r}", pos, pos, _PREPRINT)
                yield self.report(
                    f"arXiv id cited without 'arXiv preprint': the file writes "
                    f"'arXiv preprint arXiv:…' ({len(preprint)} times)",
                    pos,
                    m.end(),
                    fix if entry.parsed else None,
                )
        elif file_habit(len(bare), len(preprint), share=_SHARE, minimum=_MINIMUM) and preprint:
            for entry, m in preprint:
                pos, cut = m.start(), m.end("preprint")
                fix = self.replace("Remove 'arXiv preprint '", pos, cut, "")
                yield self.report(
                    f"arXiv id cited with 'arXiv preprint': the file writes 'arXiv:…' "
                    f"({len(bare)} times)",
                    pos,
                    m.end(),
                    fix if entry.parsed else None,
                )

    def _slips(self, document: Document) -> Iterator[Diagnostic]:
        """Citations that name no paper (`arXiv:2014.10510`, `arXiv:2020`), and a blank
        after the colon (`arXiv: 1911.06786`) in a file that cites ids without one (four
        in five at least, and five times)."""
        numbers = _in_entries(document, _CITED_NUMBER.finditer(document.text))
        ids = [m for _, m in numbers if "." in m.group("id")]
        spaced = sum(1 for m in ids if m.group("blank"))
        glued = len(ids) - spaced
        for entry, m in numbers:
            number = m.group("id")
            problem = None
            if _YEAR_ALONE.fullmatch(number) and not m.group("blank"):
                problem = f"'arXiv:{number}' cites a year, not an arXiv id (arXiv:YYMM.NNNNN)"
            elif "." in number:
                why = arxiv_id_problem(number)
                if why is not None:
                    problem = f"arXiv id {number!r} names no paper: {why}"
            if problem is not None:
                yield self.report(problem, m.start("id"), m.end("id"))
            elif m.group("blank") and "." in number and _spaced_slip(glued, spaced):
                yield self.report(
                    f"Blank after 'arXiv:': the file writes 'arXiv:ID' ({glued} times)",
                    m.start("blank"),
                    m.end("blank"),
                    self.replace("Remove the blank", m.start("blank"), m.end("blank"), "")
                    if entry.parsed
                    else None,
                )


def _spaced_slip(glued: int, spaced: int) -> bool:
    """Whether a blank after `arXiv:` goes against the file's habit."""
    return file_habit(glued, spaced, share=_SHARE, minimum=_MINIMUM)


def _in_entries(
    document: Document, found: Iterable[re.Match[str]]
) -> list[tuple[Entry, re.Match[str]]]:
    """The matches that stand in an entry's text: not in a link's target, nor in a code
    span, nor outside the entries."""
    text = document.text
    cited: list[tuple[Entry, re.Match[str]]] = []
    for m in found:
        entry = entry_at(document, m.start())
        if entry is None:
            continue
        if m.end() > entry.content[1] or _in_link_target(entry, m.start()):
            continue
        if any(a <= m.start() < b for a, b in code_spans(text, *entry.content)):
            continue
        cited.append((entry, m))
    return cited


def _after_venue(document: Document, entry: Entry, pos: int) -> bool:
    """Whether a venue other than arXiv, with its year, is named in the entry before
    ``pos``: the arXiv id after it points at the preprint of a published paper."""
    for found in entry_tokens(document, entry, default_registry()):
        token = found.token
        if found.span[1] > pos:
            break
        if token.year is not None and (
            token.match is None or token.match.venue.canonical != "arXiv"
        ):
            return True
    return False


def _in_link_target(entry: Entry, pos: int) -> bool:
    return any(link.url[0] <= pos < link.url[1] for link in (*entry.links, *entry.more_links))
