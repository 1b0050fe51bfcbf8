"""A block rule for the plainest and most common list of an awesome list: top-level
bullet items of one line each (and lazy continuation lines), one marker a level, nested
two spaces or one tab a level, blank lines only between items and after the list.

markdown-it-py's own list rule tokenizes every item as a small document (trying every
block rule on its content); on a paper list that is most of the parse. This rule runs
just before it, takes only a list whose tokens it knows for certain, and emits exactly
the tokens markdown-it-py's rule would (types, tags, markup, levels, line maps, hidden
paragraphs, inline content): ``tests/test_fastlist.py`` compares the two token streams
on every corpus list and on generated Markdown. Anything else (an item indented some
other way, more of an item than its line and lazy lines, an item whose content could
open another block, a list whose end is unsure) is left to markdown-it-py's rule, which
stays the parser of record.
"""

from __future__ import annotations

from typing import Literal

from markdown_it.rules_block import StateBlock, html_block
from markdown_it.token import Token

# What an item's content may not start with: a character that always or often opens a
# block of its own inside the item (heading, quote, HTML, indented code); the others
# are looked at more closely in ``_safe_content``.
_UNSAFE_FIRST = frozenset("#><\t ")
# Lists nested deeper are left to markdown-it-py (whose nesting limit cuts them off).
MAX_DEPTH = 4
# The type of ``compact_list``'s token.
SIMPLE_LIST = "simple_list"
Item = tuple[int, int, int]  # (line, depth, lazy continuation lines) of a list item


def _safe_content(src: str, begin: int, end: int) -> bool:
    """Whether the one-line content ``src[begin:end]`` of an item is a paragraph."""
    first = src[begin]
    if first == "[":  # the most common first character (a link, a venue tag): no copy
        return src.find("]:", begin, end) < 0  # perhaps a link reference definition
    if first in _UNSAFE_FIRST:
        return False
    if first in "*-+_" or first.isdigit() or first in "`~":
        body = src[begin:end]
        if first in "*-+" and (len(body) == 1 or body[1] in " \t"):
            return False  # a nested list
        if first in "*-_" and len(body.replace(" ", "").replace("\t", "").strip(first)) == 0:
            return False  # a thematic break (``***``, ``- - -``) or a setext line
        if first in "`~" and body.startswith(first * 3):
            return False  # a fence
        if first.isdigit():
            digits = len(body) - len(body.lstrip("0123456789"))
            marked = digits <= 9 and body[digits : digits + 1] in (".", ")")
            if marked and (digits + 1 == len(body) or body[digits + 1] in " \t"):
                return False  # a nested ordered list
    return True


def _item_depth(state: StateBlock, line: int, deepest: int, unit: int = 2, base: int = 0) -> int:
    """The depth of ``line`` as a simple item (``- content`` indented ``base`` spaces
    and ``unit`` characters a level, at most ``deepest``: one tab, else two spaces), or
    -1.

    A tab takes the indentation to the next multiple of four columns, so an item one
    tab deeper than its parent starts two columns after the parent's content, as one
    indented two more spaces does: markdown-it-py makes the same tokens of both. So
    does an item two spaces deeper than a parent indented ``base`` spaces: it starts at
    the parent's content."""
    src = state.src
    begin = state.bMarks[line]
    shift = state.tShift[line]
    indent = shift - base
    if unit == 1:
        if base or indent > deepest or state.sCount[line] != 4 * indent:
            return -1  # (only tabs reach four columns a character)
    elif indent < 0 or indent % 2 or indent > 2 * deepest or state.sCount[line] != shift:
        return -1  # (a tab in the indentation makes the two differ)
    first = begin + shift
    end = state.eMarks[line]
    if end - first < 3 or src[first] not in "-*+" or src[first + 1] != " ":
        return -1
    if not _safe_content(src, first + 2, end):
        return -1
    return indent if unit == 1 else indent // 2


def _lazy_line(state: StateBlock, line: int) -> bool:
    """Whether ``line`` (unindented, right after an item) is a lazy continuation of the
    item's paragraph: plain text that no block can start with, so nothing interrupts the
    paragraph (``**Conference**``, ``for Adversarial Domain Adaptation [[ICCV2021]](u)``)."""
    if state.tShift[line] != 0 or state.sCount[line] != 0:
        return False
    src = state.src
    begin = state.bMarks[line]
    end = state.eMarks[line]
    if begin >= end:
        return False
    first = src[begin]
    if first.isalpha():
        return True
    if first == "*":  # bold, not a list item or a thematic break
        return end - begin >= 3 and src[begin + 1] == "*" and src[begin + 2] not in "* \t"
    return first in "[!(" and "]:" not in src[begin:end]


