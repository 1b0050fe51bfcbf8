from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

STANDARD = " | "


class VenueSeparator(Rule):
    """
    ## What it does

    Checks the pipe that separates an entry's subtitle from its venue slot
    (`[Title](url): subtitle | Venue`): `s|  V`, `s| V`, `s |V` and other
    spacings become `s | V`. A pipe inside a link, a link target or a bare URL
    (`https://g.com/a|b`) belongs to it and is never the venue separator.

    ## Why

    The venue slot is read by people scanning the list and by tools (including
    awesome-lint's venue rules); one spacing keeps both easy.

    ## Example

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System|  OSDI'22
    ```

    becomes

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System | OSDI'22
    ```

    ## Fix safety

    Safe: only the spaces or tabs around the pipe change.

    ## Options

    None. When at least 80% of a file's venue separators share another
    spacing, that spacing is the file's convention and is used instead.
    """

    code = "AL103"
    name = "venue-separator"
    summary = "The venue separator is not ` | `"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        entries = [
            e
            for e in link_first(document)
            if e.venue_separator and e.venue and e.venue[1] > e.venue[0]
        ]
        forms = [document.span_text(e.venue_separator) for e in entries]
        target = dominant(forms, share=0.8, minimum=5) or STANDARD
        for entry in entries:
            assert entry.venue_separator is not None
            start, end = entry.venue_separator
            if start == entry.link.end if entry.link else False:
                continue  # "[T](u)| V": no subtitle, the pipe hugs the link; leave it
            written = text[start:end]
            if written != target:
                yield self.report(
                    f"Venue separator {written!r} should be {target!r}",
                    start,
                    end,
                    self.replace(f"Replace with {target!r}", start, end, target),
                )
