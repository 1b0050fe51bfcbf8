from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.buckets import Bucket, buckets
from awesome_lint.domain.stated import (
    ARXIV_ID,
    StatedYear,
    badge_years,
    citation_year,
    entry_years,
    note_items,
    venue_years_with_notes,
)
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for
from awesome_lint.venues.registry import VenueRegistry


class YearHeading(Rule):
    """
    ## What it does

    Finds an entry whose year disagrees with the year bucket it sits in. A year
    bucket is a heading whose text is essentially a year (`### 2023`, `## Year
    2023`, `## 2023 Papers`) or a `<details>` block whose `<summary>` is
    (`<details><summary>2024</summary>` … `</details>`, often repeated under each
    topic), or a line that is only a bold year (`**2026**`) for the list right after
    it; `Before 2020`, `2019 and earlier`, `Since 2023` and `2019-2021` are buckets of
    several years. A `before Y` bucket holds Y too when no bucket holds Y and one
    holds Y + 1 (`## Year 2020`, then `## Year before-2019` over 2019's papers:
    the series would skip 2019 otherwise). Any other heading or summary (`NeurIPS 2025`,
    `Conference Collections`) is no year bucket.

    An entry's years are those it states outside its subtitle: venue tokens
    (`ICLR'24`, `CVPR 2023`), a name, a comma and a year (`ICLR, 2024`, `ArXiv,
    2024.8`: a month after the dot is allowed), a month and a year (`March 2023`;
    in a subtitle only in parentheses, `(Dec 2024)`), and the year of the first
    arXiv id among its links. An entry that states none of these but closes a
    citation with a year (`ACM TOIS 34.4 (2016): 1-38.`, `... Retrieval. 2017.`:
    the year in parentheses or alone before the final full stop, only page numbers
    after it) states that year. The entry is reported when none of the years from its
    earliest to its latest falls in the bucket. So a paper on arXiv in 2023 and
    published at a 2024 venue may sit under 2023 (its first appearance) or 2024
    (its publication): lists file papers either way. An entry known only by its
    arXiv id may also sit under the next year (the id dates the preprint; the
    unstated publication often follows a year later), and one that names its
    venue without a year (`[[ECCV](https://arxiv.org/pdf/2307.04356)]` under
    `### 2022`) under the year before too: a paper sent to arXiv after it
    appeared. An entry known by its arXiv id that writes the bucket's year alone
    in its text (a citation's closing year, `... Information Retrieval. 2017.`)
    fits the bucket, whatever the id's year. A paper stating only 2023
    under 2024 is reported; entries that state no year, and nested items under an
    entry that states one (a note such as its journal version), are skipped. A
    nested item without a link belongs to its entry: its venue and year
    (`- Title, [[pdf]](arXiv 1904.03116)` over `  - Authors, _TPAMI 2021_.`)
    are the entry's. So is the year of a venue's badge
    (`![](https://img.shields.io/badge/24-WACV-red)`: a shields.io badge that
    names a known venue, not arXiv, and a year): a WACV 2024 paper first sent to
    arXiv in 2022 fits the bucket 2024.

    ## Why

    A paper filed under the wrong year is hard to find, and it is usually a slip:
    the entry was pasted into the bucket above or below, or its year was mistyped.

    ## Example

    ```markdown
    <details><summary>2024</summary>

    - [ReAct: Synergizing Reasoning and Acting](https://openreview.net/pdf?id=WE_vl), ICLR, 2023
    - [Grounding LLMs with Online RL](https://arxiv.org/pdf/2302.02662), ICML, 2024

    </details>
    ```

    The first entry is reported: `Year 2023 (ICLR, 2023) is outside its year bucket
    "2024" (line 1)`. The second is not: arXiv 2023, ICML 2024.

    ## Fix safety

    No fix: the entry may be in the wrong bucket, or its year may be wrong.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL302"
    name = "year-heading"
    summary = "An entry's year disagrees with its year heading or `<summary>` bucket"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        found = buckets(document)
        if not found.has_years:
            return
        registry = registry_for(context.options)
        at = found.at
        for entry in document.entries():
            bucket = at(entry.line)
            if bucket is None or entry.is_toc:
                continue
            if entry.parent is not None and not entry.links:
                continue  # a note item, read with its entry
            # with "  - Authors, _TPAMI 2021_.": a nested note holding the paper's venue
            named = venue_years_with_notes(document, entry, registry)
            if named and bucket.overlaps(min(y.year for y in named), max(y.year for y in named)):
                # the years it states with a name fit: its other years only widen the range
                # (none of these is an arXiv id, so that range gets no extra year)
                continue
            years = entry_years(document, entry, registry)
            for note in note_items(entry):
                years = years + entry_years(document, note, registry)
            if not years and entry.parent is None:
                # '"[Title](url)" ACM TOIS 34.4 (2016): 1-38.': a citation's closing year
                cited = citation_year(document, entry)
                years = [cited] if cited is not None else years
            if not years or _parent_states_year(document, entry, registry):
                continue
            low = min(y.year for y in years)
            high = max(y.year for y in years)
            if all(y.kind == ARXIV_ID for y in years):
                if _plain_year_fits(document, entry, bucket):
                    # "... Conference on Research in Information Retrieval. 2017." under
                    # 2017 with an arXiv id of 2019: the preprint came after the paper
                    continue
                high += 1  # only a preprint's date: publication often follows a year later
                if _names_venue(document, entry, registry):
                    # "[[ECCV](arXiv 2307.04356)]" under 2022: a venue named without its
                    # year, the preprint posted after the paper appeared
                    low -= 1
            if bucket.overlaps(low, high):
                continue
            if any(bucket.overlaps(y, y) for y in badge_years(entry, registry)):
                continue  # "![](https://img.shields.io/badge/24-WACV-red)": the venue's badge
            yield self._report(document, bucket, years)

    def _report(self, document: Document, bucket: Bucket, years: list[StatedYear]) -> Diagnostic:
        shown = sorted(years, key=lambda y: y.span)
        evidence = ", ".join(dict.fromkeys(y.text for y in shown))
        # Point at a written year rather than at a link's arXiv id when there is one.
        first = min(years, key=lambda y: (y.kind == ARXIV_ID, y.span))
        low, high = min(y.year for y in years), max(y.year for y in years)
        what = f"Year {low}" if low == high else f"Years {low}-{high}"
        line = document.source.line_index(bucket.span[0]) + 1
        return self.report(
            f'{what} ({evidence}) is outside its year bucket "{bucket.name}" (line {line})',
            first.span[0],
            first.span[1],
            related=(Related(bucket.span[0], bucket.span[1], "Year bucket"),),
        )


def _names_venue(document: Document, entry: Entry, registry: VenueRegistry) -> bool:
    """Whether the entry names a known venue, as a venue token or as a link's label
    (`[[ECCV](https://arxiv.org/pdf/2307.04356.pdf)]`)."""
    if document_tokens(document, registry).of(entry):
        return True
    for link in entry.links:
        label = document.span_text(link.text).strip(" []*_`")
        if not link.image and 2 <= len(label) <= 20 and registry.lookup(label) is not None:
            return True
    return False


# A year written alone in an entry's text: `... Retrieval. 2017.`, `(2016)`.
_PLAIN_YEAR = lazy_compile(r"(?<![\w./:#-])(?:19|20)\d\d(?![\w/-])")


def _plain_year_fits(document: Document, entry: Entry, bucket: Bucket) -> bool:
    """Whether a year written alone in the entry's text (not in a link's target) falls
    in the bucket (a citation's closing year, which no venue token carries)."""
    start, end = entry.content
    targets = [link.url for link in entry.links]
    for m in _PLAIN_YEAR.finditer(document.text, start, end):
        if any(a <= m.start() < b for a, b in targets):
            continue
        year = int(m.group())
        if bucket.overlaps(year, year):
            return True
    return False


def _parent_states_year(document: Document, entry: Entry, registry: VenueRegistry) -> bool:
    parent = entry.parent
    return parent is not None and bool(entry_years(document, parent, registry))
