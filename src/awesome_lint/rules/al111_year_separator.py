from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Option, Rule
from awesome_lint.rules.common import file_habit
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, document_tokens, registry_for

# The file must follow a venue's year with a comma this often (and this many times) when
# more of the entry follows, before a period there is a slip.
_COMMA_SHARE = 0.9
_MINIMUM = 10
# After a venue's year (and month): a comma or a period, blanks, then a word (a team, a
# note): more of the entry, not the end of its sentence before its links.
_AFTER_YEAR = lazy_compile(r"([,.])[ \t]+(?=[^\W\d_])")


class YearSeparator(Rule):
    """
    ## What it does

    Finds a period after a venue's year where the entry goes on (`ArXiv, 2023.
    MS & PSU & UoW`) in a file that separates what follows the year with a
    comma (`ArXiv, 2024.11, HKU & Salesforce`) at least 9 times in 10 (and at
    least 10 times). Only a year of a venue the registry knows counts, outside
    the subtitle, and only where a word follows on the same line: a year that
    ends the entry's text before its links (`CVPR 2022. [[paper](url)]`) ends a
    sentence, and is left alone.

    ## Why

    Lists that write `Title, Venue, Year, Team` read as fields; a period in
    one entry makes the team look like a new sentence, and a tool splitting
    the fields at commas runs the year and the team together.

    ## Example

    ```markdown
    - [AutoGen](https://example.org/autogen), ArXiv, 2023. MS & PSU
    ```

    becomes `..., ArXiv, 2023, MS & PSU` in a file that writes `, ` after
    its years.

    ## Fix safety

    Safe: the period becomes a comma. Entries the parser cannot fully read get
    no fix.

    ## Options

    `extra-venues`, `aliases`: see venue-format (set there, they apply here too).
    """

    code = "AL111"
    name = "year-separator"
    summary = "A period after a venue's year where the file writes a comma before the rest"
    fix = "safe"
    options: ClassVar[Mapping[str, Option]] = dict(VENUE_OPTIONS)
    shared_options = SHARED

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        tokens = document_tokens(document, registry_for(context.options))
        commas = 0
        periods: list[tuple[Entry, int]] = []
        seen: set[int] = set()
        for f in tokens.found:
            token = f.token
            if token.year is None:
                continue
            end = f.offset + token.span[1]
            if text[end : end + 1] not in (",", ".") or end in seen:
                continue  # most years end their entry's venue; one place is read once
            seen.add(end)
            if not token.known or f.where == "subtitle":
                continue
            m = _AFTER_YEAR.match(text, end, f.entry.content[1])
            if m is None:
                continue
            if m.group(1) == ",":
                commas += 1
            else:
                periods.append((f.entry, end))
        if not periods:
            return
        if not file_habit(commas, len(periods), share=_COMMA_SHARE, minimum=_MINIMUM):
            return
        for entry, pos in periods:
            fix = self.replace("Write ','", pos, pos + 1, ",") if entry.parsed else None
            yield self.report(
                f"A period after the year where the file writes a comma ({commas} times)",
                pos,
                pos + 1,
                fix,
            )
