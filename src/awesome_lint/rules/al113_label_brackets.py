from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.domain.shapes import wrapped_note
from awesome_lint.links.papers import link_roles
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, prose_entries

# The file's labelled links must carry their brackets inside the label this often (and
# this many times) before one written otherwise is a slip.
_SHARE = 0.9
_MINIMUM = 10
# Links whose label names a resource, the paper or its venue: [[code]], [[pdf]], [[CVPR2019]]
_LABELLED = frozenset({"aux", "paper", "venue"})


def _form(text: str, link: Link) -> str:
    """How a labelled link writes its brackets: ``inner`` (``[[code]](u)``, also
    ``[\\[code\\]](u)``), ``outer`` (``[[code](u)]``), ``open`` (``[[code](u)`` with no
    ``]`` after it), ``escaped`` (``\\[[code](u)\\]``) or ``bare`` (``[code](u)``)."""
    label = text[link.text[0] : link.text[1]]
    if label.startswith(("[", "\\[")) and label.endswith("]"):
        return "inner"
    if link.start > 0 and text[link.start - 1] == "[":
        if link.start > 1 and text[link.start - 2] == "\\":
            return "escaped"
        return "outer" if text.startswith("]", link.end) else "open"
    return "bare"


class LabelBrackets(Rule):
    """
    ## What it does

    Finds a link whose label goes without the brackets the file writes inside
    its link labels (`[code](u)` where the file writes `[[code]](u)`), or with
    them around the link instead (`[[code](u)]`), or opened and never closed
    (`[[code](u)`). Only links whose label names a resource, the paper or its
    venue count (`code`, `Pytorch`, `project`, `pdf`, `CVPR2019`, a date), and
    only in a file that writes at least nine in ten of them (and at least ten)
    as `[[label]](url)`.

    ## Why

    A paper list that writes `[[code]](url)` renders every resource link as
    `[code]`; a label without its brackets reads as running text, and a bracket
    outside the link (or a missing one) is an editing slip.

    ## Example

    ```markdown
    [Learning Agents](https://example.org/a), ICCV 2017 [code](https://example.org/c)
    ```

    becomes, in a file writing `[[code]](url)`,

    ```markdown
    [Learning Agents](https://example.org/a), ICCV 2017 [[code]](https://example.org/c)
    ```

    ## Fix safety

    Safe: brackets are added inside the label, or moved there from around the
    link (or a missing `]` is added); the URL and the words stay. A link written
    in a link's target, or in escaped brackets (`\\[[code](u)\\]`), is left alone.

    ## Options

    None.
    """

    code = "AL113"
    name = "label-brackets"
    summary = "A link label goes without the brackets the file writes inside its labels"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        inner = 0
        slips: list[tuple[Link, str]] = []
        for entry in prose_entries(document):
            links = entry.links
            if len(links) < 2 and entry.link is not None:
                continue  # at most the entry's leading link: its title
            if wrapped_note(document, entry):
                continue  # a note's prose: "It provides [neural networks](u) (like ...)"
            nested = _nested(links)
            for link, role in link_roles(document, entry):
                if role not in _LABELLED:
                    continue
                if id(link) in nested:
                    continue  # a link written in another link's target
                form = _form(text, link)
                if form == "inner":
                    inner += 1
                elif form != "escaped":
                    slips.append((link, form))
        if not file_habit(inner, len(slips), share=_SHARE, minimum=_MINIMUM):
            return
        for link, form in slips:
            yield self._report(text, link, form)

    def _report(self, text: str, link: Link, form: str) -> Diagnostic:
        start, end = link.text
        label = text[start:end]
        edits: tuple[Edit, ...]
        if form == "bare":
            message = f"Link label {label!r} without brackets: the file writes [[label]](url)"
            edits = (Edit(start, start, "["), Edit(end, end, "]"))
        elif form == "outer":
            message = f"Brackets around the link {label!r}: the file writes [[label]](url)"
            edits = (Edit(end, end, "]"), Edit(link.end, link.end + 1, ""))
        else:
            message = f"Link label '[{label}' not closed: the file writes [[label]](url)"
            edits = (Edit(end, end, "]"),)
        fix_start = start - 1 if form == "bare" else start - 2
        return self.report(
            message, fix_start, end + 1, Fix("Write the brackets in the label", edits=edits)
        )


def _nested(links: list[Link]) -> set[int]:
    """The links (``id``) that start inside a link starting before them, in the same
    entry: found in one sweep by start (a per-link scan was quadratic on a long line)."""
    out: set[int] = set()
    reach = -1  # the furthest end of the links that start before the current start
    for link in links:  # (most entries: links in order, each after the one before)
        if link.start < reach:
            break
        reach = link.end
    else:
        return out
    reach = -1
    ordered = sorted(links, key=lambda link: link.start)
    i = 0
    while i < len(ordered):
        start = ordered[i].start
        j = i
        while j < len(ordered) and ordered[j].start == start:
            if start < reach:
                out.add(id(ordered[j]))
            j += 1
        reach = max(reach, *(link.end for link in ordered[i:j]))
        i = j
    return out
