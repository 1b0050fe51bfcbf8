"""What counts as an entry, and the count markers that keep a README's numbers current.

``awesome-lint stats`` and the stale-count rule (AL607) count with the same function,
``counted_entries``, so a badge and the stats table never disagree.

An entry is counted when it is not a table-of-contents item and has at least one web
link (not an image): a paper, a tool, a resource. Nested items count too (a list of
papers grouped under a bullet); prose bullets without a link do not.

Markers: ``<!-- awesome-lint:count -->302<!-- /awesome-lint:count -->`` holds the
number of counted entries in the file; ``<!-- awesome-lint:count section="Serving" -->``
the number in the section with that heading, its sub-sections included.
"""

from __future__ import annotations

from typing import NamedTuple

from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import is_web
from awesome_lint.parser.document import Document, Entry, Section

_MARKER = lazy_compile(
    r"<!--\s*awesome-lint:count(?:\s+section=\"(?P<section>[^\"]*)\")?\s*-->"
    r"(?P<value>[^<\n]*)"
    r"<!--\s*/awesome-lint:count\s*-->"
)

_EMPTY_BRACKETS = lazy_compile(r"\(\s*\)|\[\s*\]")


def is_counted(entry: Entry) -> bool:
    """Whether ``stats`` and the count markers count this entry."""
    if entry.is_toc:
        return False
    return any(not link.image and is_web(link.url_value) for link in entry.links)


def counted_entries(document: Document) -> list[Entry]:
    """Every counted entry of the document, nested ones included, in source order."""
    cached: list[Entry] | None = document.cache.get("counted-entries")
    if cached is None:
        cached = [entry for entry in document.entries() if is_counted(entry)]
        document.cache["counted-entries"] = cached
    return cached


def _walk(entries: list[Entry]) -> list[Entry]:
    out: list[Entry] = []
    for entry in entries:
        out.append(entry)
        out.extend(_walk(entry.children))
    return out


def own_count(section: Section) -> int:
    """Counted entries directly under the section's heading (not its sub-sections)."""
    return sum(is_counted(entry) for entry in _walk(section.entries))


def section_totals(document: Document) -> list[int]:
    """Per section (in ``document.sections`` order): its counted entries plus those of
    every deeper section that follows it before a heading of its level or higher."""
    sections = document.sections
    own = [own_count(section) for section in sections]
    totals = []
    for index, section in enumerate(sections):
        total = own[index]
        if section.heading is not None:
            level = section.level
            for later in range(index + 1, len(sections)):
                if sections[later].level <= level:
                    break
                total += own[later]
        totals.append(total)
    return totals


class Marker(NamedTuple):
    """A count marker: the section it names (None: the whole file), and the offsets of
    the number between the comments."""

    section: str | None
    start: int
    end: int


def count_markers(text: str) -> list[Marker]:
    """Every count marker in the text, in order."""
    if "awesome-lint:count" not in text:
        return []
    return [
        Marker(m.group("section"), m.start("value"), m.end("value")) for m in _MARKER.finditer(text)
    ]


def heading_name(title: str) -> str:
    """A heading's title without the count markers in it (``Serving (17)`` with a marker
    around 17 is ``Serving``)."""
    if "awesome-lint:count" in title:
        title = _EMPTY_BRACKETS.sub("", _MARKER.sub("", title))
    return " ".join(title.split())


def marker_count(document: Document, section: str | None) -> int | None:
    """The number a marker should hold: all counted entries (``section`` None), or the
    total of the one section with that heading; None when no section or several have it."""
    if section is None:
        return len(counted_entries(document))
    totals = section_totals(document)
    found = [
        totals[index]
        for index, candidate in enumerate(document.sections)
        if candidate.heading is not None and heading_name(candidate.title) == section.strip()
    ]
    return found[0] if len(found) == 1 else None
