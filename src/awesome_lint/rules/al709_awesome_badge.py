from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# The badge's addresses (awesome.re and the older copies in sindresorhus/awesome).
_HOME = lazy_compile(
    r"^https?://(?:awesome\.re|github\.com/sindresorhus/awesome)/?(?:[#?]|$)", re.I
)
_BADGE = lazy_compile(
    r"^https?://(?:awesome\.re/badge(?:-flat2?)?\.svg"
    r"|cdn\.rawgit\.com/sindresorhus/awesome/[^\s]*/media/badge(?:-flat2?)?\.svg"
    r"|raw\.githubusercontent\.com/sindresorhus/awesome/[^\s]*/media/badge(?:-flat2?)?\.svg)",
    re.IGNORECASE,
)


class AwesomeBadge(Rule):
    """
    ## What it does

    Checks that a list with a main heading (a level-1 heading) shows the
    Awesome badge, `[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)`,
    on the heading's line or near it (anywhere before the first level-2
    heading). A copy of the image with the alt text "Awesome" that links to
    awesome.re or sindresorhus/awesome counts too. A badge still loaded from
    `cdn.rawgit.com` is reported as well: RawGit stopped serving files in 2019
    (its own announcement), so the image is broken.

    Part of `profile = "awesome"`; otherwise opt-in.

    ## Why

    The awesome-list guidelines (sindresorhus/awesome, `pull_request_template.md`)
    ask for the badge on the right side of the list's heading: it marks the list
    as part of the family and links back to it.

    ## Example

    ```markdown
    # Awesome Serving
    ```

    should be

    ```markdown
    # Awesome Serving [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
    ```

    ## Fix safety

    No fix: where the badge goes is the author's choice.

    ## Options

    None.
    """

    code = "AL709"
    name = "awesome-badge"
    summary = "The main heading lacks the Awesome badge"
    default = False
    profiles = frozenset({"awesome"})

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        heading = next((h for h in document.headings if h.level == 1), None)
        if heading is None:
            return
        text = document.text
        # the badge may sit on the heading's line, above it, or just below it
        stop = next(
            (h.line for h in document.headings if h.level >= 2 and h.line > heading.line),
            len(document.source.lines),
        )
        limit = document.source.lines[stop - 1].end if stop > 0 else 0
        links = [link for link in document.links if link.start < limit]
        for link in links:
            if not link.image:
                continue
            if _BADGE.match(link.url_value):
                if "rawgit.com" in link.url_value.lower():
                    yield self.report(
                        "The Awesome badge comes from cdn.rawgit.com, which no longer serves "
                        "files; use https://awesome.re/badge.svg",
                        link.url[0],
                        link.url[1],
                    )
                return
            alt = text[link.text[0] : link.text[1]].strip().lower()
            wrapper = next((o for o in links if o.start < link.start and link.end <= o.end), None)
            if alt == "awesome" and wrapper is not None and _HOME.match(wrapper.url_value):
                return  # a copy of the badge image, linking to the awesome list
        start, end = heading.text
        yield self.report("The main heading has no Awesome badge", start, max(end, start + 1))
