from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

_BLANKS = " \t"


# Links with the blank from which on, if they are half the file's links, the file writes
# them so by habit: one finding for them all.
HABIT_MIN = 10


class LinkTargetSpaces(Rule):
    """
    ## What it does

    Finds blanks between a link's opening parenthesis and its target, or
    between the target and the closing parenthesis: `[Guzzle](
    https://github.com/guzzle/guzzle)`, `[[Pytorch]](https://github.com/a/b )`.
    CommonMark allows them, so the link works, but no list writes them on
    purpose: they come from pasting a URL after a space.

    A link with a title (`[x](url "title")`), a target in angle brackets,
    a target on another line than its parenthesis, and reference links are
    left alone. A file that writes the blank in half its links or more (10 at
    least: `[pdf](https://arxiv.org/pdf/2104.13921 )` throughout, as a tool
    wrote them) gets one finding, at the first, whose fix removes them all.

    ## Why

    The blank sets the link apart from the file's thousands of others in the
    source: a search for `](https://github.com/guzzle` misses it, and scripts
    that read links with a simple pattern (a link checker, a stars badge bot)
    skip it.

    ## Example

    ```markdown
    - [Guzzle]( https://github.com/guzzle/guzzle) - An HTTP client.
    ```

    becomes

    ```markdown
    - [Guzzle](https://github.com/guzzle/guzzle) - An HTTP client.
    ```

    ## Fix safety

    Safe: only the blanks inside the parentheses are removed; the target stays
    as written.

    ## Options

    None.
    """

    code = "AL716"
    name = "link-target-spaces"
    summary = "Blanks between a link's parentheses and its target"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        links = document.links
        found: list[tuple[str, int, int, list[Edit]]] = []
        for link in links:
            url_start, url_end = link.url
            close = link.end - 1
            opening = link.text[1] + 1  # "](" : the "(" after the text's "]"
            if url_start == opening + 1 and url_end == close:
                continue  # the usual case: the target fills its parentheses
            if link.reference:
                continue
            if text[opening : opening + 1] != "(" or text[close : close + 1] != ")":
                continue
            before = text[opening + 1 : url_start]
            after = text[url_end:close]
            if after.strip(_BLANKS):
                continue  # a title: '(url "Title")'
            lead = len(before) if before and not before.strip(_BLANKS) else 0
            trail = len(after) if after and not after.strip(_BLANKS) else 0
            if not lead and not trail:
                continue  # a title, "<url>" or a line break
            edits = []
            if lead:
                edits.append(Edit(opening + 1, url_start))
            if trail:
                edits.append(Edit(url_end, close))
            where = "before and after" if lead and trail else "before" if lead else "after"
            found.append(
                (where, opening + 1 if lead else url_end, url_start if not trail else close, edits)
            )
        if len(found) >= HABIT_MIN and 2 * len(found) >= len(links):
            # `[pdf](https://arxiv.org/pdf/2104.13921 )` in half the file's links: one
            # finding for the file's habit, whose fix removes every blank
            where, start, end, _ = found[0]
            yield self.report(
                f"Blank inside the parentheses of {len(found)} of the file's {len(links)} "
                "link targets (a habit of the tool that wrote them)",
                start,
                end,
                Fix(
                    "Remove the blanks",
                    tuple(edit for *_, edits in found for edit in edits),
                    rewrites_urls=True,
                ),
            )
            return
        for where, start, end, edits in found:
            yield self.report(
                f"Blank {where} the link's target inside its parentheses",
                start,
                end,
                Fix("Remove the blank", tuple(edits), rewrites_urls=True),
            )
