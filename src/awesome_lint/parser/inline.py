"""A small, linear-time scanner for the inline parts rules care about.

It works on the source text itself (never on rendered values), so every span
is exact: code spans, links ``[text](dest "title")``, images, reference links
and autolinks. It does not try to be a full CommonMark inline parser; where it
is unsure it finds nothing, and the entry scanner marks such items unparsed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Link
from awesome_lint.parser.markdown import link_destination, link_title, normalize_label

_AUTOLINK = lazy_compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_BACKTICKS = lazy_compile(r"`+")
_WS = " \t\n"
# A character of the common destination: no blank, no parenthesis, no escape, no angle
# bracket, no control character: what ``[^\s()<>\\\x00-\x1f\x7f]`` matches, written as
# ranges (around the Unicode blanks ``\s`` stands for: U+0085, U+00A0, U+1680,
# U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), which the matcher looks up in
# a table, one step a character, where the negated set tried its parts one by one
# (``tests/test_flat_links.py`` compares the two on every code point).
_DEST_CHAR = (
    "[!-'*-;=?-\\[\\]-~\\x80-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027"
    "\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\U0010ffff]"
)
# The common destination: no spaces, no parentheses, no escapes, no angle brackets.
_SIMPLE_DEST = lazy_compile(_DEST_CHAR + "+")
# "(" + such a destination + ")" right after a link's "]"
_SIMPLE_LINK_TAIL = lazy_compile(r"\((" + _DEST_CHAR + r"+)\)")


def code_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of code spans (backtick strings included) in ``text[start:end]``."""
    end = len(text) if end is None else end
    if text.find("`", start, end) < 0:
        return []
    if text.find("\\", max(start - 1, 0), end) < 0 and text.find("``", start, end) < 0:
        # The common case, single backticks and no escapes: they pair up in order.
        ticks = [m.start() for m in _BACKTICKS.finditer(text, start, end)]
        return [(ticks[i], ticks[i + 1] + 1) for i in range(0, len(ticks) - 1, 2)]
    runs: list[tuple[int, int]] = []  # (position, length) of each backtick string
    for m in _BACKTICKS.finditer(text, start, end):
        pos = m.start()
        if pos and text[pos - 1] == "\\" and not _escaped_is_literal(text, pos):
            continue
        runs.append((pos, m.end() - pos))
    # A span closes at the next run of the same length. Usually that is the very next
    # run; otherwise look it up among the runs of that length (built when first needed).
    by_length: dict[int, list[int]] | None = None
    spans: list[tuple[int, int]] = []
    index = 0
    count = len(runs)
    while index < count:
        pos, length = runs[index]
        closer = index + 1
        if closer < count and runs[closer][1] != length:
            if by_length is None:
                by_length = {}
                for i, (_, n) in enumerate(runs):
                    by_length.setdefault(n, []).append(i)
            same = by_length[length]
            at = bisect_right(same, index)
            closer = same[at] if at < len(same) else count
        if closer < count:
            close_pos, close_len = runs[closer]
            spans.append((pos, close_pos + close_len))
            index = closer + 1
        else:
            index += 1
    return spans


def _escaped_is_literal(text: str, pos: int) -> bool:
    """True if the backslash before ``pos`` is itself escaped (so it escapes nothing)."""
    count = 0
    i = pos - 1
    while i >= 0 and text[i] == "\\":
        count += 1
        i -= 1
    return count % 2 == 0


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans`` (binary search)."""
    index = bisect_right(spans, (pos, len(spans) and spans[-1][1] + 1)) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


_BRACKET_EVENTS = lazy_compile(r"\\.|[\[\]]|\n[ \t]*(?=\r?\n|\r)", re.S)
_BRACKETS = lazy_compile(r"[\[\]]")
_FLAT_PAIR = lazy_compile(r"\[[^\[\]]*\]")  # brackets with no bracket inside


def _bracket_pairs(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Map each matched ``[`` to its ``]``, skipping escapes and code spans, in the
    order of the ``[``."""
    if not spans and text.find("\\", start, end) < 0 and text.find("\n", start, end) < 0:
        return _plain_pairs(text, start, end)
    pairs: dict[int, int] = {}
    stack: list[int] = []
    span_index = 0
    span_count = len(spans)
    for m in _BRACKET_EVENTS.finditer(text, start, end):
        pos = m.start()
        while span_index < span_count and spans[span_index][1] <= pos:
            span_index += 1
        if span_index < span_count and spans[span_index][0] <= pos:
            continue  # inside a code span
        c = text[pos]
        if c == "[":
            stack.append(pos)
        elif c == "]":
            if stack:
                pairs[stack.pop()] = pos
        elif c == "\n":
            stack.clear()  # a blank line ends every open bracket
    return dict(sorted(pairs.items()))


