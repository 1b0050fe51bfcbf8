"""Suppression comments.

``<!-- awesome-lint-disable[-line|-next-line|-file] CODES -- reason -->``, and remark-lint's
``<!--lint disable|enable|ignore RULE-NAMES-->`` (which lists checked by the JavaScript
awesome-lint already carry), mapped to the rules here that check the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awesome_lint.parser.document import Document
from awesome_lint.parser.inline import code_spans

# Compiled by ``re`` on first use: most documents have no directive at all.
_DIRECTIVE = (
    r"<!--[ \t]*awesome-lint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])((?:(?!-->).)*?)[ \t]*-->"
)

_REMARK = r"<!--[ \t]*lint[ \t]+(disable|enable|ignore)(?!\w|-(?!->))((?:(?!-->).)*?)[ \t]*-->"

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


@dataclass(slots=True)
class Directive:
    kind: str
    names: tuple[str, ...]  # as written (codes or names); empty: all rules
    start: int  # the comment's span
    end: int
    line: int  # 0-based
    own_line: bool  # the comment is alone on its line
    reason: str = ""
    foreign: bool = False  # a remark-lint comment: never reported as unused
    end_line: int = -1  # "ignore": the last line of the block it covers


def parse_directives(document: Document) -> list[Directive]:
    """Every suppression comment outside code, in source order."""
    text = document.text
    found: list[Directive] = []
    if "lint" in text and re.search(r"<!--[ \t]*lint[ \t]", text):
        found.extend(_remark_directives(document))
    if "awesome-lint-" not in text:
        return found
    source = document.source
    for m in re.finditer(_DIRECTIVE, text):
        index = source.line_index(m.start())
        if index in document.code_lines:
            continue
        line = source.lines[index]
        if any(a <= m.start() < b for a, b in code_spans(text, line.start, line.end)):
            continue
        body = m.group(2)
        reason = ""
        if "--" in body:
            body, _, reason = body.partition("--")
        names = tuple(n for n in re.split(r"[\s,]+", body.strip()) if n)
        own_line = not text[line.start : m.start()].strip() and not text[m.end() : line.end].strip()
        found.append(
            Directive(m.group(1), names, m.start(), m.end(), index, own_line, reason.strip())
        )
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