def _ends_list(state: StateBlock, line: int, marker: str) -> bool:
    """Whether the list surely ends before ``line`` (the first line after its items)."""
    if line >= state.lineMax:
        return True
    src = state.src
    begin = state.bMarks[line] + state.tShift[line]
    if begin >= state.eMarks[line]:  # a blank line: what follows the blank lines
        nxt = state.skipEmptyLines(line)
        if nxt >= state.lineMax:
            return True
        first = state.bMarks[nxt] + state.tShift[nxt]
        # indented two or more: the last item's content; the marker again, followed by a
        # space, a tab or the line's end: perhaps a loose list's next item. The marker
        # followed by anything else opens no item (a `--------` rule between sections)
        if state.sCount[nxt] >= 2:
            return False
        if src[first] != marker:
            return True
        after = first + 1
        return after < state.eMarks[nxt] and src[after] not in " \t"
    if state.sCount[line] >= 2:
        return False  # perhaps the last item's content
    if src[begin] == "<":
        # HTML that can interrupt a paragraph (`</details>` closing a year's papers, a
        # comment) ends the last item's paragraph, and so the list: markdown-it-py's own
        # rule tells, asked as its paragraph rule asks it (on a line indented less than
        # any item's content, its answer does not depend on the item)
        return bool(html_block(state, line, state.lineMax, True))
    if state.sCount[line] != 0:
        return False
    # an ATX heading interrupts the last item's paragraph and ends the list
    hashes = 0
    while begin + hashes < state.eMarks[line] and src[begin + hashes] == "#":
        hashes += 1
    return 1 <= hashes <= 6 and (
        begin + hashes == state.eMarks[line] or src[begin + hashes] in " \t"
    )


def _items(state: StateBlock, start: int, end: int) -> tuple[list[Item], int, int, int] | None:
    """The items of the simple list that starts at line ``start``, the line after it
    (its trailing blank lines included), the characters of indentation a level (2:
    spaces; 1: tabs, as its first nested item has them, and then every nested item) and
    the spaces before its first item's marker (`` * [Name](url)``: each item is indented
    that much more), or None when no such list starts there."""
    # at the top level only (not in a quote or an item); ``parentType`` is no guide:
    # markdown-it-py leaves it "paragraph" after some paragraphs
    if state.level != 0 or state.blkIndent != 0 or state.listIndent != -1:
        return None
    base = state.tShift[start]
    if base > 3 or _item_depth(state, start, 0, 2, base) != 0:
        return None
    src = state.src
    bmarks, tshift, emarks = state.bMarks, state.tShift, state.eMarks
    items: list[Item] = []
    markers: list[str] = []  # the marker of the open list at each depth
    unit = 0  # (not known before the first nested item)
    line = start
    while line < end:
        if bmarks[line] + tshift[line] >= emarks[line]:  # (state.isEmpty, inline)
            # blank lines between items (a loose list) when an item follows them
            nxt = state.skipEmptyLines(line)
            if nxt < end and unit == 0 and tshift[nxt] > base:
                unit = 1 if src[bmarks[nxt]] == "\t" else 2
            deepest = min(len(markers), MAX_DEPTH)
            if nxt >= end or _item_depth(state, nxt, deepest, unit, base) < 0:
                break
            line = nxt
        elif unit == 0 and tshift[line] > base:
            unit = 1 if src[bmarks[line]] == "\t" else 2
        depth = _item_depth(state, line, min(len(markers), MAX_DEPTH), unit, base)
        if depth < 0:
            if items and not state.isEmpty(line - 1) and _lazy_line(state, line):
                last, last_depth, lazy = items[-1]
                items[-1] = (last, last_depth, lazy + 1)
                line += 1
                continue
            break
        marker = src[bmarks[line] + base + unit * depth]
        del markers[depth + 1 :]
        if depth == len(markers):
            markers.append(marker)
        elif markers[depth] != marker:
            break  # another marker starts another list: left to markdown-it-py
        items.append((line, depth, 0))
        line += 1
    if not items or not _ends_list(state, line, markers[0]):
        return None
    # markdown-it-py's item (and list) ends at the next line with content: blank lines
    # after the last item are the item's
    after = state.skipEmptyLines(line) if line < state.lineMax else line
    return items, after, unit or 2, base


def simple_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """The rule that emits markdown-it-py's own tokens for a simple list (what the
    differential test compares with markdown-it-py's list rule)."""
    found = None if silent else _items(state, start, end)
    if found is None:
        return False
    items, after, unit, base = found
    _emit(state, items, unit, base, 0, 0, after)
    state.line = after
    return True


