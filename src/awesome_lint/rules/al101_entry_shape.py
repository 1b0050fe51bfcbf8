from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.links.papers import link_roles
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
    "text": ("has no link", "have no link"),
}


def shape_of(document: Document, entry: Entry) -> str | None:
    """The coarse shape of an entry's first line, or None when it is not a paper/resource.

    An entry whose only links are code, project, slides or badge links (see
    ``links.roles``) has no shape: it fits a list of linked papers and a list of
    link-less ones alike (not every paper has code). Links on the
    continuation lines of a multi-line item count too. A parent item without a link
    over nested items with links is a group label, not an entry.
    """
    text = document.text
    start, end = entry.content
    if start >= end or entry.kind == "row":
        return None  # a table's rows have the table's shape
    roles = link_roles(document, entry)
    links = [link for link, role in roles if role != "aux"]
    if roles and not links:
        return None  # only code, project or badge links: fits both link-less and linked lists
    if not links and entry.more_links:
        links = [link for link in entry.more_links if not link.image]
    if not links and any(child.links for child in entry.children):
        return None  # a group label ("Linux", "**Post-Training**") over linked items
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
    Links to code, a project page, slides or a badge are not the paper's: an
    entry with only such links fits either shape, and when most entries have no
    link, an entry with one is no mistake. A parent item without a link over
    nested linked items is a group label, and a link on the continuation line of
    a multi-line item counts.
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
        if want is None or want == "text":
            return  # in a list of link-less entries, an entry with a link is no mistake
        for entry, shape in following:
            if shape == want:
                continue
            owner: Section | None = entry.section
            where = f" and of section {owner.title!r}" if owner and owner.title else ""
            what = SHAPES[shape][0]
            yield self.report(
                f"Entry {what}, while most entries of this file{where} {SHAPES[want][1]}",
                entry.content[0],
                entry.content[1],
            )