def _plain_pairs(text: str, start: int, end: int) -> dict[int, int]:
    """``_bracket_pairs`` for the common entry line: no code span, escape or line break
    to look out for."""
    opens = text.count("[", start, end)
    if opens == text.count("]", start, end):
        # No nesting either when every bracket is in a flat pair: they are the pairs.
        flat = {m.start(): m.end() - 1 for m in _FLAT_PAIR.finditer(text, start, end)}
        if len(flat) == opens:
            return flat
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACKETS.finditer(text, start, end):
        pos = m.start()
        if text[pos] == "[":
            stack.append(pos)
        elif stack:
            pairs[stack.pop()] = pos
    return dict(sorted(pairs.items()))


# What makes a segment more than plain text and brackets: a code span, an escape, a line
# break (a blank line ends brackets) or an autolink: one of "`", "\\", "\n" and "<". Each
# is looked for with str.find (``plain``): a pattern of the four, ``[`\\\n<]``, tests
# every character against its set, about thirty times the steps of the four finds on a
# text of four bytes a character (a paper list with an emoji).


def plain_lines(text: str, start: int, end: int) -> bool:
    """Whether every line of ``text[start:end]`` is a plain segment (see ``plain``; a
    line break between lines aside). Then, with no reference defined, ``scan_links``
    of one of those lines is ``flat_links``' when that is not None: ``scan_links`` finds
    nothing in a plain segment without ``[``, where ``flat_links`` finds nothing too (or
    gives None, for a stray ``]``)."""
    find = text.find
    return find("`", start, end) < 0 and find("\\", start, end) < 0 and find("<", start, end) < 0


