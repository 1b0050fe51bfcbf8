"""Suppression comments.

``<!-- awesome-lint-disable[-line|-next-line|-file] CODES -- reason -->``, and remark-lint's
``<!--lint disable|enable|ignore RULE-NAMES-->`` (which lists checked by the JavaScript
awesome-lint already carry), mapped to the rules here that check the same thing.
"""

from __future__ import annotations

import re

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.parser.inline import code_spans
from awesome_lint.records import Record

# Compiled by ``re`` on first use: most documents have no directive at all.
# The opening of a directive; its body runs to the first "-->" on the same line. Found
# with str.find rather than one regex: a lazy body followed by "[ \t]*-->" was quadratic
# on a directive followed by a long run of blanks, and every unclosed opener on a line
# would rescan the rest of it.
_OPENER = (
    r"<!--[ \t]*awesome-lint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])"
)

# (no "[ \t]*" before "-->" after the lazy body: that was quadratic on a run of blanks;
# the names are split and stripped anyway)
_REMARK = r"<!--[ \t]*lint[ \t]+(disable|enable|ignore)(?!\w|-(?!->))((?:(?!-->).)*?)-->"

KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file", "ignore")

# remark-lint / JavaScript awesome-lint rule names -> the codes here that check the same.
# Names not listed are ignored silently (they have no equivalent here).
REMARK_RULES: dict[str, tuple[str, ...]] = {
    "awesome-toc": ("AL701", "AL702"),
    "awesome-list-item": ("AL703", "AL704", "AL706", "AL708"),
    "no-repeat-item-in-description": ("AL705",),
    "awesome-spell-check": ("AL707",),
    "double-link": ("AL401",),
    "awesome-badge": ("AL709",),
    "no-ci-badge": ("AL710",),
    "awesome-license": ("AL711",),
    "awesome-contributing": ("AL712",),
    "final-newline": ("AL603",),
    "no-consecutive-blank-lines": ("AL602",),
    "no-trailing-spaces": ("AL104",),
    "unordered-list-marker-style": ("AL604",),
    "heading-increment": ("AL605",),
    "list-item-indent": ("AL706",),
    "no-empty-url": ("AL704",),
}


class Directive(Record):
    kind: str
    names: tuple[str, ...]  # as written (codes or names); empty: all rules
    start: int  # the comment's span
    end: int
    line: int  # 0-based
    own_line: bool  # the comment is alone on its line
    reason: str
    foreign: bool  # a remark-lint comment: never reported as unused
    end_line: int  # "ignore": the last line of the block it covers

    _fields = ("kind", "names", "start", "end", "line", "own_line", "reason", "foreign", "end_line")
    __slots__ = _fields

    def __init__(
        self,
        kind: str,
        names: tuple[str, ...],
        start: int,
        end: int,
        line: int,
        own_line: bool,
        reason: str = "",
        foreign: bool = False,
        end_line: int = -1,
    ) -> None:
        self.kind = kind
        self.names = names
        self.start = start
        self.end = end
        self.line = line
        self.own_line = own_line
        self.reason = reason
        self.foreign = foreign
        self.end_line = end_line


_REMARK_LINT = lazy_compile(r"<!--[ \t]*lint[ \t]")


def parse_directives(document: Document) -> list[Directive]:
    """Every suppression comment outside code, in source order."""
    text = document.text
    found: list[Directive] = []
    if "lint" in text and _REMARK_LINT.search(text):
        found.extend(_remark_directives(document))
    if "awesome-lint-" not in text:
        return found
    source = document.source
    close = newline = after = -1  # the next "-->" and line break, and the last match end
    for m in re.finditer(_OPENER, text):
        start = m.start()
        if start < after:
            continue  # inside the previous directive's body
        if close < m.end():
            close = text.find("-->", m.end())
            if close < 0:
                break  # no directive can close any more
        if newline < m.end():
            newline = text.find("\n", m.end())
            if newline < 0:
                newline = len(text)
        if close > newline:
            continue  # not closed on its line
        end = after = close + 3
        index = source.line_index(start)
        if index in document.code_lines:
            continue
        line = source.lines[index]
        if any(a <= start < b for a, b in code_spans(text, line.start, line.end)):
            continue
        body = text[m.end() : close]
        reason = ""
        if "--" in body:
            body, _, reason = body.partition("--")
        names = tuple(n for n in re.split(r"[\s,]+", body.strip()) if n)
        own_line = not text[line.start : start].strip() and not text[end : line.end].strip()
        found.append(Directive(m.group(1), names, start, end, index, own_line, reason.strip()))
    found.sort(key=lambda directive: directive.start)
    return found


def _remark_directives(document: Document) -> list[Directive]:
    """remark-lint's ``<!--lint disable|enable|ignore NAMES-->`` comments, mapped to codes.

    ``ignore`` covers the next block (remark: the next node), up to its last line. A
    comment that names only rules without an equivalent here is dropped.
    """
    text = document.text
    source = document.source
    found: list[Directive] = []
    for m in re.finditer(_REMARK, text):
        index = source.line_index(m.start())
        if index in document.code_lines:
            continue
        line = source.lines[index]
        if any(a <= m.start() < b for a, b in code_spans(text, line.start, line.end)):
            continue
        written = [n for n in re.split(r"[\s,]+", m.group(2).strip()) if n]
        codes: list[str] = []
        for name in written:
            name = name.lower().removeprefix("remark-lint:").removeprefix("remark-lint-")
            codes.extend(c for c in REMARK_RULES.get(name, ()) if c not in codes)
        if written and not codes:
            continue
        kind = m.group(1)
        end_line = -1
        if kind == "ignore":
            following = next((b for b in document.blocks if b.start_line > index), None)
            if following is None:
                continue
            end_line = following.end_line
        own_line = not text[line.start : m.start()].strip() and not text[m.end() : line.end].strip()
        found.append(
            Directive(kind, tuple(codes), m.start(), m.end(), index, own_line, "", True, end_line)
        )
    return found
