"""Suppression comments.

``<!-- awesome-lint-disable[-line|-next-line|-file] CODES -- reason -->``
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

KINDS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")


@dataclass(slots=True)
class Directive:
    kind: str
    names: tuple[str, ...]  # as written (codes or names); empty: all rules
    start: int  # the comment's span
    end: int
    line: int  # 0-based
    own_line: bool  # the comment is alone on its line
    reason: str = ""


def parse_directives(document: Document) -> list[Directive]:
    """Every suppression comment outside code, in source order."""
    text = document.text
    if "awesome-lint-" not in text:
        return []
    source = document.source
    found: list[Directive] = []
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
    return found
