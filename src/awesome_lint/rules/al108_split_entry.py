from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.domain.shapes import wrapped_note
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.build import BRACKET_VENUE_PREFIX
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.al610_heading_hash_space import glued_heading
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, running_on

# A line that ends so is broken on purpose: two spaces or a backslash (a Markdown hard
# break), or an HTML line break.
_HARD_BREAK = lazy_compile(r"(?:[ ]{2,}|\\|<br\s*/?>[ \t]*)\Z", re.IGNORECASE)
# A continuation that goes on with a sentence or an entry's parts: a lower-case word,
# closing punctuation, a closing emphasis, or a bracketed label link ("[[GitHub]](url)").
_RUNS_ON = lazy_compile(r"[a-z]|[.,;:)\]*_]|\[\[")
# A line that is one image and nothing else: a figure under the item, not its text.
_IMAGE_LINE = lazy_compile(
    r"[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>)[ \t]*\Z", re.IGNORECASE
)
# A line of line breaks only (`</br></br>`): space under the item, no words of it.
_BREAKS_LINE = lazy_compile(r"[ \t]*(?:</?br[ \t]*/?>[ \t]*)+\Z", re.IGNORECASE)
# A group of entries is "one line each" when at least this many entries are one line
# and at most one in ten (at least one) are not.
MIN_SINGLE = 4
MIN_GROUP = MIN_SINGLE + 1


