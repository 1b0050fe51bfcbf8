"""``awesome-lint inspect``: how the linter reads a list.

Per section: the entry shape detected and how sure it is, how many entries there
are of each kind (list items, numbered items, paragraphs, table rows), and how many
have a title, a paper link, a venue and a year. Per file: every venue the file
names, with the spellings and year styles it writes them in. A maintainer sees why
a rule reads the list the way it does; a developer debugs the entry model with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from awesome_lint.domain.shapes import section_shape
from awesome_lint.domain.venues import entry_tokens
from awesome_lint.domain.years import entry_year
from awesome_lint.links.papers import entry_title, primary_link
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document, Entry, Section
from awesome_lint.source import SourceText
from awesome_lint.venues.parse import token_style
from awesome_lint.venues.registry import VenueRegistry, default_registry


def _walk(entries: list[Entry]) -> Iterator[Entry]:
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def _kind(entry: Entry) -> str:
    if entry.kind == "item":
        return "numbered" if entry.ordered else "item"
    return entry.kind


def _section(document: Document, section: Section, registry: VenueRegistry) -> dict[str, Any]:
    shape = section_shape(document, section)
    entries = [e for e in _walk(section.entries) if not e.is_toc]
    kinds = Counter(_kind(e) for e in entries)
    with_venue = with_year = with_title = with_paper = 0
    for entry in entries:
        with_title += entry_title(document, entry) is not None
        with_paper += primary_link(document, entry) is not None
        found = entry_tokens(document, entry, registry)
        with_venue += any(f.token.known and f.where != "subtitle" for f in found)
        with_year += entry_year(document, entry, registry) is not None
    heading = section.heading
    return {
        "heading": section.title,
        "level": section.level,
        "line": heading.line + 1 if heading else 1,
        "shape": shape.shape,
        "confidence": round(shape.confidence, 2),
        "entries": len(entries),
        "kinds": dict(sorted(kinds.items())),
        "with_title": with_title,
        "with_paper_link": with_paper,
        "with_venue": with_venue,
        "with_year": with_year,
    }


def _venues(document: Document, registry: VenueRegistry) -> list[dict[str, Any]]:
    names: dict[str, Counter[str]] = {}
    styles: dict[str, Counter[str]] = {}
    for entry in document.entries():
        for found in entry_tokens(document, entry, registry):
            token = found.token
            canonical = token.canonical
            if canonical is None or found.where == "subtitle":
                continue
            names.setdefault(canonical, Counter())[token.name] += 1
            style = token_style(token)
            if style is not None:
                styles.setdefault(canonical, Counter())[style.pattern] += 1
    out = []
    for canonical, spellings in sorted(names.items(), key=lambda kv: (-kv[1].total(), kv[0])):
        out.append(
            {
                "venue": canonical,
                "uses": spellings.total(),
                "spellings": dict(spellings.most_common()),
                "year_styles": dict(styles.get(canonical, Counter()).most_common()),
            }
        )
    return out


def inspect_source(
    source: SourceText, filename: str, registry: VenueRegistry | None = None
) -> dict[str, Any]:
    """The inspection report of one file, as plain data (what ``--output-format json``
    prints)."""
    registry = registry or default_registry()
    document = parse_document(source)
    sections = [
        _section(document, section, registry)
        for section in document.sections
        if any(not e.is_toc for e in section.entries)
    ]
    return {
        "filename": filename,
        "entries": sum(s["entries"] for s in sections),
        "sections": sections,
        "venues": _venues(document, registry),
    }


def render_text(report: dict[str, Any]) -> str:
    """An aligned table of the sections, then the venues with their spellings."""
    lines = [f"{report['filename']}: {report['entries']} entries"]
    header = ("line", "section", "shape", "sure", "entries", "title", "paper", "venue", "year")
    rows = [header]
    for s in report["sections"]:
        title = ("  " * max(s["level"] - 1, 0) + (s["heading"] or "(before the first heading)"))[
            :48
        ]
        kinds = s["kinds"]
        shape = s["shape"] or "-"
        if len(kinds) == 1 and next(iter(kinds)) != "item":
            shape += f" ({next(iter(kinds))})"
        rows.append(
            (
                str(s["line"]),
                title,
                shape,
                f"{s['confidence']:.0%}",
                str(s["entries"]),
                str(s["with_title"]),
                str(s["with_paper_link"]),
                str(s["with_venue"]),
                str(s["with_year"]),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    right = {0, 3, 4, 5, 6, 7, 8}
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    if report["venues"]:
        lines.append("")
        lines.append("venues (uses: spellings; year styles)")
        for v in report["venues"]:
            spellings = ", ".join(f"{name} {count}" for name, count in v["spellings"].items())
            styles = ", ".join(f"{style} {count}" for style, count in v["year_styles"].items())
            lines.append(
                f"  {v['venue']} ({v['uses']}): {spellings}" + (f"; {styles}" if styles else "")
            )
    return "\n".join(lines) + "\n"
