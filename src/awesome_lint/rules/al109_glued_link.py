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


def _before(text: str, entry: Entry, link: Link) -> str | None:
    """The character before ``link`` inside its entry, when it says something: a blank,
    the ``)`` or ``]`` ending a link, or an ASCII letter, digit or ``.``/``,`` (a word;
    other scripts write links without blanks). None otherwise."""
    if link.start <= entry.content[0] or link.image:
        return None
    char = text[link.start - 1]
    if char in " \t" or char in _ASCII_WORD:
        return char
    return char if char in ")]" else None


class GluedLink(Rule):
    """
    ## What it does

    Finds a link written straight after a word or after another link, with no
    blank between them (`Domain Adaptation[[arXiv 2021]](u)`,
    `[[paper]](u)[[code]](u)`), in a file whose entries put a blank before such
    links at least nine times in ten (and at least ten times).

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
        spaced = 0
        glued: list[tuple[Link, str]] = []
        for entry in prose_entries(document):
            for link in entry.links:
                before = _before(text, entry, link)
                if before is None:
                    continue
                if before in " \t":
                    spaced += 1
                else:
                    glued.append((link, before))
        if not file_habit(spaced, len(glued), share=_SPACED_SHARE, minimum=_MINIMUM):
            return
        for link, before in glued:
            what = "another link" if before in ")]" else "a word"
            yield self.report(
                f"Link written straight after {what}: the file puts a space before links",
                link.start,
                link.start + 1,
                Fix("Insert a space", edits=(Edit(link.start, link.start, " "),)),
            )
