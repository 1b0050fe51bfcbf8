"""The line table of ``SourceText``: the fast path for text whose lines all end in
``\\n`` gives the table the general path (a scan for every line ending) gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.source import Line, SourceText


def _reference(text: str) -> list[Line]:
    """The table as the general path makes it: each ``\\r\\n``, ``\\r`` or ``\\n`` ends a line."""
    lines = []
    pos = 0
    for number, match in enumerate(re.finditer(r"\r\n|\r|\n", text), start=1):
        lines.append(Line(number, pos, match.start(), match.group()))
        pos = match.end()
    lines.append(Line(len(lines) + 1, pos, len(text), ""))
    return lines


def test_lines_of_a_small_text() -> None:
    source = SourceText("- a\n\n  b \u2028c\n")
    assert source.lines == [
        Line(1, 0, 3, "\n"),
        Line(2, 4, 4, "\n"),
        Line(3, 5, 11, "\n"),
        Line(4, 12, 12, ""),
    ]
    assert all(type(line) is Line for line in source.lines)
    assert source.lines[2].next_start == 12
    assert source.position(9) == (3, 5)
    assert source.line_index(12) == 3


@given(st.text(alphabet="ab \t\n\r\u2028\ufeff", max_size=40))
def test_same_table_as_a_scan_for_line_endings(text: str) -> None:
    source = SourceText(text, bom=False)
    assert source.lines == _reference(text)
    assert [source.line_index(line.start) for line in source.lines] == [
        line.number - 1 for line in source.lines
    ]
