from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.stats import count_markers, marker_count
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class StaleCount(Rule):
    """
    ## What it does

    Checks the numbers between count markers against the list:

    ```markdown
    <!-- awesome-lint:count -->302<!-- /awesome-lint:count --> papers

    <!-- awesome-lint:count section="Serving" -->17<!-- /awesome-lint:count --> of them on serving
    ```

    The first holds the number of entries in the file, the second the number in
    the section with that heading, its sub-sections included. An entry is what
    `awesome-lint stats` counts: a list item, numbered item, paragraph entry or
    table row with a web link (or a link to a PDF file of the repository), nested
    items included, table-of-contents items
    not. A marker whose section is missing or whose heading occurs twice is
    reported without a fix.

    ## Why

    Paper counts in badges and introductions are kept by hand and fall behind
    with every pull request; with markers, the pre-commit hook keeps them honest.

    ## Example

    `<!-- awesome-lint:count -->300<!-- /awesome-lint:count -->` in a list of
    302 entries becomes `<!-- awesome-lint:count -->302<!-- /awesome-lint:count -->`.

    ## Fix safety

    Safe: only the number between the markers changes.

    ## Options

    None. Markers inside code blocks and code spans are examples, not counts.
    A marker inside a heading is allowed (`section="Serving"` matches the heading
    `Serving (17)` written with one), but the heading's anchor then changes with
    the number: keep markers in the text to keep links to the section stable.
    """

    code = "AL607"
    name = "stale-count"
    summary = "A count marker's number does not match the list"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        source = document.source
        for marker in count_markers(text):
            line = source.line_index(marker.start)
            if line in document.code_lines:
                continue
            line_start = source.lines[line].start
            if text.count("`", line_start, marker.start) % 2:
                continue  # inside a code span
            expected = marker_count(document, marker.section)
            written = text[marker.start : marker.end]
            if expected is None:
                yield self.report(
                    f"No single section titled {marker.section!r} to count",
                    marker.start,
                    marker.end,
                )
                continue
            if written.strip() == str(expected):
                continue
            where = "the file" if marker.section is None else f"section {marker.section!r}"
            yield self.report(
                f"Count {written.strip()!r} is stale: {where} has {expected} entries",
                marker.start,
                marker.end,
                self.replace(f"Replace with {expected}", marker.start, marker.end, str(expected)),
            )
