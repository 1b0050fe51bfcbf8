from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# "ttps://", "hhttp://", "htps://", "http//x", "https:/x": a slip in http(s)://
_BAD_SCHEME = re.compile(r"(?i)h*t+p+s?(?::/{0,3}|/{1,3})(?=[\w.-])")
_GOOD_SCHEME = re.compile(r"(?i)https?://(?!/)")


class EmptyLink(Rule):
    """
    ## What it does

    Finds links that go nowhere or show nothing: an empty destination
    (`[Name]()`, `[Name](<>)`), a bare `#` (`[Name](#)`), or empty link text
    (`[](https://example.org)`, only spaces between the brackets). Images are
    not links here: `![](badge.svg)` with an empty alt text is left alone.
    Also links that cannot work as written: a target that is itself Markdown
    (`[[blog]]([blog](https://example.org))`) and a misspelt scheme (`ttps://`,
    `hhttp://`, `http//`).

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
            elif url.startswith("[") or "](" in url:
                yield self.report(
                    "Link target is Markdown, not a URL (a link written inside a link)",
                    link.url[0],
                    link.url[1],
                )
            elif _BAD_SCHEME.match(url) and not _GOOD_SCHEME.match(url):
                yield self.report(
                    f"Link target starts with a misspelt scheme: {url.split('/', 1)[0]!r}",
                    link.url[0],
                    link.url[1],
                )
