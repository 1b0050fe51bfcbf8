from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, prose_entries

# The file's entries must put a blank before a link this often (and this many times)
# before a link written straight after a word or another link is a slip.
_SPACED_SHARE = 0.9
_MINIMUM = 10
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,")


def _opening(text: str, entry: Entry, link: Link) -> int:
    """Where the link's group opens: at a ``\\[`` written before it (``\\[[paper](u)\\]``,
    a link in escaped brackets), else at the link."""
    start = link.start
    if start - 2 >= entry.content[0] and text[start - 2 : start] == "\\[":
        return start - 2
    return start


def _before(text: str, entry: Entry, link: Link, start: int) -> str | None:
    """The character before ``link`` (its group opening at ``start``) inside its entry,
    when it says something: a blank, the ``)`` or ``]`` ending a link (or a group), or an
    ASCII letter, digit or ``.``/``,`` (a word; other scripts write links without
    blanks). None otherwise."""
    if start <= entry.content[0] or link.image:
        return None
    char = text[start - 1]
    if char in " \t" or char in _ASCII_WORD:
        return char
    return char if char in ")]" else None


def _after_link(text: str, first: int, blank: int) -> bool:
    """Whether the blanks ending at ``blank`` follow a link (``)`` or ``]``)."""
    while blank > first and text[blank - 1] in " \t":
        blank -= 1
    return blank > first and text[blank - 1] in ")]"


class GluedLink(Rule):
    """
    ## What it does

    Finds a link written straight after a word or after another link, with no
    blank between them (`Domain Adaptation[[arXiv 2021]](u)`,
    `[[paper]](u)[[code]](u)`), in a file whose entries put a blank before such
    links at least nine times in ten (and at least ten times). A link in escaped
    brackets (`2019.\\[[paper](u)\\]`) counts from its `\\[`. Links after a word
    and links after another link are two habits, each counted on its own: a file
    may space its titles from their links and still glue its link groups together.
    A code span written straight after a link (`` [Title](u)`NSDI19` ``, a venue
    tag) is a third habit, counted the same way over the links followed by a
    code span.

    ## Why

    Glued links are an editing slip: the rendered text runs the title into the
    link label, or two link labels into one. The file's own entries show the
    spacing it means to use.

    ## Example

    ```markdown
    - Adaptation Networks [[ICDM2019]](https://example.org/a) [[Pytorch]](https://example.org/b)
    - Auxiliary Models[[arXiv 2021]](https://example.org/c)[[Pytorch]](https://example.org/d)
    ```

    becomes

    ```markdown
    - Auxiliary Models [[arXiv 2021]](https://example.org/c) [[Pytorch]](https://example.org/d)
    ```

    (with ten or more spaced links elsewhere in the file).

    ## Fix safety

    Safe: one space is inserted before the link.

    ## Options

    None.
    """

    code = "AL109"
    name = "glued-link"
    summary = "A link written straight after a word or another link, against the file's spacing"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        # spaced and glued links, after a word and after another link: two habits (a
        # file may space its words from links but glue its link groups together)
        spaced = {False: 0, True: 0}
        glued: list[tuple[int, bool]] = []
        # a code span after a link (a venue tag, "[Title](u) `NSDI19`"): a third habit
        spaced_tags = 0
        tags: list[int] = []
        for entry in prose_entries(document):
            for link in entry.links:
                start = _opening(text, entry, link)
                before = _before(text, entry, link, start)
                after = text[link.end : link.end + 2]
                if after[:1] == "`":
                    tags.append(link.end)
                elif after == " `":
                    spaced_tags += 1
                if before is None:
                    continue
                if before in " \t":
                    spaced[_after_link(text, entry.content[0], start - 1)] += 1
                else:
                    glued.append((start, before in ")]"))
        for after_link in (False, True):
            slips = [start for start, kind in glued if kind == after_link]
            if not slips or not file_habit(
                spaced[after_link], len(slips), share=_SPACED_SHARE, minimum=_MINIMUM
            ):
                continue
            what = "another link" if after_link else "a word"
            for start in slips:
                yield self.report(
                    f"Link written straight after {what}: the file puts a space before links",
                    start,
                    start + 1,
                    Fix("Insert a space", edits=(Edit(start, start, " "),)),
                )
        if tags and file_habit(spaced_tags, len(tags), share=_SPACED_SHARE, minimum=_MINIMUM):
            for end in tags:
                yield self.report(
                    "Code span written straight after a link: the file puts a space between them",
                    end,
                    end + 1,
                    Fix("Insert a space", edits=(Edit(end, end, " "),)),
                )