def plain(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a plain segment: no code span, escape, line break
    or autolink could start in it."""
    find = text.find
    return (
        find("\n", start, end) < 0
        and find("`", start, end) < 0
        and find("\\", start, end) < 0
        and find("<", start, end) < 0
    )


def _code_after_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a plain segment but for code spans with no ``]``
    from the first of them on (an awesome list's ``- [Name](url) - Text. `MIT` `Go```).
    A bracket in such a code span closes no pair (a ``[`` there has no ``]`` after it),
    so the spans change no pair, and the links are the plain segment's: ``scan_links``
    reads a link's destination the same way in both."""
    find = text.find
    tick = find("`", start, end)
    return (
        tick >= 0
        and find("]", tick, end) < 0
        and find("\n", start, end) < 0
        and find("\\", start, end) < 0
        and find("<", start, end) < 0
    )


def scan_links(
    text: str,
    start: int = 0,
    end: int | None = None,
    references: Mapping[str, str] | None = None,
) -> list[Link]:
    """Every link, image, reference link and autolink in ``text[start:end]``."""
    end = len(text) if end is None else end
    angle = False
    spans: list[tuple[int, int]] = []
    if plain(text, start, end) or _code_after_brackets(text, start, end):  # the common line
        if text.find("[", start, end) < 0:
            return []
        if not references:
            flat = flat_links(text, start, end)
            if flat is not None:
                return flat
        pairs = _plain_pairs(text, start, end)
    else:
        angle = text.find("<", start, end) >= 0
        if not angle and text.find("[", start, end) < 0:
            return []
        spans = code_spans(text, start, end)
        pairs = _bracket_pairs(text, start, end, spans)
    links: list[Link] = []
    consumed = -1  # the second label of a full reference link is not a link itself
    for open_pos, close in pairs.items():
        if open_pos == consumed:
            continue
        image = open_pos > start and text[open_pos - 1] == "!"
        begin = open_pos - 1 if image else open_pos
        nxt = close + 1
        if nxt < end and text[nxt] == "(":
            simple = _SIMPLE_LINK_TAIL.match(text, nxt, end)
            if simple is not None:  # the common "(url)": what _inline_link finds for it
                links.append(
                    Link(
                        begin,
                        simple.end(),
                        (open_pos + 1, close),
                        simple.span(1),
                        simple.group(1),
                        image=image,
                    )
                )
                continue
            link = _inline_link(text, begin, open_pos, close, end, image)
            if link is not None:
                links.append(link)
                continue
        if references:
            link = _reference_link(text, begin, open_pos, close, end, image, references, pairs)
            if link is not None:
                links.append(link)
                if link.end > close + 1:
                    consumed = close + 1
    if angle:
        # "[paper](<http://…>)": a destination in angle brackets is no autolink
        dests = sorted((link.url[0] - 1, link.end) for link in links)
        for m in _AUTOLINK.finditer(text, start, end):
            if not in_spans(m.start(), spans) and not in_spans(m.start(), dests):
                links.append(
                    Link(m.start(), m.end(), m.span(1), m.span(1), m.group(1), image=False)
                )
        links.sort(key=lambda link: link.start)
    return links


# a bracket pair, and the common "(url)" right after it. The text between the brackets
# is read up to the first "]" (one character to look for is one step a character, two
# are a set): a match holding another "[" leaves fewer matches than "[", and
# ``flat_links`` then gives None, as for any bracket in no flat pair.
_FLAT_LINK = lazy_compile(r"\[[^\]]*\](?:\((" + _DEST_CHAR + r"+)\))?")


def flat_links(text: str, start: int, end: int) -> list[Link] | None:
    """``scan_links`` of a plain segment (see ``plain``) when no reference is
    defined, in one pass, or None when some bracket is not in a flat pair (nested
    brackets, a bracket inside a destination): then the pairs are looked at one by one.

    When every bracket pair is flat, the pairs are the matches of ``_FLAT_LINK`` in
    order, each link-to-be's destination is found as the general path finds it (the
    simple one in the match, any other by ``_inline_link``), and a pair not followed
    by ``(`` is no link (no reference is defined). So with no ``](`` in the segment
    there is no link at all, however the brackets pair up (a paper list's
    ``[OSDI'22] Title`` with no link: no need to pair them)."""
    if text.find("](", start, end) < 0:
        return []
    opens = text.count("[", start, end)
    if opens != text.count("]", start, end):
        return None
    links: list[Link] = []
    pairs = 0
    for m in _FLAT_LINK.finditer(text, start, end):
        pairs += 1
        open_pos, match_end = m.span()
        image = open_pos > start and text[open_pos - 1] == "!"
        begin = open_pos - 1 if image else open_pos
        url = m.group(1)
        if url is not None:
            url_span = m.span(1)
            close = url_span[0] - 2
            links.append(Link(begin, match_end, (open_pos + 1, close), url_span, url, image))
            continue
        close = match_end - 1
        if close + 1 < end and text[close + 1] == "(":
            link = _inline_link(text, begin, open_pos, close, end, image)
            if link is not None:
                links.append(link)
    return links if pairs == opens else None


def _inline_link(
    text: str, begin: int, open_pos: int, close: int, end: int, image: bool
) -> Link | None:
    pos = close + 2
    while pos < end and text[pos] in _WS:
        pos += 1
    if pos < end and text[pos] == ")":
        return Link(begin, pos + 1, (open_pos + 1, close), (pos, pos), "", image=image)
    simple = _SIMPLE_DEST.match(text, pos, end)
    if simple is not None:
        url_end = simple.end()
        if url_end < end and text[url_end] == ")":
            return Link(
                begin,
                url_end + 1,
                (open_pos + 1, close),
                (pos, url_end),
                text[pos:url_end],
                image=image,
            )
    dest = link_destination(text, pos, end)
    if dest is None:
        return None
    dest_end, _ = dest
    url_start, url_end = pos, dest_end
    if text[url_start] == "<":
        url_start, url_end = url_start + 1, url_end - 1
    pos = dest_end
    while pos < end and text[pos] in _WS:
        pos += 1
    if pos < end and text[pos] != ")" and pos > dest_end:
        title_end = link_title(text, pos, end)
        if title_end is None:
            return None
        pos = title_end
        while pos < end and text[pos] in _WS:
            pos += 1
    if pos >= end or text[pos] != ")":
        return None
    return Link(
        begin,
        pos + 1,
        (open_pos + 1, close),
        (url_start, url_end),
        text[url_start:url_end],
        image=image,
    )


def _reference_link(
    text: str,
    begin: int,
    open_pos: int,
    close: int,
    end: int,
    image: bool,
    references: Mapping[str, str],
    pairs: dict[int, int],
) -> Link | None:
    nxt = close + 1
    if nxt < end and text[nxt] == "[" and nxt in pairs:
        label_end = pairs[nxt]
        label = text[nxt + 1 : label_end] or text[open_pos + 1 : close]
        link_end = label_end + 1
        label_span = (nxt + 1, label_end) if label_end > nxt + 1 else (open_pos + 1, close)
    else:
        if nxt < end and text[nxt] == ":":
            return None  # a definition, not a use
        label = text[open_pos + 1 : close]
        link_end = close + 1
        label_span = (open_pos + 1, close)
    if not label.strip() or len(label) > 999:
        return None
    href = references.get(normalize_label(label))
    if href is None:
        return None
    return Link(
        begin, link_end, (open_pos + 1, close), label_span, href, image=image, reference=True
    )


def local_pdf(url: str) -> bool:
    """Whether a link target is a PDF file kept in the repository (`./survey/paper.pdf`,
    `GNN-based/StarGNN.pdf`): a paper, like a web link to one."""
    return url[-4:].lower() == ".pdf" and ":" not in url and not url.startswith("#")
