from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

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
    summary = "The venue separator is not ` | `"
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