class SplitEntry(Rule):
    """
    ## What it does

    Reports an entry whose text runs on to the next line (a soft line break
    inside the entry) where the other entries of its section, and of the file,
    are one line each: a title hard-wrapped when it was pasted, a link label
    broken before its `](url)`, an author list wrapped in the middle.

    ```markdown
    - Re-energizing Domain Discriminator with Sample Relabeling
    for Adversarial Domain Adaptation [[ICCV2021]](https://example.org/p.pdf)
    ```

    A line that opens with a list marker glued to a link (`-[Title](url)`) is an
    entry of its own whose marker lacks its blank: it is reported there, with
    that advice (`write '- ['`) and no fix, not as a line to join. So is a
    paragraph entry followed, without a blank line, by a line that opens as
    one (`[TSC'24] [MoESys ...](url)` under `[KDD'23] [COMET ...](url)`, a
    paper link first or after a venue in brackets): the two entries show as
    one paragraph, and the advice is a blank line between them.

    Only list items and paragraph entries are read, and only a break on a lazy
    continuation line (indented less than the item's text) or inside a link's
    text. Not reported:

    - a section or file whose entries are often written on several lines (more
      than one in ten, or fewer than 4 single-line entries to compare with; for
      the file, its entries at the item's depth): the list's own convention,
      such as authors or notes on a second line;
    - a file whose entries are often written on several lines (a title over its
      `[[paper]]` link) and which wraps its prose by hand (two paragraphs or
      more outside lists broken over lines of 40 characters or more): its
      notes are wrapped the same way;
    - a continuation indented under the item's text (written on purpose);
    - a note under a list's last item, at the margin and without a blank line
      between (`More at [packages tagged GUI](url)` after `- [map-widget](url) -
      Widget to display maps`): one line that starts with a capital and holds
      a link of its own, under an item whose link is on its first line, with
      no item after it;
    - a heading without the blank after its hashes (`####2018` right under an
      item), which heading-hash-space (AL610) reports;
    - a line that is one image and nothing else (`![](background.png)` under
      `- 三维深度学习子任务简介`): a figure placed under the item;
    - a line of line breaks only (`</br></br>` under an item): the file's spacer
      under a block, no words of the entry;
    - a hard line break: two spaces or a backslash at the end of the line, or
      an HTML `<br>`;
    - a break inside a code span, and code blocks, tables and HTML blocks;
    - a note nested under an item, with no web link on its first line, that runs
      on over two lines or more: prose wrapped by hand (`* Is an open-source
      toolkit ...` over three lines under a framework's item).

    In a section (or file) whose entries put their second line in a paragraph of
    its own, after a blank line, four times in five (`1. **Title.** ICML 2019.`,
    a blank line, `*Authors* [[pdf](u)]`), an entry whose second line follows its
    title with no blank line has lost that blank line: the finding says so,
    without a fix (a blank line makes the item loose, a change of structure).
    When that line is not indented to the item's text (a lazy continuation), the
    finding says to indent it as well: after a blank line alone, it would end the
    item (and restart a numbered list).

    ## Why

    A broken entry renders as one line but reads as two in the source: it
    hides the entry from line-based tools (grep, diffs, sorting), and the
    other rules cannot edit it safely.

    ## Example

    The entry above becomes

    ```markdown
    - Re-energizing Domain Discriminator with Sample Relabeling for Adversarial Domain Adaptation [[ICCV2021]](https://example.org/p.pdf)
    ```

    ## Fix safety

    Safe: each line break, with the blanks around it, becomes one space (none
    before a closing `]`), which is how Markdown renders a soft break; nothing
    else changes. The fix is offered only where the break is plainly inside
    the entry: inside a link's text, before the entry's first web link (the
    title goes on), or before a lower-case word, closing punctuation or a
    bracketed label link (`[[Code]](url)`). Otherwise (the next line may be
    another entry that lost its list marker) the entry is reported without a
    fix. Two paragraph entries written as one get a blank line between them,
    a safe fix too: each shows as an entry of its own, as the list's other
    entries do.

    ## Options

    None.
    """

    code = "AL108"
    name = "split-entry"
    summary = "An entry runs on to another line while the other entries are one line each"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        everything = document.entries()
        # the entries that run on to another line: none in most files (looked for first)
        multi = running_on(document)
        if not multi:
            return
        entries = [
            e
            for e in everything
            if e.para_end >= e.line and e.kind in ("item", "paragraph") and not e.toc
        ]
        # how many entries, and how many of them run on, per kind and depth in the file
        # and per section, kind and depth
        total: Counter[tuple[object, ...]] = Counter((e.kind, e.depth) for e in entries)
        total.update((id(e.section), e.kind, e.depth) for e in entries)
        runs_on: Counter[tuple[object, ...]] = Counter((e.kind, e.depth) for e in multi)
        runs_on.update((id(e.section), e.kind, e.depth) for e in multi)
        if not _one_line_each(len(entries), len(multi)) and _wraps_prose(document):
            # a file that writes its entries on several lines (a title over its
            # `[[paper]]` link, say) and wraps its prose by hand wraps its notes too
            return
        # entries whose first paragraph is one line and whose item goes on in a second
        # paragraph after a blank line (a title line, then `*Authors* [[pdf](u)]`)
        second: Counter[tuple[object, ...]] | None = None
        for entry in multi:
            in_file = (entry.kind, entry.depth)
            in_section = (id(entry.section), entry.kind, entry.depth)
            if wrapped_note(document, entry):
                continue  # a note under an item, a paragraph of prose wrapped by hand
            if entry.end_line == entry.para_end:
                if second is None:
                    second = Counter()
                    for e in entries:
                        if (
                            e.para_end == e.line
                            and e.end_line > e.para_end
                            and _second_paragraph(document, e)
                        ):
                            second[(e.kind, e.depth)] += 1
                            second[(id(e.section), e.kind, e.depth)] += 1
                if any(
                    file_habit(
                        second[where],
                        total[where] - second[where],
                        share=SECOND_SHARE,
                        minimum=MIN_GROUP,
                    )
                    for where in (in_section, in_file)
                ):
                    yield self._blank_missing(document, entry)
                    continue
            if not _one_line_each(total[in_file], runs_on[in_file]):
                continue
            if total[in_section] >= MIN_GROUP and not _one_line_each(
                total[in_section], runs_on[in_section]
            ):
                continue
            diagnostic = self._check_entry(document, entry)
            if diagnostic is not None:
                yield diagnostic

    def _blank_missing(self, document: Document, entry: Entry) -> Diagnostic:
        """A first paragraph of two lines or more, in a section whose entries put their
        second line (`*Authors* [[pdf](u)]`) in a paragraph of its own. (No fix: a
        blank line makes the item loose, a change of structure left to the author.)"""
        following = document.source.lines[entry.line + 1]
        start = following.start
        while start < following.end and document.text[start] in " \t":
            start += 1
        column = entry.content[0] - document.source.lines[entry.line].start
        indent = ""
        if entry.depth == 0 and entry.kind == "item" and start - following.start < column:
            # a lazy continuation: after a blank line it would end the item (and restart
            # a numbered list), unless indented to the item's text
            indent = f" and indent it by {column} spaces, or the item ends there"
        return self.report(
            f"Line {entry.line + 2} goes on the entry in a paragraph of its own in the "
            f"other entries of this section: add the blank line before it{indent}",
            start,
            following.end,
        )

    def _check_entry(self, document: Document, entry: Entry) -> Diagnostic | None:
        source = document.source
        text = source.text
        lines = source.lines
        first = lines[entry.line]
        column = entry.content[0] - first.start  # where the item's text starts
        end = lines[entry.para_end].end
        if any(
            k in document.code_lines or k in document.html_lines
            for k in range(entry.line, entry.para_end + 1)
        ):
            return None
        codes = code_spans(text, entry.content[0], end)
        links = [*entry.links, *entry.more_links]
        web_start = min(
            (
                link.start
                for link in links
                if not link.image and link.url_value.lower().startswith(("http://", "https://"))
            ),
            default=end,
        )
        edits: list[Edit] = []
        fixable = True
        for k in range(entry.line, entry.para_end):
            line, following = lines[k], lines[k + 1]
            body = text[line.start : line.end]
            if _HARD_BREAK.search(body):
                return None
            if any(a < line.end < b for a, b in codes):
                return None
            in_label = any(link.text[0] < line.end < link.text[1] for link in links)
            after = following.start
            while after < following.end and text[after] in " \t":
                after += 1
            lazy = entry.kind == "paragraph" or after - following.start < column
            if _IMAGE_LINE.match(text[following.start : following.end]):
                return None  # a figure placed under the item
            if _BREAKS_LINE.match(text[following.start : following.end]):
                return None  # `</br></br>`: the file's spacer under a block
            if glued_heading(text, following.start, following.end) is not None:
                return None  # "####2018": a heading without its blank (heading-hash-space)
            if not (lazy or in_label):
                return None  # an indented continuation: written so on purpose
            if (
                entry.kind == "paragraph"
                and not in_label
                and web_start < line.end
                and _PARAGRAPH_ENTRY.match(text, after, following.end)
            ):
                # "[KDD'23] [COMET ...](url)" over "[TSC'24] [MoESys ...](url)": two entries
                # with no blank line between them show as one paragraph
                return self.report(
                    f"Line {k + 2} is an entry of its own: without a blank line before it, "
                    "the two entries show as one paragraph; add one",
                    after,
                    following.end,
                    Fix(
                        "Put a blank line between the entries",
                        (Edit(line.end, line.end, text[line.end : following.start]),),
                        adds_entries=1,
                    ),
                )
            if _GLUED_MARKER.match(text, after, following.end):
                # "-[Title](url)": an entry of its own whose marker lacks its blank
                return self.report(
                    f"Line {k + 2} starts with {text[after : after + 2]!r}: a list marker "
                    f"without its blank runs that entry on into this one; write "
                    f"{text[after] + ' ['!r}",
                    after,
                    after + 2,
                )
            before = line.end
            while before > line.start and text[before - 1] in " \t":
                before -= 1
            title_goes_on = line.end <= web_start < end  # the first web link is below
            if not (in_label or title_goes_on or _RUNS_ON.match(text, after)):
                fixable = False
            joint = "" if text.startswith("]", after) else " "
            edits.append(Edit(before, after, joint))
        if not edits:
            return None
        if not fixable and _note_after_list(document, entry, web_start):
            return None
        start, stop = edits[0].start, edits[0].end
        others = "the other entries are one line each"
        message = f"Entry runs on to line {entry.para_end + 1} ({others}): join the lines"
        fix = Fix("Join the entry's lines", tuple(edits), joins_lines=True) if fixable else None
        return self.report(message, start, stop, fix)


