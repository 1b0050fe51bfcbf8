from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document, Entry, Section
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant

SHAPES = {
    "link": ("starts with a link", "start with a link (`[Title](url)…`)"),
    "prefix": (
        "has a bracketed prefix before its link",
        "have a bracketed prefix before their link",
    ),
    "emphasis": ("has its title in bold or italics", "have their title in bold or italics"),
    "text-link": ("starts with text, not a link", "start with text and link later"),
    "text": ("has no link", "have a link"),
}


def shape_of(document: Document, entry: Entry) -> str | None:
    """The coarse shape of an entry's first line, or None when it is not a paper/resource."""
    text = document.text
    start, end = entry.content
    if start >= end:
        return None
    links = [link for link in entry.links if not link.image]
    first = text[start]
    if links and links[0].start == start:
        return "link"
    if first in "*_":
        return "emphasis"
    if first == "[" and links:
        return "prefix"
    if links:
        return "text-link"
    return "text"


class EntryShape(Rule):
    """
    ## What it does

    Learns the file's dominant entry shape (link first, bracketed venue
    prefix, bold title, text then link, …) and reports entries that deviate
    from it, for example a paper without a link in a list where every other
    entry starts with `[Title](url)`.

    ## Why

    Each list has its own convention, and awesome-lint follows it rather than
    imposing one. Entries that break the list's own convention are usually
    mistakes: a missing link, a pasted entry from another list.

    ## Example

    In a file of `- [Title](url): subtitle | Venue` entries,
    `- Enabling Parallelism Hot Switching | SOSP'24` is reported (no link).

    ## Fix safety

    No fix: the missing part has to come from a person.

    ## Options

    None. The rule is silent unless one shape covers at least 80% of the
    file's entries (and at least 10 of them). Table-of-contents items, nested
    items and sections whose own majority shape differs from the file's are
    ignored: a section with its own deliberate convention is not an error.
    """

    code = "AL101"
    name = "entry-shape"
    summary = "An entry deviates from the file's dominant entry shape"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        shapes: list[tuple[Entry, str]] = []
        for section in document.sections:
            for entry in section.entries:
                if entry.is_toc:
                    continue
                shape = shape_of(document, entry)
                if shape is not None:
                    shapes.append((entry, shape))
        # The plurality shape, then its share among the sections that follow it:
        # a section with its own majority shape is a deliberate convention.
        plurality = dominant(shape for _, shape in shapes)
        if plurality is None:
            return
        per_section: dict[int, Counter[str]] = defaultdict(Counter)
        for entry, shape in shapes:
            per_section[id(entry.section)][shape] += 1
        majority = {key: dominant(counts.elements()) for key, counts in per_section.items()}
        following = [
            (entry, shape) for entry, shape in shapes if majority[id(entry.section)] == plurality
        ]
        want = dominant((shape for _, shape in following), share=0.8, minimum=10)
        if want is None:
            return
        for entry, shape in following:
            if shape == want:
                continue
            owner: Section | None = entry.section
            where = f" and of section {owner.title!r}" if owner and owner.title else ""
            yield self.report(
                f"Entry {SHAPES[shape][0]}, while most entries of this file{where}"
                f" {SHAPES[want][1]}",
                entry.content[0],
                entry.content[1],
            )
