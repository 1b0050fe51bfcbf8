from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, prose_entries

# The file's entries must put a blank before a link this often (and this many times)
# before a link written straight after a word or another link is a slip.
_SPACED_SHARE = 0.9
_MINIMUM = 10
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,")
_ASCII_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
# A word written straight after a link runs into the link's label when rendered
# (`[Title](u)Luyu Gao`): a slip wherever the file spaces its links from the words
# after them three times in four (and ten times at least).
_WORD_AFTER_SHARE = 0.75


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

    A word written straight after a link (`[Title](u)Luyu Gao, et al.`) runs
    into the link's text when rendered; it is reported in a file that puts a
    blank between its links and the words after them three times in four (and
    ten times at least). Only ASCII letters and digits count (other scripts
    write words beside links without blanks), and a lone `s` (`[GAN](u)s`, a
    plural) is left alone.

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
    summary = "A link glued to the word or link before it, or a word glued to a link"
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
        # a word after a link (`[Title](u) Luyu Gao`, glued `[Title](u)Luyu Gao`): a fourth
        spaced_words = 0
        words: list[int] = []
        size = len(text)
        for entry in prose_entries(document):
            first = entry.content[0]
            for link in entry.links:
                # (one pass, no helper calls or slices: this runs for every link of
                # the file) A code span right after the link, or after a blank:
                end = link.end
                if end < size:
                    after = text[end]
                    if after == " ":
                        if text.startswith(" `", end):
                            spaced_tags += 1
                        elif end + 1 < size and text[end + 1] in _ASCII_START:
                            spaced_words += 1
                    elif after == "`":
                        tags.append(end)
                    elif after in _ASCII_START and not link.image and _word_after(text, end):
                        words.append(end)
                # The character before the link (its group opening at a "\\[" written
                # before it) inside its entry, when it says something: a blank, the
                # ")" or "]" ending a link (or a group), or an ASCII letter, digit or
                # "."/"," (a word; other scripts write links without blanks).
                start = link.start
                if start <= first or link.image:
                    continue
                if start - 2 >= first and text[start - 1] == "[" and text[start - 2] == "\\":
                    start -= 2  # "\\[[paper](u)\\]": the group opens at its "\\["
                    if start <= first:
                        continue
                char = text[start - 1]
                if char == " " or char == "\t":
                    # after a link (")" or "]" before the blanks), or after a word
                    k = start - 1
                    while k > first and text[k - 1] in " \t":
                        k -= 1
                    spaced[k > first and text[k - 1] in ")]"] += 1
                elif char in _ASCII_WORD or char == ")" or char == "]":
                    glued.append((start, char == ")" or char == "]"))
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
        if words and file_habit(
            spaced_words, len(words), share=_WORD_AFTER_SHARE, minimum=_MINIMUM
        ):
            for end in words:
                yield self.report(
                    "Word written straight after a link: it runs into the link's text; "
                    "the file puts a space there",
                    end,
                    end + 1,
                    Fix("Insert a space", edits=(Edit(end, end, " "),)),
                )
        if tags and file_habit(spaced_tags, len(tags), share=_SPACED_SHARE, minimum=_MINIMUM):
            for end in tags:
                yield self.report(
                    "Code span written straight after a link: the file puts a space between them",
                    end,
                    end + 1,
                    Fix("Insert a space", edits=(Edit(end, end, " "),)),
                )


def _word_after(text: str, end: int) -> bool:
    """Whether the letters right after a link's end are a word of their own, not a
    plural or possessive ending glued on on purpose (`[GAN](u)s`)."""
    k = end
    while k < len(text) and text[k].isalnum():
        k += 1
    return not (k - end == 1 and text[end] == "s")
