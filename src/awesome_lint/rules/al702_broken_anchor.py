from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Related
from awesome_lint.parser.anchors import (
    AnchorIndex,
    explicit_anchors,
    fragment,
    heading_anchors,
)
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# Fragments every page has: HTML's "top" scrolls to the start of the page, and on
# GitHub a repository's README is shown in an element whose id is "readme" (the usual
# target of an awesome list's "back to top" links).
_ALWAYS = frozenset({"top", "readme"})


class BrokenAnchor(Rule):
    """
    ## What it does

    Checks every in-document link `[text](#fragment)` (in lists, paragraphs,
    tables and headings) against the anchors the file really has: one per
    heading, made by GitHub's rules, and every HTML `<a name="…">` or
    `id="…"`. A fragment that matches none is reported.

    GitHub's anchor of a heading: its rendered text, lower-cased, with every
    character dropped that is not a letter, mark, digit, `_`, `-` or space, and
    spaces turned into `-`. So `## Tools & Libraries` is `#tools--libraries`,
    `## I/O` is `#io`, `## 🚀 Deploy` is `#-deploy`, `## 中文` is `#中文`, and
    the second `## Examples` is `#examples-1`. Percent-encoded fragments are
    decoded first; `#top`, `#readme` (GitHub shows a README in an element of
    that id) and `#user-content-…` forms are accepted, and so is
    a heading's anchor in another case (`[S&P](#SP)` for `## S&P`): GitHub finds
    it in any case (other renderers may not; the table of contents check,
    AL701, still reports a minority written in another case).

    A link of the table of contents that `toc-mismatch` (AL701) reports is not
    reported again here when both rules run: one slip, one finding.

    ## Why

    A heading gets renamed and the links to it keep the old anchor: the table
    of contents, "back to top" links, "see also [2.1](#21-dl-scheduling)". The
    link still renders; it just goes nowhere.

    ## Example

    ```markdown
    - [Contents](#content)

    ## Contents
    ```

    ## Fix safety

    Unsafe, and only when exactly one anchor of the file is a close match: it
    differs only in case, or by at most two characters and at most one per four
    (`#content` → `#contents`, `#colearning` → `#co-learning`). The link may
    have meant another place.

    ## Options

    None.
    """

    code = "AL702"
    name = "broken-anchor"
    summary = "A `#fragment` link points to no heading or anchor of the file"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        headings: dict[str, int] | None = None
        explicit: dict[str, int] = {}
        close: dict[str, list[str]] = {}  # target -> close matches (a typo is often copied)
        index: AnchorIndex | None = None
        for link in document.links:
            if link.image or link.reference:
                continue
            target = fragment(link.url_value)
            if not target:
                continue  # not an in-document link, or "#" alone (AL704)
            if headings is None:
                headings = heading_anchors(document)
                explicit = explicit_anchors(document)
            if target in headings or target in explicit or target.lower() in _ALWAYS:
                continue
            if target.lower() in headings:
                continue  # "#SP" for "## S&P": GitHub finds a heading's anchor in any case
            start, end = link.url
            candidates = close.get(target)
            if candidates is None:
                if index is None:
                    index = AnchorIndex([*headings, *explicit])
                candidates = close[target] = index.close(target)
            yield self._diagnostic(document, target, start, end, headings, candidates)

    def _diagnostic(
        self,
        document: Document,
        target: str,
        start: int,
        end: int,
        headings: dict[str, int],
        candidates: list[str],
    ) -> Diagnostic:
        message = f"No heading or anchor '#{target}' in this file"
        fix = None
        related: tuple[Related, ...] = ()
        if len(candidates) == 1:
            best = candidates[0]
            how = "differs only in case from" if best.lower() == target.lower() else "did you mean"
            message += f"; {how} '#{best}'"
            fix = Fix(
                f"Point the link to '#{best}'",
                (Edit(start, end, "#" + best),),
                Applicability.UNSAFE,
                anchors_only=True,
            )
            if best in headings:
                section = document.sections[headings[best]]
                assert section.heading is not None
                span = section.heading.text
                related = (Related(span[0], span[1], "the heading"),)
        elif candidates:
            message += "; close to " + ", ".join(f"'#{c}'" for c in candidates)
        return self.report(message, start, end, fix, related)
