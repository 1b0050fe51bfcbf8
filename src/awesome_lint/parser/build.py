"""Build a :class:`Document` from block tokens and the exact source text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.anchors import Slugger
from awesome_lint.parser.document import Block, Document, Entry, Heading, Link, Section
from awesome_lint.parser.fastlist import SIMPLE_LIST, Item
from awesome_lint.parser.inline import code_spans, flat_links, local_pdf, plain_lines, scan_links
from awesome_lint.parser.markdown import Token, parse_blocks
from awesome_lint.source import SourceText

# a list marker, and the blanks after it up to the content
_MARKER = lazy_compile(r"[ \t]*([-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*")
_TRAILING_COMMENT = lazy_compile(r"[ \t]*<!--(?:(?!-->).)*-->[ \t]*$")
_ATX_OPENING = lazy_compile(r"[ \t]*#{1,6}[ \t]*")
# (a colon that opens an emoji shortcode, `[Name](url) :movie_camera: - ...`, is none)
_TITLE_SEP = lazy_compile(
    r"[ \t]*(?::(?![a-z0-9_+-]+:)|(?<=[ \t])[-–—](?=[ \t])|[-–—](?=[ \t]))[ \t]*"
)
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


def parse_document(source: SourceText, *, compact: bool = True) -> Document:
    """Parse ``source`` into sections, entries, headings, blocks and links.

    ``compact=False`` builds from markdown-it-py's own list tokens only (the
    differential tests compare the two documents)."""
    text = source.text
    parsed = parse_blocks(text, compact=compact)
    tokens = parsed.tokens
    refs = parsed.references

    headings: list[Heading] = []
    blocks: list[Block] = []
    code_lines: set[int] = set()
    html_lines: set[int] = set()
    links: list[Link] = []
    top_entries: list[Entry] = []  # top-level entries, in order
    stack: list[Entry | None] = []  # open list items (None: item we could not place)
    owners: list[Entry | None] = []  # for each open item, the innermost placed one
    list_ids: list[int] = []
    paragraphs: list[tuple[int, Entry]] = []  # (token index, entry) of entry-like paragraphs

    new_ids = itertools.count(len(tokens))  # ids of nested simple lists (no token index)

    for i, tok in enumerate(tokens):
        ttype = tok.type
        # The four frequent types first (none of them opens a top-level block).
        if ttype == "inline":
            if not tok.map or tokens[i - 1].type != "paragraph_open":
                continue
            first, last = tok.map
            if not stack and tok.level == 1:  # a paragraph outside lists and quotes
                start, end = _line_span(source, first, last)
                found = scan_links(text, start, end, refs)
                links.extend(found)
                candidate = _paragraph_entry(source, first, last, found)
                if candidate is not None:
                    paragraphs.append((i, candidate))
                continue
            entry = stack[-1] if stack else None
            if entry is None or entry.line != first:
                start, end = _line_span(source, first, last)
                links.extend(scan_links(text, start, end, refs))
                continue
            _item_paragraph(source, refs, entry, last, links)
            continue
        if ttype == "list_item_open":
            if tok.map:
                # the paragraph that starts on the item's first line, if one does
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                para_end = -1
                if (
                    nxt is not None
                    and nxt.type == "paragraph_open"
                    and nxt.map is not None
                    and nxt.map[0] == tok.map[0]
                ):
                    para_end = nxt.map[1] - 1
                # "* - [Title](url)": an item that opens on its parent's line; the parent
                # only wraps it, and the item takes its place
                wrapper = stack[-1] if stack else None
                if wrapper is not None and wrapper.line != tok.map[0]:
                    wrapper = None
                entry = _make_entry(
                    source,
                    tok.map[0],
                    tok.map[1],
                    para_end,
                    tok.info != "",
                    len(stack) if wrapper is None else wrapper.depth,
                    (list_ids[-1] if list_ids else 0) if wrapper is None else wrapper.list_id,
                    -1 if wrapper is None else wrapper.content[0],
                )
                if wrapper is not None:
                    if entry is not None:
                        _replace(wrapper, entry, top_entries)
                    stack.append(entry)
                    owners.append(entry if entry is not None else owners[-1])
                    continue
                parent = owners[-1] if owners else None
                if entry is not None:
                    if stack and parent is not None:
                        entry.parent = parent
                        parent.children.append(entry)
                    elif not stack:
                        top_entries.append(entry)
                stack.append(entry)
                owners.append(entry if entry is not None else parent)
            continue
        if ttype == "list_item_close":
            stack.pop()
            owners.pop()
            continue
        if ttype in _SKIP:
            continue
        if ttype == SIMPLE_LIST and tok.map:  # a top-level list (see fastlist.compact_list)
            blocks.append(Block("list", tok.map[0], _last_content_line(source, tok)))
            items, indent = tok.meta["items"], (tok.meta["unit"], tok.meta["base"])
            top_entries.extend(_simple_list(source, refs, items, indent, i, new_ids, links))
            continue
        if tok.level == 0 and tok.map is not None and ttype in _BLOCK_KINDS:
            blocks.append(Block(_BLOCK_KINDS[ttype], tok.map[0], _last_content_line(source, tok)))
        if ttype == "paragraph_open":
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
            start, end = _line_span(source, tok.map[0], tok.map[1])
            found = scan_links(text, start, end, refs)
            links.extend(found)
            top_entries.extend(_row_entries(source, tok.map[0], tok.map[1], found, -1 - i))

    top_entries.extend(_paragraph_runs(tokens, paragraphs))
    top_entries.sort(key=lambda e: e.line)
    sections = _sections(source, headings, top_entries, refs)
    return Document(
        source=source,
        sections=sections,
        blocks=blocks,
        headings=headings,
        links=links,
        code_lines=frozenset(code_lines),
        html_lines=frozenset(html_lines),
        references=refs,
        nesting_cut=parsed.cut_line,
    )


# A paragraph entry opens with its paper link, or with a bold title and has one later.
_PARAGRAPH_START = lazy_compile(r"[ \t]{0,3}(?:\[|\*\*|__)")
# ... or with a venue and its year right before the link: "SIGCOMM 2019, [Title](url)",
# "IEEE CLOUD 2019, [...]", "Eurosys 2022, [...]": up to four words, the first one
# capitalised and no English word that opens a sentence ("In 2019, [...]"), the year,
# a separator (",", ":", "|" or "-"; the link must follow at once). Without one, the
# words and year are a title ("Crowd Challenge 2019 [[CVPR2019]](url)").
VENUE_HEAD = lazy_compile(
    r"[ \t]{0,3}(?!(?:In|On|At|By|As|Since|From|For|The|Until|After|Before|During|Updated|"
    r"Added|Last|Circa|Around|Published|Released|Posted)\b)"
    r"[A-Z][\w&.-]*(?:[ \t]+[A-Za-z][\w&.-]*){0,3}"
    r"[ \t]*'?(?:19|20)?\d\d[ \t]*[,:|-][ \t]*"
)
# ... or with its authors and a colon right before the link: "Alur, Bodík, Juniwal:
# [Syntax-guided synthesis](url). FMCAD'13", "Leslie Lamport: [Time, Clocks ...](url)":
# names of one to four capitalised words (or particles: `de Moura`), two names at least
# or one of two words; or two names or more and a period ("Bielik, Raychev, Vechev.
# [PHOG](url)"). (`Other Awesome lists: [...]` is a label: `lists` is no name.)
_WORD = r"(?:[^\W\d_a-zß-ÿ][\w.'’-]*|(?:de|van|der|von|da|di|du|del|la|le)(?!\w))"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
AUTHORS_HEAD = lazy_compile(
    rf"[ \t]{{0,3}}(?=[^\W\d_a-z]){_NAME}"
    rf"(?:[ \t]*(?:,|&|\band\b)[ \t]*(?:and[ \t]+)?{_NAME})*"
    r"(?:[ \t]+et[ \t]+al\.?)?(?:[ \t]*:|(?<=\.))[ \t]+"
)
# ... or with its venue and year in brackets right before the paper link, the shape of a
# list item's prefix: "[Arxiv'24] [Title](url)", "[CVPR 2023] [Title](url)" (a word that
# opens with a letter, and a year of two or four digits at the bracket's end).
BRACKET_VENUE_PREFIX = r"\[[A-Za-z][^\[\]\n]{0,40}?[ \t'’]?(?:19|20)?\d\d\][ \t]*"
_BRACKET_VENUE = lazy_compile(BRACKET_VENUE_PREFIX + "$")
_NAV_TEXT = lazy_compile(r"[\s|·•/,-]*")
# A title line of a block entry: a bold run alone, maybe ending in a line break
# ("<br>", "<br/>", a backslash) or a period: "**Denoising Diffusion Models** <br>".
_BOLD_LINE = lazy_compile(
    r"[ \t]{0,3}(?:\*\*[^*\n]+\*\*|__[^_\n]+__)\.?[ \t]*(?:<br\s*/?>|\\)?[ \t]*"
)


# ... or with a title in plain text (maybe after a tag, "(BERT)" or "[NIPS 2019]") whose
# first web link is a bracketed label: "Attention Is All You Need **[[pdf]](url)**".
_LABELLED_HEAD = lazy_compile(
    r"[ \t]{0,3}(?:\([^()\n]{1,40}\)[ \t]*|\[[^\[\]\n]{1,40}\][ \t]*(?!\())*"
    r"[A-Za-z0-9][^\[\]\n]*?[ \t]+(?:\*\*|__)?\[[\[(]"
)


def _labelled_title(text: str, start: int, web: list[Link]) -> bool:
    """Whether the paragraph's first line is a title in plain text, three words or more
    (after any tags), then its first web link as a bracketed label: ``(T5) Exploring
    the Limits of Transfer Learning **[[pdf]](url)**``."""
    if not web:
        return False
    m = _LABELLED_HEAD.match(text, start, web[0].text[0] + 1)
    if m is None or m.end() != web[0].text[0] + 1:
        return False
    head = text[start : web[0].start]
    return len(head.split()) >= 3 and not head.rstrip(" \t*_").endswith(":")


# ... or with a citation number, then authors and a title in plain text, and a first web
# link whose label names the paper or a resource of it: "[12] Cheng et al, Depth
# Estimation via Affinity Learning, ECCV 2018, [PDF](url), [Code](url)".
_CITED_HEAD = lazy_compile(r"[ \t]{0,3}\[\d{1,3}\][ \t]+(?=[^\W\d_])")
_CITED_LABELS = frozenset(
    {"pdf", "paper", "arxiv", "link", "web", "website", "project", "code", "github", "page"}
)


def authors_first(text: str, start: int, end: int) -> re.Match[str] | None:
    """The authors and colon that open a paragraph's first line (``AUTHORS_HEAD``),
    when they are two names or more, or one name of two words (`Note:` is none)."""
    m = AUTHORS_HEAD.match(text, start, end)
    if m is None:
        return None
    head = text[m.start() : m.end()].rstrip(" \t")
    names = "," in head or "&" in head or " and " in head
    if head.endswith(":") and (names or len(head.split()) >= 2):
        return m
    # "Bielik, Raychev, Vechev. [PHOG](url)": names to a period, two or more of them
    return m if names and head.endswith(".") else None


def _cited_title(text: str, start: int, web: list[Link]) -> bool:
    """Whether the paragraph's first line opens with a citation number, then three words
    or more, then its first web link under a label such as ``[PDF]`` or ``[Code]``."""
    if not web or _CITED_HEAD.match(text, start, web[0].start) is None:
        return False
    label = text[web[0].text[0] : web[0].text[1]].strip(" \t*_").lower()
    return label in _CITED_LABELS and len(text[start : web[0].start].split()) >= 4


def _paragraph_entry(source: SourceText, first: int, last: int, found: list[Link]) -> Entry | None:
    """An entry made of a paragraph (``[Title](url), Venue 2019 [[code]](url)``), or None.

    The paragraph must open with a web link or a bold run, and have a web link on its
    first line; a row of links and separators only (a navigation bar) is no entry.
    """
    text = source.text
    line = source.lines[first]
    web = [link for link in found if link.start < line.end and _web(text, link)]
    labelled = _labelled_title(text, line.start, web) or _cited_title(text, line.start, web)
    m = None if labelled else _PARAGRAPH_START.match(text, line.start, line.end)
    venue_first = None
    if m is None and not labelled:
        venue_first = VENUE_HEAD.match(text, line.start, line.end)
        if venue_first is None:
            venue_first = authors_first(text, line.start, line.end)
        if venue_first is None:
            return None
    if labelled:
        content_start = _blank_forward(text, line.start, line.end)
    if venue_first is not None:
        if not web or web[0].start != venue_first.end():
            return None  # the venue must stand right before the paper link
        content_start = _blank_forward(text, line.start, line.end)
    block = False
    if not web:
        # a block: "**Title** <br>" alone on its line, the links on a later line
        if last - first < 2 or _BOLD_LINE.fullmatch(text, line.start, line.end) is None:
            return None
        web = [link for link in found if _web(text, link)]
        if not web:
            return None
        block = True
    if m is not None:
        content_start = m.end() - (2 if text.startswith(("**", "__"), m.end() - 2) else 1)
        if (
            text[content_start] == "["
            and web[0].start != content_start
            and _BRACKET_VENUE.match(text, content_start, web[0].start) is None
        ):
            return None  # a bracket that is not the paper link: "[N/A]", a footnote
    outside = text[content_start : line.end]
    for link in reversed(web):
        outside = outside[: link.start - content_start] + outside[link.end - content_start :]
    if len(web) >= 2 and _NAV_TEXT.fullmatch(outside):
        return None
    end = _blank_back(text, content_start, line.end)
    entry = Entry(
        line=first,
        indent=(line.start, content_start),
        marker=(content_start, content_start),
        content=(content_start, end),
        depth=0,
        ordered=False,
        parsed=last - first == 1,
        eol=(line.end, line.next_start),
        end_line=_last_nonblank(source, first, last - 1),
        para_end=last - 1,
        kind="paragraph",
    )
    if end < line.end:
        entry.trailing = (end, line.end)
    if block:
        entry.links = found
    else:
        entry.links = [link for link in found if link.start < line.end]
        entry.more_links = [link for link in found if link.start >= line.end]
    entry.toc = _anchors_only(entry.links)
    _decompose(text, entry)
    return entry


def _paragraph_runs(tokens: list[Token], paragraphs: list[tuple[int, Entry]]) -> list[Entry]:
    """Paragraph entries that stand with at least one more: consecutive entry-like
    paragraphs, with only blank lines between them, form one list."""
    out: list[Entry] = []
    run: list[Entry] = []
    prev_index = -10
    for index, entry in paragraphs:
        # paragraph_open, inline, paragraph_close: the next paragraph opens 3 tokens on
        if index - prev_index != 3 and run:
            out.extend(run if len(run) >= 2 else [])
            run = []
        if not run:
            list_id = -1 - index
        entry.list_id = list_id
        run.append(entry)
        prev_index = index
    out.extend(run if len(run) >= 2 else [])
    return out


def _row_entries(
    source: SourceText, first: int, last: int, found: list[Link], list_id: int
) -> list[Entry]:
    """The body rows of a table that hold a web link or a link to a PDF file of the
    repository, as entries (never edited: the scanner does not split a row into a title
    and a venue slot)."""
    text = source.text
    out: list[Entry] = []
    index = 0
    for number in range(first + 2, min(last, len(source.lines))):
        line = source.lines[number]
        while index < len(found) and found[index].start < line.start:
            index += 1
        row = []
        while index < len(found) and found[index].start < line.end:
            row.append(found[index])
            index += 1
        if not any(
            not link.image
            and (
                link.url_value.lower().startswith(("http://", "https://"))
                or local_pdf(link.url_value)
            )
            for link in row
        ):
            continue
        start = _blank_forward(text, line.start, line.end)
        end = _blank_back(text, start, line.end)
        out.append(
            Entry(
                line=number,
                indent=(line.start, start),
                marker=(start, start),
                content=(start, end),
                depth=0,
                ordered=False,
                parsed=False,
                links=row,
                eol=(line.end, line.next_start),
                end_line=number,
                list_id=list_id,
                kind="row",
            )
        )
    return out


def _blank_forward(text: str, start: int, end: int) -> int:
    """The first offset from ``start`` (up to ``end``) that is no space or tab."""
    while start < end and text[start] in " \t":
        start += 1
    return start


def _blank_back(text: str, start: int, end: int) -> int:
    """The offset after the last character before ``end`` (down to ``start``) that is no
    space or tab."""
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end


def _last_nonblank(source: SourceText, first: int, last: int) -> int:
    while last > first and not source.line_text(last).strip():
        last -= 1
    return last


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
    m = _ATX_OPENING.match(body)
    start = line.start + (m.end() if m else 0)
    return start, max(start, _heading_end(source.text, start, line.end))


def _heading_end(text: str, start: int, end: int) -> int:
    """Where an ATX heading's text ends: before trailing blanks and a closing ``#`` run
    that follows a blank. A backwards scan (the regex it replaces was quadratic on a
    long run of spaces)."""
    while end > start and text[end - 1] in " \t":
        end -= 1
    hashes = end
    while hashes > start and text[hashes - 1] == "#":
        hashes -= 1
    if hashes < end and hashes > start and text[hashes - 1] in " \t":
        end = hashes - 1
        while end > start and text[end - 1] in " \t":
            end -= 1
    return end


def _line_span(source: SourceText, first: int, last_exclusive: int) -> tuple[int, int]:
    """The offsets of lines ``first`` up to ``last_exclusive`` (without the last
    line's terminator)."""
    lines = source.lines
    last = min(last_exclusive, len(lines)) - 1
    return lines[first].start, lines[max(first, last)].end


def _simple_list(
    source: SourceText,
    refs: dict[str, str],
    items: list[Item],
    indent: tuple[int, int],
    list_id: int,
    new_ids: Iterator[int],
    links: list[Link],
) -> list[Entry]:
    """The entries of a simple list (``fastlist.compact_list``'s items): what the loop of
    ``parse_document`` makes of markdown-it-py's tokens for it. Its links are appended
    to ``links``; returns the top-level entries.

    What ``_make_entry`` and ``_item_paragraph`` find out, read off the items instead
    (``tests/test_fastlist.py`` compares the documents built both ways): an item's line
    is ``- content``, indented ``base`` spaces and ``unit`` characters a level (two
    spaces, or one tab; ``indent`` is the two), one blank after its marker, so its
    parts sit at fixed offsets; its paragraph is its line and its lazy continuation
    lines; and only blank lines can stand between an item (or the last item nested in
    it) and the next item or the list's end, so its last line with content is the last
    line of its last item."""
    text = source.text
    lines = source.lines
    unit, base = indent
    top: list[Entry] = []
    parents: list[Entry] = []  # the open item at each depth
    ids = [list_id]  # the id of the open list at each depth
    count = len(items)
    final, _, final_lazy = items[-1]
    # no code span, escape or autolink in the list, and no reference defined: the links
    # of an item's one-line paragraph are ``flat_links``' (see ``inline.plain_lines``)
    plain = not refs and plain_lines(text, lines[items[0][0]].start, lines[final + final_lazy].end)
    for index, (number, depth, lazy) in enumerate(items):
        if depth == len(ids):  # a list nested in the item before
            ids.append(next(new_ids))
        else:
            del ids[depth + 1 :]
        # the item runs up to the next item at its depth or above
        nxt = index + 1
        while nxt < count and items[nxt][1] > depth:
            nxt += 1
        last, _, last_lazy = items[nxt - 1]
        _, line_start, line_end, terminator = lines[number]
        marker = line_start + base + unit * depth
        content = marker + 2
        content_end = line_end
        if text[line_end - 1] in " \t":
            content_end = _blank_back(text, content, line_end)
        # (positional arguments, in ``Entry.__init__``'s order: a call with eleven
        # keywords costs twice as much, and this runs for every item of a simple list)
        entry = Entry(
            number,  # line
            (line_start, marker),  # indent
            (marker, marker + 1),  # marker
            (content, content_end),  # content
            depth,
            False,  # ordered
            lazy == 0,  # parsed: its paragraph is its first line alone
            None,  # link
            None,  # links
            None,  # more_links
            None,  # prefix
            None,  # title_separator
            None,  # subtitle
            None,  # venue_separator
            None,  # venue
            None,  # comment
            None,  # trailing
            (line_end, line_end + len(terminator)),  # eol
            last + last_lazy,  # end_line
            number + lazy,  # para_end
            None,  # children
            None,  # parent
            None,  # section
            ids[depth],  # list_id
        )
        if content_end < line_end:
            entry.trailing = (content_end, line_end)
        del parents[depth:]
        if parents:
            entry.parent = parents[-1]
            parents[-1].children.append(entry)
        else:
            top.append(entry)
        parents.append(entry)
        # the links of its paragraph: on its first line, and on the lazy lines
        found = flat_links(text, content, line_end) if plain and not lazy else None
        if found is None:
            found = scan_links(text, content, lines[number + lazy].end if lazy else line_end, refs)
        links.extend(found)
        if lazy and found:
            _share_links(text, entry, found, line_end)
        else:
            entry.links = found
        entry.toc = _anchors_only(entry.links)
        _decompose(text, entry)
    return top


def _item_paragraph(
    source: SourceText, refs: dict[str, str], entry: Entry, last: int, links: list[Link]
) -> None:
    """Read the links of the paragraph on an item's first line (up to line ``last``,
    exclusive) into the entry, and split the entry into its parts."""
    text = source.text
    first = entry.line
    start, end = _line_span(source, first, last)
    if entry.content[0] >= start:
        start = entry.content[0]
    found = scan_links(text, start, end, refs)
    links.extend(found)
    if last - first == 1 or not found:  # a one-line paragraph: all on the first line
        entry.links = found
    else:
        _share_links(text, entry, found, source.lines[first].end)
    entry.toc = _anchors_only(entry.links)
    _decompose(text, entry)


def _share_links(text: str, entry: Entry, found: list[Link], first_line_end: int) -> None:
    """Share the links of an item's first paragraph between its first line
    (``entry.links``) and the paragraph's other lines (``entry.more_links``).

    A paragraph whose first line holds no web link is a block (``**Title** <br>`` over
    an authors line and ``CVPR 2023. [[Paper](url)]``, or a title wrapped before its
    link): all its links are the entry's, so its paper link and venue are read."""
    first = [link for link in found if link.start < first_line_end]
    block = not any(_web(text, link) for link in first) and any(_web(text, link) for link in found)
    if len(first) == len(found) or block:
        entry.links = found
    else:
        entry.links = first
        entry.more_links = found[len(first) :]


def _web(text: str, link: Link) -> bool:
    """Whether a link is a web link that is no image (and holds none: a badge)."""
    return (
        not link.image
        and link.url_value.lower().startswith(("http://", "https://"))
        and not text.startswith("![", link.text[0])
    )


def _make_entry(
    source: SourceText,
    first: int,
    after: int,
    para_end: int,
    numbered: bool,
    depth: int,
    list_id: int,
    at: int = -1,
) -> Entry | None:
    """The entry of the list item on lines ``first`` to ``after`` (exclusive) whose
    first paragraph ends on line ``para_end`` (-1: none starts on its first line);
    ``numbered`` says the list is ordered (read when the line shows no marker). Its
    marker is at the line's start, or at ``at`` for an item that opens on its parent's
    line (``* - [Title](url)``)."""
    lines = source.lines
    if first >= len(lines):
        return None
    line = lines[first]
    text = source.text
    line_start, line_end = line.start, line.end
    if at >= 0:
        line_start = at
    eol = (line_end, line_end + len(line.terminator))
    last = after - 1
    while last > first and not source.line_text(last).strip():
        last -= 1  # (_last_content_line, inline: one call per item)
    m = _MARKER.match(text, line_start, line_end)
    if m is None:
        # e.g. an item inside a block quote: keep it, unparsed, at the line start
        return Entry(
            line=first,
            indent=(line_start, line_start),
            marker=(line_start, line_start),
            content=(line_start, line_end),
            depth=depth,
            ordered=numbered,
            parsed=False,
            eol=eol,
            end_line=last,
            list_id=list_id,
        )
    marker_start, marker_end = m.span(1)
    content_start = m.end()
    trailing_start = line_end
    if text[line_end - 1] in " \t":
        trailing_start = _blank_back(text, content_start, line_end)
    # the item is parsed when its first paragraph is the first line alone
    entry = Entry(
        line=first,
        indent=(line_start, marker_start),
        marker=(marker_start, marker_end),
        content=(content_start, trailing_start),
        depth=depth,
        ordered=text[marker_end - 1] in ".)",
        parsed=para_end == first,
        eol=eol,
        end_line=last,
        para_end=para_end,
        list_id=list_id,
    )
    if trailing_start < line_end:
        entry.trailing = (trailing_start, line_end)
    return entry


def _replace(wrapper: Entry, entry: Entry, top_entries: list[Entry]) -> None:
    """Put ``entry`` in the place of the item that only wraps it (``* - [Title](url)``)."""
    parent = wrapper.parent
    siblings = top_entries if parent is None else parent.children
    for k in range(len(siblings) - 1, -1, -1):
        if siblings[k] is wrapper:
            siblings[k] = entry
            break
    entry.parent = parent
    entry.indent = (wrapper.indent[0], entry.indent[1])


def _anchors_only(links: list[Link]) -> bool:
    """Whether there are links that are no images, and every one points into the
    document (an item whose only link is a badge, `**Title.** ICML 2019. ![](badge)`,
    is no ToC item)."""
    found = False
    for link in links:  # (a loop, not all(): this runs for every entry)
        if not link.image:
            if not link.url_value.startswith("#"):
                return False
            found = True
    return found


def _decompose(text: str, entry: Entry) -> None:
    """Split a single-line entry into link, separators, subtitle and venue slot."""
    start, end = entry.content
    comment_start = -1
    if end > start and text[end - 1] in "> \t":  # (a comment ends in "-->")
        comment_start = _trailing_comment(text, start, end)
    if comment_start > start:
        entry.comment = (comment_start + _leading_ws(text, comment_start, end), end)
        end = comment_start
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
    # the last pipe outside code spans, links and bare URLs, and not escaped, splits off
    # the venue slot (a pipe inside a link target or a URL is part of it)
    spans: list[tuple[int, int]] | None = None  # found only when there is a pipe
    pipe = -1
    pos = end
    while True:
        pos = text.rfind("|", tail_start, pos)
        if pos < 0:
            break
        if text[pos - 1] == "\\":
            continue
        if spans is None:
            spans = code_spans(text, tail_start, end)
        if any(a <= pos < b for a, b in spans):
            continue
        holder = next((link.start for link in entry.links if link.start < pos < link.end), -1)
        if holder < 0:
            holder = _bare_url_start(text, tail_start, pos)
        if holder >= 0:
            pos = holder  # every pipe of this link or URL belongs to it
            continue
        if text[pos - 1] not in " \t" and _in_formula(text, tail_start, pos, end):
            continue  # "Entropy of P(Y|X)", "$\Delta(e(X)||Y)$": a formula's bar
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


def _in_formula(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the pipe at ``pos`` stands inside parentheses opened after ``start``
    and closed before ``end`` (`P(Y|X)`) or inside a `$...$` formula: a formula's bar,
    not a venue separator. Only a pipe glued to the text before it is asked about (`x |
    y` in parentheses, blanks around it, stays a separator)."""
    before = text[start:pos]
    if before.count("$") % 2 == 1 and "$" in text[pos:end]:
        return True
    return before.count("(") > before.count(")") and ")" in text[pos:end]


def _trailing_comment(text: str, start: int, end: int) -> int:
    """The start (blanks before it included) of an HTML comment that ends ``text[start:end]``
    (only blanks after it), or -1. Linear: the regex it replaces,
    ``[ \t]*<!--(?:(?!-->).)*-->[ \t]*$``, was quadratic on runs of blanks or ``<!--``."""
    close = end
    while close > start and text[close - 1] in " \t":
        close -= 1
    close -= 3
    if close < start or not text.startswith("-->", close):
        return -1
    if "\n" in text[start:close] or "\r" in text[start:close]:
        return -1  # (the pattern's "." stops at a line break; entries are single lines)
    # no "-->" may start inside the comment body, so it opens after the last earlier one
    previous = text.rfind("-->", start, close + 2)
    opener = text.find("<!--", max(start, previous - 3) if previous >= 0 else start, close)
    if opener < 0 or opener + 4 > close:
        return -1
    while opener > start and text[opener - 1] in " \t":
        opener -= 1
    return opener


def _bare_url_start(text: str, start: int, pos: int) -> int:
    """The start of a bare URL that runs up to ``pos`` (GitHub autolinks it with a
    following ``|``), or -1. The caller then continues before that start, so each
    character is looked at a bounded number of times."""
    word = max(text.rfind(" ", start, pos), text.rfind("\t", start, pos)) + 1
    word = max(word, start)
    found = text.find("://", word, pos)
    if found > word or text.startswith("www.", word, pos):
        return word
    return -1


def _leading_ws(text: str, start: int, end: int) -> int:
    pos = start
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos - start


def _sections(
    source: SourceText, headings: list[Heading], entries: list[Entry], references: dict[str, str]
) -> list[Section]:
    last_line = len(source.lines) - 1
    sections: list[Section] = []
    starts = [h.line for h in headings]
    if not headings or headings[0].line > 0:
        first_end = (starts[0] - 1) if starts else last_line
        sections.append(Section(None, 0, first_end))
    slugger = Slugger(references=references)
    for index, heading in enumerate(headings):
        end = (starts[index + 1] - 1) if index + 1 < len(headings) else last_line
        section = Section(heading, heading.line, end, anchor=slugger(heading.title))
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
