from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule


class EmptyLink(Rule):
    """
    ## What it does

    Finds links that go nowhere or show nothing: an empty destination
    (`[Name]()`, `[Name](<>)`), a bare `#` (`[Name](#)`), or empty link text
    (`[](https://example.org)`, only spaces between the brackets). Images are
    not links here: `![](badge.svg)` with an empty alt text is left alone.

    ## Why

    These are placeholders that were never filled in, or a link whose text was
    lost in an edit. On GitHub an empty destination links to the page itself and
    empty text leaves nothing to click.

    ## Example

    ```markdown
    - [Orca]() - A serving system.
    - [](https://example.org/alpa) - Automating parallelism.
    ```

    ## Fix safety

    No fix: the missing URL or text has to come from a person.

    ## Options

    None.
    """

    code = "AL704"
    name = "empty-link"
    summary = "A link has an empty URL, a bare `#`, or empty text"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        for link in document.links:
            if link.image or link.reference:
                continue
            url = link.url_value.strip()
            if not url:
                yield self.report("Link has an empty URL", link.start, link.end)
            elif url == "#":
                yield self.report("Link points to '#' alone", link.start, link.end)
            elif not text[link.text[0] : link.text[1]].strip():
                yield self.report("Link has no text", link.start, link.end)
