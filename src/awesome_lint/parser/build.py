"""Build a :class:`Document` from block tokens and the exact source text."""

from __future__ import annotations

import re
import unicodedata

from awesome_lint.parser.document import Block, Document, Entry, Heading, Link, Section
from awesome_lint.parser.inline import code_spans, scan_links
from awesome_lint.parser.markdown import Token, parse_blocks
from awesome_lint.source import SourceText

_MARKER = re.compile(r"[ \t]*([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_TRAILING_COMMENT = re.compile(r"[ \t]*<!--(?:(?!-->).)*-->[ \t]*$")
_TITLE_SEP = re.compile(r"[ \t]*(?::|(?<=[ \t])[-–—](?=[ \t])|[-–—](?=[ \t]))[ \t]*")
# Tokens the loop in parse_document has nothing to do for.
_SKIP = frozenset(
    {"paragraph_close", "heading_close", "blockquote_close", "table_close"}
    | {
        f"{part}_{side}"
        for part in ("thead", "tbody", "tr", "th", "td")
        for side in ("open", "close")
    }
)
_BLOCK_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "table_open": "table",
    "hr": "hr",
    "blockquote_open": "blockquote",
}


def parse_document(source: SourceText) -> Document:
    """Parse ``source`` into sections, entries, headings, blocks and links."""
    text = source.text
    parsed = parse_blocks(text)
    tokens = parsed.tokens
    refs = parsed.references
    lines = source.lines

    headings: list[Heading] = []
    blocks: list[Block] = []
    code_lines: set[int] = set()
    html_lines: set[int] = set()
    links: list[Link] = []
    top_entries: list[Entry] = []  # top-level entries, in order
    stack: list[Entry | None] = []  # open list items (None: item we could not place)
    list_ids: list[int] = []

    def line_span(first: int, last_exclusive: int) -> tuple[int, int]:
        last = min(last_exclusive, len(lines)) - 1
        return lines[first].start, lines[max(first, last)].end

    for i, tok in enumerate(tokens):
        ttype = tok.type
        if ttype in _SKIP:
            continue
        if tok.level == 0 and tok.map is not None and ttype in _BLOCK_KINDS:
            blocks.append(Block(_BLOCK_KINDS[ttype], tok.map[0], _last_content_line(source, tok)))
        if ttype == "inline":  # the frequent types first
            if not tok.map or tokens[i - 1].type != "paragraph_open":
                continue
            first, last = tok.map
            start, end = line_span(first, last)
            entry = stack[-1] if stack else None
            if entry is not None and entry.line == first and entry.content[0] >= start:
                start = entry.content[0]
            found = scan_links(text, start, end, refs)
            links.extend(found)
            if entry is not None and entry.line == first:
                first_line_end = lines[first].end
                entry.links = [link for link in found if link.start < first_line_end]
                if len(entry.links) < len(found):
                    entry.more_links = [link for link in found if link.start >= first_line_end]
                entry.toc = bool(entry.links) and all(
                    link.url_value.startswith("#") for link in entry.links if not link.image
                )
                _decompose(text, entry)
        elif ttype == "list_item_open" and tok.map:
            entry = _make_entry(source, tokens, i, len(stack), list_ids[-1] if list_ids else 0)
            parent = next((e for e in reversed(stack) if e is not None), None) if stack else None
            if entry is not None:
                if stack and parent is not None:
                    entry.parent = parent
                    parent.children.append(entry)
                elif not stack:
                    top_entries.append(entry)
            stack.append(entry)
        elif ttype == "list_item_close":
            stack.pop()
        elif ttype == "paragraph_open":
            pass  # a block (above); its inline token follows
        elif ttype in ("fence", "code_block") and tok.map:
            code_lines.update(range(tok.map[0], tok.map[1]))
        elif ttype == "html_block" and tok.map:
            html_lines.update(range(tok.map[0], tok.map[1]))
        elif ttype in ("bullet_list_open", "ordered_list_open"):
            list_ids.append(i)
        elif ttype in ("bullet_list_close", "ordered_list_close"):
            list_ids.pop()
        elif ttype == "heading_open" and tok.map:
            inline = tokens[i + 1]
            first, last = tok.map[0], tok.map[1] - 1
            setext = tok.markup in ("=", "-")
            span = _heading_text_span(source, first, setext)
            headings.append(
                Heading(first, last, int(tok.tag[1]), inline.content.strip(), span, setext)
            )
            links.extend(scan_links(text, span[0], span[1], refs))
        elif ttype == "table_open" and tok.map:
            start, end = line_span(tok.map[0], tok.map[1])
            links.extend(scan_links(text, start, end, refs))

    sections = _sections(source, headings, top_entries)
    return Document(
        source=source,
        sections=sections,
        blocks=blocks,
        headings=headings,
        links=links,
        code_lines=frozenset(code_lines),
        html_lines=frozenset(html_lines),
        references=refs,
    )


def _last_content_line(source: SourceText, tok: Token) -> int:
    assert tok.map is not None
    last = tok.map[1] - 1
    while last > tok.map[0] and not source.line_text(last).strip():
        last -= 1
    return last


def _heading_text_span(source: SourceText, first: int, setext: bool) -> tuple[int, int]:
    line = source.lines[first]
    body = source.text[line.start : line.end]
    if setext:
        stripped = body.strip()
        offset = body.find(stripped) if stripped else 0
        return line.start + offset, line.start + offset + len(stripped)
    m = re.match(r"[ \t]*#{1,6}[ \t]*", body)
    start = line.start + (m.end() if m else 0)
    end_match = re.search(r"(?:[ \t]+#+)?[ \t]*$", body[start - line.start :])
    end = start + (end_match.start() if end_match else len(body) - (start - line.start))
    return start, max(start, end)


