"""``awesome-lint stats``: how many entries a list has, and where they come from.

Per file: counted entries (``domain.stats.counted_entries``, the same count as the
AL607 markers) per section (own and with sub-sections) with the section's entry
shape, per canonical venue, per year, per host of the paper link; entries without a
venue, a year or a paper link; paper links that occur twice. Rendered as an aligned
table, JSON, Markdown tables, or an SVG bar chart written here (no plotting library).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from awesome_lint.domain.shapes import section_shape
from awesome_lint.domain.stats import counted_entries, own_count, section_totals
from awesome_lint.domain.venues import entry_tokens
from awesome_lint.domain.years import entry_year
from awesome_lint.links.normalize import normalize_url
from awesome_lint.links.papers import primary_link
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document, Entry
from awesome_lint.source import SourceText
from awesome_lint.venues.registry import VenueRegistry, default_registry


def _venue(document: Document, entry: Entry, registry: VenueRegistry) -> str | None:
    for found in entry_tokens(document, entry, registry):
        if found.where != "subtitle" and found.token.canonical is not None:
            return found.token.canonical
    return None


def _host(url: str) -> str:
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _by_count(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower(), kv[0])))


def stats_source(
    source: SourceText, filename: str, registry: VenueRegistry | None = None
) -> dict[str, Any]:
    """The statistics of one file, as plain data (what ``--output-format json`` prints)."""
    registry = registry or default_registry()
    document = parse_document(source)
    entries = counted_entries(document)
    venues: Counter[str] = Counter()
    years: Counter[int] = Counter()
    hosts: Counter[str] = Counter()
    without_venue = without_year = without_link = 0
    seen: dict[str, list[int]] = {}
    for entry in entries:
        venue = _venue(document, entry, registry)
        if venue is None:
            without_venue += 1
        else:
            venues[venue] += 1
        year = entry_year(document, entry, registry)
        if year is None:
            without_year += 1
        else:
            years[year.year] += 1
        link = primary_link(document, entry)
        if link is None:
            without_link += 1
            continue
        hosts[_host(link.url_value) or "(no host)"] += 1
        seen.setdefault(normalize_url(link.url_value), []).append(entry.line + 1)
    totals = section_totals(document)
    sections = []
    for section, total in zip(document.sections, totals, strict=True):
        if total == 0:
            continue
        shape = section_shape(document, section)
        sections.append(
            {
                "heading": section.title,
                "level": section.level,
                "line": section.heading.line + 1 if section.heading else 1,
                "entries": own_count(section),
                "total": total,
                "shape": shape.shape,
            }
        )
    duplicates = [{"link": link, "lines": lines} for link, lines in seen.items() if len(lines) > 1]
    return {
        "filename": filename,
        "entries": len(entries),
        "without_venue": without_venue,
        "without_year": without_year,
        "without_paper_link": without_link,
        "duplicates": duplicates,
        "sections": sections,
        "venues": _by_count(venues),
        "years": {str(year): years[year] for year in sorted(years)},
        "hosts": _by_count(hosts),
    }


def _summary(report: dict[str, Any]) -> str:
    dups = len(report["duplicates"])
    return (
        f"{report['entries']} entries, {report['without_venue']} without a venue, "
        f"{report['without_year']} without a year, {report['without_paper_link']} without "
        f"a paper link, {dups} duplicate paper link{'' if dups == 1 else 's'}"
    )


def _section_label(section: dict[str, Any], indent: str) -> str:
    heading: str = section["heading"] or "(before the first heading)"
    depth: int = section["level"]
    return indent * max(depth - 1, 0) + heading


def _aligned(
    header: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int]
) -> list[str]:
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    out = []
    for row in table:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
    return out


def render_table(report: dict[str, Any]) -> str:
    """Aligned plain-text tables: sections, then venues, years and hosts."""
    lines = [f"{report['filename']}: {_summary(report)}", ""]
    rows = [
        (
            _section_label(s, "  ")[:56],
            s["shape"] or "-",
            str(s["entries"]),
            str(s["total"]),
        )
        for s in report["sections"]
    ]
    lines += _aligned(("section", "shape", "entries", "total"), rows, {2, 3})
    for key, title in (("venues", "venue"), ("years", "year"), ("hosts", "host")):
        if report[key]:
            lines.append("")
            counts = [(name, str(count)) for name, count in report[key].items()]
            lines += _aligned((title, "entries"), counts, {1})
    if report["duplicates"]:
        lines.append("")
        lines.append("duplicate paper links (lines)")
        for dup in report["duplicates"]:
            lines.append(f"  {dup['link']}: {', '.join(map(str, dup['lines']))}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _md_table(
    header: tuple[str, ...], rows: Sequence[tuple[str, ...]], right: set[int]
) -> list[str]:
    out = ["| " + " | ".join(header) + " |"]
    out.append(
        "| " + " | ".join("---:" if i in right else "---" for i in range(len(header))) + " |"
    )
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def render_markdown(report: dict[str, Any]) -> str:
    """Markdown tables a README or a CI job summary can embed."""
    lines = [f"**{_cell(report['filename'])}**: {_summary(report)}", ""]
    rows = [
        (
            _cell(_section_label(s, "&emsp;")),
            _cell(s["shape"] or "-"),
            str(s["entries"]),
            str(s["total"]),
        )
        for s in report["sections"]
    ]
    lines += _md_table(("Section", "Shape", "Entries", "With sub-sections"), rows, {2, 3})
    for key, title in (("venues", "Venue"), ("years", "Year"), ("hosts", "Host")):
        if report[key]:
            lines.append("")
            counts = [(_cell(name), str(count)) for name, count in report[key].items()]
            lines += _md_table((title, "Entries"), counts, {1})
    if report["duplicates"]:
        lines.append("")
        lines += _md_table(
            ("Duplicate paper link", "Lines"),
            [(_cell(d["link"]), ", ".join(map(str, d["lines"]))) for d in report["duplicates"]],
            set(),
        )
    return "\n".join(lines) + "\n"


# -- the SVG chart -----------------------------------------------------------------------

_STYLE = """\
.bg{fill:#ffffff}.title{fill:#1f2328;font-size:18px;font-weight:600}
.note,.tick,.axis{fill:#59636e;font-size:12px}.axis{font-size:13px}
.value{fill:#1f2328;font-size:11px}.grid{stroke:#d1d9e0;stroke-width:1}
.base{stroke:#59636e;stroke-width:1}.bar{fill:#0969da}
@media (prefers-color-scheme:dark){.bg{fill:#0d1117}.title,.value{fill:#f0f6fc}
.note,.tick,.axis{fill:#9198a1}.grid{stroke:#3d444d}.base{stroke:#9198a1}.bar{fill:#4493f8}}"""
_FONT = "system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _step(top: int) -> int:
    """A round grid step (1, 2, 5 times a power of ten) giving at most 6 lines up to top."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if top / (step * factor) <= 6:
                return step * factor
        step *= 10


def _text(x: float, y: float, cls: str, text: str, anchor: str = "middle", extra: str = "") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}" text-anchor="{anchor}"{extra}>'
        f"{escape(text)}</text>"
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    label = escape(title, {'"': "&quot;"})
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{label}" '
        f'font-family="{_FONT}">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}</style>",
        f'<rect class="bg" width="{width}" height="{height}" rx="6"/>',
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


def render_svg(
    reports: list[dict[str, Any]], by: str = "year", top: int = 15, title: str | None = None
) -> str:
    """A bar chart of entries per year (every year from the first to the last, columns)
    or of the ``top`` venues (horizontal bars) of the files together. Deterministic:
    the same reports give the same bytes."""
    counts: Counter[str] = Counter()
    for report in reports:
        counts.update(report["years" if by == "year" else "venues"])
    total = sum(r["entries"] for r in reports)
    names = ", ".join(r["filename"].rsplit("/", 1)[-1] for r in reports)
    if by == "year":
        missing = sum(r["without_year"] for r in reports)
        chart_title = title or "Papers per year"
        note = f"{total} entries in {names}; {missing} without a year"
        return _year_chart(counts, chart_title, note)
    missing = sum(r["without_venue"] for r in reports)
    chart_title = title or f"Top {min(top, len(counts))} venues"
    note = f"{total} entries in {names}; {missing} without a venue"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower(), kv[0]))[:top]
    return _venue_chart(ranked, chart_title, note)


def _year_chart(counts: Counter[str], title: str, note: str) -> str:
    width, height = 760, 400
    left, right, top_, bottom = 64, 24, 72, 64
    plot_w, plot_h = width - left - right, height - top_ - bottom
    body = [_text(left, 32, "title", title, "start"), _text(left, 52, "note", note, "start")]
    if not counts:
        body.append(_text(width / 2, height / 2, "axis", "No entries with a year"))
        return _svg(width, height, title, body)
    first, last = min(map(int, counts)), max(map(int, counts))
    years = list(range(first, last + 1))
    peak = max(counts.values())
    step = _step(peak)
    ceiling = -(-peak // step) * step
    base_y = top_ + plot_h
    for value in range(0, ceiling + 1, step):
        y = base_y - plot_h * value / ceiling
        if value:
            body.append(
                f'<line class="grid" x1="{left}" y1="{_n(y)}" x2="{width - right}" y2="{_n(y)}"/>'
            )
        body.append(_text(left - 8, y + 4, "tick", str(value), "end"))
    slot = plot_w / len(years)
    bar_w = max(slot * 0.7, 1.0)
    every = next(k for k in (1, 2, 5, 10, 20, 50) if slot * k >= 40)
    for index, year in enumerate(years):
        value = counts.get(str(year), 0)
        x = left + slot * index + (slot - bar_w) / 2
        mid = left + slot * index + slot / 2
        if value:
            h = plot_h * value / ceiling
            body.append(
                f'<rect class="bar" x="{_n(x)}" y="{_n(base_y - h)}" width="{_n(bar_w)}" '
                f'height="{_n(h)}"><title>{year}: {value}</title></rect>'
            )
            if slot >= 22:
                body.append(_text(mid, base_y - h - 5, "value", str(value)))
        if year % every == 0 or every == 1:
            body.append(_text(mid, base_y + 18, "tick", str(year)))
    body.append(
        f'<line class="base" x1="{left}" y1="{base_y}" x2="{width - right}" y2="{base_y}"/>'
    )
    body.append(_text(left + plot_w / 2, height - 16, "axis", "Year"))
    body.append(
        _text(
            18,
            top_ + plot_h / 2,
            "axis",
            "Entries",
            extra=f' transform="rotate(-90 18 {_n(top_ + plot_h / 2)})"',
        )
    )
    return _svg(width, height, title, body)


def _venue_chart(ranked: list[tuple[str, int]], title: str, note: str) -> str:
    width = 760
    row = 26
    left, right, top_, bottom = 150, 48, 72, 56
    height = top_ + max(len(ranked), 1) * row + bottom
    plot_w = width - left - right
    body = [_text(24, 32, "title", title, "start"), _text(24, 52, "note", note, "start")]
    if not ranked:
        body.append(_text(width / 2, top_ + row / 2 + 4, "axis", "No entries with a venue"))
        return _svg(width, height, title, body)
    peak = ranked[0][1]
    step = _step(peak)
    ceiling = -(-peak // step) * step
    base_y = top_ + len(ranked) * row
    for value in range(0, ceiling + 1, step):
        x = left + plot_w * value / ceiling
        if value:
            body.append(f'<line class="grid" x1="{_n(x)}" y1="{top_}" x2="{_n(x)}" y2="{base_y}"/>')
        body.append(_text(x, base_y + 18, "tick", str(value)))
    for index, (venue, value) in enumerate(ranked):
        y = top_ + index * row
        w = plot_w * value / ceiling
        body.append(_text(left - 8, y + row / 2 + 4, "tick", venue, "end"))
        body.append(
            f'<rect class="bar" x="{left}" y="{_n(y + 4)}" width="{_n(w)}" height="{row - 8}">'
            f"<title>{escape(venue)}: {value}</title></rect>"
        )
        body.append(_text(left + w + 5, y + row / 2 + 4, "value", str(value), "start"))
    body.append(f'<line class="base" x1="{left}" y1="{top_}" x2="{left}" y2="{base_y}"/>')
    body.append(_text(left + plot_w / 2, height - 16, "axis", "Entries"))
    mid_y = _n(top_ + (base_y - top_) / 2)
    body.append(
        _text(
            18,
            top_ + (base_y - top_) / 2,
            "axis",
            "Venue",
            extra=f' transform="rotate(-90 18 {mid_y})"',
        )
    )
    return _svg(width, height, title, body)