# A line that opens as a paragraph entry does, its paper link first or after its venue in
# brackets: `[Title](https://...)`, `[TSC'24] [Title](https://...)`.
_PARAGRAPH_ENTRY = lazy_compile(f"(?:{BRACKET_VENUE_PREFIX})?" + r"\[[^\[\]\n]+\]\(https?://")
# A line that opens with a list marker glued to a link, `-[Title](url)`: an entry whose
# marker lacks its blank.
_GLUED_MARKER = lazy_compile(r"[-*+]\[[^\]\n]+\]\(")


def _note_after_list(document: Document, entry: Entry, web_start: int) -> bool:
    """A note written under a list's last item without a blank line between.

    `- [map-widget](url) - Widget to display maps` then `More at [packages tagged
    GUI](url)` at the margin: the item is whole on its first line (its link is
    there), and the one line below starts a sentence of its own, with a link of
    its own, and ends the list.
    """
    text = document.source.text
    lines = document.source.lines
    if entry.kind != "item" or entry.para_end != entry.line + 1:
        return False
    first, note = lines[entry.line], lines[entry.para_end]
    if not web_start < first.end or not text[note.start : note.start + 1].isupper():
        return False
    if not any(note.start <= link.start < note.end for link in entry.links + entry.more_links):
        return False
    # the list ends there: no item follows (after blank lines, if any)
    k = entry.para_end + 1
    while k < len(lines) and not text[lines[k].start : lines[k].end].strip():
        k += 1
    rest = text[lines[k].start : lines[k].end].lstrip() if k < len(lines) else ""
    return not (rest[:2] in ("- ", "* ", "+ ") or rest[:1].isdigit())