def _make_entry(
    source: SourceText, tokens: list[Token], index: int, depth: int, list_id: int
) -> Entry | None:
    tok = tokens[index]
    assert tok.map is not None
    first = tok.map[0]
    if first >= len(source.lines):
        return None
    line = source.lines[first]
    text = source.text
    body = text[line.start : line.end]
    m = _MARKER.match(body)
    last = _last_content_line(source, tok)
    if m is None:
        # e.g. an item inside a block quote: keep it, unparsed, at the line start
        entry = Entry(
            line=first,
            indent=(line.start, line.start),
            marker=(line.start, line.start),
            content=(line.start, line.end),
            depth=depth,
            ordered=tok.info != "",
            parsed=False,
            eol=(line.end, line.next_start),
            end_line=last,
            list_id=list_id,
        )
        return entry
    marker_start = line.start + m.start(1)
    marker_end = line.start + m.end(1)
    content_start = marker_end
    while content_start < line.end and text[content_start] in " \t":
        content_start += 1
    content_end = line.end
    trailing_start = content_end
    while trailing_start > content_start and text[trailing_start - 1] in " \t":
        trailing_start -= 1
    entry = Entry(
        line=first,
        indent=(line.start, marker_start),
        marker=(marker_start, marker_end),
        content=(content_start, trailing_start),
        depth=depth,
        ordered=m.group(1)[-1] in ".)",
        eol=(line.end, line.next_start),
        end_line=last,
        list_id=list_id,
    )
    if trailing_start < content_end:
        entry.trailing = (trailing_start, content_end)
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if nxt is None or nxt.type != "paragraph_open" or nxt.map is None or nxt.map[0] != first:
        entry.parsed = False
    elif nxt.map[1] - nxt.map[0] > 1:
        entry.parsed = False  # a multi-line paragraph
    return entry


def _decompose(text: str, entry: Entry) -> None:
    """Split a single-line entry into link, separators, subtitle and venue slot."""
    start, end = entry.content
    comment = _TRAILING_COMMENT.search(text, start, end)
    if comment is not None and comment.start() > start:
        entry.comment = (comment.start() + _leading_ws(text, comment.start(), end), end)
        end = comment.start()
        entry.content = (start, end)
    if not entry.links:
        return
    first = entry.links[0]
    if first.start == start and not first.image:
        if first.reference:
            entry.parsed = False
            entry.link = first
            return
        entry.link = first
    else:
        head = text[start : first.start]
        if head.rstrip(" \t").endswith(("*", "_", "~")) or head.startswith(("*", "_", "~")):
            entry.parsed = False
        if not first.image:
            entry.link = first
            entry.prefix = (start, first.start)
        return
    tail_start = first.end
    # the last pipe outside code spans and not escaped splits off the venue slot
    spans: list[tuple[int, int]] | None = None  # found only when there is a pipe
    pipe = -1
    pos = end
    while True:
        pos = text.rfind("|", tail_start, pos)
        if pos < 0:
            break
        if spans is None:
            spans = code_spans(text, tail_start, end)
        if text[pos - 1] != "\\" and not any(a <= pos < b for a, b in spans):
            pipe = pos
            break
    body_end = end
    if pipe >= 0:
        sep_start = pipe
        while sep_start > tail_start and text[sep_start - 1] in " \t":
            sep_start -= 1
        sep_end = pipe + 1
        while sep_end < end and text[sep_end] in " \t":
            sep_end += 1
        entry.venue_separator = (sep_start, sep_end)
        entry.venue = (sep_end, end)
        body_end = sep_start
    sep = _TITLE_SEP.match(text, tail_start, body_end)
    if sep is not None and sep.end() > sep.start():
        entry.title_separator = (sep.start(), sep.end())
        if sep.end() < body_end:
            entry.subtitle = (sep.end(), body_end)


def _leading_ws(text: str, start: int, end: int) -> int:
    pos = start
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos - start


def _sections(source: SourceText, headings: list[Heading], entries: list[Entry]) -> list[Section]:
    last_line = len(source.lines) - 1
    sections: list[Section] = []
    starts = [h.line for h in headings]
    if not headings or headings[0].line > 0:
        first_end = (starts[0] - 1) if starts else last_line
        sections.append(Section(None, 0, first_end))
    slugs: dict[str, int] = {}
    for index, heading in enumerate(headings):
        end = (starts[index + 1] - 1) if index + 1 < len(headings) else last_line
        section = Section(heading, heading.line, end, anchor=_anchor(heading.title, slugs))
        sections.append(section)
    cursor = 0
    for entry in entries:
        while cursor + 1 < len(sections) and sections[cursor + 1].start_line <= entry.line:
            cursor += 1
        section = sections[cursor]
        section.entries.append(entry)
        _assign(entry, section)
    return sections


def _assign(entry: Entry, section: Section) -> None:
    entry.section = section
    for child in entry.children:
        _assign(child, section)


def _anchor(title: str, seen: dict[str, int]) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    chars = []
    for ch in title.lower():
        if ch in " -_" or ch.isalnum() or unicodedata.category(ch).startswith("M"):
            chars.append("-" if ch == " " else ch)
    slug = "".join(chars)
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"
