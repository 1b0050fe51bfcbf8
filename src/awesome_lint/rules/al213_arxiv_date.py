from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.venues import Found
from awesome_lint.domain.years import Year, arxiv_year, date_label
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import arxiv_id
from awesome_lint.links.papers import paper_links
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import document_tokens, registry_for

# The file labels its arXiv links by submission date when at least this many dated
# labels on arXiv links (and this share of them) give the id's month and year.
_MINIMUM = 10
_SHARE = 0.9
_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A date label without its year: "[arXiv 26 Jun]", "[26 June]" (the link text, brackets
# of its own included).
_NO_YEAR = lazy_compile(
    r"(?i)[\[ \t]*(?:arxiv[ \t]+(?:on[ \t]+)?)?(?P<day>\d{1,2})[ \t]+"
    r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)[\] \t]*"
)
_ABS = "https://arxiv.org/abs/"
# A January id numbered below this may be a paper sent in the last days of December
# (arXiv numbers papers in the order they arrive; tens of thousands a month).
LATE_DECEMBER_NUMBER = 5000


def _late_december(year: int, paper: str, submitted: Year) -> bool:
    """Whether ``year`` is the one before a January id numbered below
    LATE_DECEMBER_NUMBER: a paper sent in the last days of December."""
    return (
        year == submitted.year - 1
        and submitted.month == 1
        and int(paper.split(".")[1][:5]) < LATE_DECEMBER_NUMBER
    )


_LABEL_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# An arXiv date label's start: "[arXiv 30 May", "[arXiv on 24 May" (the "on" and the
# blank after it).
_ARXIV_ON = lazy_compile(r"(?i)\[?[ \t]*arxiv[ \t]+(?P<on>on[ \t]+)?\d")
# Cheap tests before a label is read: a digit, a space and a letter ("12 Feb 2020").
_DATE_HINT = lazy_compile(r"\d\s+[A-Za-z]")


def _dated_arxiv(document: Document) -> list[tuple[Link, tuple[int, int], tuple[int, int], str]]:
    """Every link whose label is a date and whose target a new-style arXiv id: the
    link, the label's (year, month), the id's (year, month) and the id."""
    text = document.text
    out = []
    for link in document.links:
        if link.image or "arxiv" not in link.url_value.lower():
            continue
        start, end = link.text
        if end - start > 40 or _DATE_HINT.search(text, start, end) is None:
            continue
        date = date_label(text[start:end])
        if date is None:
            continue
        paper = arxiv_id(link.url_value)
        if paper is None or "/" in paper:
            continue  # an old-style id (cs/0601001): its month reads the same, not worth it
        submitted = arxiv_year(paper)
        if submitted is None or submitted.month is None:
            continue
        out.append((link, (date[0], date[1]), (submitted.year, submitted.month), paper))
    return out