def compact_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """The rule the linter parses with: a simple list as one ``simple_list`` token
    (line map: the whole list) whose ``meta["items"]`` are its items, each
    ``(line, depth, lazy continuation lines)``, in order, ``meta["unit"]`` the
    characters of indentation a level (2: spaces, 1: tabs) and ``meta["base"]`` the
    spaces before every marker besides those. It says what the tokens of
    ``simple_list`` say (lines, nesting, paragraphs) without making five tokens an item;
    ``parser.build`` reads it, and a test checks that the documents built from it
    and from markdown-it-py's list rule are the same."""
    found = None if silent else _items(state, start, end)
    if found is None:
        return False
    items, after, unit, base = found
    tok = _token(SIMPLE_LIST, "ul", 0, [start, after], state.level, "")
    tok.meta["items"] = items
    tok.meta["unit"] = unit
    tok.meta["base"] = base
    state.tokens.append(tok)
    state.line = after
    return True


def _token(
    ttype: str,
    tag: str,
    nesting: Literal[-1, 0, 1],
    line_map: list[int] | None,
    level: int,
    markup: str,
    content: str = "",
    hidden: bool = False,
) -> Token:
    """A block token with the fields ``state.push`` and the assignments after it set.

    Made without ``Token(...)``: its generated ``__init__`` and ``__post_init__`` (which
    only copies ``attrs``, empty here) cost four times as much, and a long list makes
    five tokens an item. Every field is set (``tests/test_fastlist.py`` reads them all)."""
    tok = _NEW(Token)
    tok.type = ttype
    tok.tag = tag
    tok.nesting = nesting
    tok.attrs = {}
    tok.map = line_map
    tok.level = level
    tok.children = [] if ttype == "inline" else None
    tok.content = content
    tok.markup = markup
    tok.info = ""
    tok.meta = {}
    tok.block = True
    tok.hidden = hidden
    return tok


_NEW = Token.__new__


def _emit(
    state: StateBlock, items: list[Item], unit: int, base: int, index: int, depth: int, end: int
) -> int:
    """Tokens of the list at ``depth`` whose first item is ``items[index]``, ending at
    line ``end``, ``base`` spaces and ``unit`` characters of indentation a level;
    returns the index of the
    first item after it.

    The tokens are made here rather than by ``state.push`` (a third of this rule's time
    on a long list): the fields are the ones ``push`` and the assignments after it set,
    the levels counted from ``state.level`` as ``push`` counts them."""
    src = state.src
    bmarks, emarks = state.bMarks, state.eMarks
    out = state.tokens.append
    first = items[index][0]
    marker = src[bmarks[first] + base + unit * depth]
    level = state.level  # of the list tokens; the item's are one deeper, its paragraph's two
    out(_token("bullet_list_open", "ul", 1, [first, end], level, marker))
    count = len(items)
    tight = _tight(state, items, index, depth)
    while index < count and items[index][1] == depth:
        line = items[index][0]
        # the item runs to the next item at its depth or above (or the list's end)
        nxt = index + 1
        while nxt < count and items[nxt][1] > depth:
            nxt += 1
        item_end = items[nxt][0] if nxt < count else end
        out(_token("list_item_open", "li", 1, [line, item_end], level + 1, marker))
        lazy = items[index][2]
        lines = [line, line + 1 + lazy]
        out(_token("paragraph_open", "p", 1, lines, level + 2, "", hidden=tight))
        # the lines as markdown-it-py's getLines joins them (lazy lines are unindented)
        content = src[bmarks[line] + base + unit * depth + 2 : emarks[line + lazy]].strip()
        out(_token("inline", "", 0, list(lines), level + 3, "", content))
        out(_token("paragraph_close", "p", -1, None, level + 2, "", hidden=tight))
        if index + 1 < nxt:
            state.level = level + 2
            _emit(state, items, unit, base, index + 1, depth + 1, item_end)
            state.level = level
        out(_token("list_item_close", "li", -1, None, level + 1, marker))
        index = nxt
    out(_token("bullet_list_close", "ul", -1, None, level, marker))
    return index


def _tight(state: StateBlock, items: list[Item], index: int, depth: int) -> bool:
    """Whether the list at ``depth`` from ``items[index]`` is tight, as markdown-it-py
    decides it: no blank line right before any of its items but the first, and none
    between an item's paragraph and the list nested in it."""
    count = len(items)
    first = True
    while index < count and items[index][1] >= depth:
        line, item_depth, lazy = items[index]
        if item_depth == depth:
            if not first and state.isEmpty(line - 1):
                return False
            first = False
            child = items[index + 1] if index + 1 < count else None
            if child is not None and child[1] > depth and child[0] != line + 1 + lazy:
                return False
        index += 1
    return True
