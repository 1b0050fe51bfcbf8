from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, file_habit, link_first

STANDARD = " | "
_WIDE = "\uff5c"  # "｜", the full-width vertical line


class VenueSeparator(Rule):
    """
    ## What it does

    Checks the pipe that separates an entry's subtitle from its venue slot
    (`[Title](url): subtitle | Venue`): `s|  V`, `s| V`, `s |V` and other
    spacings become `s | V`. A pipe inside a link, a link target or a bare URL
    (`https://g.com/a|b`) belongs to it and is never the venue separator.

    In a file whose entries separate their venue with `|`, a full-width bar
    `｜` (typed with a CJK keyboard) in that place, between Latin text,
    becomes ` | ` too: `(MII) ｜ Microsoft`.

    The other pipes between an entry's fields (`**[NACLIP]** | **Arxiv'24.04** |
    Title | [pdf](u) | [code](u)`, outside tables) are checked too, in a file that
    writes them with a blank on both sides at least nine times in ten (and ten
    times at least): `Title| [pdf](u)` and `**BERT-DST** |[[Code](u)]` become
    ` | `. A pipe inside a link or a code span, an escaped `\\|` and `||` are
    never read.

    ## Why

    The venue slot is read by people scanning the list and by tools (including
    awesome-lint's venue rules); one spacing keeps both easy.

    ## Example

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System|  OSDI'22
    ```

    becomes

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System | OSDI'22
    ```

    ## Fix safety

    Safe: only the spaces or tabs around the pipe change (and a full-width bar
    becomes `|`).

    ## Options

    None. When at least 80% of a file's venue separators share another
    spacing, that spacing is the file's convention and is used instead.
    """

    code = "AL103"
    name = "venue-separator"
    summary = "The venue separator (or another field separator) is not ` | `"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        entries = [
            e
            for e in link_first(document)
            if e.venue_separator and e.venue and e.venue[1] > e.venue[0]
        ]
        forms = [document.span_text(e.venue_separator) for e in entries]
        target = dominant(forms, share=0.8, minimum=5) or STANDARD
        for entry in entries:
            assert entry.venue_separator is not None
            start, end = entry.venue_separator
            if start == entry.link.end if entry.link else False:
                continue  # "[T](u)| V": no subtitle, the pipe hugs the link; leave it
            written = text[start:end]
            if written != target:
                yield self.report(
                    f"Venue separator {written!r} should be {target!r}",
                    start,
                    end,
                    self.replace(f"Replace with {target!r}", start, end, target),
                )
        if entries and _WIDE in text:
            yield from self._wide(document, target)
        yield from self._fields(document)

    def _fields(self, document: Document) -> Iterator[Diagnostic]:
        """A pipe between other fields of an entry (`Title | [pdf](u) | [code](u)`,
        `**Tag** | **Venue** | Title`) with a blank on one side only, in a file that
        writes such pipes with a blank on both sides nine times in ten."""
        text = document.text
        if "|" not in text:
            return
        spaced = 0
        slips: list[tuple[int, int]] = []
        for entry in document.entries():
            start, end = entry.content
            bar = text.find("|", start, end)
            if bar < 0 or entry.kind == "row":
                continue
            separator = entry.venue_separator
            if (
                separator is not None
                and separator[0] <= bar < separator[1]
                and text.find("|", bar + 1, end) < 0
            ):
                continue  # the venue separator alone (AL103's own check above)
            skip = [(link.start, link.end) for link in (*entry.links, *entry.more_links)]
            skip.extend(code_spans(text, start, end))
            if entry.venue_separator is not None:
                skip.append(entry.venue_separator)
            while bar >= 0:
                if not any(a <= bar < b for a, b in skip):
                    before = text[bar - 1] if bar > start else ""
                    after = text[bar + 1] if bar + 1 < end else ""
                    if before == " " and after == " ":
                        spaced += 1
                    elif before and after and before not in "|\\" and after != "|":
                        left, right = bar, bar + 1
                        while left > start and text[left - 1] in " \t":
                            left -= 1
                        while right < end and text[right] in " \t":
                            right += 1
                        if (bar - left) + (right - bar - 1) == 1:  # a blank on one side
                            slips.append((left, right))
                bar = text.find("|", bar + 1, end)
        if not slips or not file_habit(spaced, len(slips), share=0.9, minimum=10):
            return
        for left, right in slips:
            written = text[left:right]
            yield self.report(
                f"Field separator {written!r} should be {STANDARD!r}, as the file writes it",
                left,
                right,
                self.replace(f"Replace with {STANDARD!r}", left, right, STANDARD),
            )

    def _wide(self, document: Document, target: str) -> Iterator[Diagnostic]:
        """A full-width bar ``｜`` (typed with a CJK keyboard) where the file writes its
        venue separator with ``|``: ``(MII) ｜ Microsoft``."""
        text = document.text
        for entry in link_first(document):
            if entry.venue_separator or entry.link is None or not entry.parsed:
                continue
            end = entry.content[1]
            bar = text.find(_WIDE, entry.link.end, end)
            if bar < 0 or text.find(_WIDE, bar + 1, end) >= 0:
                continue
            if any(link.start <= bar < link.end for link in entry.links):
                continue
            before = text[entry.link.end : bar].rstrip(" \t")
            after = text[bar + 1 : end].lstrip(" \t")
            if not before or not after or not (before[-1].isascii() and after[0].isascii()):
                continue  # beside CJK text, a full-width bar is the text's own
            start = entry.link.end + len(before)
            stop = end - len(after)
            yield self.report(
                f"Venue separator {text[start:stop]!r} is a full-width bar: write {target!r}",
                start,
                stop,
                self.replace(f"Replace with {target!r}", start, stop, target),
            )
