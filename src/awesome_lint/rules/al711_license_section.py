from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.anchors import rendered_text
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

_LICENSE = lazy_compile(r"^\W*licen[cs]es?\W*$", re.IGNORECASE)


class LicenseSection(Rule):
    """
    ## What it does

    Finds a heading named "License" (or "Licence", "Licenses") in the list.

    Part of `profile = "awesome"`; otherwise opt-in.

    ## Why

    The awesome-list guidelines want the licence in a `license` file of the
    repository, where GitHub shows it, not as a section of the list.

    ## Example

    ```markdown
    ## License

    CC0
    ```

    ## Fix safety

    No fix: the section's text has to move to a file.

    ## Options

    None.
    """

    code = "AL711"
    name = "license-section"
    summary = "A licence section in the list (the guidelines want a file)"
    default = False
    profiles = frozenset({"awesome"})

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for heading in document.headings:
            if _LICENSE.match(rendered_text(heading.title).strip()):
                start, end = heading.text
                yield self.report(
                    "Licence section in the list; put the licence in a license file",
                    start,
                    max(end, start + 1),
                )