# Characters from which on a line broken inside a paragraph was wrapped by hand.
_WRAP_WIDTH = 40


def _wraps_prose(document: Document) -> bool:
    """Whether the file wraps its prose by hand: two paragraphs or more outside lists
    (not entries) whose lines break, softly, after 40 characters or more."""
    source = document.source
    entry_lines = {e.line for e in document.entries() if e.kind == "paragraph"}
    wrapped = 0
    for block in document.blocks:
        if (
            block.kind != "paragraph"
            or block.end_line == block.start_line
            or block.start_line in entry_lines
        ):
            continue
        lines = [source.line_text(k) for k in range(block.start_line, block.end_line)]
        if all(
            len(line.rstrip()) >= _WRAP_WIDTH and not _HARD_BREAK.search(line) for line in lines
        ):
            wrapped += 1
            if wrapped >= 2:
                return True
    return False


# A section whose entries go on in a second paragraph this often: a run-on line is
# that paragraph with its blank line lost.
SECOND_SHARE = 0.8


def _second_paragraph(document: Document, entry: Entry) -> bool:
    """Whether the item goes on after its first paragraph and a blank line, with text
    of its own (not a nested list)."""
    if entry.end_line <= entry.para_end:
        return False
    lines = document.source.lines
    following = lines[entry.para_end + 1]
    if document.text[following.start : following.end].strip():
        return False
    first_child = entry.children[0].line if entry.children else entry.end_line + 1
    return any(
        document.text[lines[k].start : lines[k].end].strip()
        for k in range(entry.para_end + 2, min(first_child, entry.end_line + 1))
    )


def _one_line_each(total: int, multi: int) -> bool:
    return total - multi >= MIN_SINGLE and multi <= max(1, total // 10)
