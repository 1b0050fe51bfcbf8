from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.anchors import fragment, heading_anchors
from awesome_lint.parser.document import Document
from awesome_lint.rules.al701_toc_mismatch import MIN_ITEMS, find_toc
from awesome_lint.rules.base import Context, Option, OptionError, Rule


def _positive(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise OptionError("must be a positive whole number")
    return value


class TocRequired(Rule):
    """
    ## What it does

    Reports a list with many sections and no table of contents: more than
    `sections` headings (10 by default) of one level, and neither a list of
    `#anchor` links (as AL701 finds it) nor at least 3 links to headings
    anywhere else (a table or a paragraph of links serves as well).

    Part of `profile = "awesome"`; otherwise opt-in.

    ## Why

    The awesome-list guidelines ask for a table of contents on long lists, so
    that readers can jump to a category.

    ## Example

    A list with twelve `##` categories and no `- [Category](#category)` lines.

    ## Fix safety

    No fix: where the table goes and what it is called is the author's choice.

    ## Options

    `sections` (default `10`): the number of sections a list may have without
    a table of contents.
    """

    code = "AL713"
    name = "toc-required"
    summary = "A long list has no table of contents"
    default = False
    profiles = frozenset({"awesome"})
    options: ClassVar[Mapping[str, Option]] = {
        "sections": Option(10, "sections allowed without a table of contents", validate=_positive)
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        if not document.headings:
            return
        count = max(Counter(h.level for h in document.headings).values())
        limit = int(context.options.get("sections", 10))
        if count <= limit or find_toc(document) is not None:
            return
        anchors = heading_anchors(document)
        jumps = sum(1 for link in document.links if (fragment(link.url_value) or "") in anchors)
        if jumps >= MIN_ITEMS:
            return  # a table of contents in a table or a paragraph
        first = document.headings[0]
        start, end = first.text
        yield self.report(
            f"{count} sections and no table of contents (more than {limit})",
            start,
            max(end, start + 1),
        )