class ArxivDate(Rule):
    """
    ## What it does

    In a list that labels its arXiv links with the submission date
    (`Title [[12 Feb 2020]](https://arxiv.org/abs/2002.04567)`), reports a date
    label that the link's arXiv id contradicts: the id `2203.15792` says the paper
    was announced in March 2022, so `[[10 Mar 2021]]` has the wrong year. The
    file must give the id's month and year in at least 9 of 10 of its dated arXiv
    labels (and at least 10 of them).

    Reported: a label in the id's month of another year, earlier or later (a slip
    of the year: `[[10 Mar 2023]]` on `2203.15792`, under a line dated `[[10 Mar
    2022]]`), and a label more than a month before the id's month (an id is given
    when the paper is announced, a few days to a few weeks after it is submitted:
    a label a month before the id's month is a submission held back, not a slip).
    A label in a later month (`[[28 Jun 2018]]` on `1804.04333`), a later year
    included, is the date of a later version: reported without a fix, since the
    file dates its papers by their first version.

    A date label without its year (`[[arXiv 26 Jun]]`) on an arXiv link is
    reported too, in such a file, with the id's month and year; so is a stray
    `on` (`[[arXiv on 24 May 2019]]`) where nine in ten of the file's arXiv date
    labels (five at least) have none (`[[arXiv 30 May 2019]]`).

    In any file, an arXiv venue with a year before the year of the entry's
    arXiv id is reported (`Arxiv 2023` on `2401.15670`): the id is given when
    the paper is announced, so the preprint cannot be older. A paper sent in the
    last days of December is announced in January with a low number: a January
    id numbered below 5000 may carry the year before (`arXiv 2024` on
    `2501.00254`). An entry linking two arXiv papers is left alone.

    So is a paper link labelled with a year alone before its arXiv id's year
    (`ClipSAM [[2023]](https://arxiv.org/pdf/2401.12665)`).

    A later year (`arxiv'25` on `2409.17264`) may be the date of a later version,
    so it is reported only in a file that plainly gives the id's year: in at least
    9 of 10 of its arXiv venues with a year on an arXiv link (and at least 10 of
    them). The message says how many.

    ## Why

    The date is how a reader of such a list tells new work from old; a slip of
    the year files a paper a year off.

    ## Example

    ```markdown
    - Task specific source-free adaptation [[10 Mar 2021]](https://arxiv.org/abs/2203.15792)
    ```

    is reported: "Date label '10 Mar 2021' disagrees with arXiv id 2203.15792
    (March 2022)".

    ## Fix safety

    Unsafe. A stray `on` is removed. A wrong year is fixed only for a label in
    the id's month: the year is changed to the
    id's (`[[10 Mar 2022]]`), or added where it is missing (`[[arXiv 26 Jun
    2018]]`). The day is kept as written. A label in another month is reported
    without a fix. An arXiv venue's year is changed to the id's, in the
    venue's own number of digits (`arxiv'22` → `arxiv'23`, `arxiv'25` →
    `arxiv'24`), unsafe too.

    ## Options

    None.
    """

    code = "AL213"
    name = "arxiv-date"
    summary = "A date label that its arXiv link's id contradicts"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        yield from self._venue_years(document, context)
        yield from self._year_labels(document)
        dated = _dated_arxiv(document)
        if len(dated) < _MINIMUM:
            return
        matching = sum(1 for _, label, submitted, _ in dated if label == submitted)
        if not file_habit(matching, len(dated) - matching, share=_SHARE, minimum=_MINIMUM):
            return
        text = document.text
        yield from self._no_year(document)
        yield from self._stray_on(document, [link for link, _, _, _ in dated])
        for link, (year, month), (id_year, id_month), paper in dated:
            # the id's month in another year: a year slip ("10 Mar 2023" on 2203.15792,
            # the line above's "10 Mar 2022" copied; a later version comes out in another
            # month, which is left alone)
            slip = month == id_month and year != id_year
            months_before = (id_year * 12 + id_month) - (year * 12 + month)
            if not slip and 0 <= months_before <= 1:
                continue
            start, end = link.text
            label = text[start:end].strip("[] \t")
            if not slip and months_before < 0:
                # a later month: a later version's date, in a file that dates first versions
                yield self.report(
                    f"Date label {label!r} is later than arXiv id {paper} "
                    f"({_MONTH_NAMES[id_month - 1]} {id_year}): a later version's date, "
                    "or another paper's link? "
                    f"The file gives the id's month in {matching} of {len(dated)} labels",
                    start,
                    end,
                )
                continue
            fix = None
            if slip:
                found = list(_LABEL_YEAR.finditer(text, start, end))
                if found:
                    at = found[-1]
                    fix = self.replace(
                        f"Write the id's year {id_year}",
                        at.start(),
                        at.end(),
                        str(id_year),
                        unsafe=True,
                    )
            yield self.report(
                f"Date label {label!r} disagrees with arXiv id {paper} "
                f"({_MONTH_NAMES[id_month - 1]} {id_year})",
                start,
                end,
                fix,
            )

    def _venue_years(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        """An arXiv venue whose year is before the year of the entry's arXiv id
        (``Arxiv 2023`` on ``2401.15670``). A paper sent in late December is announced
        in January with a low number: the year before is left alone for January ids
        below LATE_DECEMBER_NUMBER (``arxiv'24`` on ``2501.00254``)."""
        tokens = document_tokens(document, registry_for(context.options))
        # the distinct arXiv tokens with a year (a list writes "arxiv'24" thousands of times)
        arxiv = {
            id(token): token.year
            for where, token, _ in tokens.uses()
            if token.year is not None and where != "subtitle" and token.canonical == "arXiv"
        }
        if not arxiv:
            return
        # later years ("arXiv'25" on 2409.17264): reported only where the file plainly
        # gives the id's year (a later year may otherwise be the date of a later version)
        kept = 0
        later: list[tuple[Entry, Found, str, Year]] = []
        for entry, _, _, key in paper_links(document):
            # (normalised: "https://arxiv.org/abs/<id>", versions and ".pdf" dropped)
            if not key.startswith(_ABS):
                continue
            paper = key[len(_ABS) :]
            if not paper[:4].isdecimal():
                continue
            venues = [f for f in tokens.of(entry) if id(f.token) in arxiv and f.where != "subtitle"]
            if not venues or any(
                arxiv_id(link.url_value) not in (paper, None) for link in entry.links
            ):
                continue  # no arXiv venue with a year, or links to two papers
            submitted = arxiv_year(paper)
            if submitted is None or submitted.month is None:
                continue
            for f in venues:
                year = f.token.year
                assert year is not None and f.token.year_span is not None
                if year == submitted.year or _late_december(year, paper, submitted):
                    kept += 1
                    continue
                if year > submitted.year:
                    later.append((entry, f, paper, submitted))
                else:
                    yield self._venue_year(document, entry, f, paper, submitted, "earlier")
        if file_habit(kept, len(later), share=_SHARE, minimum=_MINIMUM):
            habit = f"; the file gives the id's year in {kept} of {kept + len(later)} arXiv venues"
            for entry, f, paper, submitted in later:
                yield self._venue_year(document, entry, f, paper, submitted, "later", habit)

    def _year_labels(self, document: Document) -> Iterator[Diagnostic]:
        """A paper link labelled with a year alone before the year of its arXiv id
        (``ClipSAM [[2023]](https://arxiv.org/pdf/2401.12665)``): the id is given when
        the paper is announced, so the paper is not older (the late-December case as
        for venues)."""
        text = document.text
        for entry, link, _, key in paper_links(document):
            a, b = link.text
            if b - a > 8 or not key.startswith(_ABS):
                continue  # (most: a title, or another host)
            label = text[a:b].strip("[]*_ ")
            if len(label) != 4 or not label.isdecimal():
                continue
            paper = key[len(_ABS) :]
            submitted = arxiv_year(paper) if paper[:4].isdecimal() else None
            if submitted is None or submitted.month is None or int(label) >= submitted.year:
                continue
            if _late_december(int(label), paper, submitted):
                continue
            start = text.find(label, a, b)
            new = str(submitted.year)
            yield self.report(
                f"Year {label} is earlier than the link's arXiv id {paper} "
                f"({_MONTH_NAMES[submitted.month - 1]} {submitted.year})",
                start,
                start + 4,
                self.replace(f"Write the id's year {new}", start, start + 4, new, unsafe=True)
                if entry.parsed
                else None,
            )

    def _venue_year(
        self,
        document: Document,
        entry: Entry,
        f: Found,
        paper: str,
        submitted: Year,
        relation: str,
        habit: str = "",
    ) -> Diagnostic:
        """The report of an arXiv venue whose year is not its id's."""
        assert f.token.year_span is not None and submitted.month is not None
        text = document.text
        start, end = f.abs(f.token.year_span)
        written = text[start:end]
        new = str(submitted.year)[-len(written) :]
        venue = text[f.span[0] : f.span[1]]
        fix = None
        if entry.parsed:
            fix = self.replace(f"Write the id's year {new}", start, end, new, unsafe=True)
        return self.report(
            f"Venue {venue!r} is {relation} than its arXiv id {paper} "
            f"({_MONTH_NAMES[submitted.month - 1]} {submitted.year}){habit}",
            f.span[0],
            f.span[1],
            fix,
        )

    def _stray_on(self, document: Document, links: list[Link]) -> Iterator[Diagnostic]:
        """``[[arXiv on 24 Jan 2019]]`` where the file's other arXiv date labels have
        no "on" (``[[arXiv 30 May 2019]]``): nine in ten of them, and five at least."""
        text = document.text
        found = [(link, _ARXIV_ON.match(text, *link.text)) for link in links]
        slips = [(link, m) for link, m in found if m is not None and m.group("on")]
        if not slips:
            return
        plain = sum(1 for _, m in found if m is not None and not m.group("on"))
        if not file_habit(plain, len(slips), share=_SHARE, minimum=5):
            return
        for link, m in slips:
            start, end = m.span("on")
            label = text[link.text[0] : link.text[1]].strip("[] \t")
            yield self.report(
                f"Date label {label!r} writes 'on', unlike the file's {plain} other arXiv "
                "date labels",
                start,
                end,
                self.replace("Remove 'on'", start, end, "", unsafe=True),
            )

    def _no_year(self, document: Document) -> Iterator[Diagnostic]:
        """A date label without its year (``[[arXiv 26 Jun]]``) on an arXiv link, in a
        file that dates its arXiv links."""
        text = document.text
        for link in document.links:
            start, end = link.text
            if link.image or end - start > 24 or "arxiv" not in link.url_value.lower():
                continue
            m = _NO_YEAR.fullmatch(text, start, end)
            if m is None or not 1 <= int(m.group("day")) <= 31:
                continue
            paper = arxiv_id(link.url_value)
            submitted = arxiv_year(paper) if paper is not None and "/" not in paper else None
            if paper is None or submitted is None or submitted.month is None:
                continue
            month = _MONTH_KEYS.index(m.group("month")[:3].lower()) + 1
            fix = None
            if month == submitted.month:
                fix = self.replace(
                    f"Add the id's year {submitted.year}",
                    m.end("month"),
                    m.end("month"),
                    f" {submitted.year}",
                    unsafe=True,
                )
            label = text[start:end].strip("[] \t")
            yield self.report(
                f"Date label {label!r} has no year: arXiv id {paper} says "
                f"{_MONTH_NAMES[submitted.month - 1]} {submitted.year}",
                start,
                end,
                fix,
            )
